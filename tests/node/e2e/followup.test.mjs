// A plan in Norwegian with what co-creation should contribute (question 1) and what a partner brings
// (question 2), then followed up: the status and what happened with the partner and the alliance,
// recorded on the follow-up card, shown on the overview card. Screenshots go to artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/followup.test.mjs after building the bot)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { nb } from './strings.mjs';

const TITLE = 'Ungdommens hus';
const CLUB = 'Idrettslaget Ørn';
const COLLEAGUES = 'Kolleger i helsestasjonen';
const ALLIANCE = 'Trygge kvelder';
const first = (key) => nb(key).split('|')[0];

describe('value, resources and follow-up in the Teams emulator (nb)', { timeout: 170_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;

  before(async () => {
    h = await startHarness({ logName: 'followup', viewport: { width: 1280, height: 1000 } });
    await h.waitForBotMessage({ card: true }, { timeout: 10_000 });
  }, { timeout: 120_000 });

  after(async () => {
    await h?.close();
  });

  test('contributions and what partners bring show on the summary, and a follow-up shows on the overview', async () => {
    let mark = await h.sendText('språk nb');
    await h.waitForBotMessage({ card: false, text: nb('Language_Set') }, { after: mark });

    // Question 1: the answer and two of the four contributions, on the card.
    mark = await h.sendText(`start ${TITLE}`);
    let message = await h.waitForBotMessage({ heading: nb('Question_1_Text'), card: true }, { after: mark });
    let card = h.card(message);
    await h.fill(card, nb('Answer_Label'), 'Et trygt møtested i sentrum, drevet sammen med ungdommene.');
    await h.choose(card, nb('Goal_ContributionsLabel'), [nb('Contribution_PublicInnovation'), nb('Contribution_CollectiveCapacityToAct')]);
    await h.screenshotCard('followup-q1-contributions', card);
    mark = await h.click(card, nb('Action_Next'));
    message = await h.waitForBotMessage({ heading: nb('Question_2_Text'), card: true }, { after: mark });
    card = h.card(message);

    // Question 2: one partner on the card with what it brings, one typed with it in parentheses.
    await h.fill(card, nb('Partners_NameLabel'), CLUB);
    await h.choose(card, nb('Partners_SideLabel'), nb('Side_Outside'));
    await h.choose(card, nb('Partners_KindLabel'), first('Kind_Association'));
    await h.choose(card, nb('Partners_ResourcesLabel'), [nb('Resource_Premises'), nb('Resource_People')]);
    mark = await h.click(card, nb('Partners_Add'));
    const brings = nb('Partners_Brings', `${nb('Resource_People')}, ${nb('Resource_Premises')}`);
    message = await h.waitForBotMessage({ heading: nb('Question_2_Text'), card: true, text: CLUB }, { after: mark });
    assert.ok(message.text.includes(brings), `question 2 shows what ${CLUB} brings: ${message.text}`);

    mark = await h.sendText(`${COLLEAGUES} (hjemme; kunnskap)`);
    message = await h.waitForBotMessage({ heading: nb('Question_2_Text'), card: true, text: COLLEAGUES }, { after: mark });
    card = h.card(message);
    assert.ok(message.text.includes(nb('Partners_Brings', nb('Resource_Knowledge'))), message.text);
    await h.screenshotCard('followup-q2-resources', card);

    // Questions 3 to 6, typed.
    mark = await h.sendText('neste');
    await h.waitForBotMessage({ heading: nb('Question_3_Text'), card: true }, { after: mark });
    mark = await h.sendText(`${CLUB}: invitere dem til å utforme huset; ${COLLEAGUES}: kontortid i huset hver onsdag`);
    await h.waitForBotMessage({ heading: nb('Question_4_Text'), card: true }, { after: mark });
    mark = await h.sendText('Et felles husmøte hver måned der ungdom, lag og kommunen bestemmer sammen.');
    await h.waitForBotMessage({ heading: nb('Question_5_Text'), card: true }, { after: mark });
    mark = await h.sendText('neste');
    await h.waitForBotMessage({ heading: nb('Question_6_Text'), card: true }, { after: mark });
    mark = await h.sendText(`${ALLIANCE}: åpne hallen fredager (${CLUB}, ${COLLEAGUES})`);
    await h.waitForBotMessage({ heading: nb('Question_6_Text'), card: true, text: ALLIANCE }, { after: mark });
    mark = await h.sendText('neste');
    let [, overview, partners] = await h.waitForBotMessages(5, { after: mark, timeout: 20_000 });
    assert.ok(overview.text.includes(nb('Summary_Contributions')), `the overview names the contributions: ${overview.text}`);
    assert.ok(overview.text.includes(`${nb('Contribution_PublicInnovation')}, ${nb('Contribution_CollectiveCapacityToAct')}`), overview.text);
    assert.ok(partners.text.includes(brings), `the partners card shows what ${CLUB} brings: ${partners.text}`);
    await h.screenshotCard('followup-summary-partners', h.card(partners));

    // Follow-up from the overview card's button: status, the partner and the alliance.
    mark = await h.click(h.card(overview), nb('Action_FollowUp'));
    message = await h.waitForBotMessage({ heading: nb('FollowUp_Heading'), card: true }, { after: mark });
    card = h.card(message);
    await h.choose(card, nb('FollowUp_StatusLabel'), nb('Status_UnderWay'));
    await h.fill(card, nb('FollowUp_PartnerLabel', CLUB), 'Møttes to ganger, lager åpningstidene sammen.');
    await h.fill(card, nb('FollowUp_AllianceLabel', ALLIANCE), 'Hallen er åpen fredager fra desember.');
    await h.screenshotCard('followup-card', card);
    mark = await h.click(card, nb('Action_SaveFollowUp'));
    const [saved, followedUp] = await h.waitForBotMessages(5, { after: mark, timeout: 20_000 });
    assert.ok(saved.text.includes(nb('FollowUp_Saved', 3)), saved.text);
    assert.ok(followedUp.headings.includes(TITLE), `overview heading: ${followedUp.headings}`);
    assert.ok(followedUp.text.includes(nb('Status_UnderWay')), followedUp.text);
    assert.ok(followedUp.text.includes(nb('FollowUp_HistoryHeading', 3)), followedUp.text);
    assert.ok(followedUp.text.includes('Møttes to ganger, lager åpningstidene sammen.'), followedUp.text);
    assert.ok(followedUp.text.includes('Hallen er åpen fredager fra desember.'), followedUp.text);
    await h.screenshotCard('followup-overview', h.card(followedUp));

    // The typed command opens the same card.
    mark = await h.sendText('oppfølging');
    await h.waitForBotMessage({ heading: nb('FollowUp_Heading'), card: true }, { after: mark });
  });
});
