// A whole plan chatted to its summary in Microsoft's Teams emulator, as a person would: typing in
// the compose box, filling the card forms, pressing the card buttons. Screenshots of every
// question and summary card go to artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/ after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';

const TITLE = 'Youth house';
const OUTSIDE = 'Outside';
const AT_HOME = 'At home (our own organisation)';
const CLUB = 'Youth club association';
const CULTURE = 'Culture department';
const ALLIANCE = 'Youth house alliance';

const Q = {
  1: 'What do we want to achieve?',
  2: 'Who can help us, outside and at home?',
  3: 'How can these actors be mobilised?',
  4: 'How can we work with them, and get them to work with each other?',
  5: 'Are similar activities under way elsewhere that we can support?',
  6: 'Which alliances would it pay to enter?',
};

const WELCOME = 'Welcome to Samskapelse';
const CODE_HEADING = 'Code of conduct for interaction with the outside world';

describe('planning in the Teams emulator', { timeout: 170_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;
  let welcomesOnFirstLoad = 0;
  let firstQuestionCard = -1; // the message number of the first question card, pressed again later

  let startupMs = 0;

  before(async () => {
    const started = Date.now();
    h = await startHarness({ logName: 'planning', viewport: { width: 1280, height: 1000 } });
    // The bot has answered both install activities now (the harness waits): count the welcomes.
    await h.waitForBotMessage({ heading: WELCOME, card: true }, { timeout: 10_000 });
    startupMs = Date.now() - started;
    welcomesOnFirstLoad = (await h.botMessages()).filter((m) => m.headings.includes(WELCOME)).length;
    await h.screenshotCard('00-welcome', await h.latestCard());
  }, { timeout: 120_000 });

  after(async () => {
    await h?.close();
  });

  // installationUpdate and conversationUpdate arrive together on install; the bot serializes the
  // turns of a conversation (ConversationTurnLocks), so the second one sees Welcomed=true.
  test('the first page load shows one welcome card', (t) => {
    t.diagnostic(`bot, emulator and page up, welcome drawn: ${startupMs} ms`);
    assert.equal(welcomesOnFirstLoad, 1, `the bot sent ${welcomesOnFirstLoad} welcome cards on the first page load`);
  });

  test('a whole plan, typed and filled in on the cards, ends in the four summary cards', async () => {
    // Q1: start by typing, answer by typing.
    let after = await h.sendText(`start ${TITLE}`);
    let message = await h.waitForBotMessage({ heading: Q[1], card: true }, { after });
    let card = h.card(message);
    firstQuestionCard = message.index;
    assert.match(message.text, new RegExp(`${TITLE} · Question 1 of 6`));
    assert.match(message.text, new RegExp(`Plan '${TITLE}' created`));
    await h.screenshotCard('q1-goal', card);

    after = await h.sendText('A safe meeting place in the town centre, run together with young people.');
    message = await h.waitForBotMessage({ heading: Q[2], card: true }, { after });
    card = h.card(message);
    assert.match(message.text, /Question 2 of 6/);
    await h.screenshotCard('q2-partners-empty', card);

    // The same card at phone-like widths: the page in a 400 px viewport (the emulator does not
    // reflow, it cuts off), and the card itself drawn 400 and 320 px wide.
    await h.page.setViewportSize({ width: 400, height: 1000 });
    await h.screenshot('page-viewport-400px');
    await h.page.setViewportSize({ width: 1280, height: 1000 });
    await h.screenshotCardAtWidth('q2-partners-card-400px', card, 400);
    await h.screenshotCardAtWidth('q2-partners-card-320px', card, 320);

    // Q2: two partners through the card form, one outside (an association), one at home.
    await h.fill(card, "Partner's name", CLUB);
    await h.choose(card, 'Outside or at home?', OUTSIDE);
    await h.choose(card, 'Kind of partner', 'Association');
    after = await h.click(card, 'Add partner');
    message = await h.waitForBotMessage({ heading: Q[2], card: true, text: CLUB }, { after });
    card = h.card(message);
    assert.match(message.text, /Outside \(1\)/);

    await h.fill(card, "Partner's name", CULTURE);
    await h.choose(card, 'Outside or at home?', AT_HOME);
    await h.choose(card, 'Kind of partner', 'Own unit / colleagues');
    after = await h.click(card, 'Add partner');
    message = await h.waitForBotMessage({ heading: Q[2], card: true, text: CULTURE }, { after });
    card = h.card(message);
    assert.match(message.text, /Outside \(1\)/);
    assert.match(message.text, /At home \(1\)/);
    assert.match(message.text, new RegExp(`${CLUB} \\(Association\\)`));
    assert.match(message.text, new RegExp(`${CULTURE} \\(Own unit / colleagues\\)`));
    await h.screenshotCard('q2-partners-two', card);

    after = await h.click(card, 'Next');
    message = await h.waitForBotMessage({ heading: Q[3], card: true }, { after });
    card = h.card(message);
    await h.screenshotCard('q3-mobilisation', card);

    // Q3: how each partner is mobilised, on the card.
    await h.fill(card, `${CLUB} (Association)`, 'Their purpose is a youth scene; we offer rooms and a say in the house rules.');
    await h.fill(card, `${CULTURE} (Own unit / colleagues)`, 'It strengthens their youth work; invite them to plan the opening together.');
    after = await h.click(card, 'Next');
    message = await h.waitForBotMessage({ heading: Q[4], card: true }, { after });
    card = h.card(message);
    await h.screenshotCard('q4-collaboration', card);

    // Q4: typed.
    after = await h.sendText('A monthly house meeting where the club, the young people and the department decide together.');
    message = await h.waitForBotMessage({ heading: Q[5], card: true }, { after });
    card = h.card(message);
    await h.screenshotCard('q5-activities', card);

    // Q5: typed; the list question keeps the card open until "next".
    after = await h.sendText("The neighbouring municipality's youth council");
    message = await h.waitForBotMessage({ heading: Q[5], card: true, text: "neighbouring municipality's youth council" }, { after });
    card = h.card(message);
    assert.match(message.text, /Related activities \(1\)/);
    await h.screenshotCard('q5-activities-added', card);
    after = await h.sendText('next');
    message = await h.waitForBotMessage({ heading: Q[6], card: true }, { after });
    card = h.card(message);
    await h.screenshotCard('q6-alliances', card);

    // Q6: an alliance through the card form, choosing its partners.
    await h.fill(card, 'Name of the alliance', ALLIANCE);
    await h.choose(card, 'Partners in it', [CLUB, CULTURE]);
    await h.fill(card, 'Purpose', 'Run the house together and keep it open in the evenings.');
    after = await h.click(card, 'Add alliance');
    message = await h.waitForBotMessage({ heading: Q[6], card: true, text: ALLIANCE }, { after });
    card = h.card(message);
    assert.match(message.text, /Alliances \(1\)/);
    assert.match(message.text, new RegExp(`${ALLIANCE} \\(${CLUB}, ${CULTURE}\\)`));
    await h.screenshotCard('q6-alliances-added', card);
    await h.screenshotCardAtWidth('q6-alliances-added-card-320px', card, 320);

    // Done: one text and four summary cards.
    after = await h.click(card, 'Next');
    const replies = await h.waitForBotMessages(5, { after, timeout: 20_000 });
    const [done, overview, partners, alliances, code] = replies;
    assert.equal(done.isCard, false);
    assert.match(done.text, new RegExp(`All six questions are done for '${TITLE}'`));

    assert.ok(overview.isCard && overview.headings.includes(TITLE), `overview heading: ${overview.headings}`);
    assert.match(overview.text, /Mobilisation plan/);
    assert.match(overview.text, /1 outside, 1 at home/);
    assert.match(overview.text, /2 of 2 partners have a mobilisation plan/);
    assert.match(overview.text, /No pitfalls found|Worth a second look/);

    assert.ok(partners.isCard && partners.headings.includes('Partners and how we mobilise them'), `partners heading: ${partners.headings}`);
    assert.ok(partners.text.includes(CLUB), 'the partners card lists the club');
    assert.ok(partners.text.includes(CULTURE), 'the partners card lists the department');

    assert.ok(alliances.isCard && alliances.headings.includes('Alliances'), `alliances heading: ${alliances.headings}`);
    assert.ok(alliances.text.includes(ALLIANCE));
    assert.ok(alliances.text.includes("The neighbouring municipality's youth council"));

    assert.ok(code.isCard && code.headings.includes(CODE_HEADING), `code heading: ${code.headings}`);
    // Drafted principles (the card's numbered list is drawn as an HTML list: no numbers in the text).
    assert.ok(code.text.includes('We meet our partners as equals'), 'the code of conduct has the drafted principles');

    await h.screenshotCard('summary-1-overview', h.card(overview));
    await h.screenshotCard('summary-2-partners', h.card(partners));
    await h.screenshotCard('summary-3-alliances-activities', h.card(alliances));
    await h.screenshotCard('summary-4-code-of-conduct', h.card(code));
    await h.screenshotCardAtWidth('summary-1-overview-card-320px', h.card(overview), 320);
    await h.screenshot('page-after-summary');
  });

  test('a button on an earlier card changes nothing and says so', async () => {
    assert.ok(firstQuestionCard >= 0, 'the plan test showed question 1');
    const card = h.card(firstQuestionCard);
    const after = await h.click(card, 'Skip');
    const stale = await h.waitForBotMessage({ card: false, text: 'That card is from an earlier step' }, { after });
    const hint = await h.waitForBotMessage({ card: false, text: `'${TITLE}' is complete.` }, { after: stale.index + 1 });
    assert.ok(hint.index > stale.index);
    await h.screenshot('page-stale-card');
    // The plan is unchanged: the summary still has the answer to question 1.
    const summaryAfter = await h.sendText('summary');
    const overview = await h.waitForBotMessage({ card: true, heading: TITLE }, { after: summaryAfter });
    assert.match(overview.text, /A safe meeting place in the town centre/);
    assert.doesNotMatch(overview.text, /Skipped/);
  });

  test('reloading the page does not send a second welcome card', async () => {
    // The emulator re-sends installationUpdate and conversationUpdate on every load (quirk 6);
    // load() waits until the bot has answered both.
    await h.load({ reload: true });
    // A marker: replies are drawn in order, so a welcome sent on reload is drawn before the help card.
    const after = await h.sendText('help');
    await h.waitForBotMessage({ heading: 'What I can do', card: true }, { after });
    const shown = await h.botMessages();
    const welcomes = shown.filter((m) => m.headings.includes(WELCOME));
    await h.screenshot('page-after-reload');
    assert.equal(welcomes.length, 0, `after the reload the bot sent ${welcomes.length} welcome card(s): ${JSON.stringify(shown.map((m) => m.headings[0] ?? m.text.slice(0, 40)))}`);
  });

  test("'language nb' switches to Norwegian", async () => {
    let after = await h.sendText('language nb');
    const reply = await h.waitForBotMessage({ card: false }, { after });
    assert.equal(reply.text, 'Jeg snakker norsk fra nå av.');

    // And the bot goes on in Norwegian: the help card.
    after = await h.sendText('hjelp');
    const help = await h.waitForBotMessage({ card: true }, { after });
    await h.screenshotCard('help-nb', h.card(help));
    assert.ok(help.headings.includes('Dette kan jeg'), `help is not Norwegian: ${help.headings}`);

    // A question card in Norwegian (the longer words are where text wraps or is cut).
    after = await h.sendText('endre 2');
    const question = await h.waitForBotMessage({ card: true, heading: 'Hvem kan hjelpe oss ute og hjemme?' }, { after });
    assert.ok(question.text.includes(CLUB) && question.text.includes(CULTURE), 'the Norwegian card lists the partners');
    // Pause waits in the overflow menu ("…", mode secondary), so the row fits a phone.
    const row = (await h.buttonTitles(h.card(question))).filter((title) => ['Neste', 'Tilbake', 'Hopp over'].includes(title));
    assert.deepEqual(row.slice(-3), ['Neste', 'Tilbake', 'Hopp over']);
    await h.screenshotCard('q2-partners-nb', h.card(question));
    await h.screenshotCardAtWidth('q2-partners-nb-card-320px', h.card(question), 320);
    await h.screenshot('page-language-nb');
  });
  test('a second plan through the setup card: title, arena, variant and phase', async () => {
    let after = await h.sendText('språk en');
    await h.waitForBotMessage({ card: false, text: 'I will speak English from now on.' }, { after });

    after = await h.sendText('start');
    let message = await h.waitForBotMessage({ heading: 'Start a new plan', card: true }, { after });
    let card = h.card(message);
    await h.screenshotCard('setup-empty', card);
    await h.fill(card, 'Title of the initiative', 'Safe school routes for all children in the northern district');
    await h.choose(card, 'Arena of the co-creation wheel', 'Development projects, with local enthusiasts');
    await h.choose(card, 'Variant of co-creation', 'Co-created problem solving');
    await h.choose(card, 'Phase', 'Design');
    await h.screenshotCard('setup-filled', card);
    await h.screenshotCardAtWidth('setup-filled-card-320px', card, 320);
    after = await h.click(card, 'Start planning');
    message = await h.waitForBotMessage({ heading: Q[1], card: true }, { after });
    assert.match(message.text, /Safe school routes for all children in the northern district · Question 1 of 6/);

    // The overview shows what the setup card chose.
    after = await h.sendText('summary');
    const overview = await h.waitForBotMessage({ card: true, heading: 'Safe school routes for all children in the northern district' }, { after });
    assert.match(overview.text, /Development projects, with local enthusiasts/);
    assert.match(overview.text, /Co-created problem solving/);
    assert.match(overview.text, /Design/);
  });

  test('a double-click on Next shows the next question once', async () => {
    let after = await h.sendText('edit 1');
    const message = await h.waitForBotMessage({ heading: Q[1], card: true }, { after });
    const card = h.card(message);
    await h.fill(card, 'Your answer', 'Every child walks or cycles to school safely.');
    after = await h.mark();
    await card.getByRole('button', { name: 'Next', exact: true }).dblclick();
    await h.waitForBotMessage({ heading: Q[2], card: true }, { after });
    // A marker: once its reply is drawn, both submits have been answered (replies are in order).
    const help = await h.sendText('help');
    await h.waitForBotMessage({ heading: 'What I can do', card: true }, { after: help });
    const replies = (await h.messages()).filter((m) => m.index >= after && m.index < help && m.fromBot);
    await h.screenshot('page-double-click');
    const questions = replies.filter((m) => m.headings.includes(Q[2]));
    assert.equal(questions.length, 1, `a double-click on Next drew ${questions.length} question 2 cards; the replies: ${JSON.stringify(replies.map((m) => m.headings[0] ?? m.text.slice(0, 60)))}`);
  });
});
