import { assertNever } from '../diagnostics.js';
import type { SessionIntent } from '../intents.js';
import { PasswordErrorKey, SessionNoticeKey, type MessageKey } from '../messages.js';
import { dismissNotice, pushNotice } from '../notices.js';
import type { SessionObservation } from '../observations.js';
import { clearAgentData, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { restoreStation, stepStationInput, startStationStep } from '../station/station-step.js';
import { watchedAttributes } from '../crm-rules/crm-step.js';
import { logonErrorKey, passwordErrorKey } from './logon-errors.js';
import {
  ConnectionStatus,
  sessionInfo,
  type AuthChoice,
  type SessionArea,
  type SessionInfo,
} from './session-state.js';
import { SUBSCRIPTION_TOPICS, stepPrefsInput } from './prefs-step.js';

type Out = StepOutput;

function withSession(state: SoftphoneState, patch: Partial<SessionArea>): SoftphoneState {
  return { ...state, session: { ...state.session, ...patch } };
}

/**
 * Ends the session locally: agent data cleared, logon screen shown with an optional notice. When
 * the connection was lost (not a logoff) the agent's calls usually carry on at the server and come
 * back in the first snapshot after the next logon: the memory of what was already alerted and
 * screen-popped is kept, so those calls do not pop a second time.
 */
export function endSession(state: SoftphoneState, notice: MessageKey | null): SoftphoneState {
  const lost = notice === SessionNoticeKey.connectionLost || notice === SessionNoticeKey.sessionExpired;
  const fresh = clearAgentData(state);
  const cleared = lost
    ? { ...fresh, queue: { ...fresh.queue, alerted: state.queue.alerted, popped: state.queue.popped } }
    : fresh;
  return withSession(cleared, {
    current: { phase: 'signedOut' },
    notice,
    password: null,
    connection: { status: ConnectionStatus.Lost, reason: null, since: state.now },
  });
}

function enterActive(
  state: SoftphoneState,
  info: SessionInfo,
  effectiveStation: { id: string; displayName: string } | null,
  out: Out,
): SoftphoneState {
  out.emit({
    kind: 'cic.subscribe',
    userId: info.userId,
    topics: SUBSCRIPTION_TOPICS,
    attributes: watchedAttributes(state.crm),
  });
  out.emit({ kind: 'storage.loadUserPrefs', userId: info.userId });
  const active = withSession(state, { current: { phase: 'active', info } });
  return startStationStep(active, effectiveStation);
}

function logon(
  state: SoftphoneState,
  input: Extract<SessionIntent, { kind: 'intent.logon' }>,
  out: Out,
): SoftphoneState {
  const { session } = state;
  if (session.current.phase !== 'signedOut')
    return refuse(state, out, 'ignoredInPhase', session.current.phase);
  if (session.server === null) return refuse(state, out, 'invalid', 'serverRequired');
  const { auth } = input;
  let choice: AuthChoice;
  if (auth.type === 'ic') {
    if (auth.userId.trim() === '' || auth.password === '')
      return refuse(state, out, 'invalid', 'credentialsRequired');
    if ((session.serverInfo !== null && !session.serverInfo.allowIcAuth) || !state.config.allowedAuthTypes.ic)
      return refuse(state, out, 'forbidden', 'icAuthNotAllowed');
    choice = { type: 'ic' };
  } else {
    const offered =
      session.serverInfo?.identityProviders.some((p) => p.id === auth.identityProviderId) ?? false;
    const allowed =
      state.config.allowedAuthTypes.sso &&
      (state.config.allowedIdentityProviders?.includes(auth.identityProviderId) ?? true);
    if (!offered || !allowed) return refuse(state, out, 'forbidden', 'identityProviderNotOffered');
    choice = { type: 'sso', identityProviderId: auth.identityProviderId };
  }
  out.emit({ kind: 'cic.logon', server: session.server, auth, alternates: state.config.alternateServers });
  const alwaysUse = input.alwaysUseAuthType ? choice : null;
  if (JSON.stringify(alwaysUse) !== JSON.stringify(session.logonPrefs.alwaysUse)) {
    out.emit({ kind: 'storage.saveLogonPrefs', prefs: { alwaysUse } });
  }
  return withSession(state, {
    current: { phase: 'loggingOn', auth: choice, userId: auth.type === 'ic' ? auth.userId.trim() : null },
    logonPrefs: { alwaysUse },
    error: null,
    notice: null,
  });
}

function changePassword(
  state: SoftphoneState,
  input: Extract<SessionIntent, { kind: 'intent.password.change' }>,
  out: Out,
): SoftphoneState {
  const form = state.session.password;
  if (form === null || form.status === 'submitting')
    return refuse(state, out, 'ignoredInPhase', 'noPasswordForm');
  const errors: MessageKey[] = [];
  if (input.newPassword === '' || input.oldPassword === '') errors.push(PasswordErrorKey.empty);
  else if (input.newPassword !== input.confirmPassword) errors.push(PasswordErrorKey.mismatch);
  if (errors.length > 0) return withSession(state, { password: { ...form, errors } });
  out.emit({ kind: 'cic.changePassword', oldPassword: input.oldPassword, newPassword: input.newPassword });
  return withSession(state, { password: { ...form, status: 'submitting', errors: [] } });
}

/** Steps an intent about logon, session or station. */
export function stepSessionIntent(state: SoftphoneState, input: SessionIntent, out: Out): SoftphoneState {
  const { session } = state;
  const phase = session.current.phase;
  switch (input.kind) {
    case 'intent.server.select': {
      if (session.serverFixed || phase !== 'signedOut') return refuse(state, out, 'forbidden', 'serverFixed');
      const server = input.server.trim();
      if (server === '') return refuse(state, out, 'invalid', 'serverRequired');
      out.emit({ kind: 'cic.fetchServerInfo', server });
      return withSession(state, { server, serverInfo: null, error: null });
    }
    case 'intent.logon':
      return logon(state, input, out);
    case 'intent.agreement.accept':
      if (session.current.phase !== 'agreement') return refuse(state, out, 'ignoredInPhase', phase);
      return enterActive(state, session.current.info, null, out);
    case 'intent.agreement.reject':
      if (session.current.phase !== 'agreement') return refuse(state, out, 'ignoredInPhase', phase);
      out.emit({ kind: 'cic.logoff' });
      return withSession(state, {
        current: { phase: 'signingOut', info: session.current.info },
        notice: SessionNoticeKey.agreementRejected,
      });
    case 'intent.password.open':
      if (phase !== 'active') return refuse(state, out, 'ignoredInPhase', phase);
      return withSession(state, { password: { reason: 'voluntary', status: 'editing', errors: [] } });
    case 'intent.password.change':
      return changePassword(state, input, out);
    case 'intent.password.cancel':
      if (session.password === null) return refuse(state, out, 'ignoredInPhase', 'noPasswordForm');
      if (session.current.phase === 'passwordExpired')
        return withSession(state, { current: { phase: 'signedOut' }, password: null });
      return withSession(state, { password: null });
    case 'intent.logout': {
      if (session.current.phase !== 'active' && session.current.phase !== 'agreement')
        return refuse(state, out, 'ignoredInPhase', phase);
      out.emit({ kind: 'cic.logoff' });
      return withSession(state, { current: { phase: 'signingOut', info: session.current.info } });
    }
    case 'intent.selectStation':
    case 'intent.changeStation':
    case 'intent.changeStation.cancel':
      return stepStationInput(state, input, out);
    case 'intent.setRingMuted':
      return stepPrefsInput(state, input, out);
    case 'intent.notice.dismiss':
      return { ...state, notices: dismissNotice(state.notices, input.id) };
    default:
      return assertNever(input);
  }
}

function connected(
  state: SoftphoneState,
  input: Extract<SessionObservation, { kind: 'obs.session.connected' }>,
  out: Out,
): SoftphoneState {
  const current = state.session.current;
  const info: SessionInfo = {
    sessionId: input.sessionId,
    userId: input.user.userId,
    displayName: input.user.displayName,
    icServer: input.icServer,
    features: input.features,
    alternateHosts: input.alternateHosts,
    clockSkewMs: input.serverTime === null ? 0 : input.serverTime - state.now,
    passwordExpiresInDays: input.daysUntilPasswordExpiration,
  };
  const link = { status: ConnectionStatus.Connected, reason: null, since: state.now };
  if (current.phase === 'active' && current.info.userId.toLowerCase() === info.userId.toLowerCase()) {
    // A new session after a switchover or lost link: same agent, fresh subscriptions and station.
    out.emit({
      kind: 'cic.subscribe',
      userId: info.userId,
      topics: SUBSCRIPTION_TOPICS,
      attributes: watchedAttributes(state.crm),
    });
    const next = withSession(state, { current: { phase: 'active', info }, connection: link });
    return restoreStation(next, input.effectiveStation, out);
  }
  if (current.phase !== 'loggingOn') return refuse(state, out, 'unexpected', current.phase);
  const base = withSession(state, { connection: link, error: null });
  if ((state.session.serverInfo?.userAgreementText ?? '') !== '') {
    return withSession(base, { current: { phase: 'agreement', info } });
  }
  return enterActive(base, info, input.effectiveStation, out);
}

const END_NOTICE = {
  loggedOff: null,
  lost: SessionNoticeKey.connectionLost,
  replaced: SessionNoticeKey.loggedOffElsewhere,
  expired: SessionNoticeKey.sessionExpired,
} as const;

/** Steps an observation about the session, station, preferences or page. */
export function stepSessionObservation(
  state: SoftphoneState,
  input: SessionObservation,
  out: Out,
): SoftphoneState {
  const { session } = state;
  switch (input.kind) {
    case 'obs.panel.config': {
      const server = input.config.server?.trim() || null;
      const next = { ...state, config: input.config };
      if (server === null) return withSession(next, { serverFixed: false });
      if (server !== session.server && session.current.phase === 'signedOut')
        out.emit({ kind: 'cic.fetchServerInfo', server });
      return withSession(next, {
        server,
        serverFixed: true,
        serverInfo: server === session.server ? session.serverInfo : null,
      });
    }
    case 'obs.serverInfo':
      if (input.server !== session.server) return refuse(state, out, 'stale', 'server');
      return withSession(state, { serverInfo: input.info });
    case 'obs.storage.logonPrefs':
      return withSession(state, { logonPrefs: input.prefs ?? { alwaysUse: null } });
    case 'obs.storage.userPrefs':
    case 'obs.station.changed':
      return input.kind === 'obs.station.changed'
        ? stepStationInput(state, input, out)
        : stepPrefsInput(state, input, out);
    case 'obs.session.connected':
      return connected(state, input, out);
    case 'obs.logon.failed':
      if (session.current.phase === 'active') return stepStationInput(state, input, out);
      if (session.current.phase !== 'loggingOn')
        return refuse(state, out, 'unexpected', session.current.phase);
      if (input.reason === 'passwordExpired') {
        return withSession(state, {
          current: { phase: 'passwordExpired', userId: session.current.userId },
          password: { reason: 'expired', status: 'editing', errors: [] },
          error: logonErrorKey(input.reason),
        });
      }
      return withSession(state, { current: { phase: 'signedOut' }, error: logonErrorKey(input.reason) });
    case 'obs.session.ended':
      if (sessionInfo(session.current) === null)
        return refuse(state, out, 'unexpected', session.current.phase);
      return endSession(state, END_NOTICE[input.reason]);
    case 'obs.connection.state': {
      if (sessionInfo(session.current) === null)
        return refuse(state, out, 'ignoredInPhase', session.current.phase);
      if (input.state === 'down' && !input.shouldReconnect)
        return endSession(state, SessionNoticeKey.connectionLost);
      const status = input.state === 'up' ? ConnectionStatus.Connected : ConnectionStatus.Reconnecting;
      if (status === session.connection.status) return state;
      return withSession(state, { connection: { status, reason: input.reason, since: state.now } });
    }
    case 'obs.password.changed': {
      const form = session.password;
      if (form === null) return refuse(state, out, 'unexpected', 'noPasswordForm');
      if (form.reason === 'expired') {
        return withSession(state, {
          current: { phase: 'signedOut' },
          password: null,
          error: null,
          notice: SessionNoticeKey.passwordChanged,
        });
      }
      const info = sessionInfo(session.current);
      const current =
        session.current.phase === 'active' && info
          ? { phase: 'active' as const, info: { ...info, passwordExpiresInDays: null } }
          : session.current;
      const next = withSession(state, { password: null, current });
      return { ...next, notices: pushNotice(next.notices, SessionNoticeKey.passwordChanged, state.now) };
    }
    case 'obs.password.rejected': {
      const form = session.password;
      if (form === null) return refuse(state, out, 'unexpected', 'noPasswordForm');
      const errors =
        input.errors.length > 0 ? input.errors.map(passwordErrorKey) : [PasswordErrorKey.unknown];
      return withSession(state, { password: { ...form, status: 'editing', errors: [...new Set(errors)] } });
    }
    case 'obs.user.rights':
      return { ...state, entitlements: { rights: [...input.rights], licences: [...input.licences] } };
    case 'obs.page.visibility':
      return { ...state, pageHidden: input.hidden };
    default:
      return assertNever(input);
  }
}
