import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStore,
  defaultCrmSettings,
  initialSoftphoneState,
  step,
  type Effect,
  type Input,
  type SoftphoneState,
  type Store,
} from '../domain/index.js';
import { logonInputs } from '../domain/testing/agent.js';
import { ALERTING_CAPS, CONNECTED_CAPS, changed, added, iid, inbound, item, T0 } from '../domain/testing/fixtures.js';
import { callLogKey, createCallLogStorage, persistCallLogs, type CallLogOwner } from './outbox-storage.js';

/** `localStorage` stand-in. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const OWNER: CallLogOwner = { server: 'cic1.example.com', userId: 'agent1' };
const ready: Input = { kind: 'obs.crm.ready', settings: defaultCrmSettings(), problems: [] };
const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Page {
  readonly store: Store<SoftphoneState, Input>;
  readonly effects: Effect[];
  readonly stop: () => void;
  readonly lines: string[];
}

/** A leading page: a store, what its steps asked for, and the persistence running on it. */
function page(storage: ReturnType<typeof memoryStorage>, now: number): Page {
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(now), step);
  const effects: Effect[] = [];
  const lines: string[] = [];
  store.subscribe((s) => effects.push(...s.effects));
  const stop = persistCallLogs({
    store,
    dispatch: (input) => store.dispatch(input),
    storage: createCallLogStorage(storage, (line) => lines.push(line)),
    log: (line) => lines.push(line),
  });
  return { store, effects, stop, lines };
}

const logOn = (p: Page, snapshot: boolean): void => {
  for (const input of logonInputs()) if (snapshot || input.kind !== 'obs.queue.snapshot') p.store.dispatch(input);
  p.store.dispatch(ready);
};

describe('call-log storage: validated on read', () => {
  it('round-trips what the domain stores', () => {
    const storage = memoryStorage();
    const p = page(storage, T0);
    logOn(p, true);
    p.store.dispatch(added('1', inbound('A', ALERTING_CAPS), T0 + 1000));
    p.store.dispatch(changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, T0 + 5000));
    const stored = createCallLogStorage(storage).load(OWNER);
    assert.equal(stored?.logs.length, 1);
    assert.equal(stored?.outbox[0]?.status, 'sending', 'stored in the step that sends it');
    assert.deepEqual(stored?.logs[0], p.store.getState().crm.logs['1']);
  });

  it('bad JSON, a wrong shape or a bad item: dropped with a diagnostic, never a throw', () => {
    const storage = memoryStorage();
    const lines: string[] = [];
    const s = createCallLogStorage(storage, (line) => lines.push(line));
    storage.setItem(callLogKey(OWNER), '{not json');
    assert.equal(s.load(OWNER), null);
    storage.setItem(callLogKey(OWNER), JSON.stringify({ version: 99, logs: [], outbox: [] }));
    assert.equal(s.load(OWNER), null);
    storage.setItem(callLogKey(OWNER), JSON.stringify(['x']));
    assert.equal(s.load(OWNER), null);
    assert.equal(lines.length, 3);

    const p = page(memoryStorage(), T0);
    logOn(p, true);
    p.store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    const good = p.store.getState().crm.logs['1'];
    const goodEntry = p.store.getState().crm.outbox['1'];
    storage.setItem(
      callLogKey(OWNER),
      JSON.stringify({
        version: 1,
        logs: [good, { ...good, interactionId: '2', connectedAt: 'yesterday' }, { ...good, interactionId: '3', callType: 'Sideways' }, null],
        outbox: [goodEntry, { ...goodEntry, interactionId: '9' }, { ...goodEntry, interactionId: '1', status: 'lost' }],
      }),
    );
    lines.length = 0;
    const loaded = s.load(OWNER);
    assert.deepEqual(loaded?.logs.map((l) => l.interactionId), ['1']);
    assert.deepEqual(loaded?.outbox.map((e) => e.interactionId), ['1']);
    assert.equal(lines.length, 5, lines.join('\n'));
    assert.match(lines.join('\n'), /log 1 is invalid at connectedAt/);
  });

  it('keys are per user and server; a throwing storage is reported, not thrown', () => {
    assert.notEqual(callLogKey(OWNER), callLogKey({ ...OWNER, userId: 'agent2' }));
    assert.notEqual(callLogKey(OWNER), callLogKey({ ...OWNER, server: 'cic2.example.com' }));
    const lines: string[] = [];
    const broken = createCallLogStorage(
      {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => undefined,
        removeItem: () => undefined,
      },
      (line) => lines.push(line),
    );
    assert.equal(broken.load(OWNER), null);
    assert.equal(lines.length, 1);
  });
});

describe('call-log persistence in the leading tab', () => {
  it('a reload mid-call: the new page restores, looks the uncertain create up, and never creates', async () => {
    const storage = memoryStorage();
    const one = page(storage, T0);
    logOn(one, true);
    one.store.dispatch(added('1', inbound('A', ALERTING_CAPS), T0 + 1000));
    one.store.dispatch(changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, T0 + 5000));
    assert.equal(one.effects.filter((e) => e.kind === 'crm.saveLog').length, 1);
    one.stop(); // the page dies with the create in flight

    const two = page(storage, T0 + 60_000);
    logOn(two, false);
    await flushMicrotasks();
    assert.notEqual(two.store.getState().crm.restored, null, 'held until the snapshot');
    assert.equal(createCallLogStorage(storage).load(OWNER)?.logs.length, 1, 'not overwritten meanwhile');
    two.store.dispatch({ kind: 'obs.queue.snapshot', interactions: [item('1', inbound('C', CONNECTED_CAPS))], now: T0 + 61_000 });
    assert.deepEqual(two.effects.filter((e) => e.kind === 'crm.saveLog'), []);
    const lookups = two.effects.filter((e) => e.kind === 'crm.findLog');
    assert.equal(lookups.length, 1);
    const stored = createCallLogStorage(storage).load(OWNER);
    assert.equal(stored?.outbox[0]?.uncertain, true, 'the lookup is stored as such');
    two.store.dispatch({ kind: 'obs.crm.logFound', interactionId: iid('1'), seq: (lookups[0] as { seq: number }).seq, taskId: '00TDm0000000099IAA' });
    assert.equal(createCallLogStorage(storage).load(OWNER)?.logs[0]?.taskId, '00TDm0000000099IAA');
    two.stop();
  });

  it('explicit log-out: kept while a write is owed, cleared once nothing is owed or live', () => {
    const storage = memoryStorage();
    const p = page(storage, T0);
    logOn(p, true);
    p.store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    const create = p.effects.filter((e) => e.kind === 'crm.saveLog').at(-1) as { seq: number };
    p.store.dispatch({ kind: 'obs.crm.logSaved', interactionId: iid('1'), seq: create.seq, taskId: '00TDm0000000099IAA' });
    p.store.dispatch(changed('1', { Eic_State: 'I', Eic_Capabilities: '0' }, T0 + 9000));
    const update = p.effects.filter((e) => e.kind === 'crm.saveLog').at(-1) as { seq: number };
    p.store.dispatch({ kind: 'intent.logout' });
    p.store.dispatch({ kind: 'obs.session.ended', reason: 'loggedOff' });
    assert.equal(p.store.getState().session.current.phase, 'signedOut');
    assert.equal(storage.map.size, 1, 'the duration update is still owed');
    p.store.dispatch({ kind: 'obs.crm.logSaved', interactionId: iid('1'), seq: update.seq, taskId: '00TDm0000000099IAA' });
    assert.equal(storage.map.size, 0, 'nothing owed, nothing live: cleared');
    p.stop();
  });

  it('restores once per owner', async () => {
    const storage = memoryStorage();
    const one = page(storage, T0);
    logOn(one, true);
    assert.equal(storage.map.size, 0, 'nothing to store, nothing stored');
    one.store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    assert.equal(storage.map.size, 1);
    one.stop();
    const two = page(storage, T0 + 60_000);
    let restores = 0;
    two.store.subscribe((_s, input) => {
      if (input.kind === 'obs.crm.logsRestored') restores += 1;
    });
    logOn(two, true);
    await flushMicrotasks();
    two.store.dispatch({ kind: 'obs.queue.snapshot', interactions: [], now: T0 + 61_000 });
    await flushMicrotasks();
    assert.equal(restores, 1);
    two.stop();
  });
});
