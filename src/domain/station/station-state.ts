import type { MessageKey } from '../messages.js';

/** Station types the agent can choose. `webBasedPhone` is shown but not offered yet. */
export const StationKind = {
  Workstation: 'workstation',
  RemoteWorkstation: 'remoteWorkstation',
  RemoteNumber: 'remoteNumber',
  WebBasedPhone: 'webBasedPhone',
} as const;
export type StationKind = (typeof StationKind)[keyof typeof StationKind];

/** What the agent asked for in the station form (also what "Remember Station" saves). */
export type StationChoice =
  | { readonly kind: 'workstation'; readonly name: string }
  | { readonly kind: 'remoteWorkstation'; readonly name: string }
  | { readonly kind: 'remoteNumber'; readonly number: string; readonly persistent: boolean }
  | { readonly kind: 'webBasedPhone' };

/**
 * The station the session is connected to, as the server reports it. `existing` is a station the
 * server already had for this user (logged on in another CIC client first), whose type the panel
 * does not know.
 */
export interface StationInfo {
  readonly kind: 'workstation' | 'remoteWorkstation' | 'remoteNumber' | 'existing';
  readonly id: string;
  readonly displayName: string;
  readonly remoteNumber: string | null;
  readonly persistent: boolean;
}

/**
 * The station step.
 *
 * ```
 *  idle ─session active─▶ waitingForPrefs ─prefs: remembered─▶ applying(auto) ─obs.station.changed─▶ ready
 *    │                         │ no remembered station              │ failed                          │
 *    │ effective station       ▼                                    ▼                                 │
 *    └──────────────────▶ ready ◀──── applying ◀─intent.selectStation─ choosing ◀─intent.changeStation─┘
 * ```
 */
export type StationStep = 'idle' | 'waitingForPrefs' | 'choosing' | 'applying' | 'ready';

/** Station area of the state. */
export interface StationArea {
  readonly step: StationStep;
  readonly current: StationInfo | null;
  /** The request in flight (`applying`), with whether it came from a remembered station. */
  readonly requested: {
    readonly choice: StationChoice;
    readonly remember: boolean;
    readonly auto: boolean;
  } | null;
  readonly error: MessageKey | null;
}

/** The station area before logon. */
export function initialStationArea(): StationArea {
  return { step: 'idle', current: null, requested: null, error: null };
}
