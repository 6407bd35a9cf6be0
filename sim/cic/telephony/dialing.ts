/**
 * Dial strings and destinations: what a target or queue names (user, workgroup, attendant
 * profile, station queue or outside number), and placing an agent's call to it.
 */
import { ObjectType, State, StateText } from './attributes.js';
import type { TelephonyCore } from './core.js';
import type { TransferDestination } from './engine-api.js';
import { invalidTarget } from './errors.js';
import { normaliseNumber } from './far-end.js';
import { QueueType, type AttendantProfileInfo, type UserInfo, type WorkgroupInfo } from './host.js';
import { connect, holdOthers } from './lifecycle.js';
import type { Interaction } from './model.js';
import { deliverToUser, dialOut, enqueue } from './routing.js';

export type Destination =
  | { readonly kind: 'user'; readonly user: UserInfo }
  | { readonly kind: 'workgroup'; readonly workgroup: WorkgroupInfo }
  | { readonly kind: 'attendant'; readonly profile: AttendantProfileInfo }
  | { readonly kind: 'station'; readonly stationId: string }
  | { readonly kind: 'external'; readonly number: string };

/** Extensions first (user, workgroup, attendant profile), then names and ids, then numbers. */
export function resolveTarget(core: TelephonyCore, target: string): Destination | null {
  const t = target.trim();
  if (t === '') return null;
  const host = core.host;
  const byExtUser = host.userByExtension(t);
  if (byExtUser !== undefined) return { kind: 'user', user: byExtUser };
  const byExtWg = host.workgroupByExtension(t);
  if (byExtWg !== undefined) return { kind: 'workgroup', workgroup: byExtWg };
  const profile = host.attendantProfile(t);
  if (profile !== undefined) return { kind: 'attendant', profile };
  const user = host.user(t);
  if (user !== undefined) return { kind: 'user', user };
  const wg = host.workgroup(t);
  if (wg !== undefined) return { kind: 'workgroup', workgroup: wg };
  const number = normaliseNumber(t);
  return number === null ? null : { kind: 'external', number };
}

/** A transfer/park/consult destination; refuses (400) what names nothing. */
export function resolveDestination(core: TelephonyCore, destination: TransferDestination): Destination {
  if ('queue' in destination) {
    const { queueType, queueName } = destination.queue;
    if (queueType === QueueType.User || queueType === QueueType.System) {
      const user = core.host.user(queueName);
      if (user !== undefined) return { kind: 'user', user };
    } else if (queueType === QueueType.Workgroup) {
      const workgroup = core.host.workgroup(queueName);
      if (workgroup !== undefined) return { kind: 'workgroup', workgroup };
    } else if (queueType === QueueType.Station && queueName.trim() !== '') {
      return { kind: 'station', stationId: queueName };
    }
    throw invalidTarget(`${queueType}:${queueName}`, 'is not a known queue');
  }
  const resolved = resolveTarget(core, destination.target);
  if (resolved === null) throw invalidTarget(destination.target);
  return resolved;
}

export function destinationName(d: Destination): string {
  switch (d.kind) {
    case 'user':
      return d.user.displayName;
    case 'workgroup':
      return d.workgroup.name;
    case 'attendant':
      return d.profile.name;
    case 'station':
      return d.stationId;
    case 'external':
      return d.number;
  }
}

/** Refuses destinations an agent cannot dial (themselves, a station queue). */
export function checkDialable(caller: UserInfo, d: Destination, label: string): void {
  if (d.kind === 'user' && d.user.userId === caller.userId) throw invalidTarget(label, 'is the caller');
  if (d.kind === 'station') throw invalidTarget(label, 'cannot be dialled');
}

export interface PlaceOptions {
  /** The new leg joins this conference before the agent's other calls are held. */
  readonly conference?: Interaction;
}

/**
 * Places an agent's outbound leg. An internal target gets its own incoming leg (alerting, ACD
 * or voicemail); an attendant profile answers at once; an outside number runs its far end.
 */
export function placeCall(
  core: TelephonyCore,
  caller: UserInfo,
  d: Destination,
  options: PlaceOptions = {},
): Interaction {
  checkDialable(caller, d, destinationName(d));
  const leg = core.create(ObjectType.Call);
  leg.direction = 'O';
  leg.callType = d.kind === 'external' ? 'E' : 'I';
  core.setOwner(leg, caller.userId);
  if (options.conference !== undefined) {
    leg.conferenceId = options.conference.id;
    options.conference.members?.push(leg.id);
    core.touch(options.conference);
  }
  holdOthers(core, caller.userId, leg);
  switch (d.kind) {
    case 'user':
    case 'workgroup': {
      const far = core.create(ObjectType.Call);
      far.direction = 'I';
      far.callType = 'I';
      far.peerId = leg.id;
      leg.peerId = far.id;
      core.setState(leg, State.Proceeding, StateText.Proceeding);
      if (d.kind === 'user') deliverToUser(core, far, d.user);
      else enqueue(core, far, d.workgroup);
      break;
    }
    case 'attendant':
      leg.external = { address: d.profile.extension, name: d.profile.name, id: d.profile.name };
      connect(core, leg);
      break;
    case 'external':
      leg.external = { address: d.number, name: d.number, id: '' };
      dialOut(core, leg, d.number);
      break;
  }
  return leg;
}
