import type { CommandErrorKind } from '../domain/index.js';

/**
 * The one error type of the ICWS client. Every failed call rejects with a {@link CicError}; its
 * `kind` says what went wrong and the other fields carry the data (never parse `message`).
 */

export type CicErrorKind = 'network' | 'http' | 'schema' | 'session-lost' | 'aborted';

/** One zod issue, reduced to what a caller or a log needs. */
export interface SchemaIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export type CicErrorInit =
  | { readonly kind: 'network'; readonly operation: string; readonly cause?: unknown }
  | {
      readonly kind: 'http';
      readonly operation: string;
      readonly status: number;
      readonly errorId: string | null;
      readonly message: string | null;
      readonly body?: unknown;
    }
  | {
      readonly kind: 'schema';
      readonly operation: string;
      /** The message `__type` when a pushed message failed its schema. */
      readonly messageType?: string | null;
      readonly issues: readonly SchemaIssue[];
      readonly raw?: unknown;
    }
  | {
      readonly kind: 'session-lost';
      readonly operation: string;
      readonly reason: string;
      readonly status?: number | null;
    }
  | { readonly kind: 'aborted'; readonly operation: string; readonly cause?: unknown };

export class CicError extends Error {
  override readonly name = 'CicError';
  readonly kind: CicErrorKind;
  /** What was attempted, e.g. `POST interactions/{id}/pickup` or `message`. */
  readonly operation: string;
  /** HTTP status for `http` (and a 401 that lost the session); otherwise null. */
  readonly status: number | null;
  /** The server's `errorId` for `http`; otherwise null. */
  readonly errorId: string | null;
  /** The server's localised `message` for `http`; otherwise null. */
  readonly serverMessage: string | null;
  /** The decoded error body for `http` (e.g. a password policy error); otherwise undefined. */
  readonly body: unknown;
  /** Zod issues for `schema`; otherwise empty. */
  readonly issues: readonly SchemaIssue[];
  /** The first issue's path as `a.b[0].c` for `schema`; otherwise null. */
  readonly path: string | null;
  /** The `__type` of a pushed message that failed its schema. */
  readonly messageType: string | null;
  /** Why the session ended, for `session-lost`; otherwise null. */
  readonly reason: string | null;
  /** The raw value that failed a schema. */
  readonly raw: unknown;

  constructor(init: CicErrorInit) {
    super(describe(init), 'cause' in init && init.cause !== undefined ? { cause: init.cause } : undefined);
    this.kind = init.kind;
    this.operation = init.operation;
    this.status =
      init.kind === 'http' ? init.status : init.kind === 'session-lost' ? (init.status ?? null) : null;
    this.errorId = init.kind === 'http' ? init.errorId : null;
    this.serverMessage = init.kind === 'http' ? init.message : null;
    this.body = init.kind === 'http' ? init.body : undefined;
    this.issues = init.kind === 'schema' ? init.issues : [];
    this.path = init.kind === 'schema' && init.issues[0] ? formatPath(init.issues[0].path) : null;
    this.messageType = init.kind === 'schema' ? (init.messageType ?? null) : null;
    this.reason = init.kind === 'session-lost' ? init.reason : null;
    this.raw = init.kind === 'schema' ? init.raw : undefined;
  }
}

export function isCicError(value: unknown): value is CicError {
  return value instanceof CicError;
}

/** `a.b[0].c` for `['a','b',0,'c']`; `(root)` for an empty path. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describe(init: CicErrorInit): string {
  switch (init.kind) {
    case 'network':
      return `${init.operation}: network failure`;
    case 'http':
      return `${init.operation}: HTTP ${init.status}${init.errorId ? ` ${init.errorId}` : ''}${init.message ? `: ${init.message}` : ''}`;
    case 'schema': {
      const first = init.issues[0];
      const where = first ? ` at ${formatPath(first.path)}: ${first.message}` : '';
      return `${init.operation}: ${init.messageType ?? 'body'} does not match its schema${where}`;
    }
    case 'session-lost':
      return `${init.operation}: session lost (${init.reason})`;
    case 'aborted':
      return `${init.operation}: aborted`;
  }
}

/** How the domain classifies a failed command. */
export type CommandFailureKind = CommandErrorKind;

/**
 * The domain's view of a failure (its `PortFailure`): the kind by HTTP meaning, the server's
 * errorId and message. Anything that is not a CicError is `unknown`.
 */
export function toPortFailure(error: unknown): {
  readonly kind: CommandFailureKind;
  readonly errorId: string | null;
  readonly message: string | null;
} {
  if (!(error instanceof CicError)) {
    return { kind: 'unknown', errorId: null, message: error instanceof Error ? error.message : null };
  }
  const message = error.serverMessage ?? error.reason ?? error.message;
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return { kind: 'network', errorId: null, message };
    case 'session-lost':
      return { kind: 'session', errorId: null, message };
    case 'schema':
      return { kind: 'unknown', errorId: null, message };
    case 'http': {
      const status = error.status ?? 0;
      const kind: CommandFailureKind =
        status === 403
          ? 'forbidden'
          : status === 404
            ? 'notFound'
            : status >= 400 && status < 500
              ? 'rejected'
              : 'unknown';
      return { kind, errorId: error.errorId, message };
    }
  }
}
