/**
 * Which language the user reads: Chinese unless `--lang en`, `LIFELONG_WEEK_LANG=en` or an English
 * locale (LC_ALL / LC_MESSAGES / LANG starting with `en`) says otherwise.
 */
import type { Lang } from './messages/kit.js';

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
