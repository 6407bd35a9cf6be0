import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../index.js';
import { logon, type Json } from './testing.js';

describe('user status', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('changes with 202 {requestId}, then userStatusMessage and asyncOperationCompletedMessage', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    await s.subscribe('status/user-statuses', { userIds: ['agent1'] });
    const r = await s.put('/status/user-statuses/agent1', { statusId: 'do not disturb', notes: 'focus time' });
    assert.equal(r.status, 202);
    const requestId = (r.body as Json)['requestId'];
    assert.equal(typeof requestId, 'string');
    const messages = await s.poll();
    const status = messages.find((m) => m['__type'] === 'urn:inin.com:status:userStatusMessage');
    const entry = (status?.['userStatusList'] as Json[])[0] as Json;
    assert.equal(status?.['isDelta'], true);
    assert.equal(entry['statusId'], 'Do Not Disturb', 'status ids are case-insensitive, answered canonically');
    assert.equal(entry['notes'], 'focus time');
    assert.match(String(entry['statusChanged']), /^\d{8}T\d{6}Z$/);
    const done = messages.find((m) => m['__type'] === 'urn:inin.com:messaging:asyncOperationCompletedMessage');
    assert.deepEqual(done, { __type: 'urn:inin.com:messaging:asyncOperationCompletedMessage', isDelta: false, requestId, error: null });
    assert.ok(messages.indexOf(status as Json) < messages.indexOf(done as Json));
    const read = (await s.get('/status/user-statuses/agent1')).body as Json;
    assert.equal(read['statusId'], 'Do Not Disturb');
    assert.equal(read['loggedIn'], true);
    assert.deepEqual(read['stations'], ['WS01']);
    assert.deepEqual(read['icServers'], ['icsim-demo']);
    assert.equal(read['onPhone'], false);
  });

  it('takes a forward number and an until date where the status allows them', async () => {
    const s = await logon(sim.url, { userId: 'agent2', station: null });
    const missing = await s.put('/status/user-statuses/agent2', { statusId: 'Available, Forward' });
    assert.equal(missing.status, 400);
    assert.equal((missing.body as Json)['propertyName'], 'forwardNumber');
    assert.equal((await s.put('/status/user-statuses/agent2', { statusId: 'Available, Forward', forwardNumber: '+13175550123' })).status, 202);
    assert.equal(((await s.get('/status/user-statuses/agent2')).body as Json)['forwardNumber'], '+13175550123');
    await s.put('/status/user-statuses/agent2', { statusId: 'Available' });
    assert.equal((await s.put('/status/user-statuses/agent2', { statusId: 'Available, Forward' })).status, 202, 'the last forward number is reused');
    const previous = (await s.get('/status/user-status-previous-info/agent2')).body as Json;
    assert.deepEqual((previous['userStatusPreviousInfoList'] as Json[]).find((p) => p['statusId'] === 'Available, Forward'), {
      statusId: 'Available, Forward',
      notes: '',
      forwardNumber: '+13175550123',
    });
    const until = { untilDateTime: '20261124T170000Z', hasDate: true, hasTime: true };
    assert.equal((await s.put('/status/user-statuses/agent2', { statusId: 'On Vacation', until })).status, 202);
    assert.deepEqual(((await s.get('/status/user-statuses/agent2')).body as Json)['until'], until);
    const noUntil = await s.put('/status/user-statuses/agent2', { statusId: 'Available', until });
    assert.equal(noUntil.status, 400);
    assert.equal((noUntil.body as Json)['propertyName'], 'until');
    const badDate = await s.put('/status/user-statuses/agent2', { statusId: 'On Vacation', until: { ...until, untilDateTime: 'tomorrow' } });
    assert.equal(badDate.status, 400);
  });

  it('refuses unknown, system-only and other users\' statuses', async () => {
    const s = await logon(sim.url, { userId: 'agent3', station: null });
    const unknown = await s.put('/status/user-statuses/agent3', { statusId: 'Napping' });
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as Json)['errorId'], 'error.request.status.unknownStatus');
    assert.equal((await s.put('/status/user-statuses/agent3', { statusId: 'ACD - Agent Not Answering' })).status, 403);
    assert.equal((await s.put('/status/user-statuses/agent4', { statusId: 'At Lunch' })).status, 403);
    const noBody = await s.put('/status/user-statuses/agent3', { notes: 'x' });
    assert.equal(noBody.status, 400);
    assert.equal((noBody.body as Json)['propertyName'], 'statusId');
    assert.equal((await s.put('/status/user-statuses/ghost', { statusId: 'At Lunch' })).status, 404);
  });

  it('lets a supervisor change an agent\'s status', async () => {
    const sup = await logon(sim.url, { userId: 'supervisor1', station: null });
    const agent = await logon(sim.url, { userId: 'agent5', station: null });
    await agent.subscribe('status/user-statuses', { userIds: ['agent5'], userStatusProperties: ['statusId'] });
    assert.equal((await sup.put('/status/user-statuses/agent5', { statusId: 'In a Meeting' })).status, 202);
    const [message] = await agent.poll();
    assert.deepEqual(message?.['userStatusList'], [{ userId: 'agent5', statusId: 'In a Meeting' }], 'only the chosen properties');
  });

  it('lists status messages, and what each user may select', async () => {
    const s = await logon(sim.url, { userId: 'agent6', station: null });
    const list = ((await s.get('/status/status-messages')).body as Json)['statusMessageList'] as Json[];
    const available = list.find((m) => m['statusId'] === 'Available') as Json;
    for (const key of ['statusId', 'messageText', 'iconUri', 'groupTag', 'canHaveDate', 'canHaveTime', 'isDoNotDisturbStatus', 'isSelectableStatus', 'isPersistentStatus', 'isForwardStatus', 'isAfterCallWorkStatus', 'isAcdStatus', 'isAllowFollowUpStatus', 'systemId']) {
      assert.ok(key in available, key);
    }
    const access = (await s.get('/status/status-messages-user-access/agent6')).body as Json;
    assert.equal(access['userId'], 'agent6');
    assert.ok((access['statusMessages'] as string[]).includes('Available'));
    assert.equal((access['statusMessages'] as string[]).includes('ACD - Agent Not Answering'), false);
    const icon = await fetch(`${sim.url}${String(available['iconUri'])}`);
    assert.equal(icon.status, 200);
    assert.match(icon.headers.get('content-type') ?? '', /svg/);
  });
});
