/**
 * Sentences from the one catalogue (core/messages.ts) in the user's language, by code; lists joined
 * as the language joins them.
 */
import { formatMessage, type Lang, type MessageCode, type Params } from './messages.js';

/** Items of a list in a sentence: 「甲、乙」 in Chinese, “a, b” in English. */
export const joinList = (lang: Lang, items: readonly string[], by: 'list' | 'comma' | 'semicolon' = 'list'): string =>
  items.join(formatMessage(`punct.${by}`, undefined, lang));

/** A catalogue sentence in the user's language (core/messages.ts), by code. */
export const say = (lang: Lang, code: MessageCode, params?: Params): string => formatMessage(code, params, lang);
