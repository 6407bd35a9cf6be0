import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../clock.js';
import { startSimulator, type RunningSimulator } from '../index.js';
import { logon, postJson, type Json, type TestSession } from './testing.js';

let sim: RunningSimulator;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock();
  sim = await startSimulator({ clock });
});
afterEach(() => sim.close());

async function offer(to: Record<string, string>): Promise<string> {
  const r = await postJson(`${sim.url}/sim/v1/calls`, { from: '+13175550101', fromName: 'Pat Doe', to });
  assert.equal(r.status, 201, r.text);
  return String((r.body as Json)['interactionId']);
}

const STATE = ['Eic_State', 'Eic_CallStateString', 'Eic_Muted', 'Eic_Recorders', 'Eic_WorkgroupName', 'Eic_RemoteAddress'];

async function watch(s: TestSession, userId: string): Promise<void> {
  await s.subscribe('queues/mine', { queueIds: [{ queueType: 0, queueName: userId }], attributeNames: STATE });
}

/** The attributes of `id` as the queue subscription's deltas leave them. */
function merged(messages: Json[], id: string, start: Json = {}): Json {
  const out = { ...start };
  for (const m of messages) {
    for (const key of ['interactionsAdded', 'interactionsChanged']) {
      for (const item of (m[key] as Json[] | undefined) ?? []) if (item['interactionId'] === id) Object.assign(out, item['attributes']);
    }
  }
  return out;
}

async function connected(s: TestSession, userId: string): Promise<string> {
  const id = await offer({ user: userId });
  assert.equal((await s.post(`/interactions/${id}/pickup`)).status, 200);
  await s.poll();
  return id;
}

describe('ACD through the HTTP side', () => {
  it('offers a workgroup call to an available member and shows it in their queue subscription', async () => {
    const agent = await logon(sim.url, { userId: 'agent1' });
    await watch(agent, 'agent1');
    const id = await offer({ workgroup: 'Support' });
    const attrs = merged(await agent.poll(), id);
    assert.equal(attrs['Eic_State'], 'A');
    assert.equal(attrs['Eic_WorkgroupName'], 'Support');
    assert.equal(attrs['Eic_RemoteAddress'], '+13175550101');
    assert.match(String(attrs['Eic_CallStateString']), /^ACD - Alerting/);
    assert.equal((await agent.post(`/interactions/${id}/pickup`)).status, 200);
    assert.equal(merged(await agent.poll(), id)['Eic_State'], 'C');
  });

  it('re-offers after the alert timeout and sets the skipped agent to not answering', async () => {
    const first = await logon(sim.url, { userId: 'agent1' });
    const second = await logon(sim.url, { userId: 'agent2' });
    await first.subscribe('status/user-statuses', { userIds: ['agent1'] });
    await watch(second, 'agent2');
    const id = await offer({ workgroup: 'Support' });
    const alertedFirst = (sim.state() as { interactions: Json[] }).interactions.find((i) => i['interactionId'] === id) as Json;
    assert.match(String((alertedFirst['attributes'] as Json)['Eic_CallStateString']), /Alice Martin/);
    clock.advance(15_000);
    assert.equal(merged(await second.poll(), id)['Eic_State'], 'A', 'now alerting agent2');
    const statuses = (await first.poll()).flatMap((m) => (m['userStatusList'] as Json[] | undefined) ?? []);
    assert.ok(statuses.some((u) => u['statusId'] === 'ACD - Agent Not Answering'));
  });
});

describe('call controls', () => {
  it('hold, mute, record, pause, private, secure pause, digits — and their refusals', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    await watch(s, 'agent1');
    const id = await connected(s, 'agent1');
    assert.equal((await s.post(`/interactions/${id}/mute`, { on: true })).status, 200);
    assert.equal(merged(await s.poll(), id)['Eic_Muted'], '1');
    assert.equal((await s.post(`/interactions/${id}/hold`, { on: true })).status, 200);
    assert.equal(merged(await s.poll(), id)['Eic_State'], 'H');
    assert.equal((await s.post(`/interactions/${id}/hold`, { on: false })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/record`, { on: true, supervisor: false })).status, 200);
    assert.match(String(merged(await s.poll(), id)['Eic_Recorders']), /agent1/);
    assert.equal((await s.post(`/interactions/${id}/pause`, { on: true })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/make-private`, { on: true })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/make-private`, { on: false })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/secure-pause`, { securePauseType: 3, duration: 30 })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/secure-pause`, { securePauseType: 4 })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/send-digits`, { dtmfDigits: '12#' })).status, 200);

    const noOn = await s.post(`/interactions/${id}/hold`, {});
    assert.equal(noOn.status, 400);
    assert.equal((noOn.body as Json)['propertyName'], 'on');
    assert.equal((await s.post(`/interactions/${id}/secure-pause`, { securePauseType: 3 })).status, 400);
    assert.equal((await s.post(`/interactions/${id}/secure-pause`, { securePauseType: 7 })).status, 400);
    assert.equal((await s.post(`/interactions/${id}/send-digits`, { dtmfDigits: 'hello' })).status, 400);
    assert.equal((await s.post('/interactions/31337/pickup')).status, 404);
    assert.equal((await s.post(`/interactions/${id}/disconnect`)).status, 200);
    assert.equal(merged(await s.poll(), id)['Eic_State'], 'I');
  });

  it('refuses what the user has no right to (agent10 may not record)', async () => {
    const s = await logon(sim.url, { userId: 'agent10' });
    const id = await connected(s, 'agent10');
    const r = await s.post(`/interactions/${id}/record`, { on: true, supervisor: false });
    assert.equal(r.status, 403);
    assert.equal(typeof (r.body as Json)['errorId'], 'string');
  });

  it('creates a snippet and tells the session', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    await watch(s, 'agent1');
    const id = await connected(s, 'agent1');
    assert.equal((await s.post(`/interactions/${id}/record-snippet`, { on: true, supervisor: false })).status, 200);
    assert.equal((await s.post(`/interactions/${id}/record-snippet`, { on: false, supervisor: false })).status, 200);
    const snippet = (await s.poll()).find((m) => m['__type'] === 'urn:inin.com:interactions:interactionRecordingSnippetCreatedMessage');
    assert.equal(snippet?.['interactionID'], id);
    assert.equal(typeof snippet?.['recordingSnippetId'], 'string');
  });
});

describe('making calls and attributes', () => {
  it('creates a call (201 + Location) and refuses bad requests', async () => {
    const s = await logon(sim.url, { userId: 'agent2' });
    const r = await s.post('/interactions', {
      __type: 'urn:inin.com:interactions:createCallParameters',
      target: '+13175550123',
      workgroup: 'Support',
      accountCodeId: '1001',
      additionalAttributes: { CRM_RecordId: '003xx' },
    });
    assert.equal(r.status, 201);
    const id = String((r.body as Json)['interactionId']);
    assert.equal(r.headers.get('location'), `/icws/${s.sessionId}/interactions/${id}`);
    const attrs = await s.get(`/interactions/${id}?select=Eic_CallDirection,CRM_RecordId,eic_accountcode`);
    assert.deepEqual(attrs.body, { attributes: { Eic_CallDirection: 'O', CRM_RecordId: '003xx', eic_accountcode: '1001' } });
    assert.deepEqual((await s.get(`/interactions/${id}`)).body, { attributes: { Eic_CallId: id } });
    assert.equal((await s.post('/interactions', { target: '' })).status, 400);
    assert.equal((await s.post('/interactions', { target: '+13175550123', accountCodeId: '9999' })).status, 400);
    const chat = await s.post('/interactions', { __type: 'urn:inin.com:interactions.chat:createChatParameters', target: 'agent3' });
    assert.equal(chat.status, 400);
    assert.equal((chat.body as Json)['propertyName'], '__type');
    const stationless = await logon(sim.url, { userId: 'agent3', station: null });
    assert.equal((await stationless.post('/interactions', { target: '7001' })).status, 400, 'no station, no call');
  });

  it('sets attributes (replace and append)', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    const id = await connected(s, 'agent1');
    assert.equal((await s.post(`/interactions/${id}`, { attributes: { CRM_Note: 'first' } })).status, 200);
    assert.equal((await s.post(`/interactions/${id}`, { attributes: { CRM_Note: '+more' }, appendMode: 1 })).status, 200);
    assert.deepEqual((await s.get(`/interactions/${id}?select=CRM_Note`)).body, { attributes: { CRM_Note: 'first+more' } });
    assert.equal((await s.post(`/interactions/${id}`, { attributes: { CRM_Note: 5 } })).status, 400);
  });

  it('describes phone numbers', async () => {
    const s = await logon(sim.url, { userId: 'agent1', station: null });
    const internal = (await s.post('/phone-numbers/query-details', { phoneNumber: '7002' })).body as Json;
    assert.equal(internal['internal'], true);
    assert.equal(internal['queueType'], 2);
    assert.equal(internal['queueName'], 'agent2');
    assert.equal(internal['displayText'], 'Bruno Silva');
    const external = (await s.post('/phone-numbers/query-details', { phoneNumber: '(317) 555-0101' })).body as Json;
    assert.equal(external['internal'], false);
    assert.equal(external['dialCapable'], true);
    assert.equal(external['displayText'], '+1 317-555-0101');
    assert.equal((await s.post('/phone-numbers/query-details', {})).status, 400);
  });
});

describe('transfers, consults, conferences, wrap-up', () => {
  it('blind-transfers to another agent and to a workgroup queue', async () => {
    const a = await logon(sim.url, { userId: 'agent1' });
    const b = await logon(sim.url, { userId: 'agent2' });
    await watch(b, 'agent2');
    const id = await connected(a, 'agent1');
    assert.equal((await a.post(`/interactions/${id}/blind-transfer`, { target: '7002' })).status, 200);
    const seen = (await b.poll()).flatMap((m) => (m['interactionsAdded'] as Json[] | undefined) ?? []);
    assert.equal(seen.length, 1, 'agent2 is offered the transferred call');
    const both = await a.post(`/interactions/${id}/blind-transfer`, { target: '7003', queueID: { queueType: 2, queueName: 'Support' } });
    assert.equal(both.status, 400);
    assert.match(String((both.body as Json)['message']), /exactly one of target and queueID/);
    const second = await connected(a, 'agent1');
    assert.equal((await a.post(`/interactions/${second}/blind-transfer`, { queueID: { queueType: 2, queueName: 'Billing' } })).status, 200);
  });

  it('parks, sends and transfers to voicemail', async () => {
    const a = await logon(sim.url, { userId: 'agent1' });
    const parked = await connected(a, 'agent1');
    assert.equal((await a.post(`/interactions/${parked}/park`, { target: '7004' })).status, 200);
    const toVm = await connected(a, 'agent1');
    assert.equal((await a.post(`/interactions/${toVm}/transfer-to-voicemail`, { target: '7005' })).status, 200);
    const alerting = await offer({ user: 'agent1' });
    assert.equal((await a.post(`/interactions/${alerting}/send-to-voicemail`)).status, 200);
    assert.equal((await a.post(`/interactions/${alerting}/park`, {})).status, 400);
  });

  it('consults: start (201), change audience, conclude and cancel (204)', async () => {
    const a = await logon(sim.url, { userId: 'agent1' });
    const b = await logon(sim.url, { userId: 'agent2' });
    const id = await connected(a, 'agent1');
    const started = await a.post(`/interactions/${id}/consult`, { target: '7002' });
    assert.equal(started.status, 201);
    const { consultId, consultInteractionId } = started.body as { consultId: string; consultInteractionId: string };
    assert.equal(typeof consultId, 'string');
    assert.equal(typeof consultInteractionId, 'string');
    const peer = (sim.state() as { interactions: Json[] }).interactions.find(
      (i) => (i['attributes'] as Json)['Eic_UserName'] === 'agent2' || (i['queues'] as Json[]).some((q) => q['queueName'] === 'agent2'),
    );
    assert.ok(peer, 'agent2 has the consult leg');
    assert.equal((await b.post(`/interactions/${String(peer['interactionId'])}/pickup`)).status, 200);
    assert.equal(
      (await a.post(`/interactions/${id}/consult/${consultId}/change-audience`, { audience: { originalParty: true, consultedParty: true } })).status,
      204,
    );
    assert.equal((await a.post(`/interactions/${id}/consult/${consultId}/change-audience`, { audience: { originalParty: true } })).status, 400);
    assert.equal((await a.post(`/interactions/${id}/consult/${consultId}/conclude`)).status, 204);

    const other = await connected(a, 'agent1');
    const second = await a.post(`/interactions/${other}/consult`, { target: '+13175550150' });
    assert.equal(second.status, 201);
    const cancel = await a.delete(`/interactions/${other}/consult/${(second.body as Json)['consultId']}`);
    assert.equal(cancel.status, 204);
    assert.equal((await a.post(`/interactions/${other}/consult/nope/conclude`)).status, 404);
  });

  it('conferences: create (201), add, invite a party', async () => {
    const a = await logon(sim.url, { userId: 'agent1' });
    const first = await connected(a, 'agent1');
    await a.post(`/interactions/${first}/hold`, { on: true });
    const second = await connected(a, 'agent1');
    const created = await a.post('/interactions/conferences', { interactions: [first, second] });
    assert.equal(created.status, 201);
    const conferenceId = String((created.body as Json)['conferenceId']);
    const members = (sim.state() as { interactions: Json[] }).interactions.filter((i) => i['conferenceParentId'] === conferenceId);
    assert.ok(members.length >= 2, 'members carry conferenceParentId');
    const third = await connected(a, 'agent1');
    assert.equal((await a.put(`/interactions/conferences/${conferenceId}`, { interactions: [third] })).status, 200);
    assert.equal((await a.post(`/interactions/conferences/${conferenceId}/invite-party`, { target: '+13175550160' })).status, 200);
    assert.equal((await a.post('/interactions/conferences', { interactions: [] })).status, 400);
    assert.equal((await a.put('/interactions/conferences/nope', { interactions: [third] })).status, 404);
  });

  it('assigns a wrap-up code', async () => {
    const a = await logon(sim.url, { userId: 'agent1' });
    const id = await offer({ workgroup: 'Support' });
    await a.post(`/interactions/${id}/pickup`);
    await a.post(`/interactions/${id}/disconnect`);
    const body = { code: 'RESOLVED', segmentId: 1, time: '20261122T090500Z', user: 'agent1', sourceInteractionId: id };
    assert.equal((await a.post(`/interactions/${id}/wrap-up-assignments`, body)).status, 200);
    assert.equal((await a.post(`/interactions/${id}/wrap-up-assignments`, { ...body, time: 'later' })).status, 400);
    const unknown = await a.post(`/interactions/${id}/wrap-up-assignments`, { ...body, code: 'NOPE' });
    assert.equal((unknown.body as Json)['propertyName'], 'code');
    const missing = await a.post(`/interactions/${id}/wrap-up-assignments`, { code: 'RESOLVED' });
    assert.equal(missing.status, 400);
  });
});
