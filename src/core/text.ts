/**
 * Text helpers every layer above may use: width folding and "did you mean". Pure, no `node:` module
 * (docs/architecture.md: the core also runs in the browser).
 */

/**
 * Full-width ASCII (U+FF01–FF5E) to half-width and the ideographic space to a space, one code unit
 * for one, so indices into the folded text are indices into the original. Chinese IMEs produce
 * 「３６」「％」「（」 as readily as ASCII.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * The closest candidate to `text`, or undefined when nothing is close enough to be a plausible typo.
 * Containment counts as close (「参加人数」 → 「参加活动人数」).
 */
export function closest<T>(text: string, candidates: readonly T[], keyOf: (c: T) => string): T | undefined {
  let best: T | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const key = keyOf(c);
    if (key === '') continue;
    let score = editDistance(text, key);
    if (text.length >= 2 && (key.includes(text) || text.includes(key))) score = Math.min(score, 1);
    const allowed = Math.max(1, Math.floor(Math.max([...text].length, [...key].length) / 2));
    if (score <= allowed && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
