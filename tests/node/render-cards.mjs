// Draws every card of the card catalogue with the official Adaptive Cards renderer (npm adaptivecards)
// and the Teams light host config, in headless Chromium, so people can look at them: at 320 px (a
// phone) and 700 px (the Teams desktop chat), into artifacts/cards/<width>/<language>/<name>.png.
// It also reports what a person would miss at a glance: a button title or a text that does not fit
// (Teams cuts action titles with an ellipsis) and anything wider than the card.
//
//   SAMSKAPELSE_CARD_CATALOGUE=$PWD/artifacts/card-catalogue.json \
//     dotnet test tests/Samskapelse.Tests --filter "FullyQualifiedName~EveryCardTheBotCanSend"
//   node tests/node/render-cards.mjs artifacts/card-catalogue.json [nb da ...] [--only=<text in name>]
//
// Only loopback and local content is loaded: every other request is aborted.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const WIDTHS = [320, 700];

const args = process.argv.slice(2);
const catalogueFile = args.find((a) => !a.startsWith('--') && a.endsWith('.json'));
if (!catalogueFile) {
  console.error('usage: node render-cards.mjs <card-catalogue.json> [languages...] [--only=<text>]');
  process.exit(2);
}

const languages = args.filter((a) => /^[a-z]{2}$/.test(a));
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const cards = JSON.parse(readFileSync(catalogueFile, 'utf8'))
  .filter((c) => languages.length === 0 || languages.includes(c.name.split('/')[0]))
  .filter((c) => !only || c.name.includes(only));
const hostConfig = JSON.parse(readFileSync(path.join(here, 'hostconfig', 'microsoft-teams-light.json'), 'utf8'));
const outDir = path.join(root, 'artifacts', 'cards');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 800, height: 800 }, locale: 'nb-NO', timezoneId: 'UTC' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return ['about:', 'data:'].includes(url.protocol) || url.hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5;font-family:"Segoe UI",system-ui,sans-serif}#card{background:#fff;padding:0;box-sizing:border-box}</style></head><body><div id="card"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });

  for (const width of WIDTHS) {
    for (const { name, card } of cards) {
      const found = await page.evaluate(({ card, hostConfig, width }) => {
        const holder = document.getElementById('card');
        holder.style.width = `${width}px`;
        holder.innerHTML = '';
        const adaptive = new AdaptiveCards.AdaptiveCard();
        adaptive.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        adaptive.parse(card);
        holder.appendChild(adaptive.render());
        const edge = holder.getBoundingClientRect().right + 0.5;
        const cut = [];
        for (const element of holder.querySelectorAll('*')) {
          const text = (element.innerText || '').trim().slice(0, 80);
          if (!text || element.children.length > 0) continue;
          const style = getComputedStyle(element);
          if (element.scrollWidth > element.clientWidth + 1 && style.overflow !== 'visible') cut.push(`cut: ${text}`);
          else if (element.getBoundingClientRect().right > edge) cut.push(`too wide: ${text}`);
        }
        return cut;
      }, { card, hostConfig, width });

      const [language, ...rest] = name.split('/');
      const file = path.join(outDir, String(width), language, `${rest.join('-')}.png`);
      mkdirSync(path.dirname(file), { recursive: true });
      await page.locator('#card').screenshot({ path: file, animations: 'disabled' });
      for (const what of found) problems.push({ name, width, what });
    }
  }
} finally {
  await browser.close();
}

writeFileSync(path.join(outDir, 'problems.json'), JSON.stringify(problems, null, 2));
for (const p of problems) console.log(`${p.width}px ${p.name}: ${p.what}`);
console.log(`${cards.length} cards drawn at ${WIDTHS.join(' and ')} px into ${path.relative(process.cwd(), outDir)}; ${problems.length} texts that do not fit.`);
