// The app package built by eng/package-app.mjs: filled placeholders, flat layout, and the packaged
// manifest and localization files valid against the official Teams schemas of their version.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_VALUES, repoRoot, runPackager, readZip, schemaErrors } from './support.mjs';

const MANIFEST_SCHEMA = 'MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA = 'MicrosoftTeams.Localization.schema.json';
const sourceDir = path.join(repoRoot, 'manifest');

/** Placeholder names used anywhere in the manifest sources, read from the files themselves. */
function placeholdersInSources() {
  const names = new Set();
  for (const file of ['manifest.json', 'nb.json', 'da.json']) {
    for (const m of readFileSync(path.join(sourceDir, file), 'utf8').matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)) names.add(m[1]);
  }
  return [...names];
}

/** Every string the localization schema lets a language file override, as `path` -> English text. */
function localizableStrings(manifest) {
  const strings = new Map([
    ['name.short', manifest.name.short],
    ['name.full', manifest.name.full],
    ['description.short', manifest.description.short],
    ['description.full', manifest.description.full],
  ]);
  (manifest.description.features ?? []).forEach((f, i) => {
    strings.set(`description.features[${i}].title`, f.title);
    strings.set(`description.features[${i}].description`, f.description);
  });
  manifest.bots[0].commandLists.forEach((list, i) =>
    list.commands.forEach((c, j) => strings.set(`bots[0].commandLists[${i}].commands[${j}].description`, c.description)),
  );
  return strings;
}

describe('app package built with sample values', () => {
  let result;
  let files;
  let manifest;
  before(async () => {
    result = await runPackager(SAMPLE_VALUES);
    assert.equal(result.code, 0, `packager failed:\n${result.stderr}`);
    files = readZip(readFileSync(result.zipPath));
    manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  });

  test('the manifest is valid against the Teams schema of its manifestVersion', () => {
    const version = manifest.manifestVersion;
    assert.ok(Number(version.split('.')[1]) >= 22, `manifest version ${version} is older than 1.22`);
    assert.ok(
      manifest.$schema.endsWith(`/teams/v${version}/MicrosoftTeams.schema.json`),
      `$schema ${manifest.$schema} does not name version ${version}`,
    );
    assert.deepEqual(schemaErrors(version, MANIFEST_SCHEMA, manifest), []);
  });

  test('placeholders are replaced by the given values and none is left', () => {
    assert.equal(manifest.id, SAMPLE_VALUES.TEAMS_APP_ID);
    assert.equal(manifest.bots[0].botId, SAMPLE_VALUES.BOT_ID);
    assert.deepEqual(manifest.validDomains, [SAMPLE_VALUES.BOT_DOMAIN]);
    assert.equal(manifest.name.short, `Samskapelse${SAMPLE_VALUES.APP_NAME_SUFFIX}`);
    assert.equal(manifest.developer.privacyUrl, SAMPLE_VALUES.PRIVACY_URL);
    for (const [name, data] of files) {
      if (name.endsWith('.json')) assert.ok(!data.toString('utf8').includes('${{'), `${name} still has a placeholder`);
    }
  });

  test('the zip is flat and holds exactly the manifest and the files it names', () => {
    const named = [
      'manifest.json',
      manifest.icons.color,
      manifest.icons.outline,
      ...manifest.localizationInfo.additionalLanguages.map((l) => l.file),
    ];
    assert.deepEqual([...files.keys()].sort(), named.sort());
    assert.ok([...files.keys()].every((n) => !n.includes('/')), 'entries must sit at the zip root');
    assert.ok(files.get(manifest.icons.color).equals(readFileSync(path.join(sourceDir, manifest.icons.color))));
  });

  test('the bot serves personal, team and group chat with one command list per scope', () => {
    const [bot] = manifest.bots;
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const byScope = Object.fromEntries(bot.commandLists.map((l) => [l.scopes.join(), l.commands.map((c) => c.title).sort()]));
    assert.deepEqual(Object.keys(byScope).sort(), ['groupChat', 'personal', 'team']);
    assert.deepEqual(byScope.personal, ['coaching', 'help', 'language', 'plans', 'start']);
    // Sharing a plan into "this chat" only means something where others are present.
    assert.deepEqual(byScope.team, ['help', 'language', 'plans', 'share', 'start']);
    assert.deepEqual(byScope.groupChat, ['help', 'language', 'plans', 'share', 'start']);
    for (const list of bot.commandLists) {
      for (const c of list.commands) assert.ok(c.description?.trim(), `${c.title} in ${list.scopes} has no description`);
    }
  });

  test('localization: English by default, nb and da as additional languages', () => {
    const info = manifest.localizationInfo;
    assert.equal(info.defaultLanguageTag, 'en');
    assert.deepEqual(info.additionalLanguages.map((l) => l.languageTag).sort(), ['da', 'nb']);
    assert.ok(!info.additionalLanguages.some((l) => l.languageTag === info.defaultLanguageTag));
  });

  test('each localization file is valid against the localization schema of the same version', () => {
    for (const { languageTag, file } of manifest.localizationInfo.additionalLanguages) {
      const doc = JSON.parse(files.get(file).toString('utf8'));
      assert.ok(
        doc.$schema.endsWith(`/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`),
        `${languageTag}: $schema ${doc.$schema} is not the v${manifest.manifestVersion} localization schema`,
      );
      assert.deepEqual(schemaErrors(manifest.manifestVersion, LOCALIZATION_SCHEMA, doc), [], `${file}`);
    }
  });

  test('each localization file translates every localizable string, and nothing else', () => {
    const english = localizableStrings(manifest);
    for (const { languageTag, file } of manifest.localizationInfo.additionalLanguages) {
      const doc = JSON.parse(files.get(file).toString('utf8'));
      const keys = Object.keys(doc).filter((k) => k !== '$schema');
      assert.deepEqual(keys.sort(), [...english.keys()].sort(), `${languageTag}: keys differ from the manifest's strings`);
      for (const key of ['description.short', 'description.full', 'name.full']) {
        assert.notEqual(doc[key], english.get(key), `${languageTag}: ${key} is still English`);
      }
      assert.equal(doc['name.short'], manifest.name.short, `${languageTag}: the app keeps its name`);
    }
  });
});

describe('packaging refuses an incomplete or malformed configuration', () => {
  const placeholders = placeholdersInSources();

  test('the sources use the toolkit placeholders for ids, domain and name suffix', () => {
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'APP_NAME_SUFFIX']) {
      assert.ok(placeholders.includes(name), `no \${{${name}}} in manifest sources`);
    }
  });

  for (const name of placeholdersInSources()) {
    test(`without ${name} it exits non-zero, names the placeholder and writes no zip`, async () => {
      const { [name]: _omitted, ...rest } = SAMPLE_VALUES;
      const result = await runPackager(rest);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, new RegExp(`\\$\\{\\{${name}\\}\\}`));
      assert.equal(result.zipPath, undefined);
    });
  }

  test('an empty id is refused, an empty name suffix is allowed', async () => {
    const emptyId = await runPackager({ ...SAMPLE_VALUES, BOT_ID: '' });
    assert.notEqual(emptyId.code, 0);
    assert.match(emptyId.stderr, /\$\{\{BOT_ID\}\}/);
    const emptySuffix = await runPackager({ ...SAMPLE_VALUES, APP_NAME_SUFFIX: '' });
    assert.equal(emptySuffix.code, 0, emptySuffix.stderr);
    const manifest = JSON.parse(readZip(readFileSync(emptySuffix.zipPath)).get('manifest.json'));
    assert.equal(manifest.name.short, 'Samskapelse');
  });

  test('a bot domain with a scheme and a non-GUID app id are refused', async () => {
    const result = await runPackager({ ...SAMPLE_VALUES, BOT_DOMAIN: 'https://bot.example.no/api/messages', TEAMS_APP_ID: 'my-app' });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /BOT_DOMAIN/);
    assert.match(result.stderr, /TEAMS_APP_ID/);
    assert.equal(result.zipPath, undefined);
  });

  test('a value in the environment overrides the env file', async () => {
    const fromEnv = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const result = await runPackager(SAMPLE_VALUES, { env: { BOT_ID: fromEnv } });
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(readZip(readFileSync(result.zipPath)).get('manifest.json'));
    assert.equal(manifest.bots[0].botId, fromEnv);
  });

  test('without --out the package lands in manifest/build, named after TEAMSFX_ENV', async () => {
    const label = `nodetest${process.pid}`;
    const expected = path.join(sourceDir, 'build', `appPackage.${label}.zip`);
    try {
      const result = await runPackager({ ...SAMPLE_VALUES, TEAMSFX_ENV: label }, { out: null });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(existsSync(expected), `${expected} was not written`);
      assert.ok(readZip(readFileSync(expected)).has('manifest.json'));
    } finally {
      rmSync(expected, { force: true });
      rmSync(expected.replace(/\.zip$/, '.manifest.json'), { force: true });
    }
  });

  test('the same values give byte-identical packages', async () => {
    const [a, b] = await Promise.all([runPackager(SAMPLE_VALUES), runPackager(SAMPLE_VALUES)]);
    assert.ok(readFileSync(a.zipPath).equals(readFileSync(b.zipPath)));
  });
});
