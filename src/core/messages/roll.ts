/** The catalogue's part for the roll call: verdicts, the chase list, reminders and the scan check as the centre reads them. */
import type { Entry } from './kit.js';

export const ROLL_MESSAGES = {
} satisfies Record<string, Entry>;
