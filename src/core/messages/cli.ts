/** The catalogue's part for the command line: help, usage errors, progress and summaries printed by the commands. */
import type { Entry } from './kit.js';

export const CLI_MESSAGES = {
} satisfies Record<string, Entry>;
