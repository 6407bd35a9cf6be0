/**
 * Test helpers (not part of the public index): a scripted `fetch` that records every request,
 * and a logon response builder. Pure web APIs only, so they work in Node and browsers.
 */
import { CicConnector } from '../connector.js';
import type { FetchLike } from '../http.js';

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
  readonly credentials: RequestCredentials | undefined;
  readonly signal: AbortSignal | undefined;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch extends FetchLike {
  readonly calls: RecordedRequest[];
}

/** A fetch that answers with `responder` and records each request (body decoded as JSON). */
export function fakeFetch(responder: Responder): FakeFetch {
  const calls: RecordedRequest[] = [];
  const fn = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    calls.push(request);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return responder(request);
  };
  return Object.assign(fn, { calls });
}

/** A JSON response (`null` body for 204). */
export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const hasBody = body !== undefined && status !== 204;
  return new Response(hasBody ? JSON.stringify(body) : null, {
    status,
    headers: hasBody ? { 'Content-Type': 'application/vnd.inin.icws+json', ...headers } : headers,
  });
}

/** A 201 logon reply as the reference describes it. */
export function logonReply(
  overrides: Record<string, unknown> = {},
  options: { cookie?: boolean; sessionId?: string } = {},
): Response {
  const sessionId = options.sessionId ?? '54613001';
  const body = {
    sessionId,
    csrfToken: 'csrf-token-1',
    userID: 'agent1',
    userDisplayName: 'Agent One',
    icServer: 'cic1',
    alternateHostList: [],
    features: [
      { featureId: 'messaging', version: 2 },
      { featureId: 'connection', version: 11 },
    ],
    serverTimeInfo: { serverUtcTime: '20261122T090000Z' },
    effectiveStation: null,
    ...overrides,
  };
  const headers: Record<string, string> = {
    'ININ-ICWS-Session-ID': sessionId,
    'ININ-ICWS-CSRF-Token': 'csrf-token-1',
  };
  if (options.cookie !== false) {
    headers['Set-Cookie'] = `icws_${sessionId}=8d3f|languageId=en-us; Path=/icws/${sessionId}; HttpOnly`;
  }
  return jsonResponse(201, body, headers);
}

/** Routes `METHOD path` (path below `/icws/{sessionId}/`, no query) to responses; the logon is built in. */
export function sessionRoutes(
  routes: Readonly<Record<string, (request: RecordedRequest) => Response | Promise<Response>>>,
  logon: () => Response = () => logonReply(),
): Responder {
  return (request) => {
    if (request.url.pathname.endsWith('/icws/connection') && request.method === 'POST') return logon();
    const match = /\/icws\/[^/]+\/(.*)$/.exec(request.url.pathname);
    const key = `${request.method} ${match?.[1] ?? request.url.pathname}`;
    const route = routes[key];
    if (!route) return jsonResponse(404, { errorId: 'test.noRoute', message: key });
    return route(request);
  };
}

/**
 * A client logged on through a recording fetch; `last()` describes the latest request
 * (path below `/icws/{sessionId}/`).
 */
export async function recordingClient(reply: Responder = () => jsonResponse(200)) {
  const fetch = fakeFetch((request) =>
    request.method === 'POST' && request.url.pathname === '/icws/connection' ? logonReply() : reply(request),
  );
  const connector = new CicConnector({ server: 'http://127.0.0.1:8018', applicationName: 'x', fetch });
  const c = await connector.logon({ kind: 'ic', userId: 'agent1', password: 'p' });
  const last = (): { method: string; path: string; body: unknown; query: string } => {
    const request = fetch.calls[fetch.calls.length - 1];
    if (!request) throw new Error('no request was sent');
    return {
      method: request.method,
      path: request.url.pathname.replace('/icws/54613001/', ''),
      body: request.body,
      query: request.url.search,
    };
  };
  return { c, fetch, last };
}
