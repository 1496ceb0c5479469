// The bench inbox: a mixed folder of generated submissions (YAML, our DOCX and PDF, a hand-made Word form, XLSX,
// EML with attachments, ZIP), shared by bench/inbox.mjs and the test that keeps reports identical
// (test/inbox-same.test.ts). Deterministic: the same n gives the same bytes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { UNITS } from './roster.mjs';

/** The files the inbox is made of: our own DOCX and PDF rendered from the sample, office files from fixtures/office. */
export function inboxTemplates(root) {
  const bin = join(root, 'bin', 'lifelong-week');
  const work = mkdtempSync(join(tmpdir(), 'lw-bench-templates-'));
  try {
    const sampleYaml = readFileSync(join(root, 'fixtures', 'sample', '东湖区.yaml'));
    spawnSync(process.execPath, [bin, 'render', join(root, 'fixtures', 'sample', '东湖区.yaml'), '-o', work], { stdio: 'ignore' });
    const ours = readdirSync(work);
    const ownDocx = readFileSync(
      join(
        work,
        ours.find((f) => f.endsWith('.docx')),
      ),
    );
    const ownPdf = readFileSync(
      join(
        work,
        ours.find((f) => f.endsWith('.pdf')),
      ),
    );
    const office = join(root, 'fixtures', 'office');
    const pick = (ext) => (existsSync(office) ? readdirSync(office).find((f) => f.endsWith(ext)) : undefined);
    const foreignDocx = pick('.docx') ? readFileSync(join(office, pick('.docx'))) : ownDocx;
    const xlsx = pick('.xlsx') ? readFileSync(join(office, pick('.xlsx'))) : undefined;
    return { sampleYaml, ownDocx, ownPdf, foreignDocx, xlsx };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const units = UNITS;

/** The unit every template names (the sample form is 东湖区's). */
const SAMPLE_UNIT = '东湖区';

/** An office file (DOCX, XLSX) with the unit its XML parts name (the first of the roster found) made `unit`. */
function officeFor(bytes, unit) {
  const parts = unzipSync(new Uint8Array(bytes));
  const xml = Object.entries(parts).filter(([name]) => name.endsWith('.xml'));
  const text = xml.map(([, data]) => new TextDecoder().decode(data)).join('');
  const named = units.find((u) => text.includes(u)) ?? SAMPLE_UNIT;
  for (const [name, data] of xml) parts[name] = new TextEncoder().encode(new TextDecoder().decode(data).replaceAll(named, unit));
  return Buffer.from(zipSync(parts, { mtime: new Date('2023-11-20T08:00:00+08:00') }));
}

/**
 * The templates for every unit of the roster, as a real inbox has them: each unit's own form (the
 * sample with its name, rendered to our DOCX and PDF by the tool), its Word form and workbook naming
 * it. `generateInbox` with these gives each file to the unit in its name, content included, so the
 * roll call sees about n/12 files per unit in the shapes units send (not n/12 versions of one form).
 */
export function unitTemplates(root) {
  const base = inboxTemplates(root);
  const bin = join(root, 'bin', 'lifelong-week');
  const work = mkdtempSync(join(tmpdir(), 'lw-bench-units-'));
  try {
    const perUnit = {};
    for (const unit of units) {
      const sampleYaml = Buffer.from(base.sampleYaml.toString().replaceAll(SAMPLE_UNIT, unit));
      const yamlPath = join(work, `${unit}.yaml`);
      writeFileSync(yamlPath, sampleYaml);
      spawnSync(process.execPath, [bin, 'render', yamlPath, '-o', join(work, unit)], { stdio: 'ignore' });
      const ours = readdirSync(join(work, unit));
      perUnit[unit] = {
        sampleYaml,
        ownDocx: readFileSync(
          join(
            work,
            unit,
            ours.find((f) => f.endsWith('.docx')),
          ),
        ),
        ownPdf: readFileSync(
          join(
            work,
            unit,
            ours.find((f) => f.endsWith('.pdf')),
          ),
        ),
        foreignDocx: officeFor(base.foreignDocx, unit),
        xlsx: base.xlsx ? officeFor(base.xlsx, unit) : undefined,
      };
    }
    return { ...base, perUnit };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A unit's mail with its attachments ([name, bytes, type]); `date` is its Date header (default: 28 Nov 2023, 10:i). */
export function mail(unit, i, attachments, date = `Tue, 28 Nov 2023 10:${String(i % 60).padStart(2, '0')}:00 +0800`) {
  const boundary = `----=_lw_${i}`;
  const parts = attachments.map(
    ([name, bytes, type]) =>
      `--${boundary}\r\nContent-Type: ${type}; name*=UTF-8''${encodeURIComponent(name)}\r\nContent-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  return Buffer.from(
    `From: =?UTF-8?B?${Buffer.from(`${unit}教体局`).toString('base64')}?= <unit${i}@example.cn>\r\nTo: jxedusqjy@163.com\r\nSubject: =?UTF-8?B?${Buffer.from(`${unit}活动周材料报送`).toString('base64')}?=\r\nDate: ${date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n请查收。\r\n${parts.join('')}--${boundary}--\r\n`,
  );
}

/** The kinds, in the order files cycle through them (for ms/file per kind). */
export const KINDS = ['yaml', 'own docx', 'own pdf', 'Word form docx', 'xlsx', 'eml (docx + pdf)', 'zip (yaml + docx)'];

/** n files into dir; `kind(i)` is KINDS[i % 7]. Returns the file names, in order. */
export function generateInbox(dir, n, t) {
  const names = [];
  const put = (file, bytes) => {
    writeFileSync(join(dir, file), bytes);
    names.push(file);
  };
  for (let i = 0; i < n; i++) {
    const unit = units[i % units.length];
    // With `unitTemplates`, the unit's own files; else every form is 东湖区's (the YAML aside).
    const own = t.perUnit?.[unit];
    const { sampleYaml, ownDocx, ownPdf, foreignDocx, xlsx } = own ?? t;
    const name = `${String(i).padStart(5, '0')}-${unit}`;
    switch (i % 7) {
      case 0:
        put(`${name}.yaml`, own ? sampleYaml : Buffer.from(sampleYaml.toString().replaceAll(SAMPLE_UNIT, unit)));
        break;
      case 1:
        put(`${name}.docx`, ownDocx);
        break;
      case 2:
        put(`${name}.pdf`, ownPdf);
        break;
      case 3:
        put(`${name}统计表.docx`, foreignDocx);
        break;
      case 4:
        put(`${name}.${xlsx ? 'xlsx' : 'yaml'}`, xlsx ?? sampleYaml);
        break;
      case 5:
        put(
          `${name}.eml`,
          mail(unit, i, [
            [`${unit}统计表.docx`, foreignDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
            ['盖章扫描件.pdf', ownPdf, 'application/pdf'],
          ]),
        );
        break;
      case 6:
        put(
          `${name}.zip`,
          zipSync(
            { [`${unit}.yaml`]: new Uint8Array(sampleYaml), [`${unit}.docx`]: new Uint8Array(ownDocx) },
            { mtime: new Date('2023-11-20T08:00:00+08:00') },
          ),
        );
        break;
    }
  }
  return names;
}

/**
 * The inbox of the test that keeps reports identical (test/inbox-same.test.ts): the generated mixed
 * files (10 of each kind) beside copies of the project's fixture folders — real office files, the
 * hostile and broken parts, the invalid forms, the sample inbox — with one fixed file time, so
 * `validate --json` on it is the same on any machine and any day.
 */
export function sameInbox(dir, root, templates) {
  const { cpSync, utimesSync, readdirSync: list, statSync } = fs;
  generateInbox(dir, 70, templates);
  for (const sub of ['inbox', 'inbox-parts', 'invalid', 'office', 'readers', 'encoding', 'sample'])
    cpSync(join(root, 'fixtures', sub), join(dir, `fixtures-${sub}`), { recursive: true });
  // Office parts that only xmldom decides: a DTD (refused), an undefined entity and a broken tag
  // (corrupt), an unquoted attribute (a warning: read); and an empty document.
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const part = (body) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const cell = (label, value) =>
    `<w:tr><w:tc><w:p><w:r><w:t>${label}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${value}</w:t></w:r></w:p></w:tc></w:tr>`;
  const table = ['举办县区', '东湖区', '全区参与活动的数量', '12', '参加活动人数', '3000', '活动主题', '终身学习', '群众满意度', '95%'];
  const rows = (attr) =>
    `<w:tbl>${table
      .map((t, i) => (i % 2 ? '' : cell(t, table[i + 1])))
      .join('')
      .replace('<w:tr>', `<w:tr ${attr}>`)}</w:tbl>`;
  const docx = (xml) =>
    zipSync(
      { '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(xml) },
      { mtime: new Date('2023-11-20T08:00:00+08:00') },
    );
  writeFileSync(join(dir, 'x-DOCTYPE.docx'), docx('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + part('').slice(21)));
  writeFileSync(join(dir, 'x-未定义实体.docx'), docx(part(`${rows('')}<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`)));
  writeFileSync(join(dir, 'x-标签不配对.docx'), docx(part(`${rows('')}<w:p><w:r>`)));
  writeFileSync(join(dir, 'x-属性无引号.docx'), docx(part(rows('w:rsidR=00AB12'))));
  writeFileSync(join(dir, 'x-空文件.docx'), '');
  const when = new Date('2023-11-27T09:30:00+08:00');
  const touch = (d) => {
    for (const name of list(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) touch(full);
      utimesSync(full, when, when);
    }
  };
  touch(dir);
}
