/**
 * The one progress bar: on standard error, on a terminal only, redrawn at most every 100 ms, wiped
 * when done. `validate --check-scans`, `merge` and `fetch` show it.
 */
import { say } from '../core/say.js';
import type { Io } from '../core/io.js';

export function progressBar(
  total: number,
  enabled: boolean,
  lang: Io['lang'],
  verb: 'progress.reading' | 'progress.fetching' = 'progress.reading',
) {
  let done = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(`\r${say(lang, verb)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
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
