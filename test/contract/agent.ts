/** One logged-on agent in a contract test: its client, its messages, merged queue and status state. */
import type {
  CicClient,
  CicError,
  CicMessage,
  KnownMessage,
  MessageOf,
  MessageType,
  QueueEntry,
} from '../../src/cic/index.js';
import { QueueContentsCache, isUnrecognized, mergeUserStatuses } from '../../src/cic/index.js';
import type { UserStatuses } from '../../src/cic/index.js';

/** The safety net of every wait: a test fails instead of hanging. Not a timing assertion. */
export const SAFETY_MS = 10_000;

type Waiter = { test: () => boolean; resolve: () => void };

/** Event-driven waits: each is re-checked on `check()`; a safety timeout fails instead of hanging. */
export class Waiters {
  #waiters: Waiter[] = [];

  until(test: () => boolean, what: string, context: () => string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`gave up waiting for ${what}; last messages: ${context()}`));
      }, SAFETY_MS);
      const waiter: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.#waiters.push(waiter);
    });
  }

  check(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.test()) {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        waiter.resolve();
      }
    }
  }
}

/** One logged-on agent: its client, every message it received, merged queue and status state. */
export class Agent {
  readonly messages: CicMessage[] = [];
  readonly unrecognized: CicMessage[] = [];
  readonly errors: CicError[] = [];
  readonly queues = new QueueContentsCache();
  statuses: UserStatuses = new Map();
  lost: string | null = null;
  readonly #waiters = new Waiters();

  constructor(
    readonly client: CicClient,
    readonly userId: string,
    private readonly changed: () => void = () => undefined,
  ) {
    client.onMessage((message) => {
      this.messages.push(message);
      if (isUnrecognized(message)) this.unrecognized.push(message);
      else if (message.__type === 'urn:inin.com:queues:queueContentsMessage') this.queues.apply(message);
      else if (message.__type === 'urn:inin.com:status:userStatusMessage') {
        this.statuses = mergeUserStatuses(this.statuses, message);
      }
      this.#check();
    });
    client.onMessageError((error) => {
      this.errors.push(error);
      this.#check();
    });
    client.onSessionLost((loss) => {
      this.lost = loss.reason;
      this.#check();
    });
  }

  /** My Interactions as merged so far. */
  interaction(id: string): QueueEntry | undefined {
    return this.queues.get('mine').get(id);
  }

  attr(id: string, name: string): string | undefined {
    return this.interaction(id)?.attributes[name];
  }

  /** Resolves once `test` holds (checked after every message); fails after the safety timeout. */
  until(test: () => boolean, what = 'condition'): Promise<void> {
    return this.#waiters.until(test, `${this.userId}: ${what}`, () => this.tail());
  }

  /** The next (or an already received, not yet taken) message of a type matching `filter`. */
  async next<T extends MessageType>(
    type: T,
    filter: (message: MessageOf<T>) => boolean = () => true,
  ): Promise<MessageOf<T>> {
    let found: MessageOf<T> | undefined;
    await this.until(() => {
      found = this.messages.find(
        (m): m is MessageOf<T> =>
          !isUnrecognized(m) && m.__type === type && !this.#taken.has(m) && filter(m as MessageOf<T>),
      );
      return found !== undefined;
    }, type);
    this.#taken.add(found as KnownMessage);
    return found as MessageOf<T>;
  }

  /** Waits until interaction `id` in My Interactions has attribute `name` equal to `value`. */
  async state(id: string, value: string, name = 'Eic_State'): Promise<void> {
    await this.until(() => this.attr(id, name) === value, `${id} ${name}=${value}`);
  }

  readonly #taken = new Set<KnownMessage>();

  #check(): void {
    this.#waiters.check();
    this.changed();
  }

  tail(): string {
    return `${this.userId}: ${JSON.stringify(this.messages.slice(-2)).slice(0, 400)}`;
  }
}
