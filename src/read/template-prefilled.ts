/**
 * What a blank template prints already (render/model.ts `templateText`): the unit it was made for
 * (`template --district`) and the campaign's theme. A form with nothing else filled in is still a
 * blank template, never a submission.
 */
export const TEMPLATE_PREFILLED: ReadonlySet<string> = new Set(['district', 'content.theme']);
