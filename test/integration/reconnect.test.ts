/**
 * Reconnect against a real simulator (issue 5): store + runtime + ICWS port, a connected call, and
 * then a network outage, a dropped session, a switchover, or a lost SSO session. Waits are on
 * conditions (generous timeouts), never on durations. The outage tests run the simulator on a
 * ManualClock: the port's backoff waits move that clock, so a 60 s outage takes 60 s of simulated
 * time and well under a second of real time.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock, startSimulator, type RunningSimulator } from '../../sim/cic/index.js';
import {
  createStore,
  initialSoftphoneState,
  selectInteractions,
  selectSession,
  step,
  type Input,
  type Intent,
  type SoftphoneState,
  type Store,
} from '../../src/domain/index.js';
import { startRuntime, type Runtime } from '../../src/app/runtime.js';
import { createCicPort, type IcwsCicPort } from '../../src/cic/port.js';
import type { ReconnectOptions } from '../../src/cic/reconnect.js';
import { intervalClock, memoryStorage, silentNotifier, untilState } from './support.js';

const WAIT_MS = 20_000;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Panel {
  readonly store: Store;
  readonly runtime: Runtime;
  readonly cic: IcwsCicPort;
  /** Every `crm.screenPop` the domain asked for, by interaction id. */
  readonly pops: string[];
  /** Every input the store stepped, in order. */
  readonly inputs: Input[];
  intent(intent: Intent): void;
  until(test: (state: SoftphoneState) => boolean, what: string): Promise<SoftphoneState>;
  close(): Promise<void>;
}

function panel(options: { reconnect?: ReconnectOptions; singleSignOn?: () => Promise<string> } = {}): Panel {
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(), step);
  const pops: string[] = [];
  const inputs: Input[] = [];
  store.subscribe((result, input) => {
    inputs.push(input);
    for (const effect of result.effects) if (effect.kind === 'crm.screenPop') pops.push(effect.interactionId);
  });
  const cic = createCicPort({
    applicationName: 'Reconnect test',
    messaging: { heartbeatIntervalMs: 0, pollIntervalMs: 20, reconnectDelayMs: 20 },
    reconnect: { random: seeded(5), baseMs: 50, capMs: 400, ...options.reconnect },
    ...(options.singleSignOn ? { singleSignOn: options.singleSignOn } : {}),
  });
  const clock = intervalClock();
  const runtime = startRuntime({
    store,
    ports: { cic, storage: memoryStorage(), notifier: silentNotifier },
    clock,
  });
  return {
    store,
    runtime,
    cic,
    pops,
    inputs,
    intent: (intent) => runtime.dispatch(intent),
    until: (test, what) => untilState(store, test, what, WAIT_MS),
    async close() {
      runtime.stop();
      clock.stop();
      await cic.logoff().catch(() => undefined);
    },
  };
}

async function control<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path} → ${response.status}`);
  return (await response.json()) as T;
}

interface SimSession {
  sessionId: string;
  server: string;
  state: string;
  userId: string;
  station: { id: string } | null | string;
}

async function sessionsOf(sim: RunningSimulator, userId: string): Promise<SimSession[]> {
  const state = await control<{ sessions: SimSession[] }>(sim.url, 'GET', '/sim/v1/state');
  return state.sessions.filter((s) => s.userId === userId && s.state === 'live');
}

const sessionId = (s: SoftphoneState): string | null =>
  s.session.current.phase === 'active' ? s.session.current.info.sessionId : null;
const connection = (s: SoftphoneState) => selectSession(s).connection;

async function logOn(
  p: Panel,
  server: string,
  auth: Extract<Intent, { kind: 'intent.logon' }>['auth'],
  station: string,
): Promise<void> {
  p.intent({ kind: 'intent.server.select', server });
  await p.until((s) => s.session.serverInfo !== null, 'server info');
  p.intent({ kind: 'intent.logon', auth, alwaysUseAuthType: false });
  await p.until((s) => s.session.current.phase === 'agreement', 'the user agreement');
  p.intent({ kind: 'intent.agreement.accept' });
  await p.until((s) => s.station.step === 'choosing', 'the station step');
  p.intent({ kind: 'intent.selectStation', choice: { kind: 'workstation', name: station }, remember: false });
  await p.until((s) => s.station.step === 'ready', 'station ready');
}

/** Offers a call to the agent and answers it in the panel; returns its id. */
async function connectedCall(sim: RunningSimulator, p: Panel, userId: string): Promise<string> {
  const { interactionId } = await control<{ interactionId: string }>(sim.url, 'POST', '/sim/v1/calls', {
    from: '+13175550101',
    fromName: 'Pat Doe',
    to: { user: userId },
  });
  await p.until(
    (s) => selectInteractions(s).some((r) => r.id === interactionId && r.phase === 'alerting'),
    'the call alerting',
  );
  p.intent({ kind: 'intent.pickup', interactionId: interactionId as never });
  await p.until(
    (s) => selectInteractions(s).some((r) => r.id === interactionId && r.phase === 'connected'),
    'the call connected',
  );
  return interactionId;
}

/** After reconnecting: same call still connected, one row, one pop, station back. */
async function assertReconciled(
  sim: RunningSimulator,
  p: Panel,
  userId: string,
  callId: string,
  station: string,
): Promise<void> {
  const state = await p.until(
    (s) =>
      connection(s) === 'connected' &&
      s.station.step === 'ready' &&
      s.station.current?.id === station &&
      selectInteractions(s).some((r) => r.id === callId && r.phase === 'connected'),
    'connected again with the station and the call',
  );
  assert.equal(selectInteractions(state).length, 1, 'exactly one interaction');
  assert.deepEqual(p.pops, [callId], 'exactly one screen pop');
  const live = await sessionsOf(sim, userId);
  assert.equal(live.length, 1, 'one live session on the server');
  assert.equal(
    typeof live[0]?.station === 'object' && live[0]?.station !== null ? live[0].station.id : live[0]?.station,
    station,
    'the station is logged on again',
  );
  const interactions = (
    await control<{ interactions: { interactionId: string; attributes: Record<string, string> }[] }>(
      sim.url,
      'GET',
      '/sim/v1/state',
    )
  ).interactions;
  assert.equal(
    interactions.find((i) => i.interactionId === callId)?.attributes['Eic_State'],
    'C',
    'the call is still up on the server',
  );
}

describe('reconnect: network outage (simulator on a manual clock)', () => {
  let sim: RunningSimulator | undefined;
  let p: Panel | undefined;
  let ticker: NodeJS.Timeout | undefined;
  afterEach(async () => {
    clearInterval(ticker);
    await p?.close();
    await sim?.close();
    sim = undefined;
    p = undefined;
  });

  const cases = [
    { outageMs: 5_000, transport: 'sse' },
    { outageMs: 60_000, transport: 'sse' },
    { outageMs: 5_000, transport: 'poll' },
  ] as const;
  for (const { outageMs, transport } of cases) {
    it(`rides out a ${outageMs / 1000} s outage (${transport}) during a connected call: same session, fresh snapshots, no duplicates`, async () => {
      const clock = new ManualClock();
      sim = await startSimulator({ clock, messagingVersion: transport === 'sse' ? 2 : 1 });
      // Zero-delay simulator timers (routing) run; nothing timed moves unless the port waits.
      ticker = setInterval(() => clock.advance(0), 5);
      let waitedMs = 0;
      p = panel({
        reconnect: {
          baseMs: 500,
          capMs: 10_000,
          wait: (ms, signal) =>
            new Promise((resolve) => {
              waitedMs += ms;
              clock.advance(ms);
              const t = setTimeout(resolve, 5);
              signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
            }),
        },
      });
      await logOn(p, sim.url, { type: 'ic', userId: 'agent1', password: '1234' }, 'WS01');
      const callId = await connectedCall(sim, p, 'agent1');
      const before = sessionId(p.store.getState());

      const fault = await control<{ streamsCut: number }>(sim.url, 'POST', '/sim/v1/faults', {
        kind: 'network-outage',
        ms: outageMs,
      });
      assert.equal(fault.streamsCut, transport === 'sse' ? 1 : 0);
      await p.until((s) => connection(s) === 'reconnecting', 'reconnecting shown');
      const inputsBefore = p.inputs.length;
      const panelP = p;
      await p.until(
        () => panelP.inputs.slice(inputsBefore).some((i) => i.kind === 'obs.queue.snapshot'),
        'a fresh queue snapshot after the outage',
      );
      await assertReconciled(sim, p, 'agent1', callId, 'WS01');
      assert.ok(waitedMs >= outageMs, `backed off through the outage (${waitedMs} ms of ${outageMs})`);
      assert.equal(sessionId(p.store.getState()), before, 'the session resumed, no new logon');
      const after = p.inputs.slice(inputsBefore);
      assert.ok(
        after.some((i) => i.kind === 'obs.queue.snapshot'),
        'a fresh queue snapshot arrived',
      );
      assert.ok(!after.some((i) => i.kind === 'obs.session.connected'), 'no new session');

      // The panel works afterwards: hold goes through on the server.
      p.intent({ kind: 'intent.hold', interactionId: callId as never });
      await p.until(
        (s) => selectInteractions(s).some((r) => r.id === callId && r.phase === 'held'),
        'held after reconnecting',
      );
    });
  }

  it('logs on again when the session timed out during the outage', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, idleTimeoutMs: 30_000 });
    ticker = setInterval(() => clock.advance(0), 5);
    const simClock = clock;
    p = panel({
      reconnect: {
        baseMs: 2_000,
        capMs: 10_000,
        wait: (ms, signal) =>
          new Promise((resolve) => {
            simClock.advance(ms);
            const t = setTimeout(resolve, 5);
            signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
          }),
      },
    });
    await logOn(p, sim.url, { type: 'ic', userId: 'agent2', password: '1234' }, 'WS02');
    const callId = await connectedCall(sim, p, 'agent2');
    const before = sessionId(p.store.getState());
    await control(sim.url, 'POST', '/sim/v1/faults', { kind: 'network-outage', ms: 60_000 });
    await p.until((s) => connection(s) === 'reconnecting', 'reconnecting shown');
    await p.until((s) => sessionId(s) !== null && sessionId(s) !== before, 'a new session');
    await assertReconciled(sim, p, 'agent2', callId, 'WS02');
  });
  it('the primary dies, then the backup takes over: the panel finds the backup through the alternates', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, backupPort: 0 });
    ticker = setInterval(() => clock.advance(0), 5);
    const simClock = clock;
    p = panel({
      reconnect: {
        // Backoff time is simulated time: without the alternates the port would give up after 5 min.
        now: () => simClock.now(),
        baseMs: 500,
        capMs: 10_000,
        wait: (ms, signal) =>
          new Promise((resolve) => {
            simClock.advance(ms);
            const t = setTimeout(resolve, 5);
            signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
          }),
      },
    });
    await logOn(p, sim.url, { type: 'ic', userId: 'agent5', password: '1234' }, 'WS05');
    const callId = await connectedCall(sim, p, 'agent5');
    // The primary stops answering for good (its sessions never get to tell the client).
    await control(sim.url, 'POST', '/sim/v1/faults', {
      kind: 'network-outage',
      ms: 3_600_000,
      server: 'primary',
    });
    await p.until((s) => connection(s) === 'reconnecting', 'reconnecting shown');
    await control(sim.url, 'POST', '/sim/v1/faults', { kind: 'switchover' });
    await assertReconciled(sim, p, 'agent5', callId, 'WS05');
    const [live] = await sessionsOf(sim, 'agent5');
    assert.equal(live?.server, 'backup');
  });
});

describe('reconnect: session loss and switchover (real clock)', () => {
  let sim: RunningSimulator | undefined;
  let p: Panel | undefined;
  afterEach(async () => {
    await p?.close();
    await sim?.close();
    sim = undefined;
    p = undefined;
  });

  it('drop-session: logs on again silently, re-establishes the station, one call, one pop', async () => {
    sim = await startSimulator();
    p = panel();
    await logOn(p, sim.url, { type: 'ic', userId: 'agent1', password: '1234' }, 'WS01');
    const callId = await connectedCall(sim, p, 'agent1');
    const before = sessionId(p.store.getState());
    await control(sim.url, 'POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent1' });
    await p.until((s) => sessionId(s) !== null && sessionId(s) !== before, 'a new session');
    assert.equal(p.store.getState().session.current.phase, 'active', 'never back at the logon screen');
    await assertReconciled(sim, p, 'agent1', callId, 'WS01');
    p.intent({ kind: 'intent.disconnect', interactionId: callId as never });
    await p.until(
      (s) => selectInteractions(s).some((r) => r.id === callId && r.phase === 'disconnected'),
      'disconnected on the new session',
    );
  });

  it('switchover during a connected call: back in service on the backup', async (t) => {
    sim = await startSimulator({ backupPort: 0 });
    assert.ok(sim.backupUrl);
    p = panel();
    await logOn(p, sim.url, { type: 'ic', userId: 'agent3', password: '1234' }, 'WS03');
    const callId = await connectedCall(sim, p, 'agent3');
    const before = sessionId(p.store.getState());
    const start = performance.now();
    // The backup accepts logons from the moment the fault answers.
    await control(sim.url, 'POST', '/sim/v1/faults', { kind: 'switchover' });
    await p.until(
      (s) =>
        sessionId(s) !== before &&
        connection(s) === 'connected' &&
        s.station.step === 'ready' &&
        s.station.current?.id === 'WS03',
      'in service on the backup',
    );
    const elapsed = performance.now() - start;
    t.diagnostic(
      `switchover: backup accepting → panel connected with its station in ${elapsed.toFixed(0)} ms`,
    );
    await assertReconciled(sim, p, 'agent3', callId, 'WS03');
    const [live] = await sessionsOf(sim, 'agent3');
    assert.equal(live?.server, 'backup');
  });

  it('a lost SSO session cannot come back silently: the logon screen with a clear notice', async () => {
    sim = await startSimulator();
    const base = sim.url;
    let ssoRuns = 0;
    p = panel({
      singleSignOn: async () => {
        ssoRuns++;
        return (await control<{ token: string }>(base, 'POST', '/sim/v1/sso-tokens', { userId: 'agent4' }))
          .token;
      },
    });
    await logOn(p, sim.url, { type: 'sso', identityProviderId: 'demo-idp' }, 'WS04');
    await control(sim.url, 'POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent4' });
    const ended = await p.until((s) => s.session.current.phase === 'signedOut', 'the logon screen');
    assert.equal(selectSession(ended).notice, 'session.notice.connectionLost');
    assert.equal(ssoRuns, 1, 'no silent SSO attempt');
    assert.equal((await sessionsOf(sim, 'agent4')).length, 0);
  });
});
