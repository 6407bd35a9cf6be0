import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStore,
  initialSoftphoneState,
  step,
  type CicPort,
  type Clock,
  type Input,
  type InteractionId,
  type LogonPrefs,
  type Observation,
  type UserPrefs,
} from '../domain/index.js';
import { logonInputs } from '../domain/testing/agent.js';
import { T0 } from '../domain/testing/fixtures.js';
import { startRuntime } from './runtime.js';

/** A clock whose interval callbacks run when the test advances it. */
function manualClock(start = T0 + 60_000): Clock & { advance(ms: number): void } {
  let now = start;
  const timers = new Set<{ every: number; next: number; callback: () => void }>();
  return {
    now: () => now,
    every(ms, callback) {
      const timer = { every: ms, next: now + ms, callback };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.callback();
      }
      now = end;
    },
  };
}

/** A CIC port that records every call and answers as each test scripts it. */
function scriptedCic() {
  const calls: string[] = [];
  const listeners = new Set<(o: Observation) => void>();
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const unused = (name: string) => async () => {
    calls.push(name);
    throw new Error(`${name} not scripted`);
  };
  const port: CicPort = {
    fetchServerInfo: unused('fetchServerInfo'),
    logon: unused('logon'),
    logoff: unused('logoff'),
    changePassword: unused('changePassword'),
    subscribe: async () => void calls.push('subscribe'),
    watchUserStatuses: async () => void calls.push('watchUserStatuses'),
    setStation: unused('setStation'),
    setStatus: unused('setStatus'),
    setActivation: unused('setActivation'),
    interactionCommand: (command) => {
      calls.push(command.kind);
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    createCall: unused('createCall'),
    startConsult: unused('startConsult'),
    changeConsultAudience: unused('changeConsultAudience'),
    concludeConsult: unused('concludeConsult'),
    cancelConsult: unused('cancelConsult'),
    conference: unused('conference'),
    assignWrapUp: unused('assignWrapUp'),
    directoryPage: unused('directoryPage'),
    transferSearch: unused('transferSearch'),
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { port, calls, pending, push: (o: Observation) => listeners.forEach((l) => l(o)), listeners };
}

function memoryStorage() {
  const saved: { userPrefs: Map<string, UserPrefs>; logon: LogonPrefs | null } = {
    userPrefs: new Map(),
    logon: null,
  };
  return {
    saved,
    port: {
      loadUserPrefs: async (userId: string) => ({
        kind: 'obs.storage.userPrefs' as const,
        userId,
        prefs: null,
      }),
      saveUserPrefs: async (userId: string, prefs: UserPrefs) => void saved.userPrefs.set(userId, prefs),
      loadLogonPrefs: async () => ({ kind: 'obs.storage.logonPrefs' as const, prefs: saved.logon }),
      saveLogonPrefs: async (prefs: LogonPrefs) => void (saved.logon = prefs),
    },
  };
}

const silentNotifier = { startRing() {}, stopRing() {}, notify() {} };

function loggedOnRuntime() {
  const store = createStore(initialSoftphoneState(), step);
  for (const input of logonInputs()) store.dispatch(input);
  const cic = scriptedCic();
  const clock = manualClock();
  const runtime = startRuntime({
    store,
    ports: { cic: cic.port, storage: memoryStorage().port, notifier: silentNotifier },
    clock,
  });
  const alerting = 'i-1' as InteractionId;
  cic.push({
    kind: 'obs.queue.snapshot',
    interactions: [
      {
        interactionId: alerting,
        attributes: {
          Eic_State: 'A',
          Eic_ObjectType: 'Call',
          Eic_CallDirection: 'I',
          Eic_RemoteAddress: '+13175550101',
          Eic_RemoteName: 'Pat Doe',
          Eic_Capabilities: String(0xffff),
        },
      },
    ],
  });
  return { store, cic, clock, runtime, alerting };
}

describe('runtime', () => {
  it('runs an effect once while the same one is still in flight (double-click)', async () => {
    const { runtime, cic, alerting } = loggedOnRuntime();
    runtime.dispatch({ kind: 'intent.pickup', interactionId: alerting });
    runtime.dispatch({ kind: 'intent.pickup', interactionId: alerting });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      cic.calls.filter((c) => c === 'cic.pickup'),
      ['cic.pickup'],
    );
    cic.pending.forEach((p) => p.resolve());
    await runtime.idle();
    runtime.stop();
  });

  it('turns a rejected command into obs.command.failed, which the agent sees as a notice', async () => {
    const { runtime, cic, store, alerting } = loggedOnRuntime();
    const seen: Input[] = [];
    store.subscribe((_s, input) => seen.push(input));
    runtime.dispatch({ kind: 'intent.pickup', interactionId: alerting });
    await new Promise((r) => setImmediate(r));
    cic.pending[0]!.reject({
      portKind: 'forbidden',
      errorId: 'error.request.accessDenied',
      message: 'No right',
    });
    await runtime.idle();
    const failure = seen.find((i) => i.kind === 'obs.command.failed');
    assert.ok(failure && failure.kind === 'obs.command.failed');
    assert.equal(failure.operation, 'pickup');
    assert.equal(failure.errorKind, 'forbidden');
    assert.equal(failure.interactionId, alerting);
    assert.ok(store.getState().notices.items.length > 0, 'a notice tells the agent');
    runtime.stop();
  });

  it('stamps inputs with the clock and ticks every second until stopped', () => {
    const { runtime, clock, store } = loggedOnRuntime();
    const ticks: Input[] = [];
    store.subscribe((_s, input) => {
      if (input.kind === 'clock.tick') ticks.push(input);
    });
    clock.advance(3000);
    assert.equal(ticks.length, 3);
    assert.equal(store.getState().now, clock.now());
    runtime.stop();
    clock.advance(3000);
    assert.equal(ticks.length, 3);
  });

  it('forwards pushed observations and stops listening when stopped', () => {
    const { runtime, cic, store } = loggedOnRuntime();
    assert.equal(store.getState().queue.order.length, 1);
    runtime.stop();
    assert.equal(cic.listeners.size, 0);
  });
});
