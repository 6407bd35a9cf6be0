import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../index.js';
import { call, logon, type Json } from './testing.js';
import { RequestUrn } from './wire.js';

const workstation = (name: string) => ({ __type: RequestUrn.workstation, workstation: name, supportedMediaTypes: [1], readyForInteractions: true });

describe('station connection', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('connects a workstation, reports it, and disconnects it', async () => {
    const s = await logon(sim.url, { userId: 'agent1', station: null });
    const put = await s.put('/connection/station', workstation('ws01'));
    assert.equal(put.status, 200);
    const info = (await s.get('/connection/station')).body as Json;
    assert.deepEqual(info, { id: 'WS01', extension: '6001', stationSetting: 1, canBeDialed: true, ringAlways: false, allowedMediaTypes: [1] });
    const [effective] = await s.poll();
    assert.equal(effective?.['__type'], 'urn:inin.com:connection:effectiveStationChangeMessage');
    assert.deepEqual((effective?.['effectiveStation'] as Json)['stationId'], { id: 'WS01', displayName: 'WS01', uri: '/configuration/stations/WS01' });
    assert.equal((await s.delete('/connection/station')).status, 200);
    assert.equal(((await s.get('/connection/station')).body as Json)['stationSetting'], 0);
    assert.deepEqual(((await s.get('/status/user-statuses/agent1')).body as Json)['stations'], []);
  });

  it('connects a remote workstation with its configured number, and a remote number', async () => {
    const a = await logon(sim.url, { userId: 'agent2', station: null });
    assert.equal((await a.put('/connection/station', { __type: RequestUrn.remoteWorkstation, workstation: 'RW02' })).status, 200);
    assert.deepEqual((await a.get('/connection/station')).body, {
      id: 'RW02',
      extension: '6102',
      stationSetting: 2,
      canBeDialed: false,
      ringAlways: false,
      allowedMediaTypes: [1],
      remoteNumber: '+13175550191',
      persistentConnection: true,
    });
    const b = await logon(sim.url, { userId: 'agent3', station: null });
    const r = await b.put('/connection/station', { __type: RequestUrn.remoteNumber, remoteNumber: '+1 (317) 555-0177', persistentConnection: true });
    assert.equal(r.status, 200);
    const info = (await b.get('/connection/station')).body as Json;
    assert.equal(info['stationSetting'], 3);
    assert.equal(info['remoteNumber'], '+13175550177');
    assert.equal(info['persistentConnection'], true);
  });

  it('ignores a persistent connection without the right and refuses a typed number without its right', async () => {
    const s = await logon(sim.url, { userId: 'agent10', station: null });
    const r = await s.put('/connection/station', { __type: RequestUrn.remoteNumber, remoteNumber: '+13175550178', persistentConnection: true });
    assert.equal(r.status, 403, 'agent10 lacks User-defined Telephone Number on Remote Logon');
    const rw = await s.put('/connection/station', { __type: RequestUrn.remoteWorkstation, workstation: 'RW01', remoteNumber: '+13175550999' });
    assert.equal(rw.status, 403);
    assert.equal((await s.put('/connection/station', { __type: RequestUrn.remoteWorkstation, workstation: 'RW01' })).status, 200);
    assert.equal(((await s.get('/connection/station')).body as Json)['persistentConnection'], false);
  });

  it('logs on stationless', async () => {
    const s = await logon(sim.url, { userId: 'limited1', station: null });
    assert.equal((await s.put('/connection/station', { __type: RequestUrn.stationless })).status, 200);
    assert.equal(((await s.get('/connection/station')).body as Json)['stationSetting'], 0);
    const denied = await s.put('/connection/station', workstation('WS12'));
    assert.equal(denied.status, 403, 'limited1 has no Basic Station licence');
    assert.equal((denied.body as Json)['errorId'], 'error.request.connection.licenseUnavailable');
    assert.match(String((denied.body as Json)['message']), /I3_LICENSE_BASIC_STATION/);
  });

  it('refuses unknown stations and malformed settings', async () => {
    const s = await logon(sim.url, { userId: 'agent4', station: null });
    const unknown = await s.put('/connection/station', workstation('WS99'));
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as Json)['errorId'], '-2147221496');
    const noName = await s.put('/connection/station', { __type: RequestUrn.workstation });
    assert.equal(noName.status, 400);
    assert.equal((noName.body as Json)['propertyName'], 'workstation');
    assert.equal((await s.put('/connection/station', { workstation: 'WS04' })).status, 400, '__type is required');
  });

  it('keeps one user per station: the first one wins', async () => {
    await logon(sim.url, { userId: 'agent5', station: 'WS05' });
    const other = await logon(sim.url, { userId: 'agent6', station: null });
    const r = await other.put('/connection/station', workstation('WS05'));
    assert.equal(r.status, 400);
    assert.equal((r.body as Json)['errorId'], 'error.request.connection.stationInUse');
  });

  it('keeps one station per user: logging on elsewhere drops the first session', async () => {
    const first = await logon(sim.url, { userId: 'agent7', station: 'WS07' });
    const second = await logon(sim.url, { userId: 'agent7', station: 'WS08' });
    const [down] = await first.poll();
    assert.equal(down?.['__type'], 'urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal(down?.['newConnectionState'], 2);
    assert.equal(down?.['shouldReconnect'], false);
    assert.equal((await first.get('/connection/station')).status, 401);
    assert.deepEqual(((await second.get('/status/user-statuses/agent7')).body as Json)['stations'], ['WS08']);
    const third = await logon(sim.url, { userId: 'agent9', station: null });
    assert.equal((await third.put('/connection/station', workstation('WS07'))).status, 200, 'WS07 was released');
  });

  it('takes station settings in the logon body', async () => {
    const r = await call(
      'POST',
      `${sim.url}/icws/connection?include=effective-station`,
      { __type: RequestUrn.icAuth, applicationName: 'tests', userID: 'agent8', password: '1234', stationSettings: workstation('WS10') },
      { 'Accept-Language': 'en-us' },
    );
    assert.equal(r.status, 201);
    assert.equal((((r.body as Json)['effectiveStation'] as Json)['stationId'] as Json)['id'], 'WS10');
    const refused = await call(
      'POST',
      `${sim.url}/icws/connection`,
      { __type: RequestUrn.icAuth, applicationName: 'tests', userID: 'agent9', password: '1234', stationSettings: workstation('WS10') },
      { 'Accept-Language': 'en-us' },
    );
    assert.equal(refused.status, 400, 'WS10 is taken');
    const state = sim.state() as { sessions: { userId: string }[] };
    assert.equal(state.sessions.filter((x) => x.userId === 'agent9').length, 1, 'the refused logon left no session');
  });

  it('sends the station subscription snapshot, then each change', async () => {
    const s = await logon(sim.url, { userId: 'supervisor1', station: null });
    const [snapshot] = await s.subscribe('connection/station');
    assert.equal(snapshot?.['__type'], 'urn:inin.com:connection:stationConnectionStateChangeMessage');
    assert.equal(snapshot?.['isDelta'], false);
    assert.equal((snapshot?.['newStationInfo'] as Json)['stationSetting'], 0);
    await s.put('/connection/station', workstation('WS11'));
    const change = (await s.poll()).find((m) => m['__type'] === 'urn:inin.com:connection:stationConnectionStateChangeMessage');
    assert.equal(change?.['isDelta'], true);
    assert.equal((change?.['newStationInfo'] as Json)['id'], 'WS11');
    assert.equal((change?.['previousStationInfo'] as Json)['stationSetting'], 0);
  });
});
