/**
 * What every part of the message catalogue shares: the entry shape and the parameter formatter.
 * The catalogue is one registry (`MESSAGES` in core/messages.ts) assembled from parts by area,
 * so that a change to the interview's sentences and one to the roll call's do not touch one file.
 */

export type Lang = 'zh' | 'en';
/** A message's parameters (a file name, a field label, a count …). */
export type Params = Record<string, string | number>;

export type Template = (p: Params) => string;
export type Entry = { zh: Template; en: Template };

/** A parameter as text; a missing one reads as nothing rather than "undefined". */
export const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));
