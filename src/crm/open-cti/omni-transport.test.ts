import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../sim/cic/clock.js';
import {
  createOmniTransport,
  lmsBusFromOpenCti,
  OmniTransportError,
  type OmniTransportDiagnostic,
  type OmniTransportEvent,
  type OpenCtiLms,
} from './omni-transport.js';

type Msg = Record<string, unknown>;

/** A fake `sforce.opencti` LMS: every subscriber of a channel hears every publish (the publisher too). */
function fakeLms(options: { failPublish?: boolean } = {}) {
  const subs = new Map<number, { channel: string; listener: (m: unknown) => void }>();
  const published: Array<{ channel: string; message: Msg }> = [];
  let next = 1;
  const lib: OpenCtiLms = {
    subscribe({ channelName, listener, callback }) {
      const id = next++;
      subs.set(id, { channel: channelName, listener });
      callback({
        success: true,
        returnValue: null,
        errors: null,
        subscription: { subscriptionId: id, channelName },
      });
    },
    unsubscribe({ subscription, callback }) {
      const id = (subscription as { subscriptionId: number }).subscriptionId;
      if (!subs.delete(id))
        callback({
          success: false,
          returnValue: null,
          errors: [{ code: 'INVALID_PARAM', description: 'unknown subscription' }],
        });
      else callback({ success: true, returnValue: null, errors: null });
    },
    publish({ channelName, message, callback }) {
      if (options.failPublish) {
        callback({
          success: false,
          returnValue: null,
          errors: [{ code: 'INVALID_PARAM', description: 'no such channel' }],
        });
        return;
      }
      published.push({ channel: channelName, message });
      callback({ success: true, returnValue: null, errors: null });
      deliver(channelName, message);
    },
  };
  const deliver = (channel: string, message: unknown): void => {
    for (const s of [...subs.values()]) if (s.channel === channel) s.listener(message);
  };
  return { lib, published, deliver, subscriptions: () => subs.size };
}

const CH = 'CIC_Omni_Bridge__c';
const flush = () => new Promise((r) => setImmediate(r));

function setup(options: { failPublish?: boolean; idPrefix?: string } = {}) {
  const lms = fakeLms(options);
  const clock = new ManualClock();
  const diagnostics: OmniTransportDiagnostic[] = [];
  const events: OmniTransportEvent[] = [];
  const transport = createOmniTransport({
    bus: lmsBusFromOpenCti(lms.lib),
    clock,
    idPrefix: options.idPrefix ?? 't1',
    onDiagnostic: (d) => diagnostics.push(d),
  });
  transport.onEvent((e) => events.push(e));
  /** The last request the transport published. */
  const lastRequest = (): Msg => {
    const r = lms.published.filter((p) => p.message['type'] === 'omni.request').at(-1);
    assert.ok(r, 'no request published');
    return r.message;
  };
  const answer = (result: unknown, ok = true): void =>
    lms.deliver(
      CH,
      ok
        ? { type: 'omni.response', requestId: lastRequest()['requestId'], ok: true, result }
        : { type: 'omni.response', requestId: lastRequest()['requestId'], ok: false, error: String(result) },
    );
  return { lms, clock, diagnostics, events, transport, lastRequest, answer };
}

const STATUSES = [
  { statusId: '0N5000000000001', statusApiName: 'Available', statusName: 'Available', channels: '[]' },
  {
    statusId: '0N5000000000003',
    statusApiName: 'Busy_On_Phone',
    statusName: 'Busy - On Phone',
    channels: '[]',
  },
];

describe('Omni transport over sforce.opencti LMS', () => {
  it('publishes requests in the bridge envelope and resolves with the matching response', async () => {
    const t = setup();
    await t.transport.start();
    assert.equal(t.lms.subscriptions(), 1);
    const p = t.transport.request('getAgentWorkload');
    await flush();
    assert.deepEqual(t.lastRequest(), {
      type: 'omni.request',
      requestId: 't1-1',
      method: 'getAgentWorkload',
    });
    // Someone else's response first (another softphone on the channel): ignored, no diagnostic.
    t.lms.deliver(CH, { type: 'omni.response', requestId: 'other-9', ok: true, result: 1 });
    t.answer({ configuredCapacity: 5, currentWorkload: 2 });
    assert.deepEqual(await p, { configuredCapacity: 5, currentWorkload: 2 });
    assert.deepEqual(t.diagnostics, []);
    assert.equal(t.clock.pendingTimers, 0);
  });

  it('resolves a status API name to its id for setServicePresenceStatus (statuses fetched once)', async () => {
    const t = setup();
    await t.transport.start();
    const done = t.transport.setStatus('busy_on_phone');
    await flush();
    assert.equal(t.lastRequest()['method'], 'getServicePresenceStatuses');
    t.answer(STATUSES);
    await flush();
    assert.deepEqual(t.lastRequest()['args'], { statusId: '0N5000000000003' });
    assert.equal(t.lastRequest()['method'], 'setServicePresenceStatus');
    t.answer({ statusId: '0N5000000000003' });
    await done;
    const again = t.transport.setStatus('Available');
    await flush();
    assert.equal(t.lastRequest()['method'], 'setServicePresenceStatus');
    t.answer({});
    await again;
  });

  it('rejects an unknown status name without sending it', async () => {
    const t = setup();
    await t.transport.start();
    const done = t.transport.setStatus('Nope');
    await flush();
    t.answer(STATUSES);
    await assert.rejects(done, (e: unknown) => e instanceof OmniTransportError && e.kind === 'unknownStatus');
    assert.equal(t.lms.published.filter((p) => p.message['method'] === 'setServicePresenceStatus').length, 0);
  });

  it('a refused request rejects with the bridge error; currentStatus is null while logged out', async () => {
    const t = setup();
    await t.transport.start();
    const r = t.transport.request('acceptAgentWork', { workId: 'x' });
    await flush();
    t.answer('no agent work x', false);
    await assert.rejects(r, /acceptAgentWork: no agent work x/);
    const s = t.transport.currentStatus();
    await flush();
    t.answer('the agent is not logged in to Omni-Channel', false);
    assert.equal(await s, null);
    const s2 = t.transport.currentStatus();
    await flush();
    t.answer({ statusId: '0N5000000000001', statusApiName: 'Available', statusName: 'Available' });
    assert.equal((await s2)?.statusApiName, 'Available');
  });

  it('times out on the injected clock and reports it; a late answer is an unexpected response', async () => {
    const t = setup();
    await t.transport.start();
    const r = t.transport.request('logout');
    await flush();
    t.clock.advance(4999);
    t.clock.advance(1);
    await assert.rejects(r, (e: unknown) => e instanceof OmniTransportError && e.kind === 'timeout');
    assert.deepEqual(
      t.diagnostics.map((d) => d.kind),
      ['timeout'],
    );
    t.answer(true);
    assert.deepEqual(
      t.diagnostics.map((d) => d.kind),
      ['timeout', 'unexpectedResponse'],
    );
  });

  it('turns toolkit events into status / logged out / workload events', async () => {
    const t = setup();
    await t.transport.start();
    t.lms.deliver(CH, {
      type: 'omni.event',
      name: 'omniChannelStatusChanged',
      params: {
        statusId: '0N5000000000001',
        statusApiName: 'Available',
        statusName: 'Available',
        channels: '[]',
        reason: 'OmniManualStatusChange',
      },
    });
    t.lms.deliver(CH, {
      type: 'omni.event',
      name: 'omniChannelWorkloadChanged',
      params: { configuredCapacity: 5, previousWorkload: 0, newWorkload: 2 },
    });
    t.lms.deliver(CH, {
      type: 'omni.event',
      name: 'omniChannelWorkAssigned',
      params: { workId: 'w', workItemId: 'i' },
    });
    t.lms.deliver(CH, { type: 'omni.event', name: 'omniChannelLogout', params: {} });
    assert.deepEqual(t.events, [
      {
        kind: 'status',
        statusId: '0N5000000000001',
        statusApiName: 'Available',
        reason: 'OmniManualStatusChange',
      },
      { kind: 'workload', workload: 2 },
      { kind: 'loggedOut' },
    ]);
    assert.deepEqual(t.diagnostics, []);
  });

  it('ignores malformed messages and reports each one; its own requests are not malformed', async () => {
    const t = setup();
    await t.transport.start();
    for (const bad of [
      'text',
      null,
      [1, 2],
      { hello: 1 },
      { type: 'omni.event', name: 'omniChannelStatusChanged', params: { statusId: 5 } },
      { type: 'omni.event', name: 'omniChannelWorkloadChanged', params: { newWorkload: '2' } },
      { type: 'omni.event', params: {} },
      { type: 'omni.response', requestId: 't1-1', ok: 'yes' },
    ]) {
      t.lms.deliver(CH, bad);
    }
    t.lms.deliver(CH, { type: 'omni.request', requestId: 'other-1', method: 'logout' });
    assert.equal(t.diagnostics.length, 8);
    assert.ok(t.diagnostics.every((d) => d.kind === 'malformed'));
    assert.deepEqual(t.events, []);
  });

  it('a failed publish rejects the request at once and is reported', async () => {
    const t = setup({ failPublish: true });
    await t.transport.start();
    await assert.rejects(
      t.transport.request('logout'),
      (e: unknown) => e instanceof OmniTransportError && e.kind === 'transport',
    );
    assert.deepEqual(
      t.diagnostics.map((d) => d.kind),
      ['publishFailed'],
    );
    assert.equal(t.clock.pendingTimers, 0);
  });

  it('stop() unsubscribes and fails what is still waiting', async () => {
    const t = setup();
    await t.transport.start();
    const r = t.transport.request('logout');
    await flush();
    await t.transport.stop();
    await assert.rejects(r, /stopped/);
    assert.equal(t.lms.subscriptions(), 0);
    assert.equal(t.clock.pendingTimers, 0);
  });
});
