/**
 * The telephony engine: the simulator's interactions, ACD, transfers, consults and conferences
 * behind the `TelephonyEngine` seam. This file checks each request (who may see the interaction,
 * which right it needs, which state it needs) and delegates the work to the feature modules; the
 * core reports every resulting change through the `TelephonyListener`.
 */
import { canonicalName, Eic, ObjectType, State, StateText, WRITABLE } from './attributes.js';
import { ruleFor, situationAllows, type Action } from './capabilities.js';
import { addToConference, createConference, inviteToConference } from './conferences.js';
import { TelephonyCore } from './core.js';
import { resolveDestination, resolveTarget, placeCall, checkDialable, type Destination } from './dialing.js';
import type {
  CreateCallOptions,
  EngineInteractionView,
  OfferCallOptions,
  SecurePauseType,
  TelephonyEngine,
  TransferDestination,
  WrapUpAssignment,
} from './engine-api.js';
import {
  ErrorId,
  invalidParameter,
  invalidState,
  invalidTarget,
  missingLicense,
  missingRight,
  noStation,
  notFound,
} from './errors.js';
import { isValidDtmf } from './far-end.js';
import {
  License,
  QueueType,
  Right,
  SimRequestError,
  type QueueEntry,
  type QueueId,
  type TelephonyHost,
  type TelephonyListener,
  type UserInfo,
} from './host.js';
import { connect, connectWaitingPeer, endLeg, hold, holdOthers, isLive, resume } from './lifecycle.js';
import { isVoice, queueKey, type Consult, type Interaction } from './model.js';
import { securePause, setPaused, setPrivate, setRecording, setSnippet } from './recording.js';
import {
  deliverToAttendant,
  deliverToUser,
  enqueue,
  observeAgent,
  requeue,
  route,
  toVoicemail,
  waitingLine,
} from './routing.js';
import {
  park,
  startConsult,
  changeAudience,
  concludeConsult,
  cancelConsult,
  transferTo,
  transferToVoicemail,
} from './transfers.js';
import { attributesFor } from './view.js';

export function createTelephonyEngine(host: TelephonyHost, listener: TelephonyListener): TelephonyEngine {
  const core = new TelephonyCore(host, listener);
  core.router = () => route(core);

  // Access and checks ------------------------------------------------------------------------

  function sessionUser(userId: string): UserInfo {
    const user = core.user(userId);
    if (user === undefined)
      throw new SimRequestError(404, ErrorId.UserNotFound, `User ${userId} was not found.`);
    return user;
  }

  function isStationOf(userId: string, stationId: string): boolean {
    return host.agent(userId)?.station?.stationId.toLowerCase() === stationId.toLowerCase();
  }

  function isMember(user: UserInfo, workgroup: string): boolean {
    const wg = host.workgroup(workgroup);
    return wg !== undefined && wg.members.some((m) => m.toLowerCase() === user.userId.toLowerCase());
  }

  /** Whether the interaction sits in one of the user's queues (own, parked on theirs, waiting in their workgroup). */
  function visibleTo(user: UserInfo, ix: Interaction): boolean {
    if (ix.deallocated) return false;
    if (ix.owner !== null) return ix.owner === user.userId;
    const parked = ix.parkedOn;
    if (parked !== null) {
      if (parked.queueType === QueueType.Workgroup) return isMember(user, parked.queueName);
      if (parked.queueType === QueueType.Station) return isStationOf(user.userId, parked.queueName);
      return parked.queueName.toLowerCase() === user.userId.toLowerCase();
    }
    return ix.acd?.phase === 'waiting' && isMember(user, ix.acd.workgroup);
  }

  function access(userId: string, interactionId: string): { user: UserInfo; ix: Interaction } {
    const user = sessionUser(userId);
    const ix = core.get(interactionId);
    if (ix === undefined || !visibleTo(user, ix)) throw notFound(interactionId);
    return { user, ix };
  }

  function requireRight(user: UserInfo, right: Right | null): void {
    if (right !== null && !user.rights.has(right)) throw missingRight(right);
  }

  /** Right first (403), then whether the state and situation allow the action (400). */
  function ensure(user: UserInfo, ix: Interaction, action: Action): void {
    const rule = ruleFor(ix, action);
    if (rule === undefined) throw invalidState(ix.id, `${action} is not possible on a ${ix.objectType}`);
    requireRight(user, rule.right);
    if (!situationAllows(ix, action, user.userId))
      throw invalidState(ix.id, `${action} is not possible in state "${ix.stateText || ix.state}"`);
  }

  function requireStation(user: UserInfo): void {
    const agent = host.agent(user.userId);
    if (agent === undefined || !agent.loggedIn || agent.station === null) throw noStation(user.userId);
  }

  /** Runs a command on one interaction the user can see, after the standard checks. */
  function command(
    userId: string,
    interactionId: string,
    action: Action,
    work: (ix: Interaction, user: UserInfo) => void,
  ): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      ensure(user, ix, action);
      work(ix, user);
    });
  }

  function destination(target: TransferDestination): Destination {
    return resolveDestination(core, target);
  }

  function consultOf(ix: Interaction, consultId: string): Consult {
    const consult = core.consults.get(consultId);
    if (consult === undefined || (consult.originalId !== ix.id && consult.consultLegId !== ix.id))
      throw new SimRequestError(404, ErrorId.ConsultNotFound, `Consult ${consultId} was not found.`);
    return consult;
  }

  function conferenceRoot(userId: string, conferenceId: string): { user: UserInfo; root: Interaction } {
    const user = sessionUser(userId);
    const root = core.get(conferenceId);
    if (root === undefined || root.objectType !== ObjectType.Conference || !visibleTo(user, root))
      throw new SimRequestError(404, ErrorId.ConferenceNotFound, `Conference ${conferenceId} was not found.`);
    return { user, root };
  }

  /** Calls that may join a conference: the user's own, distinct, connected or held, not in one yet. */
  function conferenceMembers(user: UserInfo, ids: readonly string[], min: number): Interaction[] {
    if (ids.length < min) throw invalidParameter(`A conference needs at least ${min} interaction(s).`);
    if (new Set(ids).size !== ids.length) throw invalidParameter('An interaction is listed twice.');
    return ids.map((id) => {
      const { ix } = access(user.userId, id);
      if (!isVoice(ix)) throw invalidState(id, 'only calls can be conferenced');
      ensure(user, ix, 'conference');
      return ix;
    });
  }

  function checkedAttributes(attributes: Record<string, string>): [string, string][] {
    const entries = Object.entries(attributes);
    for (const [name, value] of entries) {
      if (name.trim() === '' || typeof value !== 'string')
        throw invalidParameter('Attribute names must be non-empty and values strings.');
      const known = canonicalName(name);
      if (known !== undefined && !WRITABLE.has(known))
        throw new SimRequestError(400, ErrorId.ReadOnlyAttribute, `Attribute ${known} cannot be written.`);
    }
    return entries;
  }

  function writeAttributes(ix: Interaction, entries: [string, string][], append: boolean): void {
    for (const [name, value] of entries) {
      const known = canonicalName(name);
      if (known === Eic.RemoteName) {
        const current =
          ix.remoteNameOverride ?? (append ? attributesFor(core, ix, null)[Eic.RemoteName] : '');
        ix.remoteNameOverride = append ? `${current ?? ''}${value}` : value;
      } else if (known === Eic.AccountCode) {
        ix.accountCode = append ? ix.accountCode + value : value;
      } else {
        const key = name.toLowerCase();
        const existing = ix.custom.get(key);
        ix.custom.set(key, {
          name: existing?.name ?? name,
          value: append && existing !== undefined ? existing.value + value : value,
        });
      }
    }
    core.touch(ix);
  }

  // The outside world ------------------------------------------------------------------------

  function offerCall(options: OfferCallOptions): string {
    return core.run(() => {
      const from = options.from.trim();
      if (from === '') throw invalidParameter('"from" must not be empty.');
      const entries = checkedAttributes(options.attributes ?? {});
      const to = options.to;
      let deliver: (ix: Interaction) => void;
      if ('workgroup' in to) {
        const wg = host.workgroup(to.workgroup);
        if (wg === undefined)
          throw new SimRequestError(
            404,
            ErrorId.WorkgroupNotFound,
            `Workgroup ${to.workgroup} was not found.`,
          );
        deliver = (ix) => enqueue(core, ix, wg);
      } else if ('user' in to) {
        const user = host.user(to.user);
        if (user === undefined)
          throw new SimRequestError(404, ErrorId.UserNotFound, `User ${to.user} was not found.`);
        deliver = (ix) => deliverToUser(core, ix, user);
      } else {
        const user = host.userByExtension(to.extension);
        const wg = host.workgroupByExtension(to.extension);
        const profile = host.attendantProfile(to.extension);
        if (user !== undefined) deliver = (ix) => deliverToUser(core, ix, user);
        else if (wg !== undefined) deliver = (ix) => enqueue(core, ix, wg);
        else if (profile !== undefined) deliver = (ix) => deliverToAttendant(core, ix, profile);
        else
          throw new SimRequestError(404, ErrorId.InvalidTarget, `Extension ${to.extension} does not exist.`);
      }
      const ix = core.create(ObjectType.Call);
      ix.direction = 'I';
      ix.callType = 'E';
      ix.external = { address: from, name: options.fromName?.trim() || from, id: '' };
      writeAttributes(ix, entries, false);
      deliver(ix);
      return ix.id;
    });
  }

  function remoteHangup(interactionId: string): void {
    core.run(() => {
      const ix = core.get(interactionId);
      if (ix === undefined || ix.deallocated) throw notFound(interactionId);
      if (!isLive(ix) || !isVoice(ix)) throw invalidState(interactionId, 'there is no live call to hang up');
      const peer = ix.peerId === null ? undefined : core.get(ix.peerId);
      // The far side of an internal call is another agent's leg: they hang up there.
      if (isLive(peer)) endLeg(core, peer, State.InternalDisconnect, StateText.LocalDisconnect);
      else endLeg(core, ix, State.ExternalDisconnect, StateText.RemoteDisconnect);
    });
  }

  function remoteAnswer(interactionId: string): void {
    core.run(() => {
      const ix = core.get(interactionId);
      if (ix === undefined || ix.deallocated) throw notFound(interactionId);
      if (ix.farEnd === null || ix.state !== State.Proceeding)
        throw invalidState(interactionId, 'no outside party is being called');
      connect(core, ix);
    });
  }

  // Agent commands ---------------------------------------------------------------------------

  function createCall(userId: string, options: CreateCallOptions): string {
    return core.run(() => {
      const user = sessionUser(userId);
      requireStation(user);
      const target = options.target.trim();
      if (target === '') throw invalidParameter('"target" must not be empty.');
      const d = resolveTarget(core, target);
      if (d === null) throw invalidTarget(target);
      checkDialable(user, d, target);
      let workgroup: string | undefined;
      if (options.workgroup !== undefined && options.workgroup.trim() !== '') {
        const wg = host.workgroup(options.workgroup);
        if (wg === undefined) throw invalidParameter(`Workgroup ${options.workgroup} does not exist.`);
        workgroup = wg.name;
      }
      const entries = checkedAttributes(options.additionalAttributes ?? {});
      const leg = placeCall(core, user, d);
      if (workgroup !== undefined) leg.workgroupName = workgroup;
      if (options.accountCodeId !== undefined) leg.accountCode = options.accountCodeId;
      writeAttributes(leg, entries, false);
      return leg.id;
    });
  }

  function pickup(userId: string, interactionId: string): void {
    command(userId, interactionId, 'pickup', (ix, user) => {
      requireStation(user);
      if (ix.owner !== user.userId) {
        core.setOwner(ix, user.userId);
        ix.parkedOn = null;
      }
      if (ix.state === State.Held) resume(core, ix);
      else connect(core, ix);
      connectWaitingPeer(core, ix);
      holdOthers(core, user.userId, ix);
    });
  }

  function disconnect(userId: string, interactionId: string): void {
    command(userId, interactionId, 'disconnect', (ix) =>
      endLeg(core, ix, State.InternalDisconnect, StateText.LocalDisconnect),
    );
  }

  function holdCommand(userId: string, interactionId: string, on: boolean): void {
    command(userId, interactionId, 'hold', (ix, user) => {
      if (on && ix.state !== State.Connected) throw invalidState(ix.id, 'only a connected call can be held');
      if (!on && ix.state !== State.Held) throw invalidState(ix.id, 'the call is not held');
      if (on) hold(core, ix);
      else {
        resume(core, ix);
        holdOthers(core, user.userId, ix);
      }
    });
  }

  function mute(userId: string, interactionId: string, on: boolean): void {
    command(userId, interactionId, 'mute', (ix) => {
      ix.muted = on;
      if (ix.members !== null)
        for (const id of ix.members) {
          const m = core.get(id);
          if (isLive(m)) {
            m.muted = on;
            core.touch(m);
          }
        }
      core.touch(ix);
    });
  }

  function record(userId: string, interactionId: string, on: boolean, supervisor: boolean): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      if (on) ensure(user, ix, 'record');
      else {
        requireRight(user, Right.RecordInteractions);
        if (ix.state !== State.Connected && ix.state !== State.Held)
          throw invalidState(ix.id, 'the call is not active');
      }
      if (supervisor && !user.isSupervisor) throw missingRight('supervisor recording');
      setRecording(core, ix, user.userId, on, supervisor);
    });
  }

  function recordSnippet(userId: string, interactionId: string, on: boolean, supervisor: boolean): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      const rule = ruleFor(ix, 'snip');
      requireRight(user, rule?.right ?? Right.SnipInteractions);
      if (!user.licenses.has(License.RecorderAccess)) throw missingLicense(License.RecorderAccess);
      if (supervisor && !user.isSupervisor) throw missingRight('supervisor recording');
      if (on) ensure(user, ix, 'snip');
      else if (ix.state !== State.Connected && ix.state !== State.Held)
        throw invalidState(ix.id, 'the call is not active');
      setSnippet(core, ix, on);
    });
  }

  function pause(userId: string, interactionId: string, on: boolean): void {
    command(userId, interactionId, 'pause', (ix, user) => setPaused(core, ix, user.userId, on));
  }

  function securePauseCommand(
    userId: string,
    interactionId: string,
    type: SecurePauseType,
    durationSeconds?: number,
  ): void {
    command(userId, interactionId, 'securePause', (ix) => securePause(core, ix, type, durationSeconds));
  }

  function makePrivate(userId: string, interactionId: string, on: boolean): void {
    command(userId, interactionId, 'private', (ix) => setPrivate(core, ix, on));
  }

  function sendDigits(userId: string, interactionId: string, digits: string): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      if (!isValidDtmf(digits)) throw invalidParameter('DTMF digits may only be 0-9, *, #, A-D and ",".');
      ensure(user, ix, 'digits');
      ix.digits += digits.toUpperCase();
    });
  }

  function sendToVoicemail(userId: string, interactionId: string): void {
    command(userId, interactionId, 'voicemail', (ix, user) => {
      if (ix.owner !== user.userId) throw invalidState(ix.id, 'only your own calls go to your voicemail');
      core.cancel(ix, 'securePause');
      toVoicemail(core, ix);
    });
  }

  function transferToVoicemailCommand(
    userId: string,
    interactionId: string,
    target: TransferDestination,
  ): void {
    command(userId, interactionId, 'voicemail', (ix) => transferToVoicemail(core, ix, destination(target)));
  }

  function blindTransfer(userId: string, interactionId: string, target: TransferDestination): void {
    command(userId, interactionId, 'transfer', (ix) => transferTo(core, ix, destination(target)));
  }

  function parkCommand(userId: string, interactionId: string, target: TransferDestination): void {
    command(userId, interactionId, 'park', (ix) => park(core, ix, destination(target)));
  }

  function consult(
    userId: string,
    interactionId: string,
    target: TransferDestination,
    additionalAttributes?: Record<string, string>,
  ): { consultId: string; consultInteractionId: string } {
    return core.run(() => {
      const { user, ix } = access(userId, interactionId);
      ensure(user, ix, 'consult');
      requireStation(user);
      const d = destination(target);
      checkDialable(user, d, 'target' in target ? target.target : target.queue.queueName);
      const entries = checkedAttributes(additionalAttributes ?? {});
      const { consult: started, leg } = startConsult(core, user, ix, d);
      writeAttributes(leg, entries, false);
      return { consultId: started.id, consultInteractionId: leg.id };
    });
  }

  function consultCommand(
    userId: string,
    interactionId: string,
    consultId: string,
    work: (consult: Consult) => void,
  ): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      const found = consultOf(ix, consultId);
      requireRight(user, Right.TransferInteractions);
      work(found);
    });
  }

  function createConferenceCommand(userId: string, interactionIds: string[]): string {
    return core.run(() => {
      const user = sessionUser(userId);
      const members = conferenceMembers(user, interactionIds, 2);
      return createConference(core, user, members).id;
    });
  }

  function addToConferenceCommand(userId: string, conferenceId: string, interactionIds: string[]): void {
    core.run(() => {
      const { user, root } = conferenceRoot(userId, conferenceId);
      ensure(user, root, 'conference');
      addToConference(core, root, conferenceMembers(user, interactionIds, 1));
    });
  }

  function inviteDestination(user: UserInfo, target: string): Destination {
    requireStation(user);
    const d = resolveTarget(core, target);
    if (d === null) throw invalidTarget(target);
    if (d.kind !== 'user' && d.kind !== 'external') throw invalidTarget(target, 'cannot join a conference');
    checkDialable(user, d, target);
    return d;
  }

  function invitePartyToConference(userId: string, conferenceId: string, target: string): void {
    core.run(() => {
      const { user, root } = conferenceRoot(userId, conferenceId);
      ensure(user, root, 'conference');
      inviteToConference(core, user, root, inviteDestination(user, target));
    });
  }

  function inviteParty(userId: string, interactionId: string, target: string): void {
    core.run(() => {
      const { user, ix } = access(userId, interactionId);
      const root =
        ix.objectType === ObjectType.Conference
          ? ix
          : ix.conferenceId === null
            ? null
            : core.get(ix.conferenceId);
      if (root !== null && root !== undefined) {
        ensure(user, root, 'conference');
        inviteToConference(core, user, root, inviteDestination(user, target));
        return;
      }
      ensure(user, ix, 'conference');
      const d = inviteDestination(user, target);
      inviteToConference(core, user, createConference(core, user, [ix]), d);
    });
  }

  function getAttributes(
    userId: string,
    interactionId: string,
    names: string[] | undefined,
  ): Record<string, string> {
    return core.run(() => {
      const { user, ix } = access(userId, interactionId);
      if (names === undefined || names.length === 0) return { [Eic.CallId]: ix.id };
      const all = attributesFor(core, ix, user.userId);
      const out: Record<string, string> = {};
      for (const requested of names) {
        const known = canonicalName(requested);
        if (known !== undefined) {
          out[known] = all[known] ?? '';
          continue;
        }
        const custom = ix.custom.get(requested.toLowerCase());
        out[custom?.name ?? requested] = custom?.value ?? '';
      }
      return out;
    });
  }

  function setAttributes(
    userId: string,
    interactionId: string,
    attributes: Record<string, string>,
    append: boolean,
  ): void {
    core.run(() => {
      const { ix } = access(userId, interactionId);
      writeAttributes(ix, checkedAttributes(attributes), append);
    });
  }

  function assignWrapUp(userId: string, interactionId: string, assignment: WrapUpAssignment): void {
    core.run(() => {
      const { ix } = access(userId, interactionId);
      const code = assignment.code.trim();
      if (code === '') throw invalidParameter('A wrap-up code is required.');
      if (!Number.isInteger(assignment.segmentId) || assignment.segmentId < 0)
        throw invalidParameter('segmentId must be a non-negative integer.');
      const wg = ix.workgroupName === '' ? undefined : host.workgroup(ix.workgroupName);
      if (wg !== undefined && wg.wrapUpCodes.length > 0 && !wg.wrapUpCodes.includes(code))
        throw invalidParameter(`Wrap-up code ${code} is not used by workgroup ${wg.name}.`);
      ix.wrapUpCode = code;
      const segment = `${assignment.segmentId}|${code}|${assignment.user}`;
      ix.wrapUpSegments = [
        ...ix.wrapUpSegments.filter((s) => !s.startsWith(`${assignment.segmentId}|`)),
        segment,
      ];
      core.touch(ix);
    });
  }

  // Presence hooks ---------------------------------------------------------------------------

  function agentChanged(userId: string): void {
    core.run(() => {
      const id = core.user(userId)?.userId ?? userId;
      observeAgent(core, id, true);
      const agent = host.agent(id);
      if (agent === undefined || !agent.loggedIn || agent.station === null)
        for (const ix of core.owned(id)) if (ix.acd?.phase === 'alerting') requeue(core, ix);
      core.touchUser(id);
      core.requestRoute();
    });
  }

  function agentLoggedOff(userId: string): void {
    core.run(() => {
      const id = core.user(userId)?.userId ?? userId;
      observeAgent(core, id);
      for (const ix of core.owned(id)) {
        if (ix.acd?.phase === 'alerting') requeue(core, ix);
        else if (ix.state === State.Alerting) toVoicemail(core, ix);
      }
      core.touchUser(id);
      core.requestRoute();
    });
  }

  // Reading ----------------------------------------------------------------------------------

  function queueContents(queue: QueueId): QueueEntry[] {
    const key = queueKey(queue);
    const out: QueueEntry[] = [];
    for (const id of core.queueIndex.get(key) ?? []) {
      const entry = core.get(id)?.memberships.get(key)?.entry;
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  function interactions(): EngineInteractionView[] {
    const out: EngineInteractionView[] = [];
    for (const ix of core.interactions.values()) {
      if (ix.deallocated) continue;
      const view: EngineInteractionView = {
        interactionId: ix.id,
        attributes: attributesFor(core, ix, ix.owner),
        queues: [...ix.memberships.values()].map((m) => m.queue),
      };
      out.push(ix.conferenceId === null ? view : { ...view, conferenceParentId: ix.conferenceId });
    }
    return out;
  }

  return {
    offerCall,
    remoteHangup,
    remoteAnswer,
    createCall,
    pickup,
    disconnect,
    hold: holdCommand,
    mute,
    record,
    recordSnippet,
    pause,
    securePause: securePauseCommand,
    makePrivate,
    sendDigits,
    sendToVoicemail,
    transferToVoicemail: transferToVoicemailCommand,
    blindTransfer,
    park: parkCommand,
    consult,
    changeAudience: (userId, interactionId, consultId, audience) =>
      consultCommand(userId, interactionId, consultId, (c) => changeAudience(core, c, audience)),
    concludeConsult: (userId, interactionId, consultId) =>
      consultCommand(userId, interactionId, consultId, (c) => concludeConsult(core, c)),
    cancelConsult: (userId, interactionId, consultId) =>
      consultCommand(userId, interactionId, consultId, (c) => cancelConsult(core, c)),
    createConference: createConferenceCommand,
    addToConference: addToConferenceCommand,
    invitePartyToConference,
    inviteParty,
    getAttributes,
    setAttributes,
    assignWrapUp,
    agentChanged,
    agentLoggedOff,
    queueContents,
    interactions,
    waitingInWorkgroup: (workgroup) => waitingLine(core, workgroup).map((ix) => ix.id),
    reset: () => core.reset(),
  };
}
