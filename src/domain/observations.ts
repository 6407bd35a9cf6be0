import type { InteractionId } from './ids.js';
import type { PanelConfig } from './panel-config.js';
import type { LogonPrefs, ServerInfo } from './session/session-state.js';
import type { StationChoice, StationInfo } from './station/station-state.js';
import type { StatusMessage, StatusUntil } from './status/status-state.js';
import type { Audience, TransferCandidate } from './transfer/transfer-state.js';
import type { AccountCode } from './dial/dial-state.js';
import type { WrapUpCode } from './wrap-up/wrap-up-state.js';
import type { DirectoryEntry } from './directory/directory-state.js';
import type { HistoryEntry } from './history/history-state.js';
import type { CrmSettings } from './crm-rules/crm-config.js';
import type { CrmRecordRef } from './crm-rules/crm-records.js';
import type { CallLog, CrmSettingProblem, OutboxEntry } from './crm-rules/crm-state.js';

interface At {
  readonly now?: number;
}

/** Why a logon (or the station step of it) failed, as the client classified the server's answer. */
export const LogonFailure = {
  BadCredentials: 'badCredentials',
  Unreachable: 'unreachable',
  PasswordExpired: 'passwordExpired',
  SwitchoverRedirect: 'switchoverRedirect',
  ServerUnavailable: 'serverUnavailable',
  StationInUse: 'stationInUse',
  StationNotFound: 'stationNotFound',
  StationAccessDenied: 'stationAccessDenied',
  NoStationLicence: 'noStationLicence',
  LicenceUnavailable: 'licenceUnavailable',
  SsoFailed: 'ssoFailed',
  SsoUnavailable: 'ssoUnavailable',
  Unknown: 'unknown',
} as const;
export type LogonFailure = (typeof LogonFailure)[keyof typeof LogonFailure];

/** ICWS `passwordPolicyErrorId` names (0–12). */
export type PasswordPolicyError =
  | 'unknown'
  | 'recentlyUsed'
  | 'tooYoung'
  | 'tooShort'
  | 'tooFewUniqueDigits'
  | 'allSequentialDigits'
  | 'accountLockedOut'
  | 'doesntMatch'
  | 'accessDenied'
  | 'tooFewUpper'
  | 'tooFewLower'
  | 'tooFewNumeric'
  | 'tooFewSpecial';

/** One interaction in a queue message; `attributes` holds only what changed in a delta. */
export interface QueueItem {
  readonly interactionId: InteractionId;
  readonly attributes: Readonly<Record<string, string>>;
  readonly conferenceParentId?: string | null;
}

/** A user status as a `userStatusMessage` carries it; in a delta only changed fields are present. */
export interface UserStatusUpdate {
  readonly userId: string;
  readonly statusId?: string;
  readonly notes?: string;
  readonly forwardNumber?: string;
  readonly until?: StatusUntil | null;
  readonly loggedIn?: boolean;
  readonly onPhone?: boolean;
  /** `statusChanged`, epoch ms. */
  readonly changedAt?: number | null;
}

/** Operations a command failure can name. */
export type CommandOperation =
  | 'pickup'
  | 'hold'
  | 'mute'
  | 'disconnect'
  | 'record'
  | 'snip'
  | 'securePause'
  | 'voicemail'
  | 'dtmf'
  | 'createCall'
  | 'blindTransfer'
  | 'consultStart'
  | 'consultAudience'
  | 'consultConclude'
  | 'consultCancel'
  | 'conference'
  | 'assignWrapUp'
  | 'setStatus'
  | 'setActivation'
  | 'directoryPage'
  | 'transferSearch'
  | 'changePassword'
  | 'logoff';

/** How the client classified a failed command (`CicError.kind` plus HTTP meaning). */
export type CommandErrorKind = 'rejected' | 'forbidden' | 'notFound' | 'network' | 'session' | 'unknown';

/** Observations about the session, the station and configuration. */
export type SessionObservation = At &
  (
    | { readonly kind: 'obs.panel.config'; readonly config: PanelConfig }
    | { readonly kind: 'obs.serverInfo'; readonly server: string; readonly info: ServerInfo }
    | { readonly kind: 'obs.storage.logonPrefs'; readonly prefs: LogonPrefs | null }
    | {
        readonly kind: 'obs.storage.userPrefs';
        readonly userId: string;
        readonly prefs: {
          readonly favourites?: readonly string[];
          readonly station?: StationChoice | null;
          readonly ringMuted?: boolean;
        } | null;
      }
    | {
        readonly kind: 'obs.session.connected';
        readonly sessionId: string;
        readonly user: { readonly userId: string; readonly displayName: string };
        readonly icServer: string;
        readonly features: Readonly<Record<string, number>>;
        readonly effectiveStation: { readonly id: string; readonly displayName: string } | null;
        readonly alternateHosts: readonly string[];
        /** Server UTC time at logon (epoch ms), for clock skew. */
        readonly serverTime: number | null;
        readonly daysUntilPasswordExpiration: number | null;
      }
    | { readonly kind: 'obs.logon.failed'; readonly reason: LogonFailure; readonly errorId: string | null }
    | { readonly kind: 'obs.session.ended'; readonly reason: 'loggedOff' | 'lost' | 'replaced' | 'expired' }
    | {
        readonly kind: 'obs.connection.state';
        readonly state: 'up' | 'reconnecting' | 'down';
        readonly reason: string | null;
        readonly shouldReconnect: boolean;
      }
    | { readonly kind: 'obs.password.changed' }
    | { readonly kind: 'obs.password.rejected'; readonly errors: readonly PasswordPolicyError[] }
    | {
        readonly kind: 'obs.user.rights';
        readonly rights: readonly string[];
        readonly licences: readonly string[];
      }
    | { readonly kind: 'obs.station.changed'; readonly station: StationInfo | null }
    | { readonly kind: 'obs.page.visibility'; readonly hidden: boolean }
  );

/** Observations about statuses. */
export type StatusObservation = At &
  (
    | {
        readonly kind: 'obs.status.catalog';
        readonly isDelta: boolean;
        readonly upserted: readonly StatusMessage[];
        readonly removed: readonly string[];
      }
    | {
        readonly kind: 'obs.status.access';
        readonly userId: string;
        readonly isDelta: boolean;
        readonly added: readonly string[];
        readonly removed: readonly string[];
      }
    | {
        readonly kind: 'obs.status.user';
        readonly isDelta: boolean;
        readonly statuses: readonly UserStatusUpdate[];
      }
    | {
        readonly kind: 'obs.status.previous';
        readonly entries: readonly {
          readonly statusId: string;
          readonly notes: string;
          readonly forwardNumber: string;
        }[];
      }
    | {
        readonly kind: 'obs.activations';
        readonly isDelta: boolean;
        readonly workgroups: readonly {
          readonly workgroup: string;
          readonly active: boolean;
          readonly canActivate: boolean;
        }[];
      }
  );

/** Observations about My Interactions and commands on them. */
export type QueueObservation = At &
  (
    | { readonly kind: 'obs.queue.snapshot'; readonly interactions: readonly QueueItem[] }
    | {
        readonly kind: 'obs.queue.delta';
        readonly added: readonly QueueItem[];
        readonly changed: readonly QueueItem[];
        readonly removed: readonly InteractionId[];
      }
    | { readonly kind: 'obs.call.created'; readonly requestId: string; readonly interactionId: InteractionId }
    | {
        readonly kind: 'obs.command.failed';
        readonly operation: CommandOperation;
        readonly interactionId: InteractionId | null;
        readonly requestId: string | null;
        readonly errorKind: CommandErrorKind;
        readonly errorId: string | null;
        readonly message: string | null;
      }
    | {
        readonly kind: 'obs.consult.started';
        readonly interactionId: InteractionId;
        readonly consultId: string;
        readonly consultInteractionId: InteractionId;
      }
    | { readonly kind: 'obs.consult.audience'; readonly consultId: string; readonly audience: Audience }
    | { readonly kind: 'obs.consult.ended'; readonly consultId: string }
    | { readonly kind: 'obs.wrapUp.assigned'; readonly interactionId: InteractionId; readonly codeId: string }
  );

/** Observations of configuration lists, directory, history and search results. */
export type DataObservation = At &
  (
    | {
        readonly kind: 'obs.config.wrapUpCodes';
        readonly workgroups: readonly { readonly workgroup: string; readonly codes: readonly WrapUpCode[] }[];
      }
    | {
        readonly kind: 'obs.config.accountCodes';
        readonly enabled: boolean;
        readonly codes: readonly AccountCode[];
      }
    | {
        readonly kind: 'obs.directory.page';
        readonly requestId: string;
        readonly index: number;
        readonly totalCount: number;
        readonly filteredCount: number;
        readonly entries: readonly DirectoryEntry[];
      }
    | {
        readonly kind: 'obs.transfer.results';
        readonly requestId: string;
        readonly candidates: readonly TransferCandidate[];
      }
    | { readonly kind: 'obs.history'; readonly isDelta: boolean; readonly entries: readonly HistoryEntry[] }
  );

/** Observations from the CRM (Salesforce Open CTI). */
export type CrmObservation = At &
  (
    /** Open CTI answered; the call-center settings as validated (problems name the setting). */
    | { readonly kind: 'obs.crm.ready'; readonly settings: CrmSettings; readonly problems: readonly CrmSettingProblem[] }
    | { readonly kind: 'obs.crm.unavailable'; readonly reason: string }
    /** What the screen-pop search found for an interaction. */
    | { readonly kind: 'obs.crm.matches'; readonly interactionId: InteractionId; readonly records: readonly CrmRecordRef[] }
    /** The agent's view in Salesforce changed (`null` or an empty id: not a record). */
    | { readonly kind: 'obs.crm.navigation'; readonly record: CrmRecordRef | null }
    | { readonly kind: 'obs.crm.clickToDial'; readonly number: string; readonly record: CrmRecordRef | null }
    | { readonly kind: 'obs.crm.logSaved'; readonly interactionId: InteractionId; readonly seq: number; readonly taskId: string }
    | { readonly kind: 'obs.crm.logFailed'; readonly interactionId: InteractionId; readonly seq: number; readonly message: string }
    /** The Task a `crm.findLog` looked up by `CallObject` (`null`: none exists). */
    | { readonly kind: 'obs.crm.logFound'; readonly interactionId: InteractionId; readonly seq: number; readonly taskId: string | null }
    /** Call logs and their outbox as the leading tab stored them (a reload or crash came between). */
    | {
        readonly kind: 'obs.crm.logsRestored';
        readonly userId: string;
        readonly logs: readonly CallLog[];
        readonly outbox: readonly OutboxEntry[];
      }
    /** This runtime continues a state another one stepped: writes marked `sending` lost their sender. */
    | { readonly kind: 'obs.crm.outboxInherited' }
  );

/** The clock: the runtime sends one about every second while logged on. */
export interface ClockTick {
  readonly kind: 'clock.tick';
  readonly now: number;
}

/** Everything the ports report. */
export type Observation =
  SessionObservation | StatusObservation | QueueObservation | DataObservation | CrmObservation | ClockTick;
