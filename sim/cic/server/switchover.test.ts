import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../index.js';
import { call, logon, postJson, type Json } from './testing.js';
import { RequestUrn } from './wire.js';

const icAuth = (userID: string) => ({ __type: RequestUrn.icAuth, applicationName: 'tests', userID, password: '1234' });
const hostPort = (url: string) => url.replace(/^http:\/\//, '');

describe('switchover pair', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ backupPort: 0 });
  });
  afterEach(() => sim.close());

  it('starts with the primary accepting and the backup redirecting', async () => {
    assert.ok(sim.backupUrl);
    const primary = await logon(sim.url, { userId: 'agent1', station: null });
    assert.deepEqual(primary.logon['alternateHostList'], [hostPort(sim.backupUrl)]);
    const refused = await call('POST', `${sim.backupUrl}/icws/connection`, icAuth('agent1'), { 'Accept-Language': 'en-us' });
    assert.equal(refused.status, 503);
    assert.equal((refused.body as Json)['errorId'], 'error.server.notAcceptingConnections');
    assert.deepEqual((refused.body as Json)['alternateHostList'], [hostPort(sim.url)]);
    const status = (await primary.get('/connection/switchover-status')).body as Json;
    assert.equal(status['isSwitchoverActive'], true);
    assert.equal(status['primaryHost'], hostPort(sim.url));
    assert.equal(status['backupHost'], hostPort(sim.backupUrl));
  });

  it('switches over: sessions end (down, then 401), logons move to the backup, calls survive', async () => {
    assert.ok(sim.backupUrl);
    const agent = await logon(sim.url, { userId: 'agent1', station: 'WS01' });
    const offered = await postJson(`${sim.url}/sim/v1/calls`, { from: '+13175550101', fromName: 'Pat Doe', to: { workgroup: 'Support' } });
    const id = String((offered.body as Json)['interactionId']);
    assert.equal((await agent.post(`/interactions/${id}/pickup`)).status, 200);
    await agent.poll();
    const sse = agent.openSse();
    await sse.opened;

    const fault = await postJson(`${sim.url}/sim/v1/faults`, { kind: 'switchover' });
    assert.deepEqual(fault.body, { kind: 'switchover', from: 'primary', to: 'backup', droppedSessions: 1 });
    const down = await sse.nextMessage();
    assert.equal(down?.['__type'], 'urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal(down?.['newConnectionState'], 2);
    assert.equal(down?.['shouldReconnect'], true);
    assert.equal(await sse.next(), null);
    const after = await agent.get('/connection/station');
    assert.equal(after.status, 401);

    const redirected = await call('POST', `${sim.url}/icws/connection`, icAuth('agent1'), { 'Accept-Language': 'en-us' });
    assert.equal(redirected.status, 503);
    assert.deepEqual((redirected.body as Json)['alternateHostList'], [hostPort(sim.backupUrl)]);

    const again = await logon(sim.backupUrl, { userId: 'agent1', station: 'WS01' });
    assert.deepEqual(again.logon['alternateHostList'], [hostPort(sim.url)]);
    const [snapshot] = await again.subscribe('queues/mine', { queueIds: [{ queueType: 0, queueName: 'agent1' }], attributeNames: ['Eic_State'] });
    assert.deepEqual(snapshot?.['interactionsAdded'], [{ interactionId: id, attributes: { Eic_State: 'C' } }], 'the call is still connected');
    assert.equal((await again.post(`/interactions/${id}/disconnect`)).status, 200);

    const state = (await call('GET', `${sim.backupUrl}/sim/v1/state`)).body as Json;
    assert.equal(state['activeServer'], 'backup');
  });

  it('switches back on a second switchover', async () => {
    assert.ok(sim.backupUrl);
    await postJson(`${sim.url}/sim/v1/faults`, { kind: 'switchover' });
    const onBackup = await logon(sim.backupUrl, { userId: 'agent2', station: null });
    const second = await postJson(`${sim.backupUrl}/sim/v1/faults`, { kind: 'switchover' });
    assert.deepEqual(second.body, { kind: 'switchover', from: 'backup', to: 'primary', droppedSessions: 1 });
    assert.equal((await onBackup.poll())[0]?.['newConnectionState'], 2);
    await logon(sim.url, { userId: 'agent2', station: null });
    assert.equal((await call('POST', `${sim.backupUrl}/icws/connection`, icAuth('agent2'), { 'Accept-Language': 'en-us' })).status, 503);
  });

  it('does not let a session cross to the other server', async () => {
    assert.ok(sim.backupUrl);
    const s = await logon(sim.url, { userId: 'agent3', station: null });
    const cross = await call('GET', `${sim.backupUrl}/icws/${s.sessionId}/connection/station`, undefined, s.headers());
    assert.equal(cross.status, 401);
  });
});
