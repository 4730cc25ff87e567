#!/usr/bin/env node
// Builds the Teams app package: manifest/manifest.json, the localization files and icons it names,
// with every ${{NAME}} placeholder filled, zipped flat into manifest/build/.
//
//   node eng/package-app.mjs [envfile] [--out <zip>]
//
// Values come from the env file (dotenv syntax, as the toolkit's env/.env.<name>) and from the
// process environment, which wins. A placeholder without a value stops the build (exit 1) and is
// named in the message; so does a value of the wrong shape (an id that is not a GUID, a domain with
// a scheme). Dependency-free on purpose: it runs before `npm ci` and in any CI image with Node.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { crc32 } from './crc32.mjs';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = path.join(repoRoot, 'manifest');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Shape rules for the placeholders whose format Teams (or the bot registration) depends on. */
const RULES = {
  TEAMS_APP_ID: { test: (v) => GUID.test(v), expect: 'a GUID' },
  BOT_ID: { test: (v) => GUID.test(v), expect: 'a GUID (the bot identity\'s client id)' },
  BOT_DOMAIN: { test: (v) => HOST.test(v), expect: 'a host name without scheme, port or path, e.g. bot.example.no' },
  APP_NAME_SUFFIX: { test: () => true, mayBeEmpty: true, expect: 'any text, may be empty' },
};
const urlRule = { test: (v) => /^https:\/\/[^\s/]+/.test(v), expect: 'an https:// URL' };

export class PackagingError extends Error {}

export function parseEnvFile(text) {
  const values = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '').trim();
    values[m[1]] = value;
  }
  return values;
}

function ruleFor(name) {
  return RULES[name] ?? (name.endsWith('_URL') ? urlRule : { test: () => true, expect: 'a value' });
}

/** Replaces placeholders in every string of a parsed JSON document; collects problems per file. */
function fill(node, values, file, problems) {
  if (typeof node === 'string') {
    if (node.replace(PLACEHOLDER, '').includes('${{')) {
      problems.push(`${file}: malformed placeholder in "${node}"; write \${{NAME}} with letters, digits and _`);
    }
    return node.replace(PLACEHOLDER, (whole, name) => {
      const value = values[name];
      const rule = ruleFor(name);
      if (value === undefined || (value === '' && !rule.mayBeEmpty)) {
        problems.push(`${file}: placeholder \${{${name}}} has no value; set ${name} in the env file or the environment`);
      } else if (!rule.test(value)) {
        problems.push(`${file}: ${name}="${value}" is not ${rule.expect}`);
      }
      return value ?? whole;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values, file, problems));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values, file, problems)]));
  }
  return node;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PackagingError(`${path.relative(repoRoot, file)}: ${err.message}`);
  }
}

/** Files the package must carry besides manifest.json, as the manifest names them. */
function referencedFiles(manifest) {
  const files = [manifest.icons?.color, manifest.icons?.outline, manifest.icons?.color32x32];
  const loc = manifest.localizationInfo ?? {};
  files.push(loc.defaultLanguageFile, ...(loc.additionalLanguages ?? []).map((l) => l.file));
  return [...new Set(files.filter(Boolean))];
}

/**
 * Builds the package in memory. Returns [{ name, data }] in zip order, manifest.json first.
 * Throws PackagingError listing every unfilled or malformed placeholder.
 */
export function buildPackage(values, sourceDir = manifestDir) {
  const problems = [];
  const manifest = fill(readJson(path.join(sourceDir, 'manifest.json')), values, 'manifest.json', problems);
  const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') }];
  for (const name of referencedFiles(manifest)) {
    if (name.includes('/') || name.includes('\\')) {
      problems.push(`manifest.json: ${name} must sit beside manifest.json (Teams reads a flat package)`);
      continue;
    }
    const file = path.join(sourceDir, name);
    if (!existsSync(file)) {
      problems.push(`manifest.json names ${name}, which is not in ${path.relative(repoRoot, sourceDir) || sourceDir}`);
      continue;
    }
    const data = name.endsWith('.json')
      ? Buffer.from(JSON.stringify(fill(readJson(file), values, name, problems), null, 2) + '\n')
      : readFileSync(file);
    entries.push({ name, data });
  }
  if (problems.length) throw new PackagingError(problems.join('\n'));
  return entries;
}

// ---- zip writer (store or deflate, fixed timestamps so equal input gives equal bytes) ----
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (1 << 5) | 1; // 1980-01-01

export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

function parseArgs(argv) {
  const args = { envFile: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '-h' || argv[i] === '--help') args.help = true;
    else if (!args.envFile) args.envFile = argv[i];
    else throw new PackagingError(`unexpected argument: ${argv[i]}`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: node eng/package-app.mjs [envfile] [--out <zip>]');
    return 0;
  }
  let values = {};
  if (args.envFile) {
    if (!existsSync(args.envFile)) throw new PackagingError(`env file not found: ${args.envFile}`);
    values = parseEnvFile(readFileSync(args.envFile, 'utf8'));
  }
  // The environment overrides the file, so CI can inject ids without editing env files.
  const fromEnvironment = [];
  for (const [k, v] of Object.entries(process.env)) {
    if (args.envFile && k in values && values[k] !== v) fromEnvironment.push(k);
    values[k] = v;
  }
  if (fromEnvironment.length) console.log(`taken from the environment, not ${args.envFile}: ${fromEnvironment.join(', ')}`);

  const entries = buildPackage(values);
  const label = values.TEAMSFX_ENV ? `.${values.TEAMSFX_ENV}` : '';
  const out = path.resolve(args.out ?? path.join(manifestDir, 'build', `appPackage${label}.zip`));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip(entries));
  writeFileSync(out.replace(/\.zip$/, '') + '.manifest.json', entries[0].data);
  console.log(`app package: ${out} (${entries.map((e) => e.name).join(', ')})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    if (!(err instanceof PackagingError)) throw err;
    console.error(`package-app: refusing to build the app package:\n${err.message}`);
    process.exitCode = 1;
  }
}
