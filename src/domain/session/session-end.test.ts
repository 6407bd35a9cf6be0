import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactEffect } from '../effects.js';
import { redactInput, type Input } from '../inputs.js';
import { SessionNoticeKey } from '../messages.js';
import { initialSoftphoneState } from '../softphone-state.js';
import {
  added,
  CONNECTED_CAPS,
  inbound,
  logonInputs,
  loggedOn,
  ME,
  ofKind,
  run,
  T0,
} from '../testing/fixtures.js';
import { selectSession } from './session-selectors.js';

const [, , logon, connected] = logonInputs() as [Input, Input, Input, Input];
const fresh = () => initialSoftphoneState(T0);

describe('connection and session end', () => {
  it('tracks reconnecting and connected', () => {
    const r = run(loggedOn(), {
      kind: 'obs.connection.state',
      state: 'reconnecting',
      reason: 'network',
      shouldReconnect: true,
      now: T0 + 5000,
    });
    assert.equal(selectSession(r.state).connection, 'reconnecting');
    const down = run(r.state, {
      kind: 'obs.connection.state',
      state: 'down',
      reason: 'switchover',
      shouldReconnect: true,
    });
    assert.equal(selectSession(down.state).connection, 'reconnecting');
    const up = run(down.state, {
      kind: 'obs.connection.state',
      state: 'up',
      reason: null,
      shouldReconnect: false,
    });
    assert.equal(selectSession(up.state).connection, 'connected');
  });
  it('ends the session when the link is down for good, clearing agent data', () => {
    const s = run(loggedOn(), added('100', inbound('C', CONNECTED_CAPS))).state;
    const r = run(s, { kind: 'obs.connection.state', state: 'down', reason: 'gone', shouldReconnect: false });
    assert.equal(r.state.session.current.phase, 'signedOut');
    assert.equal(selectSession(r.state).notice, SessionNoticeKey.connectionLost);
    assert.deepEqual(r.state.queue.byId, {});
    assert.equal(r.state.status.mine, null);
    assert.equal(r.state.session.server, 'cic1.example.com');
  });
  it('keeps the agent data across a new session for the same user (switchover)', () => {
    const s = run(loggedOn(), added('100', inbound('C', CONNECTED_CAPS))).state;
    const r = run(s, {
      ...(connected as Extract<Input, { kind: 'obs.session.connected' }>),
      sessionId: 's2',
    });
    assert.equal(r.state.session.current.phase === 'active' && r.state.session.current.info.sessionId, 's2');
    assert.equal(ofKind(r.effects, 'cic.subscribe').length, 1);
    assert.ok(r.state.queue.byId['100']);
    assert.deepEqual(ofKind(r.effects, 'cic.setStation'), [
      { kind: 'cic.setStation', choice: { kind: 'workstation', name: '7001' } },
    ]);
    assert.equal(r.state.station.requested?.auto, true);
    const restored = run(r.state, {
      kind: 'obs.station.changed',
      station: {
        kind: 'workstation',
        id: '7001',
        displayName: '7001',
        remoteNumber: null,
        persistent: false,
      },
    });
    assert.deepEqual(ofKind(restored.effects, 'storage.saveUserPrefs'), []);
    assert.equal(restored.state.station.step, 'ready');
  });
  it('re-creates a remote number station, and asks again for a station it cannot re-create', () => {
    const base = loggedOn();
    const remote = {
      ...base,
      station: {
        ...base.station,
        current: {
          kind: 'remoteNumber' as const,
          id: 'r',
          displayName: 'r',
          remoteNumber: '555',
          persistent: true,
        },
      },
    };
    const again = { ...(connected as Extract<Input, { kind: 'obs.session.connected' }>), sessionId: 's2' };
    assert.deepEqual(ofKind(run(remote, again).effects, 'cic.setStation')[0]?.choice, {
      kind: 'remoteNumber',
      number: '555',
      persistent: true,
    });
    const existing = {
      ...base,
      station: {
        ...base.station,
        current: {
          kind: 'existing' as const,
          id: 'x',
          displayName: 'x',
          remoteNumber: null,
          persistent: false,
        },
      },
    };
    const r = run(existing, again);
    assert.deepEqual(ofKind(r.effects, 'cic.setStation'), []);
    assert.equal(r.state.station.step, 'choosing');
    const withEffective = run(existing, { ...again, effectiveStation: { id: '7005', displayName: '7005' } });
    assert.equal(withEffective.state.station.current?.id, '7005');
    assert.equal(withEffective.state.station.step, 'ready');
  });
  it('tells the agent when a later logon elsewhere replaced the session', () => {
    const r = run(loggedOn(), { kind: 'obs.session.ended', reason: 'replaced' });
    assert.equal(selectSession(r.state).notice, SessionNoticeKey.loggedOffElsewhere);
  });
  it('logs out through signingOut', () => {
    const r = run(loggedOn(), { kind: 'intent.logout' });
    assert.deepEqual(r.effects, [{ kind: 'cic.logoff' }]);
    assert.equal(r.state.session.current.phase, 'signingOut');
    const done = run(r.state, { kind: 'obs.session.ended', reason: 'loggedOff' });
    assert.equal(done.state.session.current.phase, 'signedOut');
    assert.equal(selectSession(done.state).notice, null);
    assert.equal(run(done.state, { kind: 'intent.logout' }).diagnostics[0]?.code, 'ignoredInPhase');
    assert.equal(
      run(fresh(), { kind: 'obs.connection.state', state: 'up', reason: null, shouldReconnect: false })
        .diagnostics[0]?.code,
      'ignoredInPhase',
    );
  });
});

describe('redaction', () => {
  it('hides passwords in inputs and effects for logs and mirroring', () => {
    assert.deepEqual(redactInput(logon), { ...logon, auth: { type: 'ic', userId: ME, password: '***' } });
    assert.deepEqual(redactEffect({ kind: 'cic.changePassword', oldPassword: 'a', newPassword: 'b' }), {
      kind: 'cic.changePassword',
      oldPassword: '***',
      newPassword: '***',
    });
    const sso: Input = {
      kind: 'intent.logon',
      auth: { type: 'sso', identityProviderId: 'okta' },
      alwaysUseAuthType: false,
    };
    assert.equal(redactInput(sso), sso);
  });
});
