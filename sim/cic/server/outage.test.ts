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

async function start(
  options: { idleTimeoutMs?: number; backupPort?: number } = {},
): Promise<{ sim: RunningSimulator; clock: ManualClock }> {
  const clock = new ManualClock();
  sim = await startSimulator({ clock, ...options });
  return { sim, clock };
}

const control = (base: string, method: string, path: string, body?: unknown) =>
  call(method, `${base}/sim/v1${path}`, body, {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  });

/** Resolves with `cut` when the request's connection is destroyed, else with the status. */
async function outcome(request: Promise<{ status: number }>): Promise<number | 'cut'> {
  try {
    return (await request).status;
  } catch (error) {
    assert.ok(error instanceof TypeError, `a network failure, got ${String(error)}`);
    return 'cut';
  }
}

describe('network-outage fault', () => {
  it('cuts open streams and every /icws request for ms of the clock; sessions stay live', async () => {
    const { sim, clock } = await start();
    const s = await logon(sim.url, { userId: 'agent1', station: 'WS01' });
    await s.subscribe('queues/mine', {
      queueIds: [{ queueType: 0, queueName: 'agent1' }],
      attributeNames: ['Eic_State'],
    });
    const sse = s.openSse();
    await sse.opened;

    const fault = await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 60_000 });
    assert.deepEqual(fault.body, { kind: 'network-outage', ms: 60_000, server: 'both', streamsCut: 1 });
    assert.equal(await sse.next(), null, 'the event stream breaks');
    assert.equal(await outcome(s.get('/connection')), 'cut');
    assert.equal(await outcome(call('OPTIONS', `${sim.url}/icws/connection`)), 'cut', 'preflights too');
    assert.equal(
      await outcome(call('GET', `${sim.url}/icws/connection/server-info`)),
      'cut',
      'session-less requests too',
    );

    // The world goes on: a call reaches the agent while the network is down.
    const offered = await control(sim.url, 'POST', '/calls', {
      from: '+13175550101',
      to: { user: 'agent1' },
    });
    const id = String((offered.body as Json)['interactionId']);
    const during = (await control(sim.url, 'GET', '/state')).body as { sessions: Json[]; faults: Json };
    assert.equal(during.sessions.find((x) => x['sessionId'] === s.sessionId)?.['state'], 'live');
    assert.equal(during.faults['networkOutageMs'], 60_000);

    clock.advance(59_999);
    assert.equal(await outcome(s.get('/connection')), 'cut', 'still down 1 ms before the end');
    clock.advance(1);
    const back = await s.get('/connection');
    assert.equal(back.status, 200);
    assert.equal((back.body as Json)['connectionState'], 1, 'the session survived');
    const queued = await s.poll();
    const delta = queued.find((m) => m['__type'] === 'urn:inin.com:queues:queueContentsMessage');
    assert.deepEqual(
      (delta?.['interactionsAdded'] as Json[] | undefined)?.map((i) => i['interactionId']),
      [id],
      'messages queued meanwhile',
    );
    const after = (await control(sim.url, 'GET', '/state')).body as { faults: Json };
    assert.equal(after.faults['networkOutageMs'], 0);
  });

  it('clear ends an outage early; reset ends it too', async () => {
    const { sim } = await start();
    const s = await logon(sim.url, { userId: 'agent2', station: null });
    await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 30_000 });
    assert.equal(await outcome(s.get('/connection')), 'cut');
    assert.deepEqual((await control(sim.url, 'POST', '/faults', { kind: 'clear' })).body, { kind: 'clear' });
    assert.equal((await s.get('/connection')).status, 200);
    await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 30_000 });
    assert.equal((await control(sim.url, 'POST', '/reset')).status, 204);
    assert.equal((await call('GET', `${sim.url}/icws/connection/version`)).status, 200);
  });

  it('a session whose idle timeout passes during the outage has ended when the network is back', async () => {
    const { sim, clock } = await start({ idleTimeoutMs: 30_000 });
    const s = await logon(sim.url, { userId: 'agent3', station: null });
    const sse = s.openSse();
    await sse.opened;
    await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 60_000 });
    assert.equal(await sse.next(), null);
    clock.advance(60_000);
    const state = await s.get('/connection');
    assert.equal(state.status, 200);
    assert.equal((state.body as Json)['connectionState'], 2);
    assert.equal((state.body as Json)['reason'], 'The session timed out.');
    assert.equal((await s.get('/connection/station')).status, 401);
  });

  it('cuts both servers of a switchover pair', async () => {
    const { sim } = await start({ backupPort: 0 });
    assert.ok(sim.backupUrl);
    await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 5_000 });
    assert.equal(await outcome(call('GET', `${sim.backupUrl}/icws/connection/version`)), 'cut');
    assert.equal(
      (await control(sim.backupUrl, 'GET', '/state')).status,
      200,
      'the control API keeps answering',
    );
  });

  it('server: cuts only the named server (a dead primary while the backup takes over)', async () => {
    const { sim } = await start({ backupPort: 0 });
    assert.ok(sim.backupUrl);
    const s = await logon(sim.url, { userId: 'agent4', station: 'WS04' });
    const sse = s.openSse();
    await sse.opened;
    const fault = await control(sim.url, 'POST', '/faults', {
      kind: 'network-outage',
      ms: 60_000,
      server: 'primary',
    });
    assert.deepEqual(fault.body, { kind: 'network-outage', ms: 60_000, server: 'primary', streamsCut: 1 });
    assert.equal(await sse.next(), null);
    assert.equal(await outcome(s.get('/connection')), 'cut');
    assert.equal(
      (await call('GET', `${sim.backupUrl}/icws/connection/version`)).status,
      200,
      'the backup answers',
    );
    await control(sim.url, 'POST', '/faults', { kind: 'switchover' });
    const again = await logon(sim.backupUrl, { userId: 'agent4', station: 'WS04' });
    assert.equal((await again.get('/connection')).status, 200);
    assert.equal(
      (await control(sim.url, 'POST', '/faults', { kind: 'network-outage', ms: 5, server: 'nowhere' }))
        .status,
      400,
    );
  });

  it('rejects a missing or bad ms', async () => {
    const { sim } = await start();
    for (const body of [
      { kind: 'network-outage' },
      { kind: 'network-outage', ms: 0 },
      { kind: 'network-outage', ms: 1.5 },
    ]) {
      const r = await control(sim.url, 'POST', '/faults', body);
      assert.equal(r.status, 400);
      assert.equal((r.body as Json)['propertyName'], 'ms');
    }
  });
});
