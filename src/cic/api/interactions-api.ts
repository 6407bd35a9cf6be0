/** Interaction commands (reference §4.1–4.5, §3.5). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import type { AttributeMap, QueueId } from '../schemas/common.js';
import { URN } from '../schemas/common.js';
import type {
  Audience,
  ConsultTransferResult,
  PhoneNumberDetails,
  SecurePauseType,
  WrapUpAssignment,
} from '../schemas/interactions.js';
import {
  SecurePauseType as PauseType,
  attributesUpdate,
  changeAudienceParameters,
  conferenceCreationResult,
  conferenceParameters,
  consultTransferResult,
  createCallParameters,
  createConsultParameters,
  dtmfParameters,
  interactionAttributes,
  interactionCreated,
  invitePartyParameters,
  onParameters,
  phoneNumberDetails,
  phoneNumberDetailsQuery,
  recordParameters,
  securePauseParameters,
  transferParameters,
  wrapUpAssignment,
} from '../schemas/interactions.js';
import type { AppendMode } from '../schemas/interactions.js';

/** Where a transfer, park or consult goes: a dialable target or a queue. */
export type TransferTarget = { readonly target: string } | { readonly queue: QueueId };

export interface CreateCall {
  readonly target: string;
  /** Dial on behalf of this workgroup. */
  readonly workgroup?: string;
  readonly accountCodeId?: string;
  readonly notes?: string;
  readonly additionalAttributes?: AttributeMap;
}

/** What `secure-pause` should do; `duration` (seconds) only with `specified`. */
export type SecurePause =
  | { readonly type: 'default' }
  | { readonly type: 'infinite' }
  | { readonly type: 'specified'; readonly duration: number }
  | { readonly type: 'resume' };

const PAUSE_TYPES: Readonly<Record<SecurePause['type'], SecurePauseType>> = {
  default: PauseType.PauseWithDefaultTimeout,
  infinite: PauseType.PauseWithInfiniteTimeout,
  specified: PauseType.PauseWithSpecifiedTimeout,
  resume: PauseType.ResumeRecording,
};

function transferBody(to: TransferTarget): { target?: string; queueID?: QueueId } {
  return 'target' in to ? { target: to.target } : { queueID: to.queue };
}

export class InteractionsApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `POST /interactions` with `createCallParameters` → 201 `{interactionId}`. */
  async createCall(call: CreateCall, options: CallOptions = {}): Promise<string> {
    const operation = 'POST interactions';
    const body = requestBody(
      createCallParameters,
      { __type: `${URN}interactions:createCallParameters`, ...call },
      operation,
    );
    const reply = await this.#session.call({
      method: 'POST',
      path: 'interactions',
      operation,
      body,
      schema: interactionCreated,
      signal: options.signal,
    });
    return reply.interactionId;
  }

  async pickup(id: string, options: CallOptions = {}): Promise<void> {
    return await this.#command(id, 'pickup', undefined, options);
  }

  async disconnect(id: string, options: CallOptions = {}): Promise<void> {
    return await this.#command(id, 'disconnect', undefined, options);
  }

  async hold(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await this.#command(id, 'hold', requestBody(onParameters, { on }, 'hold'), options);
  }

  async mute(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await this.#command(id, 'mute', requestBody(onParameters, { on }, 'mute'), options);
  }

  async makePrivate(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await this.#command(
      id,
      'make-private',
      requestBody(onParameters, { on }, 'make-private'),
      options,
    );
  }

  async record(id: string, on: boolean, options: CallOptions & { supervisor?: boolean } = {}): Promise<void> {
    const body = requestBody(recordParameters, { on, supervisor: options.supervisor ?? false }, 'record');
    return await this.#command(id, 'record', body, options);
  }

  async recordSnippet(
    id: string,
    on: boolean,
    options: CallOptions & { supervisor?: boolean } = {},
  ): Promise<void> {
    const body = requestBody(
      recordParameters,
      { on, supervisor: options.supervisor ?? false },
      'record-snippet',
    );
    return await this.#command(id, 'record-snippet', body, options);
  }

  async securePause(id: string, pause: SecurePause, options: CallOptions = {}): Promise<void> {
    const body = requestBody(
      securePauseParameters,
      {
        securePauseType: PAUSE_TYPES[pause.type],
        ...(pause.type === 'specified' ? { duration: pause.duration } : {}),
      },
      'secure-pause',
    );
    return await this.#command(id, 'secure-pause', body, options);
  }

  async sendDigits(id: string, digits: string, options: CallOptions = {}): Promise<void> {
    return await this.#command(
      id,
      'send-digits',
      requestBody(dtmfParameters, { dtmfDigits: digits }, 'send-digits'),
      options,
    );
  }

  /** Sends an alerting interaction to the agent's own voicemail. */
  async sendToVoicemail(id: string, options: CallOptions = {}): Promise<void> {
    return await this.#command(id, 'send-to-voicemail', undefined, options);
  }

  /** Transfers to someone's voicemail: a user (target) or a queue. */
  async transferToVoicemail(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    const body = requestBody(transferParameters, transferBody(to), 'transfer-to-voicemail');
    return await this.#command(id, 'transfer-to-voicemail', body, options);
  }

  async blindTransfer(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    return await this.#command(
      id,
      'blind-transfer',
      requestBody(transferParameters, transferBody(to), 'blind-transfer'),
      options,
    );
  }

  async park(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    return await this.#command(
      id,
      'park',
      requestBody(transferParameters, transferBody(to), 'park'),
      options,
    );
  }

  /** `POST /interactions/{id}/consult` → 201 `{consultId, consultInteractionId}`. */
  async startConsult(
    id: string,
    to: TransferTarget,
    options: CallOptions & { additionalAttributes?: AttributeMap } = {},
  ): Promise<ConsultTransferResult> {
    const operation = 'POST interactions/{id}/consult';
    const body = requestBody(
      createConsultParameters,
      {
        ...transferBody(to),
        ...(options.additionalAttributes ? { additionalAttributes: options.additionalAttributes } : {}),
      },
      operation,
    );
    return this.#session.call({
      method: 'POST',
      path: `interactions/${seg(id)}/consult`,
      operation,
      body,
      schema: consultTransferResult,
      signal: options.signal,
    });
  }

  /** Who hears whom during a consult (both true: three-way). */
  async changeConsultAudience(
    id: string,
    consultId: string,
    audience: Audience,
    options: CallOptions = {},
  ): Promise<void> {
    const operation = 'POST interactions/{id}/consult/{consultId}/change-audience';
    await this.#session.call({
      method: 'POST',
      path: `interactions/${seg(id)}/consult/${seg(consultId)}/change-audience`,
      operation,
      body: requestBody(changeAudienceParameters, { audience }, operation),
      signal: options.signal,
    });
  }

  /** Completes the consult transfer. */
  async concludeConsult(id: string, consultId: string, options: CallOptions = {}): Promise<void> {
    await this.#session.call({
      method: 'POST',
      path: `interactions/${seg(id)}/consult/${seg(consultId)}/conclude`,
      operation: 'POST interactions/{id}/consult/{consultId}/conclude',
      signal: options.signal,
    });
  }

  /** `DELETE /interactions/{id}/consult/{consultId}`: cancels the consult. */
  async cancelConsult(id: string, consultId: string, options: CallOptions = {}): Promise<void> {
    await this.#session.call({
      method: 'DELETE',
      path: `interactions/${seg(id)}/consult/${seg(consultId)}`,
      operation: 'DELETE interactions/{id}/consult/{consultId}',
      signal: options.signal,
    });
  }

  /** `POST /interactions/conferences` → 201 `{conferenceId}`. */
  async createConference(interactionIds: readonly string[], options: CallOptions = {}): Promise<string> {
    const operation = 'POST interactions/conferences';
    const reply = await this.#session.call({
      method: 'POST',
      path: 'interactions/conferences',
      operation,
      body: requestBody(conferenceParameters, { interactions: [...interactionIds] }, operation),
      schema: conferenceCreationResult,
      signal: options.signal,
    });
    return reply.conferenceId;
  }

  /** `PUT /interactions/conferences/{conferenceId}`: adds parties. */
  async addToConference(
    conferenceId: string,
    interactionIds: readonly string[],
    options: CallOptions = {},
  ): Promise<void> {
    const operation = 'PUT interactions/conferences/{conferenceId}';
    await this.#session.call({
      method: 'PUT',
      path: `interactions/conferences/${seg(conferenceId)}`,
      operation,
      body: requestBody(conferenceParameters, { interactions: [...interactionIds] }, operation),
      signal: options.signal,
    });
  }

  /** `POST /interactions/conferences/{conferenceId}/invite-party`. */
  async inviteToConference(conferenceId: string, target: string, options: CallOptions = {}): Promise<void> {
    const operation = 'POST interactions/conferences/{conferenceId}/invite-party';
    await this.#session.call({
      method: 'POST',
      path: `interactions/conferences/${seg(conferenceId)}/invite-party`,
      operation,
      body: requestBody(invitePartyParameters, { target }, operation),
      signal: options.signal,
    });
  }

  /** `GET /interactions/{id}?select=…` → the selected attributes. */
  async getAttributes(
    id: string,
    names: readonly string[],
    options: CallOptions = {},
  ): Promise<AttributeMap> {
    const reply = await this.#session.call({
      method: 'GET',
      path: `interactions/${seg(id)}`,
      operation: 'GET interactions/{id}',
      query: { select: names.length > 0 ? names.join(',') : undefined },
      schema: interactionAttributes,
      signal: options.signal,
    });
    return reply.attributes;
  }

  /** `POST /interactions/{id}` `{attributes, appendMode?}`. */
  async setAttributes(
    id: string,
    attributes: AttributeMap,
    options: CallOptions & { appendMode?: AppendMode } = {},
  ): Promise<void> {
    const operation = 'POST interactions/{id}';
    const body = requestBody(
      attributesUpdate,
      { attributes, ...(options.appendMode !== undefined ? { appendMode: options.appendMode } : {}) },
      operation,
    );
    await this.#session.call({
      method: 'POST',
      path: `interactions/${seg(id)}`,
      operation,
      body,
      signal: options.signal,
    });
  }

  /** `POST /interactions/{id}/wrap-up-assignments`. */
  async assignWrapUp(id: string, assignment: WrapUpAssignment, options: CallOptions = {}): Promise<void> {
    return await this.#command(
      id,
      'wrap-up-assignments',
      requestBody(wrapUpAssignment, assignment, 'wrap-up-assignments'),
      options,
    );
  }

  /** `POST /phone-numbers/query-details`. */
  async queryPhoneNumber(phoneNumber: string, options: CallOptions = {}): Promise<PhoneNumberDetails> {
    const operation = 'POST phone-numbers/query-details';
    return await this.#session.call({
      method: 'POST',
      path: 'phone-numbers/query-details',
      operation,
      body: requestBody(phoneNumberDetailsQuery, { phoneNumber }, operation),
      schema: phoneNumberDetails,
      signal: options.signal,
    });
  }

  async #command(id: string, action: string, body: unknown, options: CallOptions): Promise<void> {
    await this.#session.call({
      method: 'POST',
      path: `interactions/${seg(id)}/${action}`,
      operation: `POST interactions/{id}/${action}`,
      body: body ?? {},
      signal: options.signal,
    });
  }
}
