/**
 * The engine's own record of one interaction. Each record is one party's leg: an internal call
 * between two agents is two records that point at each other (`peerId`), so each side sees its
 * own direction and remote party. `Eic_*` attributes are derived from these fields (see
 * `view.ts`), never stored twice.
 */
import type { TimerHandle } from '../clock.js';
import type { QueueEntry, QueueId } from './host.js';
import { ObjectType, State } from './attributes.js';
import type { FarEndScript } from './far-end.js';

/** The other end of a leg when it is not another agent's leg. */
export interface Party {
  address: string;
  name: string;
  id: string;
}

/** Where an ACD interaction is in its workgroup. */
export type AcdPhase = 'waiting' | 'alerting' | 'assigned';

export interface AcdPlacement {
  readonly workgroup: string;
  /** Position in the workgroup's line: earlier first, then `seq`. */
  readonly enqueuedAt: number;
  readonly seq: number;
  phase: AcdPhase;
  /** Agents whose offer timed out (tried again only when nobody else is free). */
  readonly attempted: Set<string>;
  lastAttemptedName: string | null;
}

export type TimerKind = 'alert' | 'farEnd' | 'voicemail' | 'securePause' | 'deallocate';

/** One queue the interaction sits in, with what that queue was last told. */
export interface Membership {
  readonly queue: QueueId;
  /** Whose rights `Eic_Capabilities` reflects in this queue (`null`: state only). */
  readonly viewer: string | null;
  entry: QueueEntry;
}

export interface Interaction {
  readonly id: string;
  readonly objectType: ObjectType;
  state: State;
  stateText: string;
  direction: 'I' | 'O' | '';
  callType: 'E' | 'I' | '';
  /** The agent whose leg this is (user queue), or `null` while queued, parked or in the system. */
  owner: string | null;
  /** The current owner has been connected on it (history: connected vs missed). */
  ownerConnected: boolean;
  /** A queue the interaction waits in without an owner (park, explicit queue transfer). */
  parkedOn: QueueId | null;
  acd: AcdPlacement | null;
  workgroupName: string;
  /** The outside party, when the remote end is not another leg. */
  external: Party | null;
  /** The other agent-side leg of an internal call. */
  peerId: string | null;
  /** Scripted outcome of an outbound call to an external number. */
  farEnd: FarEndScript | null;
  /** The attendant profile (IVR) holding the interaction. */
  attendant: string | null;
  remoteNameOverride: string | null;
  muted: boolean;
  isPrivate: boolean;
  recorders: string[];
  supervisorRecorders: string[];
  pausedRecorders: Set<string>;
  snippetId: string;
  securePause: { start: number; resume: number | null } | null;
  /** Member of this conference (its root interaction id). */
  conferenceId: string | null;
  /** Conference root only: member interaction ids. */
  members: string[] | null;
  consultId: string | null;
  isConsultLeg: boolean;
  consultee: string;
  consultCallId: string;
  initiatedAt: number;
  connectedAt: number | null;
  terminatedAt: number | null;
  accountCode: string;
  wrapUpCode: string;
  wrapUpSegments: string[];
  /** DTMF sent on the interaction, in order (for the control API's state view). */
  digits: string;
  /** Custom attributes by lower-cased name: the spelling first used and the value. */
  readonly custom: Map<string, { name: string; value: string }>;
  readonly timers: Map<TimerKind, TimerHandle>;
  readonly memberships: Map<string, Membership>;
  deallocated: boolean;
}

export interface Consult {
  readonly id: string;
  readonly userId: string;
  readonly originalId: string;
  readonly consultLegId: string;
  audience: { originalParty: boolean; consultedParty: boolean };
}

export function newInteraction(id: string, objectType: ObjectType, now: number): Interaction {
  return {
    id,
    objectType,
    state: State.None,
    stateText: '',
    direction: '',
    callType: '',
    owner: null,
    ownerConnected: false,
    parkedOn: null,
    acd: null,
    workgroupName: '',
    external: null,
    peerId: null,
    farEnd: null,
    attendant: null,
    remoteNameOverride: null,
    muted: false,
    isPrivate: false,
    recorders: [],
    supervisorRecorders: [],
    pausedRecorders: new Set(),
    snippetId: '',
    securePause: null,
    conferenceId: null,
    members: null,
    consultId: null,
    isConsultLeg: false,
    consultee: '',
    consultCallId: '',
    initiatedAt: now,
    connectedAt: null,
    terminatedAt: null,
    accountCode: '',
    wrapUpCode: '',
    wrapUpSegments: [],
    digits: '',
    custom: new Map(),
    timers: new Map(),
    memberships: new Map(),
    deallocated: false,
  };
}

export function queueKey(queue: QueueId): string {
  return `${queue.queueType}:${queue.queueName.toLowerCase()}`;
}

/** Voice legs are what "one voice interaction at a time" and `onPhone` count. */
export function isVoice(ix: Interaction): boolean {
  return ix.objectType === ObjectType.Call;
}
