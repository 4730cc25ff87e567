// "my data" and "delete my data" in Microsoft's Teams emulator, as a person meets them: the export
// card and its download (fetched from the bot on loopback), the confirmation card, No, then Yes,
// and the export afterwards. Texts and button titles come from Strings.resx. Screenshots go to
// artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/privacy.test.mjs after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { command, en, prefix } from './strings.mjs';

const TITLE = 'Privacy garden';
const GOAL = 'A shared garden where neighbours grow food together.';

describe('my data and delete my data in the Teams emulator', { timeout: 120_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;

  before(async () => {
    h = await startHarness({ logName: 'privacy' });
  }, { timeout: 90_000 });

  after(async () => {
    await h?.close();
  });

  /** Sends "my data", checks the card, follows its download button; returns the parsed file. */
  async function myData(shot) {
    const after = await h.sendText(command('Cmd_MyData'));
    const message = await h.waitForBotMessage({ card: true, heading: en('Privacy_ExportHeading') }, { after });
    const card = h.card(message);
    assert.ok(message.text.includes(en('Privacy_ExportIntro')), `the card says what is stored: ${message.text}`);
    assert.deepEqual(await h.buttonTitles(card), [en('Action_DownloadMyData')]);
    if (shot) {
      await h.screenshotCard(shot, card);
    }

    const url = await h.openUrlOf(card, en('Action_DownloadMyData'));
    assert.ok(url.startsWith(`${h.bot.url}/`), `the download link points at the bot on loopback: ${url}`);
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    assert.equal(response.status, 200, `GET ${url}`);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    return response.json();
  }

  test('my data shows the card, and its download has the plan and the language', async () => {
    // The language is stored only when chosen (otherwise each message's Teams locale decides).
    let after = await h.sendText(`${command('Cmd_Language')} en`);
    await h.waitForBotMessage({ card: false, text: en('Language_Set') }, { after });
    after = await h.sendText(`start ${TITLE}`);
    await h.waitForBotMessage({ card: true, heading: 'What do we want to achieve?' }, { after });
    after = await h.sendText(GOAL);
    await h.waitForBotMessage({ card: true, heading: 'Who can help us, outside and at home?' }, { after });

    const file = await myData('privacy-my-data');
    const plans = file.plansYouOwn ?? [];
    assert.deepEqual(plans.map((p) => p.title), [TITLE], `the file's plans: ${JSON.stringify(plans).slice(0, 300)}`);
    assert.ok(JSON.stringify(plans[0]).includes(GOAL), 'the file has the answer to question 1');
    const profile = file.yourSettingsAndPlanList;
    assert.ok(profile, `the file has the settings: ${Object.keys(file)}`);
    assert.match(String(profile.preferredLanguage), /^en|English/i, `the file has the language: ${JSON.stringify(profile)}`);
  });

  test('delete my data asks first; No keeps everything', async () => {
    const after = await h.sendText(command('Cmd_DeleteMyData'));
    const message = await h.waitForBotMessage({ card: true, heading: en('Privacy_DeleteHeading') }, { after });
    const card = h.card(message);
    assert.ok(message.text.includes(en('Privacy_DeleteBody').slice(0, 60)), 'the card says what is deleted');
    assert.deepEqual(await h.buttonTitles(card), [en('Action_DeleteMyDataYes'), en('Action_DeleteMyDataNo')]);
    await h.screenshotCard('privacy-delete-confirm', card);

    const pressed = await h.click(card, en('Action_DeleteMyDataNo'));
    await h.waitForBotMessage({ card: false, text: en('Privacy_DeleteCancelled') }, { after: pressed });
    const summary = await h.sendText('summary');
    await h.waitForBotMessage({ card: true, heading: TITLE, text: GOAL }, { after: summary });
  });

  test('Yes deletes it all, and my data then has nothing of the plan', async () => {
    const after = await h.sendText(command('Cmd_DeleteMyData'));
    const message = await h.waitForBotMessage({ card: true, heading: en('Privacy_DeleteHeading') }, { after });
    const pressed = await h.click(h.card(message), en('Action_DeleteMyDataYes'));
    const done = await h.waitForBotMessage({ card: false, text: prefix('Privacy_Deleted') }, { after: pressed });
    assert.ok(done.text.includes(en('Privacy_Deleted', 1, 0)), `the bot says what it deleted: ${done.text}`);
    await h.screenshot('privacy-deleted');

    const file = await myData('privacy-my-data-after-delete');
    assert.deepEqual(file.plansYouOwn ?? [], [], 'no plan of mine is left');
    assert.ok(!JSON.stringify(file).includes(TITLE), 'the title is nowhere in the file');
    assert.ok(!JSON.stringify(file).includes(GOAL), 'the answer is nowhere in the file');
  });
});
