/**
 * 联系人及电话: a list of {name, phone}, or free text such as
 * 「万梦婷 19979136126；万 翾 17770022118」 (the notice's own contacts). Phones are found first and names
 * are what stands between them, so a space inside a Chinese name (万 翾) is not a separator.
 */
import { CONTACT_KEYS } from '../form/definition.js';
import { fail, foldWidth, scalarText, type Normalized } from './common.js';

export interface ContactValue {
  name: string;
  phone: string;
}

/** A mobile (1[3-9] + 9 digits) or a landline (0 + 2–3 digit area code + 7–8 digits, optional extension). */
const PHONE_SOURCE = String.raw`(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}|\(?0\d{2,3}\)?[-\s]?\d{3,4}[-\s]?\d{3,4}(?:\s*(?:-|转|分机|ext\.?)\s*\d{1,6})?`;
const PHONE_IN_TEXT = new RegExp(`(?<![\\d])(?:${PHONE_SOURCE})(?![\\d])`, 'g');
/** Digit runs that look like an attempt at a phone number (for "bad phone" rather than "no phone"). */
const DIGITS_IN_TEXT = /(?<![\d])[+\d][\d\s()-]{2,}\d(?![\d])/g;

/** Canonical phone: mobile as 11 digits; landline as 0791-86771234 (area code rule: 010 and 02x are 3 digits). */
export function normalizePhone(input: string): string | undefined {
  const folded = foldWidth(input).trim();
  const ext = /(?:转|分机|ext\.?|-)\s*(\d{1,6})$/i.exec(folded);
  let digits = folded.replace(/[\s()+-]/g, '');
  if (/^86(1[3-9]\d{9})$/.test(digits)) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  // A landline with an extension: take the extension off before counting digits.
  let extension = '';
  if (ext && !/^0\d{9,11}$/.test(digits)) {
    const body = folded.slice(0, ext.index).replace(/[\s()+-]/g, '');
    if (/^0\d{9,11}$/.test(body)) {
      digits = body;
      extension = ext[1]!;
    }
  }
  if (!/^\d+$/.test(digits) || digits[0] !== '0') return undefined;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (local.length < 7 || local.length > 8) return undefined;
  return `${digits.slice(0, areaLength)}-${local}${extension ? `-${extension}` : ''}`;
}

const NAME_NOISE = /^[\s;；,，、/|:：]+|[\s;；,，、/|:：]+$/g;
const NAME_LABELS = /(联系人|联系电话|电话|手机|座机|办公电话|tel|Tel|TEL)[:：]?/g;

function cleanName(text: string): string {
  return text.replace(NAME_LABELS, ' ').replace(NAME_NOISE, '').replace(/\s+/g, ' ').trim();
}

type Problems = Normalized<ContactValue[]>['problems'];

/** Between two contacts: 「；;、，,」 and line breaks (a space is not: 万 翾 is one name). */
const CONTACT_SEPARATORS = /[；;、，,\n\r]+/;

/**
 * Parse free text into contacts. The text is cut at the separators first and every piece is read
 * on its own, so 「刘芳 1390791234；王伟 0791-86771234」 is two contacts and the short number of the
 * first is refused, never hidden inside a name. A piece with only a number belongs to the person
 * named just before (「张敏 0791-86771234、13907912345」, 「联系人：刘芳，电话：139…」).
 */
function parseText(text: string, problems: Problems): ContactValue[] {
  const contacts: ContactValue[] = [];
  /** A name whose number has not come yet (「联系人：刘芳，电话：…」). */
  let waiting: string | undefined;
  const noPhone = (name: string) => problems.push({ severity: 'error', code: 'contacts.noPhone', params: { name } });
  for (const piece of text.split(CONTACT_SEPARATORS)) {
    if (cleanName(piece) === '') continue;
    const read = parsePiece(piece, problems, waiting ?? contacts[contacts.length - 1]?.name);
    if (read.nameOnly !== undefined) {
      if (waiting !== undefined) noPhone(waiting);
      waiting = read.nameOnly;
      continue;
    }
    if (read.usedCarried && waiting !== undefined) waiting = undefined;
    else if (waiting !== undefined && (read.contacts.length > 0 || read.failed)) {
      noPhone(waiting);
      waiting = undefined;
    }
    contacts.push(...read.contacts);
  }
  if (waiting !== undefined) noPhone(waiting);
  return contacts;
}

/** One piece between separators: its contacts, or the bare name it is (waiting for a number). */
function parsePiece(
  text: string,
  problems: Problems,
  carried: string | undefined,
): { contacts: ContactValue[]; nameOnly?: string; usedCarried: boolean; failed: boolean } {
  const folded = foldWidth(text);
  const contacts: ContactValue[] = [];
  const before = problems.length;
  let usedCarried = false;
  let last = 0;
  for (const m of folded.matchAll(PHONE_IN_TEXT)) {
    const phone = normalizePhone(m[0]);
    const name = cleanName(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (!phone) {
      problems.push({ severity: 'error', code: 'contacts.badPhone', params: { phone: m[0].trim() } });
      continue;
    }
    if (name === '') {
      // A further number for the person just named: one contact per number, so every `phone`
      // stays one phone number.
      const prev = contacts[contacts.length - 1]?.name ?? carried;
      if (prev !== undefined) {
        if (contacts.length === 0) usedCarried = true;
        contacts.push({ name: prev, phone });
      } else problems.push({ severity: 'error', code: 'contacts.noName', params: { phone } });
      continue;
    }
    contacts.push({ name, phone });
  }
  const rest = cleanName(text.slice(last));
  if (rest !== '') {
    const digits = foldWidth(rest).match(DIGITS_IN_TEXT);
    if (digits) problems.push({ severity: 'error', code: 'contacts.badPhone', params: { phone: digits[0].trim() } });
    else if (contacts.length === 0 && problems.length === before) return { contacts, nameOnly: rest, usedCarried, failed: false };
    else problems.push({ severity: 'error', code: 'contacts.noPhone', params: { name: rest } });
  }
  return { contacts, usedCarried, failed: problems.length > before };
}

const NAME_KEYS = ['name', CONTACT_KEYS.name, '联系人'];
const PHONE_KEYS = ['phone', CONTACT_KEYS.phone, '手机', '联系电话', '手机号'];
const pick = (o: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(o, k)) return o[k];
  return undefined;
};

/** One item of a contact list: {姓名, 电话} or 「姓名 电话」; undefined when it is neither. */
function readItem(item: unknown, problems: Problems): ContactValue[] | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    const text = scalarText(item);
    if (text === undefined) return undefined;
    return typeof text === 'string' ? parseText(text, problems) : [];
  }
  const o = item as Record<string, unknown>;
  const name = scalarText(pick(o, NAME_KEYS));
  const phoneText = scalarText(pick(o, PHONE_KEYS));
  if (!name && !phoneText) return [];
  if (typeof phoneText !== 'string') {
    problems.push({ severity: 'error', code: 'contacts.noPhone', params: { name: typeof name === 'string' ? name : '' } });
    return [];
  }
  if (typeof name !== 'string') {
    problems.push({ severity: 'error', code: 'contacts.noName', params: { phone: phoneText } });
    return [];
  }
  // A 姓名 holding a number or a second person (「刘芳 1390791234；王伟」, as older versions wrote
  // it) is read as free text with its 电话, so every number in it is checked.
  if (/[\d０-９]/.test(name) || CONTACT_SEPARATORS.test(name)) return parseText(`${name} ${phoneText}`, problems);
  const phones = phoneText
    .split(/[、,，;；/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const normalized = phones.map((p) => normalizePhone(p));
  const bad = phones.find((_, i) => normalized[i] === undefined);
  if (bad !== undefined) {
    problems.push({ severity: 'error', code: 'contacts.badPhone', params: { phone: bad } });
    return [];
  }
  return normalized.map((phone) => ({ name: name.replace(/\s+/g, ' '), phone: phone! }));
}

export function normalizeContacts(raw: unknown): Normalized<ContactValue[]> {
  const problems: Problems = [];
  let contacts: ContactValue[] = [];
  let original: string | undefined;
  if (Array.isArray(raw)) {
    for (const [index, item] of raw.entries()) {
      const before = problems.length;
      const read = readItem(item, problems);
      if (read === undefined) return fail('contacts.invalid');
      contacts.push(...read);
      for (const p of problems.slice(before)) p.item = index;
    }
  } else {
    const text = scalarText(raw);
    if (text === undefined) return fail('contacts.invalid');
    if (text === null) return { problems: [] };
    original = text;
    contacts = parseText(text, problems);
    if (contacts.length === 0 && problems.length === 0) return fail('contacts.invalid');
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  if (contacts.length === 0) return { problems };
  return { value: contacts, ...(original !== undefined ? { original } : {}), problems };
}
