import type { MessageKey } from '../messages.js';
import type { SoftphoneState } from '../softphone-state.js';
import type {
  AuthChoice,
  ConnectionStatus,
  IdentityProvider,
  PasswordChange,
  SessionPhase,
} from './session-state.js';

/** What the logon screen and the session chrome show. */
export interface SessionView {
  readonly phase: SessionPhase['phase'];
  /** The server field shows only when configuration does not fix the server. */
  readonly showServerField: boolean;
  readonly server: string | null;
  readonly allowIcAuth: boolean;
  readonly identityProviders: readonly IdentityProvider[];
  readonly alwaysUse: AuthChoice | null;
  readonly error: MessageKey | null;
  readonly notice: MessageKey | null;
  readonly agreementText: string | null;
  readonly password: PasswordChange | null;
  readonly connection: ConnectionStatus | null;
  readonly userDisplayName: string | null;
  /** Days until the password expires, when within the reminder window. */
  readonly passwordReminderDays: number | null;
}

/** The session as the logon screen and header render it. */
export function selectSession(state: SoftphoneState): SessionView {
  const s = state.session;
  const info =
    s.current.phase === 'agreement' || s.current.phase === 'active' || s.current.phase === 'signingOut'
      ? s.current.info
      : null;
  const allowed = state.config.allowedIdentityProviders;
  const providers = state.config.allowedAuthTypes.sso
    ? (s.serverInfo?.identityProviders ?? []).filter((p) => allowed === null || allowed.includes(p.id))
    : [];
  const days = info?.passwordExpiresInDays ?? null;
  return {
    phase: s.current.phase,
    showServerField: !s.serverFixed,
    server: s.server,
    allowIcAuth: (s.serverInfo?.allowIcAuth ?? true) && state.config.allowedAuthTypes.ic,
    identityProviders: providers,
    alwaysUse: s.logonPrefs.alwaysUse,
    error: s.error,
    notice: s.notice,
    agreementText: s.current.phase === 'agreement' ? (s.serverInfo?.userAgreementText ?? null) : null,
    password: s.password,
    connection: info === null ? null : s.connection.status,
    userDisplayName: info?.displayName ?? null,
    passwordReminderDays:
      days !== null && days <= state.config.passwordWarningDays ? Math.max(0, days) : null,
  };
}
