/**
 * Getting back in service after the link or the session breaks (issue 5, "Reconnect").
 *
 * Two situations, one driver:
 * - **the link broke** (a request or the event stream failed at the network level) while the
 *   session may still be alive on the server: messaging stops, `GET /icws/{id}/connection` is
 *   probed with exponential backoff and full jitter until the server answers; an alive session
 *   resumes (messaging restarts, subscriptions are re-PUT for fresh snapshots), a dead one goes on
 *   to the next case;
 * - **the session is gone** (401, a down message, a probe saying down): when a silent logon is
 *   possible (IC credentials held in memory by the port) the port logs on again at once, then with
 *   backoff while the server refuses for reasons that pass (network, 5xx, 503 switchover; the
 *   connector walks the alternates); otherwise, or on a refusal that will not pass, it gives up and
 *   the domain shows the logon prompt.
 *
 * Everything that touches the network is the host's (the port); this file only decides what to
 * try next and when. Time and randomness are injected so tests are exact.
 */
import { defaultWait, type Wait } from './messaging.js';

export interface BackoffPolicy {
  /** The ceiling of the first retry; it doubles per attempt. Default 500 ms. */
  readonly baseMs?: number;
  /** The largest ceiling. Default 10 000 ms. */
  readonly capMs?: number;
}

export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_CAP_MS = 10_000;

/** The upper bound of the delay before retry `attempt` (0-based): `min(cap, base · 2^attempt)`. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = {}): number {
  const base = Math.max(0, policy.baseMs ?? DEFAULT_BACKOFF_BASE_MS);
  const cap = Math.max(0, policy.capMs ?? DEFAULT_BACKOFF_CAP_MS);
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(cap, base * 2 ** exponent);
}

/**
 * "Full jitter": a uniformly random delay in `[0, ceiling)`, so many panels cut off together do
 * not come back in step. `random` returns a number in `[0, 1)` (values outside are clamped).
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = {}): number {
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * backoffCeiling(attempt, policy));
}

/** What probing the session's connection found. */
export type ProbeResult =
  | { readonly kind: 'alive' }
  | { readonly kind: 'gone'; readonly reason: string | null; readonly shouldReconnect: boolean | null }
  | { readonly kind: 'unreachable' };

/** What one silent logon attempt did. */
export type LogonAttempt =
  | { readonly kind: 'ok' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly reason: string };

/** The port's side: every network action and every observation it emits. */
export interface ReconnectHost {
  /** The link broke: stop messaging, show "reconnecting". */
  linkDown(reason: string): void;
  /** `GET /icws/{id}/connection` on the current session. */
  probe(signal: AbortSignal): Promise<ProbeResult>;
  /** The session is alive: restart messaging and re-read every snapshot. Rejects when that fails. */
  resume(signal: AbortSignal): Promise<void>;
  /** The session is over and a silent logon follows: drop it, keep showing "reconnecting". */
  sessionGone(reason: string | null): void;
  /** Whether the port can log on again without asking (credentials held in memory). */
  canLogOn(): boolean;
  /** Whether other servers are known (switchover peers) to try when this one stays unreachable. */
  hasAlternates(): boolean;
  /** One logon with the held credentials (walking alternates); on `ok` the port announced it. */
  logOn(signal: AbortSignal): Promise<LogonAttempt>;
  /** Nothing more can be done: drop the session, let the domain ask the agent. */
  giveUp(reason: string | null): void;
}

export interface ReconnectOptions extends BackoffPolicy {
  /** `[0, 1)`; default `Math.random`. */
  readonly random?: () => number;
  /** Waits between attempts; default real timers. */
  readonly wait?: Wait;
  /** Milliseconds now; default `Date.now`. */
  readonly now?: () => number;
  /** How long one episode may try before giving up. Default 5 minutes. */
  readonly giveUpAfterMs?: number;
  /**
   * After this many probes in a row found the server unreachable, each further round also tries
   * a logon (which walks the alternates): a primary that died while its backup took over never
   * answers the probe. Only with credentials and known alternates. Default 3.
   */
  readonly logonAfterUnreachable?: number;
}

export type ReconnectPhase = 'idle' | 'probing' | 'loggingOn';

export class Reconnector {
  readonly #host: ReconnectHost;
  readonly #policy: BackoffPolicy;
  readonly #random: () => number;
  readonly #wait: Wait;
  readonly #now: () => number;
  readonly #limitMs: number;
  readonly #logonAfter: number;
  #phase: ReconnectPhase = 'idle';
  #episode: AbortController | null = null;
  #startedAt = 0;
  #running: Promise<void> = Promise.resolve();

  constructor(host: ReconnectHost, options: ReconnectOptions = {}) {
    this.#host = host;
    this.#policy = {
      ...(options.baseMs !== undefined ? { baseMs: options.baseMs } : {}),
      ...(options.capMs !== undefined ? { capMs: options.capMs } : {}),
    };
    this.#random = options.random ?? Math.random;
    this.#wait = options.wait ?? defaultWait;
    this.#now = options.now ?? Date.now;
    this.#limitMs = options.giveUpAfterMs ?? 5 * 60_000;
    this.#logonAfter = Math.max(1, options.logonAfterUnreachable ?? 3);
  }

  get phase(): ReconnectPhase {
    return this.#phase;
  }

  /** Resolves when the current episode (if any) has finished; for tests and shutdown. */
  settled(): Promise<void> {
    return this.#running;
  }

  /** A network failure while the session is believed alive. Ignored while already reconnecting. */
  linkFailed(reason: string): void {
    if (this.#phase !== 'idle') return;
    const signal = this.#begin('probing');
    this.#host.linkDown(reason);
    this.#running = this.#probeLoop(signal);
  }

  /** The session ended (401 or a down message). Ignored while already logging on again. */
  sessionLost(reason: string | null, shouldReconnect: boolean | null): void {
    if (this.#phase === 'loggingOn') return;
    const fresh = this.#phase === 'idle';
    this.#episode?.abort();
    const signal = this.#begin('loggingOn', fresh);
    this.#running = this.#logonLoop(signal, reason, shouldReconnect);
  }

  /** Stops whatever is going on (logoff, a new manual logon, the panel closing). */
  stop(): void {
    this.#episode?.abort();
    this.#episode = null;
    this.#phase = 'idle';
  }

  #begin(phase: ReconnectPhase, fresh = true): AbortSignal {
    const episode = new AbortController();
    this.#episode = episode;
    this.#phase = phase;
    if (fresh) this.#startedAt = this.#now();
    return episode.signal;
  }

  #finish(signal: AbortSignal): void {
    if (signal.aborted) return;
    this.#episode = null;
    this.#phase = 'idle';
  }

  #expired(): boolean {
    return this.#now() - this.#startedAt >= this.#limitMs;
  }

  async #probeLoop(signal: AbortSignal): Promise<void> {
    let unreachable = 0;
    for (let attempt = 0; ; attempt++) {
      await this.#wait(backoffDelay(attempt, this.#random, this.#policy), signal);
      if (signal.aborted) return;
      if (this.#expired()) {
        this.#finish(signal);
        this.#host.giveUp('no answer from the server');
        return;
      }
      const found = await this.#host.probe(signal).catch((): ProbeResult => ({ kind: 'unreachable' }));
      if (signal.aborted) return;
      if (found.kind === 'unreachable') {
        unreachable++;
        if (unreachable < this.#logonAfter || !this.#host.canLogOn() || !this.#host.hasAlternates()) continue;
        const result = await this.#host
          .logOn(signal)
          .catch((error: unknown): LogonAttempt => ({ kind: 'retry', reason: String(error) }));
        if (signal.aborted) return;
        if (result.kind === 'retry') continue;
        this.#finish(signal);
        if (result.kind === 'fatal') this.#host.giveUp(result.reason);
        return;
      }
      unreachable = 0;
      if (found.kind === 'gone') {
        this.#phase = 'loggingOn';
        return this.#logonLoop(signal, found.reason, found.shouldReconnect);
      }
      try {
        await this.#host.resume(signal);
      } catch {
        continue;
      }
      this.#finish(signal);
      return;
    }
  }

  async #logonLoop(
    signal: AbortSignal,
    reason: string | null,
    shouldReconnect: boolean | null,
  ): Promise<void> {
    if (shouldReconnect === false || !this.#host.canLogOn()) {
      this.#finish(signal);
      this.#host.giveUp(reason);
      return;
    }
    this.#host.sessionGone(reason);
    for (let attempt = 0; ; attempt++) {
      // The first attempt goes at once: after a switchover the backup is already accepting.
      if (attempt > 0) await this.#wait(backoffDelay(attempt - 1, this.#random, this.#policy), signal);
      if (signal.aborted) return;
      if (attempt > 0 && this.#expired()) {
        this.#finish(signal);
        this.#host.giveUp(reason);
        return;
      }
      const result = await this.#host
        .logOn(signal)
        .catch((error: unknown): LogonAttempt => ({ kind: 'retry', reason: String(error) }));
      if (signal.aborted) return;
      if (result.kind === 'retry') continue;
      this.#finish(signal);
      if (result.kind === 'fatal') this.#host.giveUp(result.reason);
      return;
    }
  }
}
