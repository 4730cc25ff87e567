// Issue 3, "Teams review shared cards together", in Microsoft's Teams emulator: a plan typed in
// the personal chat is shared into the group chat by @mentioning the bot, and two different users
// sign, comment and vote on the same shared card (Universal Actions: Action.Execute).
//
// The emulator has no user switcher (EMULATOR-NOTES quirk 15): the current user is Alex Wilber
// (user-id-0, the plan's owner); Megan Bowen (user-id-1) acts either through the UI with the
// page's invoke rewritten to her id (actingAs), or through the emulator's own invoke API posted
// from the page (invokeAs), whose answer the UI does not draw, so the page then shows only what
// the bot's in-place update (quirk 14) made of the posted card. The emulator does not run
// `refresh` (quirk 13): each person's own view is what the invoke answered.
//
// Screenshots: artifacts/e2e/review-*.png.
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/ after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pollUntil, startHarness } from './harness.mjs';

const TITLE = 'Youth house';
const OWNER = 'Alex Wilber'; // the emulator's current user, user-id-0
const OTHER = { id: 'user-id-1', name: 'Megan Bowen' };
const Q6 = 'Which alliances would it pay to enter?';
const SIGN = 'Sign the code of conduct';
const COMMENT_TEXT = 'Ask the young people which evenings suit them before we fix Fridays.';

/** The text of an Adaptive Card JSON (every string value), for assertions on invoke answers. */
function cardText(card) {
  const parts = [];
  const walk = (node) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.entries(node).forEach(([k, v]) => k !== 'data' && walk(v));
  };
  walk(card);
  return parts.join('\n');
}

/** The titles of a card JSON's top-level actions. */
const actionTitles = (card) => (card?.actions ?? []).map((a) => a.title);

describe('reviewing a shared plan in the Teams emulator', { timeout: 150_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;
  let shared = -1; // the message number of the shared card in the group chat
  let signTemplate = null; // the invoke the page posted for "Sign the code of conduct"

  /** Waits until chat message number `index` (drawn in place) matches `pattern`; returns it. */
  const waitForMessage = (index, pattern, what) => pollUntil(
    async () => {
      const message = (await h.messages())[index];
      return message && pattern.test(message.text) ? message : null;
    },
    { what: `message #${index} to show ${what ?? pattern}` },
  ).catch(async (error) => { throw await h.withContext(error); });

  before(async () => {
    h = await startHarness({ logName: 'review', viewport: { width: 1280, height: 1000 } });
  }, { timeout: 90_000 });

  after(async () => {
    await h?.close();
  });

  test('a plan typed in the personal chat on the fast path', async () => {
    let after = await h.sendText(`start ${TITLE}`);
    await h.waitForBotMessage({ heading: 'What do we want to achieve?', card: true }, { after });
    after = await h.sendText('A safe place for young people in the evenings');
    await h.waitForBotMessage({ heading: 'Who can help us, outside and at home?', card: true }, { after });
    // Typed new lines are lost in the emulator: ';' separates the partners.
    after = await h.sendText('Sports club (association, outside); Culture department (colleagues)');
    const partners = await h.waitForBotMessage({ heading: 'Who can help us, outside and at home?', card: true, text: 'Culture department' }, { after });
    assert.match(partners.text, /Outside \(1\)/);
    assert.match(partners.text, /At home \(1\)/);
    after = await h.sendText('next');
    let question = await h.waitForBotMessage({ card: true, heading: 'How can these actors be mobilised?' }, { after });
    for (let i = 0; i < 3 && !question.headings.includes(Q6); i++) {
      after = await h.sendText('skip');
      question = await h.waitForBotMessage({ card: true, predicate: (m) => m.headings.some((x) => /\?$/.test(x)) }, { after });
    }

    assert.ok(question.headings.includes(Q6), `after three skips the bot asks ${question.headings}`);
    after = await h.sendText('Safe evenings: open the hall on Fridays (Sports club)');
    const alliances = await h.waitForBotMessage({ heading: Q6, card: true, text: 'Safe evenings' }, { after });
    assert.match(alliances.text, /Safe evenings \(Sports club\): open the hall on Fridays/);
    after = await h.sendText('next');
    const replies = await h.waitForBotMessages(5, { after, timeout: 20_000 });
    assert.match(replies[0].text, new RegExp(`All six questions are done for '${TITLE}'`));
  });

  test('@mentioning the bot with "share" in the group chat posts the review card', async () => {
    await h.openChat('Group Chat');
    // Opening the group chat installs the app there (quirk 6): the bot greets the team and says how to share.
    await h.waitForBotMessage({ card: false, text: 'Hello! I help managers plan co-creation' });
    await h.screenshot('review-0-group-chat-welcome');
    const after = await h.sendMention('share');
    const card = await h.waitForBotMessage({ card: true, heading: TITLE }, { after, timeout: 20_000 });
    const text = await h.waitForBotMessage({ card: false, text: `I shared '${TITLE}' here` }, { after });
    shared = card.index;
    assert.ok(text.index > card.index, 'the card comes first, then the text');
    assert.match(card.text, new RegExp(`Shared by ${OWNER} · version \\d+`));
    assert.match(card.text, /A safe place for young people in the evenings/);
    assert.match(card.text, /Safe evenings · Proposed · 0 for, 0 against/);
    assert.match(card.text, /No one has signed yet/);
    assert.deepEqual(await h.buttonTitles(h.card(card)), [SIGN, 'Comment', 'Propose']);
    await h.screenshotCard('review-1-shared', h.card(card));
    await h.screenshot('review-1-page-group-chat');
  });

  test('two users sign the same card: each sees it signed by both, and the posted card is updated in place', async () => {
    assert.ok(shared >= 0, 'the card was shared');

    // User A, the current user, presses Sign in the UI; the emulator draws the invoke's answer.
    const invokesBefore = h.invokes.length;
    const updatesBefore = h.updates.length;
    await h.click(h.card(shared), SIGN);
    const invoke = await h.waitForInvoke({ since: invokesBefore, verb: 'review.sign' });
    signTemplate = invoke.body;
    assert.equal(invoke.body.from.id, 'user-id-0');
    assert.equal(invoke.response?.type, 'application/vnd.microsoft.card.adaptive', `the answer to Sign: ${JSON.stringify(invoke.response).slice(0, 300)}`);
    // The bot updates the posted card (everyone's view) and then answers the invoke with A's own view; the emulator
    // draws whichever reaches its page last, so A's view is checked in the invoke's answer and the chat shows the signature.
    const mine = cardText(invoke.response.value);
    assert.match(mine, /Signed by 1/);
    assert.match(mine, new RegExp(`${OWNER} \\(`));
    assert.match(mine, /You signed on/);
    assert.match(mine, /Thank you for signing the code of conduct/);
    assert.ok(!actionTitles(invoke.response.value).includes(SIGN), 'A signed: no Sign button in A\'s own view');
    await waitForMessage(shared, /Signed by 1/);
    await h.screenshotCard('review-2-signed-by-owner', h.card(shared));
    const updateAfterA = await pollUntil(() => h.updates.slice(updatesBefore).find((u) => u.messageId === invoke.body.replyToId), { what: 'the bot to update the posted card in place after A signed' });
    assert.match(cardText(updateAfterA.attachments[0]?.content), /Signed by 1/);

    // User B signs the same card through the emulator's invoke API.
    const updatesBeforeB = h.updates.length;
    const answer = await h.invokeAs(OTHER.id, signTemplate);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body?.type, 'application/vnd.microsoft.card.adaptive', answer.text.slice(0, 300));
    const theirs = cardText(answer.body.value);
    assert.match(theirs, /Signed by 2/);
    assert.match(theirs, new RegExp(`${OWNER} \\(.*\\), ${OTHER.name} \\(`));
    assert.match(theirs, /You signed on/);
    assert.match(theirs, /Thank you for signing the code of conduct/);
    assert.ok(!actionTitles(answer.body.value).includes(SIGN), `B signed: no Sign button in B's view: ${actionTitles(answer.body.value)}`);

    // The posted card, updated in place by the bot: what everyone who does not refresh sees.
    const update = await pollUntil(() => h.updates.slice(updatesBeforeB).find((u) => u.messageId === signTemplate.replyToId), { what: 'the bot to update the posted card in place after B signed' });
    const base = update.attachments[0]?.content;
    assert.match(cardText(base), /Signed by 2/);
    assert.doesNotMatch(cardText(base), /You signed|Thank you for signing/, 'the posted card is nobody\'s personal view');
    assert.ok(actionTitles(base).includes(SIGN), 'the posted card still offers Sign to those who have not signed');
    const inPlace = await waitForMessage(shared, /Signed by 2/);
    assert.match(inPlace.text, new RegExp(`${OWNER} \\(.*\\), ${OTHER.name} \\(`));
    assert.equal((await h.messages()).filter((m) => m.fromBot && m.headings.includes(TITLE)).length, 1, 'no second card was posted');
    await h.screenshotCard('review-3-signed-by-two-in-place', h.card(shared));

    // B presses Sign again (on an older card): nothing changes.
    const again = await h.invokeAs(OTHER.id, signTemplate);
    assert.equal(again.status, 200, again.text);
    assert.match(cardText(again.body?.value), /You have already signed/);
    assert.match(cardText(again.body?.value), /Signed by 2/);
  });

  test('the second user comments through the Comment form', async () => {
    assert.ok(shared >= 0, 'the card was shared');
    const invokesBefore = h.invokes.length;
    const updatesBefore = h.updates.length;
    let invoke;
    await h.actingAs(OTHER.id, async () => {
      const card = h.card(shared);
      await h.click(card, 'Comment');
      await h.fill(card, 'Your comment', COMMENT_TEXT);
      await h.screenshotCard('review-4-comment-form', card);
      await h.click(card, 'Send');
      invoke = await h.waitForInvoke({ since: invokesBefore, verb: 'review.comment' });
      assert.equal(invoke.body.from.id, OTHER.id);
      assert.equal(invoke.body.value.action.data.comment, COMMENT_TEXT);
      assert.equal(invoke.body.value.action.data.target, 'Plan:');
    });

    // B's own view is the invoke's answer; as with signing, the emulator draws it or the updated posted card,
    // whichever reaches its page last, and both show the comment.
    const theirs = cardText(invoke.response.value);
    assert.match(theirs, /Comments \(1\)/);
    // Name and comment are two text runs of one line.
    assert.ok(theirs.includes(`${OTHER.name}: `) && theirs.includes(COMMENT_TEXT), theirs);
    assert.match(theirs, /Your comment is added/);
    assert.match(theirs, /Signed by 2/);
    const shown = await waitForMessage(shared, /Comments \(1\)/);
    assert.ok(shown.text.includes(`${OTHER.name}: ${COMMENT_TEXT}`), shown.text);
    await h.screenshotCard('review-5-commented', h.card(shared));

    const update = await pollUntil(() => h.updates.slice(updatesBefore).find((u) => u.messageId === signTemplate.replyToId), { what: 'the bot to update the posted card in place after the comment' });
    assert.ok(cardText(update.attachments[0]?.content).includes(COMMENT_TEXT), 'the posted card shows the comment');
  });

  test('the two users vote on the shared alliances card', async () => {
    const after = await h.sendMention('share alliances');
    const card = await h.waitForBotMessage({ card: true, heading: 'Alliances' }, { after, timeout: 20_000 });
    await h.waitForBotMessage({ card: false, text: `I shared the alliances of '${TITLE}' here` }, { after });
    assert.match(card.text, /Safe evenings/);
    assert.match(card.text, /0 for, 0 against/);
    const titles = await h.buttonTitles(h.card(card));
    assert.ok(titles.includes('Vote for') && titles.includes('Vote against'), `buttons: ${titles}`);

    const invokesBefore = h.invokes.length;
    await h.click(h.card(card), 'Vote for');
    const invoke = await h.waitForInvoke({ since: invokesBefore, verb: 'review.vote' });
    assert.equal(invoke.body.from.id, 'user-id-0', 'the page acts as the current user again');
    await waitForMessage(card.index, /1 for, 0 against/);

    const updatesBefore = h.updates.length;
    const against = structuredClone(invoke.body);
    against.value.action.title = 'Vote against';
    against.value.action.data.inFavour = 'false';
    const answer = await h.invokeAs(OTHER.id, against);
    assert.equal(answer.status, 200, answer.text);
    assert.match(cardText(answer.body?.value), /1 for, 1 against/);
    assert.match(cardText(answer.body?.value), /You voted against 'Safe evenings'/);
    await pollUntil(() => h.updates.slice(updatesBefore).find((u) => u.messageId === invoke.body.replyToId), { what: 'the alliances card to be updated in place' });
    await waitForMessage(card.index, /1 for, 1 against/);
    // The plan card shared earlier in this chat counts the votes too.
    await waitForMessage(shared, /Safe evenings · Proposed · 1 for, 1 against/);
    await h.screenshotCard('review-6-alliances-voted', h.card(card));
    await h.screenshot('review-7-page-after');
  });

  test('the owner changes the plan in the personal chat: the shared cards show the change', async () => {
    assert.ok(shared >= 0, 'the card was shared');
    const updatesBefore = h.updates.length;
    await h.openChat('Personal Chat');
    let after = await h.sendText('edit 1');
    await h.waitForBotMessage({ heading: 'What do we want to achieve?', card: true }, { after });
    after = await h.sendText('A safe place for young people, open every evening of the week');
    await h.waitForBotMessage({}, { after });
    // The plan has changed (and once this reply is drawn, the edit's turn is over: turns are in order).
    after = await h.sendText('summary');
    const overview = await h.waitForBotMessage({ heading: TITLE, card: true }, { after });
    assert.match(overview.text, /open every evening of the week/);
    const pushed = h.updates.slice(updatesBefore).filter((u) => u.messageId === signTemplate?.replyToId);
    await h.openChat('Group Chat');
    const shown = (await h.messages())[shared];
    assert.ok(pushed.length > 0, `the bot did not update the shared card in place; the group chat shows: ${shown?.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    assert.ok(shown?.text.includes('open every evening of the week'), `the shared card still shows: ${shown?.text.slice(0, 200)}`);
  });
});
