/**
 * Asynchronous operations (reference §2.3, §3.3): a 202 `{requestId}` is completed later by an
 * `asyncOperationCompletedMessage`. The message can arrive before the caller starts waiting,
 * so recent completions are kept for a while.
 */
import { CicError } from './errors.js';
import type { CicMessage } from './schemas/messages.js';
import { isUnrecognized } from './schemas/messages.js';
import type { ErrorBody } from './schemas/common.js';
import type { SessionLoss } from './session.js';

/** A 202 reply: the request id and a way to wait for the server to finish it. */
export interface AsyncOperation {
  readonly requestId: string;
  /** Resolves when the completion message arrives; rejects with `http` if it carries an error. */
  completion(signal?: AbortSignal): Promise<void>;
}

interface Waiter {
  resolve(): void;
  reject(error: CicError): void;
}

const KEEP = 200;

export class AsyncOperations {
  readonly #done = new Map<string, ErrorBody | null>();
  readonly #waiters = new Map<string, Waiter[]>();
  #loss: SessionLoss | null = null;

  /** Feed every message of the session here. */
  observe(message: CicMessage): void {
    if (isUnrecognized(message) || message.__type !== 'urn:inin.com:messaging:asyncOperationCompletedMessage')
      return;
    const error = message.error ?? null;
    this.#done.set(message.requestId, error);
    if (this.#done.size > KEEP) {
      const oldest = this.#done.keys().next().value;
      if (oldest !== undefined) this.#done.delete(oldest);
    }
    const waiters = this.#waiters.get(message.requestId) ?? [];
    this.#waiters.delete(message.requestId);
    for (const waiter of waiters) settle(waiter, message.requestId, error);
  }

  /** The session ended: every pending wait fails with `session-lost`. */
  sessionLost(loss: SessionLoss): void {
    this.#loss = loss;
    const pending = [...this.#waiters.values()].flat();
    this.#waiters.clear();
    for (const waiter of pending) waiter.reject(lostError(loss));
  }

  /** An {@link AsyncOperation} for a request id. */
  operation(requestId: string): AsyncOperation {
    return { requestId, completion: (signal) => this.wait(requestId, signal) };
  }

  wait(requestId: string, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#done.has(requestId)) {
        settle({ resolve, reject }, requestId, this.#done.get(requestId) ?? null);
        return;
      }
      if (this.#loss) return reject(lostError(this.#loss));
      const operation = `async operation ${requestId}`;
      if (signal?.aborted) return reject(new CicError({ kind: 'aborted', operation }));
      const onAbort = (): void => {
        this.#remove(requestId, waiter);
        reject(new CicError({ kind: 'aborted', operation }));
      };
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.set(requestId, [...(this.#waiters.get(requestId) ?? []), waiter]);
    });
  }

  #remove(requestId: string, waiter: Waiter): void {
    const rest = (this.#waiters.get(requestId) ?? []).filter((w) => w !== waiter);
    if (rest.length > 0) this.#waiters.set(requestId, rest);
    else this.#waiters.delete(requestId);
  }
}

function settle(waiter: Waiter, requestId: string, error: ErrorBody | null): void {
  if (error === null) return waiter.resolve();
  waiter.reject(
    new CicError({
      kind: 'http',
      operation: `async operation ${requestId}`,
      status: 202,
      errorId: error.errorId ?? null,
      message: error.message ?? null,
      body: error,
    }),
  );
}

function lostError(loss: SessionLoss): CicError {
  return new CicError({ kind: 'session-lost', operation: 'async operation', reason: loss.reason });
}
