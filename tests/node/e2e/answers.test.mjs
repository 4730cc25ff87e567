// Answers first, in Microsoft's Teams emulator: a whole plan typed in Norwegian and another in Danish,
// where the answers begin with command words ("Ny start …", "Del erfaringer …", "Åpne …", "Endre …",
// "Start …"). Each answer is saved as written, and the summary holds every one exactly. One answer
// ("Start et løft av Haugen") could also be a command: the bot asks on a card, and the test chooses
// "save as answer". Texts come from the resource files. Screenshots go to artifacts/e2e/.
//
// Run: tests/node/run-e2e.sh   (or: node --test tests/node/e2e/answers.test.mjs after building the bot)

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startHarness } from './harness.mjs';

const decode = (text) => text
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const strings = new Map();

/** The text of `key` in `language` (nb, da), with {0}, {1}, ... replaced by `args`. */
function t(language, key, ...args) {
  if (!strings.has(language)) {
    const file = path.join(repoRoot, 'src', 'Samskapelse.Domain', 'Localization', `Strings.${language}.resx`);
    strings.set(language, new Map([...fs.readFileSync(file, 'utf8').matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)]
      .map(([, name, value]) => [name, decode(value)])));
  }

  const text = strings.get(language).get(key);
  if (text === undefined) {
    throw new Error(`Strings.${language}.resx has no key ${key}.`);
  }

  return text.replace(/\{(\d+)\}/g, (whole, n) => (args[Number(n)] !== undefined ? String(args[Number(n)]) : whole));
}

/** The first of a command's words in `language`. */
const command = (language, key) => t(language, key).split('|')[0].trim();

// The emulator drops line breaks from typed text (harness.sendText), so lists are separated by ";".
const PLANS = {
  nb: {
    title: 'Fritidsklubben på Haugen',
    goal: 'Ny start for fritidsklubben på Haugen: et trygt sted for unge, drevet sammen med dem.',
    partners: ['Frivilligsentralen (forening, ute)', 'Idrettslaget (forening, ute)', 'Kolleger i kulturenheten'],
    names: ['Frivilligsentralen', 'Idrettslaget', 'Kolleger i kulturenheten'],
    mobilisation: ['Del ansvaret for kafeen med dem, ikke bare oppgavene.', 'Åpne hallen for dem fredag kveld.', 'Start med et felles planleggingsmøte.'],
    ambiguous: 'Start et løft av Haugen',
    activities: ['Endre-prosjektet i fylkeskommunen', 'Språkkafeen på biblioteket'],
    alliance: ['Del og bruk-nettverket', 'deling av utstyr mellom klubbene'],
  },
  da: {
    title: 'Klubben i Vestbyen',
    goal: 'Del erfaringer med nabokommunen og byg et fælles tilbud til unge uden job.',
    partners: ['Frivilligcentret (forening, ude)', 'Idrætsforeningen (forening, ude)', 'Kolleger i kulturafdelingen'],
    names: ['Frivilligcentret', 'Idrætsforeningen', 'Kolleger i kulturafdelingen'],
    mobilisation: ['Ret fordelingen af haltider, så nye grupper kommer til.', 'Åbn hallen for dem fredag aften.', 'Start med et fælles planlægningsmøde.'],
    ambiguous: 'Start et løft af Vestbyen',
    activities: ['Ret på sporet-projektet i regionen', 'Sprogcaféen på biblioteket'],
    alliance: ['Del og genbrug-netværket', 'deling af udstyr mellem klubberne'],
  },
};

describe('answers that begin with command words, in the Teams emulator', { timeout: 300_000 }, () => {
  /** @type {import('./harness.mjs').Harness} */
  let h;

  before(async () => {
    h = await startHarness({ logName: 'answers' });
  }, { timeout: 90_000 });

  after(async () => {
    await h?.close();
  });

  /** Types `text` and waits for the card headed `heading` (optionally holding `holding`); returns it. */
  async function say(text, heading, holding) {
    const mark = await h.sendText(text);
    return h.waitForBotMessage({ heading, card: true, ...(holding ? { text: holding } : {}) }, { after: mark });
  }

  for (const language of ['nb', 'da']) {
    test(`a whole plan typed in ${language === 'nb' ? 'Norwegian' : 'Danish'} keeps every answer as written`, async () => {
      const plan = PLANS[language];
      const q = (n) => t(language, `Question_${n}_Text`);
      let mark = await h.sendText(`${command(language, 'Cmd_Language')} ${language}`);
      await h.waitForBotMessage({ text: t(language, 'Language_Set'), card: false }, { after: mark });

      await say(`${command(language, 'Cmd_Start')} ${plan.title}`, q(1));
      await say(plan.goal, q(2));
      await say(plan.partners.join('; '), q(2), plan.names[2]);
      await say(command(language, 'Cmd_Next'), q(3));
      await say(plan.names.map((name, i) => `${name}: ${plan.mobilisation[i]}`).join('; '), q(4));

      // "Start et løft av Haugen" could start a plan of that name: the bot asks, and nothing changes until the choice.
      const asked = await say(plan.ambiguous, t(language, 'Ambiguous_Heading'));
      await h.screenshotCard(`answers-${language}-answer-or-command`, h.card(asked));
      mark = await h.click(h.card(asked), t(language, 'Ambiguous_SaveAnswer', 4));
      await h.waitForBotMessage({ heading: q(5), card: true }, { after: mark });

      await say(plan.activities.join('; '), q(5), plan.activities[1]);
      await say(command(language, 'Cmd_Next'), q(6));
      await say(`${plan.alliance[0]}: ${plan.alliance[1]} (${plan.names[0]}, ${plan.names[1]})`, q(6), plan.alliance[0]);

      mark = await h.sendText(command(language, 'Cmd_Next'));
      await h.waitForBotMessage({ heading: t(language, 'Code_Heading'), card: true }, { after: mark });
      const summary = (await h.botMessages()).filter((m) => m.index >= mark && m.isCard).map((m) => m.text).join('\n');
      const expected = [plan.title, plan.goal, plan.ambiguous, ...plan.names, ...plan.mobilisation, ...plan.activities, ...plan.alliance];
      for (const answer of expected) {
        assert.ok(summary.includes(answer), `the ${language} summary holds «${answer}» as written:\n${summary}`);
      }

    });
  }
});
