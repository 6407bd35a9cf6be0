/**
 * Contract-test harness: a real simulator on 127.0.0.1, the real client over real HTTP and SSE,
 * a wire recorder that keeps every ICWS reply, and per-agent message collectors that fold queue
 * deltas with the client's own merge helpers. Waiting is event driven; the only timeout is a
 * safety net that fails a test instead of hanging it.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { startSimulator } from '../../sim/cic/index.js';
import type { RunningSimulator, SimulatorOptions } from '../../sim/cic/index.js';
import type { CicError, MessagingOptions } from '../../src/cic/index.js';
import { CicConnector } from '../../src/cic/index.js';
import type { FetchLike } from '../../src/cic/index.js';
import { Agent, Waiters } from './agent.js';
import { errorBody } from '../../src/cic/schemas/common.js';

export const PASSWORD = '1234';
export { Agent } from './agent.js';

/** One HTTP exchange with an ICWS endpoint, as the client saw it. */
export interface WireRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  /** The JSON body (parsed from a clone), `undefined` when empty or streamed. */
  readonly body: unknown;
  readonly requestHeaders: Headers;
}

/** A fetch that records every ICWS request and reply (SSE bodies are left to the client). */
export function recordingFetch(records: WireRecord[]): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(String(input));
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown;
    if (!contentType.includes('text/event-stream')) {
      const text = await response.clone().text();
      body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    }
    records.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      status: response.status,
      contentType,
      body,
      requestHeaders: new Headers(init?.headers),
    });
    return response;
  };
}

export interface Harness {
  readonly sim: RunningSimulator;
  readonly records: WireRecord[];
  readonly fetch: FetchLike;
  /** Every agent session opened through {@link Harness.agent}. */
  readonly agents: Agent[];
  connector(options?: { server?: string; maxAttempts?: number }): CicConnector;
  agent(userId: string, options?: AgentOptions): Promise<Agent>;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Resolves once `test` holds, checked after every message any agent receives. */
  until(test: () => boolean, what?: string): Promise<void>;
  /** Offers an inbound call through the control API and returns its interaction id. */
  call(to: { workgroup: string } | { user: string } | { extension: string }, from?: string): Promise<string>;
  close(): Promise<void>;
}

export interface AgentOptions {
  readonly station?: string | null;
  readonly messaging?: MessagingOptions;
  readonly password?: string;
  /** Subscribe the agent's My Interactions queue (system queue). Default true. */
  readonly queue?: boolean;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, ...options });
  const records: WireRecord[] = [];
  const wire = recordingFetch(records);
  const agents: Agent[] = [];
  const waiters = new Waiters();
  const harness: Harness = {
    sim,
    records,
    fetch: wire,
    agents,
    connector: (o = {}) =>
      new CicConnector({
        server: o.server ?? sim.url,
        applicationName: 'Contract tests',
        fetch: wire,
        ...(o.maxAttempts !== undefined ? { maxAttempts: o.maxAttempts } : {}),
        client: { messaging: { heartbeatIntervalMs: 0, pollIntervalMs: 20, reconnectDelayMs: 20 } },
      }),
    async agent(userId, o = {}) {
      const connector = new CicConnector({
        server: sim.url,
        applicationName: 'Contract tests',
        fetch: wire,
        client: {
          messaging: { heartbeatIntervalMs: 0, pollIntervalMs: 20, reconnectDelayMs: 20, ...o.messaging },
        },
      });
      const client = await connector.logon({ kind: 'ic', userId, password: o.password ?? PASSWORD });
      const agent = new Agent(client, userId, () => waiters.check());
      agents.push(agent);
      client.startMessaging();
      const station = o.station === undefined ? defaultStation(userId) : o.station;
      if (station !== null) await client.station.set({ kind: 'workstation', workstation: station });
      if (o.queue !== false) {
        await client.subscriptions.queue('mine', [{ queueType: 0, queueName: userId }], QUEUE_ATTRIBUTES);
        await agent.next('urn:inin.com:queues:queueContentsMessage', (m) => !m.isDelta);
      }
      return agent;
    },
    until: (test, what = 'condition') =>
      waiters.until(test, what, () => agents.map((a) => a.tail()).join(' | ')),
    async control<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(new URL(path, sim.url), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    async call(to, from = '+13175550101') {
      const reply = await harness.control<{ interactionId: string }>('POST', '/sim/v1/calls', {
        from,
        fromName: 'Pat Doe',
        to,
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      return reply.body.interactionId;
    },
    async close() {
      for (const agent of agents) await agent.client.stopMessaging();
      await sim.close();
      const dump = process.env['CIC_WIRE_DUMP'];
      if (dump) {
        const lines = records.map(
          (r) => `${r.method} ${r.path.replace(/^\/icws\/\d+\//, '/icws/{sessionId}/')} ${r.status}\n`,
        );
        appendFileSync(dump, lines.join(''));
      }
    },
  };
  return harness;
}

function defaultStation(userId: string): string {
  const n = /^agent(\d+)$/.exec(userId)?.[1];
  return n === undefined ? 'WS11' : `WS${n.padStart(2, '0')}`;
}

export const QUEUE_ATTRIBUTES = [
  'Eic_State',
  'Eic_CallStateString',
  'Eic_CallDirection',
  'Eic_CallType',
  'Eic_ObjectType',
  'Eic_RemoteAddress',
  'Eic_RemoteName',
  'Eic_LocalAddress',
  'Eic_WorkgroupName',
  'Eic_Muted',
  'Eic_Private',
  'Eic_Capabilities',
  'Eic_Recorders',
  'Eic_ConferenceId',
  'Eic_InitiationTime',
  'Eic_ConnectTime',
  'Eic_TerminationTime',
  'Eic_SecureRecordingPauseStartTime',
  'Eic_IRSnippetRecordingId',
  'Eic_AccountCode',
  'Eic_WrapUpCodeSet',
];

/** Runs `body` against a fresh simulator, then checks the contract and closes it. */
export async function withHarness(
  body: (h: Harness) => Promise<void>,
  options: SimulatorOptions = {},
  contract: { allowSchemaErrors?: number } = {},
): Promise<void> {
  const h = await startHarness(options);
  try {
    await body(h);
    assertContract(h, contract);
  } finally {
    await h.close();
  }
}

/**
 * The contract itself: every message parsed (no unrecognized type, no schema failure), and every
 * error reply is an `{errorId, message}` body.
 */
export function assertContract(harness: Harness, options: { allowSchemaErrors?: number } = {}): void {
  const unrecognized = harness.agents.flatMap((a) => a.unrecognized);
  assert.deepEqual(unrecognized, [], 'every message type the simulator sends is known to the client');
  const schemaErrors = harness.agents.flatMap((a) => a.errors.filter((e) => e.kind === 'schema'));
  assert.equal(
    schemaErrors.length,
    options.allowSchemaErrors ?? 0,
    `messages that failed the client's schemas: ${schemaErrors.map((e) => e.message).join('; ')}`,
  );
  for (const record of harness.records) {
    if (record.status < 400) continue;
    const parsed = errorBody.safeParse(record.body);
    assert.ok(
      parsed.success && typeof parsed.data.message === 'string',
      `${record.method} ${record.path} → ${record.status}: error body ${JSON.stringify(record.body)}`,
    );
    assert.equal(typeof parsed.data?.errorId, 'string', `${record.method} ${record.path}: errorId present`);
  }
  let sessionRequests = 0;
  for (const record of harness.records) {
    const session = /^\/icws\/(\d+|[^/]+)\/(?!connection\/server-info)/.exec(record.path);
    if (session === null || record.path.startsWith('/icws/connection')) continue;
    assert.ok(
      record.requestHeaders.get('ININ-ICWS-CSRF-Token'),
      `${record.method} ${record.path}: CSRF header sent`,
    );
    assert.ok(
      record.requestHeaders.get('cookie')?.startsWith(`icws_${session[1]}=`),
      `${record.method} ${record.path}: session cookie sent`,
    );
    sessionRequests += 1;
  }
  assert.ok(sessionRequests > 0, 'session requests were checked for CSRF header and cookie');
  for (const record of harness.records) {
    if (record.body === undefined) continue;
    assert.match(
      record.contentType.toLowerCase(),
      /^application\/(vnd\.inin\.icws\+json|json)/,
      `${record.method} ${record.path}: JSON content type`,
    );
  }
}

/** The last recorded reply for `METHOD /icws/{sessionId}/{pathSuffix}`. */
export function lastReply(harness: Harness, method: string, pathSuffix: string | RegExp): WireRecord {
  const match = [...harness.records]
    .reverse()
    .find(
      (r) =>
        r.method === method &&
        (typeof pathSuffix === 'string' ? r.path.endsWith(pathSuffix) : pathSuffix.test(r.path)),
    );
  assert.ok(match, `no ${method} ${String(pathSuffix)} was recorded`);
  return match;
}

/** Expects a call to reject with a CicError of `kind` (and `status` when given). */
export async function rejects(
  promise: Promise<unknown>,
  expected: { kind: CicError['kind']; status?: number; errorId?: string },
): Promise<CicError> {
  try {
    await promise;
  } catch (error) {
    const e = error as CicError;
    assert.equal(e?.name, 'CicError', String(error));
    assert.equal(e.kind, expected.kind, e.message);
    if (expected.status !== undefined) assert.equal(e.status, expected.status, e.message);
    if (expected.errorId !== undefined) assert.equal(e.errorId, expected.errorId, e.message);
    return e;
  }
  assert.fail(`expected a ${expected.kind} failure`);
}
