import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { LogonErrorKey, PasswordErrorKey, SessionNoticeKey } from '../messages.js';
import { LogonFailure } from '../observations.js';
import { initialSoftphoneState } from '../softphone-state.js';
import { logonInputs, loggedOn, ME, ofKind, run, T0 } from '../testing/fixtures.js';
import { logonErrorKey } from './logon-errors.js';
import { selectSession } from './session-selectors.js';

const [config, serverInfo, logon, connected] = logonInputs() as [Input, Input, Input, Input];
const fresh = () => initialSoftphoneState(T0);
const atLogon = () => run(fresh(), config, serverInfo).state;
const loggingOn = () => run(atLogon(), logon).state;

describe('logon screen', () => {
  it('hides the server field and fetches server info when configuration fixes the server', () => {
    const r = run(fresh(), config);
    assert.deepEqual(ofKind(r.effects, 'cic.fetchServerInfo'), [
      { kind: 'cic.fetchServerInfo', server: 'cic1.example.com' },
    ]);
    assert.equal(selectSession(r.state).showServerField, false);
    const chosen = run(r.state, { kind: 'intent.server.select', server: 'other' });
    assert.equal(chosen.diagnostics[0]?.reason, 'serverFixed');
  });
  it('lets the agent choose a server when configuration does not fix one', () => {
    const r = run(fresh(), { kind: 'intent.server.select', server: ' cic9 ' });
    assert.equal(selectSession(r.state).showServerField, true);
    assert.deepEqual(r.effects, [{ kind: 'cic.fetchServerInfo', server: 'cic9' }]);
    const stale = run(r.state, {
      kind: 'obs.serverInfo',
      server: 'cic1',
      info: { allowIcAuth: true, identityProviders: [], userAgreementText: null },
    });
    assert.equal(stale.diagnostics[0]?.code, 'stale');
  });
  it('offers identity providers from server info, limited by configuration', () => {
    const s = run(
      fresh(),
      {
        ...config,
        config: {
          ...(config as Extract<Input, { kind: 'obs.panel.config' }>).config,
          allowedIdentityProviders: ['adfs'],
        },
      } as Input,
      serverInfo,
    ).state;
    assert.deepEqual(selectSession(s).identityProviders, []);
    assert.deepEqual(selectSession(atLogon()).identityProviders, [{ id: 'okta', displayName: 'Okta' }]);
  });
});

describe('authentication types the call center allows', () => {
  const only = (ic: boolean, sso: boolean) =>
    run(
      fresh(),
      {
        ...config,
        config: {
          ...(config as Extract<Input, { kind: 'obs.panel.config' }>).config,
          allowedAuthTypes: { ic, sso },
        },
      } as Input,
      serverInfo,
    ).state;
  it('SSO only: no CIC authentication offered, and a CIC logon is refused', () => {
    const s = only(false, true);
    assert.equal(selectSession(s).allowIcAuth, false);
    assert.deepEqual(selectSession(s).identityProviders, [{ id: 'okta', displayName: 'Okta' }]);
    const r = run(s, logon);
    assert.equal(r.diagnostics[0]?.reason, 'icAuthNotAllowed');
    assert.deepEqual(ofKind(r.effects, 'cic.logon'), []);
  });
  it('CIC only: no identity provider offered, and an SSO logon is refused', () => {
    const s = only(true, false);
    assert.deepEqual(selectSession(s).identityProviders, []);
    const r = run(s, {
      kind: 'intent.logon',
      auth: { type: 'sso', identityProviderId: 'okta' },
      alwaysUseAuthType: false,
    });
    assert.equal(r.diagnostics[0]?.reason, 'identityProviderNotOffered');
  });
});

describe('intent.logon', () => {
  it('emits cic.logon with the credentials but never keeps the password in state', () => {
    const r = run(atLogon(), logon);
    assert.deepEqual(ofKind(r.effects, 'cic.logon'), [
      {
        kind: 'cic.logon',
        server: 'cic1.example.com',
        auth: { type: 'ic', userId: ME, password: 'secret' },
        alternates: [],
      },
    ]);
    assert.equal(r.state.session.current.phase, 'loggingOn');
    assert.equal(JSON.stringify(r.state).includes('secret'), false);
  });
  it('refuses missing credentials, a missing server, and a second logon', () => {
    const blank = run(atLogon(), {
      kind: 'intent.logon',
      auth: { type: 'ic', userId: ' ', password: 'x' },
      alwaysUseAuthType: false,
    });
    assert.equal(blank.diagnostics[0]?.reason, 'credentialsRequired');
    assert.deepEqual(blank.effects, []);
    const noServer = run(fresh(), logon);
    assert.equal(noServer.diagnostics[0]?.reason, 'serverRequired');
    const twice = run(loggingOn(), logon);
    assert.equal(twice.diagnostics[0]?.code, 'ignoredInPhase');
    assert.deepEqual(ofKind(twice.effects, 'cic.logon'), []);
  });
  it('refuses IC authentication when the server does not allow it', () => {
    const s = run(fresh(), config, {
      kind: 'obs.serverInfo',
      server: 'cic1.example.com',
      info: { allowIcAuth: false, identityProviders: [], userAgreementText: null },
    }).state;
    assert.equal(run(s, logon).diagnostics[0]?.reason, 'icAuthNotAllowed');
  });
  it('logs on with an offered SSO provider and remembers "always use" without credentials', () => {
    const r = run(atLogon(), {
      kind: 'intent.logon',
      auth: { type: 'sso', identityProviderId: 'okta' },
      alwaysUseAuthType: true,
    });
    assert.deepEqual(ofKind(r.effects, 'cic.logon')[0]?.auth, { type: 'sso', identityProviderId: 'okta' });
    assert.deepEqual(ofKind(r.effects, 'storage.saveLogonPrefs'), [
      { kind: 'storage.saveLogonPrefs', prefs: { alwaysUse: { type: 'sso', identityProviderId: 'okta' } } },
    ]);
    const unknown = run(atLogon(), {
      kind: 'intent.logon',
      auth: { type: 'sso', identityProviderId: 'nope' },
      alwaysUseAuthType: false,
    });
    assert.equal(unknown.diagnostics[0]?.reason, 'identityProviderNotOffered');
  });
  it('maps every failure to a plain-language message key and returns to the logon screen', () => {
    for (const reason of Object.values(LogonFailure).filter((r) => r !== 'passwordExpired')) {
      const r = run(loggingOn(), { kind: 'obs.logon.failed', reason, errorId: null });
      assert.equal(r.state.session.current.phase, 'signedOut');
      assert.equal(selectSession(r.state).error, `logon.error.${reason}`);
    }
    assert.equal(logonErrorKey('badCredentials'), LogonErrorKey.badCredentials);
    assert.equal(logonErrorKey('switchoverRedirect'), 'logon.error.switchoverRedirect');
  });
  it('reports a failure nobody waits for', () => {
    const r = run(atLogon(), { kind: 'obs.logon.failed', reason: 'badCredentials', errorId: null });
    assert.equal(r.diagnostics[0]?.code, 'unexpected');
  });
});

describe('session connected', () => {
  it('subscribes, loads the agent preferences and starts the station step', () => {
    const r = run(loggingOn(), connected);
    assert.equal(r.state.session.current.phase, 'active');
    assert.deepEqual(ofKind(r.effects, 'cic.subscribe')[0]?.userId, ME);
    assert.deepEqual(ofKind(r.effects, 'storage.loadUserPrefs'), [
      { kind: 'storage.loadUserPrefs', userId: ME },
    ]);
    assert.equal(r.state.station.step, 'waitingForPrefs');
    assert.equal(selectSession(r.state).connection, 'connected');
  });
  it('asks for the user agreement first; accept continues, reject logs off', () => {
    const s = run(fresh(), ...logonInputs({ agreement: 'Be nice.' }).slice(0, 4)).state;
    assert.equal(s.session.current.phase, 'agreement');
    assert.equal(selectSession(s).agreementText, 'Be nice.');
    const accepted = run(s, { kind: 'intent.agreement.accept' });
    assert.equal(accepted.state.session.current.phase, 'active');
    assert.equal(ofKind(accepted.effects, 'cic.subscribe').length, 1);
    const rejected = run(s, { kind: 'intent.agreement.reject' });
    assert.deepEqual(rejected.effects, [{ kind: 'cic.logoff' }]);
    assert.equal(rejected.state.session.current.phase, 'signingOut');
    assert.equal(selectSession(rejected.state).notice, SessionNoticeKey.agreementRejected);
  });
  it('is unexpected when nobody logged on', () => {
    assert.equal(run(atLogon(), connected).diagnostics[0]?.code, 'unexpected');
  });
  it('reminds about the password only within the warning window', () => {
    const soon = run(loggingOn(), {
      ...(connected as Extract<Input, { kind: 'obs.session.connected' }>),
      daysUntilPasswordExpiration: 3,
    }).state;
    assert.equal(selectSession(soon).passwordReminderDays, 3);
    assert.equal(selectSession(loggedOn()).passwordReminderDays, null);
  });
});

describe('expired and changed passwords', () => {
  const expired = () =>
    run(loggingOn(), { kind: 'obs.logon.failed', reason: 'passwordExpired', errorId: null }).state;
  it('opens the change-password form', () => {
    const s = expired();
    assert.equal(s.session.current.phase, 'passwordExpired');
    assert.deepEqual(selectSession(s).password, { reason: 'expired', status: 'editing', errors: [] });
  });
  it('checks the confirmation before asking the server', () => {
    const r = run(expired(), {
      kind: 'intent.password.change',
      oldPassword: 'a',
      newPassword: 'b',
      confirmPassword: 'c',
    });
    assert.deepEqual(r.effects, []);
    assert.deepEqual(r.state.session.password?.errors, [PasswordErrorKey.mismatch]);
    const empty = run(expired(), {
      kind: 'intent.password.change',
      oldPassword: 'a',
      newPassword: '',
      confirmPassword: '',
    });
    assert.deepEqual(empty.state.session.password?.errors, [PasswordErrorKey.empty]);
  });
  it('shows the policy errors the server names', () => {
    const s = run(expired(), {
      kind: 'intent.password.change',
      oldPassword: 'a',
      newPassword: 'b',
      confirmPassword: 'b',
    });
    assert.deepEqual(s.effects, [{ kind: 'cic.changePassword', oldPassword: 'a', newPassword: 'b' }]);
    assert.equal(s.state.session.password?.status, 'submitting');
    assert.equal(JSON.stringify(s.state).includes('"b"'), false);
    const rejected = run(s.state, { kind: 'obs.password.rejected', errors: ['tooShort', 'tooFewSpecial'] });
    assert.deepEqual(rejected.state.session.password, {
      reason: 'expired',
      status: 'editing',
      errors: [PasswordErrorKey.tooShort, PasswordErrorKey.tooFewSpecial],
    });
  });
  it('returns to the logon screen once changed, or when cancelled', () => {
    const s = run(
      expired(),
      { kind: 'intent.password.change', oldPassword: 'a', newPassword: 'b', confirmPassword: 'b' },
      { kind: 'obs.password.changed' },
    ).state;
    assert.equal(s.session.current.phase, 'signedOut');
    assert.equal(selectSession(s).notice, SessionNoticeKey.passwordChanged);
    const cancelled = run(expired(), { kind: 'intent.password.cancel' }).state;
    assert.equal(cancelled.session.current.phase, 'signedOut');
    assert.equal(cancelled.session.password, null);
  });
  it('changes the password from the menu while logged on', () => {
    const r = run(
      loggedOn(),
      { kind: 'intent.password.open' },
      { kind: 'intent.password.change', oldPassword: 'a', newPassword: 'b', confirmPassword: 'b' },
      { kind: 'obs.password.changed' },
    );
    assert.equal(r.state.session.current.phase, 'active');
    assert.equal(r.state.session.password, null);
    assert.deepEqual(
      r.state.notices.items.map((n) => n.key),
      [SessionNoticeKey.passwordChanged],
    );
    assert.equal(run(loggedOn(), { kind: 'obs.password.changed' }).diagnostics[0]?.code, 'unexpected');
  });
});
