#!/usr/bin/env node
// Screenshots of the panel's main views for docs/agent-guide.md, taken from the real built panel
// against the CIC simulator (demo site) in Debian's Chromium:
//
//   node --import tsx scripts/screenshots.mjs [--skip-build] [--out docs/images] [--only NAME,…]
//
// It builds (scripts/build.mjs) unless --skip-build, starts the simulator and the panel host on
// 127.0.0.1 (free ports), and drives the standalone page at 300 px wide (device scale factor 2)
// the way an agent would: log on as agent1 at WS01, take a call, hold, transfer and consult
// agent2 (logged on in a second, isolated browser context), secure pause, wrap-up, make a call,
// directory, history, statuses, workgroup activation and the change-password dialog. Every step
// waits on something the page shows (or the store holds), not on a fixed sleep. File names are
// stable: docs/images/panel-<view>.png. --only writes just the named shots (the scenario still
// runs in full, since each view needs the ones before it).
/* global document, requestAnimationFrame -- functions passed to page.evaluate run in the page */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startSimulator } from '../sim/cic/index.js';
import { startPanelHost } from '../sim/panel/host.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const WIDTH = 300;
const HEIGHT = 640;
const MAX_HEIGHT = 1000;
const TIMEOUT = 15_000;

const { values } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/images' },
    only: { type: 'string' },
    headed: { type: 'boolean', default: false },
  },
});
const outDir = resolve(root, values.out);
const only = values.only === undefined ? null : new Set(values.only.split(',').map((s) => s.trim()));

if (!values['skip-build']) {
  console.log('screenshots: building the panel…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A free loopback port (the simulator must know the panel's origin before the panel host starts). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const panelPort = await freePort();
const panelOrigin = `http://127.0.0.1:${panelPort}`;
const sim = await startSimulator({ host: '127.0.0.1', port: 0, allowedOrigins: [panelOrigin] });
const host = await startPanelHost({ host: '127.0.0.1', port: panelPort, distDir: join(root, 'dist'), cicUrl: sim.url });

/** The simulator's control API (docs/simulator.md). */
async function control(method, path, body) {
  const response = await fetch(new URL(path, sim.url), {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Waits until `expression` (JavaScript over `s`, the panel store's state) is true in the page. */
async function until(page, what, expression) {
  try {
    await page.waitForFunction(
      `(() => { const s = document.querySelector('cic-softphone-app')?.store?.getState(); return s != null && Boolean(${expression}); })()`,
      undefined,
      { timeout: TIMEOUT },
    );
  } catch (error) {
    throw new Error(`the panel never showed ${what}: ${error.message.split('\n')[0]}`, { cause: error });
  }
}

/** Waits until the simulator's state passes `test`. */
async function serverShows(what, test) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (test(sim.state())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the simulator never showed ${what}`);
}

const stateOf = (id) => `s.queue.byId[${JSON.stringify(id)}]?.attributes?.Eic_State`;

const taken = [];

/** Lets transitions finish, then writes the panel (the page is exactly the panel) as a PNG. */
async function shot(page, name, { tall = false } = {}) {
  // Fonts and one more frame, so nothing is caught half-drawn.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r()))));
  await page.waitForTimeout(150);
  if (only !== null && !only.has(name)) return;
  const path = join(outDir, `panel-${name}.png`);
  // A long list: a viewport as tall as the panel, so the whole view (paging, status bar) shows.
  const panelHeight = () =>
    page.evaluate(() => Math.ceil(document.querySelector('cic-softphone-app').firstElementChild.scrollHeight));
  if (tall) await page.setViewportSize({ width: WIDTH, height: Math.min(MAX_HEIGHT, await panelHeight()) });
  // Crop to the panel: its rendered height, or down to an open dialog's bottom edge.
  const height = await page.evaluate(() => {
    const open = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'dialog' && el.open) open.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const panel = document.querySelector('cic-softphone-app')?.firstElementChild ?? document.body;
    let bottom = panel.getBoundingClientRect().bottom;
    for (const dialog of open) bottom = Math.max(bottom, dialog.getBoundingClientRect().bottom + 8);
    return Math.ceil(bottom);
  });
  await page.screenshot({
    path,
    clip: { x: 0, y: 0, width: WIDTH, height: Math.min(page.viewportSize().height, height) },
    animations: 'disabled',
    caret: 'hide',
  });
  if (tall) await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  taken.push(path);
  console.log(`screenshots: ${path}`);
}

async function openPanel(browser) {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor: 2,
    locale: 'en-US',
    timezoneId: 'America/Indiana/Indianapolis',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`screenshots: page error: ${error.message}`));
  await page.goto(`${host.url}/`);
  // The standalone page centres a 320 px column; here the panel is the whole 300 px viewport, sized
  // the way the Visualforce page sizes it in the utility bar (force-app/…/CicSoftphone.page).
  await page.addStyleTag({
    content:
      'html,body{height:100%}main{width:100%!important;height:100%!important;margin:0!important;box-shadow:none!important}' +
      'cic-softphone-app{display:block;height:100%}',
  });
  await until(page, 'the server information', 's.session.serverInfo !== null');
  return page;
}

async function fillLogOn(page, userId) {
  await page.getByRole('textbox', { name: 'User ID' }).fill(userId);
  // A password field has no ARIA role; it is the log-on form's only one.
  await page.locator('cic-logon input[type="password"]').fill('1234');
}

async function logOn(page, userId, station, shots = false) {
  await fillLogOn(page, userId);
  if (shots) await shot(page, 'logon');
  await page.getByRole('button', { name: 'Log On' }).click();
  await page.getByRole('button', { name: 'Accept' }).waitFor();
  if (shots) await shot(page, 'agreement');
  await page.getByRole('button', { name: 'Accept' }).click();
  const stationName = page.getByRole('textbox', { name: 'Workstation name' });
  await stationName.waitFor();
  await stationName.fill(station);
  if (shots) await shot(page, 'station');
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await until(page, 'a station and a status', "s.station.step === 'ready' && s.status.mine !== null");
  await page.getByRole('button', { name: /^Status: / }).waitFor();
}

async function ring(to, from = '+13175550101', fromName = 'Pat Doe') {
  const { interactionId } = await control('POST', '/sim/v1/calls', { from, fromName, to });
  return interactionId;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: !values.headed,
  args: ['--no-sandbox', '--disable-gpu'],
});
let failed = false;
try {
  mkdirSync(outDir, { recursive: true });
  const agent = await openPanel(browser);
  const controls = agent.getByRole('group', { name: 'Call controls' });
  const control_ = (name) => controls.getByRole('button', { name, exact: true });

  // Log on, user agreement, station selection.
  await logOn(agent, 'agent1', 'WS01', true);

  // The transfer and consult target: agent2 in a browser context of its own (no shared session).
  const colleague = await openPanel(browser);
  await logOn(colleague, 'agent2', 'WS02');
  await serverShows('agent2 logged on', (s) => s.users.some((u) => u.userId === 'agent2' && u.loggedIn));
  // Someone away, so the transfer search shows more than one kind of status.
  await control('PUT', '/sim/v1/users/agent3/status', { statusId: 'At Lunch', notes: 'Back at 1 pm' });

  // An ACD call through Support: the alert bar.
  const call = await ring({ workgroup: 'Support' });
  await until(agent, 'the alerting call', `${stateOf(call)} === 'A'`);
  const alert = agent.getByRole('region', { name: 'Incoming interaction' });
  await alert.waitFor();
  await shot(agent, 'alerting');

  // Connected, with the call controls.
  await alert.getByRole('button', { name: 'Pickup' }).click();
  await until(agent, 'the call connected', `${stateOf(call)} === 'C'`);
  await control_('Hold').waitFor();
  await shot(agent, 'connected');

  // Held.
  await control_('Hold').click();
  await until(agent, 'the call held', `${stateOf(call)} === 'H'`);
  await shot(agent, 'held');
  await control_('Hold').click();
  await until(agent, 'the call off hold', `${stateOf(call)} === 'C'`);

  // Transfer dialog with search results.
  await control_('Transfer').click();
  // Dialog content is slotted into <cic-dialog>, so it is found from the owner element, not the
  // <dialog> (which is inside <cic-dialog>'s shadow root and does not contain its slotted children).
  const transfer = agent.locator('cic-transfer-dialog');
  await agent.getByRole('dialog', { name: 'Transfer' }).waitFor();
  await transfer.getByRole('searchbox', { name: 'Name or number' }).fill('B');
  await until(agent, 'transfer search results', "s.transfer.search?.status === 'done' && s.transfer.search.results.length > 0");
  const bruno = transfer.getByRole('radio', { name: /^Bruno Silva/ });
  await bruno.check({ force: true }); // SLDS: the label covers the radio
  await transfer.getByRole('button', { name: 'Consult', exact: true }).and(agent.locator(':enabled')).waitFor();
  await shot(agent, 'transfer');

  // Consult: agent2 answers; the consult controls.
  await transfer.getByRole('button', { name: 'Consult', exact: true }).click();
  const colleagueAlert = colleague.getByRole('region', { name: 'Incoming interaction' });
  await colleagueAlert.getByRole('button', { name: 'Pickup' }).click();
  await until(agent, 'the consultant talking', "s.transfer.consult !== null && 'consultInteractionId' in s.transfer.consult");
  const consult = agent.getByRole('region', { name: 'Consult transfer' });
  await consult.getByRole('button', { name: 'Complete' }).waitFor();
  await until(
    agent,
    'the consult call connected',
    "s.queue.byId[s.transfer.consult.consultInteractionId]?.attributes?.Eic_State === 'C'",
  );
  await shot(agent, 'consult');
  await consult.getByRole('button', { name: 'Cancel Transfer' }).click();
  await until(agent, 'the consult cancelled', 's.transfer.consult === null');
  // Cancelling leaves the caller on hold: take the call back.
  await agent.getByRole('option', { name: /Pat Doe/ }).click();
  await until(agent, 'the caller held or connected', `['H', 'C'].includes(${stateOf(call)})`);
  if ((await agent.evaluate(`document.querySelector('cic-softphone-app').store.getState().queue.byId[${JSON.stringify(call)}].attributes.Eic_State`)) === 'H') {
    await control_('Hold').click();
  }
  await until(agent, 'back with the caller', `${stateOf(call)} === 'C'`);

  // Secure pause: recording, then the pause with its countdown.
  await control_('Record').click();
  await until(agent, 'recording', `(s.queue.byId[${JSON.stringify(call)}]?.attributes?.Eic_Recorders ?? '') !== ''`);
  await control_('Secure Pause').click();
  await agent.getByRole('timer', { name: 'Secure pause' }).waitFor();
  await shot(agent, 'secure-pause');

  // Disconnect: the wrap-up prompt of the Support workgroup.
  await control_('Disconnect').click();
  await until(agent, 'the wrap-up prompt', 's.wrapUp.prompts.length > 0');
  const wrapUp = agent.getByRole('region', { name: 'Wrap Up' });
  await wrapUp.getByRole('radio').first().waitFor();
  // SLDS radios: the visible label is what takes the click.
  await wrapUp.locator('label[for^="code-"]').first().click();
  await agent.waitForFunction((radio) => radio.checked, await wrapUp.getByRole('radio').first().elementHandle());
  await shot(agent, 'wrap-up');
  await wrapUp.getByRole('button', { name: 'Assign' }).click();
  await until(agent, 'the wrap-up prompt gone', 's.wrapUp.prompts.length === 0');

  // A missed call for the history: the caller gives up while it rings.
  const missed = await ring({ user: 'agent1' }, '+14155550123', 'Morgan Smith');
  await until(agent, 'the second call alerting', `${stateOf(missed)} === 'A'`);
  await control('POST', `/sim/v1/interactions/${missed}/remote-hangup`);
  await until(agent, 'the missed call ended', `!['A', 'O'].includes(${stateOf(missed)})`);

  // Make a call, with Advanced Dial open.
  await agent.getByRole('button', { name: 'Make a Call' }).click();
  await agent.getByRole('textbox', { name: 'Dial Number' }).fill('+13175550102');
  await agent.getByRole('button', { name: 'Advanced Dial' }).click();
  await agent.getByRole('combobox', { name: /Account Code/ }).selectOption({ index: 1 });
  await shot(agent, 'make-call');
  await agent.getByRole('button', { name: 'Call', exact: true }).click();
  await until(agent, 'the outbound call connected', "Object.values(s.queue.byId).some((i) => i.attributes.Eic_State === 'C')");
  await agent.getByRole('option', { name: /5550102/ }).click();
  await control_('Disconnect').click();
  await until(agent, 'the outbound call ended', "!Object.values(s.queue.byId).some((i) => i.attributes.Eic_State === 'C')");

  // Directory.
  await agent.getByRole('button', { name: 'Directory' }).click();
  const directory = agent.getByRole('list', { name: 'Directory' });
  await directory.getByRole('listitem').first().waitFor();
  await directory.getByText('Bruno Silva').waitFor();
  await shot(agent, 'directory', { tall: true });

  // Call history.
  await agent.getByRole('button', { name: 'Call History' }).click();
  const history = agent.getByRole('list', { name: 'Call History' });
  await history.getByRole('listitem').nth(2).waitFor();
  await shot(agent, 'history');
  await agent.getByRole('button', { name: 'My Interactions' }).click();

  // Status list with a favourite and a search.
  await agent.getByRole('button', { name: /^Status: / }).click();
  await agent.getByRole('dialog', { name: 'Change Status' }).waitFor();
  const statuses = agent.locator('cic-status-bar');
  await statuses.getByRole('button', { name: 'Add At Lunch to favorites' }).click();
  await until(agent, 'At Lunch a favourite', "JSON.stringify(s.status).includes('At Lunch')");
  await statuses.getByRole('group', { name: 'Favorite statuses' }).waitFor();
  await statuses.getByRole('searchbox', { name: 'Search Statuses' }).fill('out');
  await shot(agent, 'status-list');
  await agent.getByRole('dialog', { name: 'Change Status' }).getByRole('button', { name: 'Close' }).click();
  await agent.getByRole('dialog', { name: 'Change Status' }).waitFor({ state: 'hidden' });

  // Status details: a supervisor put the agent out of the office with a note; the details dialog.
  await control('PUT', '/sim/v1/users/agent1/status', { statusId: 'Out of the Office', notes: 'Training in Chicago' });
  await until(agent, 'Out of the Office', "s.status.mine?.statusId === 'Out of the Office'");
  await agent.getByRole('button', { name: /^Status Details/ }).click();
  await agent.getByRole('dialog', { name: /^Status Details/ }).waitFor();
  const details = agent.locator('cic-status-details');
  await shot(agent, 'status-details');
  await details.getByRole('button', { name: 'Cancel' }).click();
  await agent.getByRole('dialog', { name: /^Status Details/ }).waitFor({ state: 'hidden' });

  // Workgroup activation.
  await agent.getByRole('button', { name: 'Menu' }).click();
  await agent.getByRole('menuitem', { name: 'Workgroup Activation' }).click();
  await agent.getByRole('dialog', { name: 'Workgroup Activation' }).waitFor();
  const activation = agent.locator('cic-activation-dialog');
  await activation.getByRole('checkbox').first().waitFor();
  await shot(agent, 'activation');
  await activation.getByRole('button', { name: 'Close' }).click();
  await agent.getByRole('dialog', { name: 'Workgroup Activation' }).waitFor({ state: 'hidden' });

  // Change password, refused by the password policy (too short).
  await agent.getByRole('button', { name: 'Menu' }).click();
  await agent.getByRole('menuitem', { name: 'Change Password' }).click();
  await agent.getByRole('dialog', { name: 'Change Password' }).waitFor();
  const password = agent.locator('cic-password-dialog');
  // Password fields have no ARIA role: by id inside the dialog's shadow root.
  await agent.locator('cic-password-dialog input#old').fill('1234');
  await agent.locator('cic-password-dialog input#new').fill('12');
  await agent.locator('cic-password-dialog input#confirm').fill('12');
  await password.getByRole('button', { name: 'Change Password' }).click();
  await password.getByRole('alert').waitFor();
  await shot(agent, 'change-password');
} catch (error) {
  failed = true;
  console.error(`screenshots: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await browser.close();
  await host.close();
  await sim.close();
}
if (failed) process.exit(1);
console.log(`screenshots: ${taken.length} PNG files in ${values.out}`);
