import { assertNever } from '../diagnostics.js';
import { Attr, attr } from '../attributes.js';
import type { DialIntent } from '../intents.js';
import type { DataObservation, QueueObservation } from '../observations.js';
import { hasLicence, hasRight, Licence, Right } from '../rights.js';
import { allocateRequestId, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { PENDING_TIMEOUT_MS } from '../interaction/controls.js';
import type { DialArea, DialSource } from './dial-state.js';
import { ownValue } from '../own.js';

type Out = StepOutput;

function withDial(state: SoftphoneState, patch: Partial<DialArea>): SoftphoneState {
  return { ...state, dial: { ...state.dial, ...patch } };
}

/** Why the agent cannot place a call now (`null` when they can). */
export function dialBlocker(
  state: SoftphoneState,
): 'notLoggedOn' | 'loading' | 'missingLicence' | 'noStation' | null {
  if (state.session.current.phase !== 'active') return 'notLoggedOn';
  if (state.entitlements === null) return 'loading';
  if (!hasLicence(state.entitlements, Licence.ClientAccess)) return 'missingLicence';
  if (state.station.current === null) return 'noStation';
  return null;
}

/** Whether an account code must be chosen in Advanced Dial (codes enabled + verification right). */
export function accountCodeRequired(state: SoftphoneState): boolean {
  const codes = state.dial.accountCodes;
  return (
    codes !== null &&
    codes.enabled &&
    state.entitlements !== null &&
    hasRight(state.entitlements, Right.AccountCodeVerification)
  );
}

interface DialRequest {
  readonly number: string;
  readonly source: DialSource;
  readonly advanced: { readonly accountCodeId: string | null; readonly workgroup: string | null } | null;
}

function placeCall(
  state: SoftphoneState,
  request: DialRequest,
  out: Out,
  interactionId: string | null = null,
): SoftphoneState {
  const blocker = dialBlocker(state);
  if (blocker !== null)
    return refuse(
      state,
      out,
      blocker === 'notLoggedOn' ? 'ignoredInPhase' : 'forbidden',
      blocker,
      interactionId,
    );
  const number = request.number.trim();
  if (number === '') return refuse(state, out, 'invalid', 'numberRequired', interactionId);
  const pending = state.dial.pending;
  if (pending !== null && pending.number === number && state.now - pending.at < PENDING_TIMEOUT_MS)
    return refuse(state, out, 'duplicate', 'dialing', interactionId);
  let accountCodeId: string | null = null;
  let workgroup: string | null = null;
  if (request.advanced !== null) {
    const codes = state.dial.accountCodes;
    const wanted = request.advanced.accountCodeId?.trim() || null;
    if (accountCodeRequired(state) && wanted === null)
      return refuse(state, out, 'invalid', 'accountCodeRequired', interactionId);
    if (wanted !== null && codes !== null && codes.enabled) {
      if (!codes.codes.some((c) => c.id === wanted))
        return refuse(state, out, 'invalid', 'unknownAccountCode', interactionId);
      accountCodeId = wanted;
    }
    const group = request.advanced.workgroup?.trim() || null;
    if (group !== null) {
      const active = state.activations.workgroups.find(
        (w) => w.workgroup.toLowerCase() === group.toLowerCase() && w.active,
      );
      if (active === undefined) return refuse(state, out, 'forbidden', 'workgroupNotActive', interactionId);
      workgroup = active.workgroup;
    }
  }
  const [requestId, next] = allocateRequestId(state);
  out.emit({ kind: 'cic.createCall', requestId, target: number, workgroup, accountCodeId });
  return withDial(next, {
    pending: { requestId, number, workgroup, accountCodeId, source: request.source, at: state.now },
    lastAccountCodeId: accountCodeId ?? next.dial.lastAccountCodeId,
  });
}

/** Redials the remote number of a disconnected interaction (double-click on it). */
export function redial(state: SoftphoneState, interactionId: string, out: Out): SoftphoneState {
  const record = ownValue(state.queue.byId, interactionId);
  if (record === undefined) return refuse(state, out, 'unknownInteraction', 'redial', interactionId);
  if (record.phase !== 'disconnected')
    return refuse(state, out, 'forbidden', 'notDisconnected', interactionId);
  const number = attr(record.attributes, Attr.RemoteAddress);
  return placeCall(state, { number, source: 'redial', advanced: null }, out, interactionId);
}

type DialInput =
  | Extract<DialIntent, { kind: 'intent.dial' | 'intent.redial' }>
  | Extract<QueueObservation, { kind: 'obs.call.created' }>
  | Extract<DataObservation, { kind: 'obs.config.accountCodes' }>;

/** Steps Make a Call, redial, the created-call reply and account-code configuration. */
export function stepDialInput(state: SoftphoneState, input: DialInput, out: Out): SoftphoneState {
  switch (input.kind) {
    case 'intent.dial':
      return placeCall(state, input, out);
    case 'intent.redial':
      return redial(state, input.interactionId, out);
    case 'obs.call.created': {
      const pending = state.dial.pending;
      if (pending === null || pending.requestId !== input.requestId)
        return refuse(state, out, 'unexpected', 'createCall', input.interactionId);
      const next = withDial(state, { pending: null });
      if (!(input.interactionId in next.queue.byId)) return next;
      return { ...next, queue: { ...next.queue, selectedId: input.interactionId } };
    }
    case 'obs.config.accountCodes': {
      const codes = [...input.codes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return withDial(state, { accountCodes: { enabled: input.enabled, codes } });
    }
    default:
      return assertNever(input);
  }
}
