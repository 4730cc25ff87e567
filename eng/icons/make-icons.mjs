// Draws the two Teams app icons into manifest/: color.png (192x192, solid background) and
// outline.png (32x32, white on transparent). The mark is two interlocking rings: two partners
// whose circles overlap where they work together. Pure Node (zlib), so any machine with Node can
// regenerate the committed files: `node eng/icons/make-icons.mjs [outDir]` (default: manifest/).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { crc32 } from '../crc32.mjs';

const outDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../manifest'));

// Palette: a municipal teal background, white rings, a warm shared space where they overlap.
const TEAL = [0x1f, 0x6f, 0x78];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf2, 0xb1, 0x34];

/** Coverage (0..1) of a pixel by a shape, estimated with an n x n grid of samples. */
function coverage(px, py, n, inside) {
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      if (inside(px + (sx + 0.5) / n, py + (sy + 0.5) / n)) hits++;
    }
  }
  return hits / (n * n);
}

const ring = (cx, cy, r, width) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d >= r - width / 2 && d <= r + width / 2;
};
const disk = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const both = (a, b) => (x, y) => a(x, y) && b(x, y);
const either = (a, b) => (x, y) => a(x, y) || b(x, y);

/** Two equal rings side by side; `size` is the icon edge, `scale` the part of it the mark spans. */
function mark(size, scale, stroke) {
  const r = (size * scale) / 3.2;
  const gap = r * 1.1; // centre distance: a generous overlap
  const cy = size / 2;
  const left = size / 2 - gap / 2;
  const right = size / 2 + gap / 2;
  return {
    rings: either(ring(left, cy, r, stroke), ring(right, cy, r, stroke)),
    lens: both(disk(left, cy, r - stroke / 2), disk(right, cy, r - stroke / 2)),
  };
}

function render(size, samples, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint(x, y, samples);
      rgba.set([r, g, b, a], (y * size + x) * 4);
    }
  }
  return rgba;
}

const mix = (under, over, t) => under.map((u, i) => Math.round(u + (over[i] - u) * t));

function colorIcon() {
  const size = 192;
  // Teams asks for the symbol inside a safe area with padding; the rings span about 60%.
  const { rings, lens } = mark(size, 0.62, 13);
  return encodePng(size, render(size, 6, (x, y, n) => {
    let c = TEAL;
    c = mix(c, AMBER, coverage(x, y, n, lens));
    c = mix(c, WHITE, coverage(x, y, n, rings));
    return [...c, 255];
  }));
}

function outlineIcon() {
  const size = 32;
  const { rings } = mark(size, 0.84, 2.4);
  // White everywhere; only alpha carries the shape, as Teams' outline icon rules require.
  return encodePng(size, render(size, 8, (x, y, n) => [...WHITE, Math.round(255 * coverage(x, y, n, rings))]));
}

// ---- minimal PNG writer: 8-bit RGBA, no interlace, filter 0 on every row ----
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filter, no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(path.join(outDir, 'color.png'), colorIcon());
writeFileSync(path.join(outDir, 'outline.png'), outlineIcon());
console.log(`wrote color.png and outline.png to ${outDir}`);
