// Proves the schema check used by package.test.mjs can fail: broken copies of a valid packaged
// manifest and localization file must be rejected, each for the rule that was broken.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SAMPLE_VALUES, runPackager, readZip, schemaErrors } from './support.mjs';

const MANIFEST_SCHEMA = 'MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA = 'MicrosoftTeams.Localization.schema.json';

describe('the Teams schema validator rejects broken documents', () => {
  let manifest;
  let nb;
  before(async () => {
    const result = await runPackager(SAMPLE_VALUES);
    assert.equal(result.code, 0, result.stderr);
    const files = readZip(readFileSync(result.zipPath));
    manifest = JSON.parse(files.get('manifest.json'));
    nb = JSON.parse(files.get('nb.json'));
  });
  const broken = (mutate) => {
    const copy = structuredClone(manifest);
    mutate(copy);
    return schemaErrors(manifest.manifestVersion, MANIFEST_SCHEMA, copy);
  };

  test('the unbroken manifest passes (baseline for the cases below)', () => {
    assert.deepEqual(schemaErrors(manifest.manifestVersion, MANIFEST_SCHEMA, manifest), []);
  });

  test('manifestVersion other than the schema version (draft-06 `const` is enforced)', () => {
    const errors = broken((m) => { m.manifestVersion = '1.28'; });
    assert.ok(errors.some((e) => e.startsWith('/manifestVersion') && e.includes('constant')), errors.join('\n'));
  });

  test('a bot id that is not a GUID', () => {
    const errors = broken((m) => { m.bots[0].botId = '${{BOT_ID}}'; });
    assert.ok(errors.some((e) => e.startsWith('/bots/0/botId') && e.includes('pattern')), errors.join('\n'));
  });

  test('a short name over 30 characters', () => {
    const errors = broken((m) => { m.name.short = 'Samskapelse – mobilisation leadership'; });
    assert.ok(errors.some((e) => e.startsWith('/name/short')), errors.join('\n'));
  });

  test('a missing required developer URL', () => {
    const errors = broken((m) => { delete m.developer.privacyUrl; });
    assert.ok(errors.some((e) => e.startsWith('/developer') && e.includes('privacyUrl')), errors.join('\n'));
  });

  test('an unknown scope and an unknown top-level property', () => {
    const errors = broken((m) => { m.bots[0].scopes.push('meeting'); m.botName = 'x'; });
    assert.ok(errors.some((e) => e.startsWith('/bots/0/scopes/3')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('additionalProperty') && e.includes('botName')), errors.join('\n'));
  });

  test('more than three command lists', () => {
    const errors = broken((m) => { m.bots[0].commandLists.push(m.bots[0].commandLists[0]); });
    assert.ok(errors.some((e) => e.startsWith('/bots/0/commandLists')), errors.join('\n'));
  });

  test('a localization file with an empty short name or an unknown key', () => {
    const version = manifest.manifestVersion;
    assert.deepEqual(schemaErrors(version, LOCALIZATION_SCHEMA, nb), []);
    const empty = schemaErrors(version, LOCALIZATION_SCHEMA, { ...nb, 'name.short': '  ' });
    assert.ok(empty.some((e) => e.startsWith('/name.short')), empty.join('\n'));
    const unknown = schemaErrors(version, LOCALIZATION_SCHEMA, { ...nb, 'bots[0].commandLists[3].commands[0].title': 'x' });
    assert.ok(unknown.some((e) => e.includes('additionalProperty')), unknown.join('\n'));
  });
});
