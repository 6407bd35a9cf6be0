/**
 * The built panel (`<cic-softphone-app>`: store, runtime, ICWS port) in Chromium against a real
 * CIC simulator on another origin. The test acts like the agent through the UI; every assertion
 * about a command reads what the simulator reports back through its control API.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/main.js';
import type { CicSoftphoneApp } from '../../../src/main.js';
import { CicConnector } from '../../../src/cic/index.js';
import { selectInteractions, type SoftphoneState } from '../../../src/domain/index.js';
import { SoftphoneHarness } from '../../support/softphone-harness.js';

interface Sim {
  readonly id: string;
  readonly url: string;
}

interface SimInteraction {
  readonly interactionId: string;
  readonly attributes: Record<string, string>;
  readonly digitsSent: string;
  readonly conferenceParentId?: string;
}

interface SimState {
  readonly users: readonly { userId: string; statusId: string; onPhone: boolean }[];
  readonly interactions: readonly SimInteraction[];
  readonly sessions: readonly { userId: string; station: { id: string } | null; messaging: string }[];
}

async function control<T>(sim: Sim, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, sim.url), {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const simState = (sim: Sim): Promise<SimState> => control<SimState>(sim, 'GET', '/sim/v1/state');

/** Polls the simulator's state until `test` passes (the server is the witness, not the panel). */
async function serverShows(sim: Sim, test: (state: SimState) => boolean, what: string): Promise<SimState> {
  for (let i = 0; i < 200; i += 1) {
    const state = await simState(sim);
    if (test(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const last = await simState(sim);
  const summary = last.interactions.map((i) => `${i.interactionId}:${i.attributes['Eic_State'] ?? '?'}@${i.attributes['Eic_LocalUserId'] ?? ''}`);
  throw new Error(`the simulator never showed ${what} (interactions ${summary.join(' ')})`);
}

const interaction = (state: SimState, id: string): SimInteraction | undefined =>
  state.interactions.find((i) => i.interactionId === id);

const row = (h: SoftphoneHarness, name: RegExp): Element =>
  h.get({ role: 'option', name });

async function startSim(): Promise<Sim> {
  return (await executeServerCommand('sim:start', {})) as Sim;
}

async function logOnAgent(sim: Sim, userId: string, station: string): Promise<SoftphoneHarness> {
  const app = await fixture<CicSoftphoneApp>(
    html`<cic-softphone-app style="display:block;width:300px" server=${sim.url}></cic-softphone-app>`,
  );
  const h = await SoftphoneHarness.live(app as CicSoftphoneApp & { store: NonNullable<CicSoftphoneApp['store']> });
  await h.until((s) => s.session.serverInfo !== null, 'server info');
  await h.type('User ID', userId);
  await h.type('Password', '1234');
  await h.click({ role: 'button', name: 'Log On' });
  await h.until((s) => s.session.current.phase === 'agreement', 'the user agreement');
  await h.click('Accept');
  await h.until((s) => s.station.step === 'choosing', 'the station form');
  await h.type('Workstation name', station);
  await h.click('Select');
  await h.until((s) => s.station.step === 'ready' && s.status.mine !== null, 'logged on with a station');
  return h;
}

/** A second agent logged on straight through the ICWS client (the transfer and consult target). */
async function secondAgent(sim: Sim): Promise<{ pickup(id: string): Promise<void>; logoff(): Promise<void> }> {
  const client = await new CicConnector({ server: sim.url, applicationName: 'second agent' }).logon({
    kind: 'ic',
    userId: 'agent2',
    password: '1234',
  });
  await client.station.set({ kind: 'workstation', workstation: 'WS02' });
  await client.status.set('agent2', { statusId: 'Available' });
  return { pickup: (id) => client.interactions.pickup(id), logoff: () => client.logoff() };
}

async function ring(sim: Sim, to: Record<string, string>, from = '+13175550101', fromName = 'Pat Doe'): Promise<string> {
  const reply = await control<{ interactionId: string }>(sim, 'POST', '/sim/v1/calls', { from, fromName, to });
  return reply.interactionId;
}

const phaseOf = (state: SoftphoneState, id: string): string | undefined =>
  selectInteractions(state).find((r) => r.id === id)?.phase;

describe('panel against the CIC simulator (Chromium, real HTTP + SSE)', () => {
  let sim: Sim;
  beforeEach(async () => {
    sim = await startSim();
  });
  afterEach(async () => {
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('logs on with a station; the server sees the session, the station and SSE messaging', async () => {
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    const state = await serverShows(sim, (s) => s.sessions.some((x) => x.userId === 'agent1' && x.station?.id === 'WS01'), 'the session on WS01');
    expect(state.sessions.find((x) => x.userId === 'agent1')?.messaging).to.equal('sse');
    expect(h.text()).to.contain('Alice Martin');
    await h.click({ role: 'button', name: /^Status: / });
    h.unmount();
  });

  it('ACD call: pickup, hold, mute, record, secure pause, DTMF, disconnect, wrap-up — as the server reports', async () => {
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    await control(sim, 'PUT', '/sim/v1/users/agent1/status', { statusId: 'Available' });
    const id = await ring(sim, { workgroup: 'Support' });
    await h.until((s) => phaseOf(s, id) === 'alerting', 'the alerting call');
    expect(h.get({ role: 'region', name: 'Incoming interaction' }).textContent).to.contain('Pat Doe');

    await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_State'] === 'C', 'the call connected');
    await h.until((s) => phaseOf(s, id) === 'connected', 'connected in the panel');

    await h.click({ role: 'button', name: 'Hold', within: 'Call controls' });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_State'] === 'H', 'the call held');
    await h.until((s) => phaseOf(s, id) === 'held', 'held in the panel');
    await h.click({ role: 'button', name: 'Hold', within: 'Call controls' });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_State'] === 'C', 'the call picked up from hold');
    await h.until((s) => phaseOf(s, id) === 'connected', 'connected again');

    await h.click({ role: 'button', name: 'Mute', within: 'Call controls' });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_Muted'] === '1', 'the call muted');

    await h.click({ role: 'button', name: 'Record', within: 'Call controls' });
    await serverShows(sim, (s) => (interaction(s, id)?.attributes['Eic_Recorders'] ?? '') !== '', 'recording on');

    await h.click({ role: 'button', name: 'Secure Pause', within: 'Call controls' });
    await serverShows(
      sim,
      (s) => (interaction(s, id)?.attributes['Eic_SecureRecordingPauseStartTime'] ?? '') !== '',
      'a secure pause',
    );
    await h.until((s) => s.queue.byId[id]?.attributes['Eic_SecureRecordingPauseStartTime'] !== undefined, 'the pause in the panel');

    await h.click({ role: 'button', name: 'Dial Pad', within: 'Call controls' });
    await h.click({ role: 'button', name: '4', within: 'Dial Pad' });
    await h.click({ role: 'button', name: '2', within: 'Dial Pad' });
    await serverShows(sim, (s) => interaction(s, id)?.digitsSent === '42', 'the digits 42 sent');
    await h.press('Escape');

    await h.click({ role: 'button', name: 'Disconnect', within: 'Call controls' });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_State'] === 'I', 'the call disconnected');
    await h.until((s) => phaseOf(s, id) === 'disconnected', 'disconnected in the panel');

    await h.until((s) => s.wrapUp.prompts.length > 0, 'the wrap-up prompt');
    const code = h.queryAll({ role: 'radio' })[0];
    if (code === undefined) throw new Error('no wrap-up code to choose');
    await h.clickElement(code);
    await h.click({ role: 'button', name: 'Assign', within: 'Wrap Up' });
    await serverShows(sim, (s) => (interaction(s, id)?.attributes['Eic_WrapUpCode'] ?? '') !== '', 'a wrap-up code assigned');
    h.unmount();
  });

  it('blind transfer to a second logged-on agent', async () => {
    const second = await secondAgent(sim);
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    const id = await ring(sim, { user: 'agent1' });
    await h.until((s) => phaseOf(s, id) === 'alerting', 'the alerting call');
    await h.doubleClick({ role: 'option', name: /Pat Doe/ });
    await serverShows(sim, (s) => interaction(s, id)?.attributes['Eic_State'] === 'C', 'connected');
    await h.until((s) => phaseOf(s, id) === 'connected', 'connected in the panel');

    await h.click({ role: 'button', name: 'Transfer', within: 'Call controls' });
    await h.type('Name or number', 'Bruno');
    await h.until((s) => (s.transfer.search?.results.length ?? 0) > 0, 'search results');
    await h.click({ role: 'radio', name: /^Bruno Silva/ });
    await h.click('Blind');
    await serverShows(
      sim,
      (s) => (interaction(s, id)?.attributes['Eic_UserName'] ?? '').toLowerCase().includes('agent2') ||
        s.users.some((u) => u.userId === 'agent2' && u.onPhone) ||
        s.interactions.some((i) => i.interactionId === id && i.attributes['Eic_LocalUserId'] === 'agent2'),
      'the call at agent2',
    );
    await h.until((s) => phaseOf(s, id) === undefined || phaseOf(s, id) === 'disconnected', 'the call gone from agent1');
    await second.logoff();
    h.unmount();
  });

  it('consult transfer: consult agent2, talk to both, complete', async () => {
    const second = await secondAgent(sim);
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    const id = await ring(sim, { user: 'agent1' });
    await h.until((s) => phaseOf(s, id) === 'alerting', 'the alerting call');
    await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
    await h.until((s) => phaseOf(s, id) === 'connected', 'connected');

    await h.click({ role: 'button', name: 'Transfer', within: 'Call controls' });
    await h.type('Name or number', 'Bruno');
    await h.until((s) => (s.transfer.search?.results.length ?? 0) > 0, 'search results');
    await h.click({ role: 'radio', name: /^Bruno Silva/ });
    await h.click('Consult');
    await h.until((s) => s.transfer.consult !== null && 'consultInteractionId' in s.transfer.consult, 'the consult started');
    const consult = h.state.transfer.consult as { consultInteractionId: string };
    const atAgent2 = (s: SimState) =>
      s.interactions.find((i) => i.attributes['Eic_LocalUserId'] === 'agent2' && i.attributes['Eic_RemoteId'] === 'agent1');
    const ringing = await serverShows(sim, (s) => atAgent2(s)?.attributes['Eic_State'] === 'A', 'the consult call alerting at agent2');
    await second.pickup((atAgent2(ringing) as SimInteraction).interactionId);
    await serverShows(sim, (s) => interaction(s, consult.consultInteractionId)?.attributes['Eic_State'] === 'C', 'agent2 answering');

    await h.click({ role: 'button', name: 'Both', within: 'Consult transfer' });
    await h.until((s) => JSON.stringify(s.transfer.consult).includes('"both"'), 'three-way talk');
    await h.click({ role: 'button', name: 'Complete', within: 'Consult transfer' });
    await h.until((s) => s.transfer.consult === null, 'the consult finished');
    await serverShows(
      sim,
      (s) => s.users.some((u) => u.userId === 'agent2' && u.onPhone) && s.users.some((u) => u.userId === 'agent1' && !u.onPhone),
      'the caller with agent2 and agent1 free',
    );
    await second.logoff();
    h.unmount();
  });

  it('conference: two connected calls merged from Call controls', async () => {
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    const first = await ring(sim, { user: 'agent1' });
    await h.until((s) => phaseOf(s, first) === 'alerting', 'the first call');
    await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
    await h.until((s) => phaseOf(s, first) === 'connected', 'first connected');
    const second = await ring(sim, { user: 'agent1' }, '+13175550102', 'Sam Second');
    await h.until((s) => phaseOf(s, second) === 'alerting', 'the second call');
    await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
    await serverShows(sim, (s) => interaction(s, second)?.attributes['Eic_State'] === 'C', 'second connected');
    await h.until((s) => phaseOf(s, second) === 'connected', 'second connected in the panel');

    await h.clickElement(row(h, /^Sam Second/));
    await h.click({ role: 'button', name: 'Conference', within: 'Call controls' });
    await h.click({ role: 'button', name: /^Conference with Pat Doe/, within: 'Conference' });
    await serverShows(
      sim,
      (s) => s.interactions.filter((i) => i.conferenceParentId !== undefined).length >= 2,
      'a conference of both calls',
    );
    h.unmount();
  });

  it('a supervisor changes the agent status: the status bar shows it at once', async () => {
    const h = await logOnAgent(sim, 'agent1', 'WS01');
    await control(sim, 'PUT', '/sim/v1/users/agent1/status', { statusId: 'At Lunch' });
    await h.until((s) => s.status.mine?.statusId.toLowerCase() === 'at lunch', 'At Lunch');
    expect(h.get({ role: 'button', name: /^Status: / }).textContent).to.contain('At Lunch');
    h.unmount();
  });
});
