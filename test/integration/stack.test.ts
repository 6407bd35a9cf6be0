/**
 * The whole stack below the UI against a real simulator over HTTP + SSE: the domain store, the
 * runtime and the ICWS CicPort. Intents go in as the UI would raise them; assertions read what
 * the simulator reports (its control API) and what the domain state shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim/cic/index.js';
import {
  createStore,
  defaultPanelConfig,
  initialSoftphoneState,
  selectInteractions,
  selectStatusBar,
  step,
  type Input,
  type Intent,
  type SoftphoneState,
  type Store,
} from '../../src/domain/index.js';
import { startRuntime, type Runtime } from '../../src/app/runtime.js';
import { createCicPort } from '../../src/cic/port.js';
import { intervalClock, memoryStorage, silentNotifier, untilState } from './support.js';

interface Panel {
  readonly store: Store;
  readonly runtime: Runtime;
  intent(intent: Intent): void;
  until(test: (state: SoftphoneState) => boolean, what: string): Promise<SoftphoneState>;
}

function panel(): Panel {
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(), step);
  const cic = createCicPort({
    applicationName: 'Stack test',
    messaging: { heartbeatIntervalMs: 0, pollIntervalMs: 20, reconnectDelayMs: 20 },
  });
  const runtime = startRuntime({
    store,
    ports: { cic, storage: memoryStorage(), notifier: silentNotifier },
    clock: intervalClock(),
  });
  return {
    store,
    runtime,
    intent: (intent) => runtime.dispatch(intent),
    until: (test, what) => untilState(store, test, what, 10_000),
  };
}

async function control<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, sim.url), {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path} → ${response.status}`);
  return (await response.json()) as T;
}

async function logOn(sim: RunningSimulator, userId: string, station: string): Promise<Panel> {
  const p = panel();
  p.intent({ kind: 'intent.server.select', server: sim.url });
  await p.until((s) => s.session.serverInfo !== null, 'server info');
  p.intent({
    kind: 'intent.logon',
    auth: { type: 'ic', userId, password: '1234' },
    alwaysUseAuthType: false,
  });
  await p.until((s) => s.session.current.phase === 'agreement', 'the user agreement');
  p.intent({ kind: 'intent.agreement.accept' });
  await p.until((s) => s.station.step === 'choosing', 'the station step');
  p.intent({ kind: 'intent.selectStation', choice: { kind: 'workstation', name: station }, remember: false });
  await p.until((s) => s.station.step === 'ready', 'station ready');
  await p.until((s) => selectStatusBar(s) !== null && s.status.order.length > 0, 'status bar');
  return p;
}

describe('stack: domain + runtime + ICWS port against the simulator', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await sim.close();
  });

  it('logs on, picks a station, answers an ACD call, holds, disconnects', async () => {
    const agent = await logOn(sim, 'agent1', 'WS01');
    await control(sim, 'POST', '/sim/v1/calls', {
      from: '+13175550101',
      fromName: 'Pat Doe',
      to: { workgroup: 'Support' },
    });
    const alerting = await agent.until(
      (s) => selectInteractions(s).some((r) => r.phase === 'alerting'),
      'an alerting call',
    );
    const row = selectInteractions(alerting).find((r) => r.phase === 'alerting');
    assert.ok(row);
    assert.equal(row.name, 'Pat Doe');
    agent.intent({ kind: 'intent.pickup', interactionId: row.id as never });
    await agent.until(
      (s) => selectInteractions(s).some((r) => r.id === row.id && r.phase === 'connected'),
      'connected',
    );
    agent.intent({ kind: 'intent.hold', interactionId: row.id as never });
    await agent.until(
      (s) => selectInteractions(s).some((r) => r.id === row.id && r.phase === 'held'),
      'held',
    );
    agent.intent({ kind: 'intent.disconnect', interactionId: row.id as never });
    await agent.until(
      (s) => selectInteractions(s).some((r) => r.id === row.id && r.phase === 'disconnected'),
      'disconnected',
    );
    agent.intent({ kind: 'intent.logout' });
    await agent.until((s) => s.session.current.phase === 'signedOut', 'signed out');
    agent.runtime.stop();
  });

  it('logs on through a configured alternate when the named server is unreachable', async () => {
    const agent = panel();
    const dead = 'http://127.0.0.1:9';
    agent.store.dispatch({
      kind: 'obs.panel.config',
      now: Date.now(),
      config: { ...defaultPanelConfig(), server: dead, alternateServers: [sim.url] },
    });
    agent.intent({
      kind: 'intent.logon',
      auth: { type: 'ic', userId: 'agent4', password: '1234' },
      alwaysUseAuthType: false,
    });
    // The agent logs on at once, before server info has failed; server info never comes (the named
    // server is down), so there is no agreement to accept.
    await agent.until((s) => s.session.current.phase === 'active', 'a session through the alternate');
    const state = (await control<{ sessions: { userId: string }[] }>(sim, 'GET', '/sim/v1/state')).sessions;
    assert.ok(state.some((x) => x.userId === 'agent4'));
    agent.intent({ kind: 'intent.logout' });
    await agent.until((s) => s.session.current.phase === 'signedOut', 'signed out');
    agent.runtime.stop();
  });
});
