// The offline assistant's suggestion card and the summary's map and download buttons in
// Microsoft's Teams emulator, as a person meets them: "Suggest with the assistant" on a question
// card, one suggestion accepted, then the summary with its map image loaded from the bot.
// Texts and button titles come from Strings.resx. Screenshots go to artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/assistant.test.mjs after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pollUntil, startHarness } from './harness.mjs';
import { en, prefix } from './strings.mjs';

const TITLE = 'Assisted library';
const Q1 = 'What do we want to achieve?';
const Q2 = 'Who can help us, outside and at home?';

describe('the assistant and the summary map in the Teams emulator', { timeout: 120_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;
  let accepted = '';

  before(async () => {
    h = await startHarness({ logName: 'assistant' });
  }, { timeout: 90_000 });

  after(async () => {
    await h?.close();
  });

  test('Suggest with the assistant shows the suggestions; an accepted one lands in the plan', async () => {
    let after = await h.sendText(`start ${TITLE}`);
    await h.waitForBotMessage({ card: true, heading: Q1 }, { after });
    after = await h.sendText('A library that is also a meeting place for the whole village.');
    const question = await h.waitForBotMessage({ card: true, heading: Q2 }, { after });

    after = await h.click(h.card(question), en('Assist_Suggest'));
    const message = await h.waitForBotMessage({ card: true, heading: en('Assist_Heading_Partners') }, { after });
    const card = h.card(message);
    assert.ok(message.text.includes(en('Assist_Source_Offline')), 'the card says the offline assistant wrote it');
    assert.ok(message.text.includes(en('Assist_Disclaimer')), 'the card says nothing is added until accepted');
    const titles = await h.buttonTitles(card);
    const accepts = titles.filter((t) => t === en('Assist_Accept')).length;
    assert.ok(accepts >= 2, `several suggestions, each with Accept: ${titles.join(' | ')}`);
    assert.equal(titles.filter((t) => t === en('Assist_Discard')).length, accepts, 'each suggestion has Discard too');
    await h.screenshotCard('assistant-suggestions-partners', card);
    await h.screenshotCardAtWidth('assistant-suggestions-partners-card-320px', card, 320);

    // The first suggestion, as its text box holds it.
    const label = card.locator('label').filter({ hasText: new RegExp(`^\\s*${en('Assist_Label_Partners')}\\s*\\*?\\s*$`) });
    assert.equal(await label.count(), accepts, 'each suggestion has its own labelled text box');
    const box = card.locator(`[id="${await label.first().getAttribute('for')}"]`);
    accepted = await box.inputValue();
    assert.ok(accepted.length > 2, `the first suggestion has a name: '${accepted}'`);
    const before = await h.mark();
    await card.getByRole('button', { name: en('Assist_Accept'), exact: true }).first().click();
    await h.waitForBotMessage({ card: false, text: en('Assist_Accepted', accepted) }, { after: before });

    // The plan has it: the summary's partners card lists it.
    after = await h.sendText('summary');
    const partners = await h.waitForBotMessage({ card: true, heading: 'Partners and how we mobilise them' }, { after });
    assert.ok(partners.text.includes(accepted), `the summary lists '${accepted}': ${partners.text.slice(0, 300)}`);
  });

  test('the summary shows the map image from the bot and the download buttons', async () => {
    assert.ok(accepted, 'the first test accepted a partner');
    const images = [];
    const onResponse = (response) => {
      if (response.url().startsWith(`${h.bot.url}/`) && response.request().resourceType() === 'image') {
        images.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] });
      }
    };
    h.page.on('response', onResponse);
    try {
      const after = await h.sendText('summary');
      const overview = await h.waitForBotMessage({ card: true, heading: TITLE }, { after });
      const card = h.card(overview);
      const titles = await h.buttonTitles(card);
      for (const title of [en('Action_DownloadWord'), en('Action_DownloadMarkdown')]) {
        assert.ok(titles.includes(title), `the overview has "${title}": ${titles.join(' | ')}`);
      }

      const word = await h.openUrlOf(card, en('Action_DownloadWord'));
      const response = await fetch(word, { signal: AbortSignal.timeout(10_000) });
      assert.equal(response.status, 200, `GET ${word}`);
      assert.match(response.headers.get('content-type') ?? '', /wordprocessingml/);
      assert.ok((await response.arrayBuffer()).byteLength > 1000, 'the Word file has content');

      // The map: an <img> in one of the summary cards, loaded from the bot.
      const map = h.page.locator('.ac-adaptiveCard img').filter({ has: h.page.locator(`xpath=self::*[starts-with(@src, "${h.bot.url}/")]`) }).last();
      await map.waitFor({ state: 'attached' });
      const loaded = await pollUntil(
        () => map.evaluate((img) => (img.complete && img.naturalWidth > 0 ? { width: img.naturalWidth, height: img.naturalHeight, alt: img.alt } : null)),
        { what: 'the map image to load in the page' },
      );
      assert.ok(loaded.width >= 200, `the map is drawn from a real image: ${JSON.stringify(loaded)}`);
      assert.ok(loaded.alt.startsWith(prefix('Map_AltText')), `the map has its alt text: '${loaded.alt}'`);
      const request = await pollUntil(() => images.find((i) => i.status === 200), { what: 'the page to get the map from the bot' });
      assert.equal(request.type, 'image/png');

      const mapCard = h.message(await map.evaluate((img) => [...document.querySelectorAll('[aria-label="Message header"]')].findIndex((header) => header.parentElement.contains(img))));
      await h.screenshotCard('summary-with-map', mapCard.locator('.ac-adaptiveCard').first());
      await h.screenshotCard('summary-overview-downloads', card);
    } finally {
      h.page.off('response', onResponse);
    }
  });
});
