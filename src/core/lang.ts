/**
 * Which language the user reads: Chinese unless `--lang en`, `LIFELONG_WEEK_LANG=en` or an English
 * locale (LC_ALL / LC_MESSAGES / LANG starting with `en`) says otherwise.
 */
import { formatMessage, type Lang, type MessageCode, type Params } from './messages.js';

export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return parseLang(argv[i + 1]) ?? 'zh';
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? 'zh';
  }
  const fromEnv = env.LIFELONG_WEEK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG;
  return fromEnv && /^en/i.test(fromEnv) ? 'en' : 'zh';
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  if (/^en/i.test(value)) return 'en';
  if (/^zh/i.test(value) || value === 'cn') return 'zh';
  return undefined;
}

/** Pick the sentence for the current language. */
export const t = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** Items of a list in a sentence: 「甲、乙」 in Chinese, “a, b” in English. */
export const joinList = (lang: Lang, items: readonly string[], by: 'list' | 'comma' | 'semicolon' = 'list'): string =>
  items.join(formatMessage(`punct.${by}`, undefined, lang));

/** A catalogue sentence in the user's language (core/messages.ts), by code. */
export const say = (lang: Lang, code: MessageCode, params?: Params): string => formatMessage(code, params, lang);
