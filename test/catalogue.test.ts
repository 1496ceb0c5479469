/**
 * The one message catalogue (src/core/messages.ts and its parts in src/core/messages/): every code
 * renders in Chinese and in English, no code is defined twice (a later part would silently replace
 * an earlier one), and English output carries no Chinese apart from values the user sees as names —
 * a quoted value, a label of the form, a sheet or folder name — which stay as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, formatMessage, type MessageCode } from '../src/core/messages.js';
import { FIELDS, GROUPS, FURNITURE } from '../src/form/definition.js';
import { SHEET_NAMES } from '../src/merge/workbook.js';
import { NANCHANG_2023 } from '../src/campaign/campaign.js';

const ROOT = join(import.meta.dirname, '..');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Any parameter reads as an ASCII placeholder, so what is left in English is the catalogue's own text. */
const anyParams = new Proxy({} as Record<string, string>, { get: (_t, key) => (typeof key === 'string' ? `v_${key}` : undefined) });

/** Names the user meets as they are, in any language: the form's labels, sheet and folder names, the campaign's own words. */
function values(): string[] {
  const campaign = NANCHANG_2023;
  const names = [
    ...FIELDS.flatMap((f) => [f.label, f.labelPath]),
    ...GROUPS.map((g) => g.label),
    FURNITURE.title(campaign.year),
    ...Object.values(SHEET_NAMES),
    '收件箱',
    '催报邮件',
    '收件记录.yaml',
    campaign.city,
    ...campaign.roster.map((u) => u.name),
  ];
  return [...new Set(names.filter((n) => n && CJK.test(n)))].sort((a, b) => b.length - a.length);
}

/** English text with quoted values and known names taken out: what remains must be English. */
function leftover(text: string, names: readonly string[]): string {
  let rest = text.replace(/“[^”]*”|「[^」]*」|《[^》]*》/g, '');
  for (const n of names) rest = rest.split(n).join('');
  return rest;
}

describe('the message catalogue', () => {
  const codes = Object.keys(MESSAGES) as MessageCode[];

  it('renders every code in both languages', () => {
    expect(codes.length).toBeGreaterThan(300);
    for (const code of codes) {
      const zh = formatMessage(code, anyParams, 'zh');
      const en = formatMessage(code, anyParams, 'en');
      expect(typeof zh, code).toBe('string');
      expect(typeof en, code).toBe('string');
      expect(en.trim().length + zh.trim().length, code).toBeGreaterThan(0);
      expect(zh, code).not.toMatch(/undefined|\[object Object\]/);
      expect(en, code).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it('has no Chinese in English output, values aside', () => {
    const names = values();
    const leaks = codes
      .map((code) => ({ code, rest: leftover(formatMessage(code, anyParams, 'en'), names) }))
      .filter(({ rest }) => CJK.test(rest))
      .map(({ code, rest }) => `${code}: ${rest}`);
    expect(leaks).toEqual([]);
  });

  it('defines each code once across its parts', () => {
    const files = [
      join(ROOT, 'src/core/messages.ts'),
      ...readdirSync(join(ROOT, 'src/core/messages')).map((f) => join(ROOT, 'src/core/messages', f)),
    ];
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s+'([\w.]+)': \{/gm)) {
        if (seen.has(m[1]!)) twice.push(`${m[1]} (${seen.get(m[1]!)} and ${file})`);
        else seen.set(m[1]!, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('is the only place sentences are chosen by language: no inline t(lang, zh, en) left in src/', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/\bt\((?:lang|io\.lang|opts\.lang|this\.lang)\s*,/.test(text)) offenders.push(path.slice(ROOT.length + 1));
          // A sentence chosen by language in place: 「lang === 'en' ? `…` : `…中文…`」 on one line.
          for (const line of text.split('\n'))
            if (
              !/src\/core\/messages/.test(path) &&
              /\blang === '(?:en|zh)' \?/.test(line) &&
              CJK.test(line) &&
              !/^\s*(?:\/\/|\*)/.test(line)
            )
              offenders.push(`${path.slice(ROOT.length + 1)}: ${line.trim()}`);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
