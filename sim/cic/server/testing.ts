/**
 * Helpers for the simulator's own tests: a bare ICWS client over `fetch` (cookie and CSRF handled
 * by hand, as a Node client must) and an SSE reader that parses `data:` events and `:` comments
 * from a response body stream.
 */
import { RequestUrn } from './wire.js';

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

export interface Json {
  [key: string]: unknown;
}

export async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const init: RequestInit = { method, headers: { Accept: 'application/vnd.inin.icws+JSON', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] ??= 'application/vnd.inin.icws+JSON; charset=utf-8';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export interface LogonOptions {
  readonly userId?: string;
  readonly password?: string;
  readonly include?: string;
  readonly language?: string;
  readonly station?: string | null;
  readonly body?: Record<string, unknown>;
}

export class TestSession {
  constructor(
    readonly baseUrl: string,
    readonly sessionId: string,
    readonly csrfToken: string,
    readonly cookie: string,
    readonly logon: Json,
  ) {}

  get root(): string {
    return `${this.baseUrl}/icws/${this.sessionId}`;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Cookie: this.cookie, 'ININ-ICWS-CSRF-Token': this.csrfToken, ...extra };
  }

  request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<HttpResult> {
    return call(method, `${this.root}${path}`, body, this.headers(extra));
  }

  get(path: string): Promise<HttpResult> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown): Promise<HttpResult> {
    return this.request('POST', path, body);
  }

  put(path: string, body?: unknown): Promise<HttpResult> {
    return this.request('PUT', path, body);
  }

  delete(path: string): Promise<HttpResult> {
    return this.request('DELETE', path);
  }

  /** Short poll: the drained message array (throws on a non-200). */
  async poll(): Promise<Json[]> {
    const r = await call('GET', `${this.root}/messaging/messages`, undefined, { Cookie: this.cookie });
    if (r.status !== 200) throw new Error(`poll failed: ${r.status} ${r.text}`);
    return r.body as Json[];
  }

  /** Polls until a message matching `predicate` is among the messages (at most `tries` polls). */
  async pollFor(predicate: (m: Json) => boolean, tries = 20): Promise<Json> {
    for (let i = 0; i < tries; i++) {
      const found = (await this.poll()).find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('expected message did not arrive');
  }

  async subscribe(path: string, body?: unknown): Promise<Json[]> {
    const r = await this.put(`/messaging/subscriptions/${path}`, body);
    if (r.status !== 200) throw new Error(`subscription ${path} failed: ${r.status} ${r.text}`);
    return this.poll();
  }

  openSse(): SseReader {
    return new SseReader(`${this.root}/messaging/messages`, { Cookie: this.cookie, Accept: 'text/event-stream' });
  }
}

export async function logon(baseUrl: string, options: LogonOptions = {}): Promise<TestSession> {
  const query = options.include ? `?include=${options.include}` : '';
  const r = await call(
    'POST',
    `${baseUrl}/icws/connection${query}`,
    options.body ?? {
      __type: RequestUrn.icAuth,
      applicationName: 'sim tests',
      userID: options.userId ?? 'agent1',
      password: options.password ?? '1234',
    },
    { 'Accept-Language': options.language ?? 'en-us' },
  );
  if (r.status !== 201) throw new Error(`logon failed: ${r.status} ${r.text}`);
  const json = r.body as Json;
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = new TestSession(baseUrl, String(json['sessionId']), String(json['csrfToken']), cookie, json);
  if (options.station !== null) {
    const station = options.station ?? defaultStation(options.userId ?? 'agent1');
    const s = await session.put('/connection/station', {
      __type: RequestUrn.workstation,
      workstation: station,
      supportedMediaTypes: [1],
      readyForInteractions: true,
    });
    if (s.status !== 200) throw new Error(`station failed: ${s.status} ${s.text}`);
    await session.poll();
  }
  return session;
}

/** agent3 → WS03, supervisor1 → WS11. */
export function defaultStation(userId: string): string {
  const n = /^agent(\d+)$/.exec(userId)?.[1];
  if (n !== undefined) return `WS${n.padStart(2, '0')}`;
  return userId === 'supervisor1' ? 'WS11' : 'WS12';
}

export type SseEvent = { readonly kind: 'data'; readonly data: string } | { readonly kind: 'comment'; readonly text: string };

export class SseReader {
  readonly #controller = new AbortController();
  readonly #events: SseEvent[] = [];
  readonly #waiters: ((e: SseEvent | null) => void)[] = [];
  #ended = false;
  readonly opened: Promise<Response>;

  constructor(url: string, headers: Record<string, string>) {
    this.opened = fetch(url, { headers, signal: this.#controller.signal });
    void this.#pump();
  }

  async #pump(): Promise<void> {
    let buffer = '';
    try {
      const res = await this.opened;
      if (res.body === null) return;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.#push({ kind: 'comment', text: line.slice(1) });
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length > 0) this.#push({ kind: 'data', data: data.join('\n') });
        }
      }
    } catch {
      // aborted or failed: treated as the end of the stream
    } finally {
      this.#ended = true;
      for (const w of this.#waiters.splice(0)) w(null);
    }
  }

  #push(event: SseEvent): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(event);
    else this.#events.push(event);
  }

  /** The next event, or `null` when the stream has ended. */
  next(): Promise<SseEvent | null> {
    const queued = this.#events.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The next `data:` event parsed as JSON (skipping comments); `null` at the end. */
  async nextMessage(): Promise<Json | null> {
    for (;;) {
      const e = await this.next();
      if (e === null) return null;
      if (e.kind === 'data') return JSON.parse(e.data) as Json;
    }
  }

  /** Reads messages until one matches. */
  async messageWhere(predicate: (m: Json) => boolean): Promise<Json> {
    for (;;) {
      const m = await this.nextMessage();
      if (m === null) throw new Error('stream ended before the expected message');
      if (predicate(m)) return m;
    }
  }

  close(): void {
    this.#controller.abort();
  }
}

export const postJson = (url: string, body: unknown): Promise<HttpResult> =>
  call('POST', url, body, { 'Content-Type': 'application/json', Accept: 'application/json' });
