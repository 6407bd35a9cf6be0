/**
 * The seam between the simulator's telephony engine (interactions, ACD, transfers, conferences)
 * and the rest of the simulator (HTTP, sessions, subscriptions, site model).
 *
 * The engine owns every interaction and which queues it sits in. It reads users, workgroups and
 * agent presence through `TelephonyHost`, and reports every change through `TelephonyListener`;
 * the session layer turns those reports into `queueContentsMessage`s, `historyMessage`s and
 * `userStatusMessage`s for the subscriptions that asked for them.
 */
import type { Clock } from '../clock.js';

/** Security rights the simulator knows (ids as they appear in user configuration `securityRights`). */
export const Right = {
  PickupInteractions: 'PickupInteractions',
  HoldInteractions: 'HoldInteractions',
  MuteInteractions: 'MuteInteractions',
  DisconnectInteractions: 'DisconnectInteractions',
  TransferInteractions: 'TransferInteractions',
  ParkInteractions: 'ParkInteractions',
  TransferToVoicemail: 'TransferInteractionsToVoicemail',
  ConferenceCalls: 'ConferenceCalls',
  RecordInteractions: 'RecordInteractions',
  PauseInteractions: 'PauseInteractions',
  SnipInteractions: 'SnipInteractions',
  SecureRecordingPause: 'SecureRecordingPauseInteractions',
  PrivateInteractions: 'PrivateInteractions',
  ListenInteractions: 'ListenInteractions',
  CoachInteractions: 'CoachInteractions',
  JoinInteractions: 'JoinInteractions',
  PersistentConnections: 'PersistentConnections',
  UserDefinedTelephoneNumber: 'UserDefinedTelephoneNumberOnRemoteLogon',
  StatusNotes: 'StatusNotes',
  MultipleCalls: 'MultipleCalls',
  ReceiveVoicemail: 'ReceiveVoicemail',
  ActivateSelf: 'ActivateSelf',
  AccountCodeVerification: 'AccountCodeVerification',
} as const;
export type Right = (typeof Right)[keyof typeof Right];

/** Licences the simulator knows. */
export const License = {
  ClientAccess: 'I3_ACCESS_CLIENT',
  BasicStation: 'I3_LICENSE_BASIC_STATION',
  RecorderAccess: 'I3_ACCESS_RECORDER',
  DialerAddOn: 'I3_ACCESS_DIALER_ADDON',
} as const;
export type License = (typeof License)[keyof typeof License];

/** ICWS queue types (numbers on the wire). */
export const QueueType = { System: 0, User: 1, Workgroup: 2, Station: 3 } as const;
export type QueueType = (typeof QueueType)[keyof typeof QueueType];

export interface QueueId {
  readonly queueType: QueueType;
  /** User id, workgroup name or station id. */
  readonly queueName: string;
}

export interface UserInfo {
  readonly userId: string;
  readonly displayName: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly extension: string;
  readonly rights: ReadonlySet<string>;
  readonly licenses: ReadonlySet<string>;
  /** Workgroups the user is a member of. */
  readonly workgroups: readonly string[];
  readonly isSupervisor: boolean;
}

export interface WorkgroupInfo {
  readonly name: string;
  readonly extension: string;
  readonly members: readonly string[];
  /** How long an ACD offer alerts one agent before it is re-offered to the next. */
  readonly alertTimeoutSeconds: number;
  /** Wrap-up code ids the workgroup uses; empty means no wrap-up prompt. */
  readonly wrapUpCodes: readonly string[];
}

export interface AttendantProfileInfo {
  readonly name: string;
  readonly extension: string;
}

export type StationKind = 'workstation' | 'remoteWorkstation' | 'remoteNumber' | 'stationless';

export interface AgentStation {
  readonly stationId: string;
  readonly extension: string;
  readonly kind: StationKind;
  readonly remoteNumber?: string;
  readonly persistent: boolean;
}

/** Live presence of one user, as the session layer knows it. */
export interface AgentState {
  readonly userId: string;
  readonly loggedIn: boolean;
  /** `null` when not logged on to a station (stationless or logged off). */
  readonly station: AgentStation | null;
  readonly statusId: string;
  /** The user's status has `isAcdStatus` set (e.g. Available). */
  readonly statusIsAcd: boolean;
  /** The user's status routes calls to voicemail (any status other than the Available family). */
  readonly statusSendsToVoicemail: boolean;
  readonly activatedWorkgroups: ReadonlySet<string>;
}

export interface TelephonyHost {
  readonly clock: Clock;
  user(userId: string): UserInfo | undefined;
  userByExtension(extension: string): UserInfo | undefined;
  workgroup(name: string): WorkgroupInfo | undefined;
  workgroupByExtension(extension: string): WorkgroupInfo | undefined;
  attendantProfile(nameOrExtension: string): AttendantProfileInfo | undefined;
  agent(userId: string): AgentState | undefined;
  /** Sets a user's status as the system does (e.g. `ACD - Agent Not Answering` after a missed ACD offer). */
  setSystemStatus(userId: string, statusId: string): void;
  /** Status id the engine sets on an agent who let an ACD offer time out. */
  readonly notAnsweringStatusId: string;
  /** How long a disconnected interaction stays in queues before it is deallocated (default 2 min). */
  readonly deallocateAfterMs: number;
}

/** One interaction as a queue sees it. */
export interface QueueEntry {
  readonly interactionId: string;
  /** Every attribute the interaction has (names in canonical `Eic_*` casing). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly conferenceParentId?: string;
}

export interface QueueChange {
  readonly queue: QueueId;
  readonly kind: 'added' | 'changed' | 'removed';
  readonly entry: QueueEntry;
  /** For `changed`: only the attributes whose value changed. */
  readonly changedAttributes: readonly string[];
}

export interface HistoryEntry {
  readonly interactionId: string;
  /** 1 Incoming, 2 Outgoing. */
  readonly direction: 0 | 1 | 2;
  readonly initiationTime: number;
  readonly terminationTime: number;
  readonly localAddress: string;
  readonly localId: string;
  readonly localName: string;
  readonly remoteAddress: string;
  readonly remoteId: string;
  readonly remoteName: string;
  readonly notes: string;
  readonly log: string;
  /** 0 not connected (missed), 1 Connected, 2 Forwarded. */
  readonly interactionHistoryStatus: 0 | 1 | 2;
}

export interface TelephonyListener {
  queueChanged(change: QueueChange): void;
  historyAdded(userId: string, entry: HistoryEntry): void;
  onPhoneChanged(userId: string, onPhone: boolean): void;
  /** A recording snippet was created (for `interactionRecordingSnippetCreatedMessage`). */
  snippetCreated(interactionId: string, recordingSnippetId: string): void;
  /** The interaction is gone for good (for `interactionDeallocatedMessage`). */
  interactionDeallocated(interactionId: string): void;
}

/** A refusal the HTTP layer turns into `{errorId, message}` with this status code. */
export class SimRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 500 | 503,
    readonly errorId: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimRequestError';
  }
}
