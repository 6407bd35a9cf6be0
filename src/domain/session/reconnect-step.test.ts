import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { SessionNoticeKey } from '../messages.js';
import {
  added,
  CONNECTED_CAPS,
  inbound,
  item,
  logonInputs,
  loggedOn,
  ofKind,
  run,
} from '../testing/fixtures.js';
import { selectSession } from './session-selectors.js';

type Connected = Extract<Input, { kind: 'obs.session.connected' }>;
const connectedInput = logonInputs().find((i): i is Connected => i.kind === 'obs.session.connected');
if (connectedInput === undefined) throw new Error('fixture without obs.session.connected');
const newSession = (sessionId: string, effectiveStation: Connected['effectiveStation'] = null): Input => ({
  ...connectedInput,
  sessionId,
  effectiveStation,
});
const snapshot = (...ids: string[]): Input => ({
  kind: 'obs.queue.snapshot',
  interactions: ids.map((id) => item(id, inbound('C', CONNECTED_CAPS))),
});

/** Logged on with connected call 100 already screen-popped. */
function withPoppedCall() {
  const r = run(loggedOn(), added('100', inbound('C', CONNECTED_CAPS)));
  assert.equal(ofKind(r.effects, 'crm.screenPop').length, 1, 'the call popped once');
  return r.state;
}

describe('reconnect: reconciling after a new session or a fresh snapshot', () => {
  it('a fresh snapshot re-adding a popped call (same or new session) pops nothing and changes nothing', () => {
    const s = withPoppedCall();
    const again = run(
      s,
      { kind: 'obs.connection.state', state: 'up', reason: null, shouldReconnect: false },
      snapshot('100'),
    );
    assert.deepEqual(ofKind(again.effects, 'crm.screenPop'), []);
    assert.deepEqual(ofKind(again.effects, 'crm.interactionChanged'), []);
    const relogged = run(s, newSession('s2'), snapshot('100'));
    assert.deepEqual(ofKind(relogged.effects, 'crm.screenPop'), []);
    assert.deepEqual(ofKind(relogged.effects, 'crm.interactionChanged'), []);
    assert.equal(relogged.state.queue.order.length, 1);
  });

  it('after a lost session and a manual logon, the call that carried on does not pop again', () => {
    const s = withPoppedCall();
    const lost = run(s, { kind: 'obs.session.ended', reason: 'lost' });
    assert.equal(lost.state.session.current.phase, 'signedOut');
    assert.equal(selectSession(lost.state).notice, SessionNoticeKey.connectionLost);
    assert.deepEqual(lost.state.queue.byId, {}, 'agent data cleared');
    const back = run(lost.state, ...logonInputs().slice(2), snapshot('100'));
    assert.equal(back.state.session.current.phase, 'active');
    assert.deepEqual(ofKind(back.effects, 'crm.screenPop'), []);
    assert.ok(back.state.queue.byId['100']);
  });

  it('after a logoff the memory goes: a later logon pops the call (it is new to this agent session)', () => {
    const s = withPoppedCall();
    const out = run(s, { kind: 'obs.session.ended', reason: 'loggedOff' });
    const back = run(out.state, ...logonInputs().slice(2), snapshot('100'));
    assert.equal(ofKind(back.effects, 'crm.screenPop').length, 1);
  });

  it('a new session whose server still has the station keeps the station type the panel set', () => {
    const s = withPoppedCall();
    const r = run(s, newSession('s2', { id: '7001', displayName: '7001' }));
    assert.deepEqual(ofKind(r.effects, 'cic.setStation'), [], 'nothing to re-create');
    assert.equal(r.state.station.step, 'ready');
    assert.equal(r.state.station.current?.kind, 'workstation');
    // A later session without the station re-creates it from that type.
    const later = run(r.state, newSession('s3'));
    assert.deepEqual(ofKind(later.effects, 'cic.setStation'), [
      { kind: 'cic.setStation', choice: { kind: 'workstation', name: '7001' } },
    ]);
  });

  it('a different station reported by the server is taken as it is', () => {
    const r = run(withPoppedCall(), newSession('s2', { id: '7009', displayName: 'Desk 9' }));
    assert.equal(r.state.station.current?.kind, 'existing');
    assert.equal(r.state.station.current?.id, '7009');
  });

  it('shows reconnecting while the port reconnects, connected once the new session is there', () => {
    const s = withPoppedCall();
    const down = run(s, {
      kind: 'obs.connection.state',
      state: 'down',
      reason: 'dropped',
      shouldReconnect: true,
    });
    assert.equal(selectSession(down.state).connection, 'reconnecting');
    assert.equal(down.state.session.current.phase, 'active');
    const up = run(down.state, newSession('s2'));
    assert.equal(selectSession(up.state).connection, 'connected');
    assert.equal(ofKind(up.effects, 'cic.subscribe').length, 1);
  });
});
