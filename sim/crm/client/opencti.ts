/**
 * `opencti_min.js` as the Lightning console emulator serves it: defines `window.sforce.opencti`
 * inside the softphone frame. Every method posts its argument object to the console page (the
 * frame's parent, at the `sfdcIframeOrigin` origin only); the console validates and answers, and
 * the answer goes to the method's `callback`. Listeners (`onClickToDial`, `onNavigationChange`,
 * `hvs.onWorkStart`, `subscribe`) stay here and are called when the console sends an event.
 *
 * Bundled on the fly by the emulator (esbuild), with the API version from the URL path.
 */
import {
  CALL_TYPE,
  FN_MARKER,
  OPENCTI_METHODS,
  PROTOCOL,
  SCREENPOP_TYPE,
  UNSUPPORTED_MARKER,
  type ConsoleMessage,
  type FrameMessage,
  type WireValue,
} from '../protocol.js';

declare const __OPENCTI_API_VERSION__: string;

type AnyFunction = (...args: unknown[]) => unknown;

(function installOpenCti(): void {
  const apiVersion = __OPENCTI_API_VERSION__;
  const major = Number.parseInt(apiVersion, 10);
  const query = new URLSearchParams(window.location.search);
  const parentOrigin = query.get('sfdcIframeOrigin') ?? '';
  const initError = (why: string): Error =>
    new Error(`Failed to initialize Open CTI. Ensure that it is loaded from the right frame in the right Salesforce domain: ${why}`);
  if (window.parent === window) throw initError('the page is not inside the softphone frame');
  if (query.get('mode') !== 'Lightning') throw initError('the mode=Lightning URL parameter is missing');
  let validOrigin: boolean;
  try {
    validOrigin = new URL(parentOrigin).origin === parentOrigin;
  } catch {
    validOrigin = false;
  }
  if (!validOrigin) throw initError('the sfdcIframeOrigin URL parameter is missing or not an origin');

  const instanceId = `ocx-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const callbacks = new Map<number, { method: string; callback: unknown }>();
  const functions = new Map<string, AnyFunction>();
  const queue: FrameMessage[] = [];
  let welcomed = false;
  let nextRequest = 1;
  let nextFunction = 1;

  const post = (message: FrameMessage): void => {
    window.parent.postMessage(message, parentOrigin);
  };
  const send = (message: FrameMessage): void => {
    if (welcomed) post(message);
    else queue.push(message);
  };
  /** Errors thrown by the page's callbacks surface as uncaught errors, not inside our handler. */
  const invoke = (fn: AnyFunction, value: unknown): void => {
    try {
      fn(value);
    } catch (error) {
      setTimeout(() => {
        throw error;
      }, 0);
    }
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    const message = event.data as ConsoleMessage | null;
    if (!message || typeof message !== 'object' || message.protocol !== PROTOCOL || message.instanceId !== instanceId) return;
    if (message.kind === 'welcome') {
      if (welcomed) return;
      welcomed = true;
      for (const queued of queue.splice(0)) post(queued);
    } else if (message.kind === 'response') {
      const pending = callbacks.get(message.requestId);
      callbacks.delete(message.requestId);
      if (!pending) return;
      if (typeof pending.callback === 'function') invoke(pending.callback as AnyFunction, message.response);
      else if (!message.response.success) {
        // No callback to tell: Salesforce reports errors on the console instead.
        console.error(`sforce.opencti.${pending.method} failed:`, message.response.errors);
      }
    } else if (message.kind === 'event') {
      const listener = functions.get(message.listenerId);
      if (listener) invoke(listener, message.payload);
    }
  });

  const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    Object.prototype.toString.call(value) === '[object Object]';

  /** JSON-like copy for postMessage; functions become markers, unsupported values are flagged. */
  const toWire = (value: unknown, seen: unknown[]): WireValue | undefined => {
    if (value === undefined) return undefined;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { [UNSUPPORTED_MARKER]: String(value) };
    if (typeof value === 'function') {
      const id = `fn-${nextFunction++}`;
      functions.set(id, value as AnyFunction);
      return { [FN_MARKER]: id };
    }
    if (typeof value !== 'object') return { [UNSUPPORTED_MARKER]: typeof value };
    if (seen.includes(value)) return { [UNSUPPORTED_MARKER]: 'cycle' };
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return toWire(withJson.toJSON(), seen);
    const inner = [...seen, value];
    if (Array.isArray(value)) return value.map((v) => toWire(v, inner) ?? null);
    const out: Record<string, WireValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const w = toWire(v, inner);
      if (w !== undefined) out[k] = w;
    }
    return out;
  };

  const call = (method: string, args?: unknown): void => {
    const requestId = nextRequest++;
    let wire: WireValue;
    if (isPlainObject(args)) {
      const { callback, ...rest } = args;
      callbacks.set(requestId, { method, callback });
      const body = (toWire(rest, []) ?? {}) as Record<string, WireValue>;
      if (callback !== undefined) body['callback'] = typeof callback === 'function' ? { [FN_MARKER]: 'callback' } : (toWire(callback, []) ?? null);
      wire = body;
    } else {
      callbacks.set(requestId, { method, callback: undefined });
      wire = args === undefined ? null : (toWire(args, []) ?? null);
    }
    send({ protocol: PROTOCOL, kind: 'call', instanceId, requestId, method, args: wire });
  };

  const api: Record<string, unknown> = {
    SCREENPOP_TYPE: Object.freeze({ ...SCREENPOP_TYPE }),
    CALL_TYPE: Object.freeze({ ...CALL_TYPE }),
  };
  const hvs: Record<string, unknown> = {};
  for (const { name, since } of OPENCTI_METHODS) {
    if (since > major) continue;
    const fn = (args?: unknown): void => call(name, args);
    if (name.startsWith('hvs.')) hvs[name.slice(4)] = fn;
    else api[name] = fn;
  }
  if (Object.keys(hvs).length > 0) api['hvs'] = Object.freeze(hvs);

  const w = window as unknown as { sforce?: Record<string, unknown> };
  w.sforce = w.sforce ?? {};
  w.sforce['opencti'] = Object.freeze(api);

  post({ protocol: PROTOCOL, kind: 'hello', instanceId, apiVersion });
})();
