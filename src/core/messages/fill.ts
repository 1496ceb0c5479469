/** The catalogue's part for the interview (`fill`): questions, echoes, the review and the next steps. */
import type { Entry } from './kit.js';

export const FILL_MESSAGES = {
} satisfies Record<string, Entry>;
