import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Effect } from '../effects.js';
import type { Input } from '../inputs.js';
import { initialSoftphoneState, type SoftphoneState } from '../softphone-state.js';
import {
  ALERTING_CAPS,
  changed,
  CONNECTED_CAPS,
  iid,
  inbound,
  item,
  logonInputs,
  loggedOn,
  added,
  ofKind,
  removed,
  run,
  T0,
} from '../testing/fixtures.js';
import { defaultCrmSettings } from './crm-config.js';
import { MAX_STORED_LOGS, selectDurableCallLogs } from './crm-restore.js';
import { selectCallLog } from './crm-selectors.js';
import type { CallLog, OutboxEntry } from './crm-state.js';

const TASK = '00TDm0000000099IAA';
const ready: Input = { kind: 'obs.crm.ready', settings: defaultCrmSettings(), problems: [] };
const saves = (r: { effects: readonly Effect[] }) => ofKind(r.effects, 'crm.saveLog');
const finds = (r: { effects: readonly Effect[] }) => ofKind(r.effects, 'crm.findLog');
const snapshot = (interactions: ReturnType<typeof item>[], now?: number): Input => ({
  kind: 'obs.queue.snapshot',
  interactions,
  ...(now === undefined ? {} : { now }),
});

/** Page one: logged on, Open CTI ready, call 1 connected at T0+5s (the create is in flight). */
function firstPage(): ReturnType<typeof run> {
  return run(
    loggedOn(),
    ready,
    added('1', inbound('A', ALERTING_CAPS), T0 + 1000),
    changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, T0 + 5000),
  );
}

/** Page two (after a reload): logged on again, Open CTI ready, no My Interactions snapshot yet. */
function secondPage(): SoftphoneState {
  const inputs = logonInputs().filter((input) => input.kind !== 'obs.queue.snapshot');
  return run(initialSoftphoneState(T0 + 60_000), ...inputs, { ...ready, now: T0 + 61_000 }).state;
}

function restoredFrom(state: SoftphoneState, userId = 'agent1'): Input {
  const { logs, outbox } = selectDurableCallLogs(state);
  // What storage gives back is plain JSON.
  return JSON.parse(JSON.stringify({ kind: 'obs.crm.logsRestored', userId, logs, outbox, now: T0 + 62_000 })) as Input;
}

const liveCall = snapshot([item('1', inbound('C', CONNECTED_CAPS))], T0 + 63_000);

describe('durable call logs: restoring the outbox after a reload', () => {
  it('a Task created before the reload is updated afterwards, never created again', () => {
    const one = firstPage();
    const seq = saves(one)[0]?.seq ?? -1;
    const saved = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK, now: T0 + 6000 });
    const two = run(secondPage(), restoredFrom(saved.state), liveCall);
    assert.deepEqual(saves(two), [], 'nothing to write while the call is live and nothing changed');
    assert.equal(two.state.crm.logs['1']?.taskId, TASK);
    assert.equal(two.state.crm.logs['1']?.connectedAt, T0 + 5000, 'the first connect, from before the reload');
    const ended = run(
      two.state,
      changed('1', { Eic_State: 'I', Eic_Capabilities: '0' }, T0 + 95_000),
    );
    const updates = saves(ended);
    assert.equal(updates.length, 1);
    assert.equal(updates[0]?.taskId, TASK);
    assert.equal(updates[0]?.fields['CallDurationInSeconds'], 90);
    assert.equal(updates[0]?.fields['TaskSubtype'], undefined, 'an update');
  });

  it('restored logs wait for the first snapshot: a live call is not taken for one that ended', () => {
    const one = firstPage();
    const seq = saves(one)[0]?.seq ?? -1;
    const saved = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK });
    const held = run(secondPage(), restoredFrom(saved.state));
    assert.notEqual(held.state.crm.restored, null);
    assert.equal(held.state.crm.logs['1'], undefined);
    const merged = run(held.state, liveCall);
    assert.equal(merged.state.crm.restored, null);
    assert.equal(merged.state.crm.logs['1']?.disconnectedAt, null);
  });

  it('a create in flight when the page died is looked up first; found → the Task is updated', () => {
    const one = firstPage();
    assert.equal(saves(one).length, 1);
    const two = run(secondPage(), restoredFrom(one.state), liveCall);
    assert.deepEqual(saves(two), [], 'no second create');
    const lookup = finds(two);
    assert.equal(lookup.length, 1);
    assert.equal(lookup[0]?.callObject, '1');
    assert.equal(selectCallLog(two.state, '1')?.save.status, 'saving');
    const found = run(two.state, { kind: 'obs.crm.logFound', interactionId: iid('1'), seq: lookup[0]?.seq ?? -1, taskId: TASK });
    assert.equal(found.state.crm.logs['1']?.taskId, TASK);
    assert.deepEqual(saves(found), [], 'the Task holds what the lost create carried');
    const ended = run(found.state, changed('1', { Eic_State: 'I', Eic_Capabilities: '0' }, T0 + 95_000));
    assert.equal(saves(ended)[0]?.taskId, TASK);
    assert.equal(saves(ended)[0]?.fields['CallDurationInSeconds'], 90);
  });

  it('… not found → created once', () => {
    const two = run(secondPage(), restoredFrom(firstPage().state), liveCall);
    const seq = finds(two)[0]?.seq ?? -1;
    const none = run(two.state, { kind: 'obs.crm.logFound', interactionId: iid('1'), seq, taskId: null });
    const creates = saves(none);
    assert.equal(creates.length, 1);
    assert.equal(creates[0]?.taskId, null);
    assert.equal(creates[0]?.fields['CallObject'], '1');
    assert.ok(creates[0]!.seq > seq, 'sequence numbers keep rising past the restored ones');
  });

  it('a failed lookup is retried as a lookup, never as a create', () => {
    const two = run(secondPage(), restoredFrom(firstPage().state), liveCall);
    const seq = finds(two)[0]?.seq ?? -1;
    const failed = run(two.state, { kind: 'obs.crm.logFailed', interactionId: iid('1'), seq, message: 'Could not load Apex class: CicCallLogLookup', now: T0 + 64_000 });
    assert.equal(failed.state.crm.outbox['1']?.status, 'failed');
    const later = run(failed.state, { kind: 'clock.tick', now: T0 + 64_000 + 5_000 });
    assert.deepEqual(saves(later), []);
    assert.equal(finds(later).length, 1);
  });

  it('a stale or unexpected lookup answer changes nothing', () => {
    const two = run(secondPage(), restoredFrom(firstPage().state), liveCall);
    const stale = run(two.state, { kind: 'obs.crm.logFound', interactionId: iid('1'), seq: 999, taskId: TASK });
    assert.equal(stale.state, two.state);
    assert.equal(stale.diagnostics[0]?.code, 'stale');
  });

  it('entries Salesforce already confirmed are dropped; this page’s own writes win', () => {
    const one = firstPage();
    const seq = saves(one)[0]?.seq ?? -1;
    const confirmed = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK }).state;
    // Stored while the create was in flight, restored into a state that knows the Task.
    const merged = run(confirmed, { ...restoredFrom(one.state), now: T0 + 7000 });
    assert.deepEqual(merged.state.crm.outbox, {});
    assert.deepEqual(finds(merged), []);
    assert.equal(merged.state.crm.logs['1']?.taskId, TASK);
  });

  it('logs of a call that ended while the page was gone are finished and written', () => {
    const one = firstPage();
    const seq = saves(one)[0]?.seq ?? -1;
    const saved = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK });
    const two = run(secondPage(), restoredFrom(saved.state), snapshot([], T0 + 63_000));
    const update = saves(two);
    assert.equal(update.length, 1);
    assert.equal(update[0]?.taskId, TASK);
    assert.equal(update[0]?.fields['CallDurationInSeconds'], 58, 'ended no later than the snapshot that lacks it');
  });

  it('stored logs of another user are not merged', () => {
    const two = run(secondPage(), restoredFrom(firstPage().state, 'agent2'), liveCall);
    assert.equal(two.state.crm.restored, null);
    assert.equal(two.diagnostics.some((d) => d.reason === 'restoredForAnotherUser'), true);
    assert.equal(two.state.crm.logs['1']?.taskId ?? null, null);
    assert.equal(saves(two).length, 1, 'this user’s own rules apply: a create');
  });
});

describe('durable call logs: a tab taking over from a leader that died', () => {
  it('a create the old leader had in flight is looked up, an update is sent again', () => {
    const one = firstPage();
    const inherited = run(one.state, { kind: 'obs.crm.outboxInherited', now: T0 + 6000 });
    assert.deepEqual(saves(inherited), []);
    assert.equal(finds(inherited).length, 1);

    const seq = saves(one)[0]?.seq ?? -1;
    const saved = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK });
    const ending = run(saved.state, changed('1', { Eic_State: 'I', Eic_Capabilities: '0' }, T0 + 20_000));
    assert.equal(saves(ending).length, 1);
    const again = run(ending.state, { kind: 'obs.crm.outboxInherited', now: T0 + 21_000 });
    assert.equal(saves(again).length, 1);
    assert.equal(saves(again)[0]?.taskId, TASK);
    assert.deepEqual(saves(again)[0]?.fields, saves(ending)[0]?.fields);
  });

  it('nothing in flight: the state is left as it is', () => {
    const idle = loggedOn();
    assert.equal(run(idle, { kind: 'obs.crm.outboxInherited' }).state, idle);
  });
});

describe('durable call logs: what is stored', () => {
  const log = (id: string, connectedAt: number | null): CallLog => ({
    ...(firstPage().state.crm.logs['1'] as CallLog),
    interactionId: id,
    connectedAt,
  });
  const entry = (id: string): OutboxEntry => ({
    interactionId: id,
    seq: 1,
    taskId: null,
    fields: {},
    status: 'failed',
    uncertain: false,
    attempts: 1,
    error: 'x',
    retryAt: null,
  });

  it('connected logs and the outbox; at most MAX_STORED_LOGS logs, those owing a write first', () => {
    const base = loggedOn();
    const logs: Record<string, CallLog> = { never: log('never', null) };
    for (let i = 0; i < MAX_STORED_LOGS + 10; i += 1) logs[`c${i}`] = log(`c${i}`, T0 + i);
    const state: SoftphoneState = { ...base, crm: { ...base.crm, logs, outbox: { c0: entry('c0') } } };
    const stored = selectDurableCallLogs(state);
    assert.equal(stored.logs.length, MAX_STORED_LOGS);
    assert.ok(!stored.logs.some((l) => l.interactionId === 'never'));
    assert.ok(stored.logs.some((l) => l.interactionId === 'c0'), 'the oldest, but it owes a write');
    assert.ok(stored.logs.some((l) => l.interactionId === `c${MAX_STORED_LOGS + 9}`));
    assert.ok(!stored.logs.some((l) => l.interactionId === 'c1'));
    assert.deepEqual(stored.outbox.map((e) => e.interactionId), ['c0']);
  });

  it('removed calls: nothing left to store once the Task is written and the edit window closed', () => {
    const one = firstPage();
    const seq = saves(one)[0]?.seq ?? -1;
    const saved = run(one.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq, taskId: TASK });
    const ended = run(saved.state, changed('1', { Eic_State: 'I', Eic_Capabilities: '0' }, T0 + 20_000));
    const done = run(ended.state, { kind: 'obs.crm.logSaved', interactionId: iid('1'), seq: saves(ended)[0]?.seq ?? -1, taskId: TASK }, removed(['1'], T0 + 21_000), { kind: 'clock.tick', now: T0 + 20_000 + defaultCrmSettings().callLog.editWindowMs + 1 });
    assert.deepEqual(selectDurableCallLogs(done.state), { logs: [], outbox: [] });
  });
});
