import type { InteractionId } from '../ids.js';

/**
 * Where an interaction is in its life, derived from the `Eic_State` letter the server sends.
 *
 * ```
 *                 ┌──────────── offering (O) ───────────┐
 *   initializing ─┤                                      ▼
 *     ("")        ├─ system (S) ──▶ proceeding (R) ──▶ alerting (A) ──pickup──▶ connected (C) ◀─▶ held (H, X)
 *                 │                    │  outbound          │                     │     ▲            │
 *                 │                    └────────────────────┼─────answer──────────┘     │            │
 *                 │                                         ▼                           │            │
 *                 │                                 voicemail (M) ── pickup ────────────┘            │
 *                 │                                 parked (P) ───── pickup ─────────────────────────┘
 *                 │
 *   every phase ──┴───────────────────────────────▶ disconnected (I local / E remote)   [terminal]
 *                                                     │ later: removed from the queue (deallocated)
 * ```
 *
 * The panel never moves an interaction itself: an intent produces a command effect and the phase
 * changes only when the server's queue delta says so. A delta that would leave `disconnected`
 * (late or replayed) is recorded as a diagnostic and ignored.
 */
export const InteractionPhase = {
  Initializing: 'initializing',
  Offering: 'offering',
  System: 'system',
  Proceeding: 'proceeding',
  Alerting: 'alerting',
  Connected: 'connected',
  Held: 'held',
  Voicemail: 'voicemail',
  Parked: 'parked',
  Disconnected: 'disconnected',
} as const;
export type InteractionPhase = (typeof InteractionPhase)[keyof typeof InteractionPhase];

/** Phase-specific data: only connected/held carry a connect time, only disconnected a cause. */
export type PhaseState =
  | {
      readonly phase:
        'initializing' | 'offering' | 'system' | 'proceeding' | 'alerting' | 'voicemail' | 'parked';
    }
  | { readonly phase: 'connected' | 'held'; readonly connectedAt: number }
  | { readonly phase: 'disconnected'; readonly disconnectedAt: number; readonly cause: 'local' | 'remote' };

/** Commands the agent can have in flight on one interaction. */
export const CommandOp = {
  Pickup: 'pickup',
  Hold: 'hold',
  Mute: 'mute',
  Disconnect: 'disconnect',
  Record: 'record',
  Snip: 'snip',
  SecurePause: 'securePause',
  Voicemail: 'voicemail',
  Transfer: 'transfer',
  Conference: 'conference',
} as const;
export type CommandOp = (typeof CommandOp)[keyof typeof CommandOp];

/**
 * Which recording started first, for the snippet-precedence rule: a snippet started first makes
 * Record unavailable; an ad hoc recording followed by a snippet merges into the snippet, and
 * either button stops it.
 */
export type RecordingOrder = 'none' | 'adHoc' | 'snippet' | 'merged';

/** What the domain keeps about one interaction in My Interactions. */
export type InteractionRecord = PhaseState & {
  readonly id: InteractionId;
  /** Merged `Eic_*` attributes, canonical names. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Set on members of a conference: the conference interaction's id. */
  readonly conferenceParentId: string | null;
  /** Local time the panel first saw the interaction. */
  readonly firstSeenAt: number;
  /** When the interaction began (local clock): `Eic_InitiationTime` if given, else first seen. */
  readonly startedAt: number;
  /** Local time the current phase began. */
  readonly phaseSince: number;
  /** Counts phase changes; keys `crm.interactionChanged` effects. */
  readonly revision: number;
  readonly everConnected: boolean;
  readonly pending: { readonly op: CommandOp; readonly at: number } | null;
  /** Members dropped onto another call to make a conference get no wrap-up prompt. */
  readonly suppressWrapUp: boolean;
  readonly recording: RecordingOrder;
};

/** My Interactions. */
export interface QueueArea {
  readonly snapshotReceived: boolean;
  readonly byId: Readonly<Record<string, InteractionRecord>>;
  /** Ids in arrival order. */
  readonly order: readonly string[];
  readonly selectedId: string | null;
  /** Ids whose alert (panel, desktop notification) has been raised; bounded, newest last. */
  readonly alerted: readonly string[];
  /** Ids already screen-popped; bounded, newest last. */
  readonly popped: readonly string[];
}

/** How many ids the alerted/popped memories keep. */
export const ALERT_MEMORY = 200;

/** My Interactions before logon. */
export function initialQueueArea(): QueueArea {
  return { snapshotReceived: false, byId: {}, order: [], selectedId: null, alerted: [], popped: [] };
}

/** Whether the phase is one the agent is talking in. */
export function isLive(phase: InteractionPhase): boolean {
  return phase !== 'disconnected';
}
