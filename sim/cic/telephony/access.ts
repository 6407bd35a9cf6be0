/**
 * Who may do what to which interaction. An agent sees an interaction when it sits in one of
 * their queues: their own legs, calls parked on their user or station queue, and calls parked or
 * waiting in a workgroup they belong to. Anything else is "not found" (404). The checks run in
 * the order 404 (not visible), 403 (right missing), 400 (state or situation).
 */
import { ObjectType } from './attributes.js';
import { ruleFor, situationAllows, type Action } from './capabilities.js';
import type { TelephonyCore } from './core.js';
import { ErrorId, invalidParameter, invalidState, missingRight, noStation, notFound } from './errors.js';
import { QueueType, SimRequestError, type Right, type UserInfo } from './host.js';
import { isVoice, type Consult, type Interaction } from './model.js';

export function sessionUser(core: TelephonyCore, userId: string): UserInfo {
  const user = core.user(userId);
  if (user === undefined)
    throw new SimRequestError(404, ErrorId.UserNotFound, `User ${userId} was not found.`);
  return user;
}

function isMember(core: TelephonyCore, user: UserInfo, workgroup: string): boolean {
  const wg = core.host.workgroup(workgroup);
  return wg !== undefined && wg.members.some((m) => m.toLowerCase() === user.userId.toLowerCase());
}

function isStationOf(core: TelephonyCore, user: UserInfo, stationId: string): boolean {
  return core.host.agent(user.userId)?.station?.stationId.toLowerCase() === stationId.toLowerCase();
}

/** Whether the interaction sits in one of the user's queues. */
export function visibleTo(core: TelephonyCore, user: UserInfo, ix: Interaction): boolean {
  if (ix.deallocated) return false;
  if (ix.owner !== null) return ix.owner === user.userId;
  const parked = ix.parkedOn;
  if (parked !== null) {
    if (parked.queueType === QueueType.Workgroup) return isMember(core, user, parked.queueName);
    if (parked.queueType === QueueType.Station) return isStationOf(core, user, parked.queueName);
    return parked.queueName.toLowerCase() === user.userId.toLowerCase();
  }
  return ix.acd?.phase === 'waiting' && isMember(core, user, ix.acd.workgroup);
}

/** The session's user and an interaction they can see, or 404. */
export function access(
  core: TelephonyCore,
  userId: string,
  interactionId: string,
): { user: UserInfo; ix: Interaction } {
  const user = sessionUser(core, userId);
  const ix = core.get(interactionId);
  if (ix === undefined || !visibleTo(core, user, ix)) throw notFound(interactionId);
  return { user, ix };
}

export function requireRight(user: UserInfo, right: Right | null): void {
  if (right !== null && !user.rights.has(right)) throw missingRight(right);
}

/** The action's right (403), then whether the state and situation allow it (400). */
export function ensure(user: UserInfo, ix: Interaction, action: Action): void {
  const rule = ruleFor(ix, action);
  if (rule === undefined) throw invalidState(ix.id, `${action} is not possible on a ${ix.objectType}`);
  requireRight(user, rule.right);
  if (!situationAllows(ix, action, user.userId))
    throw invalidState(ix.id, `${action} is not possible in state "${ix.stateText || ix.state}"`);
}

/** Answering and dialling need a station (400 otherwise). */
export function requireStation(core: TelephonyCore, user: UserInfo): void {
  const agent = core.host.agent(user.userId);
  if (agent === undefined || !agent.loggedIn || agent.station === null) throw noStation(user.userId);
}

/** The consult `consultId` of this interaction (either leg), or 404. */
export function consultOf(core: TelephonyCore, ix: Interaction, consultId: string): Consult {
  const consult = core.consults.get(consultId);
  if (consult === undefined || (consult.originalId !== ix.id && consult.consultLegId !== ix.id))
    throw new SimRequestError(404, ErrorId.ConsultNotFound, `Consult ${consultId} was not found.`);
  return consult;
}

/** A conference the user can see, or 404. */
export function conferenceRoot(
  core: TelephonyCore,
  userId: string,
  conferenceId: string,
): { user: UserInfo; root: Interaction } {
  const user = sessionUser(core, userId);
  const root = core.get(conferenceId);
  if (root === undefined || root.objectType !== ObjectType.Conference || !visibleTo(core, user, root))
    throw new SimRequestError(404, ErrorId.ConferenceNotFound, `Conference ${conferenceId} was not found.`);
  return { user, root };
}

/** Calls that may join a conference: the user's own, distinct, connected or held, not in one yet. */
export function conferenceMembers(
  core: TelephonyCore,
  user: UserInfo,
  ids: readonly string[],
  min: number,
): Interaction[] {
  if (ids.length < min) throw invalidParameter(`A conference needs at least ${min} interaction(s).`);
  if (new Set(ids).size !== ids.length) throw invalidParameter('An interaction is listed twice.');
  return ids.map((id) => {
    const { ix } = access(core, user.userId, id);
    if (!isVoice(ix)) throw invalidState(id, 'only calls can be conferenced');
    ensure(user, ix, 'conference');
    return ix;
  });
}
