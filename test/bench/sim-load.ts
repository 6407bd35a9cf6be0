/**
 * `npm run bench:sim`: load on the CIC simulator. Starts the simulator in a child process with a
 * generated site of N agents in one workgroup, logs every agent on over HTTP (workstation,
 * Available, My Interactions subscription), reads each session's messages over SSE, then offers
 * calls to the workgroup through the control API. Each routed agent picks up and disconnects, so
 * ACD keeps finding free agents.
 *
 * Prints sessions, messages per second and delivery latency (control-API call → the alerting
 * queue message arriving on the agent's SSE stream) at p50/p99. A benchmark that reports: it never
 * fails on a number.
 *
 *   npm run bench:sim -- [--agents 200] [--calls 400] [--rate 40]
 */
import { spawn } from 'node:child_process';
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
  },
});
const AGENTS = Number(values.agents);
const CALLS = Number(values.calls);
const RATE = Number(values.rate);

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
let messages = 0;

/** Reads one agent's SSE stream until `signal` aborts; picks up and disconnects what alerts. */
async function listen(agent: Agent, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${agent.base}/messaging/messages`, {
    headers: { ...agent.headers, accept: 'text/event-stream' },
    signal,
  });
  if (!response.body) throw new Error('no SSE body');
  const parser = new SseParser();
  const decoder = new TextDecoder();
  try {
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
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** Swallows failures of fire-and-forget requests made while the run is being torn down. */
let stopping = false;

async function answerAndHangUp(agent: Agent, interactionId: string): Promise<void> {
  const post = (path: string) =>
    call(`${agent.base}/interactions/${interactionId}/${path}`, { method: 'POST', headers: agent.headers });
  try {
    await post('pickup');
    await new Promise((r) => setTimeout(r, 200));
    await post('disconnect');
  } catch (error) {
    if (!stopping) throw error;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-load-'));
  const siteFile = join(dir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(site(AGENTS)));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cic/cli.ts', '--port', String(port), '--site', siteFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        await fetch(`${server}/icws/connection/version`);
        break;
      } catch {
        if (i > 100) throw new Error('simulator did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const started = performance.now();
    const agents: Agent[] = [];
    for (let i = 0; i < AGENTS; i += 20) {
      agents.push(...(await Promise.all(Array.from({ length: Math.min(20, AGENTS - i) }, (_, k) => logOn(server, i + k)))));
    }
    const logonSeconds = (performance.now() - started) / 1000;
    const abort = new AbortController();
    const streams = agents.map((agent) => listen(agent, abort.signal));
    await new Promise((r) => setTimeout(r, 500));

    messages = 0;
    const loadStart = performance.now();
    for (let n = 0; n < CALLS; n++) {
      const due = loadStart + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const before = performance.now();
      const response = await call(`${server}/sim/v1/calls`, {
        method: 'POST',
        expect: [201],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: `+1317555${String(1000 + (n % 9000)).padStart(4, '0')}`, to: { workgroup: 'Load' } }),
      });
      const { interactionId } = (await response.json()) as { interactionId: string };
      offeredAt.set(interactionId, before);
    }
    // Let the last offers arrive (calls wait in queue if every agent is busy).
    const deadline = performance.now() + 15_000;
    while (latencies.length < CALLS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const seconds = (performance.now() - loadStart) / 1000;
    stopping = true;
    abort.abort();
    await Promise.allSettled(streams);

    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`sessions            ${agents.length} (logged on in ${logonSeconds.toFixed(1)} s)`);
    console.log(`calls offered       ${CALLS} at ${RATE}/s; delivered ${latencies.length}`);
    console.log(`messages/s          ${(messages / seconds).toFixed(0)} (${messages} SSE messages in ${seconds.toFixed(1)} s)`);
    console.log(`delivery p50        ${percentile(sorted, 50).toFixed(1)} ms`);
    console.log(`delivery p99        ${percentile(sorted, 99).toFixed(1)} ms`);
    console.log(`target              ≥ 200 sessions at p99 ≤ 250 ms`);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
