import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { initialSoftphoneState } from '../softphone-state.js';
import { logonInputs, loggedOn, ME, ofKind, run, T0 } from '../testing/fixtures.js';
import { selectSession } from './session-selectors.js';

const [config] = logonInputs() as [Extract<Input, { kind: 'obs.panel.config' }>];

describe('logon preferences', () => {
  it('restores "always use this authentication type" from storage', () => {
    const s = run(initialSoftphoneState(T0), {
      kind: 'obs.storage.logonPrefs',
      prefs: { alwaysUse: { type: 'sso', identityProviderId: 'okta' } },
    }).state;
    assert.deepEqual(selectSession(s).alwaysUse, { type: 'sso', identityProviderId: 'okta' });
    const cleared = run(s, { kind: 'obs.storage.logonPrefs', prefs: null }).state;
    assert.equal(selectSession(cleared).alwaysUse, null);
  });
  it('forgets the saved authentication type when the agent unticks it', () => {
    const s = run(
      initialSoftphoneState(T0),
      ...logonInputs().slice(0, 2),
      { kind: 'obs.storage.logonPrefs', prefs: { alwaysUse: { type: 'ic' } } },
      { kind: 'intent.logon', auth: { type: 'ic', userId: ME, password: 'x' }, alwaysUseAuthType: false },
    );
    assert.deepEqual(ofKind(s.effects, 'storage.saveLogonPrefs'), [
      { kind: 'storage.saveLogonPrefs', prefs: { alwaysUse: null } },
    ]);
  });
  it('shows the server field again when configuration stops fixing the server', () => {
    const s = run(initialSoftphoneState(T0), config, {
      ...config,
      config: { ...config.config, server: null },
    }).state;
    assert.equal(selectSession(s).showServerField, true);
  });
});

describe('user preferences', () => {
  it('ignores preferences stored for another user', () => {
    const r = run(loggedOn(), {
      kind: 'obs.storage.userPrefs',
      userId: 'someone',
      prefs: { ringMuted: true },
    });
    assert.equal(r.diagnostics[0]?.code, 'stale');
    assert.equal(r.state.prefs.value.ringMuted, false);
  });
  it('keeps only well-formed stored values', () => {
    const s = run(initialSoftphoneState(T0), ...logonInputs().slice(0, 4), {
      kind: 'obs.storage.userPrefs',
      userId: ME.toUpperCase(),
      prefs: {
        favourites: 'Available' as unknown as string[],
        station: { kind: 'workstation' } as never,
        ringMuted: 'yes' as unknown as boolean,
      },
    }).state;
    assert.deepEqual(s.prefs, { loaded: true, value: { favourites: [], station: null, ringMuted: false } });
    assert.equal(s.station.step, 'choosing');
  });
});

describe('session odds and ends', () => {
  it('closes a password form opened from the menu without logging off', () => {
    const s = run(loggedOn(), { kind: 'intent.password.open' }, { kind: 'intent.password.cancel' }).state;
    assert.equal(s.session.password, null);
    assert.equal(s.session.current.phase, 'active');
    assert.equal(run(s, { kind: 'intent.password.cancel' }).diagnostics[0]?.code, 'ignoredInPhase');
  });
  it('reports a session end while nobody is logged on', () => {
    const r = run(initialSoftphoneState(T0), { kind: 'obs.session.ended', reason: 'lost' });
    assert.equal(r.diagnostics[0]?.code, 'unexpected');
  });
  it('does not open the password form before logon', () => {
    assert.equal(
      run(initialSoftphoneState(T0), { kind: 'intent.password.open' }).diagnostics[0]?.code,
      'ignoredInPhase',
    );
  });
});
