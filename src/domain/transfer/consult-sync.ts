import type { SoftphoneState } from '../softphone-state.js';

/**
 * Ends the consult when the queue says it is over: the original interaction left or ended, or
 * the consult leg ended (the consultant hung up or was disconnected; the caller is still held).
 */
export function syncConsult(state: SoftphoneState): SoftphoneState {
  const consult = state.transfer.consult;
  if (consult === null) return state;
  const byId = state.queue.byId;
  const original = byId[consult.interactionId];
  let over = original === undefined || original.phase === 'disconnected';
  if (!over && consult.status !== 'starting') {
    const leg = byId[consult.consultInteractionId];
    // The leg may not have arrived yet right after the consult started; only an ended leg counts.
    over = leg !== undefined && leg.phase === 'disconnected';
  }
  return over ? { ...state, transfer: { ...state.transfer, consult: null } } : state;
}
