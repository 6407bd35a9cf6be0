/**
 * Logging on (reference §1.2–1.5): `POST /icws/connection` with IC or SSO-token auth, the 503
 * `alternateHostList` walk, remembered alternates, and the session-less server-info call.
 */
import { CicClient } from './client.js';
import type { CicClientOptions } from './client.js';
import { CicError } from './errors.js';
import type { FetchLike } from './http.js';
import { decode, httpError, send } from './http.js';
import { baseUrlOf, endpoint, hostKey, resolveAlternate } from './hosts.js';
import { CicSession } from './session.js';
import type { ConnectionRequest, ConnectionResponse, ServerInfo } from './schemas/connection.js';
import { alternateHosts, connectionRequest, connectionResponse, serverInfo } from './schemas/connection.js';
import { URN } from './schemas/common.js';

/** How the user proves who they are. */
export type LogonAuth =
  | { readonly kind: 'ic'; readonly userId: string; readonly password: string }
  | { readonly kind: 'sso'; readonly token: string };

export interface ConnectorOptions {
  /** The CIC server's base URL, e.g. `https://cic1:8019` (or a proxy prefix). */
  readonly server: string | URL;
  readonly applicationName: string;
  /** `Accept-Language`, fixed for the session's lifetime. Default `en-us`. */
  readonly language?: string;
  /** Cap on logon attempts across the primary and alternates. Default 5. */
  readonly maxAttempts?: number;
  /** Alternates remembered from an earlier run (entries or URLs). */
  readonly rememberedAlternates?: readonly string[];
  /** Defaults to the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Options handed to every client this connector creates. */
  readonly client?: Omit<CicClientOptions, 'fetch'>;
}

export interface LogonOptions {
  readonly signal?: AbortSignal;
  readonly marketPlace?: { readonly licenseName: string; readonly code: string };
}

/** The `include=` values every logon asks for. */
export const LOGON_INCLUDE = 'features,version,effective-station,server-time';

const SERVER_ERROR_RETRY = new Set([500, 502, 503, 504]);

export class CicConnector {
  readonly server: URL;
  readonly #options: ConnectorOptions;
  readonly #fetch: FetchLike;
  #remembered: URL[];

  constructor(options: ConnectorOptions) {
    this.#options = options;
    this.server = baseUrlOf(options.server);
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#remembered = (options.rememberedAlternates ?? [])
      .map((entry) => resolveAlternate(entry, this.server))
      .filter((url): url is URL => url !== null);
  }

  /** Alternates learnt from 503 answers and successful logons, as base URLs. */
  get rememberedAlternates(): readonly string[] {
    return this.#remembered.map(hostKey);
  }

  get language(): string {
    return this.#options.language ?? 'en-us';
  }

  /** `GET /icws/connection/server-info`: identity providers and the user agreement text. */
  async serverInfo(options: { signal?: AbortSignal; displayLanguage?: string } = {}): Promise<ServerInfo> {
    const url = endpoint(this.server, 'icws/connection/server-info');
    url.searchParams.set('singleSignOnCapabilities', 'saml2Post,saml2Redirect');
    if (options.displayLanguage) url.searchParams.set('displayLanguage', options.displayLanguage);
    const operation = 'GET connection/server-info';
    const reply = await send(this.#fetch, {
      method: 'GET',
      url,
      operation,
      headers: { 'Accept-Language': this.language },
      signal: options.signal,
    });
    if (reply.status !== 200) throw httpError(operation, reply);
    return decode(serverInfo, reply.body, operation);
  }

  /** Logs on, walking alternates on 503 and on an unreachable primary. */
  async logon(auth: LogonAuth, options: LogonOptions = {}): Promise<CicClient> {
    const body = decode(connectionRequest, this.#requestBody(auth, options), 'POST connection (request)');
    const maxAttempts = Math.max(1, this.#options.maxAttempts ?? 5);
    const queue: URL[] = [this.server];
    const tried = new Set<string>();
    let attempts = 0;
    let lastError: CicError | null = null;
    let rememberedQueued = false;

    const enqueue = (urls: readonly URL[]): void => {
      for (const url of urls) if (!tried.has(hostKey(url))) queue.push(url);
    };

    while (queue.length > 0 && attempts < maxAttempts) {
      const base = queue.shift() as URL;
      if (tried.has(hostKey(base))) continue;
      tried.add(hostKey(base));
      attempts += 1;
      const outcome = await this.#attempt(base, body, options.signal);
      if (outcome.kind === 'session') {
        this.#remember(outcome.alternates);
        return new CicClient(outcome.session, { ...this.#options.client, fetch: this.#fetch });
      }
      lastError = outcome.error;
      if (outcome.kind === 'fatal') throw outcome.error;
      this.#remember(outcome.alternates);
      enqueue(outcome.alternates);
      if (!rememberedQueued) {
        rememberedQueued = true;
        enqueue(this.#remembered);
      }
    }
    throw lastError ?? new CicError({ kind: 'network', operation: 'POST connection' });
  }

  #requestBody(auth: LogonAuth, options: LogonOptions): ConnectionRequest {
    const common = {
      applicationName: this.#options.applicationName,
      ...(options.marketPlace
        ? {
            marketPlaceApplicationLicenseName: options.marketPlace.licenseName,
            marketPlaceApplicationCode: options.marketPlace.code,
          }
        : {}),
    };
    return auth.kind === 'ic'
      ? {
          __type: `${URN}connection:icAuthConnectionRequestSettings`,
          ...common,
          userID: auth.userId,
          password: auth.password,
        }
      : {
          __type: `${URN}connection:singleSignOnTokenConnectionRequestSettings`,
          ...common,
          singleSignOnToken: auth.token,
        };
  }

  async #attempt(
    base: URL,
    body: ConnectionRequest,
    signal: AbortSignal | undefined,
  ): Promise<
    | { kind: 'session'; session: CicSession; alternates: URL[] }
    | { kind: 'retry'; error: CicError; alternates: URL[] }
    | { kind: 'fatal'; error: CicError }
  > {
    const operation = 'POST connection';
    const url = endpoint(base, 'icws/connection');
    url.searchParams.set('include', LOGON_INCLUDE);
    let reply;
    try {
      reply = await send(this.#fetch, {
        method: 'POST',
        url,
        operation,
        headers: { 'Accept-Language': this.language },
        body,
        signal,
        credentials: 'include',
      });
    } catch (error) {
      if (error instanceof CicError && error.kind === 'network')
        return { kind: 'retry', error, alternates: [] };
      throw error;
    }
    if (reply.status === 201 || reply.status === 200) {
      const response: ConnectionResponse = decode(connectionResponse, reply.body, operation);
      const session = new CicSession({
        baseUrl: base,
        response,
        cookie: sessionCookie(reply.headers, response.sessionId),
        language: this.language,
        fetch: this.#fetch,
      });
      return {
        kind: 'session',
        session,
        alternates: this.#resolveAll(response.alternateHostList ?? [], base),
      };
    }
    const error = httpError(operation, reply);
    if (!SERVER_ERROR_RETRY.has(reply.status)) return { kind: 'fatal', error };
    const hosts = reply.status === 503 ? alternateHosts.safeParse(reply.body) : null;
    const alternates = hosts?.success ? this.#resolveAll(hosts.data.alternateHostList, base) : [];
    return { kind: 'retry', error, alternates };
  }

  #resolveAll(entries: readonly string[], from: URL): URL[] {
    return entries.map((entry) => resolveAlternate(entry, from)).filter((url): url is URL => url !== null);
  }

  #remember(urls: readonly URL[]): void {
    const known = new Set(this.#remembered.map(hostKey));
    for (const url of urls) {
      if (known.has(hostKey(url))) continue;
      known.add(hostKey(url));
      this.#remembered.push(url);
    }
  }
}

/**
 * The `icws_<sessionId>` cookie from the logon reply. Node's fetch exposes Set-Cookie (it has no
 * cookie jar, so the client sends the cookie itself); browsers hide it and use `credentials`.
 */
export function sessionCookie(headers: Headers, sessionId: string): string | null {
  const lines =
    typeof headers.getSetCookie === 'function'
      ? headers.getSetCookie()
      : (headers.get('set-cookie') ?? '').split(/,(?=\s*[^;,=\s]+=)/);
  const wanted = `icws_${sessionId}`;
  let fallback: string | null = null;
  for (const line of lines) {
    const pair = line.split(';', 1)[0]?.trim() ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name === wanted) return pair;
    if (fallback === null && name.startsWith('icws_')) fallback = pair;
  }
  return fallback;
}
