/**
 * One ICWS session: credentials (id, CSRF token, cookie), the user and station, the message
 * queue that short polling drains or the SSE stream empties, the subscriptions, and the idle timer.
 */
import type { ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock.js';
import type { WorldEvent } from './events.js';
import { SseStream } from './sse.js';
import type { StationInfo } from './station-model.js';
import type { Subscription } from './subscriptions/subscription.js';
import { ConnectionState, Urn } from './wire.js';

/** A queued message, or the marker of a deliberately malformed one (`malformed-message` fault). */
export type Outbound = { readonly json: Record<string, unknown> } | { readonly malformed: true };

/** Text an SSE client receives for a malformed message: the JSON is cut short. */
export const MALFORMED_SSE_DATA = '{"__type":"urn:inin.com:status:userStatusMessage","isDelta":tru';
/** What a polling client receives instead: well-formed JSON that breaks the message contract. */
export const MALFORMED_POLL_MESSAGE = Object.freeze({
  __type: 'urn:inin.com:status:userStatusMessage',
  isDelta: 'maybe',
  userStatusList: 'not-a-list',
});

/** Messages a session may hold before it is considered abandoned and ended. */
const MAX_QUEUED = 20_000;

export interface SessionOptions {
  readonly id: string;
  readonly userId: string;
  readonly language: string;
  readonly applicationName: string;
  readonly serverName: string;
  readonly messagingVersion: number;
  readonly clock: Clock;
  readonly idleTimeoutMs: number;
  readonly pingIntervalMs: number;
  /** Called when the idle timer decides the session is dead. */
  readonly onIdle: (session: Session) => void;
  /** Called when the queue overflows (nobody reads the messages). */
  readonly onOverflow: (session: Session) => void;
}

export interface EndInfo {
  readonly reason: string;
  readonly shouldReconnect: boolean;
}

export class Session {
  readonly id: string;
  readonly csrfToken = randomBytes(24).toString('base64url');
  readonly cookieValue: string;
  readonly userId: string;
  readonly language: string;
  readonly applicationName: string;
  readonly serverName: string;
  readonly messagingVersion: number;
  readonly createdAt: number;
  station: StationInfo | null = null;
  /** `live` until it ends; `draining` while a polling client may still fetch the final messages. */
  state: 'live' | 'draining' = 'live';
  end: EndInfo | null = null;
  readonly subscriptions = new Map<string, Subscription>();
  /** Interactions this session's queue subscriptions have shown (for deallocation/snippet messages). */
  readonly knownInteractions = new Set<string>();
  readonly licenses = new Set<string>();
  lastActivity: number;
  delivered = 0;
  #queue: Outbound[] = [];
  #sse: SseStream | null = null;
  #idleTimer: TimerHandle | undefined;

  constructor(private readonly options: SessionOptions) {
    this.id = options.id;
    this.userId = options.userId;
    this.language = options.language;
    this.applicationName = options.applicationName;
    this.serverName = options.serverName;
    this.messagingVersion = options.messagingVersion;
    this.cookieValue = `${randomUUID()}|languageId=${options.language}`;
    this.createdAt = options.clock.now();
    this.lastActivity = this.createdAt;
    this.#armIdleTimer();
  }

  get cookieName(): string {
    return `icws_${this.id}`;
  }

  get messagingMode(): 'sse' | 'polling' | 'idle' {
    if (this.#sse !== null) return 'sse';
    return this.delivered > 0 ? 'polling' : 'idle';
  }

  get queuedCount(): number {
    return this.#queue.length;
  }

  /** Records activity (any authenticated request) for the idle timer. */
  touch(): void {
    this.lastActivity = this.options.clock.now();
  }

  /** Queues one message, or writes it at once when an SSE stream is open. */
  enqueue(message: Record<string, unknown>): void {
    this.#push({ json: message });
  }

  enqueueMalformed(): void {
    this.#push({ malformed: true });
  }

  #push(item: Outbound): void {
    if (this.#sse !== null) {
      this.#write(this.#sse, item);
      return;
    }
    this.#queue.push(item);
    if (this.#queue.length > MAX_QUEUED && this.state === 'live') this.options.onOverflow(this);
  }

  #write(sse: SseStream, item: Outbound): void {
    this.delivered++;
    sse.send('json' in item ? JSON.stringify(item.json) : MALFORMED_SSE_DATA);
  }

  /** Takes every queued message (short polling). */
  drain(): unknown[] {
    const items = this.#queue;
    this.#queue = [];
    this.delivered += items.length;
    this.touch();
    return items.map((item) => ('json' in item ? item.json : MALFORMED_POLL_MESSAGE));
  }

  /** Hands the response to a new SSE stream (closing an older one) and flushes the queue into it. */
  attachSse(res: ServerResponse): void {
    this.#sse?.close();
    const stream = new SseStream(res, this.options.clock, this.options.pingIntervalMs, () => {
      if (this.#sse === stream) this.#sse = null;
      this.touch();
    });
    this.#sse = stream;
    this.touch();
    const pending = this.#queue;
    this.#queue = [];
    for (const item of pending) this.#write(stream, item);
  }

  /**
   * Cuts an open event stream (`network-outage` fault): the client sees its connection break,
   * messages queue up again, the session stays live and its idle timer counts from now.
   */
  cutStream(): boolean {
    const stream = this.#sse;
    if (stream === null) return false;
    this.#sse = null;
    stream.cut();
    this.touch();
    return true;
  }

  get hasSse(): boolean {
    return this.#sse !== null;
  }

  /** Passes a world event to every subscription of a live session. */
  handle(event: WorldEvent): void {
    if (this.state !== 'live') return;
    for (const subscription of this.subscriptions.values()) subscription.handle(event);
    // Interaction-level messages go to every session that has been shown the interaction.
    if (event.kind === 'deallocated' && this.knownInteractions.delete(event.interactionId)) {
      this.subscriptions.delete(`interactions/${event.interactionId}`);
      this.enqueue({ __type: Urn.interactionDeallocated, isDelta: false, interactionID: event.interactionId });
    } else if (event.kind === 'snippet' && this.knownInteractions.has(event.interactionId)) {
      this.enqueue({
        __type: Urn.interactionSnippetCreated,
        isDelta: false,
        interactionID: event.interactionId,
        recordingSnippetId: event.recordingSnippetId,
      });
    }
  }

  /**
   * Ends the session: queues `connectionStateChangeMessage` (down) when asked, drops the
   * subscriptions and timers. With an SSE stream open, the final messages are written and the
   * stream closes; otherwise a polling client can fetch them once (state `draining`).
   * Returns whether messages are still waiting to be polled.
   */
  terminate(info: EndInfo, notify: boolean): boolean {
    if (this.state !== 'live') return false;
    this.state = 'draining';
    this.end = info;
    if (notify) {
      this.enqueue({
        __type: Urn.connectionStateChange,
        isDelta: false,
        previousConnectionState: ConnectionState.Up,
        newConnectionState: ConnectionState.Down,
        reason: info.reason,
        shouldReconnect: info.shouldReconnect,
      });
    }
    this.subscriptions.clear();
    if (this.#idleTimer !== undefined) this.options.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    if (this.#sse !== null) {
      this.#sse.close();
      this.#sse = null;
    }
    return this.#queue.length > 0;
  }

  /** Drops everything without delivering (server shutdown). */
  dispose(): void {
    this.#sse?.close();
    this.#sse = null;
    this.#queue = [];
    if (this.#idleTimer !== undefined) this.options.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  #armIdleTimer(): void {
    const { clock, idleTimeoutMs } = this.options;
    if (idleTimeoutMs <= 0) return;
    const due = this.lastActivity + idleTimeoutMs;
    this.#idleTimer = clock.setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.state !== 'live') return;
      if (this.#sse !== null) this.touch();
      if (clock.now() - this.lastActivity >= idleTimeoutMs) {
        this.options.onIdle(this);
        return;
      }
      this.#armIdleTimer();
    }, Math.max(0, due - clock.now()));
  }
}
