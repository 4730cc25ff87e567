// The method at the manager's side, in Microsoft's Teams emulator: the variant chosen on the setup card
// changes the guidance on the question cards, and a plan changed after question 6 (a business partner
// added through "edit 2") gets the fitting code-of-conduct suggestion, which the owner accepts on the card.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/method.test.mjs after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { command, en } from './strings.mjs';

const VARIANTS = ['CoProduction', 'CitizensAsVolunteers', 'CoCreatedProblemSolving', 'EqualCollaboration'];
const Q1 = en('Question_1_Text');
const Q2 = en('Question_2_Text');
const CODE_HEADING = en('Code_Heading');

describe('variant, phase and the code of conduct in the Teams emulator', { timeout: 240_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;

  before(async () => {
    h = await startHarness({ logName: 'method', viewport: { width: 1280, height: 1000 } });
    await h.waitForBotMessage({ card: true }, { timeout: 10_000 });
  }, { timeout: 120_000 });

  after(async () => {
    await h?.close();
  });

  test('a plan in each variant gets a different hint on its question cards', async () => {
    const hints = [];
    for (const [i, variant] of VARIANTS.entries()) {
      let after = await h.sendText(command('Cmd_Start'));
      let message = await h.waitForBotMessage({ heading: en('Setup_Heading'), card: true }, { after });
      let card = h.card(message);
      // Each variant explained in one line on the setup card.
      for (const v of VARIANTS) {
        assert.ok(message.text.includes(en(`Setup_VariantHelp_${v}`)), `the setup card explains ${v}`);
      }

      if (i === 0) {
        await h.screenshotCardAtWidth('method-setup-card-320px', card, 320);
      }

      await h.fill(card, en('Setup_TitleLabel'), `Variant ${i + 1} plan`);
      await h.choose(card, en('Setup_VariantLabel'), en(`Variant_${variant}`));
      after = await h.click(card, en('Action_StartPlanning'));
      await h.waitForBotMessage({ heading: Q1, card: true }, { after });

      after = await h.sendText('Young people have a safe place in the evenings.');
      message = await h.waitForBotMessage({ heading: Q2, card: true }, { after });
      const hint = en(`Hint_${variant}_2`);
      assert.ok(message.text.includes(hint), `question 2 in variant ${variant} shows its hint: ${message.text}`);
      for (const other of VARIANTS.filter((v) => v !== variant)) {
        assert.ok(!message.text.includes(en(`Hint_${other}_2`)), `question 2 in variant ${variant} does not show the hint of ${other}`);
      }

      hints.push(hint);
      await h.screenshotCard(`method-q2-variant-${i + 1}`, h.card(message));
    }

    assert.equal(new Set(hints).size, VARIANTS.length, 'four variants, four different hints');
  });

  test('a business partner added after question 6 brings the business principle as a suggestion', async () => {
    // The last plan (variant 4): one association outside, then skip to the end.
    let after = await h.sendText('Youth club (association, outside)');
    await h.waitForBotMessage({ heading: Q2, card: true, text: 'Youth club' }, { after });
    after = await h.sendText(command('Cmd_Next'));
    await h.waitForBotMessage({ heading: en('Question_3_Text'), card: true }, { after });
    for (let i = 0; i < 3; i++) {
      after = await h.sendText(command('Cmd_Skip'));
      await h.waitForBotMessage({ card: true }, { after });
    }

    after = await h.sendText(command('Cmd_Skip'));
    let code = await h.waitForBotMessage({ heading: CODE_HEADING, card: true }, { after, timeout: 20_000 });
    const suggestion = en('Code_SuggestAdd', en('Principle_BusinessInterestsOpen'));
    assert.ok(!code.text.includes(suggestion), 'no business principle suggested before a business partner');
    assert.ok(code.text.includes(en('Code_SourceGoodPractice')), 'principles show where they come from');

    // Changed after question 6: "edit 2", a business partner, back to the summary.
    after = await h.sendText(`${command('Cmd_Edit')} 2`);
    await h.waitForBotMessage({ heading: Q2, card: true }, { after });
    after = await h.sendText('Corner bakery (business, outside)');
    await h.waitForBotMessage({ heading: Q2, card: true, text: 'Corner bakery' }, { after });
    after = await h.sendText(command('Cmd_Next'));
    code = await h.waitForBotMessage({ heading: CODE_HEADING, card: true, text: suggestion }, { after, timeout: 20_000 });
    await h.screenshotCard('method-code-suggestion', h.card(code));
    await h.screenshotCardAtWidth('method-code-suggestion-card-320px', h.card(code), 320);

    after = await h.click(h.card(code), en('Action_AddPrinciple'));
    await h.waitForBotMessage({ card: false, text: en('Code_SuggestionAccepted') }, { after });
    const updated = await h.waitForBotMessage({ heading: CODE_HEADING, card: true }, { after });
    assert.ok(updated.text.includes(en('Principle_BusinessInterestsOpen')), 'the business principle is in the code');
    assert.ok(!updated.text.includes(suggestion), 'and no longer suggested');
  });
});
