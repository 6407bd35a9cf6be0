/**
 * The softphone's side of the Omni-Channel bridge: the package's Aura utility component holds
 * `lightning:omniToolkitAPI` and talks to us over a Lightning Message Service channel, which the
 * softphone reaches through `sforce.opencti.publish/subscribe` (API 47.0+). Envelope:
 *
 *   softphone → bridge  { type: 'omni.request', requestId, method, args? }
 *   bridge → softphone  { type: 'omni.response', requestId, ok: true, result } | { …, ok: false, error }
 *                       { type: 'omni.event', name, params }
 *
 * Requests are correlated by id and time out on an injected clock. Incoming messages are
 * validated; anything malformed is ignored and reported as a diagnostic (never thrown).
 *
 * `sforce.opencti.subscribe` returns its subscription at the top level of the response, not in
 * `returnValue`, so the promise wrapper in `api.ts` does not fit it: {@link lmsBusFromOpenCti}
 * calls the three LMS methods directly through the minimal {@link OpenCtiLms} shape below.
 */
import * as z from 'zod/mini';
import { OpenCtiError } from './api.js';

/** The channel the package's message channel metadata defines. */
export const OMNI_BRIDGE_CHANNEL = 'CIC_Omni_Bridge__c';
/** How long a toolkit request may take before it fails. */
export const OMNI_REQUEST_TIMEOUT_MS = 5000;

/** The part of `sforce.opencti` LMS uses (documented for API 47.0+). */
export interface OpenCtiLms {
  subscribe(args: {
    channelName: string;
    listener: (message: unknown) => void;
    callback: (response: unknown) => void;
  }): void;
  unsubscribe(args: { subscription: unknown; callback: (response: unknown) => void }): void;
  publish(args: {
    channelName: string;
    message: Record<string, unknown>;
    callback: (response: unknown) => void;
  }): void;
}

/** Publish/subscribe on LMS channels, as promises. */
export interface LmsBus {
  publish(channelName: string, message: Record<string, unknown>): Promise<void>;
  /** Resolves with an unsubscribe function once the subscription is in place. */
  subscribe(channelName: string, listener: (message: unknown) => void): Promise<() => Promise<void>>;
}

const openCtiResponse = z.object({
  success: z.boolean(),
  errors: z.optional(z.nullable(z.array(z.object({ code: z.string(), description: z.string() })))),
  subscription: z.optional(z.unknown()),
});

function settle(
  method: string,
  raw: unknown,
): { ok: true; subscription: unknown } | { ok: false; error: OpenCtiError } {
  const r = openCtiResponse.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      error: new OpenCtiError(method, [{ code: 'GENERIC_ERROR', description: 'malformed response' }]),
    };
  if (!r.data.success) return { ok: false, error: new OpenCtiError(method, r.data.errors ?? []) };
  return { ok: true, subscription: r.data.subscription };
}

/** An {@link LmsBus} over `sforce.opencti`. */
export function lmsBusFromOpenCti(lib: OpenCtiLms): LmsBus {
  return {
    publish: (channelName, message) =>
      new Promise((resolve, reject) => {
        lib.publish({
          channelName,
          message,
          callback: (raw) => {
            const r = settle('publish', raw);
            if (r.ok) resolve();
            else reject(r.error);
          },
        });
      }),
    subscribe: (channelName, listener) =>
      new Promise((resolve, reject) => {
        lib.subscribe({
          channelName,
          listener,
          callback: (raw) => {
            const r = settle('subscribe', raw);
            if (!r.ok) return reject(r.error);
            const subscription = r.subscription;
            resolve(
              () =>
                new Promise<void>((done, fail) => {
                  lib.unsubscribe({
                    subscription,
                    callback: (u) => {
                      const s = settle('unsubscribe', u);
                      if (s.ok) done();
                      else fail(s.error);
                    },
                  });
                }),
            );
          },
        });
      }),
  };
}

/** Timers for request timeouts (the sim's ManualClock fits, so tests never wait). */
export interface TimerClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A presence status as the bridge reports it. */
export interface OmniPresenceStatus {
  readonly statusId: string;
  readonly statusApiName: string;
  readonly statusName: string;
}

/** What the transport tells its listener about Omni-Channel. */
export type OmniTransportEvent =
  | {
      readonly kind: 'status';
      readonly statusId: string;
      readonly statusApiName: string;
      /** The toolkit's `reason` (`OmniManualStatusChange`, `OmniToolkitStatusChange`, …) or `''`. */
      readonly reason: string;
    }
  | { readonly kind: 'loggedOut' }
  | { readonly kind: 'workload'; readonly workload: number };

/** Something odd on the channel; it was ignored. */
export interface OmniTransportDiagnostic {
  readonly kind: 'malformed' | 'unexpectedResponse' | 'timeout' | 'publishFailed';
  readonly detail: string;
}

export class OmniTransportError extends Error {
  constructor(
    readonly method: string,
    readonly kind: 'refused' | 'timeout' | 'unknownStatus' | 'transport',
    message: string,
  ) {
    super(`${method}: ${message}`);
    this.name = 'OmniTransportError';
  }
}

export interface OmniTransportOptions {
  readonly bus: LmsBus;
  readonly clock: TimerClock;
  readonly channelName?: string;
  readonly timeoutMs?: number;
  /** Prefix of request ids (default random), so several softphones on one channel never mix. */
  readonly idPrefix?: string;
  readonly onDiagnostic?: (diagnostic: OmniTransportDiagnostic) => void;
}

export interface OmniTransport {
  /** Subscribes to the bridge channel (call once, before anything else). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every Omni-Channel event; returns an unsubscribe function. */
  onEvent(listener: (event: OmniTransportEvent) => void): () => void;
  /** One toolkit request; resolves with its result or rejects with an {@link OmniTransportError}. */
  request(method: string, args?: Record<string, unknown>): Promise<unknown>;
  /** The presence statuses the agent may use. */
  statuses(): Promise<readonly OmniPresenceStatus[]>;
  /** The current status, or `null` when the agent is not logged in to Omni. */
  currentStatus(): Promise<OmniPresenceStatus | null>;
  currentWorkload(): Promise<number>;
  /** Sets (and logs in to, if needed) the status with this API name. */
  setStatus(statusApiName: string): Promise<void>;
  logout(): Promise<void>;
}

const response = z.union([
  z.object({
    type: z.literal('omni.response'),
    requestId: z.nullable(z.string()),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    type: z.literal('omni.response'),
    requestId: z.nullable(z.string()),
    ok: z.literal(false),
    error: z.string(),
  }),
]);
const event = z.object({
  type: z.literal('omni.event'),
  name: z.string(),
  params: z.record(z.string(), z.unknown()),
});
const statusParams = z.object({
  statusId: z.string(),
  statusApiName: z.string(),
  reason: z.optional(z.string()),
});
const workloadParams = z.object({ newWorkload: z.number() });
const presence = z.object({ statusId: z.string(), statusApiName: z.string(), statusName: z.string() });
const presenceList = z.array(presence);
const workloadResult = z.object({ currentWorkload: z.number() });

const typeOf = (message: unknown): unknown =>
  typeof message === 'object' && message !== null && !Array.isArray(message)
    ? (message as Record<string, unknown>)['type']
    : undefined;

const brief = (value: unknown): string => {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
};

export function createOmniTransport(options: OmniTransportOptions): OmniTransport {
  const channel = options.channelName ?? OMNI_BRIDGE_CHANNEL;
  const timeoutMs = options.timeoutMs ?? OMNI_REQUEST_TIMEOUT_MS;
  const prefix = options.idPrefix ?? `omni-${Math.random().toString(36).slice(2, 10)}`;
  const diagnose = options.onDiagnostic ?? (() => undefined);
  const listeners = new Set<(event: OmniTransportEvent) => void>();
  const pending = new Map<
    string,
    {
      method: string;
      timer: unknown;
      resolve: (value: unknown) => void;
      reject: (error: OmniTransportError) => void;
    }
  >();
  let next = 1;
  let unsubscribe: (() => Promise<void>) | null = null;
  let known: readonly OmniPresenceStatus[] | null = null;

  const emit = (e: OmniTransportEvent): void => listeners.forEach((l) => l(e));

  const onEventMessage = (message: unknown): void => {
    const e = event.safeParse(message);
    if (!e.success) return diagnose({ kind: 'malformed', detail: `omni.event ${brief(message)}` });
    const { name, params } = e.data;
    switch (name) {
      case 'omniChannelStatusChanged': {
        const p = statusParams.safeParse(params);
        if (!p.success) return diagnose({ kind: 'malformed', detail: `${name} params ${brief(params)}` });
        return emit({
          kind: 'status',
          statusId: p.data.statusId,
          statusApiName: p.data.statusApiName,
          reason: p.data.reason ?? '',
        });
      }
      case 'omniChannelLogout':
        return emit({ kind: 'loggedOut' });
      case 'omniChannelWorkloadChanged': {
        const p = workloadParams.safeParse(params);
        if (!p.success) return diagnose({ kind: 'malformed', detail: `${name} params ${brief(params)}` });
        return emit({ kind: 'workload', workload: p.data.newWorkload });
      }
      default:
        return; // other toolkit events (work assigned, flags, login success) are not needed here
    }
  };

  const onResponseMessage = (message: unknown): void => {
    const r = response.safeParse(message);
    if (!r.success) return diagnose({ kind: 'malformed', detail: `omni.response ${brief(message)}` });
    const id = r.data.requestId;
    const waiting = id === null ? undefined : pending.get(id);
    if (waiting === undefined) {
      // Another softphone's answer shares the channel: not ours, but worth knowing about.
      if (id === null || id.startsWith(prefix))
        diagnose({ kind: 'unexpectedResponse', detail: brief(message) });
      return;
    }
    pending.delete(id as string);
    options.clock.clearTimeout(waiting.timer);
    if (r.data.ok) waiting.resolve(r.data.result);
    else waiting.reject(new OmniTransportError(waiting.method, 'refused', r.data.error));
  };

  const onMessage = (message: unknown): void => {
    const type = typeOf(message);
    if (type === 'omni.request') return; // our own requests (LMS echoes to the publisher) or another softphone's
    if (type === 'omni.event') return onEventMessage(message);
    if (type === 'omni.response') return onResponseMessage(message);
    diagnose({ kind: 'malformed', detail: `not an Omni bridge message: ${brief(message)}` });
  };

  const request = (method: string, args?: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const requestId = `${prefix}-${next++}`;
      const timer = options.clock.setTimeout(() => {
        if (!pending.delete(requestId)) return;
        diagnose({ kind: 'timeout', detail: `${method} (${requestId}) had no answer in ${timeoutMs} ms` });
        reject(
          new OmniTransportError(
            method,
            'timeout',
            `no answer from the Omni-Channel bridge in ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      pending.set(requestId, { method, timer, resolve, reject });
      const message: Record<string, unknown> = { type: 'omni.request', requestId, method };
      if (args !== undefined) message['args'] = args;
      options.bus.publish(channel, message).catch((error: unknown) => {
        if (!pending.delete(requestId)) return;
        options.clock.clearTimeout(timer);
        const text = error instanceof Error ? error.message : String(error);
        diagnose({ kind: 'publishFailed', detail: `${method}: ${text}` });
        reject(new OmniTransportError(method, 'transport', text));
      });
    });

  const statuses = async (): Promise<readonly OmniPresenceStatus[]> => {
    const result = await request('getServicePresenceStatuses');
    const list = presenceList.safeParse(result);
    if (!list.success)
      throw new OmniTransportError(
        'getServicePresenceStatuses',
        'transport',
        `malformed result ${brief(result)}`,
      );
    known = list.data;
    return known;
  };

  const find = (
    list: readonly OmniPresenceStatus[] | null,
    apiName: string,
  ): OmniPresenceStatus | undefined =>
    list?.find((s) => s.statusApiName.toLowerCase() === apiName.toLowerCase());

  return {
    async start() {
      if (unsubscribe !== null) return;
      unsubscribe = await options.bus.subscribe(channel, onMessage);
    },
    async stop() {
      const u = unsubscribe;
      unsubscribe = null;
      for (const [id, waiting] of pending) {
        options.clock.clearTimeout(waiting.timer);
        waiting.reject(new OmniTransportError(waiting.method, 'transport', 'the transport stopped'));
        pending.delete(id);
      }
      if (u !== null) await u();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request,
    statuses,
    async currentStatus() {
      try {
        const p = presence.safeParse(await request('getServicePresenceStatusId'));
        if (!p.success)
          throw new OmniTransportError('getServicePresenceStatusId', 'transport', 'malformed result');
        return p.data;
      } catch (error) {
        // The toolkit refuses this call while the agent is logged out of Omni.
        if (error instanceof OmniTransportError && error.kind === 'refused') return null;
        throw error;
      }
    },
    async currentWorkload() {
      const result = await request('getAgentWorkload');
      const w = workloadResult.safeParse(result);
      if (!w.success)
        throw new OmniTransportError('getAgentWorkload', 'transport', `malformed result ${brief(result)}`);
      return w.data.currentWorkload;
    },
    async setStatus(statusApiName) {
      const status = find(known, statusApiName) ?? find(await statuses(), statusApiName);
      if (status === undefined) {
        throw new OmniTransportError(
          'setServicePresenceStatus',
          'unknownStatus',
          `no Omni-Channel status ${statusApiName} for this agent`,
        );
      }
      await request('setServicePresenceStatus', { statusId: status.statusId });
    },
    async logout() {
      await request('logout');
    },
  };
}
