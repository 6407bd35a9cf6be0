import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../clock.js';
import { startSimulator, type RunningSimulator } from '../index.js';
import { call, logon, postJson, type Json } from './testing.js';

let sim: RunningSimulator;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock();
  sim = await startSimulator({ clock });
});
afterEach(() => sim.close());

const control = (method: string, path: string, body?: unknown) =>
  call(method, `${sim.url}/sim/v1${path}`, body, { 'Content-Type': 'application/json', Accept: 'application/json' });

const stateOf = async () => (await control('GET', '/state')).body as {
  sessions: Json[];
  users: Json[];
  interactions: Json[];
  queues: { workgroups: Json[] };
  activeServer: string;
  faults: Json;
};

describe('POST /sim/v1/calls', () => {
  it('offers a call and answers 201 {interactionId}', async () => {
    const r = await control('POST', '/calls', { from: '+13175550101', fromName: 'Pat Doe', to: { workgroup: 'Support' }, attributes: { CRM_CaseNumber: '00042' } });
    assert.equal(r.status, 201);
    const id = (r.body as Json)['interactionId'];
    assert.equal(typeof id, 'string');
    const state = await stateOf();
    const ix = state.interactions.find((i) => i['interactionId'] === id) as Json;
    assert.equal((ix['attributes'] as Json)['CRM_CaseNumber'], '00042');
    assert.deepEqual(state.queues.workgroups.find((w) => w['name'] === 'Support')?.['waiting'], [id]);
    for (const to of [{ user: 'agent2' }, { extension: '7003' }]) {
      assert.equal((await control('POST', '/calls', { from: '+13175550102', to })).status, 201);
    }
  });

  it('names the bad field', async () => {
    const noFrom = await control('POST', '/calls', { to: { workgroup: 'Support' } });
    assert.equal(noFrom.status, 400);
    assert.equal((noFrom.body as Json)['propertyName'], 'from');
    assert.match(String((noFrom.body as Json)['message']), /from/);
    const twoTargets = await control('POST', '/calls', { from: '+13175550101', to: { workgroup: 'Support', user: 'agent1' } });
    assert.equal(twoTargets.status, 400);
    assert.equal((twoTargets.body as Json)['propertyName'], 'to');
    const badAttributes = await control('POST', '/calls', { from: '+13175550101', to: { user: 'agent1' }, attributes: { n: 5 } });
    assert.equal((badAttributes.body as Json)['propertyName'], 'attributes.n');
    const unknown = await control('POST', '/calls', { from: '+13175550101', to: { workgroup: 'Marketing' } });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as Json)['propertyName'], 'to.workgroup');
    assert.equal((await control('POST', '/calls', { from: '+13175550101', to: { user: 'ghost' } })).status, 404);
    assert.equal((await control('POST', '/calls', '{"from":')).status, 400);
  });
});

describe('far end', () => {
  it('answers and hangs up an agent\'s outbound call', async () => {
    const s = await logon(sim.url, { userId: 'agent1' });
    await s.subscribe('queues/q', { queueIds: [{ queueType: 0, queueName: 'agent1' }], attributeNames: ['Eic_State'] });
    const created = await s.post('/interactions', { __type: 'urn:inin.com:interactions:createCallParameters', target: '+13175559999' });
    assert.equal(created.status, 201);
    const id = String((created.body as Json)['interactionId']);
    await s.poll();
    assert.equal((await control('POST', `/interactions/${id}/remote-answer`)).status, 204);
    const answered = (await s.poll()).flatMap((m) => (m['interactionsChanged'] as Json[] | undefined) ?? []);
    assert.equal((answered.at(-1)?.['attributes'] as Json)['Eic_State'], 'C');
    assert.equal((await control('POST', `/interactions/${id}/remote-hangup`)).status, 204);
    const ended = (await s.poll()).flatMap((m) => (m['interactionsChanged'] as Json[] | undefined) ?? []);
    assert.equal((ended.at(-1)?.['attributes'] as Json)['Eic_State'], 'E');
    const unknown = await control('POST', '/interactions/424242/remote-hangup');
    assert.equal(unknown.status, 404);
    assert.equal(typeof (unknown.body as Json)['errorId'], 'string');
  });
});

describe('PUT /sim/v1/users/{userId}/status', () => {
  it('changes a status as a supervisor would', async () => {
    const s = await logon(sim.url, { userId: 'agent2', station: null });
    await s.subscribe('status/user-statuses', { userIds: ['agent2'] });
    assert.equal((await control('PUT', '/users/agent2/status', { statusId: 'Follow Up', notes: 'wrap-up' })).status, 204);
    const [message] = await s.poll();
    assert.equal(((message?.['userStatusList'] as Json[])[0] as Json)['statusId'], 'Follow Up');
    const bad = await control('PUT', '/users/agent2/status', { status: 'Available' });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as Json)['propertyName'], 'statusId');
    assert.equal((await control('PUT', '/users/agent2/status', { statusId: 'Snoozing' })).status, 400);
    assert.equal((await control('PUT', '/users/ghost/status', { statusId: 'Available' })).status, 404);
  });
});

describe('POST /sim/v1/reset and GET /sim/v1/state', () => {
  it('reports sessions, users, interactions and queues', async () => {
    const s = await logon(sim.url, { userId: 'agent3' });
    await s.subscribe('status/status-messages');
    const state = await stateOf();
    const session = state.sessions.find((x) => x['sessionId'] === s.sessionId) as Json;
    assert.equal(session['userId'], 'agent3');
    assert.equal((session['station'] as Json)['id'], 'WS03');
    assert.equal(session['statusId'], 'Available');
    assert.deepEqual(session['subscriptions'], ['status messages']);
    const user = state.users.find((u) => u['userId'] === 'agent3') as Json;
    assert.equal(user['loggedIn'], true);
    assert.equal(state.activeServer, 'primary');
  });

  it('drops every session and returns to the site\'s initial state', async () => {
    const s = await logon(sim.url, { userId: 'agent4' });
    await s.put('/status/user-statuses/agent4', { statusId: 'Gone Home' });
    await s.poll();
    await control('POST', '/calls', { from: '+13175550101', to: { workgroup: 'Billing' } });
    await control('POST', '/faults', { kind: 'latency', ms: 5 });
    assert.equal((await control('POST', '/reset')).status, 204);
    const state = await stateOf();
    assert.deepEqual(state.interactions, []);
    assert.equal(state.users.find((u) => u['userId'] === 'agent4')?.['statusId'], 'Available');
    assert.equal(state.users.find((u) => u['userId'] === 'agent4')?.['loggedIn'], false);
    assert.equal(state.faults['latencyMs'], 0);
    const [down] = await s.poll();
    assert.equal(down?.['newConnectionState'], 2);
    assert.equal((await s.get('/connection/station')).status, 401);
  });
});

describe('POST /sim/v1/faults', () => {
  it('drop-session: the user\'s sessions get the down message, then 401', async () => {
    const s = await logon(sim.url, { userId: 'agent5' });
    const sse = s.openSse();
    await sse.opened;
    const r = await control('POST', '/faults', { kind: 'drop-session', userId: 'agent5' });
    assert.deepEqual(r.body, { kind: 'drop-session', droppedSessions: 1 });
    const down = await sse.nextMessage();
    assert.equal(down?.['__type'], 'urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal(down?.['shouldReconnect'], true);
    assert.equal(await sse.next(), null, 'the stream ends');
    assert.equal((await s.get('/connection/station')).status, 401);
    const state = await stateOf();
    assert.equal(state.users.find((u) => u['userId'] === 'agent5')?.['loggedIn'], true, 'the station waits for a reconnect');
    const back = await logon(sim.url, { userId: 'agent5', station: 'WS05' });
    assert.equal((await back.get('/connection/station')).status, 200);
    assert.equal((await control('POST', '/faults', { kind: 'drop-session', userId: 'ghost' })).status, 404);
  });

  it('latency: ICWS replies wait on the clock; clear removes it', async () => {
    const s = await logon(sim.url, { userId: 'agent6', station: null });
    await control('POST', '/faults', { kind: 'latency', ms: 500 });
    let settled = false;
    const pending = s.get('/connection').then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(settled, false, 'held until the clock moves');
    clock.advance(500);
    assert.equal((await pending).status, 200);
    assert.deepEqual((await control('POST', '/faults', { kind: 'clear' })).body, { kind: 'clear' });
    assert.equal((await s.get('/connection')).status, 200);
  });

  it('malformed-message: broken JSON on the event stream, a contract-breaking message when polling', async () => {
    const polling = await logon(sim.url, { userId: 'agent7', station: null });
    const streaming = await logon(sim.url, { userId: 'agent8', station: null });
    const sse = streaming.openSse();
    await sse.opened;
    assert.deepEqual((await control('POST', '/faults', { kind: 'malformed-message', userId: 'agent7' })).body, {
      kind: 'malformed-message',
      sessions: 1,
    });
    await control('POST', '/faults', { kind: 'malformed-message', userId: 'agent8' });
    const [bad] = await polling.poll();
    assert.equal(bad?.['isDelta'], 'maybe');
    const event = await sse.next();
    assert.equal(event?.kind, 'data');
    assert.throws(() => JSON.parse(event?.kind === 'data' ? event.data : ''));
    sse.close();
  });

  it('rejects unknown kinds and bad parameters', async () => {
    const unknown = await control('POST', '/faults', { kind: 'meteor' });
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as Json)['propertyName'], 'kind');
    const latency = await control('POST', '/faults', { kind: 'latency', ms: -1 });
    assert.equal((latency.body as Json)['propertyName'], 'ms');
    assert.equal((await control('POST', '/faults', { kind: 'drop-session' })).status, 400);
  });

  it('switchover without a backup drops the sessions and keeps accepting logons', async () => {
    const s = await logon(sim.url, { userId: 'agent9', station: null });
    const r = await control('POST', '/faults', { kind: 'switchover' });
    assert.deepEqual(r.body, { kind: 'switchover', from: 'primary', to: 'primary', droppedSessions: 1 });
    assert.equal((await s.poll())[0]?.['newConnectionState'], 2);
    await logon(sim.url, { userId: 'agent9', station: null });
  });
});

describe('other control resources', () => {
  it('mints SSO tokens and describes the site', async () => {
    assert.equal((await postJson(`${sim.url}/sim/v1/sso-tokens`, { userId: 'ghost' })).status, 404);
    assert.equal((await postJson(`${sim.url}/sim/v1/sso-tokens`, {})).status, 400);
    const site = (await control('GET', '/site')).body as Json;
    assert.ok((site['users'] as Json[]).some((u) => u['userId'] === 'supervisor1' && u['supervisor'] === true));
    assert.equal(JSON.stringify(site).includes('"password"'), false);
  });
});
