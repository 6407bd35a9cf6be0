/**
 * The request core: one `fetch`, classified failures, JSON bodies in and out, zod at the edge.
 * No session knowledge here (see session.ts): callers pass every header.
 */
import type * as z from 'zod/mini';
import { CicError } from './errors.js';
import type { SchemaIssue } from './errors.js';
import { errorBody } from './schemas/common.js';

/** The `fetch` the client uses; injectable for tests and for hosts that wrap it. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The ICWS media type (reference §1.1); plain JSON is accepted back as well. */
export const ICWS_JSON = 'application/vnd.inin.icws+JSON';
export const CONTENT_TYPE = `${ICWS_JSON};charset=utf-8`;
export const ACCEPT_JSON = `${ICWS_JSON}, application/json`;

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: URL;
  /** Names the call in errors, e.g. `POST interactions/{id}/pickup`. */
  readonly operation: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body; `undefined` sends none. */
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  readonly credentials?: RequestCredentials;
  readonly accept?: string;
}

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  /** The decoded JSON body, or `undefined` when the body was empty. */
  readonly body: unknown;
}

/** Sends a request and returns the raw response; only network failures and aborts throw. */
export async function open(fetchFn: FetchLike, request: HttpRequest): Promise<Response> {
  const { signal, operation } = request;
  if (signal?.aborted) throw new CicError({ kind: 'aborted', operation, cause: signal.reason });
  const headers: Record<string, string> = { Accept: request.accept ?? ACCEPT_JSON, ...request.headers };
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) {
    headers['Content-Type'] = CONTENT_TYPE;
    init.body = JSON.stringify(request.body);
  }
  if (signal) init.signal = signal;
  if (request.credentials) init.credentials = request.credentials;
  try {
    return await fetchFn(request.url, init);
  } catch (cause) {
    throw classifyThrown(cause, operation, signal);
  }
}

/** Sends a request and decodes the body; never throws for an HTTP status. */
export async function send(fetchFn: FetchLike, request: HttpRequest): Promise<HttpReply> {
  const response = await open(fetchFn, request);
  const body = await readJson(response, request.operation, request.signal);
  return { status: response.status, headers: response.headers, body };
}

/** Reads a response body as JSON; an empty body is `undefined` (reference §1.1: tolerate it). */
export async function readJson(
  response: Response,
  operation: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw classifyThrown(cause, operation, signal);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CicError({
      kind: 'schema',
      operation,
      issues: [{ path: [], code: 'invalid_json', message: 'the body is not JSON' }],
      raw: text,
    });
  }
}

/** An `http` CicError built from a non-2xx reply and its `{errorId, message}` body. */
export function httpError(operation: string, reply: Pick<HttpReply, 'status' | 'body'>): CicError {
  const parsed = errorBody.safeParse(reply.body);
  const data = parsed.success ? parsed.data : {};
  return new CicError({
    kind: 'http',
    operation,
    status: reply.status,
    errorId: data.errorId ?? null,
    message: data.message ?? null,
    body: reply.body,
  });
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Validates a value with a schema or throws a `schema` CicError naming the path. */
export function decode<S extends z.ZodMiniType>(schema: S, value: unknown, operation: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new CicError({ kind: 'schema', operation, issues: toIssues(result.error.issues), raw: value });
}

export function toIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[],
): SchemaIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    code: issue.code,
    message: issue.message,
  }));
}

function classifyThrown(cause: unknown, operation: string, signal: AbortSignal | undefined): CicError {
  if (cause instanceof CicError) return cause;
  if (signal?.aborted || (cause instanceof Error && cause.name === 'AbortError')) {
    return new CicError({ kind: 'aborted', operation, cause });
  }
  return new CicError({ kind: 'network', operation, cause });
}
