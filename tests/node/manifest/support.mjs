// Shared helpers for the app-package tests: run the packager, read its zip, decode PNGs and
// validate JSON against the official Teams schemas shipped in @microsoft/app-manifest.
// Each reader here is written independently of the code under test (eng/package-app.mjs,
// eng/icons/make-icons.mjs), so a bug in a writer cannot hide behind the same bug in a reader.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { inflateRawSync, inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const packager = path.join(repoRoot, 'eng/package-app.mjs');

/** Values a real provision would produce, shaped as Teams expects them. */
export const SAMPLE_VALUES = Object.freeze({
  TEAMS_APP_ID: '0b5c1a3e-6f0d-4c37-9d7e-2a8b4c6d8e10',
  BOT_ID: '7d9e2f41-8a6b-4c3d-b2e1-f0a9c8d7e6b5',
  BOT_DOMAIN: 'samskapelse-bot.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
  DEVELOPER_WEBSITE_URL: 'https://kommune.example.no/samskaping',
  PRIVACY_URL: 'https://kommune.example.no/personvern',
  TERMS_OF_USE_URL: 'https://kommune.example.no/vilkar',
});

export function tempDir(prefix = 'samskapelse-pkg-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Runs `node eng/package-app.mjs <envfile> --out <zip>` with the given values in an env file and
 * a clean environment (so the developer's own shell variables cannot fill a placeholder).
 */
export function runPackager(values, { env = {}, out } = {}) {
  const dir = tempDir();
  const envFile = path.join(dir, '.env.test');
  writeFileSync(envFile, Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  // `out: null` leaves the output path to the packager (manifest/build/appPackage.<TEAMSFX_ENV>.zip).
  if (out === undefined) out = path.join(dir, 'appPackage.zip');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      out === null ? [packager, envFile] : [packager, envFile, '--out', out],
      { env: { PATH: process.env.PATH, ...env }, cwd: repoRoot },
      (error, stdout, stderr) => {
        resolve({ code: error ? error.code : 0, stdout, stderr, zipPath: out && existsSync(out) ? out : undefined });
      },
    );
  });
}

/** Reads a zip through its central directory; returns Map(name -> Buffer). Checks CRCs. */
export function readZip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = buffer.readUInt16LE(p + 10);
    const crc = buffer.readUInt32LE(p + 16);
    const compressed = buffer.readUInt32LE(p + 20);
    const nameLen = buffer.readUInt16LE(p + 28);
    const extraLen = buffer.readUInt16LE(p + 30);
    const commentLen = buffer.readUInt16LE(p + 32);
    const localOffset = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLen);
    const lNameLen = buffer.readUInt16LE(localOffset + 26);
    const lExtraLen = buffer.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + lNameLen + lExtraLen;
    const body = buffer.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : null;
    if (!data) throw new Error(`${name}: unsupported compression ${method}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    files.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** Decodes an 8-bit non-interlaced PNG into { width, height, colorType, channels, pixels }. */
export function decodePng(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  let p = 8;
  let ihdr;
  const idat = [];
  let palette;
  let trns;
  while (p < buffer.length) {
    const len = buffer.readUInt32BE(p);
    const type = buffer.toString('latin1', p + 4, p + 8);
    const data = buffer.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      ihdr = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  if (!ihdr) throw new Error('PNG without IHDR');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[ihdr.colorType];
  if (ihdr.bitDepth !== 8 || ihdr.interlace !== 0) {
    throw new Error(`only 8-bit non-interlaced PNGs are decoded (got depth ${ihdr.bitDepth}, interlace ${ihdr.interlace})`);
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = ihdr.width * channels;
  const out = Buffer.alloc(stride * ihdr.height);
  for (let y = 0; y < ihdr.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let predictor;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { ...ihdr, channels, pixels: out, palette, trns };
}

/** Width and height straight from the IHDR chunk, without decoding pixels. */
export function pngSize(buffer) {
  if (buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Lists why an image is not a valid outline icon: alpha channel present, visible pixels white. */
export function outlineIconProblems(png) {
  const problems = [];
  if (png.colorType !== 6 && png.colorType !== 4) {
    problems.push(`colour type ${png.colorType} has no alpha channel`);
    return problems;
  }
  let visible = 0;
  let transparent = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const px = png.pixels.subarray(i * png.channels, (i + 1) * png.channels);
    const alpha = px[png.channels - 1];
    if (alpha === 0) {
      transparent++;
      continue;
    }
    visible++;
    const white = png.colorType === 6 ? px[0] === 255 && px[1] === 255 && px[2] === 255 : px[0] === 255;
    if (!white) problems.push(`pixel (${i % png.width},${Math.floor(i / png.width)}) is visible and not white`);
    if (problems.length > 5) break;
  }
  if (visible === 0) problems.push('no visible pixel: the icon is empty');
  if (transparent === 0) problems.push('no transparent pixel: the background is not transparent');
  return problems;
}

// ---- Teams schemas, from the npm package, never from a copy in this repo ----
const require = createRequire(import.meta.url);
const schemaRoot = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');

export function schemaPath(version, file) {
  return path.join(schemaRoot, `v${version}`, file);
}

const validators = new Map();
/** Compiled validator for `MicrosoftTeams.schema.json` or `MicrosoftTeams.Localization.schema.json`. */
export function teamsValidator(version, file) {
  const key = `${version}/${file}`;
  if (!validators.has(key)) {
    const full = schemaPath(version, file);
    if (!existsSync(full)) throw new Error(`no Teams schema ${file} for manifest version ${version} in @microsoft/app-manifest`);
    const schema = JSON.parse(readFileSync(full, 'utf8'));
    // As the toolkit's own validator (AppManifestUtils.validateAgainstSchema) does: strict schema
    // checking stays on, but strictTypes is off because the manifest schema puts
    // `additionalProperties` on nodes without `type: object`. unicodeRegExp is off because the
    // localization schema has patterns (a lone `]`) that are valid only without the `u` flag.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    ajv.addFormat('uri', (s) => URL.canParse(s));
    validators.set(key, ajv.compile(schema));
  }
  return validators.get(key);
}

/** Validates and returns readable error lines (empty when valid). */
export function schemaErrors(version, file, document) {
  const validate = teamsValidator(version, file);
  return validate(document) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
