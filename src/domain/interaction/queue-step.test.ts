import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  added,
  ALERTING_CAPS,
  changed,
  CONNECTED_CAPS,
  inbound,
  item,
  loggedOn,
  ofKind,
  removed,
  run,
  T0,
  wire,
  withCall,
} from '../testing/fixtures.js';
import { initialSoftphoneState } from '../softphone-state.js';
import { selectAlerting, selectInteractions } from './interaction-selectors.js';
import { phaseFromStateLetter, stateClass } from './interaction-phase.js';

describe('Eic_State letters', () => {
  it('map to phases and icon classes', () => {
    const table: Record<string, [string, string]> = {
      '': ['initializing', 'dialing'],
      O: ['offering', 'offering'],
      A: ['alerting', 'alerting'],
      C: ['connected', 'connected'],
      H: ['held', 'held'],
      X: ['held', 'held'],
      M: ['voicemail', 'voicemail'],
      P: ['parked', 'parked'],
      R: ['proceeding', 'dialing'],
      S: ['system', 'dialing'],
      I: ['disconnected', 'disconnected'],
      E: ['disconnected', 'disconnected'],
    };
    for (const [letter, [phase, cls]] of Object.entries(table)) {
      const mapped = phaseFromStateLetter(letter);
      assert.equal(mapped, phase, letter);
      assert.equal(mapped === null ? null : stateClass(mapped), cls, letter);
    }
    assert.equal(phaseFromStateLetter('c'), 'connected');
    assert.equal(phaseFromStateLetter('Z'), null);
  });
});

describe('queue snapshot and deltas', () => {
  it('builds My Interactions from a snapshot and follows deltas', () => {
    const r = run(loggedOn(), {
      kind: 'obs.queue.snapshot',
      interactions: [item('1', inbound('C', CONNECTED_CAPS)), item('2', inbound('A', ALERTING_CAPS))],
      now: T0 + 1000,
    });
    assert.deepEqual(r.state.queue.order, ['1', '2']);
    assert.equal(r.state.queue.byId['2']?.phase, 'alerting');
    const held = run(r.state, changed('1', { Eic_State: 'H' }, T0 + 2000));
    assert.equal(held.state.queue.byId['1']?.phase, 'held');
    assert.equal(held.state.queue.byId['1']?.attributes['Eic_RemoteName'], 'Pat Caller');
    const gone = run(held.state, removed(['2']));
    assert.deepEqual(gone.state.queue.order, ['1']);
  });
  it('replaces attributes on a snapshot and drops interactions it no longer lists', () => {
    const s = run(
      loggedOn(),
      added('1', inbound('C', CONNECTED_CAPS, { Custom: 'x' })),
      added('2', inbound('C', CONNECTED_CAPS)),
    ).state;
    const r = run(s, { kind: 'obs.queue.snapshot', interactions: [item('1', inbound('H', CONNECTED_CAPS))] });
    assert.deepEqual(r.state.queue.order, ['1']);
    assert.equal(r.state.queue.byId['1']?.attributes['Custom'], undefined);
    assert.equal(r.state.queue.byId['1']?.phase, 'held');
  });
  it('normalises attribute names', () => {
    const s = run(loggedOn(), added('1', { eic_state: 'C', EIC_REMOTENAME: 'Lee' })).state;
    assert.equal(s.queue.byId['1']?.attributes['Eic_RemoteName'], 'Lee');
    assert.equal(s.queue.byId['1']?.phase, 'connected');
  });
  it('records diagnostics for duplicate adds, unknown changes and removals, and keeps going', () => {
    const s = withCall('1', 'A', ALERTING_CAPS);
    const dup = run(s, added('1', { Eic_RemoteName: 'New Name' }));
    assert.equal(dup.diagnostics[0]?.code, 'duplicateAdd');
    assert.equal(dup.state.queue.byId['1']?.attributes['Eic_RemoteName'], 'New Name');
    assert.equal(dup.state.queue.byId['1']?.phase, 'alerting');
    const unknown = run(s, changed('9', { Eic_State: 'C' }));
    assert.deepEqual(
      unknown.diagnostics.map((d) => [d.code, d.interactionId]),
      [['unknownInteraction', '9']],
    );
    assert.equal(unknown.state.queue.byId['9'], undefined);
    const gone = run(s, removed(['9']));
    assert.equal(gone.diagnostics[0]?.code, 'unknownInteraction');
  });
  it('ignores late updates that would revive a disconnected interaction', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), changed('1', { Eic_State: 'E' })).state;
    const late = run(s, changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }));
    assert.equal(late.diagnostics[0]?.code, 'lateUpdate');
    assert.equal(late.state.queue.byId['1']?.phase, 'disconnected');
    assert.deepEqual(late.state, s);
    assert.deepEqual(late.effects, []);
  });
  it('keeps the phase for an unknown state letter', () => {
    const r = run(withCall('1', 'C', CONNECTED_CAPS), changed('1', { Eic_State: 'Q' }));
    assert.equal(r.diagnostics[0]?.code, 'unknownStateLetter');
    assert.equal(r.state.queue.byId['1']?.phase, 'connected');
  });
  it('applies a delta that arrives before the snapshot, with a diagnostic', () => {
    const s = run(initialSoftphoneState(T0), ...[]).state;
    assert.equal(run(s, added('1', inbound('A', ALERTING_CAPS))).diagnostics[0]?.code, 'ignoredInPhase');
    const active = loggedOn();
    const noSnapshot = { ...active, queue: { ...active.queue, snapshotReceived: false } };
    const r = run(noSnapshot, added('1', inbound('A', ALERTING_CAPS)));
    assert.equal(r.diagnostics[0]?.code, 'deltaBeforeSnapshot');
    assert.equal(r.state.queue.byId['1']?.phase, 'alerting');
  });
  it('counts phase changes (revision) and ignores repeats', () => {
    const s = withCall('1', 'A', ALERTING_CAPS);
    assert.equal(s.queue.byId['1']?.revision, 1);
    const same = run(s, changed('1', { Eic_State: 'A' }));
    assert.equal(same.state.queue.byId['1']?.revision, 1);
    assert.deepEqual(ofKind(same.effects, 'crm.interactionChanged'), []);
    const up = run(s, changed('1', { Eic_State: 'C' }));
    assert.equal(up.state.queue.byId['1']?.revision, 2);
    assert.equal(ofKind(up.effects, 'crm.interactionChanged')[0]?.phase, 'connected');
  });
});

describe('selection', () => {
  it('selects a new interaction when nothing live is selected', () => {
    const s = withCall('1', 'A', ALERTING_CAPS);
    assert.equal(s.queue.selectedId, '1');
    const second = run(s, added('2', inbound('A', ALERTING_CAPS)));
    assert.equal(second.state.queue.selectedId, '1');
  });
  it('moves on from a disconnected selection to the oldest live interaction', () => {
    const s = run(
      withCall('1', 'C', CONNECTED_CAPS),
      added('2', inbound('H', CONNECTED_CAPS)),
      added('3', inbound('A', ALERTING_CAPS)),
    ).state;
    const r = run(s, changed('1', { Eic_State: 'I' }));
    assert.equal(r.state.queue.selectedId, '2');
  });
  it('keeps a disconnected selection when nothing else is live, and clears it on removal', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), changed('1', { Eic_State: 'I' })).state;
    assert.equal(s.queue.selectedId, '1');
    assert.equal(run(s, removed(['1'])).state.queue.selectedId, null);
  });
  it('selects on intent and refuses unknown ids', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), added('2', inbound('H', CONNECTED_CAPS))).state;
    assert.equal(run(s, { kind: 'intent.select', interactionId: '2' as never }).state.queue.selectedId, '2');
    assert.equal(
      run(s, { kind: 'intent.select', interactionId: '9' as never }).diagnostics[0]?.code,
      'unknownInteraction',
    );
  });
});

describe('selectInteractions', () => {
  it('applies the name rule, state class, state text and duration at now', () => {
    const s = run(
      loggedOn(),
      added(
        '1',
        inbound('C', CONNECTED_CAPS, { Eic_InitiationTime: wire(-30), Eic_CallStateString: 'Connected' }),
        T0 + 1000,
      ),
      added(
        '2',
        { ...inbound('A', ALERTING_CAPS), Eic_RemoteName: '', Eic_RemoteId: '', Eic_RemoteAddress: '7002' },
        T0 + 2000,
      ),
      { kind: 'clock.tick', now: T0 + 61_000 },
    ).state;
    const rows = selectInteractions(s);
    assert.deepEqual(
      rows.map((r) => [r.id, r.name, r.stateClass, r.stateText, r.duration]),
      [
        ['1', 'Pat Caller', 'connected', 'Connected', '00:01:31'],
        ['2', '7002', 'alerting', 'Alerting', '00:00:59'],
      ],
    );
    assert.equal(rows[0]?.selected, true);
    assert.equal(rows[0]?.direction, 'inbound');
    assert.equal(selectAlerting(s)?.id, '2');
  });
  it('lists live interactions before disconnected ones and stops the clock at disconnect', () => {
    const s = run(
      withCall('1', 'C', CONNECTED_CAPS),
      added('2', inbound('C', CONNECTED_CAPS), T0 + 2000),
      changed('1', { Eic_State: 'E' }, T0 + 11_000),
      { kind: 'clock.tick', now: T0 + 100_000 },
    ).state;
    const rows = selectInteractions(s);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['2', '1'],
    );
    assert.equal(rows[1]?.duration, '00:00:10');
  });
  it('nests conference members under the conference and counts participants', () => {
    const s = run(
      loggedOn(),
      added('c1', { Eic_State: 'C', Eic_ObjectType: 'Conference' }),
      added('1', inbound('C', CONNECTED_CAPS), undefined, 'c1'),
      added('2', inbound('H', CONNECTED_CAPS), undefined, 'c1'),
      added('3', inbound('A', ALERTING_CAPS)),
    ).state;
    const rows = selectInteractions(s);
    assert.deepEqual(
      rows.map((r) => [r.id, r.parentId]),
      [
        ['c1', null],
        ['1', 'c1'],
        ['2', 'c1'],
        ['3', null],
      ],
    );
    assert.equal(rows[0]?.isConference, true);
    assert.equal(rows[0]?.participants, 2);
    assert.equal(rows[0]?.name, '');
  });
});
