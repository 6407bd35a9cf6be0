import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../clock.js';
import { startSimulator, type RunningSimulator } from '../index.js';
import { call, logon, type Json } from './testing.js';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('short polling', () => {
  it('returns [] when nothing is queued and drains what is', async () => {
    sim = await startSimulator();
    const s = await logon(sim.url, { station: null });
    assert.deepEqual(await s.poll(), []);
    await s.put('/messaging/subscriptions/status/status-messages');
    const first = await s.poll();
    assert.equal(first.length, 1);
    assert.equal(first[0]?.['__type'], 'urn:inin.com:status:statusMessagesMessage');
    assert.deepEqual(await s.poll(), [], 'a poll drains the queue');
  });

  it('keeps serving JSON when messaging is version 1, even to an SSE request', async () => {
    sim = await startSimulator({ messagingVersion: 1 });
    const s = await logon(sim.url, { station: null, include: 'features' });
    const features = s.logon['features'] as { featureId: string; version: number }[];
    assert.equal(features.find((f) => f.featureId === 'messaging')?.version, 1);
    const r = await call('GET', `${s.root}/messaging/messages`, undefined, { Cookie: s.cookie, Accept: 'text/event-stream' });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /json/i);
    assert.deepEqual(r.body, []);
  });
});

describe('server-sent events', () => {
  it('delivers queued and new messages as data: events, one JSON object each', async () => {
    sim = await startSimulator();
    const s = await logon(sim.url, { station: null });
    await s.put('/messaging/subscriptions/status/user-statuses', { userIds: ['agent1'] });
    const sse = s.openSse();
    const res = await sse.opened;
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const snapshot = await sse.nextMessage();
    assert.equal(snapshot?.['__type'], 'urn:inin.com:status:userStatusMessage');
    assert.equal(snapshot?.['isDelta'], false);
    const put = await s.put('/status/user-statuses/agent1', { statusId: 'At Lunch' });
    assert.equal(put.status, 202);
    const delta = await sse.messageWhere((m) => m['__type'] === 'urn:inin.com:status:userStatusMessage');
    assert.equal(delta['isDelta'], true);
    assert.equal(((delta['userStatusList'] as Json[])[0] as Json)['statusId'], 'At Lunch');
    assert.deepEqual(await s.poll(), [], 'nothing is left for polling while the stream is open');
    sse.close();
  });

  it('sends a :ping comment every pingIntervalMs of the clock', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, pingIntervalMs: 1000 });
    const s = await logon(sim.url, { station: null });
    const sse = s.openSse();
    await sse.opened;
    clock.advance(1000);
    assert.deepEqual(await sse.next(), { kind: 'comment', text: 'ping' });
    clock.advance(1000);
    assert.deepEqual(await sse.next(), { kind: 'comment', text: 'ping' });
    sse.close();
  });

  it('sends pings on the real clock too', async () => {
    sim = await startSimulator({ pingIntervalMs: 20 });
    const s = await logon(sim.url, { station: null });
    const sse = s.openSse();
    assert.deepEqual(await sse.next(), { kind: 'comment', text: 'ping' });
    sse.close();
  });

  it('needs the session cookie', async () => {
    sim = await startSimulator();
    const s = await logon(sim.url, { station: null });
    const r = await call('GET', `${s.root}/messaging/messages`, undefined, { Accept: 'text/event-stream' });
    assert.equal(r.status, 401);
  });
});

describe('idle sessions', () => {
  it('expire after idleTimeoutMs without requests: the down message once, then 401', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, idleTimeoutMs: 60_000 });
    const s = await logon(sim.url, { station: null });
    clock.advance(59_000);
    assert.equal((await s.get('/connection')).status, 200, 'still alive (and this request counts as activity)');
    clock.advance(59_000);
    assert.equal((await s.post('/messaging/heartbeat')).status, 200);
    clock.advance(60_000);
    const last = await s.poll();
    assert.equal(last.length, 1);
    assert.equal(last[0]?.['__type'], 'urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal(last[0]?.['newConnectionState'], 2);
    assert.equal(last[0]?.['previousConnectionState'], 1);
    assert.match(String(last[0]?.['reason']), /timed out/);
    assert.equal((await call('GET', `${s.root}/messaging/messages`, undefined, { Cookie: s.cookie })).status, 401);
    assert.equal((await s.get('/connection/station')).status, 401);
  });

  it('stay alive while polling or while an event stream is open', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, idleTimeoutMs: 60_000, pingIntervalMs: 0 });
    const polling = await logon(sim.url, { userId: 'agent1', station: null });
    const streaming = await logon(sim.url, { userId: 'agent2', station: null });
    const sse = streaming.openSse();
    await sse.opened;
    for (let i = 0; i < 5; i++) {
      clock.advance(50_000);
      await polling.poll();
    }
    assert.equal((await polling.get('/connection')).status, 200);
    assert.equal((await streaming.get('/connection')).status, 200);
    sse.close();
  });

  it('end when nobody reads their messages, and forget unread final messages after a while', async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ clock, idleTimeoutMs: 60_000 });
    const s = await logon(sim.url, { station: null });
    const session = sim.world.sessions.get(s.sessionId);
    assert.ok(session);
    for (let i = 0; i <= 20_000; i++) session.enqueue({ __type: 'urn:inin.com:test:filler', isDelta: true, i });
    assert.equal(session.state, 'draining', 'an unread queue ends the session');
    const last = await s.poll();
    assert.equal(last.at(-1)?.['__type'], 'urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal((await call('GET', `${s.root}/messaging/messages`, undefined, { Cookie: s.cookie })).status, 401);

    const other = await logon(sim.url, { userId: 'agent2', station: null });
    await call('POST', `${sim.url}/sim/v1/faults`, { kind: 'drop-session', userId: 'agent2' }, { 'Content-Type': 'application/json' });
    clock.advance(60_000);
    assert.equal((await call('GET', `${other.root}/messaging/messages`, undefined, { Cookie: other.cookie })).status, 401);
    assert.equal(((await other.get('/connection')).body as Json)['connectionState'], 2);
  });

  it('keep no timer after the simulator closes', async () => {
    const clock = new ManualClock();
    const local = await startSimulator({ clock, idleTimeoutMs: 60_000 });
    await logon(local.url, { station: null });
    await local.close();
    assert.equal(clock.pendingTimers, 0);
  });
});
