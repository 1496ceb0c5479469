/** The catalogue's part for the renderers: fonts, page layout and what they report about the files they make. */
import type { Entry } from './kit.js';

export const RENDER_MESSAGES = {
} satisfies Record<string, Entry>;
