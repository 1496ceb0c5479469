/**
 * The sample inbox (fixtures/inbox/, made by scripts/make-inbox.mjs) agrees with its expected outcome
 * (fixtures/inbox.expected.json): every file on disk — and every part inside a mail or an archive,
 * listed with the project's own readers — is in the JSON and nothing else is; the units' verdicts
 * follow from the files'; GBK names decode; times are as the story says. This checks the fixture
 * only; whether `validate` reaches that outcome is the inbox tests' business.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023, unitNames } from '../src/campaign/campaign.js';
import { readEml } from '../src/read/eml.js';
import { readZip } from '../src/read/zip.js';
import { fixture } from './helpers.js';

interface ExpectedFile {
  path: string;
  fate: 'submission' | 'superseded' | 'attachment' | 'not-a-submission' | 'unreadable' | 'unsafe' | 'unsupported' | 'container';
  unit?: string;
  status?: 'valid' | 'invalid';
  kind?: 'stampedScan' | 'workPlan' | 'workSummary' | 'photo';
  receivedAt: string;
  mtime?: string;
  entryTime?: string;
  supersededBy?: string;
  reason?: string;
}
interface ExpectedUnit {
  name: string;
  status: 'valid' | 'invalid' | 'missing';
  late: boolean;
  source: string | null;
  pieces: { form: boolean; stampedScan: boolean; workPlan: boolean; workSummary: boolean };
  data?: { activityCount: number; participantCount: number };
}
const INBOX = fixture('inbox');
const spec = JSON.parse(readFileSync(fixture('inbox.expected.json'), 'utf8')) as {
  campaign: { deadline: string };
  files: ExpectedFile[];
  units: ExpectedUnit[];
};
const byPath = new Map(spec.files.map((f) => [f.path, f]));
const file = (path: string) => byPath.get(path) ?? expect.fail(`not in the expected outcome: ${path}`);
const deadline = new Date(spec.campaign.deadline);

/** Top-level files, recursively, dotfiles included, as `a/b.ext`. */
function onDisk(dir = INBOX, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? onDisk(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

interface Part {
  path: string;
  bytes?: Uint8Array;
  mtime?: Date;
  mailDate?: Date;
}

/** The parts of a mail or a zip, recursively, read with src/read/eml.ts and src/read/zip.ts. */
async function parts(path: string, bytes: Uint8Array): Promise<Part[]> {
  const out: Part[] = [];
  if (/\.eml$/i.test(path)) {
    const mail = await readEml(bytes);
    expect(mail.omitted ?? []).toEqual([]);
    for (const a of mail.attachments) {
      const p = `${path}!${a.filename}`;
      out.push({ path: p, bytes: a.bytes, ...(mail.date ? { mailDate: mail.date } : {}) }, ...(await parts(p, a.bytes)));
    }
  } else if (/\.zip$/i.test(path)) {
    const zip = await readZip(bytes);
    if (!zip.ok) expect.fail(`${path}: ${zip.error}`);
    for (const e of zip.entries) {
      const p = `${path}!${e.name}`;
      if ('bytes' in e) out.push({ path: p, bytes: e.bytes, ...(e.mtime ? { mtime: e.mtime } : {}) }, ...(await parts(p, e.bytes)));
      else out.push({ path: p });
    }
  }
  return out;
}

async function everything(): Promise<Part[]> {
  const all: Part[] = [];
  for (const path of onDisk()) {
    const bytes = new Uint8Array(readFileSync(join(INBOX, path)));
    all.push({ path, bytes }, ...(await parts(path, bytes)));
  }
  return all;
}

describe('sample inbox: files', () => {
  it('every file on disk and every part of a mail or archive is listed, and nothing else', async () => {
    const listed = spec.files.map((f) => f.path);
    expect(new Set(listed).size).toBe(listed.length);
    const found = (await everything()).map((p) => p.path);
    expect([...found].sort()).toEqual([...listed].sort());
  });

  it('each file has one fate with what that fate needs', () => {
    for (const f of spec.files) {
      expect(
        ['submission', 'superseded', 'attachment', 'not-a-submission', 'unreadable', 'unsafe', 'unsupported', 'container'],
        f.path,
      ).toContain(f.fate);
      if (f.fate === 'submission' || f.fate === 'superseded') expect(['valid', 'invalid'], f.path).toContain(f.status);
      else expect(f.status, f.path).toBeUndefined();
      if (f.fate === 'attachment') expect(['stampedScan', 'workPlan', 'workSummary', 'photo'], f.path).toContain(f.kind);
      else expect(f.kind, f.path).toBeUndefined();
      if (f.fate === 'container') expect(f.path).toMatch(/\.(eml|zip)$/);
      if (f.fate === 'superseded') expect(file(f.supersededBy!).fate).toBe('submission');
      if (f.unit) expect(unitNames(NANCHANG_2023), f.path).toContain(f.unit);
      // A part belongs to the container it sits in, and arrived with it.
      const container = f.path.includes('!') ? f.path.slice(0, f.path.lastIndexOf('!')) : undefined;
      if (container) {
        expect(file(container).fate, f.path).toBe('container');
        if (f.unit) expect(file(container).unit, f.path).toBe(f.unit);
        expect(f.receivedAt, f.path).toBe(file(container).receivedAt);
      }
    }
  });

  it('GBK names without the UTF-8 flag in 新建区.zip decode with readZip', async () => {
    const bytes = readFileSync(join(INBOX, '新建区.zip'));
    // Central directory: no entry has general-purpose bit 11 (UTF-8), and no name is UTF-8.
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let n = 0;
    while (at >= 0) {
      expect(bytes.readUInt16LE(at + 8) & 0x800).toBe(0);
      const name = bytes.subarray(at + 46, at + 46 + bytes.readUInt16LE(at + 28));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(name)).toThrow();
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
      n++;
    }
    expect(n).toBe(4);
    const zip = await readZip(new Uint8Array(bytes));
    expect(zip.ok && zip.entries.map((e) => e.name)).toEqual([
      '新建区统计表.docx',
      '新建区盖章扫描件.pdf',
      '新建区2023年全民终身学习活动周工作方案.docx',
      '照片.zip',
    ]);
  });

  it('raw 8-bit GBK headers and names in 青山湖区.eml decode with readEml', async () => {
    const bytes = readFileSync(join(INBOX, '青山湖区.eml'));
    expect(bytes.includes(Buffer.from('统计表'))).toBe(false); // not UTF-8
    expect(bytes.includes(Buffer.from('=?'))).toBe(false); // not RFC 2047
    expect(new TextDecoder('gb18030').decode(bytes)).toContain('filename="统计表.xlsx"');
    const mail = await readEml(new Uint8Array(bytes));
    expect(mail.subject).toBe('青山湖区全民终身学习活动周统计表及总结');
    expect(mail.from).toEqual({ name: '青山湖区社区教育学院', address: 'qshsqxy@126.com' });
    expect(mail.attachments.map((a) => a.filename)).toEqual(['统计表.xlsx', '扫描件.pdf', '活动周工作总结.docx']);
  });

  it('the formats are what the story says they are', async () => {
    const all = new Map((await everything()).map((p) => [p.path, p.bytes]));
    const bytes = (path: string) => Buffer.from(all.get(path) ?? expect.fail(`no bytes: ${path}`));
    const zipPart = async (path: string, part: string) => {
      const z = await readZip(bytes(path), undefined, { only: (n) => n === part });
      const e = z.ok ? z.entries[0] : undefined;
      return e && 'bytes' in e ? Buffer.from(e.bytes).toString('utf8') : expect.fail(`${path}: no ${part}`);
    };
    // Hand-filled forms are written by LibreOffice, not by this tool; with merged cells.
    for (const path of [
      '东湖区材料.eml!东湖区2023年全民终身学习活动开展情况统计表.docx',
      '西湖区统计表.docx',
      '新建区.zip!新建区统计表.docx',
      '高新区报送材料.eml!南昌高新区统计表.docx',
    ]) {
      expect(await zipPart(path, 'docProps/app.xml'), path).toContain('LibreOffice');
      const xml = await zipPart(path, 'word/document.xml');
      expect(xml, path).toMatch(/<w:vMerge w:val="restart"\/>/);
      expect(xml, path).toMatch(/<w:gridSpan w:val="2"\/>/);
    }
    // Half-width brackets typed in a label: LibreOffice splits the run there (CJK / Latin script).
    const xihu = await zipPart('西湖区统计表.docx', 'word/document.xml');
    expect(xihu).toContain('出席活动</w:t></w:r>');
    expect([...xihu.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toContain('出席活动(开幕式)的领导');
    // This tool's own DOCX carries its data copy; its PDF an attached submission.json.
    expect(await zipPart('红谷滩新区统计表.docx', 'docProps/app.xml')).not.toContain('LibreOffice');
    expect(bytes('经开区/经开区统计表.pdf').includes(Buffer.from('/EmbeddedFile'))).toBe(true);
    // The retyped sheet: merged cells, a formula with its cached value, a percent cell.
    const sheet = await zipPart('青山湖区.eml!统计表.xlsx', 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<mergeCell ref="A\d+:A\d+"\/>/);
    expect(sheet).toMatch(/<f[^>]*>2300\+1800\+2600\+1900<\/f><v>8600<\/v>/);
    expect(sheet).toContain('<v>0.96</v>');
    // Scans: image-only PDFs (a JPEG per page, no font, no text) and a JPEG.
    for (const path of spec.files.filter((f) => f.kind === 'stampedScan').map((f) => f.path)) {
      if (path.endsWith('.jpg')) expect(bytes(path).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      else {
        expect(bytes(path).includes(Buffer.from('/DCTDecode')), path).toBe(true);
        expect(bytes(path).includes(Buffer.from('/BaseFont')), path).toBe(false);
      }
    }
    for (const path of spec.files.filter((f) => f.kind === 'photo').map((f) => f.path))
      expect(bytes(path).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(bytes('南昌县统计表.doc').subarray(0, 8)).toEqual(ole);
    expect(bytes('西湖区工作总结.doc').subarray(0, 8)).toEqual(ole);
    expect(bytes('湾里管理局材料.rar').subarray(0, 7).toString('latin1')).toBe('Rar!\x1a\x07\x00');
    expect((await readZip(bytes('安义县活动周材料.eml!安义县工作方案.docx'))).ok).toBe(false);
    expect(bytes('~$东湖区统计表.docx').length).toBe(162);
  });

  it('stays small', () => {
    const total = onDisk().reduce((n, p) => n + statSync(join(INBOX, p)).size, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('sample inbox: times', () => {
  it('file times, once set from the JSON (git keeps none), are the intended ones', () => {
    const copy = mkdtempSync(join(tmpdir(), 'inbox-fixture-'));
    cpSync(INBOX, copy, { recursive: true });
    for (const f of spec.files.filter((f) => f.mtime)) {
      const t = new Date(f.mtime!);
      utimesSync(join(copy, f.path), t, t);
    }
    for (const path of onDisk()) {
      const f = file(path);
      expect(f.mtime, path).toBeDefined();
      expect(statSync(join(copy, path)).mtime.toISOString(), path).toBe(new Date(f.mtime!).toISOString());
      // A loose file was received when it was written; a saved mail when its Date says.
      if (!path.endsWith('.eml')) expect(f.receivedAt, path).toBe(f.mtime);
      else expect(new Date(f.mtime!) > deadline, `${path} was saved by the centre after the deadline`).toBe(true);
    }
    for (const f of spec.files) if (f.path.includes('!')) expect(f.mtime, f.path).toBeUndefined();
  });

  it('mail Date headers (+0800) and zip entry times are those of the story', async () => {
    for (const p of await everything()) {
      const f = file(p.path);
      if (p.path.endsWith('.eml') && !p.path.includes('!')) {
        const mail = await readEml(p.bytes!);
        expect(mail.dateHeader, p.path).toMatch(/\+0800$/);
        expect(mail.date?.toISOString(), p.path).toBe(new Date(f.receivedAt).toISOString());
      }
      if (p.mailDate) expect(p.mailDate.toISOString(), p.path).toBe(new Date(f.receivedAt).toISOString());
      if (p.mtime) {
        // DOS times have no zone: yauzl reads them as local time, so compare the wall clock.
        const m = p.mtime;
        const wall = `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}-${String(m.getDate()).padStart(2, '0')} ${String(m.getHours()).padStart(2, '0')}:${String(m.getMinutes()).padStart(2, '0')}`;
        expect(wall, p.path).toBe(f.entryTime);
      }
    }
  });
});

describe('sample inbox: units', () => {
  it('lists the 12 roster units in roster order', () => {
    expect(spec.units.map((u) => u.name)).toEqual(NANCHANG_2023.roster.map((u) => u.name));
  });

  it("each unit's verdict follows from its files", () => {
    for (const u of spec.units) {
      const mine = spec.files.filter((f) => f.unit === u.name);
      const submissions = mine.filter((f) => f.fate === 'submission');
      expect(submissions.length, u.name).toBeLessThanOrEqual(1);
      const winner = submissions[0];
      expect(u.source, u.name).toBe(winner?.path ?? null);
      // A unit whose files arrived but none is its form is never plain 未报送.
      expect(u.status, u.name).toBe(winner?.status ?? (mine.some((f) => f.fate !== 'container') ? 'unreadable' : 'missing'));
      expect(u.late, u.name).toBe(winner ? new Date(winner.receivedAt) > deadline : false);
      const has = (kind: string) => mine.some((f) => f.fate === 'attachment' && f.kind === kind);
      const word = mine.some((f) => (f.fate === 'submission' || f.fate === 'superseded') && /\.docx?$/i.test(f.path));
      expect(u.pieces, u.name).toEqual({
        form: !!winner,
        wordForm: word,
        stampedScan: has('stampedScan'),
        workPlan: has('workPlan'),
        workSummary: has('workSummary'),
      });
      for (const s of mine.filter((f) => f.fate === 'superseded')) {
        expect(s.supersededBy, s.path).toBe(winner?.path);
        expect(new Date(s.receivedAt) < new Date(winner!.receivedAt), s.path).toBe(true);
      }
      if (u.status === 'valid') expect(u.data, u.name).toEqual({ activityCount: expect.any(Number), participantCount: expect.any(Number) });
    }
  });

  it('tells the story: 9 valid (one late), 高新区 invalid, 青云谱区 missing, 湾里管理局 sent only what cannot be read', () => {
    const by = (status: string) => spec.units.filter((u) => u.status === status).map((u) => u.name);
    expect(by('invalid')).toEqual(['高新区']);
    expect(by('missing')).toEqual(['青云谱区']);
    expect(by('unreadable')).toEqual(['湾里管理局']);
    expect(by('valid')).toHaveLength(9);
    expect(spec.units.filter((u) => u.late).map((u) => u.name)).toEqual(['安义县']);
    expect(spec.units.find((u) => u.name === '进贤县')?.data).toEqual({ activityCount: 24, participantCount: 5600 });
  });
});
