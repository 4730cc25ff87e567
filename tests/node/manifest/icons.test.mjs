// The two icons Teams requires: color 192x192 with a solid background, outline 32x32 white on
// transparent. Sizes come from the IHDR chunk; pixels from a PNG decoder written here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { repoRoot, tempDir, decodePng, pngSize, outlineIconProblems } from './support.mjs';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'manifest/manifest.json'), 'utf8'));
const icon = (name) => readFileSync(path.join(repoRoot, 'manifest', manifest.icons[name]));

/** A small PNG encoder for test images; `filters` picks the row filter per row (0..4). */
function encodePng(width, height, colorType, pixel, filters = [0]) {
  const channels = { 2: 3, 6: 4 }[colorType];
  const stride = width * channels;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const line = Buffer.alloc(stride);
    for (let x = 0; x < width; x++) line.set(pixel(x, y).slice(0, channels), x * channels);
    const filter = filters[y % filters.length];
    const out = Buffer.alloc(stride + 1);
    out[0] = filter;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      const paeth = () => {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const pred = [0, a, b, (a + b) >> 1, paeth()][filter];
      out[i + 1] = (line[i] - pred) & 0xff;
    }
    rows.push(out);
    prev = line;
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]); // CRC not read by the decoder
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('app icons', () => {
  test('color icon is 192x192 and outline icon is 32x32 (IHDR)', () => {
    assert.deepEqual(pngSize(icon('color')), { width: 192, height: 192 });
    assert.deepEqual(pngSize(icon('outline')), { width: 32, height: 32 });
  });

  test('outline icon has an alpha channel and every visible pixel is white', () => {
    const png = decodePng(icon('outline'));
    assert.deepEqual(outlineIconProblems(png), []);
  });

  test('color icon has a solid background: no pixel is see-through', () => {
    const png = decodePng(icon('color'));
    if (png.colorType === 6) {
      for (let i = 3; i < png.pixels.length; i += 4) assert.equal(png.pixels[i], 255, `pixel ${(i - 3) / 4} is not opaque`);
    } else {
      assert.equal(png.colorType, 2, `unexpected colour type ${png.colorType}`);
    }
    const corner = [...png.pixels.subarray(0, 3)];
    const centre = (96 * 192 + 96) * png.channels;
    assert.notDeepEqual([...png.pixels.subarray(centre, centre + 3)], corner, 'the mark is missing: centre equals background');
  });

  test('the committed icons are what eng/icons/make-icons.mjs draws', () => {
    const dir = tempDir('samskapelse-icons-');
    execFileSync(process.execPath, [path.join(repoRoot, 'eng/icons/make-icons.mjs'), dir]);
    for (const name of ['color', 'outline']) {
      const drawn = decodePng(readFileSync(path.join(dir, `${name}.png`)));
      assert.ok(drawn.pixels.equals(decodePng(icon(name)).pixels), `${name}.png is stale; run node eng/icons/make-icons.mjs`);
    }
  });
});

describe('the icon checks can fail', () => {
  const ring = (x, y) => Math.abs(Math.hypot(x - 7.5, y - 7.5) - 5) < 1.5;

  test('the decoder reads every PNG row filter back to the original pixels', () => {
    const pixel = (x, y) => [x * 16, y * 16, (x * y) & 0xff, ring(x, y) ? 255 : 0];
    const png = decodePng(encodePng(16, 16, 6, pixel, [0, 1, 2, 3, 4]));
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        assert.deepEqual([...png.pixels.subarray((y * 16 + x) * 4, (y * 16 + x + 1) * 4)], pixel(x, y));
      }
    }
  });

  test('a white-on-transparent image passes', () => {
    const png = decodePng(encodePng(16, 16, 6, (x, y) => [255, 255, 255, ring(x, y) ? 200 : 0], [1, 4]));
    assert.deepEqual(outlineIconProblems(png), []);
  });

  test('a coloured mark on transparent is rejected', () => {
    const png = decodePng(encodePng(16, 16, 6, (x, y) => (ring(x, y) ? [31, 111, 120, 255] : [255, 255, 255, 0])));
    assert.match(outlineIconProblems(png).join(), /not white/);
  });

  test('an image without an alpha channel is rejected', () => {
    const png = decodePng(encodePng(16, 16, 2, () => [255, 255, 255]));
    assert.match(outlineIconProblems(png).join(), /no alpha channel/);
  });

  test('an opaque white square and an empty image are rejected', () => {
    assert.match(outlineIconProblems(decodePng(encodePng(16, 16, 6, () => [255, 255, 255, 255]))).join(), /not transparent/);
    assert.match(outlineIconProblems(decodePng(encodePng(16, 16, 6, () => [255, 255, 255, 0]))).join(), /empty/);
  });

  test('pngSize reads the size from IHDR, not from the file length', () => {
    assert.deepEqual(pngSize(encodePng(48, 20, 6, () => [0, 0, 0, 0])), { width: 48, height: 20 });
  });
});
