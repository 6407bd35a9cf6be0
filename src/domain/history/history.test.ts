import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggedOn, run, T0 } from '../testing/fixtures.js';
import { selectCallHistory } from './history-selectors.js';
import type { HistoryEntry } from './history-state.js';

const entry = (id: string, minutesAgo: number, patch: Partial<HistoryEntry>): HistoryEntry => ({
  interactionId: id,
  direction: 'incoming',
  outcome: 'connected',
  initiatedAt: T0 - minutesAgo * 60_000,
  terminatedAt: T0 - minutesAgo * 60_000 + 90_000,
  remoteAddress: `555000${id}`,
  remoteName: '',
  remoteId: '',
  ...patch,
});
const entries = [
  entry('1', 50, { outcome: 'none' }),
  entry('2', 40, { direction: 'outgoing', remoteName: 'Pat' }),
  entry('3', 30, {}),
  entry('4', 20, { outcome: 'forwarded' }),
  entry('5', 10, { direction: 'outgoing', outcome: 'none', terminatedAt: null }),
];

describe('call history', () => {
  const s = () => run(loggedOn(), { kind: 'obs.history', isDelta: false, entries }).state;
  it('lists newest first with name, number and duration', () => {
    const rows = selectCallHistory(s());
    assert.deepEqual(
      rows.map((r) => r.interactionId),
      ['5', '4', '3', '2', '1'],
    );
    assert.equal(rows[3]?.name, 'Pat');
    assert.equal(rows[2]?.name, '5550003');
    assert.equal(rows[2]?.durationMs, 90_000);
    assert.equal(rows[0]?.durationMs, null);
    assert.equal(rows[0]?.canDial, true);
  });
  it('filters missed, outgoing, answered and forwarded calls', () => {
    const ids = (filter: Parameters<typeof selectCallHistory>[1]) =>
      selectCallHistory(s(), filter).map((r) => r.interactionId);
    assert.deepEqual(ids('missed'), ['1']);
    assert.deepEqual(ids('outgoing'), ['5', '2']);
    assert.deepEqual(ids('answered'), ['3']);
    assert.deepEqual(ids('forwarded'), ['4']);
    assert.deepEqual(ids('all'), ['5', '4', '3', '2', '1']);
  });
  it('merges deltas by interaction id', () => {
    const r = run(s(), {
      kind: 'obs.history',
      isDelta: true,
      entries: [entry('1', 50, { outcome: 'connected' }), entry('6', 1, {})],
    }).state;
    assert.deepEqual(
      selectCallHistory(r).map((x) => x.interactionId),
      ['6', '5', '4', '3', '2', '1'],
    );
    assert.deepEqual(selectCallHistory(r, 'missed'), []);
  });
  it('keeps at most 300 calls and 3 days', () => {
    const many = Array.from({ length: 310 }, (_, i) => entry(String(i), i, {}));
    const old = entry('old', 4 * 24 * 60, {});
    const r = run(loggedOn(), { kind: 'obs.history', isDelta: false, entries: [...many, old] }).state;
    assert.equal(r.history.entries.length, 300);
    assert.equal(
      r.history.entries.some((e) => e.interactionId === 'old'),
      false,
    );
    assert.equal(r.history.entries[0]?.interactionId, '0');
  });
  it('turns dialing off for a Limited Agent', () => {
    const r = run(loggedOn({ station: false }), { kind: 'obs.history', isDelta: false, entries }).state;
    assert.equal(
      selectCallHistory(r).every((row) => !row.canDial),
      true,
    );
  });
});
