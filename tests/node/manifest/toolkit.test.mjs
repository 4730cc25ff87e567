// The Agents Toolkit project files agree with each other: each m365agents*.yml points at files that
// exist, and every ${{VAR}} it (or the manifest and parameter files it feeds) needs is declared in the
// matching env/.env.<name>, written by an earlier step, or an output of infra/main.bicep.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './support.mjs';

const read = (rel) => readFileSync(path.join(repoRoot, rel), 'utf8');
const placeholders = (text) => new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
const envKeys = (rel) => new Set([...read(rel).matchAll(/^([A-Za-z_]\w*)=/gm)].map((m) => m[1]));
const writtenBySteps = (yml) =>
  new Set([...yml.matchAll(/writeToEnvironmentFile:\s*\n((?:[ \t]+\w+: *\w+[ \t]*\n?)+)/g)].flatMap((m) =>
    [...m[1].matchAll(/:\s*(\w+)/g)].map((v) => v[1])));
const bicepOutputs = () => new Set([...read('infra/main.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]));

const projects = [
  { file: 'm365agents.yml', env: 'env/.env.dev' },
  { file: 'm365agents.local.yml', env: 'env/.env.local' },
  { file: 'm365agents.playground.yml', env: 'env/.env.playground' },
];

describe('Agents Toolkit project files', () => {
  for (const { file, env } of projects) {
    const yml = read(file);

    test(`${file}: every input path it names exists`, () => {
      const inputs = [...yml.matchAll(/^\s*-?\s*(?:manifestPath|path|parameters):\s*(\.\/\S+)\s*$/gm)].map((m) => m[1]);
      for (const rel of inputs) assert.ok(existsSync(path.join(repoRoot, rel)), `${file} names ${rel}, which does not exist`);
      for (const m of yml.matchAll(/--project (\S+)|publish (\S+\.csproj)/g)) {
        const rel = m[1] ?? m[2];
        assert.ok(existsSync(path.join(repoRoot, rel)), `${file} builds ${rel}, which does not exist`);
      }
    });

    test(`${file}: every variable it needs is declared in ${env} or produced by a step`, () => {
      const needed = placeholders(yml);
      if (/manifestPath: \.\/manifest\/manifest\.json/.test(yml)) {
        for (const f of ['manifest/manifest.json', 'manifest/nb.json', 'manifest/da.json']) placeholders(read(f)).forEach((v) => needed.add(v));
      }
      const available = new Set([...envKeys(env), ...writtenBySteps(yml)]);
      if (yml.includes('./infra/azure.parameters.json')) {
        placeholders(read('infra/azure.parameters.json')).forEach((v) => needed.add(v));
        bicepOutputs().forEach((v) => available.add(v));
      }
      const missing = [...needed].filter((v) => !available.has(v));
      assert.deepEqual(missing, [], `${file}: not declared in ${env} nor written by a step`);
    });
  }

  test('the Bicep outputs the deploy step and the manifest rely on exist', () => {
    const outputs = bicepOutputs();
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']) assert.ok(outputs.has(name), `no output ${name}`);
  });

  test('committed env files hold no secret values, and git ignores the .user files', () => {
    for (const { env } of projects) {
      for (const [, key, value] of read(env).matchAll(/^(\w+)=(.*)$/gm)) {
        if (/SECRET|PASSWORD|KEY$/.test(key)) assert.equal(value.trim(), '', `${env}: ${key} must stay empty here`);
      }
    }
    const ignored = execFileSync('git', ['check-ignore', 'env/.env.dev.user', 'env/.env.local.user', '.localConfigs.playground'], { cwd: repoRoot })
      .toString().trim().split('\n');
    assert.deepEqual(ignored, ['env/.env.dev.user', 'env/.env.local.user', '.localConfigs.playground']);
  });
});
