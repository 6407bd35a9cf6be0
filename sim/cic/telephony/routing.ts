/**
 * Where an interaction goes when it is offered or transferred: ACD (longest-idle activated agent,
 * one voice interaction each, re-offer after the workgroup's alert timeout), a user (alert, or
 * voicemail when they cannot take it), an attendant profile, or an outside number.
 */
import { acdAlertingText, acdWaitText, State, StateText } from './attributes.js';
import type { TelephonyCore } from './core.js';
import { farEndFor } from './far-end.js';
import { Right, type AttendantProfileInfo, type UserInfo, type WorkgroupInfo } from './host.js';
import { connect, connectWaitingPeer, endLeg, isLive } from './lifecycle.js';
import type { Interaction } from './model.js';

/** How long a direct (non-ACD) call alerts before it goes to the user's voicemail. */
export const DIRECT_ALERT_TIMEOUT_MS = 30_000;
/** An outside caller in voicemail hangs up after leaving a message this long. */
export const VOICEMAIL_MESSAGE_MS = 60_000;

// ACD -------------------------------------------------------------------------------------

/** Puts the interaction in the workgroup's line (ACD - Wait Agent) and asks for routing. */
export function enqueue(core: TelephonyCore, ix: Interaction, wg: WorkgroupInfo): void {
  core.cancel(ix, 'alert');
  core.setOwner(ix, null);
  ix.parkedOn = null;
  ix.attendant = null;
  ix.workgroupName = wg.name;
  ix.acd = {
    workgroup: wg.name,
    enqueuedAt: core.now(),
    seq: core.nextAcdSeq(),
    phase: 'waiting',
    attempted: new Set(),
    lastAttemptedName: null,
  };
  core.setState(ix, State.Offering, acdWaitText(null));
  core.requestRoute();
}

/**
 * Records when an agent became ready for ACD (the start of their idle time). `reported` is true
 * when the session layer told us something changed: an agent first seen ready then has just
 * become ready (logon, status), while one first seen during routing has been ready all along.
 */
export function observeAgent(core: TelephonyCore, userId: string, reported = false): void {
  const agent = core.host.agent(userId);
  const ready = agent !== undefined && agent.loggedIn && agent.station !== null && agent.statusIsAcd;
  const memo = core.memo(userId);
  if (ready && (memo.ready === false || (memo.ready === null && reported))) memo.readySince = core.now();
  memo.ready = ready;
}

function eligible(core: TelephonyCore, userId: string, workgroup: string): boolean {
  const agent = core.host.agent(userId);
  return (
    agent !== undefined &&
    agent.loggedIn &&
    agent.station !== null &&
    agent.statusIsAcd &&
    agent.activatedWorkgroups.has(workgroup) &&
    !core.isBusy(userId)
  );
}

function idleSince(core: TelephonyCore, userId: string): number {
  const memo = core.memo(userId);
  return Math.max(memo.lastVoiceEnd, memo.readySince);
}

/** The longest-idle eligible member; agents who already let this offer time out come last. */
function pickAgent(core: TelephonyCore, ix: Interaction): string | null {
  const acd = ix.acd;
  const wg = acd === null ? undefined : core.host.workgroup(acd.workgroup);
  if (acd === null || wg === undefined) return null;
  const members = wg.members.map((m) => core.user(m)?.userId ?? m);
  for (const m of members) observeAgent(core, m);
  const candidates = members
    .filter((m) => eligible(core, m, wg.name))
    .map((m, order) => ({ m, order, idle: idleSince(core, m) }))
    .sort((a, b) => a.idle - b.idle || a.order - b.order)
    .map((c) => c.m);
  return candidates.find((m) => !acd.attempted.has(m)) ?? candidates[0] ?? null;
}

/** Waiting ACD interactions in line order (optionally of one workgroup). */
export function waitingLine(core: TelephonyCore, workgroup?: string): Interaction[] {
  const wanted = workgroup?.toLowerCase();
  const line: { ix: Interaction; at: number; seq: number }[] = [];
  for (const ix of core.interactions.values()) {
    const acd = ix.acd;
    if (acd === null || acd.phase !== 'waiting' || !isLive(ix)) continue;
    if (wanted !== undefined && acd.workgroup.toLowerCase() !== wanted) continue;
    line.push({ ix, at: acd.enqueuedAt, seq: acd.seq });
  }
  return line.sort((a, b) => a.at - b.at || a.seq - b.seq).map((w) => w.ix);
}

/** Offers every waiting ACD interaction, oldest first, to a free agent of its workgroup. */
export function route(core: TelephonyCore): void {
  for (const ix of waitingLine(core)) {
    const agent = pickAgent(core, ix);
    if (agent !== null) offer(core, ix, agent);
  }
}

function offer(core: TelephonyCore, ix: Interaction, userId: string): void {
  const acd = ix.acd;
  if (acd === null) return;
  const wg = core.host.workgroup(acd.workgroup);
  acd.phase = 'alerting';
  core.setOwner(ix, userId);
  core.setState(ix, State.Alerting, acdAlertingText(core.user(userId)?.displayName ?? userId));
  const timeoutMs = Math.max(1, wg?.alertTimeoutSeconds ?? 15) * 1000;
  core.after(ix, 'alert', timeoutMs, () => alertTimedOut(core, ix, userId));
}

function alertTimedOut(core: TelephonyCore, ix: Interaction, userId: string): void {
  const acd = ix.acd;
  if (acd === null || acd.phase !== 'alerting' || ix.owner !== userId || !isLive(ix)) return;
  acd.attempted.add(userId);
  acd.lastAttemptedName = core.user(userId)?.displayName ?? userId;
  requeue(core, ix);
  core.host.setSystemStatus(userId, core.host.notAnsweringStatusId);
}

/** Takes an alerting ACD offer back from its agent; it keeps its place in the line. */
export function requeue(core: TelephonyCore, ix: Interaction): void {
  const acd = ix.acd;
  if (acd === null) return;
  core.cancel(ix, 'alert');
  acd.phase = 'waiting';
  core.setOwner(ix, null);
  core.setState(ix, State.Offering, acdWaitText(acd.lastAttemptedName));
  core.requestRoute();
}

// Users, voicemail, attendant profiles, outside numbers ---------------------------------------

/** Whether a direct call to the user alerts (else it goes to their voicemail). */
function canAlert(core: TelephonyCore, user: UserInfo): boolean {
  const agent = core.host.agent(user.userId);
  if (agent === undefined || !agent.loggedIn || agent.station === null || agent.statusSendsToVoicemail)
    return false;
  return !core.isBusy(user.userId) || user.rights.has(Right.MultipleCalls);
}

/** Delivers a leg to a user: it alerts in their queue, or goes to their voicemail. */
export function deliverToUser(core: TelephonyCore, ix: Interaction, user: UserInfo): void {
  const alerts = canAlert(core, user);
  core.cancel(ix, 'alert');
  ix.acd = null;
  ix.parkedOn = null;
  ix.attendant = null;
  core.setOwner(ix, user.userId);
  if (!alerts) {
    toVoicemail(core, ix);
    return;
  }
  core.setState(ix, State.Alerting, StateText.Alerting);
  core.after(ix, 'alert', DIRECT_ALERT_TIMEOUT_MS, () => {
    if (ix.state === State.Alerting) toVoicemail(core, ix);
  });
}

/** The owner's voicemail takes the call; an outside caller hangs up after leaving a message. */
export function toVoicemail(core: TelephonyCore, ix: Interaction): void {
  core.cancel(ix, 'alert');
  ix.acd = null;
  core.setState(ix, State.Messaging, StateText.VoiceMail);
  connectWaitingPeer(core, ix);
  if (ix.peerId === null)
    core.after(ix, 'voicemail', VOICEMAIL_MESSAGE_MS, () =>
      endLeg(core, ix, State.ExternalDisconnect, StateText.RemoteDisconnect),
    );
}

/** An attendant profile (IVR) answers: the interaction leaves every agent queue. */
export function deliverToAttendant(
  core: TelephonyCore,
  ix: Interaction,
  profile: AttendantProfileInfo,
): void {
  core.cancel(ix, 'alert');
  core.setOwner(ix, null);
  ix.acd = null;
  ix.parkedOn = null;
  ix.attendant = profile.name;
  core.setState(ix, State.System, StateText.System);
  connectWaitingPeer(core, ix);
}

/** Runs the scripted far end of an outside number on this leg (busy, no answer, answer). */
export function dialOut(core: TelephonyCore, ix: Interaction, number: string): void {
  const script = farEndFor(number);
  ix.farEnd = script;
  core.setState(ix, State.Proceeding, StateText.Proceeding);
  core.after(ix, 'farEnd', script.afterMs, () => {
    if (script.kind === 'answer') connect(core, ix);
    else
      endLeg(
        core,
        ix,
        State.ExternalDisconnect,
        script.kind === 'busy' ? StateText.Busy : StateText.NoAnswer,
      );
  });
}

/** Hands a leg to an outside number: it leaves every queue and lives on until either end hangs up. */
export function forwardOut(core: TelephonyCore, ix: Interaction, number: string): void {
  core.cancel(ix, 'alert');
  core.setOwner(ix, null);
  ix.acd = null;
  ix.parkedOn = null;
  ix.attendant = null;
  dialOut(core, ix, number);
}
