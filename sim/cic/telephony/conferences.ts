/**
 * Conferences. A conference is its own interaction (object type `Conference`) in the creating
 * agent's queues; each member leg carries `Eic_ConferenceId` and the queue entry's
 * `conferenceParentId`. Disconnecting a member drops that party; with fewer than two parties
 * left the conference ends (see `leaveConference`).
 */
import { ObjectType, State, StateText } from './attributes.js';
import type { TelephonyCore } from './core.js';
import { placeCall, type Destination } from './dialing.js';
import type { UserInfo } from './host.js';
import { holdOthers, resume } from './lifecycle.js';
import type { Interaction } from './model.js';

function join(core: TelephonyCore, root: Interaction, member: Interaction): void {
  member.conferenceId = root.id;
  root.members?.push(member.id);
  if (member.state === State.Held) resume(core, member);
  core.touch(member);
  core.touch(root);
}

/** Makes a conference of the agent's connected or held calls; returns its id. */
export function createConference(core: TelephonyCore, user: UserInfo, members: Interaction[]): Interaction {
  const root = core.create(ObjectType.Conference);
  root.members = [];
  core.setOwner(root, user.userId);
  root.connectedAt = core.now();
  for (const m of members) join(core, root, m);
  core.setState(root, State.Connected, StateText.Connected);
  holdOthers(core, user.userId, root);
  return root;
}

export function addToConference(core: TelephonyCore, root: Interaction, members: Interaction[]): void {
  for (const m of members) join(core, root, m);
  if (root.state === State.Held) resume(core, root);
}

/** Calls a new party straight into the conference. */
export function inviteToConference(
  core: TelephonyCore,
  user: UserInfo,
  root: Interaction,
  d: Destination,
): Interaction {
  if (root.state === State.Held) resume(core, root);
  const leg = placeCall(core, user, d, { conference: root });
  holdOthers(core, user.userId, root);
  return leg;
}
