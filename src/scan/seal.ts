/**
 * Finding the official seal on a page picture (docs/scans.md). Pure: an RGBA raster and its scale in,
 * candidates out.
 *
 * A county-level organ's seal is a red circle of 4.2 cm with a 0.1 cm rim, the organ's name along
 * the arc and a five-pointed star in the middle (State Council rules on official seals; provincial
 * ones 4.5–5 cm). So, at the page's real scale:
 * 1. a mask of reddish pixels (hue within ~35° of red, some saturation: red, dark red, orange-red,
 *    faint ink on tinted paper), on a grid of about 0.3 mm;
 * 2. connected pieces of red, grouped when they lie within 3 mm of each other (a faint ring breaks
 *    into arcs; the name and the star are separate pieces);
 * 3. for each group of plausible size, a circle fitted to its outermost red points;
 * 4. a seal when: diameter 25–70 mm, round (not an ellipse), red along most of the ring, and red
 *    inside it — along the band where the name runs or in the centre where the star is. A pen
 *    circle has no red inside; an underline, red words, an ellipse or a red banner are not round.
 */

export interface SealCandidate {
  /** Centre, millimetres from the page's top-left corner. */
  xMm: number;
  yMm: number;
  diameterMm: number;
  /** Share of the ring's circumference that carries red (0–1). */
  ringCoverage: number;
  /** Share of the band inside the ring (where the name runs) that carries red, by angle (0–1). */
  textBand: number;
  /** Share of the central disc (the star) that is red (0–1). */
  centre: number;
  /** Width / height of the red group (1 = round). */
  aspect: number;
  /** Spread of the outermost red points around the fitted circle, relative to its radius. */
  roundness: number;
  isSeal: boolean;
  /** Why a candidate is not a seal (for tests and --json). */
  rejected?: 'size' | 'notRound' | 'ringBroken' | 'nothingInside';
}

export const SEAL_DIAMETER_MM = { min: 25, max: 70 } as const;

interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reddish: hue within ~35° of red (orange-red included), saturated enough not to be paper or gray. */
export function isReddish(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  if (max !== r || max < 70) return false;
  const min = Math.min(g, b);
  const chroma = r - min;
  if (chroma < 34 || chroma / r < 0.16) return false;
  // Hue: between magenta-red (b > g) and orange-red (up to ~30°); orange ink is bright, a dark
  // orange is brown (wood, a photo's skin tones), not ink.
  if (g >= b) {
    const hue = (g - b) / chroma; // 1 = 60°
    return hue <= 0.34 || (hue <= 0.5 && r >= 160);
  }
  return (b - g) / chroma <= 0.35;
}

/** Circle through points by least squares (Kåsa): centre and radius. */
function fitCircle(points: ReadonlyArray<readonly [number, number]>): { cx: number; cy: number; r: number } | undefined {
  const n = points.length;
  if (n < 5) return undefined;
  let sx = 0,
    sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let suu = 0,
    svv = 0,
    suv = 0,
    suuu = 0,
    svvv = 0,
    suvv = 0,
    svuu = 0;
  for (const [x, y] of points) {
    const u = x - mx;
    const v = y - my;
    suu += u * u;
    svv += v * v;
    suv += u * v;
    suuu += u * u * u;
    svvv += v * v * v;
    suvv += u * v * v;
    svuu += v * u * u;
  }
  const det = suu * svv - suv * suv;
  if (Math.abs(det) < 1e-9) return undefined;
  const a = (suuu + suvv) / 2;
  const b = (svvv + svuu) / 2;
  const uc = (a * svv - b * suv) / det;
  const vc = (b * suu - a * suv) / det;
  const r = Math.sqrt(uc * uc + vc * vc + (suu + svv) / n);
  return { cx: uc + mx, cy: vc + my, r };
}

/**
 * The seal candidates on one page. `pxPerMm` is the raster's scale on paper. Returns every group of
 * plausible size with its measures; `isSeal` marks the seals.
 */
export function findSeals(img: Raster, pxPerMm: number): SealCandidate[] {
  // 1. The red mask on a grid of about 0.3 mm: a cell is red when any pixel in it is.
  const step = Math.max(1, Math.round(pxPerMm * 0.3));
  const gw = Math.ceil(img.width / step);
  const gh = Math.ceil(img.height / step);
  const mask = new Uint8Array(gw * gh);
  const d = img.data;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width * 4;
    const gy = ((y / step) | 0) * gw;
    for (let x = 0; x < img.width; x++) {
      const i = row + x * 4;
      const r = d[i]!;
      // Fast path: most pixels are paper (all channels high and close) or text (red not highest).
      if (r < 70 || r < d[i + 1]! || r < d[i + 2]!) continue;
      if (isReddish(r, d[i + 1]!, d[i + 2]!)) mask[gy + ((x / step) | 0)] = 1;
    }
  }
  const mm = pxPerMm / step; // grid cells per millimetre

  // 2. Connected pieces (8-neighbours), then groups of pieces within 3 mm.
  const label = new Int32Array(gw * gh).fill(-1);
  const boxes: Array<{ x0: number; y0: number; x1: number; y1: number; n: number }> = [];
  const queue = new Int32Array(gw * gh);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]! >= 0) continue;
    const id = boxes.length;
    const box = { x0: gw, y0: gh, x1: 0, y1: 0, n: 0 };
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = id;
    while (head < tail) {
      const p = queue[head++]!;
      const x = p % gw;
      const y = (p / gw) | 0;
      box.n++;
      if (x < box.x0) box.x0 = x;
      if (x > box.x1) box.x1 = x;
      if (y < box.y0) box.y0 = y;
      if (y > box.y1) box.y1 = y;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const q = ny * gw + nx;
          if (mask[q] && label[q]! < 0) {
            label[q] = id;
            queue[tail++] = q;
          }
        }
    }
    boxes.push(box);
  }
  // Specks of noise are not ink.
  const pieces = boxes.map((b, id) => ({ ...b, id })).filter((b) => b.n >= 3);
  const gap = 3 * mm;
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < pieces.length; i++)
    for (let j = i + 1; j < pieces.length; j++) {
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (a.x0 - gap <= b.x1 && b.x0 - gap <= a.x1 && a.y0 - gap <= b.y1 && b.y0 - gap <= a.y1) parent[find(i)] = find(j);
    }
  const groups = new Map<number, { x0: number; y0: number; x1: number; y1: number; ids: Set<number> }>();
  for (const [i, p] of pieces.entries()) {
    const root = find(i);
    const g = groups.get(root) ?? { x0: gw, y0: gh, x1: 0, y1: 0, ids: new Set<number>() };
    g.x0 = Math.min(g.x0, p.x0);
    g.y0 = Math.min(g.y0, p.y0);
    g.x1 = Math.max(g.x1, p.x1);
    g.y1 = Math.max(g.y1, p.y1);
    g.ids.add(p.id);
    groups.set(root, g);
  }

  // 3–4. Fit and judge each group of plausible size.
  const out: SealCandidate[] = [];
  const red = (x: number, y: number) => x >= 0 && y >= 0 && x < gw && y < gh && mask[y * gw + x] === 1;
  for (const g of groups.values()) {
    const wMm = (g.x1 - g.x0 + 1) / mm;
    const hMm = (g.y1 - g.y0 + 1) / mm;
    if (Math.max(wMm, hMm) < SEAL_DIAMETER_MM.min * 0.8 || Math.min(wMm, hMm) > SEAL_DIAMETER_MM.max * 1.3) continue;
    const aspect = wMm / hMm;
    // Outermost red point of the group in each of 120 directions from the box's centre.
    const bx = (g.x0 + g.x1) / 2;
    const by = (g.y0 + g.y1) / 2;
    const bins = 120;
    const far: Array<[number, number] | undefined> = new Array(bins);
    const farD = new Float64Array(bins);
    for (let y = g.y0; y <= g.y1; y++)
      for (let x = g.x0; x <= g.x1; x++) {
        const p = y * gw + x;
        if (!mask[p] || !g.ids.has(label[p]!)) continue;
        const dx = x - bx;
        const dy = y - by;
        const dist = dx * dx + dy * dy;
        const k = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * bins) % bins;
        if (dist > farD[k]!) {
          farD[k] = dist;
          far[k] = [x, y];
        }
      }
    let points = far.filter((p): p is [number, number] => p !== undefined);
    let circle = fitCircle(points);
    // Refit without points far off the circle (a stroke of red text beside the seal).
    for (let round = 0; circle && round < 2; round++) {
      const c = circle;
      const res = points.map(([x, y]) => Math.abs(Math.hypot(x - c.cx, y - c.cy) - c.r));
      const sorted = [...res].sort((a, b) => a - b);
      const limit = Math.max(1.5, 2.5 * sorted[Math.floor(sorted.length / 2)]!);
      const kept = points.filter((_, i) => res[i]! <= limit);
      if (kept.length < 8 || kept.length === points.length) break;
      points = kept;
      circle = fitCircle(points);
    }
    if (!circle) continue;
    const { cx, cy, r } = circle;
    const diameterMm = (2 * r) / mm;
    const rms = Math.sqrt(points.reduce((s, [x, y]) => s + (Math.hypot(x - cx, y - cy) - r) ** 2, 0) / points.length) / r;
    // Ring: is there red within the rim's width (plus a little for blur and skew) in each direction?
    const tol = Math.max(1.5, 1.2 * mm, 0.04 * r);
    const dirs = 180;
    let onRing = 0;
    let inBand = 0;
    for (let k = 0; k < dirs; k++) {
      const a = (2 * Math.PI * k) / dirs;
      const ca = Math.cos(a);
      const sa = Math.sin(a);
      let hit = false;
      for (let t = r - tol; t <= r + tol && !hit; t += 0.5) hit = red(Math.round(cx + t * ca), Math.round(cy + t * sa));
      if (hit) onRing++;
      // The name runs in the band between about 0.5 and 0.88 of the radius.
      let band = false;
      for (let t = r * 0.5; t <= r * 0.88 && !band; t += 0.7) band = red(Math.round(cx + t * ca), Math.round(cy + t * sa));
      if (band) inBand++;
    }
    let centreRed = 0;
    let centreAll = 0;
    const rc = r * 0.35;
    for (let y = Math.floor(cy - rc); y <= Math.ceil(cy + rc); y++)
      for (let x = Math.floor(cx - rc); x <= Math.ceil(cx + rc); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > rc * rc) continue;
        centreAll++;
        if (red(x, y)) centreRed++;
      }
    const ringCoverage = onRing / dirs;
    const textBand = inBand / dirs;
    const centre = centreAll ? centreRed / centreAll : 0;
    const candidate: SealCandidate = {
      xMm: (cx + 0.5) / mm,
      yMm: (cy + 0.5) / mm,
      diameterMm: Math.round(diameterMm * 10) / 10,
      ringCoverage: Math.round(ringCoverage * 100) / 100,
      textBand: Math.round(textBand * 100) / 100,
      centre: Math.round(centre * 100) / 100,
      aspect: Math.round(aspect * 100) / 100,
      roundness: Math.round(rms * 1000) / 1000,
      isSeal: false,
    };
    if (diameterMm < SEAL_DIAMETER_MM.min || diameterMm > SEAL_DIAMETER_MM.max) candidate.rejected = 'size';
    else if (aspect < 0.8 || aspect > 1.25 || rms > 0.08) candidate.rejected = 'notRound';
    else if (ringCoverage < 0.6) candidate.rejected = 'ringBroken';
    else if (textBand < 0.35 && centre < 0.08) candidate.rejected = 'nothingInside';
    else candidate.isSeal = true;
    out.push(candidate);
  }
  return out.sort((a, b) => Number(b.isSeal) - Number(a.isSeal) || b.ringCoverage - a.ringCoverage);
}
