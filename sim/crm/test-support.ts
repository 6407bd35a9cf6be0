/**
 * Test helpers for Node tests of the console emulator: `ConsolePageClient` does over HTTP what the
 * console page does in a browser (register a window, read the server-sent events, say hello for a
 * softphone document, relay Open CTI calls), so the server side can be tested without Chromium.
 */
import { request, type IncomingMessage } from 'node:http';
import { FN_MARKER, type OpenCtiResponse, type ServerEvent, type WireValue } from './protocol.js';
import { startConsoleEmulator, type ConsoleEmulator, type ConsoleEmulatorOptions } from './server.js';

export async function startTestEmulator(options: Partial<ConsoleEmulatorOptions> = {}): Promise<ConsoleEmulator> {
  return startConsoleEmulator({ adapterUrl: 'http://127.0.0.1:9/softphone.html', clock: 'manual', ...options });
}

/** A function argument as it travels on the wire. */
export const fn = (id = 'callback'): WireValue => ({ [FN_MARKER]: id });

export async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; text: string; headers: Record<string, string | string[] | undefined> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, headers: Object.fromEntries(res.headers.entries()) };
}

export class ConsolePageClient {
  readonly events: ServerEvent[] = [];
  private waiters: Array<{ test: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }> = [];
  private stream: IncomingMessage | null = null;
  windowId = '';
  instanceId = 'test-instance-1';

  constructor(
    readonly base: string,
    readonly origin = 'http://console.test:1',
  ) {}

  static async open(base: string, origin?: string, apiVersion = '62.0'): Promise<ConsolePageClient> {
    const page = new ConsolePageClient(base, origin);
    const r = await http(base, 'POST', '/__console/v1/windows', { origin: page.origin });
    if (r.status !== 201) throw new Error(`window registration failed: ${r.text}`);
    page.windowId = (r.body as { windowId: string }).windowId;
    await page.connect();
    await page.hello(page.instanceId, apiVersion);
    return page;
  }

  private connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(`${this.base}/__console/v1/windows/${this.windowId}/events`, (res) => {
        this.stream = res;
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (data) this.push(JSON.parse(data) as ServerEvent);
          }
        });
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
  }

  private push(event: ServerEvent): void {
    this.events.push(event);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(event)) return true;
      w.resolve(event);
      return false;
    });
  }

  /** Resolves with the first event (already received or future) that matches. */
  waitFor(test: (e: ServerEvent) => boolean, after = 0): Promise<ServerEvent> {
    const seen = this.events.slice(after).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Listener deliveries (payloads) for one listener id so far. */
  deliveries(listenerId: string): WireValue[] {
    return this.events.filter((e): e is Extract<ServerEvent, { type: 'deliver' }> => e.type === 'deliver' && e.listenerId === listenerId).map((e) => e.payload);
  }

  waitForDelivery(listenerId: string, count = 1): Promise<WireValue[]> {
    const ready = (): boolean => this.deliveries(listenerId).length >= count;
    if (ready()) return Promise.resolve(this.deliveries(listenerId));
    return new Promise((resolve) => {
      this.waiters.push({ test: () => ready(), resolve: () => resolve(this.deliveries(listenerId)) });
    });
  }

  lastState(): Extract<ServerEvent, { type: 'state' }>['state'] {
    const states = this.events.filter((e): e is Extract<ServerEvent, { type: 'state' }> => e.type === 'state');
    const last = states[states.length - 1];
    if (!last) throw new Error('no state received yet');
    return last.state;
  }

  async hello(instanceId: string, apiVersion = '62.0'): Promise<void> {
    this.instanceId = instanceId;
    const r = await http(this.base, 'POST', `/__console/v1/windows/${this.windowId}/hello`, { instanceId, apiVersion });
    if (r.status !== 200) throw new Error(`hello failed: ${r.text}`);
  }

  private syncCounter = 0;

  /** Waits until every server-sent event sent so far has been received. */
  async sync(): Promise<void> {
    const token = `sync-${++this.syncCounter}`;
    const r = await http(this.base, 'POST', `/__console/v1/windows/${this.windowId}/sync`, { token });
    if (r.status !== 200) throw new Error(`sync failed: ${r.text}`);
    await this.waitFor((e) => e.type === 'sync' && e.token === token);
  }

  /** An Open CTI call exactly as the console page relays it (then waits for the page to catch up). */
  async call(method: string, args?: WireValue): Promise<OpenCtiResponse> {
    const r = await http(this.base, 'POST', `/__console/v1/windows/${this.windowId}/opencti`, { instanceId: this.instanceId, method, args: args ?? null });
    const body = r.body as { response?: OpenCtiResponse };
    if (!body.response) throw new Error(`no response: ${r.status} ${r.text}`);
    await this.sync();
    return body.response;
  }

  /** A control endpoint call for this window (then waits for the page to catch up). */
  async control(path: string, body: Record<string, unknown> = {}): ReturnType<typeof http> {
    const r = await http(this.base, 'POST', `/__console/v1${path}`, { window: this.windowId, ...body });
    await this.sync();
    return r;
  }

  close(): void {
    this.stream?.destroy();
  }
}
