// Checks Adaptive Cards with the official parser (npm adaptivecards 3.0.6) at schema version 1.5,
// and more strictly than the parser alone: the parser silently ignores unknown properties, so every
// property is also checked against the schema of the element, action or object it sits on.
//
// Input: a JSON array of { "name": string, "card": object } from a file given as the first argument,
// or from standard input. Output: a JSON array of { "name", "errors": [string] }. Exit code 1 when any
// card has an error, 2 when the input cannot be read.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

const TARGET = new AC.Version(1, 5);
// Keys Teams reads that the Adaptive Cards schema does not know (TEAMS-FACTS.md: msteams at the root).
const TEAMS_ROOT_KEYS = new Set(['msteams', '$schema', 'body', 'actions']);
// Collections the parser reads by hand, so they are not in the property schemas.
const COLLECTIONS = {
  Container: ['items'], Column: ['items'], ColumnSet: ['columns'], ActionSet: ['actions'],
  FactSet: ['facts'], 'Input.ChoiceSet': ['choices'], RichTextBlock: ['inlines'],
};

function schemaNames(instance) {
  const schema = instance.getSchema();
  const names = new Map();
  for (let i = 0; i < schema.getCount(); i++) {
    const property = schema.getItemAt(i);
    names.set(property.name, property.targetVersion);
  }
  return names;
}

function checkProperties(json, instance, path, errors, extraAllowed = new Set()) {
  const known = schemaNames(instance);
  for (const key of Object.keys(json)) {
    if (extraAllowed.has(key)) continue;
    if (!known.has(key)) {
      errors.push(`${path}: unknown property "${key}" on ${json.type ?? instance.constructor.name}`);
      continue;
    }
    const version = known.get(key);
    if (version && !AC.isVersionLessOrEqual(version, TARGET)) {
      errors.push(`${path}: property "${key}" needs schema ${version.toString()}, newer than 1.5`);
    }
  }
}

function registered(registry, type, path, errors, kind) {
  const instance = registry.createInstance(type, TARGET);
  if (!instance) errors.push(`${path}: unknown ${kind} type "${type}" at schema 1.5`);
  return instance;
}

function walkElement(json, path, errors) {
  if (typeof json !== 'object' || json === null) { errors.push(`${path}: element is not an object`); return; }
  const instance = registered(AC.GlobalRegistry.elements, json.type, path, errors, 'element');
  if (!instance) return;
  checkProperties(json, instance, path, errors, new Set(['fallback', ...(COLLECTIONS[json.type] ?? [])]));
  // Accessibility: screen readers announce an input by its label and an image by its alt text.
  if (json.type.startsWith('Input.') && !json.label) errors.push(`${path}: ${json.type} "${json.id}" has no label`);
  if (json.type === 'Image' && !json.altText) errors.push(`${path}: Image has no altText`);
  for (const key of ['items', 'body']) if (Array.isArray(json[key])) json[key].forEach((e, i) => walkElement(e, `${path}.${key}[${i}]`, errors));
  if (Array.isArray(json.columns)) json.columns.forEach((c, i) => {
    const columnPath = `${path}.columns[${i}]`;
    checkProperties(c, new AC.Column(), columnPath, errors, new Set(COLLECTIONS.Column));
    (c.items ?? []).forEach((e, j) => walkElement(e, `${columnPath}.items[${j}]`, errors));
  });
  if (Array.isArray(json.facts)) json.facts.forEach((f, i) => checkProperties(f, new AC.Fact(), `${path}.facts[${i}]`, errors));
  if (Array.isArray(json.choices)) json.choices.forEach((c, i) => checkProperties(c, new AC.Choice(), `${path}.choices[${i}]`, errors));
  if (Array.isArray(json.inlines)) json.inlines.forEach((r, i) => {
    if (typeof r === 'object') checkProperties(r, new AC.TextRun(), `${path}.inlines[${i}]`, errors);
  });
  if (Array.isArray(json.actions)) json.actions.forEach((a, i) => walkAction(a, `${path}.actions[${i}]`, errors));
  if (json.selectAction) walkAction(json.selectAction, `${path}.selectAction`, errors);
}

function walkAction(json, path, errors) {
  const instance = registered(AC.GlobalRegistry.actions, json.type, path, errors, 'action');
  if (!instance) return;
  checkProperties(json, instance, path, errors, new Set(['fallback', ...(json.type === 'Action.ShowCard' ? ['card'] : [])]));
  if (json.card) walkCard(json.card, `${path}.card`, errors);
}

function walkCard(json, path, errors) {
  checkProperties(json, new AC.AdaptiveCard(), path, errors, TEAMS_ROOT_KEYS);
  (json.body ?? []).forEach((e, i) => walkElement(e, `${path}.body[${i}]`, errors));
  (json.actions ?? []).forEach((a, i) => walkAction(a, `${path}.actions[${i}]`, errors));
  if (json.refresh) {
    checkProperties(json.refresh, new AC.RefreshDefinition(), `${path}.refresh`, errors);
    if (json.refresh.action) walkAction(json.refresh.action, `${path}.refresh.action`, errors);
  }
}

export function validateCard(card) {
  const errors = [];
  if (card?.type !== 'AdaptiveCard') errors.push('root: type must be "AdaptiveCard"');
  if (card?.version !== '1.5') errors.push(`root: version must be "1.5" (Teams renders up to 1.5), found "${card?.version}"`);

  const context = new AC.SerializationContext(TARGET);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    errors.push(`parser: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) errors.push(`validation: ${event.message}`);

  walkCard(card, 'root', errors);
  return errors;
}

function main() {
  let input;
  try {
    input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
  } catch (error) {
    console.error(`card-validator: cannot read input: ${error.message}`);
    process.exit(2);
  }
  const results = input.map(({ name, card }) => ({ name, errors: validateCard(card) }));
  process.stdout.write(JSON.stringify(results));
  process.exit(results.some(r => r.errors.length > 0) ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
