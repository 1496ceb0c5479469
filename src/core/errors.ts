/**
 * Typed errors, mapped to exit codes by the one top-level handler in `cli.ts` (changesets' pattern):
 * 0 ok, 1 validation problems, 2 usage error, 70 internal error (a bug: sysexits' EX_SOFTWARE, so a
 * script can tell a crash from a bad form), 130 interrupted. Nothing below the handler calls
 * `process.exit`.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70, interrupted: 130 } as const;

/** The user asked for something impossible (a missing path, a bad option, a bad campaign file). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * A renderer could not make the document for a reason the user can repair (its font package missing
 * or damaged), by message code: the handler says it in the user's language and exits 2, like a usage
 * error; `message` is the Chinese text for callers without a language (the renderers stay free of the
 * CLI's vocabulary).
 */
export class RenderError extends Error {
  readonly exitCode = EXIT.usage;
  /** The sentence in each language (the catalogue's, made where the error is thrown). */
  readonly texts: Readonly<Record<'zh' | 'en', string>> | undefined;
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>>,
    message: string,
    options?: { cause?: unknown; texts?: Readonly<Record<'zh' | 'en', string>> },
  ) {
    super(message, options);
    this.name = 'RenderError';
    this.texts = options?.texts;
  }
}

/** Already reported to the user; only the exit code is left to set. */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}

/** Ctrl+C during an interview or a long run. */
export class InterruptedError extends Error {
  readonly exitCode = EXIT.interrupted;
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/*
 * Each subcommand is its own bundle (scripts/build.mjs), with its own copy of these classes: the
 * top-level handler in bin.js recognises them by name, not by `instanceof`.
 */
const named = (e: unknown, name: string): e is Error & { exitCode: number } =>
  e instanceof Error && e.name === name && typeof (e as { exitCode?: unknown }).exitCode === 'number';
export const isUsageError = (e: unknown): e is UsageError => named(e, 'UsageError');
export const isRenderError = (e: unknown): e is RenderError => named(e, 'RenderError');
export const isExitError = (e: unknown): e is ExitError => named(e, 'ExitError');
export const isInterruptedError = (e: unknown): e is InterruptedError => named(e, 'InterruptedError');
