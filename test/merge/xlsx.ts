/** Read a workbook back for the tests: sheet names, cells (with types), merged ranges, panes. */
import { unzipSync } from 'fflate';
import { parseXml, type Element } from '../../src/read/xml.js';

export interface ReadCell {
  ref: string;
  /** The cell's `t`: 's' shared string, undefined a number. */
  type: string | undefined;
  value: string | number | undefined;
  formula: boolean;
  style: number;
}

export interface ReadSheet {
  name: string;
  xml: string;
  cells: Map<string, ReadCell>;
  /** Rows as arrays of values (A…), 1-based row numbers kept as index + 1. */
  rows: Array<Array<string | number | undefined>>;
  merges: string[];
  pane: Record<string, string> | undefined;
  heights: Map<number, number>;
  cols: Array<{ min: number; max: number; width: number }>;
}

const children = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagName(name));

export function colIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function readWorkbook(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (p: string) => new TextDecoder().decode(files[p]);
  const shared = files['xl/sharedStrings.xml']
    ? children(parseXml(text('xl/sharedStrings.xml')).documentElement!, 'si').map((si) =>
        children(si, 't')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
    : [];
  const book = parseXml(text('xl/workbook.xml'));
  const names = children(book.documentElement!, 'sheet').map((s) => s.getAttribute('name')!);
  const sheets: ReadSheet[] = names.map((name, i) => {
    const xml = text(`xl/worksheets/sheet${i + 1}.xml`);
    const doc = parseXml(xml).documentElement!;
    const cells = new Map<string, ReadCell>();
    const rows: ReadSheet['rows'] = [];
    const heights = new Map<number, number>();
    for (const row of children(doc, 'row')) {
      const r = Number(row.getAttribute('r'));
      if (row.getAttribute('ht')) heights.set(r, Number(row.getAttribute('ht')));
      const values: Array<string | number | undefined> = [];
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r')!;
        const type = c.getAttribute('t') ?? undefined;
        const v = children(c, 'v')[0]?.textContent ?? undefined;
        const value = v === undefined ? undefined : type === 's' ? shared[Number(v)] : type === 'str' || type === 'b' ? v : Number(v);
        cells.set(ref, { ref, type, value, formula: children(c, 'f').length > 0, style: Number(c.getAttribute('s') ?? 0) });
        values[colIndex(ref)] = value;
      }
      rows[r - 1] = values;
    }
    const pane = children(doc, 'pane')[0];
    return {
      name,
      xml,
      cells,
      rows,
      merges: children(doc, 'mergeCell').map((m) => m.getAttribute('ref')!),
      pane: pane ? Object.fromEntries(Array.from(pane.attributes).map((a) => [a.name, a.value])) : undefined,
      heights,
      cols: children(doc, 'col').map((c) => ({
        min: Number(c.getAttribute('min')),
        max: Number(c.getAttribute('max')),
        width: Number(c.getAttribute('width')),
      })),
    };
  });
  return { names, sheets, files, workbookXml: text('xl/workbook.xml'), styles: text('xl/styles.xml') };
}
