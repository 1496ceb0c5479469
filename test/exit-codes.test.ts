/**
 * The one error handler's mapping (README「退出码」): a script must be able to tell a crash (70) from a bad
 * form (1) and a wrong command line (2).
 */
import { describe, expect, it } from 'vitest';
import { handleError } from '../src/cli.js';
import { EXIT, ExitError, InterruptedError, UsageError } from '../src/core/errors.js';
import type { Io } from '../src/core/io.js';
import type { Lang } from '../src/core/messages.js';

function captureIo(lang: Lang): Io & { errors: string[] } {
  const errors: string[] = [];
  return { lang, color: false, errors, out: () => undefined, err: (text) => errors.push(text) };
}

describe('exit codes', () => {
  it('an internal error (a bug) exits 70, not 1, and says it is a bug without a stack trace', () => {
    const io = captureIo('zh');
    expect(handleError(new TypeError("Cannot read properties of undefined (reading 'x')"), io)).toBe(70);
    expect(EXIT.internal).toBe(70);
    expect(io.errors.join('\n')).toContain('程序内部错误');
    expect(io.errors.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('a thrown non-Error is an internal error too, in English as well', () => {
    const io = captureIo('en');
    expect(handleError('boom', io)).toBe(EXIT.internal);
    expect(io.errors.join('\n')).toContain('Internal error');
  });

  it('usage, invalid-data and interruption keep their own codes', () => {
    expect(handleError(new UsageError('找不到文件'), captureIo('zh'))).toBe(2);
    expect(handleError(new ExitError(EXIT.invalid), captureIo('zh'))).toBe(1);
    expect(handleError(new InterruptedError(), captureIo('zh'))).toBe(130);
  });
});
