/**
 * Where a transfer or consult goes. Users, workgroups, attendant profiles and stations come from
 * directory search; `number` is text dialed as digits.
 */
export type TransferTarget =
  | { readonly kind: 'user'; readonly userId: string; readonly displayName: string }
  | { readonly kind: 'workgroup'; readonly name: string }
  | { readonly kind: 'attendantProfile'; readonly name: string }
  | { readonly kind: 'station'; readonly stationId: string }
  | { readonly kind: 'number'; readonly number: string };

/** Target kinds transfer search can look for (the Options drop-down). */
export const TargetType = {
  User: 'user',
  Workgroup: 'workgroup',
  AttendantProfile: 'attendantProfile',
  Station: 'station',
} as const;
export type TargetType = (typeof TargetType)[keyof typeof TargetType];

/** One search result: a target plus what helps choose it (status, on the phone, extension). */
export interface TransferCandidate {
  readonly target: TransferTarget;
  readonly extension: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly statusId: string | null;
  readonly loggedIn: boolean | null;
  readonly onPhone: boolean | null;
}

/**
 * Who hears whom during a consult: `consultant` (caller held), `caller` (consultant held),
 * `both` (three-way) or `neither` (both held).
 */
export const Audience = {
  Consultant: 'consultant',
  Caller: 'caller',
  Both: 'both',
  Neither: 'neither',
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];

/**
 * A consult transfer.
 *
 * ```
 *  (none) ─intent.consult.start─▶ starting ─obs.consult.started─▶ active ─complete/cancel─▶ closing
 *                                    │ failed                        │ both/neither/caller/consultant
 *                                    ▼                               ▼ (audience changes on obs.consult.audience)
 *                                 (none) ◀──── obs.consult.ended / either leg leaves the queue ─┘
 * ```
 */
export type ConsultState =
  | { readonly status: 'starting'; readonly interactionId: string; readonly target: TransferTarget }
  | {
      readonly status: 'active' | 'closing';
      readonly interactionId: string;
      readonly target: TransferTarget;
      readonly consultId: string;
      readonly consultInteractionId: string;
      readonly audience: Audience;
    };

/** Transfer dialog state shared by the panel (search text, results, consult in progress). */
export interface TransferArea {
  readonly search: {
    readonly interactionId: string;
    readonly text: string;
    readonly targetTypes: readonly TargetType[];
    readonly requestId: string;
    readonly status: 'searching' | 'done';
    readonly results: readonly TransferCandidate[];
  } | null;
  readonly consult: ConsultState | null;
}

/** No transfer in progress. */
export function initialTransferArea(): TransferArea {
  return { search: null, consult: null };
}
