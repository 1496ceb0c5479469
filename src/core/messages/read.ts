/** The catalogue's part for the readers and the inbox walker: formats, archives, mails and the speed-related notices. */
import type { Entry } from './kit.js';

export const READ_MESSAGES = {} satisfies Record<string, Entry>;
