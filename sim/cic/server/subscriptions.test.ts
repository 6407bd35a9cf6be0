import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../clock.js';
import { startSimulator, type RunningSimulator } from '../index.js';
import { logon, postJson, type Json, type TestSession } from './testing.js';

let sim: RunningSimulator;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock();
  sim = await startSimulator({ clock, deallocateAfterMs: 120_000 });
});
afterEach(() => sim.close());

async function offer(to: Record<string, string>, from = '+13175550101', fromName = 'Pat Doe'): Promise<string> {
  const r = await postJson(`${sim.url}/sim/v1/calls`, { from, fromName, to });
  assert.equal(r.status, 201, r.text);
  return String((r.body as Json)['interactionId']);
}

const byType = (messages: Json[], type: string) => messages.filter((m) => m['__type'] === `urn:inin.com:${type}`);
const one = (messages: Json[], type: string): Json => {
  const found = byType(messages, type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(messages)}`);
  return found[0] as Json;
};

describe('queue subscriptions', () => {
  const myQueue = (userId: string, attributeNames = ['Eic_State', 'eic_remotename', 'Eic_CallStateString']) => ({
    queueIds: [{ queueType: 0, queueName: userId }],
    attributeNames,
  });

  it('sends a snapshot with only the chosen attributes (in the chosen spelling), then deltas', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    const id = await offer({ user: 'agent1' });
    const [snapshot] = await s.subscribe('queues/mine', myQueue('agent1'));
    assert.equal(snapshot?.['__type'], 'urn:inin.com:queues:queueContentsMessage');
    assert.equal(snapshot?.['isDelta'], false);
    assert.equal(snapshot?.['subscriptionId'], 'mine');
    const added = (snapshot?.['interactionsAdded'] as Json[])[0] as Json;
    assert.equal(added['interactionId'], id);
    assert.deepEqual(Object.keys(added['attributes'] as Json).sort(), ['Eic_CallStateString', 'Eic_State', 'eic_remotename']);
    assert.equal((added['attributes'] as Json)['eic_remotename'], 'Pat Doe');
    assert.equal((added['attributes'] as Json)['Eic_State'], 'A');

    assert.equal((await s.post(`/interactions/${id}/pickup`)).status, 200);
    const change = one(await s.poll(), 'queues:queueContentsMessage');
    assert.equal(change['isDelta'], true);
    const changed = (change['interactionsChanged'] as Json[])[0] as Json;
    assert.deepEqual(changed['attributes'], { Eic_State: 'C', Eic_CallStateString: 'Connected' }, 'only what changed');

    await s.post(`/interactions/${id}/disconnect`);
    await s.poll();
    clock.advance(120_000);
    const messages = await s.poll();
    assert.deepEqual(one(messages, 'queues:queueContentsMessage')['interactionsRemoved'], [id]);
    assert.deepEqual(one(messages, 'interactions:interactionDeallocatedMessage'), {
      __type: 'urn:inin.com:interactions:interactionDeallocatedMessage',
      isDelta: false,
      interactionID: id,
    });
  });

  it('watches a workgroup queue for members, and replaces or cancels a subscription', async () => {
    const member = await logon(sim.url, { userId: 'agent2', station: null });
    const [empty] = await member.subscribe('queues/wg', { queueIds: [{ queueType: 2, queueName: 'support' }], attributeNames: ['Eic_State'] });
    assert.deepEqual(empty?.['interactionsAdded'], []);
    const id = await offer({ workgroup: 'Support' });
    const delta = one(await member.poll(), 'queues:queueContentsMessage');
    assert.equal(((delta['interactionsAdded'] as Json[])[0] as Json)['interactionId'], id, 'no agent is available: it waits in the workgroup queue');
    const [again] = await member.subscribe('queues/wg', { queueIds: [{ queueType: 2, queueName: 'Support' }], attributeNames: ['Eic_RemoteName'] });
    assert.equal(again?.['isDelta'], false, 'a PUT on the same id replaces and resends the snapshot');
    assert.deepEqual(((again?.['interactionsAdded'] as Json[])[0] as Json)['attributes'], { Eic_RemoteName: 'Pat Doe' });
    assert.equal((await member.delete('/messaging/subscriptions/queues/wg')).status, 204);
    await offer({ workgroup: 'Support' }, '+13175550102', 'Chris Lee');
    assert.deepEqual(await member.poll(), []);
  });

  it('refuses queues the user may not watch, unknown queues and bad bodies', async () => {
    const s = await logon(sim.url, { userId: 'agent1', station: null });
    const other = await s.put('/messaging/subscriptions/queues/x', { queueIds: [{ queueType: 1, queueName: 'agent2' }], attributeNames: ['Eic_State'] });
    assert.equal(other.status, 400);
    assert.equal((other.body as Json)['errorId'], 'error.request.queue.accessDenied');
    const notMember = await s.put('/messaging/subscriptions/queues/x', { queueIds: [{ queueType: 2, queueName: 'Billing' }], attributeNames: ['Eic_State'] });
    assert.equal((notMember.body as Json)['errorId'], 'error.request.queue.accessDenied');
    const unknown = await s.put('/messaging/subscriptions/queues/x', { queueIds: [{ queueType: 2, queueName: 'Marketing' }], attributeNames: ['Eic_State'] });
    assert.equal((unknown.body as Json)['propertyName'], 'queueIds[0].queueName');
    const noNames = await s.put('/messaging/subscriptions/queues/x', { queueIds: [{ queueType: 0, queueName: 'agent1' }] });
    assert.equal(noNames.status, 400);
    assert.equal((noNames.body as Json)['propertyName'], 'attributeNames');
    const sup = await logon(sim.url, { userId: 'supervisor1', station: null });
    assert.equal((await sup.put('/messaging/subscriptions/queues/x', { queueIds: [{ queueType: 1, queueName: 'agent2' }, { queueType: 2, queueName: 'Billing' }], attributeNames: ['Eic_State'] })).status, 200);
  });
});

describe('interaction subscriptions', () => {
  it('watches one interaction: snapshot, changed attributes, deallocation', async () => {
    const s = await logon(sim.url, { userId: 'agent3' });
    const id = await offer({ user: 'agent3' });
    const [snapshot] = await s.subscribe(`interactions/${id}`, { attributeNames: ['Eic_State', 'Eic_Muted'] });
    assert.deepEqual(snapshot, {
      __type: 'urn:inin.com:interactions:interactionChangedMessage',
      isDelta: false,
      interactionID: id,
      attributes: { Eic_State: 'A', Eic_Muted: '0' },
    });
    await s.post(`/interactions/${id}/pickup`);
    await s.post(`/interactions/${id}/mute`, { on: true });
    const deltas = byType(await s.poll(), 'interactions:interactionChangedMessage');
    assert.deepEqual(deltas.map((d) => d['attributes']), [{ Eic_State: 'C' }, { Eic_Muted: '1' }]);
    assert.ok(deltas.every((d) => d['isDelta'] === true));
    assert.equal((await s.put('/messaging/subscriptions/interactions/999999', { attributeNames: ['Eic_State'] })).status, 404);
  });

  it('alerts: snapshot, StartAlerting, StopAlerting', async () => {
    const s = await logon(sim.url, { userId: 'agent4' });
    const [snapshot] = await s.subscribe('interaction-alerting', { attributeNames: ['Eic_RemoteAddress'] });
    assert.deepEqual(snapshot, { __type: 'urn:inin.com:interactions:interactionAlertingMessage', isDelta: false, alertingInteractionDetails: [] });
    const id = await offer({ workgroup: 'Sales' });
    const start = one(await s.poll(), 'interactions:interactionAlertingMessage');
    const detail = (start['alertingInteractionDetails'] as Json[])[0] as Json;
    assert.equal(detail['interactionId'], id);
    assert.equal(detail['alertAction'], 1);
    assert.equal(detail['alertType'], 5, 'an ACD offer');
    assert.equal(detail['name'], 'Pat Doe');
    assert.deepEqual(detail['attributes'], { Eic_RemoteAddress: '+13175550101' });
    await s.post(`/interactions/${id}/pickup`);
    const stop = one(await s.poll(), 'interactions:interactionAlertingMessage');
    assert.equal(((stop['alertingInteractionDetails'] as Json[])[0] as Json)['alertAction'], 2);
  });

  it('keeps interaction history: snapshot, then each finished call', async () => {
    const s = await logon(sim.url, { userId: 'agent5' });
    const [snapshot] = await s.subscribe('interaction-history', { numberOfHistoryMessages: 10 });
    assert.deepEqual(snapshot?.['interactionHistory'], []);
    const id = await offer({ user: 'agent5' }, '+13175550102', 'Chris Lee');
    await s.post(`/interactions/${id}/pickup`);
    await s.post(`/interactions/${id}/disconnect`);
    const history = one(await s.poll(), 'interactions:historyMessage');
    assert.equal(history['isDelta'], true);
    const entry = (history['interactionHistory'] as Json[])[0] as Json;
    assert.equal(entry['interactionId'], id);
    assert.equal(entry['direction'], 1);
    assert.equal(entry['remoteName'], 'Chris Lee');
    assert.equal(entry['interactionHistoryStatus'], 1);
    assert.match(String(entry['terminationTime']), /^\d{8}T\d{6}Z$/);
    const [again] = await s.subscribe('interaction-history', { numberOfHistoryMessages: 5 });
    assert.equal((again?.['interactionHistory'] as Json[]).length, 1);
    const bad = await s.put('/messaging/subscriptions/interaction-history', { numberOfHistoryMessages: 'many' });
    assert.equal((bad.body as Json)['propertyName'], 'numberOfHistoryMessages');
  });
});

describe('status subscriptions', () => {
  let s: TestSession;
  beforeEach(async () => {
    s = await logon(sim.url, { userId: 'agent6', station: null });
  });

  it('user statuses: snapshot of every user asked for, then what changes', async () => {
    const [snapshot] = await s.subscribe('status/user-statuses', { userIds: ['agent6', 'AGENT7'] });
    const list = snapshot?.['userStatusList'] as Json[];
    assert.deepEqual(list.map((u) => [u['userId'], u['loggedIn']]), [
      ['agent6', true],
      ['agent7', false],
    ]);
    await logon(sim.url, { userId: 'agent7' });
    const deltas = byType(await s.poll(), 'status:userStatusMessage');
    assert.ok(deltas.length >= 2 && deltas.every((d) => d['isDelta'] === true));
    // Logon, then the station: each delta carries what changed; merged they give the new state.
    const merged = Object.assign({}, ...deltas.map((d) => (d['userStatusList'] as Json[])[0])) as Json;
    assert.equal(merged['userId'], 'agent7');
    assert.equal(merged['loggedIn'], true);
    assert.deepEqual(merged['stations'], ['WS07']);
    assert.equal('notes' in ((deltas[0]?.['userStatusList'] as Json[])[0] as Json), false, 'unchanged properties are left out');
    const bad = await s.put('/messaging/subscriptions/status/user-statuses', { userIds: [] });
    assert.equal((bad.body as Json)['propertyName'], 'userIds');
    assert.equal((await s.put('/messaging/subscriptions/status/user-statuses', { userIds: ['nobody'] })).status, 404);
  });

  it('status messages and user access: snapshots', async () => {
    const [list] = await s.subscribe('status/status-messages');
    assert.equal(list?.['isDelta'], false);
    assert.ok((list?.['statusMessagesAdded'] as Json[]).some((m) => m['statusId'] === 'Available, No ACD'));
    const [access] = await s.subscribe('status/status-messages-user-access', { userIds: ['agent6'] });
    const change = (access?.['statusMessagesUserAccessChanges'] as Json[])[0] as Json;
    assert.equal(change['userId'], 'agent6');
    assert.ok((change['statusMessagesAdded'] as string[]).includes('Gone Home'));
    assert.equal((await s.put('/messaging/subscriptions/status/status-messages-user-access', {})).status, 400);
  });

  it('previous status info: snapshot, then what a status change remembers', async () => {
    const [snapshot] = await s.subscribe('status/user-status-previous-info');
    assert.deepEqual(snapshot?.['userStatusPreviousInfoList'], []);
    await s.put('/status/user-statuses/agent6', { statusId: 'At Lunch', notes: 'back at 1' });
    const delta = one(await s.poll(), 'status:userStatusPreviousInfoMessage');
    assert.equal(delta['isDelta'], true);
    assert.deepEqual(delta['userStatusPreviousInfoList'], [{ statusId: 'At Lunch', notes: 'back at 1' }]);
  });
});

describe('activation subscriptions', () => {
  it('a user\'s activations and a workgroup\'s: snapshot, then changes', async () => {
    const s = await logon(sim.url, { userId: 'agent4', station: null });
    const [user] = await s.subscribe('activations/users/a1', { userId: 'agent4', workgroupIds: ['*'] });
    assert.deepEqual(user, {
      __type: 'urn:inin.com:activations:userActivationMessage',
      isDelta: false,
      subscriptionId: 'a1',
      userId: 'agent4',
      activationsChanged: { Support: true, Sales: true },
    });
    const [wg] = await s.subscribe('activations/workgroups/a2', { workgroupId: 'Sales', userIds: ['agent4', 'agent5'] });
    assert.deepEqual(wg?.['activationsChanged'], { agent4: true, agent5: true });
    const put = await s.put('/activations/users/agent4', { activations: { Sales: false } });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body, { userId: 'agent4', activations: { Support: true, Sales: false } });
    const messages = await s.poll();
    assert.deepEqual(one(messages, 'activations:userActivationMessage')['activationsChanged'], { Sales: false });
    assert.deepEqual(one(messages, 'activations:workgroupActivationMessage')['activationsChanged'], { agent4: false });
    assert.equal((await s.put('/activations/users/agent4', { activations: { Billing: true } })).status, 400, 'not a member');
    assert.equal((await s.put('/activations/users/agent5', { activations: { Sales: false } })).status, 403, 'not a supervisor');
    assert.equal((await s.put('/messaging/subscriptions/activations/users/a3', { workgroupIds: ['*'] })).status, 400);
  });
});

describe('directory subscriptions', () => {
  it('lists directories, pages a directory and follows presence', async () => {
    const s = await logon(sim.url, { userId: 'agent8', station: null });
    const [list] = await s.subscribe('directories');
    assert.deepEqual((list?.['directoriesAdded'] as Json[]).map((d) => d['directoryID']), ['CompanyDirectory', 'Workgroups', 'Profiles', 'Contacts']);
    const [page] = await s.subscribe('directories/d1', {
      directoryID: 'CompanyDirectory',
      index: 0,
      count: 5,
      filterItems: [{ contactProperty: 4, filterType: 1, filterExpressions: ['agent'] }],
      sortItems: [{ contactProperty: 3, sortDirection: 1 }],
    });
    assert.equal(page?.['isDelta'], false);
    assert.equal(page?.['filteredCount'], 10);
    assert.equal(page?.['totalCount'], sim.site.users.length);
    const contacts = page?.['contactsAdded'] as Json[];
    assert.deepEqual(contacts.map((c) => c['entryID']), ['agent10', 'agent9', 'agent8', 'agent7', 'agent6']);
    assert.equal(contacts[2]?.['loggedIn'], true);
    await logon(sim.url, { userId: 'agent9' });
    const change = byType(await s.poll(), 'directories:directoryMessage').at(-1) as Json;
    assert.equal(change['isDelta'], true);
    const changed = (change['contactsChanged'] as Json[])[0] as Json;
    assert.equal(changed['entryID'], 'agent9');
    assert.equal(changed['loggedIn'], true);
    assert.equal((await s.put('/messaging/subscriptions/directories/d2', { directoryID: 'Nope' })).status, 404);
    const bad = await s.put('/messaging/subscriptions/directories/d2', { directoryID: 'Contacts', filterItems: [{ contactProperty: 1, filterType: 9 }] });
    assert.equal(bad.status, 400);
  });

  it('looks up entries', async () => {
    const s = await logon(sim.url, { userId: 'agent8', station: null });
    const r = await s.post('/directories/lookup-entries', {
      lookupEntryTypes: [1, 2, 6],
      lookupEntryProperties: [1, 2, 3, 6, 11],
      lookupComparisonType: 3,
      lookupString: 'sup',
      maxEntries: 15,
    });
    assert.equal(r.status, 200);
    const entries = (r.body as Json)['lookupEntriesList'] as Json[];
    assert.ok(entries.some((e) => e['lookupEntryType'] === 6 && e['displayName'] === 'Support'));
    const support = entries.find((e) => e['displayName'] === 'Support') as Json;
    assert.deepEqual(support['queueID'], { queueType: 2, queueName: 'Support' });
    const byNumber = await s.post('/directories/lookup-entries', {
      lookupEntryTypes: [2],
      lookupEntryProperties: [11],
      lookupComparisonType: 1,
      lookupString: '+1 317 555 0150',
      maxEntries: 1,
    });
    assert.deepEqual(((byNumber.body as Json)['lookupEntriesList'] as Json[]).map((e) => e['displayName']), ['IT Helpdesk']);
    const bad = await s.post('/directories/lookup-entries', { lookupString: 'x' });
    assert.equal(bad.status, 400);
  });
});

describe('configuration', () => {
  it('subscriptions: wrap-up codes, account codes, users and workgroups with the chosen properties', async () => {
    const s = await logon(sim.url, { userId: 'agent1', station: null });
    const [codes] = await s.subscribe('configuration/wrap-up-codes/w', { configurationIds: ['*'], properties: ['label', 'category'] });
    assert.equal(codes?.['__type'], 'urn:inin.com:configuration.people:wrapUpCodesMessage');
    assert.equal(codes?.['isDelta'], false);
    const resolved = (codes?.['added'] as Json[]).find((c) => (c['configurationId'] as Json)['id'] === 'RESOLVED');
    assert.deepEqual(resolved, {
      configurationId: { id: 'RESOLVED', displayName: 'Resolved', uri: '/configuration/wrap-up-codes/RESOLVED' },
      label: 'Resolved',
      category: 'Support',
    });
    const [accounts] = await s.subscribe('configuration/account-codes/a', { configurationIds: ['*'], properties: ['description'] });
    assert.equal((accounts?.['added'] as Json[]).length, sim.site.accountCodes.length);
    const [users] = await s.subscribe('configuration/users/u', { configurationIds: [{ id: 'agent10' }], properties: ['securityRights', 'licenseProperties'] });
    const agent10 = (users?.['added'] as Json[])[0] as Json;
    const rights = (agent10['securityRights'] as Json[]).map((r) => r['id']);
    assert.ok(rights.includes('PickupInteractions') && !rights.includes('RecordInteractions'));
    const [workgroups] = await s.subscribe('configuration/workgroups/g', { configurationIds: ['Sales'], properties: ['members', 'wrapUpCodes'] });
    const sales = (workgroups?.['added'] as Json[])[0] as Json;
    assert.deepEqual((sales['members'] as Json[]).map((m) => m['id']), ['agent4', 'agent5', 'agent6', 'agent7', 'agent8']);
    assert.equal((await s.put('/messaging/subscriptions/configuration/users/u', { properties: ['*'] })).status, 400);
    assert.equal((await s.put('/messaging/subscriptions/configuration/spaceships/u', { configurationIds: ['*'] })).status, 404);
  });

  it('lists with select=, reads one object, pages with Range', async () => {
    const s = await logon(sim.url, { userId: 'agent1', station: null });
    const ids = (await s.get('/configuration/workgroups')).body as Json;
    assert.deepEqual((ids['items'] as Json[])[0], { configurationId: { id: 'Support', displayName: 'Support', uri: '/configuration/workgroups/Support' } });
    const me = (await s.get('/configuration/users/agent1?select=extension,workgroups,defaultWorkstation')).body as Json;
    assert.equal(me['extension'], '7001');
    assert.deepEqual((me['defaultWorkstation'] as Json)['id'], 'WS01');
    const paged = await s.request('GET', '/configuration/users?select=extension', undefined, { Range: 'items=0-1' });
    assert.equal((paged.body as { items: unknown[] }).items.length, 2);
    assert.equal(paged.headers.get('content-range'), `items 0-1/${sim.site.users.length}`);
    assert.equal((await s.get('/configuration/users/ghost')).status, 404);
  });
});
