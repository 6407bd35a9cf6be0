/**
 * Browser-test harness for the Lightning console emulator: starts an emulator (its own origin),
 * opens its console page in an iframe; the console frames the fixture adapter page, which is
 * served by the test runner (the test page's origin) and loads the emulator's opencti_min.js.
 * The fixture is same-origin with the test page, so tests reach its `sforce.opencti` directly.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface OpenCtiResponseLike {
  success: boolean;
  returnValue: unknown;
  errors: Array<{ code: string; description: string; details?: unknown }> | null;
  subscription?: unknown;
}

type OpenCtiApi = Record<string, unknown> & {
  SCREENPOP_TYPE: Record<string, string>;
  CALL_TYPE: Record<string, string>;
  hvs?: Record<string, (args: unknown) => void>;
};

export interface ConsoleHarness {
  readonly url: string;
  readonly pageOrigin: string;
  readonly consoleFrame: HTMLIFrameElement;
  readonly adapter: Window;
  readonly opencti: OpenCtiApi;
  /** Calls a method with a callback and resolves with what the callback receives. */
  call(method: string, args?: Record<string, unknown>): Promise<OpenCtiResponseLike>;
  /** Calls a method exactly as given (no callback added). */
  raw(method: string, args?: unknown): void;
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

const harnesses: ConsoleHarness[] = [];

/** Resolves when a message matching `test` arrives at this (test) page. */
export function nextMessage(test: (data: unknown, event: MessageEvent) => boolean): Promise<MessageEvent> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent): void => {
      if (!test(event.data, event)) return;
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

/** Re-checks a condition until it holds (the mocha timeout bounds the wait). */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function openConsole(options: Record<string, unknown> = {}): Promise<ConsoleHarness> {
  const started = (await executeServerCommand('console:start', options)) as { id: string; url: string; pageOrigin: string };
  const ready = nextMessage((d) => typeof d === 'object' && d !== null && (d as { fixture?: string }).fixture === 'adapter-ready');
  const consoleFrame = document.createElement('iframe');
  consoleFrame.style.width = '1200px';
  consoleFrame.style.height = '800px';
  consoleFrame.src = `${started.url}/lightning/page/home`;
  document.body.append(consoleFrame);
  const readyEvent = await ready;
  const adapter = readyEvent.source as Window;
  const opencti = (adapter as unknown as { sforce: { opencti: OpenCtiApi } }).sforce.opencti;
  const method = (name: string): ((args?: unknown) => void) => {
    const [a, b] = name.split('.') as [string, string | undefined];
    const target = b ? (opencti[a] as Record<string, unknown>)[b] : opencti[a];
    if (typeof target !== 'function') throw new Error(`sforce.opencti.${name} is not a function`);
    return target as (args?: unknown) => void;
  };
  const request = async <T>(verb: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${started.url}/__console/v1${path}`, {
      method: verb,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const harness: ConsoleHarness = {
    url: started.url,
    pageOrigin: started.pageOrigin,
    consoleFrame,
    adapter,
    opencti,
    call: (name, args = {}) =>
      new Promise((resolve) => {
        method(name)({ ...args, callback: (response: OpenCtiResponseLike) => resolve(response) });
      }),
    raw: (name, args) => method(name)(args),
    get: async (path) => (await request<never>('GET', path)).body,
    post: (path, body) => request('POST', path, body ?? {}),
    async stop() {
      consoleFrame.remove();
      await executeServerCommand('console:stop', { id: started.id });
    },
  };
  harnesses.push(harness);
  return harness;
}

export async function closeAll(): Promise<void> {
  await Promise.all(harnesses.splice(0).map((h) => h.stop()));
}

export interface LogEntry {
  seq: number;
  method: string;
  args: unknown;
  response: OpenCtiResponseLike;
  tab: string;
  window: string;
}

export async function openCtiLog(h: ConsoleHarness): Promise<LogEntry[]> {
  return (await h.get<{ entries: LogEntry[] }>('/opencti-log')).entries;
}
