/** Interaction commands: create, call control, attributes, wrap-up (reference §4.1–4.3, §3.5). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import type { AttributeMap } from '../schemas/common.js';
import { URN } from '../schemas/common.js';
import type {
  AppendMode,
  PhoneNumberDetails,
  SecurePauseType,
  WrapUpAssignment,
} from '../schemas/interactions.js';
import {
  SecurePauseType as PauseType,
  attributesUpdate,
  createCallParameters,
  dtmfParameters,
  interactionAttributes,
  interactionCreated,
  onParameters,
  phoneNumberDetails,
  phoneNumberDetailsQuery,
  recordParameters,
  securePauseParameters,
  wrapUpAssignment,
} from '../schemas/interactions.js';
import { interactionCommand } from './command.js';

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
    return await interactionCommand(this.#session, id, 'pickup', undefined, options);
  }

  async disconnect(id: string, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(this.#session, id, 'disconnect', undefined, options);
  }

  async hold(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
      id,
      'hold',
      requestBody(onParameters, { on }, 'hold'),
      options,
    );
  }

  async mute(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
      id,
      'mute',
      requestBody(onParameters, { on }, 'mute'),
      options,
    );
  }

  async makePrivate(id: string, on: boolean, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
      id,
      'make-private',
      requestBody(onParameters, { on }, 'make-private'),
      options,
    );
  }

  async record(id: string, on: boolean, options: CallOptions & { supervisor?: boolean } = {}): Promise<void> {
    const body = requestBody(recordParameters, { on, supervisor: options.supervisor ?? false }, 'record');
    return await interactionCommand(this.#session, id, 'record', body, options);
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
    return await interactionCommand(this.#session, id, 'record-snippet', body, options);
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
    return await interactionCommand(this.#session, id, 'secure-pause', body, options);
  }

  async sendDigits(id: string, digits: string, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(
      this.#session,
      id,
      'send-digits',
      requestBody(dtmfParameters, { dtmfDigits: digits }, 'send-digits'),
      options,
    );
  }

  /** Sends an alerting interaction to the agent's own voicemail. */
  async sendToVoicemail(id: string, options: CallOptions = {}): Promise<void> {
    return await interactionCommand(this.#session, id, 'send-to-voicemail', undefined, options);
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
    return await interactionCommand(
      this.#session,
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
}
