/**
 * One session, many tabs (issue 5): three same-origin "tabs" (iframes, each its own document with
 * its own Web Locks holder, talking over the origin's BroadcastChannel) against a real CIC
 * simulator on another origin. The simulator is the witness for sessions and commands; each tab's
 * recording CRM port is the witness for screen pops and Task writes.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { selectInteractions, type Input, type SoftphoneState } from '../../../src/domain/index.js';
import type { SoftphoneTab } from './tab-frame.js';

interface Sim {
  readonly id: string;
  readonly url: string;
}

interface SimState {
  readonly interactions: readonly { interactionId: string; attributes: Record<string, string> }[];
  readonly sessions: readonly { userId: string; station: { id: string } | null; messaging: string }[];
}

interface Frame {
  readonly iframe: HTMLIFrameElement;
  readonly tab: SoftphoneTab;
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

/** Polls until `test` passes; `ms` is a generous ceiling, not a timing assertion. */
async function until<T>(what: string, probe: () => T | Promise<T>, test: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (test(value)) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value).slice(0, 400)})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const serverShows = (sim: Sim, what: string, test: (s: SimState) => boolean): Promise<SimState> =>
  until(what, () => simState(sim), test);

const stateOf = (frame: Frame): SoftphoneState => frame.tab.tabs.store.getState();

const tabShows = (frame: Frame, what: string, test: (s: SoftphoneState) => boolean): Promise<SoftphoneState> =>
  until(`${what} in tab ${frame.tab.name}`, () => stateOf(frame), test);

const phaseOf = (state: SoftphoneState, id: string): string | undefined =>
  selectInteractions(state).find((r) => r.id === id)?.phase;

async function openTab(sim: Sim, name: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width:360px;height:640px;border:0';
  iframe.src = `/test/browser/tabs/tab-frame.html?tab=${name}&server=${encodeURIComponent(sim.url)}`;
  document.body.append(iframe);
  const tab = await until(
    `tab ${name} to start`,
    () => (iframe.contentWindow as (Window & { softphoneTab?: SoftphoneTab }) | null)?.softphoneTab ?? null,
    (t) => t !== null,
  );
  return { iframe, tab: tab as SoftphoneTab };
}

/** Clicks a button in a tab's panel by name (a real DOM click inside that document). */
async function clickIn(frame: Frame, name: string | RegExp): Promise<void> {
  const matches = (text: string): boolean => (typeof name === 'string' ? text === name : name.test(text));
  const found = await until(
    `button "${String(name)}" in tab ${frame.tab.name}`,
    () => frame.tab.buttons().find((b) => matches(b.name)) ?? null,
    (b) => b !== null,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; buttons: ${frame.tab.buttons().map((b) => b.name).join(', ')}`);
  });
  found?.element.click();
}

const dispatchIn = (frame: Frame, input: Input): void => frame.tab.tabs.dispatch(input);

function callsOf(frames: readonly Frame[], op: string, interactionId?: string): { tab: string; taskId: string | null }[] {
  return frames.flatMap((f) =>
    f.tab.crmCalls
      .filter((c) => c.op === op && (interactionId === undefined || c.interactionId === interactionId))
      .map((c) => ({ tab: f.tab.name, taskId: c.taskId })),
  );
}

/** Logs agent1 on through a follower tab: the intents travel to the leader, which talks to CIC. */
async function logOnThrough(frame: Frame, station: string): Promise<void> {
  await tabShows(frame, 'server info', (s) => s.session.serverInfo !== null);
  dispatchIn(frame, {
    kind: 'intent.logon',
    auth: { type: 'ic', userId: 'agent1', password: '1234' },
    alwaysUseAuthType: false,
  });
  await tabShows(frame, 'the user agreement', (s) => s.session.current.phase === 'agreement');
  await clickIn(frame, 'Accept');
  await tabShows(frame, 'the station form', (s) => s.station.step === 'choosing');
  dispatchIn(frame, { kind: 'intent.selectStation', choice: { kind: 'workstation', name: station }, remember: false });
  await tabShows(frame, 'logged on with a station', (s) => s.station.step === 'ready' && s.status.mine !== null);
}

describe('one CIC session, many tabs (three iframes, Web Locks + BroadcastChannel, real simulator)', () => {
  let sim: Sim;
  let frames: Frame[] = [];

  beforeEach(async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
  });
  afterEach(async () => {
    for (const frame of frames) frame.iframe.remove();
    frames = [];
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('one session; follower intents reach the server; pop only in the visible tab; leader closed mid-call; one Task; follower Log Out logs out all', async () => {
    const a = await openTab(sim, 'A');
    await a.tab.tabs.whenLeading();
    const b = await openTab(sim, 'B');
    const c = await openTab(sim, 'C');
    frames = [a, b, c];
    expect([a, b, c].map((f) => f.tab.tabs.role)).to.deep.equal(['leader', 'follower', 'follower']);

    // The agent looks at tab C; A (the leader) and B are in the background.
    c.tab.visibility.set({ visible: true, focused: true });

    await logOnThrough(b, 'WS01');
    const logged = await serverShows(sim, 'the session on WS01', (s) => s.sessions.some((x) => x.station?.id === 'WS01'));
    expect(logged.sessions.length, 'CIC sessions').to.equal(1);
    expect(logged.sessions[0]?.messaging).to.equal('sse');
    for (const f of frames) await tabShows(f, 'the agent logged on', (s) => s.session.current.phase === 'active');

    const bytes = new TextEncoder().encode(JSON.stringify(stateOf(a))).length;
    // eslint-disable-next-line no-console -- the measured size of one mirrored state, for the ADR
    console.log(`[tabs] one mirrored state (logged on, idle): ${bytes} bytes of JSON`);

    await control(sim, 'PUT', '/sim/v1/users/agent1/status', { statusId: 'Available' });
    const { interactionId: id } = await control<{ interactionId: string }>(sim, 'POST', '/sim/v1/calls', {
      from: '+13175550101',
      fromName: 'Pat Doe',
      to: { workgroup: 'Support' },
    });
    for (const f of frames) await tabShows(f, 'the alerting call', (s) => phaseOf(s, id) === 'alerting');
    await until('the screen pop', () => callsOf(frames, 'screenPop', id), (calls) => calls.length > 0);
    expect(callsOf(frames, 'screenPop', id), 'screen pops').to.deep.equal([{ tab: 'C', taskId: null }]);
    expect(callsOf(frames, 'panelShow').map((x) => x.tab), 'panel shown').to.deep.equal(['C']);

    // Pickup and Hold clicked in follower B go through the leader to the server.
    await clickIn(b, 'Pickup');
    await serverShows(sim, 'the call connected', (s) => s.interactions.find((i) => i.interactionId === id)?.attributes['Eic_State'] === 'C');
    await tabShows(b, 'connected', (s) => phaseOf(s, id) === 'connected');
    await clickIn(b, 'Hold');
    await serverShows(sim, 'the call held', (s) => s.interactions.find((i) => i.interactionId === id)?.attributes['Eic_State'] === 'H');
    for (const f of frames) await tabShows(f, 'held', (s) => phaseOf(s, id) === 'held');
    await until('the Task created', () => callsOf(frames, 'saveLog', id), (calls) => calls.length > 0);

    const unload = new Event('beforeunload', { cancelable: true });
    b.iframe.contentWindow?.dispatchEvent(unload);
    expect(unload.defaultPrevented, 'leaving a page mid-call asks first').to.equal(true);

    // Close the leading tab mid-call.
    const closedAt = performance.now();
    a.iframe.remove();
    frames = [b, c];
    const leader = await until(
      'another tab to lead',
      () => frames.find((f) => f.tab.tabs.role === 'leader') ?? null,
      (f) => f !== null,
    );
    const ledAfter = performance.now() - closedAt;
    const next = leader as Frame;
    await next.tab.tabs.whenLeading();
    const resumedAfter = performance.now() - closedAt;
    // eslint-disable-next-line no-console -- the takeover time the issue bounds at 3 s
    console.log(`[tabs] leader closed mid-call: tab ${next.tab.name} leads after ${ledAfter.toFixed(0)} ms, session adopted after ${resumedAfter.toFixed(0)} ms`);
    expect(resumedAfter, 'takeover (ms)').to.be.below(3000);

    for (const f of frames) {
      await tabShows(f, 'the call still held and the link up', (s) => phaseOf(s, id) === 'held' && s.session.connection.status === 'connected');
    }
    const after = await serverShows(sim, 'messaging resumed', (s) => s.sessions.length === 1 && s.sessions[0]?.messaging === 'sse');
    expect(after.sessions.length, 'still one CIC session').to.equal(1);
    expect(after.sessions[0]?.station?.id, 'the station kept').to.equal('WS01');

    // Still controllable from whichever tab: take it off hold and hang up from the follower.
    const follower = frames.find((f) => f !== next) as Frame;
    await clickIn(follower, 'Hold');
    await serverShows(sim, 'off hold', (s) => s.interactions.find((i) => i.interactionId === id)?.attributes['Eic_State'] === 'C');
    await clickIn(follower, 'Disconnect');
    await serverShows(sim, 'disconnected', (s) => s.interactions.find((i) => i.interactionId === id)?.attributes['Eic_State'] === 'I');
    for (const f of frames) await tabShows(f, 'disconnected', (s) => phaseOf(s, id) === 'disconnected');
    await tabShows(next, 'the Task confirmed', (s) => Object.keys(s.crm.outbox).length === 0);

    const all = [a, b, c];
    const creates = callsOf(all, 'saveLog', id).filter((x) => x.taskId === null);
    expect(creates.length, 'Tasks created for the call').to.equal(1);
    expect(callsOf(all, 'screenPop', id).length, 'screen pops for the call').to.equal(1);
    const unloadAfter = new Event('beforeunload', { cancelable: true });
    follower.iframe.contentWindow?.dispatchEvent(unloadAfter);
    expect(unloadAfter.defaultPrevented, 'no question once the call is over').to.equal(false);

    // Log Out in a follower logs out every tab and ends the one session.
    const logsBefore = { ...stateOf(follower).crm.logs };
    expect(Object.keys(logsBefore)).to.include(id);
    dispatchIn(follower, { kind: 'intent.logout' });
    for (const f of frames) await tabShows(f, 'logged out', (s) => s.session.current.phase === 'signedOut');
    await serverShows(sim, 'no session left', (s) => s.sessions.length === 0);
  });

  it('a tab opened later joins the running session without a logon of its own', async () => {
    const a = await openTab(sim, 'A');
    await a.tab.tabs.whenLeading();
    frames = [a];
    a.tab.visibility.set({ visible: true, focused: true });
    await logOnThrough(a, 'WS01');
    const late = await openTab(sim, 'L');
    frames = [a, late];
    await tabShows(late, 'the running session', (s) => s.session.current.phase === 'active' && s.station.step === 'ready');
    expect(late.tab.tabs.role).to.equal('follower');
    const state = await simState(sim);
    expect(state.sessions.length).to.equal(1);
  });
});
