/**
 * The `Eic_*` vocabulary the telephony engine speaks: attribute names in canonical casing, the
 * `Eic_State` letters with the `Eic_CallStateString` texts the simulator shows for them, and the
 * compact ISO-8601 time format (icws-api.md §1.1, §3.8).
 */

/** Attribute names as the simulator spells them (the wire treats names case-insensitively). */
export const Eic = {
  CallId: 'Eic_CallId',
  ObjectType: 'Eic_ObjectType',
  State: 'Eic_State',
  CallStateString: 'Eic_CallStateString',
  CallDirection: 'Eic_CallDirection',
  CallType: 'Eic_CallType',
  RemoteAddress: 'Eic_RemoteAddress',
  RemoteName: 'Eic_RemoteName',
  RemoteId: 'Eic_RemoteId',
  LocalAddress: 'Eic_LocalAddress',
  LocalName: 'Eic_LocalName',
  LocalId: 'Eic_LocalId',
  LocalUserId: 'Eic_LocalUserId',
  UserName: 'Eic_UserName',
  WorkgroupName: 'Eic_WorkgroupName',
  Muted: 'Eic_Muted',
  Private: 'Eic_Private',
  Recorders: 'Eic_Recorders',
  RecordersSupv: 'Eic_RecordersSupv',
  SnippetRecordingId: 'Eic_IRSnippetRecordingId',
  SecurePauseStartTime: 'Eic_SecureRecordingPauseStartTime',
  RecordingsAutoResumeTime: 'Eic_RecordingsAutoResumeTime',
  ConferenceId: 'Eic_ConferenceId',
  ConferenceMembers: 'Eic_ConferenceMembers',
  Capabilities: 'Eic_Capabilities',
  InitiationTime: 'Eic_InitiationTime',
  ConnectTime: 'Eic_ConnectTime',
  TerminationTime: 'Eic_TerminationTime',
  WrapUpCodeSet: 'Eic_WrapUpCodeSet',
  WrapUpCode: 'Eic_WrapUpCode',
  WrapupConnectionSegments: 'Eic_WrapupConnectionSegments',
  AccountCode: 'Eic_AccountCode',
  IsConsult: 'Eic_IsConsult',
  Consultee: 'Eic_Consultee',
  ConsultCallId: 'Eic_ConsultCallId',
} as const;
export type Eic = (typeof Eic)[keyof typeof Eic];

/** Lower-cased name → canonical name, for every attribute the engine derives. */
const CANONICAL: ReadonlyMap<string, Eic> = new Map(Object.values(Eic).map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of a known attribute name, or `undefined` for a custom one. */
export function canonicalName(name: string): Eic | undefined {
  return CANONICAL.get(name.toLowerCase());
}

/**
 * Derived attributes an agent may still write through `POST /interactions/{id}`: the engine
 * keeps them in its own fields so the derived value and the written one never disagree.
 */
export const WRITABLE: ReadonlySet<Eic> = new Set([Eic.RemoteName, Eic.AccountCode]);

/** `Eic_State` letters (icws-api.md §3.8). `''` means "not set". */
export const State = {
  None: '',
  Offering: 'O',
  Alerting: 'A',
  Connected: 'C',
  Held: 'H',
  Messaging: 'M',
  Parked: 'P',
  Proceeding: 'R',
  Suspended: 'X',
  System: 'S',
  InternalDisconnect: 'I',
  ExternalDisconnect: 'E',
} as const;
export type State = (typeof State)[keyof typeof State];

export function isDisconnected(state: State): boolean {
  return state === State.InternalDisconnect || state === State.ExternalDisconnect;
}

/** `Eic_CallStateString` texts (admin-customisable on a real server; these are CIC's defaults). */
export const StateText = {
  Offering: 'Offering',
  AcdWaitAgent: 'ACD - Wait Agent',
  Alerting: 'Alerting',
  Proceeding: 'Proceeding',
  Connected: 'Connected',
  OnHold: 'On Hold',
  VoiceMail: 'Voice Mail',
  Parked: 'Parked',
  System: 'System',
  LocalDisconnect: 'Disconnected (Local Disconnect)',
  RemoteDisconnect: 'Disconnected (Remote Disconnect)',
  Busy: 'Disconnected (Busy)',
  NoAnswer: 'Disconnected (No Answer)',
} as const;

export function acdAlertingText(agentName: string): string {
  return `ACD - Alerting: ${agentName}`;
}

export function acdWaitText(lastAttempted: string | null): string {
  return lastAttempted === null
    ? StateText.AcdWaitAgent
    : `${StateText.AcdWaitAgent} -> Last Attempted: ${lastAttempted}`;
}

/** `Eic_ObjectType` values. Only `Call` is confirmed by the reference; the rest keep the model open. */
export const ObjectType = {
  Call: 'Call',
  Conference: 'Conference',
  Chat: 'Chat',
  Callback: 'Callback',
  Email: 'Email',
  Generic: 'Generic Object',
} as const;
export type ObjectType = (typeof ObjectType)[keyof typeof ObjectType];

/** Formats epoch milliseconds as a compact wire time, `yyyyMMddTHHmmssZ`. */
export function wireTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Recorder lists are user ids joined with `|`. */
export function joinList(values: Iterable<string>): string {
  return [...values].join('|');
}

export function flag(on: boolean): string {
  return on ? '1' : '0';
}
