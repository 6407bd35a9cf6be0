import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicConnector } from './connector.js';
import type { CicError } from './errors.js';
import type { MessagingOptions, Wait } from './messaging.js';
import type { CicMessage } from './schemas/messages.js';
import { isUnrecognized } from './schemas/messages.js';
import { fakeFetch, jsonResponse, logonReply, sessionRoutes } from './testing/fake-fetch.js';
import type { RecordedRequest } from './testing/fake-fetch.js';

const U = 'urn:inin.com:';
const queueSnapshot = {
  __type: `${U}queues:queueContentsMessage`,
  isDelta: false,
  subscriptionId: 'mine',
  interactionsAdded: [{ interactionId: '1', attributes: { Eic_RemoteName: 'José Núñez' } }],
};
const unknown = { __type: `${U}dialer:breakStatusMessage`, isDelta: false, breakStatus: 0 };
const broken = { __type: `${U}status:userStatusMessage`, isDelta: true, userStatusList: [{ statusId: 'x' }] };

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

async function start(
  messagesRoute: Handler,
  options: MessagingOptions,
  extra: Record<string, Handler> = {},
  messagingVersion = 2,
) {
  const fetch = fakeFetch(
    sessionRoutes({ 'GET messaging/messages': messagesRoute, ...extra }, () =>
      logonReply({ features: [{ featureId: 'messaging', version: messagingVersion }] }),
    ),
  );
  const connector = new CicConnector({
    server: 'http://127.0.0.1:8018',
    applicationName: 'x',
    fetch,
    client: { messaging: options },
  });
  const client = await connector.logon({ kind: 'ic', userId: 'agent1', password: 'p' });
  const messages: CicMessage[] = [];
  const errors: CicError[] = [];
  client.onMessage((m) => messages.push(m));
  client.onMessageError((e) => errors.push(e));
  return { client, fetch, messages, errors };
}

/** A wait that resolves at once and stops the pump after `rounds` waits. */
function stopAfter(rounds: number, stop: () => unknown): { wait: Wait; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    wait: async (ms) => {
      waits.push(ms);
      if (waits.length >= rounds) stop();
    },
  };
}

function eventStream(chunks: readonly (string | Uint8Array)[], keepOpen = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      if (!keepOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('short polling', () => {
  it('polls at the configured interval, delivers known and unrecognized messages, reports broken ones', async () => {
    const batches: unknown[][] = [[queueSnapshot, unknown, broken], []];
    let stopPump = (): unknown => undefined;
    const control = stopAfter(2, () => stopPump());
    const { client, fetch, messages, errors } = await start(
      () => jsonResponse(200, batches.shift() ?? []),
      { mode: 'auto', pollIntervalMs: 1500, wait: control.wait },
      {},
      1,
    );
    stopPump = () => client.stopMessaging();
    client.startMessaging();
    assert.equal(client.messages.mode, 'poll', 'messaging feature 1: short polling');
    await waitUntil(() => !client.messages.running);
    assert.deepEqual(control.waits, [1500, 1500]);
    const polls = fetch.calls.filter((c) => c.url.pathname.endsWith('/messaging/messages'));
    assert.equal(polls.length, 2);
    assert.equal(polls[0]?.headers.get('ININ-ICWS-CSRF-Token'), 'csrf-token-1');
    assert.equal(messages.length, 2);
    assert.ok(!isUnrecognized(messages[0]!));
    assert.ok(isUnrecognized(messages[1]!) && messages[1].type === `${U}dialer:breakStatusMessage`);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.kind, 'schema');
    assert.equal(errors[0]?.messageType, `${U}status:userStatusMessage`);
    assert.equal(errors[0]?.path, 'userStatusList[0].userId');
  });

  it('keeps polling after a network failure and reports it', async () => {
    let calls = 0;
    let stopPump = (): unknown => undefined;
    const control = stopAfter(3, () => stopPump());
    const { client, messages, errors } = await start(
      () => {
        calls += 1;
        if (calls === 1) return Promise.reject(new TypeError('fetch failed'));
        return jsonResponse(200, [queueSnapshot]);
      },
      { mode: 'poll', wait: control.wait },
    );
    stopPump = () => client.stopMessaging();
    client.startMessaging();
    await waitUntil(() => !client.messages.running);
    assert.equal(errors[0]?.kind, 'network');
    assert.ok(messages.length >= 1);
  });

  it('stops for good on a 401 and reports the loss once', async () => {
    const control = stopAfter(100, () => undefined);
    const { client, fetch } = await start(() => jsonResponse(401, { message: 'Session timed out' }), {
      mode: 'poll',
      wait: control.wait,
    });
    const losses: string[] = [];
    client.onSessionLost((loss) => losses.push(loss.reason));
    client.startMessaging();
    await waitUntil(() => !client.messages.running);
    assert.deepEqual(losses, ['Session timed out']);
    assert.equal(fetch.calls.filter((c) => c.url.pathname.endsWith('/messaging/messages')).length, 1);
    client.startMessaging();
    assert.equal(client.messages.running, false, 'a lost session cannot restart messaging');
  });
});

describe('server-sent events through fetch streams', () => {
  it('reads messages split across chunks (even inside a UTF-8 character) and ignores :ping', async () => {
    const text = `:ping\n\ndata: ${JSON.stringify(queueSnapshot)}\n\ndata: ${JSON.stringify(unknown)}\n\ndata: not json\n\n:ping\n\n`;
    const bytes = new TextEncoder().encode(text);
    const cut = bytes.indexOf(0xc3) + 1; // the middle of "é"
    const chunks = [bytes.slice(0, 5), bytes.slice(5, cut), bytes.slice(cut, cut + 3), bytes.slice(cut + 3)];
    let stopPump = (): unknown => undefined;
    const control = stopAfter(1, () => stopPump());
    const { client, fetch, messages, errors } = await start(() => eventStream(chunks), {
      wait: control.wait,
      heartbeatIntervalMs: 0,
      reconnectDelayMs: 250,
    });
    stopPump = () => client.stopMessaging();
    client.startMessaging();
    assert.equal(client.messages.mode, 'sse');
    await waitUntil(() => !client.messages.running);
    const request = fetch.calls.find((c) => c.url.pathname.endsWith('/messaging/messages'))!;
    assert.equal(request.headers.get('accept'), 'text/event-stream');
    assert.equal(request.headers.get('ININ-ICWS-CSRF-Token'), 'csrf-token-1');
    assert.equal(request.credentials, 'include');
    assert.equal(messages.length, 2);
    const first = messages[0]!;
    assert.ok(!isUnrecognized(first) && first.__type === `${U}queues:queueContentsMessage`);
    assert.equal(first.interactionsAdded?.[0]?.attributes['Eic_RemoteName'], 'José Núñez');
    assert.ok(isUnrecognized(messages[1]!));
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.kind, 'schema');
    assert.deepEqual(control.waits, [250], 'the stream ended, so it waits the reconnect delay');
  });

  it('reopens the stream after it ends', async () => {
    let opened = 0;
    let stopPump = (): unknown => undefined;
    const control = stopAfter(2, () => stopPump());
    const { client, messages } = await start(
      () => {
        opened += 1;
        return eventStream([`data: ${JSON.stringify(queueSnapshot)}\n\n`]);
      },
      { wait: control.wait, heartbeatIntervalMs: 0 },
    );
    stopPump = () => client.stopMessaging();
    client.startMessaging();
    await waitUntil(() => !client.messages.running);
    assert.equal(opened, 2);
    assert.equal(messages.length, 2);
  });

  it('falls back to polling when the server answers the stream request with JSON', async () => {
    let stopPump = (): unknown => undefined;
    const control = stopAfter(1, () => stopPump());
    const { client, messages } = await start(() => jsonResponse(200, [queueSnapshot]), {
      wait: control.wait,
      heartbeatIntervalMs: 0,
      pollIntervalMs: 900,
    });
    stopPump = () => client.stopMessaging();
    client.startMessaging();
    await waitUntil(() => !client.messages.running);
    assert.equal(client.messages.mode, 'poll');
    assert.equal(messages.length, 1);
    assert.deepEqual(control.waits, [900]);
  });

  it('ends the session when the stream delivers a "down" connection message', async () => {
    const down = {
      __type: `${U}connection:connectionStateChangeMessage`,
      isDelta: false,
      newConnectionState: 2,
      reason: 'Switchover in progress',
      shouldReconnect: true,
    };
    const control = stopAfter(100, () => undefined);
    const { client } = await start(() => eventStream([`data: ${JSON.stringify(down)}\n\n`], true), {
      wait: control.wait,
      heartbeatIntervalMs: 0,
    });
    const losses: unknown[] = [];
    client.onSessionLost((loss) => losses.push(loss));
    client.startMessaging();
    await waitUntil(() => !client.messages.running);
    assert.deepEqual(losses, [
      { reason: 'Switchover in progress', shouldReconnect: true, source: 'connection-down' },
    ]);
  });

  it('sends heartbeats while the stream is open', async () => {
    let beats = 0;
    const wait: Wait = (ms, signal) =>
      ms === 777 && beats === 0
        ? Promise.resolve()
        : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    const { client, fetch } = await start(
      () => eventStream([':ping\n\n'], true),
      { wait, heartbeatIntervalMs: 777 },
      {
        'POST messaging/heartbeat': () => {
          beats += 1;
          return jsonResponse(200);
        },
      },
    );
    client.startMessaging();
    await waitUntil(() => beats === 1);
    await client.stopMessaging();
    const beat = fetch.calls.find((c) => c.url.pathname.endsWith('/messaging/heartbeat'))!;
    assert.equal(beat.method, 'POST');
    assert.equal(beat.headers.get('ININ-ICWS-CSRF-Token'), 'csrf-token-1');
    assert.equal(client.messages.running, false);
  });
});

/** Waits for a condition driven by the code under test (event-loop turns, no timers). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(condition(), 'condition not reached');
}
