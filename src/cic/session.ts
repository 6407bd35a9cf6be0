/**
 * One ICWS session: its id, CSRF token and cookie, the origin they belong to, and the request
 * path every session call goes through (reference §1.4). A 401 or a "down" connection message
 * ends the session once; afterwards every call fails fast with `session-lost`.
 */
import type * as z from 'zod/mini';
import { createEmitter } from '../domain/index.js';
import { CicError } from './errors.js';
import type { FetchLike, HttpMethod } from './http.js';
import { decode, httpError, isSuccess, open, readJson } from './http.js';
import { endpoint } from './hosts.js';
import type { ConnectionResponse } from './schemas/connection.js';

export const CSRF_HEADER = 'ININ-ICWS-CSRF-Token';

/** Why a session ended, reported once through {@link CicSession.onLost}. */
export interface SessionLoss {
  readonly reason: string;
  /** From a `connectionStateChangeMessage` when it said; null when a 401 ended the session. */
  readonly shouldReconnect: boolean | null;
  readonly source: 'unauthorized' | 'connection-down';
}

export interface SessionInit {
  /** The server's base URL the session was created on, e.g. `https://cic1:8019`. */
  readonly baseUrl: URL;
  readonly response: ConnectionResponse;
  /** `icws_<sessionId>=<value>` captured from Set-Cookie (Node); null in browsers. */
  readonly cookie: string | null;
  readonly language: string;
  readonly fetch: FetchLike;
}

export interface SessionCall<S extends z.ZodMiniType | undefined = undefined> {
  readonly method: HttpMethod;
  /** Path below `/icws/{sessionId}/`, already encoded (use {@link seg}). */
  readonly path: string;
  /** The operation name for errors; defaults to `METHOD path`. */
  readonly operation?: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  /** Validates the success body; without it the body is ignored. */
  readonly schema?: S;
  readonly signal?: AbortSignal | undefined;
  /** Send even after the session ended (only `GET connection`, which reports why it ended). */
  readonly allowEnded?: boolean;
}

type CallResult<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** Encodes one path segment (ids may hold spaces, slashes or `@`). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

export class CicSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly baseUrl: URL;
  /** The only origin the CSRF token and cookie are ever sent to. */
  readonly origin: string;
  readonly info: ConnectionResponse;
  readonly language: string;
  readonly features: ReadonlyMap<string, number>;
  readonly #cookie: string | null;
  readonly #fetch: FetchLike;
  readonly #lostEmitter = createEmitter<SessionLoss>();
  #loss: SessionLoss | null = null;
  #closed = false;

  constructor(init: SessionInit) {
    this.id = init.response.sessionId;
    this.csrfToken = init.response.csrfToken;
    this.baseUrl = init.baseUrl;
    this.origin = init.baseUrl.origin;
    this.info = init.response;
    this.language = init.language;
    this.features = new Map((init.response.features ?? []).map((f) => [f.featureId, f.version]));
    this.#cookie = init.cookie;
    this.#fetch = init.fetch;
  }

  /** The version of a server feature from the logon reply, 0 when absent. */
  feature(featureId: string): number {
    return this.features.get(featureId) ?? 0;
  }

  get lost(): SessionLoss | null {
    return this.#loss;
  }

  /** True once the session was lost or logged off: every call then fails fast. */
  get ended(): boolean {
    return this.#closed || this.#loss !== null;
  }

  /** Called once when the session is lost; returns an unsubscribe function. */
  onLost(listener: (loss: SessionLoss) => void): () => void {
    return this.#lostEmitter.subscribe(listener);
  }

  /** Records the loss and tells listeners, the first time only. */
  markLost(loss: SessionLoss): void {
    if (this.ended) return;
    this.#loss = loss;
    this.#lostEmitter.emit(loss);
  }

  /** After a logoff: calls fail fast, no loss is reported. */
  markClosed(): void {
    this.#closed = true;
  }

  /** `…/icws/{sessionId}/{path}?query` on the session's own server. */
  url(path: string, query?: Readonly<Record<string, string | undefined>>): URL {
    const url = endpoint(this.baseUrl, `icws/${seg(this.id)}/${path.replace(/^\/+/, '')}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    this.assertOwnOrigin(url);
    return url;
  }

  /** Origin guard: the token and cookie must never reach another origin. */
  assertOwnOrigin(url: URL): void {
    if (url.origin !== this.origin) {
      throw new Error(
        `ICWS origin guard: refusing to send session credentials to ${url.origin} (session is on ${this.origin})`,
      );
    }
  }

  /** The session headers for a request to `url` (after the origin guard). */
  authHeaders(url: URL): Record<string, string> {
    this.assertOwnOrigin(url);
    const headers: Record<string, string> = {
      [CSRF_HEADER]: this.csrfToken,
      'Accept-Language': this.language,
    };
    if (this.#cookie !== null) headers['Cookie'] = this.#cookie;
    return headers;
  }

  /** Throws `session-lost` when the session is over. */
  assertAlive(operation: string): void {
    if (this.#loss) throw new CicError({ kind: 'session-lost', operation, reason: this.#loss.reason });
    if (this.#closed) throw new CicError({ kind: 'session-lost', operation, reason: 'logged off' });
  }

  /**
   * Opens a session request and returns the response once its status is 2xx (the body unread),
   * for streaming. A 401 ends the session.
   */
  async openRaw(
    method: HttpMethod,
    url: URL,
    options: {
      operation: string;
      accept?: string;
      body?: unknown;
      signal?: AbortSignal | undefined;
      allowEnded?: boolean;
    },
  ): Promise<Response> {
    if (!options.allowEnded) this.assertAlive(options.operation);
    const response = await open(this.#fetch, {
      method,
      url,
      operation: options.operation,
      headers: this.authHeaders(url),
      body: options.body,
      signal: options.signal,
      credentials: 'include',
      ...(options.accept ? { accept: options.accept } : {}),
    });
    if (isSuccess(response.status)) return response;
    const body = await readJson(response, options.operation, options.signal).catch(() => undefined);
    throw this.#failure(options.operation, response.status, body);
  }

  /** A session call: guard, headers, send, classify, decode. */
  async call<S extends z.ZodMiniType | undefined = undefined>(
    request: SessionCall<S>,
  ): Promise<CallResult<S>> {
    const operation = request.operation ?? `${request.method} ${request.path}`;
    const url = this.url(request.path, request.query);
    const response = await this.openRaw(request.method, url, {
      operation,
      body: request.body,
      signal: request.signal,
      allowEnded: request.allowEnded ?? false,
    });
    const body = await readJson(response, operation, request.signal);
    if (request.schema === undefined) return undefined as CallResult<S>;
    return decode(request.schema, body, operation) as CallResult<S>;
  }

  #failure(operation: string, status: number, body: unknown): CicError {
    if (status === 401) {
      const error = httpError(operation, { status, body });
      const reason = error.serverMessage ?? error.errorId ?? 'unauthorized (HTTP 401)';
      this.markLost({ reason, shouldReconnect: null, source: 'unauthorized' });
      return new CicError({ kind: 'session-lost', operation, reason: this.#loss?.reason ?? reason, status });
    }
    return httpError(operation, { status, body });
  }
}
