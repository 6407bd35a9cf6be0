/**
 * `npm run bench:sim`: load on the CIC simulator. Starts the simulator in a child process with a
 * generated site of N agents in one workgroup, logs every agent on over HTTP (workstation,
 * Available, My Interactions subscription), reads each session's messages over SSE, then offers
 * calls to the workgroup through the control API. Each routed agent picks up and disconnects, so
 * ACD keeps finding free agents.
 *
 * Prints sessions, messages per second and delivery latency (control-API call → the alerting
 * queue message arriving on the agent's SSE stream) at p50/p99, then one PASS/FAIL line per
 * budget (docs/performance.md). A benchmark that reports, not a timed test: it exits non-zero on
 * an over-budget number only with `--check`; it always exits non-zero if the run itself broke.
 *
 *   npm run bench:sim -- [--agents 200] [--calls 400] [--rate 40] [--check] [--json FILE]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SseParser } from '../../src/cic/sse.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '200' },
    calls: { type: 'string', default: '400' },
    rate: { type: 'string', default: '40' },
    check: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive integer, got "${text}"`);
    process.exit(2);
  }
  return n;
}

const AGENTS = positiveInt('agents', values.agents);
const CALLS = positiveInt('calls', values.calls);
const RATE = positiveInt('rate', values.rate);

/** The simulator budget of issue 5: at least 200 sessions with delivery p99 at most 250 ms. */
const BUDGET = { sessions: 200, p99Ms: 250 } as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

function site(agents: number): object {
  const ids = Array.from({ length: agents }, (_, i) => `load${i + 1}`);
  return {
    name: 'bench site',
    users: ids.map((userId, i) => ({
      userId,
      password: 'pw',
      displayName: `Load Agent ${i + 1}`,
      extension: String(20000 + i),
      workgroups: ['Load'],
    })),
    stations: ids.map((_, i) => ({ stationId: `LS${i + 1}`, extension: String(30000 + i) })),
    workgroups: [{ name: 'Load', extension: '9000', members: ids, alertTimeoutSeconds: 30 }],
  };
}

interface Agent {
  readonly userId: string;
  readonly base: string;
  readonly headers: Record<string, string>;
  readonly seen: Set<string>;
}

const JSON_TYPE = 'application/vnd.inin.icws+JSON';

async function call(url: string, init: RequestInit & { expect?: number[] } = {}): Promise<Response> {
  const response = await fetch(url, init);
  if (init.expect && !init.expect.includes(response.status)) {
    throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`);
  }
  return response;
}

async function logOn(server: string, index: number): Promise<Agent> {
  const userId = `load${index + 1}`;
  const response = await call(`${server}/icws/connection?include=features`, {
    method: 'POST',
    expect: [201],
    headers: { 'content-type': JSON_TYPE, 'accept-language': 'en-us' },
    body: JSON.stringify({
      __type: 'urn:inin.com:connection:icAuthConnectionRequestSettings',
      applicationName: 'sim-load bench',
      userID: userId,
      password: 'pw',
    }),
  });
  const body = (await response.json()) as { sessionId: string; csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { 'ININ-ICWS-CSRF-Token': body.csrfToken, cookie, 'content-type': JSON_TYPE };
  const base = `${server}/icws/${body.sessionId}`;
  await call(`${base}/connection/station`, {
    method: 'PUT',
    expect: [200],
    headers,
    body: JSON.stringify({
      __type: 'urn:inin.com:connection:workstationSettings',
      workstation: `LS${index + 1}`,
      supportedMediaTypes: [1],
      readyForInteractions: true,
    }),
  });
  await call(`${base}/messaging/subscriptions/queues/mine`, {
    method: 'PUT',
    expect: [200],
    headers,
    body: JSON.stringify({
      queueIds: [{ queueType: 1, queueName: userId }],
      attributeNames: ['Eic_State', 'Eic_RemoteAddress', 'Eic_WorkgroupName'],
    }),
  });
  await call(`${base}/status/user-statuses/${userId}`, {
    method: 'PUT',
    expect: [202],
    headers,
    body: JSON.stringify({ statusId: 'Available' }),
  });
  return { userId, base, headers, seen: new Set() };
}

const offeredAt = new Map<string, number>();
const latencies: number[] = [];
/** Failures of the agents' own requests while the load runs (pickup, disconnect, stream). */
const errors: string[] = [];
let messages = 0;
/** Set once the run is being torn down: failures after that are expected and not counted. */
let stopping = false;

/** Reads one agent's SSE stream until `signal` aborts; picks up and disconnects what alerts. */
async function listen(agent: Agent, signal: AbortSignal): Promise<void> {
  try {
    const response = await fetch(`${agent.base}/messaging/messages`, {
      headers: { ...agent.headers, accept: 'text/event-stream' },
      signal,
    });
    if (!response.body) throw new Error('no SSE body');
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      for (const event of parser.push(decoder.decode(read.value, { stream: true }))) {
        messages++;
        const message = JSON.parse(event.data) as {
          __type: string;
          interactionsAdded?: { interactionId: string; attributes: Record<string, string> }[];
        };
        for (const added of message.interactionsAdded ?? []) {
          const at = offeredAt.get(added.interactionId);
          if (at === undefined || agent.seen.has(added.interactionId)) continue;
          agent.seen.add(added.interactionId);
          latencies.push(performance.now() - at);
          void answerAndHangUp(agent, added.interactionId);
        }
      }
    }
    if (!stopping) errors.push(`${agent.userId}: event stream ended early`);
  } catch (error) {
    if (!stopping) errors.push(`${agent.userId}: event stream: ${(error as Error).message}`);
  }
}

async function answerAndHangUp(agent: Agent, interactionId: string): Promise<void> {
  const post = (path: string) =>
    call(`${agent.base}/interactions/${interactionId}/${path}`, {
      method: 'POST',
      headers: agent.headers,
      body: '{}',
      expect: [200, 204],
    });
  try {
    await post('pickup');
    await sleep(200);
    await post('disconnect');
  } catch (error) {
    if (!stopping) errors.push(`${agent.userId}: ${(error as Error).message}`);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Starts `npm run sim` (quiet) on a free port and waits until it answers. */
async function startSimulator(siteFile: string): Promise<{ child: ChildProcess; server: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sim/cic/cli.ts', '--quiet', '--port', String(port), '--site', siteFile],
    // stdout is not read: a full pipe would block the simulator.
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`simulator exited with code ${child.exitCode}`);
    try {
      await fetch(`${server}/icws/connection/version`);
      return { child, server };
    } catch {
      if (i > 150) throw new Error('simulator did not start within 15 s');
      await sleep(100);
    }
  }
}

async function stopSimulator(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface Result {
  sessions: number;
  logonSeconds: number;
  calls: number;
  rate: number;
  /** The rate actually reached: offers are sent one after another, so a slow reply lowers it. */
  offeredPerSecond: number;
  delivered: number;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

async function run(server: string): Promise<Result> {
  const started = performance.now();
  const agents: Agent[] = [];
  for (let i = 0; i < AGENTS; i += 20) {
    const batch = Array.from({ length: Math.min(20, AGENTS - i) }, (_, k) => logOn(server, i + k));
    agents.push(...(await Promise.all(batch)));
  }
  const logonSeconds = (performance.now() - started) / 1000;
  const abort = new AbortController();
  const streams = agents.map((agent) => listen(agent, abort.signal));
  // Let every stream open and drain its snapshot before the load starts.
  await sleep(500);

  messages = 0;
  const loadStart = performance.now();
  let offerSeconds: number;
  try {
    for (let n = 0; n < CALLS; n++) {
      const wait = loadStart + (n * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      const before = performance.now();
      const response = await call(`${server}/sim/v1/calls`, {
        method: 'POST',
        expect: [201],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          from: `+1317555${String(1000 + (n % 9000)).padStart(4, '0')}`,
          to: { workgroup: 'Load' },
        }),
      });
      const { interactionId } = (await response.json()) as { interactionId: string };
      offeredAt.set(interactionId, before);
    }
    offerSeconds = (performance.now() - loadStart) / 1000;
    // Let the last offers arrive (calls wait in queue while every agent is busy).
    const deadline = performance.now() + 15_000;
    while (latencies.length < CALLS && performance.now() < deadline) await sleep(100);
  } finally {
    stopping = true;
    abort.abort();
    await Promise.allSettled(streams);
  }
  const seconds = (performance.now() - loadStart) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    sessions: agents.length,
    logonSeconds,
    calls: CALLS,
    rate: RATE,
    offeredPerSecond: CALLS / offerSeconds,
    delivered: latencies.length,
    messages,
    seconds,
    messagesPerSecond: messages / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? NaN,
    errors: errors.length,
  };
}

function report(r: Result): boolean {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`sessions            ${r.sessions} (logged on in ${r.logonSeconds.toFixed(1)} s)`);
  console.log(
    `calls offered       ${r.calls} at ${r.offeredPerSecond.toFixed(0)}/s (asked ${r.rate}/s); delivered ${r.delivered}`,
  );
  console.log(
    `messages/s          ${r.messagesPerSecond.toFixed(0)} (${r.messages} SSE messages in ${r.seconds.toFixed(1)} s)`,
  );
  console.log(`delivery p50        ${ms(r.p50Ms)}`);
  console.log(`delivery p99        ${ms(r.p99Ms)} (max ${ms(r.maxMs)})`);
  console.log(`request errors      ${r.errors}`);
  for (const line of errors.slice(0, 5)) console.log(`  ${line}`);
  const lines: [string, boolean][] = [
    [`sessions ${r.sessions} ≥ ${BUDGET.sessions}`, r.sessions >= BUDGET.sessions],
    [`delivery p99 ${ms(r.p99Ms)} ≤ ${BUDGET.p99Ms} ms`, r.p99Ms <= BUDGET.p99Ms],
    [
      `every call delivered (${r.delivered}/${r.calls}), no request errors`,
      r.delivered === r.calls && r.errors === 0,
    ],
  ];
  console.log('budget (simulator ≥ 200 sessions at p99 ≤ 250 ms)');
  for (const [text, ok] of lines) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  return lines.every(([, ok]) => ok);
}

const dir = mkdtempSync(join(tmpdir(), 'sim-load-'));
const siteFile = join(dir, 'site.json');
writeFileSync(siteFile, JSON.stringify(site(AGENTS)));
let child: ChildProcess | undefined;
let exitCode = 0;
try {
  const started = await startSimulator(siteFile);
  child = started.child;
  const result = await run(started.server);
  const ok = report(result);
  if (values.json !== undefined)
    writeFileSync(values.json, `${JSON.stringify({ bench: 'sim', ok, ...result }, null, 2)}\n`);
  if (!ok && values.check) exitCode = 1;
} catch (error) {
  console.error(`bench:sim failed: ${(error as Error).stack ?? String(error)}`);
  exitCode = 2;
} finally {
  if (child) await stopSimulator(child);
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
