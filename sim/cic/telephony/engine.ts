/**
 * The telephony engine: the simulator's interactions, ACD, transfers, consults and conferences
 * behind the `TelephonyEngine` seam. Each method runs inside the core's `run` (so its effects are
 * reported before it returns), checks the request (`access.ts`: visible 404, right 403, state
 * 400) and hands the work to the feature modules.
 */
import {
  access,
  conferenceMembers,
  conferenceRoot,
  consultOf,
  ensure,
  requireRight,
  requireStation,
  sessionUser,
} from './access.js';
import { assignWrapUp, checkedAttributes, readAttributes, writeAttributes } from './attribute-store.js';
import { ObjectType, State, StateText } from './attributes.js';
import type { Action } from './capabilities.js';
import { addToConference, createConference, inviteToConference } from './conferences.js';
import { TelephonyCore } from './core.js';
import { checkDialable, placeCall, resolveDestination, resolveTarget, type Destination } from './dialing.js';
import type { EngineInteractionView, TelephonyEngine, TransferDestination } from './engine-api.js';
import { invalidParameter, invalidState, invalidTarget, missingLicense, missingRight } from './errors.js';
import { isValidDtmf } from './far-end.js';
import {
  License,
  Right,
  type QueueEntry,
  type TelephonyHost,
  type TelephonyListener,
  type UserInfo,
} from './host.js';
import { connect, connectWaitingPeer, endLeg, hold, holdOthers, isLive, resume } from './lifecycle.js';
import { queueKey, type Consult, type Interaction } from './model.js';
import { offerCall, remoteAnswer, remoteHangup } from './outside-world.js';
import { securePause, setPaused, setPrivate, setRecording, setSnippet } from './recording.js';
import { observeAgent, requeue, route, toVoicemail, waitingLine } from './routing.js';
import {
  cancelConsult,
  changeAudience,
  concludeConsult,
  park,
  startConsult,
  transferTo,
  transferToVoicemail,
} from './transfers.js';
import { attributesFor } from './view.js';

export function createTelephonyEngine(host: TelephonyHost, listener: TelephonyListener): TelephonyEngine {
  const core = new TelephonyCore(host, listener);
  core.router = () => route(core);

  /** Runs a command on one interaction the user can see, after the checks for `action`. */
  function command(
    userId: string,
    interactionId: string,
    action: Action,
    work: (ix: Interaction, user: UserInfo) => void,
  ): void {
    core.run(() => {
      const { user, ix } = access(core, userId, interactionId);
      ensure(user, ix, action);
      work(ix, user);
    });
  }

  /** Like `command` for the consult sub-resources (`/consult/{consultId}/…`). */
  function consultCommand(
    userId: string,
    interactionId: string,
    consultId: string,
    work: (c: Consult) => void,
  ): void {
    core.run(() => {
      const { user, ix } = access(core, userId, interactionId);
      const consult = consultOf(core, ix, consultId);
      requireRight(user, Right.TransferInteractions);
      work(consult);
    });
  }

  /** Stopping a recording needs the right and a live call, not the conditions for starting one. */
  function ensureActive(user: UserInfo, ix: Interaction, right: Right): void {
    requireRight(user, right);
    if (ix.state !== State.Connected && ix.state !== State.Held)
      throw invalidState(ix.id, 'the call is not active');
  }

  function destination(target: TransferDestination): Destination {
    return resolveDestination(core, target);
  }

  /** A party an agent may invite into a conference: a user or an outside number. */
  function inviteDestination(user: UserInfo, target: string): Destination {
    requireStation(core, user);
    const d = resolveTarget(core, target);
    if (d === null) throw invalidTarget(target);
    if (d.kind !== 'user' && d.kind !== 'external') throw invalidTarget(target, 'cannot join a conference');
    checkDialable(user, d, target);
    return d;
  }

  function setMuted(ix: Interaction, on: boolean): void {
    ix.muted = on;
    core.touch(ix);
    for (const id of ix.members ?? []) {
      const member = core.get(id);
      if (isLive(member)) setMuted(member, on);
    }
  }

  const engine: TelephonyEngine = {
    offerCall: (options) => core.run(() => offerCall(core, options)),
    remoteHangup: (id) => core.run(() => remoteHangup(core, id)),
    remoteAnswer: (id) => core.run(() => remoteAnswer(core, id)),

    createCall: (userId, options) =>
      core.run(() => {
        const user = sessionUser(core, userId);
        requireStation(core, user);
        const target = options.target.trim();
        if (target === '') throw invalidParameter('"target" must not be empty.');
        const d = resolveTarget(core, target);
        if (d === null) throw invalidTarget(target);
        checkDialable(user, d, target);
        const wgName = options.workgroup?.trim() ?? '';
        const workgroup = wgName === '' ? undefined : host.workgroup(wgName);
        if (wgName !== '' && workgroup === undefined)
          throw invalidParameter(`Workgroup ${wgName} does not exist.`);
        const entries = checkedAttributes(options.additionalAttributes ?? {});
        const leg = placeCall(core, user, d);
        if (workgroup !== undefined) leg.workgroupName = workgroup.name;
        if (options.accountCodeId !== undefined) leg.accountCode = options.accountCodeId;
        writeAttributes(core, leg, entries, false);
        return leg.id;
      }),

    pickup: (userId, id) =>
      command(userId, id, 'pickup', (ix, user) => {
        requireStation(core, user);
        if (ix.owner !== user.userId) {
          core.setOwner(ix, user.userId);
          ix.parkedOn = null;
        }
        if (ix.state === State.Held) resume(core, ix);
        else connect(core, ix);
        connectWaitingPeer(core, ix);
        holdOthers(core, user.userId, ix);
      }),

    disconnect: (userId, id) =>
      command(userId, id, 'disconnect', (ix) =>
        endLeg(core, ix, State.InternalDisconnect, StateText.LocalDisconnect),
      ),

    hold: (userId, id, on) =>
      command(userId, id, 'hold', (ix, user) => {
        if (on && ix.state !== State.Connected)
          throw invalidState(ix.id, 'only a connected call can be held');
        if (!on && ix.state !== State.Held) throw invalidState(ix.id, 'the call is not held');
        if (on) return hold(core, ix);
        resume(core, ix);
        holdOthers(core, user.userId, ix);
      }),

    mute: (userId, id, on) => command(userId, id, 'mute', (ix) => setMuted(ix, on)),

    record: (userId, id, on, supervisor) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        if (on) ensure(user, ix, 'record');
        else ensureActive(user, ix, Right.RecordInteractions);
        if (supervisor && !user.isSupervisor) throw missingRight('supervisor recording');
        setRecording(core, ix, user.userId, on, supervisor);
      }),

    recordSnippet: (userId, id, on, supervisor) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        requireRight(user, Right.SnipInteractions);
        if (!user.licenses.has(License.RecorderAccess)) throw missingLicense(License.RecorderAccess);
        if (supervisor && !user.isSupervisor) throw missingRight('supervisor recording');
        if (on) ensure(user, ix, 'snip');
        else ensureActive(user, ix, Right.SnipInteractions);
        setSnippet(core, ix, on);
      }),

    pause: (userId, id, on) =>
      command(userId, id, 'pause', (ix, user) => setPaused(core, ix, user.userId, on)),

    securePause: (userId, id, type, durationSeconds) =>
      command(userId, id, 'securePause', (ix) => securePause(core, ix, type, durationSeconds)),

    makePrivate: (userId, id, on) => command(userId, id, 'private', (ix) => setPrivate(core, ix, on)),

    sendDigits: (userId, id, digits) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        if (!isValidDtmf(digits)) throw invalidParameter('DTMF digits may only be 0-9, *, #, A-D and ",".');
        ensure(user, ix, 'digits');
        ix.digits += digits.toUpperCase();
      }),

    sendToVoicemail: (userId, id) =>
      command(userId, id, 'voicemail', (ix, user) => {
        if (ix.owner !== user.userId) throw invalidState(ix.id, 'only your own calls go to your voicemail');
        toVoicemail(core, ix);
      }),

    transferToVoicemail: (userId, id, target) =>
      command(userId, id, 'voicemail', (ix) => transferToVoicemail(core, ix, destination(target))),

    blindTransfer: (userId, id, target) =>
      command(userId, id, 'transfer', (ix) => transferTo(core, ix, destination(target))),

    park: (userId, id, target) => command(userId, id, 'park', (ix) => park(core, ix, destination(target))),

    consult: (userId, id, target, additionalAttributes) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        ensure(user, ix, 'consult');
        requireStation(core, user);
        const d = destination(target);
        checkDialable(user, d, 'target' in target ? target.target : target.queue.queueName);
        const entries = checkedAttributes(additionalAttributes ?? {});
        const { consult, leg } = startConsult(core, user, ix, d);
        writeAttributes(core, leg, entries, false);
        return { consultId: consult.id, consultInteractionId: leg.id };
      }),

    changeAudience: (userId, id, consultId, audience) =>
      consultCommand(userId, id, consultId, (c) => changeAudience(core, c, audience)),
    concludeConsult: (userId, id, consultId) =>
      consultCommand(userId, id, consultId, (c) => concludeConsult(core, c)),
    cancelConsult: (userId, id, consultId) =>
      consultCommand(userId, id, consultId, (c) => cancelConsult(core, c)),

    createConference: (userId, ids) =>
      core.run(() => {
        const user = sessionUser(core, userId);
        return createConference(core, user, conferenceMembers(core, user, ids, 2)).id;
      }),

    addToConference: (userId, conferenceId, ids) =>
      core.run(() => {
        const { user, root } = conferenceRoot(core, userId, conferenceId);
        ensure(user, root, 'conference');
        addToConference(core, root, conferenceMembers(core, user, ids, 1));
      }),

    invitePartyToConference: (userId, conferenceId, target) =>
      core.run(() => {
        const { user, root } = conferenceRoot(core, userId, conferenceId);
        ensure(user, root, 'conference');
        inviteToConference(core, user, root, inviteDestination(user, target));
      }),

    inviteParty: (userId, id, target) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        const rootId = ix.objectType === ObjectType.Conference ? ix.id : ix.conferenceId;
        const root = rootId === null ? undefined : core.get(rootId);
        if (root !== undefined) {
          ensure(user, root, 'conference');
          inviteToConference(core, user, root, inviteDestination(user, target));
          return;
        }
        // A single call becomes a conference of itself and the invited party.
        ensure(user, ix, 'conference');
        const d = inviteDestination(user, target);
        inviteToConference(core, user, createConference(core, user, [ix]), d);
      }),

    getAttributes: (userId, id, names) =>
      core.run(() => {
        const { user, ix } = access(core, userId, id);
        return readAttributes(core, ix, user.userId, names);
      }),

    setAttributes: (userId, id, attributes, append) =>
      core.run(() => {
        const { ix } = access(core, userId, id);
        writeAttributes(core, ix, checkedAttributes(attributes), append);
      }),

    assignWrapUp: (userId, id, assignment) =>
      core.run(() => assignWrapUp(core, access(core, userId, id).ix, assignment)),

    agentChanged: (userId) =>
      core.run(() => {
        const id = core.user(userId)?.userId ?? userId;
        observeAgent(core, id, true);
        const agent = host.agent(id);
        // An agent who lost their session or station cannot answer what alerts them.
        if (agent === undefined || !agent.loggedIn || agent.station === null)
          for (const ix of core.owned(id)) if (ix.acd?.phase === 'alerting') requeue(core, ix);
        core.touchUser(id);
        core.requestRoute();
      }),

    agentLoggedOff: (userId) =>
      core.run(() => {
        const id = core.user(userId)?.userId ?? userId;
        observeAgent(core, id);
        for (const ix of core.owned(id)) {
          if (ix.acd?.phase === 'alerting') requeue(core, ix);
          else if (ix.state === State.Alerting) toVoicemail(core, ix);
        }
        core.touchUser(id);
        core.requestRoute();
      }),

    queueContents: (queue) => {
      const key = queueKey(queue);
      const out: QueueEntry[] = [];
      for (const id of core.queueIndex.get(key) ?? []) {
        const entry = core.get(id)?.memberships.get(key)?.entry;
        if (entry !== undefined) out.push(entry);
      }
      return out;
    },

    interactions: () => {
      const out: EngineInteractionView[] = [];
      for (const ix of core.interactions.values()) {
        if (ix.deallocated) continue;
        const view: EngineInteractionView = {
          interactionId: ix.id,
          attributes: attributesFor(core, ix, ix.owner),
          queues: [...ix.memberships.values()].map((m) => m.queue),
          digitsSent: ix.digits,
        };
        out.push(ix.conferenceId === null ? view : { ...view, conferenceParentId: ix.conferenceId });
      }
      return out;
    },

    waitingInWorkgroup: (workgroup) => waitingLine(core, workgroup).map((ix) => ix.id),
    reset: () => core.reset(),
  };
  return engine;
}
