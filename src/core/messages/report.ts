/** The catalogue's part for validate's report: the file list, the roll-call table and its words. */
import type { Entry } from './kit.js';

export const REPORT_MESSAGES = {
} satisfies Record<string, Entry>;
