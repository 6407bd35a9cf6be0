/**
 * The control API's side of a call: a caller dials in (to a workgroup, a user or an extension),
 * an outside party answers an outbound call or hangs up.
 */
import { ObjectType, State, StateText } from './attributes.js';
import { checkedAttributes, writeAttributes } from './attribute-store.js';
import type { TelephonyCore } from './core.js';
import type { OfferCallOptions } from './engine-api.js';
import { ErrorId, invalidParameter, invalidState, notFound } from './errors.js';
import { SimRequestError } from './host.js';
import { connect, endLeg, isLive } from './lifecycle.js';
import { isVoice, type Interaction } from './model.js';
import { deliverToAttendant, deliverToUser, enqueue } from './routing.js';

function where(core: TelephonyCore, to: OfferCallOptions['to']): (ix: Interaction) => void {
  const host = core.host;
  if ('workgroup' in to) {
    const wg = host.workgroup(to.workgroup);
    if (wg === undefined)
      throw new SimRequestError(404, ErrorId.WorkgroupNotFound, `Workgroup ${to.workgroup} was not found.`);
    return (ix) => enqueue(core, ix, wg);
  }
  if ('user' in to) {
    const user = host.user(to.user);
    if (user === undefined)
      throw new SimRequestError(404, ErrorId.UserNotFound, `User ${to.user} was not found.`);
    return (ix) => deliverToUser(core, ix, user);
  }
  const user = host.userByExtension(to.extension);
  if (user !== undefined) return (ix) => deliverToUser(core, ix, user);
  const wg = host.workgroupByExtension(to.extension);
  if (wg !== undefined) return (ix) => enqueue(core, ix, wg);
  const profile = host.attendantProfile(to.extension);
  if (profile !== undefined) return (ix) => deliverToAttendant(core, ix, profile);
  throw new SimRequestError(404, ErrorId.InvalidTarget, `Extension ${to.extension} does not exist.`);
}

/** An outside caller's inbound call; returns its interaction id. */
export function offerCall(core: TelephonyCore, options: OfferCallOptions): string {
  const from = options.from.trim();
  if (from === '') throw invalidParameter('"from" must not be empty.');
  const entries = checkedAttributes(options.attributes ?? {});
  const deliver = where(core, options.to);
  const ix = core.create(ObjectType.Call);
  ix.direction = 'I';
  ix.callType = 'E';
  ix.external = { address: from, name: options.fromName?.trim() || from, id: '' };
  writeAttributes(core, ix, entries, false);
  deliver(ix);
  return ix.id;
}

function liveCall(core: TelephonyCore, interactionId: string): Interaction {
  const ix = core.get(interactionId);
  if (ix === undefined || ix.deallocated) throw notFound(interactionId);
  if (!isLive(ix) || !isVoice(ix)) throw invalidState(interactionId, 'there is no live call');
  return ix;
}

/** The other end hangs up. On an internal call that is the other agent hanging up their leg. */
export function remoteHangup(core: TelephonyCore, interactionId: string): void {
  const ix = liveCall(core, interactionId);
  const peer = ix.peerId === null ? undefined : core.get(ix.peerId);
  if (isLive(peer)) endLeg(core, peer, State.InternalDisconnect, StateText.LocalDisconnect);
  else endLeg(core, ix, State.ExternalDisconnect, StateText.RemoteDisconnect);
}

/** The outside number being called answers now (instead of by its script). */
export function remoteAnswer(core: TelephonyCore, interactionId: string): void {
  const ix = liveCall(core, interactionId);
  if (ix.farEnd === null || ix.state !== State.Proceeding)
    throw invalidState(interactionId, 'no outside party is being called');
  connect(core, ix);
}
