/**
 * Colours for the terminal report: chalk on a colour terminal, plain text otherwise (NO_COLOR, a
 * pipe, a file). chalk loads only when there is colour to paint.
 */
export type Painter = (text: string) => string;
export interface Paint {
  bold: Painter;
  dim: Painter;
  red: Painter;
  green: Painter;
  yellow: Painter;
  cyan: Painter;
}

const same: Painter = (text) => text;
export const PLAIN: Paint = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

export async function paintFor(color: boolean): Promise<Paint> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
