/**
 * Losing the CIC server during a connected call, in Chromium through the real panel: a dropped
 * session, a network outage and a switchover to the backup server (simulator faults). The panel
 * shows it is reconnecting, comes back without asking the agent anything, still shows the one
 * call and can still control it. The simulator is the witness.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/main.js';
import type { CicSoftphoneApp } from '../../../src/main.js';
import { selectInteractions, type SoftphoneState } from '../../../src/domain/index.js';
import { SoftphoneHarness } from '../../support/softphone-harness.js';

interface Sim {
  readonly id: string;
  readonly url: string;
  readonly backupUrl?: string;
}
interface SimState {
  readonly activeServer: string;
  readonly sessions: readonly {
    userId: string;
    server: string;
    state: string;
    station: { id: string } | null;
  }[];
  readonly interactions: readonly { interactionId: string; attributes: Record<string, string> }[];
}

async function control<T>(sim: Sim, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, sim.url), {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function serverShows(sim: Sim, test: (s: SimState) => boolean, what: string): Promise<SimState> {
  for (let i = 0; i < 400; i += 1) {
    const state = await control<SimState>(sim, 'GET', '/sim/v1/state');
    if (test(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the simulator never showed ${what}`);
}

const phaseOf = (s: SoftphoneState, id: string): string | undefined =>
  selectInteractions(s).find((r) => r.id === id)?.phase;
const callState = (s: SimState, id: string): string | undefined =>
  s.interactions.find((i) => i.interactionId === id)?.attributes['Eic_State'];

/** agent1 logged on at WS01 with a connected call from Pat Doe. */
async function onACall(sim: Sim): Promise<{ h: SoftphoneHarness; id: string }> {
  const app = await fixture<CicSoftphoneApp>(
    html`<cic-softphone-app
      style="display:block;width:300px;height:640px"
      server=${sim.url}
    ></cic-softphone-app>`,
  );
  const h = await SoftphoneHarness.live(
    app as CicSoftphoneApp & { store: NonNullable<CicSoftphoneApp['store']> },
  );
  await h.until((s) => s.session.serverInfo !== null, 'server info');
  await h.type('User ID', 'agent1');
  await h.type('Password', '1234');
  await h.click({ role: 'button', name: 'Log On' });
  await h.until((s) => s.session.current.phase === 'agreement', 'the agreement');
  await h.click('Accept');
  await h.until((s) => s.station.step === 'choosing', 'the station form');
  await h.type('Workstation name', 'WS01');
  await h.click('Select');
  await h.until((s) => s.station.step === 'ready', 'the station');
  const { interactionId: id } = await control<{ interactionId: string }>(sim, 'POST', '/sim/v1/calls', {
    from: '+13175550101',
    fromName: 'Pat Doe',
    to: { user: 'agent1' },
  });
  await h.until((s) => phaseOf(s, id) === 'alerting', 'the call');
  await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
  await serverShows(sim, (s) => callState(s, id) === 'C', 'the call connected');
  await h.until((s) => phaseOf(s, id) === 'connected', 'connected in the panel');
  return { h, id };
}

/** After the panel is back: one live session with the station, one row for the call, Hold works. */
async function stillInControl(sim: Sim, h: SoftphoneHarness, id: string): Promise<void> {
  await h.until(
    (s) => s.session.connection.status === 'connected' && s.session.current.phase === 'active',
    'connected again',
    20_000,
  );
  await serverShows(
    sim,
    (s) =>
      s.sessions.filter((x) => x.userId === 'agent1' && x.state === 'live').length === 1 &&
      s.sessions.some((x) => x.userId === 'agent1' && x.state === 'live' && x.station?.id === 'WS01'),
    'one live session for agent1 on WS01',
  );
  await h.until((s) => phaseOf(s, id) === 'connected', 'the call shown as connected');
  expect(selectInteractions(h.state).filter((r) => r.id === id)).to.have.length(1);
  await h.click({ role: 'button', name: 'Hold', within: 'Call controls' });
  await serverShows(sim, (s) => callState(s, id) === 'H', 'the call held after reconnecting');
}

describe('losing the CIC server mid-call (Chromium, real panel)', () => {
  let sim: Sim;
  afterEach(async () => {
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('a dropped session: reconnecting shown, silent re-logon, the call kept', async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
    const { h, id } = await onACall(sim);
    await control(sim, 'POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent1' });
    await stillInControl(sim, h, id);
    expect(h.state.session.current.phase).to.equal('active');
    h.unmount();
  });

  it('a network outage of a few seconds: reconnecting, then the same call under control', async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
    const { h, id } = await onACall(sim);
    await control(sim, 'POST', '/sim/v1/faults', { kind: 'network-outage', ms: 3000 });
    await h.until((s) => s.session.connection.status === 'reconnecting', 'the reconnecting state');
    await stillInControl(sim, h, id);
    h.unmount();
  });

  it('a switchover: back in service on the backup server with the call', async () => {
    sim = (await executeServerCommand('sim:start', { backupPort: 0 })) as Sim;
    const { h, id } = await onACall(sim);
    await control(sim, 'POST', '/sim/v1/faults', { kind: 'switchover' });
    await stillInControl(sim, h, id);
    const state = await control<SimState>(sim, 'GET', '/sim/v1/state');
    expect(state.activeServer).to.equal('backup');
    expect(state.sessions.find((x) => x.userId === 'agent1' && x.state === 'live')?.server).to.equal(
      'backup',
    );
    h.unmount();
  });
});
