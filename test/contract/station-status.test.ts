/** Contract: station connection (four types, GET, DELETE, subscription) and presence. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CicError } from '../../src/cic/index.js';
import type { Harness } from './harness.js';
import { assertContract, lastReply, rejects, startHarness } from './harness.js';

describe('contract: station', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    assertContract(h);
    await h.close();
  });

  it('connects a workstation, reads it back, watches it and removes it', async () => {
    const agent = await h.agent('agent1', { station: null, queue: false });
    const { client } = agent;
    await client.subscriptions.station();
    await agent.next('urn:inin.com:connection:stationConnectionStateChangeMessage');
    await client.station.set({ kind: 'workstation', workstation: 'WS01' });
    assert.ok(lastReply(h, 'PUT', '/connection/station').status < 300);
    const info = await client.station.get();
    assert.equal(info.id, 'WS01');
    assert.equal(info.stationSetting, 1);
    const changed = await agent.next(
      'urn:inin.com:connection:stationConnectionStateChangeMessage',
      (m) => m.newStationInfo?.id === 'WS01',
    );
    assert.equal(changed.isDelta, true);
    await client.station.remove();
    assert.ok(lastReply(h, 'DELETE', '/connection/station').status < 300);
    assert.equal((await client.station.get()).stationSetting, 0, 'no station after DELETE');
    await client.subscriptions.unsubscribeStation();
    await client.logoff();
    await rejects(client.station.get(), { kind: 'session-lost' });
    await rejects(client.subscriptions.station(), { kind: 'session-lost' });
  });

  it('connects a remote workstation, a remote number with a persistent connection, and stationless', async () => {
    const agent = await h.agent('agent2', { station: null, queue: false });
    const { client } = agent;
    await client.station.set({
      kind: 'remoteWorkstation',
      workstation: 'RW01',
      remoteNumber: '+13175550190',
    });
    assert.equal((await client.station.get()).stationSetting, 2);
    await client.station.set({
      kind: 'remoteNumber',
      remoteNumber: '+13175550177',
      persistentConnection: true,
    });
    const remote = await client.station.get();
    assert.equal(remote.stationSetting, 3);
    assert.equal(remote.remoteNumber, '+13175550177');
    await client.station.set({ kind: 'stationless' });
    assert.ok(lastReply(h, 'PUT', '/connection/station').status < 300);
    await client.logoff();
  });

  it('rejects an unknown station with the documented station-not-found error id', async () => {
    const agent = await h.agent('agent3', { station: null, queue: false });
    await rejects(agent.client.station.set({ kind: 'workstation', workstation: 'NOPE' }), {
      kind: 'http',
      errorId: '-2147221496',
    });
    await agent.client.logoff();
  });

  it('refuses a station another user is logged on to', async () => {
    const first = await h.agent('agent4');
    const second = await h.agent('agent5', { station: null, queue: false });
    const error = await rejects(second.client.station.set({ kind: 'workstation', workstation: 'WS04' }), {
      kind: 'http',
    });
    assert.ok([400, 403].includes(error.status ?? 0), error.message);
    await first.client.logoff();
    await second.client.logoff();
  });
});

describe('contract: status', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    assertContract(h);
    await h.close();
  });

  it('reads the status catalogue, the user access list, a user status and previous info', async () => {
    const agent = await h.agent('agent1', { queue: false });
    const { client } = agent;
    const catalogue = await client.status.statusMessages();
    assert.ok(catalogue.some((s) => s.statusId === 'Available' && s.isAcdStatus));
    const access = await client.status.access('agent1');
    assert.ok(access.statusMessages.includes('Available'));
    const status = await client.status.get('agent1');
    assert.equal(status.userId, 'agent1');
    const previous = await client.status.previousInfo('agent1');
    assert.ok(Array.isArray(previous.userStatusPreviousInfoList));
    await rejects(client.status.get('nobody'), { kind: 'http', status: 404 });
    await rejects(client.status.access('nobody'), { kind: 'http', status: 404 });
    await rejects(client.status.previousInfo('nobody'), { kind: 'http', status: 404 });
  });

  it('subscribes to statuses: snapshot, then a set status (202) completes and arrives as a delta', async () => {
    const agent = await h.agent('agent2', { queue: false });
    const { client } = agent;
    await client.subscriptions.statusMessages();
    const catalogue = await agent.next('urn:inin.com:status:statusMessagesMessage');
    assert.equal(catalogue.isDelta, false);
    await client.subscriptions.statusMessagesUserAccess(['agent2']);
    await agent.next('urn:inin.com:status:statusMessagesUserAccessMessage');
    await client.subscriptions.previousStatusInfo();
    await agent.next('urn:inin.com:status:userStatusPreviousInfoMessage');
    await client.subscriptions.userStatuses(
      ['agent2', 'agent3'],
      ['statusId', 'onPhone', 'loggedIn', 'notes'],
    );
    const snapshot = await agent.next('urn:inin.com:status:userStatusMessage');
    assert.equal(snapshot.isDelta, false);

    const op = await client.status.set('agent2', { statusId: 'Available', notes: 'ready' });
    assert.equal(lastReply(h, 'PUT', '/status/user-statuses/agent2').status, 202);
    await op.completion();
    await agent.until(() => agent.statuses.get('agent2')?.statusId === 'Available', 'agent2 Available');
    assert.equal(agent.statuses.get('agent2')?.notes, 'ready');
    assert.ok(agent.statuses.has('agent3'), 'the snapshot entry of agent3 survives the delta');

    await rejects(client.subscriptions.userStatuses(['nobody']), { kind: 'http', status: 404 });
    await rejects(client.subscriptions.statusMessagesUserAccess(['nobody']), { kind: 'http', status: 404 });
    await client.subscriptions.unsubscribeUserStatuses();
    await client.subscriptions.unsubscribeStatusMessages();
    await client.subscriptions.unsubscribeStatusMessagesUserAccess();
    await client.subscriptions.unsubscribePreviousStatusInfo();
    await client.logoff();
    await rejects(client.subscriptions.previousStatusInfo(), { kind: 'session-lost' });
    await rejects(client.subscriptions.statusMessages(), { kind: 'session-lost' });
  });

  it('sets a forward number and an until date on statuses that allow them', async () => {
    const agent = await h.agent('agent3', { queue: false });
    const { client } = agent;
    await client.subscriptions.userStatuses(['agent3']);
    await agent.next('urn:inin.com:status:userStatusMessage');
    await (
      await client.status.set('agent3', { statusId: 'Available, Forward', forwardNumber: '+13175550100' })
    ).completion();
    await agent.until(() => agent.statuses.get('agent3')?.forwardNumber === '+13175550100', 'forward number');
    const until = { untilDateTime: '20300101T170000Z', hasDate: true, hasTime: true };
    await (await client.status.set('agent3', { statusId: 'Out of the Office', until })).completion();
    await agent.until(
      () => agent.statuses.get('agent3')?.statusId === 'Out of the Office',
      'out of the office',
    );
    assert.deepEqual(agent.statuses.get('agent3')?.until, until);
  });

  it('rejects an unknown status and a status change for a user without the right', async () => {
    const { client } = await h.agent('agent10', { queue: false });
    const unknown = await client.status
      .set('agent10', { statusId: 'No Such Status' })
      .then((op) => op.completion())
      .then(
        () => null,
        (error: unknown) => error,
      );
    assert.ok(unknown instanceof CicError, 'an unknown status fails, synchronously or on completion');
    assert.equal(unknown.kind, 'http');
    await rejects(client.status.set('agent1', { statusId: 'Available' }), { kind: 'http', status: 403 });
  });

  it('receives a supervisor status change made through the control API', async () => {
    const agent = await h.agent('agent4', { queue: false });
    await agent.client.subscriptions.userStatuses(['agent4']);
    await agent.next('urn:inin.com:status:userStatusMessage');
    const changed = await h.control('PUT', '/sim/v1/users/agent4/status', { statusId: 'At Lunch' });
    assert.equal(changed.status, 204);
    await agent.until(() => agent.statuses.get('agent4')?.statusId === 'At Lunch', 'At Lunch');
  });
});
