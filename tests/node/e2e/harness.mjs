// End-to-end harness: the bot, Microsoft's Teams emulator (m365agentsplayground) and headless
// Chromium, all on loopback, driven as a person would: typing in the compose box, filling card
// inputs by their labels, pressing card buttons by their titles, and looking at screenshots.
//
// Read /work/shared/EMULATOR-NOTES.md (the quirks are referred to by number below).
//
//   const h = await startHarness();
//   try { await h.sendText('help'); const m = await h.waitForBotMessage({ text: 'What I can do' }); }
//   finally { await h.close(); }

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const nodeDir = path.resolve(here, '..');
export const repoRoot = path.resolve(nodeDir, '..', '..');
export const artifactsDir = path.join(repoRoot, 'artifacts', 'e2e');

const BOT_DLL = path.join(repoRoot, 'src', 'Samskapelse.Bot', 'bin', 'Debug', 'net10.0', 'Samskapelse.Bot.dll');
const PLAYGROUND_CLI = path.join(nodeDir, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const BIND_LOOPBACK = path.join(here, 'bind-loopback.cjs');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export const BOT_NAME = 'Test Bot';
const DEFAULT_TIMEOUT = 15_000;

// ---------------------------------------------------------------------------------------------
// Small utilities

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or the deadline passes; the only kind of wait here. */
export async function pollUntil(check, { timeout = DEFAULT_TIMEOUT, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }

    if (Date.now() >= deadline) {
      const reason = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${reason}`);
    }

    await delay(interval);
  }
}

/** A free TCP port on 127.0.0.1 (there is a short race until the caller binds it, hence the retries). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function httpOk(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function slug(name) {
  return String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'shot';
}

/** A child process whose output goes to a log file and whose exit is observed. */
class Child {
  constructor(name, command, args, options, logFile) {
    this.name = name;
    this.logFile = logFile;
    this.exited = null;
    this.stdoutText = '';
    this.log = fs.createWriteStream(logFile);
    // Its own process group, so that stop() ends it and anything it started, by its id.
    this.process = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.pid = this.process.pid;
    this.process.stdout.on('data', (chunk) => {
      this.stdoutText += chunk.toString();
      if (this.stdoutText.length > 200_000) {
        this.stdoutText = this.stdoutText.slice(-100_000);
      }

      this.log.write(chunk);
    });
    this.process.stderr.on('data', (chunk) => this.log.write(chunk));
    this.exitPromise = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve(this.exited);
      });
      this.process.on('error', (error) => {
        this.exited = { code: null, signal: null, error };
        resolve(this.exited);
      });
    });
    Child.running.add(this);
  }

  static running = new Set();

  signal(signal) {
    if (this.exited || !this.pid) {
      return;
    }

    try {
      process.kill(-this.pid, signal);
    } catch {
      try {
        process.kill(this.pid, signal);
      } catch {
        // already gone
      }
    }
  }

  async stop(graceMs = 5_000) {
    if (!this.exited) {
      this.signal('SIGTERM');
      const done = await Promise.race([this.exitPromise, delay(graceMs).then(() => null)]);
      if (!done) {
        this.signal('SIGKILL');
        await Promise.race([this.exitPromise, delay(2_000)]);
      }
    }

    Child.running.delete(this);
    await new Promise((resolve) => this.log.end(resolve));
  }
}

// If the test process dies without close(), still end what it started.
process.on('exit', () => {
  for (const child of Child.running) {
    child.signal('SIGKILL');
  }
});

// ---------------------------------------------------------------------------------------------
// The bot and the emulator

/**
 * Starts the built bot on a free loopback port with its own SQLite file; resolves when GET / answers.
 * Its links (downloads, map images) point at that port. `settings`: more configuration as
 * environment variables ({ 'Coaching__HrUserAadObjectIds__0': '...' }).
 */
export async function startBot({ tempDir, logDir, settings = {}, timeout = 60_000 }) {
  if (!fs.existsSync(BOT_DLL)) {
    throw new Error(`The bot is not built: ${BOT_DLL} is missing. Run 'dotnet build Samskapelse.Bot.sln' in ${repoRoot}.`);
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const sqlitePath = path.join(tempDir, 'bot', 'samskapelse.db');
  const child = new Child(
    'bot',
    'dotnet',
    [BOT_DLL, '--urls', url],
    {
      // The content root is the output folder, where appsettings.json is.
      cwd: path.dirname(BOT_DLL),
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Development',
        DOTNET_ENVIRONMENT: 'Development',
        Storage__Provider: 'Sqlite',
        Storage__SqlitePath: sqlitePath,
        Bot__PublicBaseUrl: url,
        ...settings,
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
      },
    },
    path.join(logDir, 'bot.log'),
  );

  try {
    await pollUntil(
      async () => {
        if (child.exited) {
          throw new Error(`the bot exited early (${JSON.stringify(child.exited)}); see ${child.logFile}`);
        }

        return httpOk(`${url}/`);
      },
      { timeout, interval: 200, what: `the bot to answer GET ${url}/` },
    );
  } catch (error) {
    await child.stop();
    throw error;
  }

  return { child, port, url, endpoint: `${url}/api/messages`, sqlitePath };
}

/**
 * Starts the emulator on a free port in a private cwd (its log and config go there, quirk 4),
 * bound to 127.0.0.1 (quirk 3), and checks the "Listening on N" line (quirk 2), retrying when it
 * fell back to another port.
 */
export async function startPlayground({ botEndpoint, tempDir, logDir, attempts = 3, timeout = 30_000 }) {
  if (!fs.existsSync(PLAYGROUND_CLI)) {
    throw new Error(`The Teams emulator is not installed: ${PLAYGROUND_CLI} is missing. Run 'npm ci' in ${nodeDir}.`);
  }

  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = await freePort();
    const cwd = fs.mkdtempSync(path.join(tempDir, 'playground-'));
    const child = new Child(
      'playground',
      process.execPath,
      [
        '-r', BIND_LOOPBACK,
        PLAYGROUND_CLI,
        '-e', botEndpoint,
        '-c', 'msteams',
        '-p', String(port),
        '--su', `http://127.0.0.1:${port}/_connector`,
        '--disable-telemetry',
      ],
      {
        cwd,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none', // quirk 1: otherwise xdg-open, exit 1
          TEAMSAPPTESTER_PORT: String(port),
          TEAMSAPPTESTER_LOGFILE: path.join(cwd, 'devTools', 'm365agentsplayground.log'),
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(cwd, '.m365agentsplayground.yml'),
        },
      },
      path.join(logDir, `playground-${attempt}.log`),
    );

    try {
      const listening = await pollUntil(
        () => {
          if (child.exited) {
            throw new Error(`the emulator exited (${JSON.stringify(child.exited)}); see ${child.logFile}`);
          }

          const match = /Listening on (\d+)/.exec(child.stdoutText);
          return match ? Number(match[1]) : 0;
        },
        { timeout, interval: 100, what: 'the emulator\'s "Listening on N" line' },
      );
      if (listening !== port) {
        throw new Error(`the emulator listens on ${listening}, not the chosen ${port} (it was taken: quirk 2)`);
      }

      const url = `http://127.0.0.1:${port}`;
      await pollUntil(() => httpOk(`${url}/`), { timeout, interval: 200, what: `the emulator to answer GET ${url}/` });
      return { child, port, url, cwd };
    } catch (error) {
      lastError = error;
      await child.stop();
    }
  }

  throw new Error(`Could not start the emulator in ${attempts} attempts: ${lastError?.message}`);
}

// ---------------------------------------------------------------------------------------------
// The page: what a person sees in the emulator

// In the page: each chat message is the parent of its "Message header"; bot messages name their author.
function readMessagesInPage(botName) {
  const headers = [...document.querySelectorAll('[aria-label="Message header"]')];
  return headers.map((header, index) => {
    const root = header.parentElement;
    const author = header.querySelector('[aria-label="Message author"]')?.textContent?.trim() ?? '';
    const card = root.querySelector('.ac-adaptiveCard');
    const headings = card ? [...card.querySelectorAll('[role="heading"]')].map((h) => h.innerText.trim()) : [];
    const bodyText = [...root.children].filter((c) => c !== header).map((c) => c.innerText).join('\n').trim();
    return {
      index,
      fromBot: author === botName,
      author,
      isCard: Boolean(card),
      headings,
      text: (card ? card.innerText : bodyText).replace(/\u00a0/g, ' ').trim(),
    };
  });
}

function matches(message, { text, heading, predicate, card } = {}) {
  if (card === true && !message.isCard) return false;
  if (card === false && message.isCard) return false;
  if (text !== undefined && !(text instanceof RegExp ? text.test(message.text) : message.text.includes(text))) return false;
  if (heading !== undefined && !message.headings.some((h) => (heading instanceof RegExp ? heading.test(h) : h === heading))) return false;
  if (predicate && !predicate(message)) return false;
  return true;
}

export class Harness {
  constructor({ bot, playground, context, page, tempDir, logDir, blocked }) {
    this.bot = bot;
    this.playground = playground;
    this.context = context;
    this.page = page;
    this.tempDir = tempDir;
    this.logDir = logDir;
    this.blocked = blocked;
    this.shots = [];
    this.closed = false;
    // What the emulator's Log Panel shows, read from the page's websocket: one entry per HTTP
    // exchange with the bot, appended when the exchange is complete (the bot's turn is over).
    this.exchanges = [];
    // In-place updates the bot made (PUT .../activities/{id}, quirk 14), as the page's websocket pushed them.
    this.updates = [];
    // Every Action.Execute the page posted (quirk 11): { body, response } once answered.
    this.invokes = [];
    this.openedChats = new Set();
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => this.onFrame(frame.payload)));
    page.on('requestfinished', (request) => this.onRequestFinished(request));
  }

  async onRequestFinished(request) {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/_conversation/v1/invoke') {
      return;
    }

    const entry = { body: null, status: undefined, response: null };
    try {
      entry.body = JSON.parse(request.postData() ?? 'null');
      const response = await request.response();
      entry.status = response?.status();
      entry.response = await response?.json();
    } catch {
      // the page may be gone
    }

    this.invokes.push(entry);
  }

  onFrame(payload) {
    if (typeof payload === 'string' && payload.includes('"updateMessage"')) {
      try {
        const { action, actionConversationId, message } = JSON.parse(payload);
        if (action === 'updateMessage' && message?.messageId) {
          this.updates.push({ conversationId: actionConversationId, messageId: message.messageId, attachments: message.attachments ?? [], text: message.text });
        }
      } catch {
        // not JSON
      }

      return;
    }

    if (typeof payload !== 'string' || !payload.includes('"appendLog"')) {
      return;
    }

    try {
      const { logAction, log } = JSON.parse(payload);
      if (logAction === 'appendLog' && log?.activityName) {
        this.exchanges.push({
          name: log.activityName,
          toBot: log.to === 'User Application',
          status: log.response?.statusCode,
          text: log.request?.body?.text,
          type: log.request?.body?.type,
        });
      }
    } catch {
      // not JSON: not a log entry
    }
  }

  /** Waits until the emulator logged a completed exchange sent to the bot (`name`: its activity name) after exchange number `since`. */
  async waitForExchange(name, { since = 0, timeout = DEFAULT_TIMEOUT, predicate = () => true } = {}) {
    return pollUntil(
      () => this.exchanges.slice(since).find((e) => e.toBot && e.name === name && e.status !== undefined && predicate(e)),
      { timeout, what: `the emulator to log a completed ${name} to the bot` },
    );
  }

  // ----- messages

  /** All chat messages currently drawn, in order: { index, fromBot, isCard, headings, text }. */
  messages() {
    return this.page.evaluate(readMessagesInPage, BOT_NAME);
  }

  async botMessages() {
    return (await this.messages()).filter((m) => m.fromBot);
  }

  /** How many messages are drawn now: pass it as `after` to wait only for newer ones. */
  async mark() {
    return (await this.messages()).length;
  }

  /**
   * Waits for a bot message drawn after message number `after` (default: any) that matches
   * { text (substring or RegExp), heading (exact or RegExp), card (true/false), predicate }.
   */
  async waitForBotMessage(filter = {}, { after = 0, timeout = DEFAULT_TIMEOUT } = {}) {
    if (typeof filter === 'string' || filter instanceof RegExp) {
      filter = { text: filter };
    } else if (typeof filter === 'function') {
      filter = { predicate: filter };
    }

    try {
      return await pollUntil(
        async () => (await this.messages()).find((m) => m.index >= after && m.fromBot && matches(m, filter)),
        { timeout, what: `a bot message matching ${describe(filter)} after message ${after}` },
      );
    } catch (error) {
      throw await this.withContext(error);
    }
  }

  /** Adds what the chat shows now (the last messages) to an error, and takes a screenshot. */
  async withContext(error) {
    try {
      const shown = (await this.messages()).slice(-6)
        .map((m) => `  #${m.index} ${m.fromBot ? 'bot' : 'user'}${m.isCard ? ' card' : ''}: ${m.text.replace(/\s+/g, ' ').slice(0, 200)}`)
        .join('\n');
      const shot = await this.screenshot(`failure-${Date.now()}`);
      error.message += `\nThe chat shows (last messages):\n${shown}\nScreenshot: ${shot}`;
    } catch {
      // the page may be gone
    }

    return error;
  }

  /** Waits until `count` bot messages have been drawn after message number `after`; returns them. */
  async waitForBotMessages(count, { after = 0, timeout = DEFAULT_TIMEOUT } = {}) {
    return pollUntil(
      async () => {
        const newer = (await this.messages()).filter((m) => m.index >= after && m.fromBot);
        return newer.length >= count ? newer : null;
      },
      { timeout, what: `${count} bot messages after message ${after}` },
    );
  }

  /** The locator of chat message number `index`. */
  message(index) {
    return this.page.locator('[aria-label="Message header"]').nth(index).locator('xpath=..');
  }

  /** The locator of the Adaptive Card of chat message number `index` (or of a message object). */
  card(indexOrMessage) {
    const index = typeof indexOrMessage === 'number' ? indexOrMessage : indexOrMessage.index;
    return this.message(index).locator('.ac-adaptiveCard').first();
  }

  /** The newest bot card drawn. */
  async latestCard() {
    const cards = (await this.botMessages()).filter((m) => m.isCard);
    if (cards.length === 0) {
      throw new Error('No bot card is drawn yet.');
    }

    return this.card(cards[cards.length - 1]);
  }

  // ----- typing

  /**
   * Types `text` in the compose box and sends it (Enter); new lines with Shift+Enter. Waits until it
   * is drawn. Note: the emulator (0.2.28) sends only the text nodes of its editor, so the bot gets
   * multi-line input WITHOUT the line breaks ("a" Shift+Enter "b" arrives as "ab").
   */
  async sendText(text) {
    const before = await this.mark();
    const box = this.page.locator('[data-lexical-editor="true"][contenteditable="true"]');
    await box.click();
    const lines = String(text).split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) {
        await this.page.keyboard.press('Shift+Enter');
      }

      if (lines[i]) {
        await this.page.keyboard.insertText(lines[i]);
      }
    }

    await pollUntil(async () => (await box.innerText()).trim().length > 0 || !text.trim(), { timeout: 5_000, what: 'the compose box to hold the text' });
    await this.page.keyboard.press('Enter');
    const firstLine = lines.find((l) => l.trim())?.trim() ?? '';
    await pollUntil(
      async () => (await this.messages()).some((m) => m.index >= before && !m.fromBot && m.text.includes(firstLine)),
      { timeout: DEFAULT_TIMEOUT, what: `the sent message "${firstLine}" to be drawn` },
    );
    return before;
  }

  // ----- conversations and users

  /**
   * Opens a conversation of the left tree ('Personal Chat', 'Group Chat', 'My Team - General', ...).
   * The first opening of a conversation in a page installs the app there (quirk 6): then it waits
   * until the bot has answered both install activities.
   */
  async openChat(name, { timeout = 30_000 } = {}) {
    const since = this.exchanges.length;
    const first = !this.openedChats.has(name);
    const installed = first
      ? this.page.waitForResponse((r) => /\/_debug\/conversation\/[^/]+\/installation$/.test(new URL(r.url()).pathname), { timeout })
      : null;
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    if (installed) {
      await installed;
      this.openedChats.add(name);
      await this.waitForExchange('installationUpdate', { since, timeout });
      await this.waitForExchange('conversationUpdate', { since, timeout });
    }
  }

  /**
   * Sends `text` with an @mention of the bot in front, the way a person does it: types "@",
   * picks the bot from the typeahead menu, types the text, presses Enter (group chats and
   * channels forward only messages that mention the bot, quirk 8). The bot receives
   * "<at>Test Bot</at> text" with a mention entity. Returns the message mark before it.
   */
  async sendMention(text, { botName = BOT_NAME } = {}) {
    const before = await this.mark();
    const box = this.page.locator('[data-lexical-editor="true"][contenteditable="true"]');
    await box.click();
    await this.page.keyboard.type('@');
    const item = this.page.locator('#typeahead-menu [role="menuitem"]').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(botName)}\\s*$`) });
    await item.waitFor({ state: 'visible', timeout: 5_000 });
    await item.click();
    await pollUntil(async () => (await box.locator('.mention').allInnerTexts()).some((t) => t.trim() === botName), { timeout: 5_000, what: `the mention of ${botName} in the compose box` });
    await this.page.keyboard.insertText(` ${text}`);
    await pollUntil(async () => (await box.innerText()).includes(text), { timeout: 5_000, what: 'the compose box to hold the text' });
    await this.page.keyboard.press('Enter');
    await pollUntil(
      async () => (await this.messages()).some((m) => m.index >= before && !m.fromBot && m.text.includes(text)),
      { timeout: DEFAULT_TIMEOUT, what: `the sent message "@${botName} ${text}" to be drawn` },
    );
    return before;
  }

  /**
   * Runs `action` (clicks on cards) as another mock user (quirk 15): the page's submit and
   * invoke requests are rewritten to carry `from.id = userId`, which the emulator honours.
   */
  async actingAs(userId, action) {
    const pattern = /\/_conversation\/v1\/(invoke|submit)$/;
    const rewrite = (route) => {
      const request = route.request();
      const body = JSON.parse(request.postData() ?? '{}');
      body.from = { ...(body.from ?? {}), id: userId };
      return route.continue({ postData: JSON.stringify(body), headers: { ...request.headers(), 'content-type': 'application/json' } });
    };
    // unroute() needs the very same matcher and handler.
    const matcher = (url) => pattern.test(url.pathname);
    await this.page.route(matcher, rewrite);
    try {
      return await action();
    } finally {
      await this.page.unroute(matcher, rewrite);
    }
  }

  /**
   * Posts an Action.Execute to the emulator from the page, as the UI does (quirk 11), but as
   * mock user `userId`; `template` is an invoke body the page posted (see `invokes`). The UI does
   * not draw the response: it is returned ({ status, body }). Only the bot's in-place update
   * (PUT, quirk 14) reaches the page.
   */
  async invokeAs(userId, template, { timeout = DEFAULT_TIMEOUT } = {}) {
    const body = { ...structuredClone(template), from: { id: userId } };
    return this.page.evaluate(async ({ body, timeout }) => {
      const response = await fetch('/_conversation/v1/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
      const text = await response.text();
      let json = null;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      return { status: response.status, body: json, text };
    }, { body, timeout });
  }

  /** Waits for an invoke posted by the page after invoke number `since` (and its answer). */
  async waitForInvoke({ since = 0, verb, timeout = DEFAULT_TIMEOUT } = {}) {
    return pollUntil(
      () => this.invokes.slice(since).find((i) => i.status !== undefined && (!verb || i.body?.value?.action?.verb === verb)),
      { timeout, what: `the page to post an invoke${verb ? ` with verb ${verb}` : ''} and get its answer` },
    );
  }

  // ----- cards

  /** The input of `card` whose label reads `label` (labels are set on every input). */
  async inputByLabel(card, label) {
    const labels = card.locator('label');
    const found = await pollUntil(
      async () => {
        const all = await labels.evaluateAll((nodes, wanted) => nodes
          .map((n) => ({ text: n.innerText.replace(/\s*\*\s*$/, '').trim(), for: n.getAttribute('for') }))
          .filter((n) => n.text === wanted && n.for), label);
        return all.length ? all : null;
      },
      { timeout: 5_000, what: `a card input labelled "${label}"` },
    );
    if (found.length > 1) {
      throw new Error(`More than one input is labelled "${label}" on this card.`);
    }

    return card.locator(`[id="${found[0].for}"]`);
  }

  /** Fills the text input labelled `label`. */
  async fill(card, label, value) {
    const input = await this.inputByLabel(card, label);
    await input.fill(value);
    await pollUntil(async () => (await input.inputValue()) === value, { timeout: 5_000, what: `"${label}" to hold the value` });
  }

  /**
   * Chooses the option(s) titled `titles` in the choice input labelled `label`: radio buttons
   * (expanded), a combobox (compact, single or multi-select) or a native select.
   */
  async choose(card, label, titles) {
    const wanted = Array.isArray(titles) ? titles : [titles];
    const input = await this.inputByLabel(card, label);
    const role = await input.evaluate((el) => el.getAttribute('role') ?? el.tagName.toLowerCase());

    if (role === 'radiogroup') {
      const radio = input.getByRole('radio', { name: wanted[0], exact: true });
      await radio.check();
      return;
    }

    if (role === 'select') {
      await input.selectOption(wanted.map((w) => ({ label: w })));
      return;
    }

    if (role === 'combobox') {
      // A Fluent combobox: single-select lists role=option, multi-select a menu of
      // role=menuitemcheckbox; both in a portal named by aria-controls once open.
      await input.click();
      const listId = await pollUntil(() => input.getAttribute('aria-controls'), { timeout: 5_000, what: `the list of "${label}" to open` });
      const list = this.page.locator(`[id="${listId}"]`);
      for (const title of wanted) {
        if (!(await list.isVisible())) {
          await input.click();
        }

        const option = list
          .locator('[role="option"], [role="menuitemcheckbox"]')
          .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) });
        const count = await option.count();
        if (count !== 1) {
          const offered = await list.locator('[role="option"], [role="menuitemcheckbox"]').allInnerTexts();
          throw new Error(`"${label}" offers ${count} options titled "${title}"; it offers: ${offered.join(' | ')}`);
        }

        await option.click();
      }

      if (await list.isVisible()) {
        await this.page.keyboard.press('Escape');
      }

      await pollUntil(async () => !(await list.isVisible()), { timeout: 5_000, what: `the list of "${label}" to close` });
      return;
    }

    if (role === 'group' || (await input.locator('input[type="checkbox"]').count()) > 0) {
      for (const title of wanted) {
        await input.getByRole('checkbox', { name: title, exact: true }).check();
      }

      return;
    }

    throw new Error(`Don't know how to choose in "${label}" (role ${role}).`);
  }

  /** Presses the card button titled `title`; returns the message mark to wait for the reply after. */
  async click(card, title) {
    const before = await this.mark();
    // An Action.OpenUrl is drawn as a button with role=link (its title attribute is the URL).
    const button = card.getByRole('button', { name: title, exact: true }).or(card.getByRole('link', { name: title, exact: true }));
    const count = await button.count();
    if (count !== 1) {
      const titles = await this.buttonTitles(card);
      throw new Error(`Expected one button "${title}" on the card, found ${count}. Buttons: ${titles.join(' | ')}`);
    }

    await button.click();
    return before;
  }

  /**
   * The URL of the Action.OpenUrl button titled `title`: the emulator draws it as a button with
   * role=link whose title attribute (the tooltip a person sees on hover) is the URL. Pressing it
   * opens a blank tab whose download Playwright does not report, so callers fetch the URL themselves.
   */
  async openUrlOf(card, title) {
    const link = card.getByRole('link', { name: title, exact: true });
    const count = await link.count();
    if (count !== 1) {
      throw new Error(`Expected one link button "${title}" on the card, found ${count}. Buttons: ${(await this.buttonTitles(card)).join(' | ')}`);
    }

    return link.getAttribute('title');
  }

  /** The titles of the buttons on a card, in order. */
  buttonTitles(card) {
    return card.getByRole('button').or(card.getByRole('link')).evaluateAll((bs) => bs
      .map((b) => (b.getAttribute('role') === 'link' ? b.getAttribute('aria-label') : b.getAttribute('title')) ?? b.innerText.trim()));
  }

  // ----- looking

  /** Screenshot of the page (what is in the viewport) into artifacts/e2e/<name>.png. */
  async screenshot(name) {
    const file = path.join(artifactsDir, `${slug(name)}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    this.shots.push(file);
    return file;
  }

  /** Screenshot of one card element (scrolled into view) into artifacts/e2e/<name>.png. */
  async screenshotCard(name, card) {
    const file = path.join(artifactsDir, `${slug(name)}.png`);
    await this.page.mouse.move(0, 0); // no hover highlight on a button
    // The chat scrolls inside the page: a card taller than the chat pane would be cut off, so the
    // viewport grows for the shot and is restored afterwards.
    const viewport = this.page.viewportSize();
    const box = await card.boundingBox();
    const needed = box ? Math.ceil(box.height) + 400 : 0;
    if (viewport && needed > viewport.height) {
      await this.page.setViewportSize({ width: viewport.width, height: needed });
    }

    try {
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: file, animations: 'disabled' });
    } finally {
      if (viewport && needed > viewport.height) {
        await this.page.setViewportSize(viewport);
      }
    }

    this.shots.push(file);
    return file;
  }

  /**
   * Screenshot of one card drawn `width` CSS pixels wide, the way a phone shows it. The emulator's
   * page does not reflow below about 1000 px (a 400 px viewport just cuts it off), so the card
   * element itself is narrowed for the shot and restored afterwards.
   */
  async screenshotCardAtWidth(name, card, width) {
    const previous = await card.evaluate((el, w) => {
      const before = el.getAttribute('style');
      el.style.width = `${w}px`;
      el.style.maxWidth = `${w}px`;
      el.style.minWidth = `${w}px`;
      el.style.boxSizing = 'border-box';
      return before;
    }, width);
    try {
      return await this.screenshotCard(name, card);
    } finally {
      await card.evaluate((el, before) => (before === null ? el.removeAttribute('style') : el.setAttribute('style', before)), previous);
    }
  }

  // ----- the page itself

  /** Loads the emulator's page and waits until the compose box is there and the app was (re-)installed (quirk 6). */
  async load({ reload = false } = {}) {
    const since = this.exchanges.length;
    const installed = this.page.waitForResponse((r) => /\/_debug\/conversation\/[^/]+\/installation$/.test(new URL(r.url()).pathname), { timeout: 45_000 });
    if (reload) {
      await this.page.reload({ waitUntil: 'domcontentloaded', timeout: 45_000 });
    } else {
      await this.page.goto(`${this.playground.url}/`, { waitUntil: 'domcontentloaded', timeout: 45_000 });
    }

    const response = await installed;
    this.openedChats = new Set(['Personal Chat']); // the page opens the personal chat
    await this.page.locator('[data-lexical-editor="true"][contenteditable="true"]').waitFor({ state: 'visible', timeout: 45_000 });
    // The bot has had both install activities (and answered them) before anyone types: otherwise
    // a first message races the welcome turns.
    await this.waitForExchange('installationUpdate', { since, timeout: 30_000 });
    await this.waitForExchange('conversationUpdate', { since, timeout: 30_000 });
    return response.status();
  }

  /** Stops everything started, removes temp files; safe to call twice and after a failed start. */
  async close() {
    if (this.closed) {
      return;
    }

    this.closed = true;
    await closeAll({ context: this.context, playground: this.playground, bot: this.bot, tempDir: this.tempDir, logDir: this.logDir });
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describe(filter) {
  return JSON.stringify(filter, (key, value) => (value instanceof RegExp ? String(value) : typeof value === 'function' ? 'predicate' : value));
}

async function closeAll({ context, playground, bot, tempDir, logDir }) {
  const errors = [];
  if (context) {
    await Promise.race([context.close().catch((e) => errors.push(e)), delay(10_000)]);
  }

  if (playground) {
    // Keep the emulator's own log beside ours.
    try {
      const log = path.join(playground.cwd, 'devTools', 'm365agentsplayground.log');
      if (logDir && fs.existsSync(log)) fs.copyFileSync(log, path.join(logDir, 'm365agentsplayground.log'));
    } catch (e) {
      errors.push(e);
    }

    await playground.child.stop();
  }

  if (bot) {
    await bot.child.stop();
  }

  if (tempDir) {
    // Chromium may still be writing its profile for a moment after close: retry, within a deadline.
    try {
      await pollUntil(() => {
        fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
        return !fs.existsSync(tempDir);
      }, { timeout: 10_000, interval: 250, what: `removing ${tempDir}` });
    } catch (e) {
      errors.push(e);
    }
  }

  if (errors.length) {
    console.error('e2e harness: while closing:', errors.map((e) => e.message).join('; '));
  }
}

/**
 * Starts the bot, the emulator and Chromium, and opens the emulator's page.
 * Options: viewport ({ width, height }), logName (a folder under artifacts/e2e/logs), settings
 * (the bot's extra configuration, see startBot).
 */
export async function startHarness({ viewport = { width: 1280, height: 1000 }, logName = 'run', settings = {} } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install the Debian package 'chromium' (apt-get install chromium).`);
  }

  fs.mkdirSync(artifactsDir, { recursive: true });
  const logDir = path.join(artifactsDir, 'logs', slug(logName));
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapelse-e2e-'));

  const started = { tempDir, logDir };
  try {
    // The emulator's config call blocks until the bot answers (quirk 5): the bot first.
    started.bot = await startBot({ tempDir, logDir, settings });
    started.playground = await startPlayground({ botEndpoint: started.bot.endpoint, tempDir, logDir });

    const userDataDir = fs.mkdtempSync(path.join(tempDir, 'chromium-'));
    started.context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport,
      locale: 'en-US',
      timezoneId: 'UTC',
      timeout: 30_000,
    });

    // Only loopback traffic: every other request is aborted (the emulator's fonts, quirk 4).
    const blocked = [];
    await started.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') {
        return route.continue();
      }

      blocked.push(url.origin);
      return route.abort('blockedbyclient');
    });

    const page = started.context.pages()[0] ?? (await started.context.newPage());
    page.setDefaultTimeout(DEFAULT_TIMEOUT);
    page.setDefaultNavigationTimeout(45_000);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const harness = new Harness({ ...started, page, blocked });
    harness.pageErrors = pageErrors;
    await harness.load();
    return harness;
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}
