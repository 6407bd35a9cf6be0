import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStore,
  parseOmniSyncSettings,
  step,
  type Input,
  type OmniSyncConfig,
  type SoftphoneState,
} from '../domain/index.js';
import { CONNECTED_CAPS, ME, T0, added, changed, inbound, loggedOn } from '../domain/testing/fixtures.js';
import type { OmniPresenceStatus, OmniTransportEvent } from '../crm/open-cti/omni-transport.js';
import { omniOrigin, startOmniSync } from './omni-sync.js';

const MAPS = [
  'cic:Available <-> omni:Available',
  'cic:"At Lunch" <-> omni:Break',
  'busy on ACD -> omni:Busy_On_Phone',
  'omni workload -> cic:"Out of the Office"',
].join('\n');

function config(text = MAPS): OmniSyncConfig {
  const r = parseOmniSyncSettings(text);
  if (!r.ok) assert.fail(JSON.stringify(r.errors));
  return r.config;
}

const STATUSES: OmniPresenceStatus[] = [
  { statusId: '0N5000000000001', statusApiName: 'Available', statusName: 'Available' },
  { statusId: '0N5000000000002', statusApiName: 'Break', statusName: 'Break' },
  { statusId: '0N5000000000003', statusApiName: 'Busy_On_Phone', statusName: 'Busy - On Phone' },
];

/** An in-memory Omni-Channel behind the transport interface; it counts every status change. */
function fakeOmni(initial: string | null) {
  let status = initial;
  const listeners = new Set<(e: OmniTransportEvent) => void>();
  const changes: Array<{ to: string | null; reason: string }> = [];
  const emit = (e: OmniTransportEvent) => listeners.forEach((l) => l(e));
  const change = (to: string | null, reason: string): void => {
    status = to;
    changes.push({ to, reason });
    const s = STATUSES.find((x) => x.statusApiName === to);
    // Like the toolkit, events come after the call returns.
    queueMicrotask(() =>
      emit(
        s
          ? { kind: 'status', statusId: s.statusId, statusApiName: s.statusApiName, reason }
          : { kind: 'loggedOut' },
      ),
    );
  };
  return {
    changes,
    get status() {
      return status;
    },
    agent: (to: string | null) => change(to, 'OmniManualStatusChange'),
    workload: (n: number) => emit({ kind: 'workload', workload: n }),
    transport: {
      start: async () => undefined,
      stop: async () => undefined,
      onEvent(l: (e: OmniTransportEvent) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      statuses: async () => STATUSES,
      currentStatus: async () => STATUSES.find((s) => s.statusApiName === status) ?? null,
      currentWorkload: async () => 0,
      setStatus: async (name: string) => {
        if (!STATUSES.some((s) => s.statusApiName.toLowerCase() === name.toLowerCase()))
          throw new Error(`no status ${name}`);
        change(name, 'OmniToolkitStatusChange');
      },
      logout: async () => change(null, 'OmniToolkitStatusChange'),
    },
  };
}

/** The panel store with a fake CIC server that confirms every status change it is asked for. */
function panel(initial: SoftphoneState = loggedOn()) {
  const store = createStore(initial, step);
  const cicChanges: string[] = [];
  store.subscribe((s) => {
    for (const effect of s.effects) {
      if (effect.kind === 'cic.setStatus') {
        cicChanges.push(effect.statusId);
        queueMicrotask(() =>
          store.dispatch({
            kind: 'obs.status.user',
            isDelta: true,
            statuses: [{ userId: ME, statusId: effect.statusId }],
          }),
        );
      }
    }
  });
  const dispatch = (input: Input): void => void store.dispatch(input);
  /** The server changes the status by itself (a supervisor). */
  const serverSets = (id: string) =>
    store.dispatch({ kind: 'obs.status.user', isDelta: true, statuses: [{ userId: ME, statusId: id }] });
  return { store, dispatch, cicChanges, serverSets, status: () => store.getState().status.mine?.statusId };
}

const settle = async (sync: { idle(): Promise<void> }) => {
  for (let i = 0; i < 10; i += 1) {
    await sync.idle();
    await new Promise((r) => setImmediate(r));
  }
};

async function start(omniStatus: string | null = 'Available', text = MAPS) {
  const p = panel();
  const omni = fakeOmni(omniStatus);
  const logs: string[] = [];
  const sync = await startOmniSync({
    store: p.store,
    dispatch: p.dispatch,
    transport: omni.transport,
    config: config(text),
    clock: { now: () => T0 },
    log: (l) => logs.push(l),
  });
  await settle(sync);
  return { p, omni, sync, logs };
}

describe('omni sync glue (fake CIC store + in-memory Omni)', () => {
  it('maps toolkit reasons to origins', () => {
    assert.equal(omniOrigin('OmniManualStatusChange'), 'user');
    assert.equal(omniOrigin('OmniLoginStatusChange'), 'user');
    assert.equal(omniOrigin('OmniSupervisorStatusChange'), 'server');
    assert.equal(omniOrigin('OmniToolkitStatusChange'), 'unattributed');
    assert.equal(omniOrigin(''), 'unattributed');
  });

  it('at start CIC wins: Omni Break → Available (CIC is Available), once', async () => {
    const { omni, p, sync } = await start('Break');
    assert.deepEqual(omni.changes, [{ to: 'Available', reason: 'OmniToolkitStatusChange' }]);
    assert.deepEqual(p.cicChanges, []);
    assert.equal(sync.state().started, true);
  });

  it('the agent picks a CIC status in the panel: Omni follows once, nothing comes back', async () => {
    const { omni, p, sync } = await start();
    p.dispatch({ kind: 'intent.setStatus', statusId: 'At Lunch' as never });
    await settle(sync);
    assert.deepEqual(omni.changes, [{ to: 'Break', reason: 'OmniToolkitStatusChange' }]);
    assert.deepEqual(p.cicChanges, ['At Lunch']);
    assert.deepEqual(sync.state().pendingOmni, []);
  });

  it('the agent changes Omni: the panel sets the CIC status once, nothing goes back to Omni', async () => {
    const { omni, p, sync } = await start();
    omni.agent('Break');
    await settle(sync);
    assert.deepEqual(p.cicChanges, ['At Lunch']);
    assert.equal(p.status(), 'At Lunch');
    assert.deepEqual(omni.changes, [{ to: 'Break', reason: 'OmniManualStatusChange' }]);
    assert.deepEqual(sync.state().pendingCic, []);
  });

  it('a supervisor CIC change (no intent) is synced too', async () => {
    const { omni, p, sync } = await start();
    p.serverSets('At Lunch');
    await settle(sync);
    assert.deepEqual(
      omni.changes.map((c) => c.to),
      ['Break'],
    );
  });

  it('an ACD call puts Omni in Busy_On_Phone and back afterwards', async () => {
    const { omni, p, sync } = await start();
    p.store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    await settle(sync);
    assert.equal(omni.status, 'Busy_On_Phone');
    p.store.dispatch(changed('1', { Eic_State: 'E', Eic_CallStateString: 'Disconnected' }, T0 + 9000));
    await settle(sync);
    assert.deepEqual(
      omni.changes.map((c) => c.to),
      ['Busy_On_Phone', 'Available'],
    );
    assert.deepEqual(p.cicChanges, []);
  });

  it('Omni workload puts CIC in the workload status and back', async () => {
    const { omni, p, sync } = await start();
    omni.workload(1);
    await settle(sync);
    assert.equal(p.status(), 'Out of the Office');
    omni.workload(0);
    await settle(sync);
    assert.deepEqual(p.cicChanges, ['Out of the Office', 'Available']);
    assert.deepEqual(omni.changes, []);
  });

  it('a CIC status the panel refuses is a failed command, not a loop', async () => {
    const { omni, p, sync, logs } = await start(
      'Available',
      'omni:Break -> cic:"No Such Status"\ncic:Available <-> omni:Available',
    );
    omni.agent('Break');
    await settle(sync);
    assert.deepEqual(p.cicChanges, []);
    assert.deepEqual(sync.state().pendingCic, []);
    assert.ok(
      logs.some((l) => l.includes('refused CIC status "No Such Status"')),
      logs.join('\n'),
    );
    assert.ok(
      logs.some((l) => l.includes('CIC has no status "No Such Status"')),
      logs.join('\n'),
    );
  });

  it('an Omni status the toolkit does not know fails the command and is logged', async () => {
    const { p, sync, logs } = await start('Available', 'cic:"At Lunch" -> omni:Lunch_Break');
    p.dispatch({ kind: 'intent.setStatus', statusId: 'At Lunch' as never });
    await settle(sync);
    assert.deepEqual(sync.state().pendingOmni, []);
    assert.ok(
      logs.some((l) => l.includes('Omni status Lunch_Break') && l.includes('failed')),
      logs.join('\n'),
    );
    assert.ok(logs.some((l) => l.includes('Omni-Channel has no presence status with API name Lunch_Break')));
  });

  it("starts even when the bridge does not answer, and syncs from Omni's first event", async () => {
    const p = panel();
    const omni = fakeOmni('Available');
    const logs: string[] = [];
    const transport = {
      ...omni.transport,
      currentStatus: () =>
        Promise.reject(
          new Error('getServicePresenceStatusId: no answer from the Omni-Channel bridge in 5000 ms'),
        ),
    };
    const sync = await startOmniSync({
      store: p.store,
      dispatch: p.dispatch,
      transport,
      config: config(),
      clock: { now: () => T0 },
      log: (l) => logs.push(l),
    });
    assert.equal(sync.state().started, false);
    assert.ok(logs.some((l) => l.includes('could not read the Omni-Channel status')));
    omni.agent('Break');
    await settle(sync);
    // The agent's change completes the picture and wins: CIC follows to At Lunch.
    assert.equal(sync.state().started, true);
    assert.deepEqual(
      omni.changes.map((c) => c.to),
      ['Break'],
    );
    assert.deepEqual(p.cicChanges, ['At Lunch']);
  });

  it('CIC logoff during an ACD call: Omni leaves busy; the sync pauses and starts again at logon', async () => {
    const { omni, p, sync } = await start();
    p.store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    await settle(sync);
    p.store.dispatch({ kind: 'obs.session.ended', reason: 'loggedOff' });
    await settle(sync);
    assert.equal(p.store.getState().status.mine, null);
    assert.deepEqual(
      omni.changes.map((c) => c.to),
      ['Busy_On_Phone', 'Available'],
    );
    omni.agent('Break');
    await settle(sync);
    assert.deepEqual(p.cicChanges, []);
    assert.equal(sync.state().started, false);
  });

  it('stop() ends the sync: later changes are not synced', async () => {
    const { omni, p, sync } = await start();
    await sync.stop();
    omni.agent('Break');
    await settle(sync);
    assert.deepEqual(p.cicChanges, []);
  });
});
