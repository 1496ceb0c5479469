/**
 * The one progress bar: on standard error, on a terminal only, redrawn at most every 100 ms, wiped
 * when done. `validate --check-scans`, `merge` and `fetch` show it.
 */
import { t } from '../core/lang.js';
import type { Io } from '../core/io.js';

export function progressBar(total: number, enabled: boolean, lang: Io['lang'], verb: { zh: string; en: string } = { zh: '读取', en: 'Reading' }) {
  let done = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(`\r${t(lang, verb.zh, verb.en)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick() {
      done++;
      draw(done === total);
    },
    end() {
      if (enabled && total > 0) process.stderr.write('\r\x1b[K');
    },
  };
}
