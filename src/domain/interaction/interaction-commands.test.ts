import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InteractionIntent } from '../intents.js';
import {
  added,
  ALERTING_CAPS,
  changed,
  CONNECTED_CAPS,
  HELD_CAPS,
  iid,
  inbound,
  item,
  loggedOn,
  ofKind,
  run,
  T0,
  withCall,
} from '../testing/fixtures.js';
import { PENDING_TIMEOUT_MS } from './controls.js';

const on = (
  kind: Exclude<InteractionIntent['kind'], 'intent.dtmf' | 'intent.conference' | 'intent.assignWrapUp'>,
  id = '1',
  now?: number,
): InteractionIntent =>
  ({ kind, interactionId: iid(id), ...(now === undefined ? {} : { now }) }) as InteractionIntent;

describe('pickup', () => {
  it('emits cic.pickup and leaves the phase to the server', () => {
    const s = withCall('1', 'A', ALERTING_CAPS);
    const r = run(s, on('intent.pickup'));
    assert.deepEqual(r.effects, [{ kind: 'cic.pickup', interactionId: '1' }]);
    assert.equal(r.state.queue.byId['1']?.phase, 'alerting');
    assert.equal(r.state.ringing, true);
    const confirmed = run(
      r.state,
      changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }),
    );
    assert.equal(confirmed.state.queue.byId['1']?.phase, 'connected');
    assert.equal(confirmed.state.queue.byId['1']?.pending, null);
    assert.deepEqual(ofKind(confirmed.effects, 'ui.ring.stop').length, 1);
  });
  it('refuses a second pickup while the first is in flight, then allows a retry', () => {
    const s = run(withCall('1', 'A', ALERTING_CAPS), on('intent.pickup', '1', T0 + 2000)).state;
    const again = run(s, on('intent.pickup'));
    assert.deepEqual(again.effects, []);
    assert.equal(again.diagnostics[0]?.code, 'duplicate');
    const retry = run(s, on('intent.pickup', '1', T0 + 2000 + PENDING_TIMEOUT_MS));
    assert.equal(retry.effects.length, 1);
  });
  it('is forbidden on a held call without the Pickup bit', () => {
    const s = withCall('1', 'H', CONNECTED_CAPS);
    const r = run(s, on('intent.pickup'));
    assert.deepEqual(r.effects, []);
    assert.deepEqual([r.diagnostics[0]?.code, r.diagnostics[0]?.reason], ['forbidden', 'notAllowedNow']);
  });
  it('refuses unknown interactions and commands before logon', () => {
    assert.equal(run(loggedOn(), on('intent.pickup', '9')).diagnostics[0]?.code, 'unknownInteraction');
    const s = withCall('1', 'A', ALERTING_CAPS);
    const signedOut = { ...s, session: { ...s.session, current: { phase: 'signedOut' as const } } };
    assert.equal(run(signedOut, on('intent.pickup')).diagnostics[0]?.code, 'ignoredInPhase');
  });
  it('clears the in-flight mark and shows a notice when the server refuses', () => {
    const s = run(withCall('1', 'A', ALERTING_CAPS), on('intent.pickup')).state;
    const r = run(s, {
      kind: 'obs.command.failed',
      operation: 'pickup',
      interactionId: iid('1'),
      requestId: null,
      errorKind: 'rejected',
      errorId: 'error.x',
      message: 'no',
    });
    assert.equal(r.state.queue.byId['1']?.pending, null);
    assert.deepEqual(
      r.state.notices.items.map((n) => [n.key, n.interactionId]),
      [['command.error.rejected', '1']],
    );
    assert.equal(
      run(r.state, { kind: 'intent.notice.dismiss', id: r.state.notices.items[0]!.id }).state.notices.items
        .length,
      0,
    );
  });
});

describe('toggles', () => {
  it('holds a connected call and resumes a held one', () => {
    assert.deepEqual(run(withCall('1', 'C', CONNECTED_CAPS), on('intent.hold')).effects, [
      { kind: 'cic.hold', interactionId: '1', on: true },
    ]);
    assert.deepEqual(run(withCall('1', 'H', HELD_CAPS), on('intent.hold')).effects, [
      { kind: 'cic.hold', interactionId: '1', on: false },
    ]);
  });
  it('mutes and unmutes from Eic_Muted', () => {
    assert.deepEqual(run(withCall('1', 'C', CONNECTED_CAPS), on('intent.mute')).effects, [
      { kind: 'cic.mute', interactionId: '1', on: true },
    ]);
    const muted = withCall('1', 'C', CONNECTED_CAPS, {}, { Eic_Muted: '1' });
    const r = run(muted, on('intent.mute'));
    assert.deepEqual(r.effects, [{ kind: 'cic.mute', interactionId: '1', on: false }]);
    const confirmed = run(r.state, changed('1', { Eic_Muted: '0' }));
    assert.equal(confirmed.state.queue.byId['1']?.pending, null);
  });
  it('starts and stops recording and snipping', () => {
    assert.deepEqual(run(withCall('1', 'C', CONNECTED_CAPS), on('intent.record')).effects, [
      { kind: 'cic.record', interactionId: '1', on: true },
    ]);
    const recording = withCall('1', 'C', CONNECTED_CAPS, {}, { Eic_Recorders: 'agent1' });
    assert.deepEqual(run(recording, on('intent.record')).effects, [
      { kind: 'cic.record', interactionId: '1', on: false },
    ]);
    assert.deepEqual(run(withCall('1', 'C', CONNECTED_CAPS), on('intent.snip')).effects, [
      { kind: 'cic.snip', interactionId: '1', on: true },
    ]);
    assert.deepEqual(
      run(withCall('1', 'C', CONNECTED_CAPS, {}, { Eic_IRSnippetRecordingId: 's' }), on('intent.snip'))
        .effects,
      [{ kind: 'cic.snip', interactionId: '1', on: false }],
    );
  });
});

describe('other controls', () => {
  it('disconnects (declines an alerting call too) and sends to voicemail', () => {
    assert.deepEqual(run(withCall('1', 'A', ALERTING_CAPS), on('intent.disconnect')).effects, [
      { kind: 'cic.disconnect', interactionId: '1' },
    ]);
    assert.deepEqual(run(withCall('1', 'A', ALERTING_CAPS), on('intent.voicemail')).effects, [
      { kind: 'cic.sendToVoicemail', interactionId: '1' },
    ]);
  });
  it('sends DTMF digits to a connected call only', () => {
    const dtmf = (digits: string) => ({ kind: 'intent.dtmf' as const, interactionId: iid('1'), digits });
    assert.deepEqual(run(withCall('1', 'C', CONNECTED_CAPS), dtmf('12#*')).effects, [
      { kind: 'cic.sendDigits', interactionId: '1', digits: '12#*' },
    ]);
    assert.equal(run(withCall('1', 'C', CONNECTED_CAPS), dtmf('12a')).diagnostics[0]?.reason, 'digits');
    assert.equal(run(withCall('1', 'H', HELD_CAPS), dtmf('1')).diagnostics[0]?.reason, 'notAllowedNow');
  });
});

describe('double-click (intent.activate)', () => {
  it('picks up an alerting interaction', () => {
    const r = run(withCall('1', 'A', ALERTING_CAPS), { kind: 'intent.activate', interactionId: iid('1') });
    assert.deepEqual(r.effects, [{ kind: 'cic.pickup', interactionId: '1' }]);
  });
  it('redials a disconnected interaction', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), changed('1', { Eic_State: 'E' })).state;
    const r = run(s, { kind: 'intent.activate', interactionId: iid('1') });
    assert.deepEqual(r.effects, [
      {
        kind: 'cic.createCall',
        requestId: 'r1',
        target: '+13175551234',
        workgroup: null,
        accountCodeId: null,
      },
    ]);
    assert.equal(r.state.dial.pending?.source, 'redial');
  });
  it('only selects anything else', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), added('2', inbound('H', HELD_CAPS))).state;
    const r = run(s, { kind: 'intent.activate', interactionId: iid('2') });
    assert.deepEqual(r.effects, []);
    assert.equal(r.state.queue.selectedId, '2');
  });
});

describe('conference', () => {
  const two = () => run(withCall('1', 'C', CONNECTED_CAPS), added('2', inbound('H', HELD_CAPS))).state;
  it('creates a conference from the call underneath and the dropped call', () => {
    const r = run(two(), { kind: 'intent.conference', targetId: iid('1'), droppedId: iid('2') });
    assert.deepEqual(r.effects, [{ kind: 'cic.conference.create', interactionIds: ['1', '2'] }]);
    assert.equal(r.state.queue.byId['2']?.suppressWrapUp, true);
    assert.equal(r.state.queue.byId['1']?.suppressWrapUp, false);
    assert.equal(r.state.queue.byId['1']?.pending?.op, 'conference');
    const joined = run(r.state, {
      kind: 'obs.queue.delta',
      added: [item('9', { Eic_State: 'C' })],
      changed: [item('1', {}, '9'), item('2', {}, '9')],
      removed: [],
    }).state;
    assert.equal(joined.queue.byId['1']?.pending, null);
    assert.equal(joined.queue.byId['2']?.pending, null);
  });
  it('adds a call to an existing conference', () => {
    const s = run(
      loggedOn(),
      added('c1', { Eic_State: 'C' }),
      added('1', inbound('C', CONNECTED_CAPS), undefined, 'c1'),
      added('2', inbound('C', CONNECTED_CAPS), undefined, 'c1'),
      added('3', inbound('H', HELD_CAPS)),
    ).state;
    assert.deepEqual(
      run(s, { kind: 'intent.conference', targetId: iid('c1'), droppedId: iid('3') }).effects,
      [{ kind: 'cic.conference.add', conferenceId: 'c1', interactionIds: ['3'] }],
    );
    assert.deepEqual(run(s, { kind: 'intent.conference', targetId: iid('1'), droppedId: iid('3') }).effects, [
      { kind: 'cic.conference.add', conferenceId: 'c1', interactionIds: ['3'] },
    ]);
  });
  it('refuses one call, unknown calls, alerting calls and missing rights', () => {
    assert.equal(
      run(two(), { kind: 'intent.conference', targetId: iid('1'), droppedId: iid('1') }).diagnostics[0]
        ?.reason,
      'sameInteraction',
    );
    assert.equal(
      run(two(), { kind: 'intent.conference', targetId: iid('1'), droppedId: iid('9') }).diagnostics[0]?.code,
      'unknownInteraction',
    );
    const alerting = run(withCall('1', 'C', CONNECTED_CAPS), added('2', inbound('A', ALERTING_CAPS))).state;
    assert.equal(
      run(alerting, { kind: 'intent.conference', targetId: iid('1'), droppedId: iid('2') }).diagnostics[0]
        ?.reason,
      'needsTwoConnectedCalls',
    );
  });
});
