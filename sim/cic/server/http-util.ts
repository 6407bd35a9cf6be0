/**
 * Request/response plumbing: the `{errorId, message}` error type, body reading and validation
 * (zod issues become a 400 naming the field), and JSON replies in the media type the client asked for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { ICWS_MEDIA_TYPE, Urn, isJsonMediaType } from './wire.js';

/** An HTTP refusal with the ICWS error body `{errorId, message, ...extra}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorId: string,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get body(): Record<string, unknown> {
    return { errorId: this.errorId, message: this.message, ...this.extra };
  }
}

export const ErrorId = {
  authenticationFailure: 'error.request.connection.authenticationFailure',
  notAcceptingConnections: 'error.server.notAcceptingConnections',
  invalidProperty: 'error.request.invalidProperty',
  missingProperty: 'error.request.missingProperty',
  invalidRepresentation: 'error.request.invalidRepresentation',
  unsupportedMediaType: 'error.request.unsupportedMediaType',
  missingHeader: 'error.request.missingHeader',
  notFound: 'error.request.notFound',
  methodNotAllowed: 'error.request.methodNotAllowed',
  accessDenied: 'error.request.accessDenied',
  internal: 'error.server.internal',
} as const;

const MAX_BODY = 1024 * 1024;

/** Reads the request body; `undefined` when empty. Only JSON media types are accepted. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new HttpError(413, ErrorId.invalidRepresentation, 'The request body is too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    throw new HttpError(
      415,
      ErrorId.unsupportedMediaType,
      `Unsupported Content-Type "${contentType}": send application/vnd.inin.icws+JSON or application/json.`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, ErrorId.invalidRepresentation, `The request body is not valid JSON (${(error as Error).message}).`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out;
}

/** Validates a body; a failure is a 400 whose message and `propertyName` name the first bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what = 'request body'): z.output<S> {
  const result = schema.safeParse(body === undefined ? {} : body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const property = issue ? pathText(issue.path) : '';
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  const detail = result.error.issues
    .slice(0, 5)
    .map((i) => `${pathText(i.path) || '(body)'}: ${missing && i === issue ? 'is required' : i.message}`)
    .join('; ');
  throw new HttpError(400, missing ? ErrorId.missingProperty : ErrorId.invalidProperty, `Invalid ${what}: ${detail}`, {
    __type: missing ? Urn.missingPropertyError : Urn.invalidPropertyError,
    propertyName: property,
  });
}

/** The response media type: plain JSON for clients that only accept it, the ICWS type otherwise. */
export function responseMediaType(req: IncomingMessage): string {
  const accept = (req.headers.accept ?? '').toLowerCase();
  if (accept.includes('application/json') && !accept.includes('application/vnd.inin.icws+json')) {
    return 'application/json; charset=utf-8';
  }
  return `${ICWS_MEDIA_TYPE}; charset=utf-8`;
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': responseMediaType(req),
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': 0, 'Cache-Control': 'no-store' });
  res.end();
}
