/** Transfers, consults and conferences (reference §4.3–4.5). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import type { AttributeMap, QueueId } from '../schemas/common.js';
import type { Audience, ConsultTransferResult } from '../schemas/interactions.js';
import {
  changeAudienceParameters,
  conferenceCreationResult,
  conferenceParameters,
  consultTransferResult,
  createConsultParameters,
  invitePartyParameters,
  transferParameters,
} from '../schemas/interactions.js';
import { interactionCommand } from './command.js';

/** Where a transfer, park or consult goes: a dialable target or a queue. */
export type TransferTarget = { readonly target: string } | { readonly queue: QueueId };

function transferBody(to: TransferTarget): { target?: string; queueID?: QueueId } {
  return 'target' in to ? { target: to.target } : { queueID: to.queue };
}

export class TransfersApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** Transfers to someone's voicemail: a user (target) or a queue. */
  async transferToVoicemail(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    const body = requestBody(transferParameters, transferBody(to), 'transfer-to-voicemail');
    return await interactionCommand(this.#session, id, 'transfer-to-voicemail', body, options);
  }

  async blindTransfer(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
      id,
      'blind-transfer',
      requestBody(transferParameters, transferBody(to), 'blind-transfer'),
      options,
    );
  }

  async park(id: string, to: TransferTarget, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
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
}
