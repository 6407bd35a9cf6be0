/**
 * The message pump (reference §2): server-sent events read through `fetch` streams when the
 * session's `messaging` feature is ≥ 2 (see docs/decisions/0004), short polling otherwise. Each
 * message is parsed and handed to listeners; a message that fails its schema is reported as a
 * `schema` CicError and the stream goes on.
 */
import * as z from 'zod/mini';
import { CicError } from './errors.js';
import { readJson, toIssues } from './http.js';
import type { CicSession } from './session.js';
import { SseParser } from './sse.js';
import { isDownState } from './schemas/connection.js';
import type { CicMessage } from './schemas/messages.js';
import { isUnrecognized, parseMessage } from './schemas/messages.js';

export type MessagingMode = 'sse' | 'poll';

/** Waits `ms` or until `signal` aborts (then resolves early). Injectable for tests. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

export interface MessagingOptions {
  /** `auto` (default) picks SSE when feature `messaging` ≥ 2 and the runtime can stream. */
  readonly mode?: 'auto' | MessagingMode;
  /** Delay between short polls, after the previous reply arrived. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Heartbeat cadence while on SSE (reference §1.8); 0 disables. Default 30000 ms. */
  readonly heartbeatIntervalMs?: number;
  /** Delay before reopening an SSE stream that ended or failed. Default 1000 ms. */
  readonly reconnectDelayMs?: number;
  readonly wait?: Wait;
}

const MESSAGES_PATH = 'messaging/messages';
const messageArray = z.array(z.unknown());
/** A poll reply: an array, or an empty body (reference §1.1: tolerate empty 2xx bodies). */
const pollReply = z.optional(messageArray);

export const defaultWait: Wait = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** True when this runtime can read a response body as a stream. */
export function canStream(): boolean {
  return typeof ReadableStream === 'function' && typeof TextDecoder === 'function';
}

export class MessagePump {
  readonly #session: CicSession;
  readonly #options: MessagingOptions;
  readonly #wait: Wait;
  #messageListeners: readonly ((message: CicMessage) => void)[] = [];
  #errorListeners: readonly ((error: CicError) => void)[] = [];
  #controller: AbortController | null = null;
  #mode: MessagingMode | null = null;
  #running: Promise<void> | null = null;

  constructor(session: CicSession, options: MessagingOptions = {}) {
    this.#session = session;
    this.#options = options;
    this.#wait = options.wait ?? defaultWait;
  }

  /** The transport in use (`null` before start). SSE falls back to polling if the server declines. */
  get mode(): MessagingMode | null {
    return this.#mode;
  }

  get running(): boolean {
    return this.#controller !== null;
  }

  /** Every parsed message, known or unrecognized. Returns an unsubscribe function. */
  onMessage(listener: (message: CicMessage) => void): () => void {
    this.#messageListeners = [...this.#messageListeners, listener];
    return () => {
      this.#messageListeners = this.#messageListeners.filter((l) => l !== listener);
    };
  }

  /** Schema failures of single messages and transport failures (the pump keeps going). */
  onError(listener: (error: CicError) => void): () => void {
    this.#errorListeners = [...this.#errorListeners, listener];
    return () => {
      this.#errorListeners = this.#errorListeners.filter((l) => l !== listener);
    };
  }

  /** Starts reading messages; calling it again while running does nothing. */
  start(): void {
    if (this.#controller || this.#session.ended) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#mode = this.#chooseMode();
    this.#running = this.#run(controller.signal).finally(() => {
      if (this.#controller === controller) this.#controller = null;
    });
    if (this.#mode === 'sse') void this.#heartbeats(controller.signal);
  }

  /** Stops reading; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.#controller?.abort();
    this.#controller = null;
    await this.#running;
  }

  /** Parses one raw message and hands it to listeners (what both transports do per message). */
  deliver(raw: unknown): void {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      this.#emitError(
        new CicError({
          kind: 'schema',
          operation: 'message',
          messageType: parsed.type,
          issues: toIssues(parsed.issues),
          raw,
        }),
      );
      return;
    }
    const message = parsed.message;
    this.#emitMessage(message);
    if (
      !isUnrecognized(message) &&
      message.__type === 'urn:inin.com:connection:connectionStateChangeMessage' &&
      isDownState(message.newConnectionState)
    ) {
      this.#session.markLost({
        reason: message.reason ?? 'connection down',
        shouldReconnect: message.shouldReconnect ?? null,
        source: 'connection-down',
      });
    }
  }

  #chooseMode(): MessagingMode {
    const mode = this.#options.mode ?? 'auto';
    if (mode !== 'auto') return mode;
    return this.#session.feature('messaging') >= 2 && canStream() ? 'sse' : 'poll';
  }

  async #run(signal: AbortSignal): Promise<void> {
    const pollInterval = this.#options.pollIntervalMs ?? 1000;
    const reconnectDelay = this.#options.reconnectDelayMs ?? 1000;
    while (!signal.aborted && !this.#session.ended) {
      const mode = this.#mode;
      try {
        if (mode === 'sse') await this.#readStream(signal);
        else await this.#pollOnce(signal);
      } catch (error) {
        if (signal.aborted || this.#session.ended) break;
        if (error instanceof CicError) this.#emitError(error);
        else
          this.#emitError(new CicError({ kind: 'network', operation: `messaging (${mode})`, cause: error }));
      }
      if (signal.aborted || this.#session.ended) break;
      await this.#wait(this.#mode === 'sse' ? reconnectDelay : pollInterval, signal);
    }
  }

  async #pollOnce(signal: AbortSignal): Promise<void> {
    const messages = await this.#session.call({
      method: 'GET',
      path: MESSAGES_PATH,
      operation: 'GET messaging/messages',
      schema: pollReply,
      signal,
    });
    for (const raw of messages ?? []) {
      if (signal.aborted) return;
      this.deliver(raw);
    }
  }

  async #readStream(signal: AbortSignal): Promise<void> {
    const operation = 'GET messaging/messages (SSE)';
    const url = this.#session.url(MESSAGES_PATH);
    const response = await this.#session.openRaw('GET', url, {
      operation,
      accept: 'text/event-stream',
      signal,
    });
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!contentType.includes('text/event-stream') || response.body === null) {
      // The server answered with JSON: it does not stream. Use what it sent and poll from now on.
      this.#mode = 'poll';
      const body = await readJson(response, operation, signal);
      const list = messageArray.safeParse(body ?? []);
      if (list.success) for (const raw of list.data) this.deliver(raw);
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (cause) {
          if (signal.aborted) return;
          throw new CicError({ kind: 'network', operation, cause });
        }
        const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
        for (const event of parser.push(text)) {
          if (signal.aborted) return;
          if (event.type === 'message') this.#deliverText(event.data);
        }
        if (chunk.done) {
          parser.end();
          return;
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  #deliverText(data: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      this.#emitError(
        new CicError({
          kind: 'schema',
          operation: 'message',
          issues: [{ path: [], code: 'invalid_json', message: 'an SSE data field is not JSON' }],
          raw: data,
        }),
      );
      return;
    }
    this.deliver(raw);
  }

  async #heartbeats(signal: AbortSignal): Promise<void> {
    const every = this.#options.heartbeatIntervalMs ?? 30_000;
    if (every <= 0) return;
    for (;;) {
      await this.#wait(every, signal);
      if (signal.aborted || this.#session.ended) return;
      try {
        await this.#session.call({ method: 'POST', path: 'messaging/heartbeat', signal });
      } catch (error) {
        if (signal.aborted || this.#session.ended) return;
        if (error instanceof CicError) this.#emitError(error);
      }
    }
  }

  #emitMessage(message: CicMessage): void {
    for (const listener of this.#messageListeners) isolate(() => listener(message));
  }

  #emitError(error: CicError): void {
    for (const listener of this.#errorListeners) isolate(() => listener(error));
  }
}

/** A throwing listener must not stop the pump: its error is re-thrown on its own task. */
function isolate(run: () => void): void {
  try {
    run();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
