import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectKey } from './effects.js';
import { isIntent, type Input } from './inputs.js';
import { initialSoftphoneState } from './softphone-state.js';
import { step } from './step.js';
import {
  added,
  ALERTING_CAPS,
  changed,
  CONNECTED_CAPS,
  HELD_CAPS,
  iid,
  inbound,
  logonInputs,
  loggedOn,
  ofKind,
  removed,
  run,
  sid,
  T0,
  wire,
} from './testing/fixtures.js';

/** A working morning: logon, statuses, calls, consult, conference, wrap-up, directory, history. */
function morning(): Input[] {
  const at = (s: number) => T0 + s * 1000;
  return [
    ...logonInputs({ agreement: 'Calls are recorded.', pageHidden: true }),
    {
      kind: 'obs.status.previous',
      entries: [{ statusId: 'Available, Forward', notes: '', forwardNumber: '555' }],
    },
    {
      kind: 'obs.activations',
      isDelta: false,
      workgroups: [{ workgroup: 'Support', active: true, canActivate: true }],
    },
    { kind: 'obs.config.accountCodes', enabled: true, codes: [{ id: '100', description: 'General' }] },
    { kind: 'intent.toggleFavourite', statusId: sid('At Lunch') },
    {
      kind: 'intent.setStatus',
      statusId: sid('At Lunch'),
      notes: 'back 1pm',
      until: { at: at(3600), hasDate: false, hasTime: true },
      now: at(5),
    },
    {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [
        {
          userId: 'agent1',
          statusId: 'At Lunch',
          notes: 'back 1pm',
          until: { at: at(3600), hasDate: false, hasTime: true },
          changedAt: at(6),
        },
      ],
      now: at(6),
    },
    { kind: 'intent.setStatus', statusId: sid('Available'), now: at(60) },
    {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: 'agent1', statusId: 'Available', notes: '', until: null, changedAt: at(61) }],
      now: at(61),
    },
    added('1', inbound('A', ALERTING_CAPS, { Eic_InitiationTime: wire(70) }), at(70)),
    added('1', inbound('A', ALERTING_CAPS)),
    { kind: 'intent.pickup', interactionId: iid('1'), now: at(72) },
    changed(
      '1',
      { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS), Eic_ConnectTime: wire(72) },
      at(73),
    ),
    { kind: 'intent.record', interactionId: iid('1') },
    changed('1', { Eic_Recorders: 'agent1' }, at(75)),
    { kind: 'intent.securePause', interactionId: iid('1'), now: at(80) },
    changed(
      '1',
      { Eic_SecureRecordingPauseStartTime: wire(80), Eic_RecordingsAutoResumeTime: wire(140) },
      at(81),
    ),
    { kind: 'intent.transfer.search', interactionId: iid('1'), text: 'bo', targetTypes: ['user'] },
    {
      kind: 'obs.transfer.results',
      requestId: 'r1',
      candidates: [
        {
          target: { kind: 'user', userId: 'bob', displayName: 'Bob' },
          extension: '7002',
          firstName: 'Bob',
          lastName: 'Bee',
          statusId: 'Available',
          loggedIn: true,
          onPhone: false,
        },
      ],
    },
    {
      kind: 'intent.consult.start',
      interactionId: iid('1'),
      target: { kind: 'user', userId: 'bob', displayName: 'Bob' },
      now: at(90),
    },
    { kind: 'obs.consult.started', interactionId: iid('1'), consultId: 'k1', consultInteractionId: iid('2') },
    changed('1', { Eic_State: 'H', Eic_Capabilities: String(HELD_CAPS) }, at(91)),
    added(
      '2',
      { ...inbound('C', CONNECTED_CAPS), Eic_CallDirection: 'O', Eic_CallType: 'I', Eic_IsConsult: '1' },
      at(92),
    ),
    { kind: 'intent.consult.both' },
    { kind: 'obs.consult.audience', consultId: 'k1', audience: 'both' },
    { kind: 'intent.consult.cancel', now: at(120) },
    changed('2', { Eic_State: 'I' }, at(121)),
    removed(['2'], at(122)),
    changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, at(123)),
    added('3', inbound('A', ALERTING_CAPS, { Eic_RemoteName: 'Sam' }), at(130)),
    { kind: 'intent.pickup', interactionId: iid('3') },
    changed('1', { Eic_State: 'H', Eic_Capabilities: String(HELD_CAPS) }, at(131)),
    changed('3', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, at(131)),
    { kind: 'intent.conference', targetId: iid('3'), droppedId: iid('1'), now: at(140) },
    {
      kind: 'obs.queue.delta',
      added: [{ interactionId: iid('9'), attributes: { Eic_State: 'C' } }],
      changed: [
        { interactionId: iid('1'), attributes: { Eic_State: 'C' }, conferenceParentId: '9' },
        { interactionId: iid('3'), attributes: {}, conferenceParentId: '9' },
      ],
      removed: [],
      now: at(141),
    },
    {
      kind: 'obs.connection.state',
      state: 'reconnecting',
      reason: 'network',
      shouldReconnect: true,
      now: at(150),
    },
    { kind: 'obs.connection.state', state: 'up', reason: null, shouldReconnect: false, now: at(160) },
    changed('1', { Eic_State: 'E' }, at(200)),
    changed('3', { Eic_State: 'I' }, at(201)),
    changed('9', { Eic_State: 'I' }, at(201)),
    { kind: 'clock.tick', now: at(210) },
    { kind: 'intent.assignWrapUp', interactionId: iid('3'), codeId: 'W1' },
    { kind: 'obs.wrapUp.assigned', interactionId: iid('3'), codeId: 'W1' },
    {
      kind: 'obs.history',
      isDelta: false,
      entries: [
        {
          interactionId: '1',
          direction: 'incoming',
          outcome: 'connected',
          initiatedAt: T0 + 70_000,
          terminatedAt: T0 + 200_000,
          remoteAddress: '+13175551234',
          remoteName: 'Pat Caller',
          remoteId: '',
        },
      ],
    },
    { kind: 'intent.directory.search', text: 'b' },
    {
      kind: 'obs.directory.page',
      requestId: 'r2',
      index: 0,
      totalCount: 1,
      filteredCount: 1,
      entries: [
        {
          entryId: 'e1',
          userId: 'bob',
          displayName: '',
          firstName: 'Bob',
          lastName: 'Bee',
          extension: '7002',
          number: '',
        },
      ],
    },
    {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: 'bob', statusId: 'At Lunch', loggedIn: true, onPhone: false }],
    },
    removed(['1', '3', '9'], at(320)),
    {
      kind: 'intent.dial',
      number: '3175550000',
      source: 'history',
      advanced: { accountCodeId: '100', workgroup: 'Support' },
      now: at(330),
    },
    { kind: 'obs.call.created', requestId: 'r3', interactionId: iid('4') },
    added('4', { ...inbound('R', CONNECTED_CAPS), Eic_CallDirection: 'O' }, at(331)),
    { kind: 'clock.tick', now: at(400) },
  ];
}

describe('step', () => {
  it('keeps the state plain JSON through a long scenario', () => {
    const r = run(initialSoftphoneState(T0), ...morning());
    assert.equal(r.state.session.current.phase, 'active');
    assert.deepEqual(JSON.parse(JSON.stringify(r.state)), r.state);
    assert.equal(JSON.stringify(r.state).includes('secret'), false);
  });
  it('behaves the same on a JSON copy of the state (a mirroring tab)', () => {
    const inputs = morning();
    let original = initialSoftphoneState(T0);
    let mirror = initialSoftphoneState(T0);
    for (const input of inputs) {
      const a = step(original, input);
      const b = step(JSON.parse(JSON.stringify(mirror)), input);
      assert.deepEqual(b.effects, a.effects, input.kind);
      original = a.state;
      mirror = b.state;
    }
    assert.deepEqual(mirror, original);
  });
  it("produces the scenario's key effects exactly once", () => {
    const r = run(initialSoftphoneState(T0), ...morning());
    assert.deepEqual(
      ofKind(r.effects, 'crm.screenPop').map((e) => e.interactionId),
      ['1', '3'],
    );
    assert.deepEqual(
      ofKind(r.effects, 'ui.notify').map((e) => e.interactionId),
      ['1', '3'],
    );
    assert.deepEqual(
      ofKind(r.effects, 'cic.assignWrapUp').map((e) => e.interactionId),
      ['3'],
    );
    assert.equal(ofKind(r.effects, 'cic.createCall')[0]?.accountCodeId, '100');
    assert.equal(r.state.wrapUp.prompts.length, 0);
  });
  it('never moves time backwards and keeps the state when time is absent', () => {
    const s = loggedOn();
    const later = step(s, { kind: 'clock.tick', now: T0 + 5000 }).state;
    assert.equal(later.now, T0 + 5000);
    assert.equal(step(later, { kind: 'clock.tick', now: T0 }).state.now, T0 + 5000);
    assert.equal(step(later, { kind: 'obs.page.visibility', hidden: false }).state.now, T0 + 5000);
    assert.equal(step(later, { kind: 'clock.tick', now: Number.NaN }).state.now, T0 + 5000);
  });
  it('leaves the state untouched for an ignored input', () => {
    const s = initialSoftphoneState(T0);
    const r = step(s, { kind: 'intent.pickup', interactionId: iid('1') });
    assert.equal(r.state, s);
    assert.equal(r.diagnostics[0]?.input, 'intent.pickup');
  });
  it('tells intents from observations', () => {
    assert.equal(isIntent({ kind: 'intent.logout' }), true);
    assert.equal(isIntent({ kind: 'clock.tick', now: 1 }), false);
    assert.equal(isIntent({ kind: 'obs.page.visibility', hidden: true }), false);
  });
});

describe('effect keys in the scenario', () => {
  it('keys every effect the scenario produced', () => {
    const r = run(initialSoftphoneState(T0), ...morning());
    for (const effect of r.effects)
      assert.match(effectKey(effect), new RegExp(`^${effect.kind.replace(/\./g, '\\.')}`));
  });
});
