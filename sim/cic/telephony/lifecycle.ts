/**
 * State transitions every feature shares: connecting, holding, ending a leg (with its peer,
 * consult and conference consequences), history entries and deallocation.
 */
import { isDisconnected, ObjectType, State, StateText } from './attributes.js';
import type { TelephonyCore } from './core.js';
import type { HistoryEntry } from './host.js';
import { isVoice, type Interaction } from './model.js';
import { localParty, remoteParty } from './view.js';

/** History status: 0 missed, 1 connected, 2 forwarded. */
export type HistoryStatus = 0 | 1 | 2;

export function isLive(ix: Interaction | undefined): ix is Interaction {
  return ix !== undefined && !ix.deallocated && !isDisconnected(ix.state);
}

/** Alerting, proceeding, voicemail or parked → Connected (the first connect stamps the time). */
export function connect(core: TelephonyCore, ix: Interaction): void {
  for (const kind of ['alert', 'farEnd', 'voicemail'] as const) core.cancel(ix, kind);
  ix.connectedAt ??= core.now();
  if (ix.owner !== null) ix.ownerConnected = true;
  if (ix.acd !== null && ix.owner !== null) ix.acd.phase = 'assigned';
  core.setState(ix, State.Connected, StateText.Connected);
}

/** Connects the other side of an internal call once this side answers or reaches voicemail. */
export function connectWaitingPeer(core: TelephonyCore, ix: Interaction): void {
  const peer = ix.peerId === null ? undefined : core.get(ix.peerId);
  if (isLive(peer) && peer.state === State.Proceeding) connect(core, peer);
}

export function hold(core: TelephonyCore, ix: Interaction): void {
  if (ix.members !== null) for (const m of liveMembers(core, ix)) hold(core, m);
  core.setState(ix, State.Held, StateText.OnHold);
}

/** Held → Connected (a conference resumes with all its members). */
export function resume(core: TelephonyCore, ix: Interaction): void {
  if (ix.members !== null) for (const m of liveMembers(core, ix)) resume(core, m);
  if (ix.owner !== null) ix.ownerConnected = true;
  core.setState(ix, State.Connected, StateText.Connected);
}

export function liveMembers(core: TelephonyCore, root: Interaction): Interaction[] {
  return (root.members ?? []).map((id) => core.get(id)).filter(isLive);
}

/**
 * Puts the agent's other connected calls on hold, as picking up or dialling does. Members of the
 * conference `active` belongs to (or is) stay connected.
 */
export function holdOthers(core: TelephonyCore, userId: string, active: Interaction): void {
  const conference = active.members !== null ? active.id : active.conferenceId;
  for (const other of core.owned(userId)) {
    if (other === active || other.state !== State.Connected) continue;
    if (conference !== null && (other.id === conference || other.conferenceId === conference)) continue;
    if (other.conferenceId !== null) continue; // held together with its conference root
    if (other.objectType === ObjectType.Conference || isVoice(other)) hold(core, other);
  }
}

/** Clears what belonged to the previous agent before a leg moves on (mute, recordings, pauses). */
export function resetAgentSide(core: TelephonyCore, ix: Interaction): void {
  core.cancel(ix, 'securePause');
  ix.muted = false;
  ix.recorders = [];
  ix.supervisorRecorders = [];
  ix.pausedRecorders.clear();
  ix.snippetId = '';
  ix.securePause = null;
  core.touch(ix);
}

/** Reports a call-history entry for the leg's current owner. */
export function addHistory(core: TelephonyCore, ix: Interaction, status: HistoryStatus): void {
  if (!isVoice(ix) || ix.owner === null) return;
  const local = localParty(core, ix);
  const remote = remoteParty(core, ix);
  const userId = ix.owner;
  const entry: HistoryEntry = {
    interactionId: ix.id,
    direction: ix.direction === 'I' ? 1 : ix.direction === 'O' ? 2 : 0,
    initiationTime: ix.initiatedAt,
    terminationTime: core.now(),
    localAddress: local.address,
    localId: local.id,
    localName: local.name,
    remoteAddress: remote.address,
    remoteId: remote.id,
    remoteName: remote.name,
    notes: '',
    log: '',
    interactionHistoryStatus: status,
  };
  core.notice(() => core.listener.historyAdded(userId, entry));
}

/** Ends a consult: both legs go on as ordinary calls. */
export function dropConsult(core: TelephonyCore, consultId: string): void {
  const consult = core.consults.get(consultId);
  if (consult === undefined) return;
  core.consults.delete(consultId);
  for (const id of [consult.originalId, consult.consultLegId]) {
    const ix = core.get(id);
    if (ix === undefined) continue;
    ix.consultId = null;
    if (id === consult.originalId) ix.consultCallId = '';
    core.touch(ix);
  }
}

/** Takes a member out of its conference; a conference left with fewer than two parties ends. */
export function leaveConference(core: TelephonyCore, member: Interaction): void {
  const root = member.conferenceId === null ? undefined : core.get(member.conferenceId);
  member.conferenceId = null;
  core.touch(member);
  if (root === undefined || root.members === null) return;
  root.members = root.members.filter((id) => id !== member.id);
  core.touch(root);
  if (!isLive(root)) return;
  const remaining = liveMembers(core, root);
  if (remaining.length >= 2) return;
  for (const m of remaining) {
    m.conferenceId = null;
    core.touch(m);
  }
  root.members = [];
  endLeg(core, root, State.InternalDisconnect, StateText.LocalDisconnect);
}

/**
 * Disconnects a leg: termination time, history for its owner, the internal peer hears a remote
 * disconnect, a consult or conference it belonged to is updated, and deallocation is scheduled.
 */
export function endLeg(core: TelephonyCore, ix: Interaction, state: State, text: string): void {
  if (!isLive(ix)) return;
  core.cancelAll(ix);
  ix.terminatedAt = core.now();
  ix.securePause = null;
  ix.snippetId = '';
  ix.recorders = [];
  ix.supervisorRecorders = [];
  ix.pausedRecorders.clear();
  core.setState(ix, state, text);
  addHistory(core, ix, ix.ownerConnected ? 1 : 0);
  if (ix.consultId !== null) dropConsult(core, ix.consultId);
  if (ix.members !== null) {
    for (const m of liveMembers(core, ix)) {
      m.conferenceId = null;
      endLeg(core, m, State.InternalDisconnect, StateText.LocalDisconnect);
    }
  }
  if (ix.conferenceId !== null) leaveConference(core, ix);
  const peer = ix.peerId === null ? undefined : core.get(ix.peerId);
  if (isLive(peer)) endLeg(core, peer, State.ExternalDisconnect, StateText.RemoteDisconnect);
  core.after(ix, 'deallocate', core.host.deallocateAfterMs, () => deallocate(core, ix));
}

/** Removes a disconnected interaction from every queue and forgets it. */
export function deallocate(core: TelephonyCore, ix: Interaction): void {
  if (ix.deallocated) return;
  core.cancelAll(ix);
  const peer = ix.peerId === null ? undefined : core.get(ix.peerId);
  if (peer !== undefined && !peer.deallocated) {
    // Keep showing who the peer talked to once this leg is gone.
    peer.external = remoteParty(core, peer);
    peer.peerId = null;
  }
  core.touch(ix);
  ix.deallocated = true;
  if (ix.owner !== null) core.ownerIndex.get(ix.owner)?.delete(ix.id);
  core.notice(() => {
    core.interactions.delete(ix.id);
    core.listener.interactionDeallocated(ix.id);
  });
}
