import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Effect } from '../effects.js';
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
} from '../testing/fixtures.js';
import { noPopReason } from './alerting.js';

const kinds = (effects: readonly Effect[]) =>
  effects.filter((e) => !e.kind.startsWith('crm.interactionChanged')).map((e) => e.kind);

describe('alerting', () => {
  it('rings, asks for the panel and screen-pops an alerting inbound call', () => {
    const r = run(loggedOn(), added('1', inbound('A', ALERTING_CAPS), T0 + 1000));
    assert.deepEqual(kinds(r.effects), ['ui.panel.show', 'crm.screenPop', 'ui.ring.start']);
    const pop = ofKind(r.effects, 'crm.screenPop')[0];
    assert.equal(pop?.interactionId, '1');
    assert.equal(pop?.direction, 'inbound');
    assert.equal(pop?.remoteAddress, '+13175551234');
    assert.equal(pop?.attributes['Eic_WorkgroupName'], 'Support');
    assert.equal(r.state.ringing, true);
  });
  it('adds a desktop notification when the page is hidden', () => {
    const r = run(loggedOn({ pageHidden: true }), added('1', inbound('A', ALERTING_CAPS)));
    assert.deepEqual(ofKind(r.effects, 'ui.notify'), [
      {
        kind: 'ui.notify',
        interactionId: '1',
        remoteName: 'Pat Caller',
        remoteAddress: '+13175551234',
        objectType: 'Call',
      },
    ]);
  });
  it('raises each alert exactly once: replayed deltas and re-snapshots repeat nothing', () => {
    const first = run(loggedOn({ pageHidden: true }), added('1', inbound('A', ALERTING_CAPS)));
    const replay = run(
      first.state,
      added('1', inbound('A', ALERTING_CAPS)),
      changed('1', { Eic_State: 'A' }),
      { kind: 'obs.queue.snapshot', interactions: [item('1', inbound('A', ALERTING_CAPS))] },
    );
    assert.deepEqual(replay.effects, []);
    const readded = run(first.state, removed(['1']), added('1', inbound('A', ALERTING_CAPS)));
    assert.deepEqual(ofKind(readded.effects, 'crm.screenPop'), []);
    assert.deepEqual(ofKind(readded.effects, 'ui.notify'), []);
  });
  it('never pops conference, internal, private or outbound interactions', () => {
    const cases: [string, Record<string, string>, string | null][] = [
      ['internal', inbound('A', ALERTING_CAPS, { Eic_CallType: 'I' }), null],
      ['private', inbound('A', ALERTING_CAPS, { Eic_Private: '1' }), null],
      ['conference', inbound('A', ALERTING_CAPS, { Eic_ConferenceId: 'c9' }), null],
      ['conference', inbound('A', ALERTING_CAPS), 'c1'],
      ['outbound', inbound('A', ALERTING_CAPS, { Eic_CallDirection: 'O' }), null],
    ];
    for (const [reason, attributes, parent] of cases) {
      const r = run(loggedOn(), added('1', attributes, undefined, parent));
      assert.deepEqual(ofKind(r.effects, 'crm.screenPop'), [], reason);
      assert.equal(ofKind(r.effects, 'ui.panel.show').length, 1, reason);
      const record = r.state.queue.byId['1'];
      assert.ok(record);
      assert.equal(noPopReason(record, r.state.queue), reason);
    }
  });
  it('treats a conference root as a conference', () => {
    const s = run(
      loggedOn(),
      added('c1', { Eic_State: 'C' }),
      added('2', inbound('C', CONNECTED_CAPS), undefined, 'c1'),
    ).state;
    assert.equal(noPopReason(s.queue.byId['c1']!, s.queue), 'conference');
  });
  it('pops an auto-answered inbound call when it first connects, once', () => {
    const r = run(loggedOn(), added('1', inbound('C', CONNECTED_CAPS)));
    assert.deepEqual(kinds(r.effects), ['crm.screenPop']);
    const picked = run(loggedOn(), added('1', inbound('A', ALERTING_CAPS)), changed('1', { Eic_State: 'C' }));
    assert.equal(ofKind(picked.effects, 'crm.screenPop').length, 1);
  });
  it('tells the CRM layer about every phase change, keyed by revision', () => {
    const r = run(
      loggedOn(),
      added('1', inbound('A', ALERTING_CAPS), T0 + 1000),
      changed('1', { Eic_State: 'C' }, T0 + 3000),
      changed('1', { Eic_State: 'E' }, T0 + 9000),
    );
    const changes = ofKind(r.effects, 'crm.interactionChanged');
    assert.deepEqual(
      changes.map((c) => [c.revision, c.phase, c.connectedAt, c.disconnectedAt]),
      [
        [1, 'alerting', null, null],
        [2, 'connected', T0 + 3000, null],
        [3, 'disconnected', null, T0 + 9000],
      ],
    );
  });
});

describe('ring', () => {
  it('stops when nothing alerts any more', () => {
    const s = run(
      loggedOn(),
      added('1', inbound('A', ALERTING_CAPS)),
      added('2', inbound('A', ALERTING_CAPS)),
    ).state;
    const one = run(s, changed('1', { Eic_State: 'C' }));
    assert.deepEqual(ofKind(one.effects, 'ui.ring.stop'), []);
    const both = run(one.state, changed('2', { Eic_State: 'E' }));
    assert.deepEqual(ofKind(both.effects, 'ui.ring.stop'), [{ kind: 'ui.ring.stop' }]);
    assert.equal(both.state.ringing, false);
  });
  it('stays silent when the agent muted ringing, but still asks for the panel', () => {
    const s = run(loggedOn(), { kind: 'intent.setRingMuted', muted: true }).state;
    const r = run(s, added('1', inbound('A', ALERTING_CAPS)));
    assert.deepEqual(ofKind(r.effects, 'ui.ring.start'), []);
    assert.equal(ofKind(r.effects, 'ui.panel.show').length, 1);
  });
  it('stops when the agent mutes it or logs off', () => {
    const s = run(loggedOn(), added('1', inbound('A', ALERTING_CAPS))).state;
    const muted = run(s, { kind: 'intent.setRingMuted', muted: true });
    assert.deepEqual(ofKind(muted.effects, 'ui.ring.stop').length, 1);
    assert.equal(ofKind(muted.effects, 'storage.saveUserPrefs')[0]?.prefs.ringMuted, true);
    const gone = run(s, { kind: 'obs.session.ended', reason: 'lost' });
    assert.deepEqual(ofKind(gone.effects, 'ui.ring.stop').length, 1);
  });
  it('does not ring without a station', () => {
    const r = run(loggedOn({ station: false }), added('1', inbound('A', ALERTING_CAPS)));
    assert.deepEqual(ofKind(r.effects, 'ui.ring.start'), []);
  });
});
