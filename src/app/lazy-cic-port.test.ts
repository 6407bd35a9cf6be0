import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CicPort, Observation } from '../domain/index.js';
import { lazyCicPort } from './lazy-cic-port.js';

/** A real-enough port: records calls, and pushes observations to whoever observes it. */
function fakePort() {
  const calls: { method: string; arg: unknown }[] = [];
  const listeners = new Set<(o: Observation) => void>();
  const record =
    (method: string, answer: unknown = undefined) =>
    (arg?: unknown) => {
      calls.push({ method, arg });
      return Promise.resolve(answer);
    };
  const port = {
    fetchServerInfo: record('fetchServerInfo', { kind: 'obs.serverInfo' }),
    logon: record('logon', { kind: 'obs.session.connected' }),
    logoff: record('logoff'),
    changePassword: record('changePassword'),
    subscribe: record('subscribe'),
    watchUserStatuses: record('watchUserStatuses'),
    setStation: record('setStation'),
    setStatus: record('setStatus'),
    setActivation: record('setActivation'),
    interactionCommand: record('interactionCommand'),
    createCall: record('createCall'),
    startConsult: record('startConsult'),
    changeConsultAudience: record('changeConsultAudience'),
    concludeConsult: record('concludeConsult'),
    cancelConsult: record('cancelConsult'),
    conference: record('conference'),
    assignWrapUp: record('assignWrapUp'),
    directoryPage: record('directoryPage'),
    transferSearch: record('transferSearch'),
    observe(listener: (o: Observation) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as CicPort;
  return {
    port,
    calls,
    listeners,
    push(observation: Observation) {
      for (const listener of [...listeners]) listener(observation);
    },
  };
}

/** A loader the test resolves or rejects by hand, counting how often it was asked. */
function manualLoader() {
  const pending: { resolve: (p: CicPort) => void; reject: (e: unknown) => void }[] = [];
  return {
    pending,
    load: () => new Promise<CicPort>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

const tick: Observation = { kind: 'clock.tick', now: 1 } as unknown as Observation;

describe('lazyCicPort', () => {
  it('loads nothing until a command or preload', async () => {
    const loader = manualLoader();
    const lazy = lazyCicPort(loader.load);
    lazy.observe(() => undefined);
    assert.equal(loader.pending.length, 0);
    const done = lazy.preload();
    assert.equal(loader.pending.length, 1);
    loader.pending[0]?.resolve(fakePort().port);
    await done;
  });

  it('forwards each command with its argument once the port arrives, loading only once', async () => {
    const loader = manualLoader();
    const fake = fakePort();
    const lazy = lazyCicPort(loader.load);
    const info = lazy.fetchServerInfo('https://cic.test');
    const logon = lazy.logon({ server: 'https://cic.test' } as unknown as Parameters<CicPort['logon']>[0]);
    assert.equal(loader.pending.length, 1);
    assert.equal(fake.calls.length, 0);
    loader.pending[0]?.resolve(fake.port);
    assert.deepEqual(await info, { kind: 'obs.serverInfo' });
    assert.deepEqual(await logon, { kind: 'obs.session.connected' });
    await lazy.setStatus({ statusId: 'Available' } as unknown as Parameters<CicPort['setStatus']>[0]);
    assert.deepEqual(
      fake.calls.map((c) => c.method),
      ['fetchServerInfo', 'logon', 'setStatus'],
    );
    assert.equal(fake.calls[0]?.arg, 'https://cic.test');
    assert.deepEqual(fake.calls[2]?.arg, { statusId: 'Available' });
    assert.equal(loader.pending.length, 1);
  });

  it('attaches listeners registered early before any command runs, so no message is lost', async () => {
    const loader = manualLoader();
    const fake = fakePort();
    const lazy = lazyCicPort(loader.load);
    const seen: Observation[] = [];
    lazy.observe((o) => seen.push(o));
    // The real port pushes a message as soon as the logon request is sent.
    const logon = lazy.logon({} as unknown as Parameters<CicPort['logon']>[0]).then(() => seen.length);
    fake.port.logon = (async () => {
      fake.push(tick);
      return { kind: 'obs.session.connected' };
    }) as unknown as CicPort['logon'];
    loader.pending[0]?.resolve(fake.port);
    assert.equal(await logon, 1);
    assert.deepEqual(seen, [tick]);
    fake.push(tick);
    assert.equal(seen.length, 2);
  });

  it('unsubscribes before and after the port arrives', async () => {
    const loader = manualLoader();
    const fake = fakePort();
    const lazy = lazyCicPort(loader.load);
    const early: Observation[] = [];
    const late: Observation[] = [];
    const offEarly = lazy.observe((o) => early.push(o));
    offEarly();
    const offLate = lazy.observe((o) => late.push(o));
    const ready = lazy.preload();
    loader.pending[0]?.resolve(fake.port);
    await ready;
    assert.equal(fake.listeners.size, 1);
    fake.push(tick);
    offLate();
    offLate();
    fake.push(tick);
    assert.deepEqual(early, []);
    assert.equal(late.length, 1);
    assert.equal(fake.listeners.size, 0);

    const after: Observation[] = [];
    const offAfter = lazy.observe((o) => after.push(o));
    fake.push(tick);
    offAfter();
    fake.push(tick);
    assert.equal(after.length, 1);
  });

  it('fails a command with a network PortFailure when loading fails, and retries on the next one', async () => {
    const loader = manualLoader();
    const fake = fakePort();
    const lazy = lazyCicPort(loader.load);
    const seen: Observation[] = [];
    lazy.observe((o) => seen.push(o));
    const first = lazy.fetchServerInfo('https://cic.test');
    loader.pending[0]?.reject(new Error('chunk fetch failed'));
    await assert.rejects(first, (error: unknown) => {
      const failure = error as { kind: unknown; errorId: unknown; message: unknown };
      assert.equal(failure.kind, 'network');
      assert.equal(failure.errorId, null);
      assert.match(String(failure.message), /chunk fetch failed/);
      return true;
    });
    const second = lazy.fetchServerInfo('https://cic.test');
    assert.equal(loader.pending.length, 2);
    loader.pending[1]?.resolve(fake.port);
    assert.deepEqual(await second, { kind: 'obs.serverInfo' });
    fake.push(tick);
    assert.equal(seen.length, 1);
  });
});
