import type { SoftphoneState } from '../softphone-state.js';
import type { Audience, TransferCandidate, TransferTarget } from './transfer-state.js';

/** The transfer dialog. */
export interface TransferView {
  readonly interactionId: string | null;
  readonly searching: boolean;
  readonly text: string;
  /** Each result with whether Consult is offered for it (blind only for workgroups and profiles). */
  readonly results: readonly { readonly candidate: TransferCandidate; readonly consultable: boolean }[];
}

/** The consult panel, while a consult is running. */
export interface ConsultView {
  readonly interactionId: string;
  readonly consultInteractionId: string | null;
  readonly target: TransferTarget;
  readonly status: 'starting' | 'active' | 'closing';
  readonly audience: Audience | null;
  /** Which of Complete / Both / Neither / Caller / Consultant / Disconnect / Cancel are offered. */
  readonly actions: {
    readonly complete: boolean;
    readonly both: boolean;
    readonly neither: boolean;
    readonly talkToCaller: boolean;
    readonly talkToConsultant: boolean;
    readonly disconnectConsultant: boolean;
    readonly cancel: boolean;
  };
}

/** Whether a target may be consulted (not a workgroup queue or attendant profile). */
export function canConsult(target: TransferTarget): boolean {
  return target.kind !== 'workgroup' && target.kind !== 'attendantProfile';
}

/** The transfer dialog's search state. */
export function selectTransfer(state: SoftphoneState): TransferView {
  const search = state.transfer.search;
  return {
    interactionId: search?.interactionId ?? null,
    searching: search?.status === 'searching',
    text: search?.text ?? '',
    results: (search?.results ?? []).map((candidate) => ({
      candidate,
      consultable: canConsult(candidate.target),
    })),
  };
}

/** The consult in progress, or `null`. */
export function selectConsult(state: SoftphoneState): ConsultView | null {
  const c = state.transfer.consult;
  if (c === null) return null;
  const live = c.status === 'active';
  const audience = c.status === 'starting' ? null : c.audience;
  return {
    interactionId: c.interactionId,
    consultInteractionId: c.status === 'starting' ? null : c.consultInteractionId,
    target: c.target,
    status: c.status,
    audience,
    actions: {
      complete: live,
      both: live && audience !== 'both',
      neither: live && audience !== 'neither',
      talkToCaller: live && audience !== 'caller',
      talkToConsultant: live && audience !== 'consultant',
      disconnectConsultant: live,
      cancel: live,
    },
  };
}
