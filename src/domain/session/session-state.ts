import type { MessageKey } from '../messages.js';

/** An identity provider offered by the server's `server-info` (SSO). */
export interface IdentityProvider {
  readonly id: string;
  readonly displayName: string;
}

/** What the server says about how one may log on. */
export interface ServerInfo {
  readonly allowIcAuth: boolean;
  readonly identityProviders: readonly IdentityProvider[];
  /** Text the agent must accept after authenticating; `null` when the server has none. */
  readonly userAgreementText: string | null;
}

/** How the agent authenticates: CIC user/password or an SSO identity provider. */
export type AuthChoice =
  { readonly type: 'ic' } | { readonly type: 'sso'; readonly identityProviderId: string };

/** Saved per browser when the agent ticks "Always use this authentication type". Never credentials. */
export interface LogonPrefs {
  readonly alwaysUse: AuthChoice | null;
}

/** Facts about the live CIC session. */
export interface SessionInfo {
  readonly sessionId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly icServer: string;
  /** Feature ids and versions from the logon response (`messaging`, `connection`…). */
  readonly features: Readonly<Record<string, number>>;
  /** Hosts to try on reconnect (switchover peer, off-server Session Managers). */
  readonly alternateHosts: readonly string[];
  /** Server clock minus local clock, for "time in status" (0 when unknown). */
  readonly clockSkewMs: number;
  readonly passwordExpiresInDays: number | null;
}

/**
 * The logon life cycle.
 *
 * ```
 *  signedOut ──intent.logon──▶ loggingOn ──obs.session.connected──▶ agreement? ──accept──▶ active
 *      ▲                          │  │                                  │ reject          │
 *      │◀── obs.logon.failed ─────┘  └─ passwordExpired ─▶ passwordExpired                  │
 *      │                                                     │ changed → signedOut        │
 *      └──────────── obs.session.ended ◀── signingOut ◀── intent.logout ◀──────────────────┘
 * ```
 */
export type SessionPhase =
  | { readonly phase: 'signedOut' }
  | { readonly phase: 'loggingOn'; readonly auth: AuthChoice; readonly userId: string | null }
  | { readonly phase: 'passwordExpired'; readonly userId: string | null }
  | { readonly phase: 'agreement'; readonly info: SessionInfo }
  | { readonly phase: 'active'; readonly info: SessionInfo }
  | { readonly phase: 'signingOut'; readonly info: SessionInfo };

/** The change-password form, open either because the password expired or from the menu. */
export interface PasswordChange {
  readonly reason: 'expired' | 'voluntary';
  readonly status: 'editing' | 'submitting';
  readonly errors: readonly MessageKey[];
}

/** Health of the link to the server once logged on. */
export const ConnectionStatus = {
  Connected: 'connected',
  Reconnecting: 'reconnecting',
  Lost: 'lost',
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

/** Everything about logging on and staying logged on. */
export interface SessionArea {
  /** The CIC server; fixed by the call-center configuration when `serverFixed`. */
  readonly server: string | null;
  readonly serverFixed: boolean;
  readonly serverInfo: ServerInfo | null;
  readonly logonPrefs: LogonPrefs;
  readonly current: SessionPhase;
  /** Plain-language reason the last logon failed. */
  readonly error: MessageKey | null;
  /** Something to tell the agent on the logon screen (logged off elsewhere, password changed…). */
  readonly notice: MessageKey | null;
  readonly password: PasswordChange | null;
  readonly connection: {
    readonly status: ConnectionStatus;
    readonly reason: string | null;
    readonly since: number;
  };
}

/** The session area before anything happened. */
export function initialSessionArea(): SessionArea {
  return {
    server: null,
    serverFixed: false,
    serverInfo: null,
    logonPrefs: { alwaysUse: null },
    current: { phase: 'signedOut' },
    error: null,
    notice: null,
    password: null,
    connection: { status: ConnectionStatus.Lost, reason: null, since: 0 },
  };
}

/** The live session's facts when the agent is past authentication, else `null`. */
export function sessionInfo(phase: SessionPhase): SessionInfo | null {
  switch (phase.phase) {
    case 'agreement':
    case 'active':
    case 'signingOut':
      return phase.info;
    case 'signedOut':
    case 'loggingOn':
    case 'passwordExpired':
      return null;
  }
}
