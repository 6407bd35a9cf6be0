/**
 * What the rest of the simulator can ask of the telephony engine. The HTTP layer validates request
 * bodies, resolves the session's user, then calls one of these; a refusal is a `SimRequestError`.
 * Every method is synchronous: the engine changes its state and reports through `TelephonyListener`
 * before it returns, so a command's effects are queued on the session before its HTTP reply.
 */
import type { QueueEntry, QueueId } from './host.js';

export type CallTarget = { workgroup: string } | { user: string } | { extension: string };

/** A transfer, park, consult or voicemail destination: a dial string or an explicit queue. */
export type TransferDestination = { target: string } | { queue: QueueId };

export interface OfferCallOptions {
  from: string;
  fromName?: string;
  to: CallTarget;
  attributes?: Record<string, string>;
}

export interface CreateCallOptions {
  target: string;
  workgroup?: string;
  accountCodeId?: string;
  additionalAttributes?: Record<string, string>;
}

/** 1 default timeout, 2 infinite, 3 specified (`durationSeconds`), 4 resume recording. */
export type SecurePauseType = 1 | 2 | 3 | 4;

export interface WrapUpAssignment {
  code: string;
  segmentId: number;
  time: number;
  user: string;
  sourceInteractionId: string;
}

export interface EngineInteractionView {
  interactionId: string;
  attributes: Record<string, string>;
  queues: QueueId[];
  /** DTMF digits sent on the interaction so far (what the far end heard). */
  digitsSent: string;
  conferenceParentId?: string;
}

export interface TelephonyEngine {
  // The outside world (control API).
  offerCall(options: OfferCallOptions): string;
  remoteHangup(interactionId: string): void;
  remoteAnswer(interactionId: string): void;

  // Agent commands; `userId` is the session's user, who must see the interaction in one of their queues.
  createCall(userId: string, options: CreateCallOptions): string;
  pickup(userId: string, interactionId: string): void;
  disconnect(userId: string, interactionId: string): void;
  hold(userId: string, interactionId: string, on: boolean): void;
  mute(userId: string, interactionId: string, on: boolean): void;
  record(userId: string, interactionId: string, on: boolean, supervisor: boolean): void;
  recordSnippet(userId: string, interactionId: string, on: boolean, supervisor: boolean): void;
  pause(userId: string, interactionId: string, on: boolean): void;
  securePause(userId: string, interactionId: string, type: SecurePauseType, durationSeconds?: number): void;
  makePrivate(userId: string, interactionId: string, on: boolean): void;
  sendDigits(userId: string, interactionId: string, digits: string): void;
  sendToVoicemail(userId: string, interactionId: string): void;
  transferToVoicemail(userId: string, interactionId: string, destination: TransferDestination): void;
  blindTransfer(userId: string, interactionId: string, destination: TransferDestination): void;
  park(userId: string, interactionId: string, destination: TransferDestination): void;
  consult(
    userId: string,
    interactionId: string,
    destination: TransferDestination,
    additionalAttributes?: Record<string, string>,
  ): { consultId: string; consultInteractionId: string };
  changeAudience(
    userId: string,
    interactionId: string,
    consultId: string,
    audience: { originalParty: boolean; consultedParty: boolean },
  ): void;
  concludeConsult(userId: string, interactionId: string, consultId: string): void;
  cancelConsult(userId: string, interactionId: string, consultId: string): void;
  createConference(userId: string, interactionIds: string[]): string;
  addToConference(userId: string, conferenceId: string, interactionIds: string[]): void;
  invitePartyToConference(userId: string, conferenceId: string, target: string): void;
  inviteParty(userId: string, interactionId: string, target: string): void;
  getAttributes(userId: string, interactionId: string, names: string[] | undefined): Record<string, string>;
  setAttributes(userId: string, interactionId: string, attributes: Record<string, string>, append: boolean): void;
  assignWrapUp(userId: string, interactionId: string, assignment: WrapUpAssignment): void;

  // Presence hooks: the session layer calls these when something that affects routing changes.
  agentChanged(userId: string): void;
  /** The user's last session ended: re-queue their alerting ACD offers. */
  agentLoggedOff(userId: string): void;

  // Reading.
  queueContents(queue: QueueId): QueueEntry[];
  interactions(): EngineInteractionView[];
  /** Queued ACD interactions per workgroup, for `GET /sim/v1/state`. */
  waitingInWorkgroup(workgroup: string): string[];
  /** Drops every interaction and timer (for `POST /sim/v1/reset`). */
  reset(): void;
}
