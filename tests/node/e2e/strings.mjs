// The bot's English texts, read from src/Samskapelse.Domain/Localization/Strings.resx, so that the
// tests press the buttons and look for the texts the bot really shows (not guessed copies).

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const RESX = path.join(repoRoot, 'src', 'Samskapelse.Domain', 'Localization', 'Strings.resx');

const decode = (text) => text
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

let cache;

/** The English text of `key`, with {0}, {1}, ... replaced by `args`. Throws on an unknown key. */
export function en(key, ...args) {
  cache ??= new Map([...fs.readFileSync(RESX, 'utf8').matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)]
    .map(([, name, value]) => [name, decode(value)]));
  const text = cache.get(key);
  if (text === undefined) {
    throw new Error(`Strings.resx has no key ${key}.`);
  }

  return text.replace(/\{(\d+)\}/g, (whole, n) => (args[Number(n)] !== undefined ? String(args[Number(n)]) : whole));
}

/** The first of a command's alternatives ("my data|my data export" → "my data"). */
export const command = (key) => en(key).split('|')[0].trim();

/** The text before the first placeholder: what a message with unknown numbers starts with. */
export const prefix = (key) => en(key).split(/\{\d+\}/)[0];

const nordic = new Map();

/** The Norwegian Bokmål text of `key` (Strings.nb.resx), with {0}, {1}, ... replaced by `args`. */
export function nb(key, ...args) {
  if (!nordic.has('nb')) {
    const file = path.join(repoRoot, 'src', 'Samskapelse.Domain', 'Localization', 'Strings.nb.resx');
    nordic.set('nb', new Map([...fs.readFileSync(file, 'utf8').matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)]
      .map(([, name, value]) => [name, decode(value)])));
  }

  const text = nordic.get('nb').get(key);
  if (text === undefined) {
    throw new Error(`Strings.nb.resx has no key ${key}.`);
  }

  return text.replace(/\{(\d+)\}/g, (whole, n) => (args[Number(n)] !== undefined ? String(args[Number(n)]) : whole));
}
