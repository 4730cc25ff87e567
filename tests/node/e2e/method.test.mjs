// The method for a manager alone (issue 16), in Microsoft's Teams emulator, in Norwegian: the manager
// switches to nb, opens "Hva er samskaping?" from the welcome card and reads its parts, then does the
// maturity self-assessment ("modenhet"), saves it, and sees it again. Texts come from Strings.nb.resx.
// Screenshots go to artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/method.test.mjs after building the bot)

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pollUntil, repoRoot, startHarness } from './harness.mjs';
import { en } from './strings.mjs';

const NB = new Map([...fs.readFileSync(path.join(repoRoot, 'src', 'Samskapelse.Domain', 'Localization', 'Strings.nb.resx'), 'utf8')
  .matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)]
  .map(([, name, value]) => [name, value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')]));

/** The Norwegian text of `key`, with {0}, {1}, ... replaced by `args`. */
function nb(key, ...args) {
  const text = NB.get(key);
  if (text === undefined) {
    throw new Error(`Strings.nb.resx has no key ${key}.`);
  }

  return text.replace(/\{(\d+)\}/g, (whole, n) => (args[Number(n)] !== undefined ? String(args[Number(n)]) : whole));
}

const nbCommand = (key) => nb(key).split('|')[0].trim();
const squash = (text) => text.replace(/\s+/g, ' ');

describe('what co-creation is, and the maturity self-assessment, in nb in the Teams emulator', { timeout: 150_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;
  let welcome;

  before(async () => {
    h = await startHarness({ logName: 'method' });
    welcome = await h.waitForBotMessage({ heading: en('Welcome_Heading'), card: true }, { timeout: 10_000 });
  }, { timeout: 120_000 });

  after(async () => {
    await h?.close();
  });

  test('from the welcome card, "Hva er samskaping?" shows the definition, and each part opens on the card', async () => {
    // The emulator sends en-US: the manager chooses Norwegian first; the bot answers in it from then on.
    let after = await h.sendText('språk nb');
    await h.waitForBotMessage({ card: false, text: nb('Language_Set') }, { after });

    after = await h.click(h.card(welcome), en('Action_WhatIsCoCreation'));
    const message = await h.waitForBotMessage({ card: true, heading: nb('CoCreation_Heading') }, { after });
    const card = h.card(message);
    assert.ok(squash(message.text).includes(squash(nb('CoCreation_Definition'))), `the definition is on the card: ${message.text.slice(0, 300)}`);

    const titles = await h.buttonTitles(card);
    for (const key of ['CoCreation_NotHeading', 'CoCreation_VariantsHeading', 'CoCreation_WheelHeading', 'CoCreation_PhasesHeading', 'CoCreation_ContributesHeading']) {
      assert.ok(titles.includes(nb(key)), `a button opens "${nb(key)}"; buttons: ${titles.join(' | ')}`);
    }

    // Each part opens below its button; the texts come from the card itself, not from a new message.
    const opens = async (headingKey, lineKeys) => {
      await h.click(card, nb(headingKey));
      const shown = await pollUntil(async () => {
        const text = squash(await card.innerText());
        // "1. …" is drawn as a numbered list, whose numbers are not in the text.
        return lineKeys.every((k) => text.includes(squash(nb(k)).replace(/^\d+\. /, ''))) ? text : null;
      }, { timeout: 5_000, what: `the part "${nb(headingKey)}" to open` });
      assert.ok(shown);
    };

    await opens('CoCreation_NotHeading', ['CoCreation_NotOutsourcing', 'CoCreation_NotConsultation', 'CoCreation_NotResignation']);
    await h.screenshotCard('method-what-is-co-creation-nb', card);
    await opens('CoCreation_VariantsHeading', ['CoCreation_Variant1', 'CoCreation_Variant4', 'CoCreation_Belief2']);
    await opens('CoCreation_ContributesHeading', ['CoCreation_Contributes1', 'CoCreation_Contributes4']);
  });

  test('"modenhet": the manager picks a step, saves, sees what the next step takes, and sees it again later', async () => {
    let after = await h.sendText(nbCommand('Cmd_Maturity'));
    let message = await h.waitForBotMessage({ card: true, heading: nb('Maturity_Heading') }, { after });
    let card = h.card(message);
    assert.ok(squash(message.text).includes(squash(nb('Maturity_Meaning_Involving'))), 'each step says what it means');

    const step = `2. ${nb('Maturity_Involving')}`;
    await h.choose(card, nb('Maturity_Label'), step);
    await h.fill(card, nb('Maturity_NoteLabel'), 'Vi spør innbyggerne mest om meningen deres.');
    after = await h.click(card, nb('Action_Save'));
    message = await h.waitForBotMessage({ card: true, heading: nb('Maturity_Heading'), text: nb('Maturity_Saved') }, { after });
    const saved = squash(message.text);
    assert.ok(saved.includes(nb('Maturity_Yours', step)), `the card names the chosen step: ${saved.slice(0, 400)}`);
    assert.ok(saved.includes(nb('Maturity_NextHeading', `3. ${nb('Maturity_Ambitious')}`)), 'the card names the next step');
    assert.ok(saved.includes(squash(nb('Maturity_Next_Involving'))), 'the card says what the next step takes');
    await h.screenshotCard('method-maturity-saved-nb', h.card(message));

    after = await h.sendText(nbCommand('Cmd_Maturity'));
    message = await h.waitForBotMessage({ card: true, heading: nb('Maturity_Heading') }, { after });
    card = h.card(message);
    const again = squash(message.text);
    assert.ok(again.includes(nb('Maturity_Yours', step)), `asked again, the saved step is shown: ${again.slice(0, 300)}`);
    assert.ok(!again.includes(nb('Maturity_Saved')), 'without the saved notice');
    assert.equal(await (await h.inputByLabel(card, nb('Maturity_NoteLabel'))).inputValue(), 'Vi spør innbyggerne mest om meningen deres.');
  });
});
