/**
 * Files → their fates in the report. Pure: the command lists the files and loads bytes on demand;
 * this decides what each one is. Every file ends in exactly one fate — files inside mails and
 * archives too, with paths like `新建区.zip!新建区统计表.docx` — and bad input becomes problems,
 * never an exception, never a silent skip.
 */
import { deadlineInstant, type Campaign } from '../campaign/campaign.js';
import { error, warning, type Problem, type RawSubmission } from '../core/problem.js';
import { readerFor, type AttachmentKind, type Format, type MailMeta, type ReaderOutcome } from '../read/index.js';
import { validateRaw } from '../validate/validate.js';
import { isoInZone } from '../core/clock.js';

export type Fate = 'submission' | 'superseded' | 'attachment' | 'not-a-submission' | 'unreadable' | 'unsafe' | 'unsupported' | 'container';

export interface FileResult {
  /** As the user should recognise it: relative to what they named; `!` steps into a mail or archive. */
  path: string;
  format: Format;
  fate: Fate;
  status?: 'valid' | 'invalid';
  unit?: string;
  /**
   * When it reached the centre (ISO 8601), with `receivedFrom` saying how that is known. Absent when
   * nothing dated says it (the only time is a copy's: see `fileTime`).
   */
  receivedAt?: string;
  /** The evidence of `receivedAt`: the folder's 收件记录.yaml, the mail's Date header, the file's own time. */
  receivedFrom?: ReceivedFrom;
  /** The file's own time when it was found to be the time of a copy (kept for people, never for lateness). */
  fileTime?: string;
  /** For a file inside an archive: the entry's own time (when it was last edited), for people. */
  entryTime?: string;
  /** For attachments: which piece it is. */
  attachment?: AttachmentKind;
  data?: Record<string, unknown>;
  originals?: Record<string, string>;
  problems: Problem[];
  /** The mail that brought it (subject, sender), for attributing it to a unit. */
  mail?: MailMeta;
  /** The mail or archive it came in. */
  parent?: string;
  /** For a superseded submission: the one that counts instead. */
  supersededBy?: string;
  /** For a stamped scan or a photo, when scans are checked: the seal (docs/scans.md). */
  scan?: import('../scan/check.js').ScanCheck;
}

/**
 * How a received time is known, strongest first: `record` = 收件记录.yaml in the inbox folder (the
 * mail server's time written by `fetch`, or a time the centre typed), `mail` = the mail's Date header,
 * `file` = the file's own modification time, `copy` = a file time found to be the time of a copy
 * (then there is no received time at all).
 */
export type ReceivedFrom = 'record' | 'mail' | 'file' | 'copy';

export interface InputFile {
  path: string;
  /** File size in bytes (known before reading, so an oversized file is never loaded). */
  size: number;
  /** Loads the bytes; not called for files rejected by name or size. */
  load(): Promise<Uint8Array>;
  /** Where it lies on disk, so a worker thread can read it itself (`pool.ts`). */
  source?: string;
  /** The file's modification time: when it arrived, unless a mail says otherwise. */
  mtime?: Date;
  /** Decided before reading (a folder without permission, a broken link, the same file twice). */
  preset?: { fate: Fate; problem: Problem };
}

/** Plain notes and web pages: read by people, never the form. */
const NOTE_EXTENSIONS = new Set(['.txt', '.md', '.htm', '.html', '.url', '.lnk', '.ini', '.log']);

/** Mails in archives in mails…: deeper than this is not how people send reports. */
const MAX_DEPTH = 6;

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'), p.lastIndexOf('!')) + 1);

export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(Thumbs\.db|desktop\.ini|__MACOSX)$/i.test(name);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

/** The received-time record at the top of an inbox folder (written by `fetch`, editable by hand). */
export const RECORD_FILE = '收件记录.yaml';

/**
 * The tool's own files, as they may lie in an inbox folder: the received-time record, state files
 * (`.lifelong-week…`), and what `merge` writes — the city workbook, its CSV/JSON, the leader's summary
 * and the city's own 统计表 (「…统计表（南昌市）.docx」). Never submissions.
 */
export function ownFile(name: string, campaign: Pick<Campaign, 'city' | 'year'>): 'record' | 'state' | 'output' | undefined {
  if (name === RECORD_FILE) return 'record';
  if (name.startsWith('.lifelong-week')) return 'state';
  if (name.startsWith(`${campaign.city}${campaign.year}年全民终身学习活动周`)) return 'output';
  if (/\.(docx|pdf)$/i.test(name) && name.includes(`统计表（${campaign.city}）`)) return 'output';
  return undefined;
}

interface Context {
  mail?: MailMeta;
  parent?: string;
  depth: number;
  /** Read what is inside mails and archives (off for a single file given to render or fill). */
  expand?: boolean;
  /** How the time handed down from the mail or archive is known. */
  receivedFrom?: ReceivedFrom;
  /** Check stamped scans and photos for the seal (`validate --check-scans`). */
  scans?: ScanCheckOptions;
}

/** Plain data, so worker threads receive it too. */
export interface ScanCheckOptions {
  /** Where results are cached by file hash. */
  cacheDir?: string;
  /** Also read the scan's text to compare with the electronic form (when the OCR add-on is installed). */
  ocr?: boolean;
}

/** One file (and, for a mail or an archive, everything inside it), appended to `out` in reading order. */
async function readInto(input: InputFile, campaign: Campaign, ctx: Context, out: FileResult[]): Promise<void> {
  const base = baseOf(input, campaign, ctx);
  if (input.preset) {
    out.push({ ...base, format: 'other', fate: input.preset.fate, problems: [input.preset.problem] });
    return;
  }
  const name = baseName(input.path);
  const reader = readerFor(name);
  if (isHiddenName(name) || !reader) {
    out.push(notRead(base, name));
    return;
  }
  const failed = (fate: Fate, problem: Problem): void => void out.push({ ...base, format: reader.format, fate, problems: [problem] });
  if (input.size > reader.maxBytes)
    return failed('unsafe', error('file.tooLarge', { size: formatBytes(input.size), limit: formatBytes(reader.maxBytes) }));
  let bytes: Uint8Array;
  try {
    bytes = await input.load();
  } catch (e) {
    return failed('unreadable', error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  // An empty file (a failed upload, a copy that never finished) says nothing about its format or
  // its unit: unreadable, never an invalid submission of no unit — a .yaml as much as a .docx.
  if (bytes.byteLength === 0)
    return failed('unreadable', error(reader.format === 'yaml' || reader.format === 'json' ? 'file.empty' : 'file.emptyDocument'));
  let outcome: ReaderOutcome;
  try {
    outcome = await reader.read(bytes, name);
  } catch (e) {
    // A reader that throws is a bug, but one hostile file must never stop the batch.
    return failed('unreadable', error('internal', { detail: e instanceof Error ? e.message : String(e) }));
  }
  switch (outcome.kind) {
    case 'submission':
      out.push(submissionResult(base, reader.format, outcome.raw, campaign));
      return;
    case 'attachment':
      out.push(await attachmentResult(base, reader.format, outcome, bytes, name, ctx.scans));
      return;
    case 'not-a-submission':
    case 'unsupported':
    case 'unreadable':
    case 'unsafe':
      out.push({ ...base, format: reader.format, fate: outcome.kind, problems: outcome.raw.problems });
      return;
    case 'container':
      await expandContainer(input, base, reader.format, outcome, campaign, ctx, out);
      return;
  }
}

type Base = Pick<FileResult, 'path' | 'mail' | 'parent' | 'receivedAt' | 'receivedFrom'>;

/** Where a file sits and when it arrived: its mail's date, else the file's own time (docs/inbox.md). */
function baseOf(input: InputFile, campaign: Campaign, ctx: Context): Base {
  return {
    path: input.path,
    ...(ctx.mail ? { mail: ctx.mail } : {}),
    ...(ctx.parent ? { parent: ctx.parent } : {}),
    ...(ctx.mail?.date
      ? { receivedAt: isoInZone(ctx.mail.date, campaign.timezone), receivedFrom: 'mail' as const }
      : input.mtime
        ? { receivedAt: isoInZone(input.mtime, campaign.timezone), receivedFrom: ctx.receivedFrom ?? ('file' as const) }
        : {}),
  };
}

/**
 * A file no reader takes. A system or lock file, or a note, is plainly not a report; a format that
 * might hold one but cannot be read here (WPS, ODF, old Excel…) is "unsupported", so the centre asks again.
 */
function notRead(base: Base, name: string): FileResult {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const hidden = isHiddenName(name);
  const note = !hidden && NOTE_EXTENSIONS.has(ext);
  const problem = hidden ? warning('file.hidden') : note ? warning('file.note', { ext }) : warning('file.unsupported', { ext });
  return { ...base, format: 'other', fate: hidden || note ? 'not-a-submission' : 'unsupported', problems: [problem] };
}

/** A form read: validated against the one form, its values given storage of their own. */
function submissionResult(base: Base, format: Format, raw: RawSubmission, campaign: Campaign): FileResult {
  const result = validateRaw(raw, campaign);
  const valid = !result.problems.some((p) => p.severity === 'error');
  // Values are substrings of the whole decoded file (a document.xml of 100 KB): V8 keeps the
  // parent string alive for each. A JSON round trip gives them their own storage, so ten
  // thousand results do not hold ten thousand documents (bench/inbox.mjs: memory stays flat).
  const own = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    ...base,
    format,
    fate: 'submission',
    status: valid ? 'valid' : 'invalid',
    ...(result.unit ? { unit: result.unit } : {}),
    data: own(result.data),
    originals: own(result.originals),
    problems: own(result.problems),
  };
}

/**
 * A piece besides the form. With the scan check on, a stamped scan is checked for the seal (and its
 * figures), and a photo counts as the scan when it shows a seal or the form (its title or labels,
 * read with the OCR add-on when the photo is mostly paper); activity photos stay photos (docs/scans.md).
 */
async function attachmentResult(
  base: Base,
  format: Format,
  outcome: Extract<ReaderOutcome, { kind: 'attachment' }>,
  bytes: Uint8Array,
  name: string,
  scans: ScanCheckOptions | undefined,
): Promise<FileResult> {
  const result: FileResult = { ...base, format, fate: 'attachment', attachment: outcome.attachment, problems: outcome.raw.problems };
  const photo = outcome.attachment === 'photo' && format === 'image';
  if (!scans || (outcome.attachment !== 'stampedScan' && !photo)) return result;
  const { checkScan } = await import('../scan/check.js');
  const { scanProblems, photoProblems } = await import('../scan/problems.js');
  let scan = await checkScan(bytes, name, photo ? { ...scans, ocr: false, photo: { read: true } } : scans);
  if (photo) {
    const showsForm = scan.seal === 'found' || scan.form === 'shown';
    if (!showsForm) result.problems = [...result.problems, ...photoProblems(scan)];
    if (showsForm) {
      result.attachment = 'stampedScan';
      if (scans.ocr) scan = await checkScan(bytes, name, scans);
    }
  }
  if (result.attachment === 'stampedScan') {
    result.scan = scan;
    result.problems = [...result.problems, ...scanProblems(scan)];
  }
  return result;
}

/**
 * A mail or an archive: listed, then every part read in turn (unless `expand` is off, or it is nested
 * too deep). Parts arrive with their mail or archive: the archive's own entry times say when a file
 * was last edited, not when it reached the centre (kept as `entryTime` for people).
 */
async function expandContainer(
  input: InputFile,
  base: Base,
  format: Format,
  outcome: Extract<ReaderOutcome, { kind: 'container' }>,
  campaign: Campaign,
  ctx: Context,
  out: FileResult[],
): Promise<void> {
  const mailDate = outcome.mail?.date ? isoInZone(outcome.mail.date, campaign.timezone) : undefined;
  out.push({
    ...base,
    ...(outcome.mail ? { mail: outcome.mail, ...(mailDate ? { receivedAt: mailDate, receivedFrom: 'mail' as const } : {}) } : {}),
    format,
    fate: 'container',
    problems: outcome.raw.problems,
  });
  if (ctx.expand === false) return;
  if (ctx.depth >= MAX_DEPTH) {
    out[out.length - 1]!.problems.push(error('file.tooDeep'));
    return;
  }
  const mail = outcome.mail ?? ctx.mail;
  const arrived = mailDate ?? base.receivedAt;
  const arrivedFrom: ReceivedFrom | undefined = mailDate ? 'mail' : base.receivedFrom;
  const childCtx: Context = {
    ...(mail ? { mail } : {}),
    parent: input.path,
    depth: ctx.depth + 1,
    ...(arrivedFrom ? { receivedFrom: arrivedFrom } : {}),
    ...(ctx.scans ? { scans: ctx.scans } : {}),
  };
  const seen = new Map<string, number>();
  for (const child of outcome.children) {
    // Two entries with one name (a mail with two 「统计表.docx」) keep two paths.
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    const path = `${input.path}!${n > 1 ? `${child.name} (${n})` : child.name}`;
    if (child.problem) {
      // An entry refused inside the archive (a bomb, a damaged entry): named as a file in an archive.
      const inArchive =
        child.problem.code === 'file.zipBomb' || child.problem.code === 'file.corrupt' ? { format: 'archiveEntry' } : undefined;
      out.push({
        path,
        format: 'other',
        fate: child.problem.fate,
        parent: input.path,
        ...(arrived ? { receivedAt: arrived, ...(arrivedFrom ? { receivedFrom: arrivedFrom } : {}) } : {}),
        ...(mail ? { mail } : {}),
        problems: [error(child.problem.code, inArchive)],
      });
      continue;
    }
    const bytes = child.bytes!;
    const before = out.length;
    const childInput: InputFile = {
      path,
      size: bytes.byteLength,
      load: async () => bytes,
      ...(arrived ? { mtime: new Date(arrived) } : {}),
    };
    await readInto(childInput, campaign, childCtx, out);
    if (child.mtime && out[before]) out[before]!.entryTime = isoInZone(child.mtime, campaign.timezone);
  }
}

/** One file on its own (render, fill --from): containers are listed, not expanded. */
export async function checkFile(input: InputFile, campaign: Campaign): Promise<FileResult> {
  const out: FileResult[] = [];
  await readInto(input, campaign, { depth: 0, expand: false }, out);
  return out[0]!;
}

/** Every file, and everything inside mails and archives, in reading order. */
export async function checkFiles(
  inputs: readonly InputFile[],
  campaign: Campaign,
  opts: { scans?: ScanCheckOptions } = {},
): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const input of inputs) await readInto(input, campaign, { depth: 0, ...(opts.scans ? { scans: opts.scans } : {}) }, out);
  return out;
}

export { deadlineInstant };
