// Small raster helpers for the scan fixtures (scripts/make-scan-fixtures.mjs): what a scanner or a
// phone does to a printed page — tint, rotation, perspective, uneven light, blur, noise — on RGBA
// buffers, deterministic (seeded), no native code.

/** A seeded PRNG (mulberry32): the same fixtures every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const image = (width, height, fill = [255, 255, 255]) => {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
};

/** A smooth random field in [0, 1] (bilinear over a coarse grid): uneven ink, uneven light. */
export function smoothField(width, height, cells, random) {
  const gw = cells + 2;
  const gh = Math.ceil((cells * height) / width) + 2;
  const grid = Array.from({ length: gw * gh }, () => random());
  return (x, y) => {
    const gx = (x / width) * cells;
    const gy = (y / width) * cells;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const fx = gx - x0;
    const fy = gy - y0;
    const g = (i, j) => grid[Math.min(gh - 1, j) * gw + Math.min(gw - 1, i)];
    return (g(x0, y0) * (1 - fx) + g(x0 + 1, y0) * fx) * (1 - fy) + (g(x0, y0 + 1) * (1 - fx) + g(x0 + 1, y0 + 1) * fx) * fy;
  };
}

/**
 * Ink on paper multiplies: `layer` is the seal (or pen marks) rendered alone on white; each channel
 * of the page is scaled by the layer's, with a strength per pixel (1 = full ink, lower = faint).
 */
export function multiplyLayer(page, layer, strength = () => 1) {
  const out = page.data;
  const ink = layer.data;
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) {
      const i = (y * page.width + x) * 4;
      if (ink[i] > 250 && ink[i + 1] > 250 && ink[i + 2] > 250) continue;
      const s = Math.max(0, Math.min(1, strength(x, y)));
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(out[i + c] * (1 - s * (1 - ink[i + c] / 255)));
    }
  return page;
}

/** Paper tint: white becomes the paper's colour. */
export function tint(img, paper) {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) d[i + c] = Math.round((d[i + c] * paper[c]) / 255);
  return img;
}

function sample(img, x, y, out, bg) {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= img.width || y0 + 1 >= img.height) {
    out[0] = bg[0];
    out[1] = bg[1];
    out[2] = bg[2];
    return;
  }
  const fx = x - x0;
  const fy = y - y0;
  const d = img.data;
  const w = img.width;
  for (let c = 0; c < 3; c++) {
    const a = d[(y0 * w + x0) * 4 + c];
    const b = d[(y0 * w + x0 + 1) * 4 + c];
    const e = d[((y0 + 1) * w + x0) * 4 + c];
    const f = d[((y0 + 1) * w + x0 + 1) * 4 + c];
    out[c] = (a * (1 - fx) + b * fx) * (1 - fy) + (e * (1 - fx) + f * fx) * fy;
  }
}

/** Rotate about the centre by `degrees` (a page fed a little askew), same size, borders `bg`. */
export function rotate(img, degrees, bg = [236, 236, 236]) {
  const out = image(img.width, img.height, bg);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const px = [0, 0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      sample(img, cx + dx * cos + dy * sin, cy - dx * sin + dy * cos, px, bg);
      const i = (y * img.width + x) * 4;
      out.data[i] = px[0];
      out.data[i + 1] = px[1];
      out.data[i + 2] = px[2];
    }
  return out;
}

/** The homography taking the unit square's corners to four points (solved by Gaussian elimination). */
function homography(dst) {
  const src = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const A = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = src[k];
    const [u, v] = dst[k];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 9; k++) A[r][k] -= f * A[c][k];
    }
  }
  const h = A.map((row, i) => row[8] / row[i]);
  return [...h, 1];
}

function invert3(m) {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((x) => x / det);
}

/**
 * A phone photo: the page (`img`) seen in perspective inside a `width`×`height` frame whose corners
 * land on `corners` (top-left, top-right, bottom-right, bottom-left), on a desk of colour `bg`.
 */
export function perspective(img, width, height, corners, bg) {
  const H = homography(corners); // unit square → frame
  const inv = invert3(H);
  const out = image(width, height, bg);
  const px = [0, 0, 0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const w = inv[6] * x + inv[7] * y + inv[8];
      const u = (inv[0] * x + inv[1] * y + inv[2]) / w;
      const v = (inv[3] * x + inv[4] * y + inv[5]) / w;
      if (u < 0 || u > 1 || v < 0 || v > 1) continue;
      sample(img, u * (img.width - 1), v * (img.height - 1), px, bg);
      const i = (y * width + x) * 4;
      out.data[i] = px[0];
      out.data[i + 1] = px[1];
      out.data[i + 2] = px[2];
    }
  return out;
}

/** Light falling off across the frame (a window on one side, the phone's shadow). */
export function unevenLight(img, field, low, high) {
  const d = img.data;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const k = low + (high - low) * field(x, y);
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, Math.round(d[i + c] * k));
    }
  return img;
}

/** A 3×3 box blur (slight defocus of a scanner's lens). */
export function blur(img) {
  const { width: w, height: h } = img;
  const src = img.data;
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) {
        let s = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= w) continue;
            s += src[(yy * w + xx) * 4 + c];
            n++;
          }
        }
        out[i + c] = Math.round(s / n);
      }
      out[i + 3] = 255;
    }
  img.data = out;
  return img;
}

/** Sensor noise, ±amount, the same on all channels plus a little colour noise. */
export function noise(img, amount, random) {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (random() + random() - 1) * amount;
    for (let c = 0; c < 3; c++) d[i + c] = Math.max(0, Math.min(255, Math.round(d[i + c] + n + (random() - 0.5) * amount * 0.3)));
  }
  return img;
}

/** A grayscale scan: the colour is gone (luma, ITU-R BT.601). */
export function grayscale(img) {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]);
    d[i] = d[i + 1] = d[i + 2] = y;
  }
  return img;
}

/** One 8-bit gray channel (for a DeviceGray or 1-bit image). */
export function grayBytes(img) {
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.round(0.299 * img.data[i * 4] + 0.587 * img.data[i * 4 + 1] + 0.114 * img.data[i * 4 + 2]);
  return out;
}

/** Black-and-white (a fax-mode scan): 1 bit per pixel, rows padded to bytes, 1 = white (DeviceGray). */
export function bilevel(img, threshold = 160) {
  const rowBytes = Math.ceil(img.width / 8);
  const out = new Uint8Array(rowBytes * img.height);
  const g = grayBytes(img);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) if (g[y * img.width + x] >= threshold) out[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
  return out;
}

/** The JFIF header's density, set to `dpi` (jpeg-js writes 1:1, no unit). 0 leaves "no unit". */
export function setJfifDpi(jpeg, dpi) {
  // SOI (2 bytes), APP0 marker (2), length (2), "JFIF\0" (5), version (2), then units, Xdensity, Ydensity.
  if (jpeg[2] !== 0xff || jpeg[3] !== 0xe0) return jpeg;
  const at = 2 + 2 + 2 + 5 + 2;
  jpeg[at] = dpi ? 1 : 0;
  const d = dpi || 1;
  jpeg[at + 1] = d >> 8;
  jpeg[at + 2] = d & 255;
  jpeg[at + 3] = d >> 8;
  jpeg[at + 4] = d & 255;
  return jpeg;
}
