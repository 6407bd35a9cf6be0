import { assertNever } from '../diagnostics.js';
import { interactionId as toId } from '../ids.js';
import type { TransferIntent } from '../intents.js';
import type { DataObservation, QueueObservation } from '../observations.js';
import { allocateRequestId, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { controlState, type Control } from '../interaction/controls.js';
import {
  TargetType,
  type Audience,
  type ConsultState,
  type TransferArea,
  type TransferTarget,
} from './transfer-state.js';
import { ownValue } from '../own.js';

type Out = StepOutput;

function withTransfer(state: SoftphoneState, patch: Partial<TransferArea>): SoftphoneState {
  return { ...state, transfer: { ...state.transfer, ...patch } };
}

function allowed(state: SoftphoneState, id: string, control: Control, out: Out): boolean {
  const record = ownValue(state.queue.byId, id);
  if (record === undefined) {
    out.report('unknownInteraction', control, id);
    return false;
  }
  const c = controlState(state, record, control);
  if (c.availability === 'enabled') return true;
  out.report(c.reason === 'pending' ? 'duplicate' : 'forbidden', c.reason, id);
  return false;
}

function targetProblem(target: TransferTarget): string | null {
  switch (target.kind) {
    case 'number':
      return target.number.trim() === '' ? 'numberRequired' : null;
    case 'user':
      return target.userId.trim() === '' ? 'userRequired' : null;
    case 'workgroup':
    case 'attendantProfile':
      return target.name.trim() === '' ? 'nameRequired' : null;
    case 'station':
      return target.stationId.trim() === '' ? 'stationRequired' : null;
    default:
      return assertNever(target);
  }
}

function markPending(state: SoftphoneState, id: string): SoftphoneState {
  const record = ownValue(state.queue.byId, id);
  if (record === undefined) return state;
  return {
    ...state,
    queue: {
      ...state.queue,
      byId: { ...state.queue.byId, [id]: { ...record, pending: { op: 'transfer', at: state.now } } },
    },
  };
}

function activeConsult(
  state: SoftphoneState,
  out: Out,
): Extract<ConsultState, { status: 'active' | 'closing' }> | null {
  const consult = state.transfer.consult;
  if (consult === null || consult.status !== 'active') {
    out.report('ignoredInPhase', consult?.status ?? 'noConsult');
    return null;
  }
  return consult;
}

function audience(state: SoftphoneState, wanted: Audience, out: Out): SoftphoneState {
  const consult = activeConsult(state, out);
  if (consult === null) return state;
  if (consult.audience === wanted) return refuse(state, out, 'duplicate', wanted, consult.interactionId);
  out.emit({
    kind: 'cic.consult.audience',
    interactionId: toId(consult.interactionId),
    consultId: consult.consultId,
    audience: wanted,
  });
  return state;
}

function close(state: SoftphoneState, how: 'conclude' | 'cancel', out: Out): SoftphoneState {
  const consult = activeConsult(state, out);
  if (consult === null) return state;
  const effect = { interactionId: toId(consult.interactionId), consultId: consult.consultId };
  out.emit(
    how === 'conclude'
      ? { kind: 'cic.consult.conclude', ...effect }
      : { kind: 'cic.consult.cancel', ...effect },
  );
  return withTransfer(state, { consult: { ...consult, status: 'closing' } });
}

/**
 * Ends the consult when the queue says it is over: the original interaction left or ended, or
 * the consult leg ended (the consultant hung up or was disconnected; the caller is still held).
 */
export function syncConsult(state: SoftphoneState): SoftphoneState {
  const consult = state.transfer.consult;
  if (consult === null) return state;
  const byId = state.queue.byId;
  const original = ownValue(byId, consult.interactionId);
  let over = original === undefined || original.phase === 'disconnected';
  if (!over && consult.status !== 'starting') {
    const leg = ownValue(byId, consult.consultInteractionId);
    // The leg may not have arrived yet right after the consult started; only an ended leg counts.
    over = leg !== undefined && leg.phase === 'disconnected';
  }
  return over ? { ...state, transfer: { ...state.transfer, consult: null } } : state;
}

type TransferInput =
  | TransferIntent
  | Extract<DataObservation, { kind: 'obs.transfer.results' }>
  | Extract<QueueObservation, { kind: 'obs.consult.started' | 'obs.consult.audience' | 'obs.consult.ended' }>;

/** Steps the transfer dialog: search, blind transfer, and the consult flow. */
export function stepTransferInput(state: SoftphoneState, input: TransferInput, out: Out): SoftphoneState {
  switch (input.kind) {
    case 'intent.transfer.search': {
      if (!allowed(state, input.interactionId, 'transfer', out)) return state;
      const text = input.text.trim();
      const targetTypes = input.targetTypes.length > 0 ? input.targetTypes : Object.values(TargetType);
      if (text === '') return withTransfer(state, { search: null });
      const [requestId, next] = allocateRequestId(state);
      out.emit({ kind: 'cic.transfer.search', requestId, text, targetTypes });
      return withTransfer(next, {
        search: {
          interactionId: input.interactionId,
          text,
          targetTypes,
          requestId,
          status: 'searching',
          results: [],
        },
      });
    }
    case 'obs.transfer.results': {
      const search = state.transfer.search;
      if (search === null || search.requestId !== input.requestId)
        return refuse(state, out, 'stale', 'transferSearch');
      return withTransfer(state, { search: { ...search, status: 'done', results: input.candidates } });
    }
    case 'intent.transfer.blind': {
      const problem = targetProblem(input.target);
      if (problem !== null) return refuse(state, out, 'invalid', problem, input.interactionId);
      if (!allowed(state, input.interactionId, 'transfer', out)) return state;
      out.emit({ kind: 'cic.blindTransfer', interactionId: input.interactionId, target: input.target });
      return withTransfer(markPending(state, input.interactionId), { search: null });
    }
    case 'intent.consult.start': {
      const problem = targetProblem(input.target);
      if (problem !== null) return refuse(state, out, 'invalid', problem, input.interactionId);
      // Consulting into a workgroup queue or an attendant profile can strand the caller.
      if (input.target.kind === 'workgroup' || input.target.kind === 'attendantProfile')
        return refuse(state, out, 'forbidden', 'consultUnsupportedTarget', input.interactionId);
      if (!allowed(state, input.interactionId, 'consult', out)) return state;
      out.emit({ kind: 'cic.consult.start', interactionId: input.interactionId, target: input.target });
      return withTransfer(markPending(state, input.interactionId), {
        consult: { status: 'starting', interactionId: input.interactionId, target: input.target },
      });
    }
    case 'obs.consult.started': {
      const consult = state.transfer.consult;
      if (consult === null || consult.status !== 'starting' || consult.interactionId !== input.interactionId)
        return refuse(state, out, 'unexpected', 'consult', input.interactionId);
      return withTransfer(state, {
        consult: {
          status: 'active',
          interactionId: consult.interactionId,
          target: consult.target,
          consultId: input.consultId,
          consultInteractionId: input.consultInteractionId,
          audience: 'consultant',
        },
      });
    }
    case 'obs.consult.audience': {
      const consult = state.transfer.consult;
      if (consult === null || consult.status === 'starting' || consult.consultId !== input.consultId)
        return refuse(state, out, 'stale', 'consult');
      return withTransfer(state, { consult: { ...consult, audience: input.audience } });
    }
    case 'obs.consult.ended': {
      const consult = state.transfer.consult;
      if (consult === null || consult.status === 'starting' || consult.consultId !== input.consultId)
        return refuse(state, out, 'stale', 'consult');
      return withTransfer(state, { consult: null });
    }
    case 'intent.consult.complete':
      return close(state, 'conclude', out);
    case 'intent.consult.cancel':
      return close(state, 'cancel', out);
    case 'intent.consult.both':
      return audience(state, 'both', out);
    case 'intent.consult.neither':
      return audience(state, 'neither', out);
    case 'intent.consult.talkToCaller':
      return audience(state, 'caller', out);
    case 'intent.consult.talkToConsultant':
      return audience(state, 'consultant', out);
    case 'intent.consult.disconnectConsultant': {
      const consult = activeConsult(state, out);
      if (consult === null) return state;
      out.emit({ kind: 'cic.disconnect', interactionId: toId(consult.consultInteractionId) });
      return state;
    }
    default:
      return assertNever(input);
  }
}
