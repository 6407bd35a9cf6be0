/**
 * Moving an interaction on: blind transfer, transfer to someone's voicemail, park, and consult
 * transfer (start, change audience, conclude, cancel).
 */
import { State, StateText } from './attributes.js';
import type { TelephonyCore } from './core.js';
import { destinationName, placeCall, type Destination } from './dialing.js';
import { invalidState, invalidTarget } from './errors.js';
import { QueueType, type UserInfo } from './host.js';
import { addHistory, dropConsult, endLeg, hold, isLive, resetAgentSide, resume } from './lifecycle.js';
import type { Consult, Interaction } from './model.js';
import { deliverToAttendant, deliverToUser, enqueue, forwardOut, toVoicemail } from './routing.js';

/** The current owner hands the leg on: history says forwarded, their call controls reset. */
function handOff(core: TelephonyCore, ix: Interaction): void {
  if (ix.owner !== null) addHistory(core, ix, 2);
  for (const kind of ['alert', 'voicemail', 'farEnd'] as const) core.cancel(ix, kind);
  resetAgentSide(core, ix);
}

/** Sends the leg to a destination as a blind transfer does. */
export function transferTo(core: TelephonyCore, ix: Interaction, d: Destination): void {
  if (d.kind === 'user' && d.user.userId === ix.owner) throw invalidTarget(d.user.userId, 'already has it');
  handOff(core, ix);
  if (d.kind !== 'workgroup') ix.acd = null;
  switch (d.kind) {
    case 'user':
      deliverToUser(core, ix, d.user);
      break;
    case 'workgroup':
      enqueue(core, ix, d.workgroup);
      break;
    case 'attendant':
      deliverToAttendant(core, ix, d.profile);
      break;
    case 'external':
      forwardOut(core, ix, d.number);
      break;
    case 'station':
      core.setOwner(ix, null);
      ix.parkedOn = { queueType: QueueType.Station, queueName: d.stationId };
      core.setState(ix, State.Alerting, StateText.Alerting);
      break;
  }
}

/** Leaves the call in the destination user's voicemail. */
export function transferToVoicemail(core: TelephonyCore, ix: Interaction, d: Destination): void {
  if (d.kind !== 'user') throw invalidTarget(destinationName(d), 'has no voicemail');
  handOff(core, ix);
  ix.acd = null;
  ix.parkedOn = null;
  core.setOwner(ix, d.user.userId);
  toVoicemail(core, ix);
}

/** Parks the call on a user, workgroup or station queue, where it waits to be picked up. */
export function park(core: TelephonyCore, ix: Interaction, d: Destination): void {
  let queue;
  if (d.kind === 'user') queue = { queueType: QueueType.User, queueName: d.user.userId };
  else if (d.kind === 'workgroup') queue = { queueType: QueueType.Workgroup, queueName: d.workgroup.name };
  else if (d.kind === 'station') queue = { queueType: QueueType.Station, queueName: d.stationId };
  else throw invalidTarget(destinationName(d), 'cannot hold a parked call');
  handOff(core, ix);
  ix.acd = null;
  core.setOwner(ix, null);
  ix.parkedOn = queue;
  core.setState(ix, State.Parked, StateText.Parked);
}

/** Starts a consult: the original is held and a consult leg calls a user or outside number. */
export function startConsult(
  core: TelephonyCore,
  user: UserInfo,
  original: Interaction,
  d: Destination,
): { consult: Consult; leg: Interaction } {
  if (d.kind !== 'user' && d.kind !== 'external')
    throw invalidTarget(destinationName(d), 'cannot be consulted (only users and outside numbers)');
  const leg = placeCall(core, user, d);
  if (original.state === State.Connected) hold(core, original);
  leg.isConsultLeg = true;
  leg.consultee = d.kind === 'user' ? d.user.userId : d.number;
  const consult: Consult = {
    id: core.newConsultId(),
    userId: user.userId,
    originalId: original.id,
    consultLegId: leg.id,
    audience: { originalParty: false, consultedParty: true },
  };
  core.consults.set(consult.id, consult);
  original.consultId = consult.id;
  original.consultCallId = leg.id;
  leg.consultId = consult.id;
  core.touch(original);
  core.touch(leg);
  return { consult, leg };
}

function legsOf(core: TelephonyCore, consult: Consult): { original: Interaction; leg: Interaction } {
  const original = core.get(consult.originalId);
  const leg = core.get(consult.consultLegId);
  if (!isLive(original) || !isLive(leg)) throw invalidState(consult.originalId, 'the consult has ended');
  return { original, leg };
}

/** Who hears whom: a party left out is held; both in is a three-way call. */
export function changeAudience(
  core: TelephonyCore,
  consult: Consult,
  audience: { originalParty: boolean; consultedParty: boolean },
): void {
  const { original, leg } = legsOf(core, consult);
  if (leg.state !== State.Connected && leg.state !== State.Held)
    throw invalidState(leg.id, 'the consulted party has not answered');
  const place = (ix: Interaction, hear: boolean): void => {
    if (hear && ix.state === State.Held) resume(core, ix);
    else if (!hear && ix.state === State.Connected) hold(core, ix);
  };
  place(original, audience.originalParty);
  place(leg, audience.consultedParty);
  consult.audience = { ...audience };
}

/** Who the consult leg reaches, to complete the transfer to. */
function consultedDestination(core: TelephonyCore, leg: Interaction): Destination | null {
  const peer = leg.peerId === null ? undefined : core.get(leg.peerId);
  if (peer !== undefined) {
    const owner = peer.owner === null ? undefined : core.user(peer.owner);
    if (owner !== undefined) return { kind: 'user', user: owner };
    return null;
  }
  return leg.external === null ? null : { kind: 'external', number: leg.external.address };
}

/**
 * Completes the transfer: the caller ends up with the consulted party and the agent drops out.
 * An unanswered consult (or one that reached voicemail) becomes a blind transfer to the consulted
 * destination.
 */
export function concludeConsult(core: TelephonyCore, consult: Consult): void {
  const { original, leg } = legsOf(core, consult);
  const talking = (ix: Interaction | undefined): boolean =>
    ix !== undefined && (ix.state === State.Connected || ix.state === State.Held);
  // Reaching the consulted agent's voicemail is not an answer: the caller is sent on blind.
  const peer = leg.peerId === null ? undefined : core.get(leg.peerId);
  const answered = talking(leg) && (peer === undefined || talking(peer));
  const target = consultedDestination(core, leg);
  dropConsult(core, consult.id);
  if (!answered || target === null) {
    endLeg(core, leg, State.InternalDisconnect, StateText.LocalDisconnect);
    if (target !== null) transferTo(core, original, target);
    return;
  }
  // The consulted agent's consult leg is replaced by the original interaction, already connected;
  // an outside consulted party stays bridged to the caller with no agent left on the call.
  endLeg(core, leg, State.InternalDisconnect, StateText.LocalDisconnect);
  handOff(core, original);
  original.acd = null;
  core.setOwner(original, target.kind === 'user' ? target.user.userId : null);
  resume(core, original);
}

/** Drops the consult leg; the original stays held. */
export function cancelConsult(core: TelephonyCore, consult: Consult): void {
  const { leg } = legsOf(core, consult);
  dropConsult(core, consult.id);
  endLeg(core, leg, State.InternalDisconnect, StateText.LocalDisconnect);
}
