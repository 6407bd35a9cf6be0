import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../index.js';
import { call, logon, postJson, type Json } from './testing.js';
import { RequestUrn } from './wire.js';

function rawPost(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const icAuth = (userID: string, password: string) => ({ __type: RequestUrn.icAuth, applicationName: 'tests', userID, password });

describe('POST /icws/connection', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('creates a session: 201, body, headers and the path-scoped cookie', async () => {
    const r = await call('POST', `${sim.url}/icws/connection?include=features,version,effective-station,server-time`, icAuth('agent1', '1234'), {
      'Accept-Language': 'en-US,en;q=0.9',
    });
    assert.equal(r.status, 201);
    const body = r.body as Json;
    assert.match(String(body['sessionId']), /^\d+$/);
    assert.equal(typeof body['csrfToken'], 'string');
    assert.deepEqual(body['alternateHostList'], []);
    assert.equal(body['userID'], 'agent1');
    assert.equal(body['userDisplayName'], 'Alice Martin');
    assert.equal(body['effectiveStation'], null);
    assert.match(String((body['serverTimeInfo'] as Json)['serverUtcTime']), /^\d{8}T\d{6}Z$/);
    assert.equal(typeof (body['version'] as Json)['majorVersion'], 'string');
    const features = body['features'] as { featureId: string; version: number }[];
    assert.equal(features.find((f) => f.featureId === 'messaging')?.version, 2);
    assert.equal(r.headers.get('inin-icws-session-id'), body['sessionId']);
    assert.equal(r.headers.get('inin-icws-csrf-token'), body['csrfToken']);
    assert.equal(r.headers.get('location'), `/icws/${body['sessionId']}/connection`);
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^icws_${body['sessionId']}=[0-9a-f-]{36}\\|languageId=en-us; Path=/icws/${body['sessionId']}; HttpOnly$`));
  });

  it('leaves out what include= does not ask for', async () => {
    const r = await call('POST', `${sim.url}/icws/connection`, icAuth('agent2', '1234'), { 'Accept-Language': 'en-us' });
    assert.equal(r.status, 201);
    const body = r.body as Json;
    for (const key of ['features', 'version', 'effectiveStation', 'serverTimeInfo']) assert.equal(key in body, false, key);
  });

  it('answers bad credentials with 400 authenticationFailure', async () => {
    for (const [user, password] of [
      ['agent1', 'wrong'],
      ['nobody', '1234'],
    ] as const) {
      const r = await call('POST', `${sim.url}/icws/connection`, icAuth(user, password), { 'Accept-Language': 'en-us' });
      assert.equal(r.status, 400);
      assert.equal((r.body as Json)['errorId'], 'error.request.connection.authenticationFailure');
      assert.equal(typeof (r.body as Json)['message'], 'string');
    }
  });

  it('requires Accept-Language and a valid body', async () => {
    // fetch always sends Accept-Language, so this one goes out through node:http.
    const noLang = await rawPost(`${sim.url}/icws/connection`, JSON.stringify(icAuth('agent1', '1234')));
    assert.equal(noLang.status, 400);
    assert.match(noLang.text, /Accept-Language/);
    const noUser = await call('POST', `${sim.url}/icws/connection`, { __type: RequestUrn.icAuth, applicationName: 'x', password: '1234' }, {
      'Accept-Language': 'en-us',
    });
    assert.equal(noUser.status, 400);
    assert.equal((noUser.body as Json)['propertyName'], 'userID');
    assert.match(String((noUser.body as Json)['message']), /userID/);
    const badType = await call('POST', `${sim.url}/icws/connection`, { __type: 'urn:inin.com:connection:windowsAuth', applicationName: 'x' }, {
      'Accept-Language': 'en-us',
    });
    assert.equal(badType.status, 400);
    assert.equal((badType.body as Json)['propertyName'], '__type');
    const notJson = await call('POST', `${sim.url}/icws/connection`, '{nope', { 'Accept-Language': 'en-us' });
    assert.equal(notJson.status, 400);
    const form = await call('POST', `${sim.url}/icws/connection`, 'userID=agent1', {
      'Accept-Language': 'en-us',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);
  });

  it('accepts plain application/json and answers in it', async () => {
    const r = await call('POST', `${sim.url}/icws/connection`, icAuth('agent3', '1234'), {
      'Accept-Language': 'en-us',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    assert.equal(r.status, 201);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const icws = await call('POST', `${sim.url}/icws/connection`, icAuth('agent3', '1234'), { 'Accept-Language': 'en-us' });
    assert.match(icws.headers.get('content-type') ?? '', /^application\/vnd\.inin\.icws\+JSON/);
  });

  it('logs on with a single sign-on token, once', async () => {
    const token = (await postJson(`${sim.url}/sim/v1/sso-tokens`, { userId: 'agent4' })).body as Json;
    const body = { __type: RequestUrn.singleSignOn, applicationName: 'tests', singleSignOnToken: token['token'] };
    const first = await call('POST', `${sim.url}/icws/connection`, body, { 'Accept-Language': 'en-us' });
    assert.equal(first.status, 201);
    assert.equal((first.body as Json)['userID'], 'agent4');
    const again = await call('POST', `${sim.url}/icws/connection`, body, { 'Accept-Language': 'en-us' });
    assert.equal(again.status, 400);
    assert.equal((again.body as Json)['errorId'], 'error.request.connection.authenticationFailure');
  });

  it('serves a demo identity provider that hands a token to the opener', async () => {
    const origin = 'http://127.0.0.1:9999';
    const page = await fetch(`${sim.url}/icws/connection/single-sign-on/identity-providers/demo-idp?webBrowserApplicationOrigin=${encodeURIComponent(origin)}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const link = /href="([^"]*userId=agent2[^"]*)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
    assert.ok(link, html);
    const done = await (await fetch(`${sim.url}${link}`)).text();
    const payload = /postMessage\((\{.*?\}), "([^"]+)"\)/.exec(done);
    assert.ok(payload, done);
    assert.equal(payload[2], origin);
    const message = JSON.parse(payload[1] as string) as { key: string; data: { token: string } };
    assert.equal(message.key, 'icwsSsoComplete');
    const r = await call('POST', `${sim.url}/icws/connection`, { __type: RequestUrn.singleSignOn, applicationName: 'tests', singleSignOnToken: message.data.token }, {
      'Accept-Language': 'en-us',
    });
    assert.equal((r.body as Json)['userID'], 'agent2');
    assert.equal((await fetch(`${sim.url}/icws/connection/single-sign-on/identity-providers/nope`)).status, 404);
  });

  it('hands a session over with a unique auth token', async () => {
    const a = await logon(sim.url, { userId: 'agent5', station: null });
    const token = await a.post('/connection/unique-auth-token', { authTokenSeed: 'a3c1c2f0-1111-2222-3333-444455556666' });
    assert.equal(token.status, 200);
    const r = await call(
      'POST',
      `${sim.url}/icws/connection`,
      {
        __type: RequestUrn.authToken,
        applicationName: 'tests',
        authToken: (token.body as Json)['authToken'],
        authTokenSourceSession: a.sessionId,
        disconnectSourceSession: true,
      },
      { 'Accept-Language': 'en-us' },
    );
    assert.equal(r.status, 201);
    assert.equal((r.body as Json)['userID'], 'agent5');
    assert.equal((await a.get('/connection/station')).status, 401, 'the source session was disconnected');
  });

  it('serves server-info, version, features and server time without a session', async () => {
    const info = (await call('GET', `${sim.url}/icws/connection/server-info`, undefined, { 'Accept-Language': 'fr-FR' })).body as Json;
    assert.equal(info['acceptLanguage'], 'fr-fr');
    const auth = info['authentication'] as Json;
    assert.equal(auth['allowIcAuth'], true);
    assert.deepEqual(auth['identityProviders'], [{ displayName: 'Demo single sign-on', identityProviderId: 'demo-idp', builtInIdentityProvider: false }]);
    assert.match(String(auth['userAgreementText']), /simulated/);
    assert.equal(((await call('GET', `${sim.url}/icws/connection/version`)).body as Json)['productId'], 'ICServer');
    const features = (await call('GET', `${sim.url}/icws/connection/features`)).body as Json;
    assert.ok(Array.isArray(features['featureInfoList']));
    assert.deepEqual((await call('GET', `${sim.url}/icws/connection/features/messaging`)).body, { featureId: 'messaging', version: 2 });
    assert.equal((await call('GET', `${sim.url}/icws/connection/features/teleportation`)).status, 400);
    assert.match(String(((await call('GET', `${sim.url}/icws/connection/server-time`)).body as Json)['serverUtcTime']), /Z$/);
  });

  it('reports the connection state, logs off, then answers 401 with WWW-Authenticate', async () => {
    const s = await logon(sim.url, { userId: 'agent6', station: null });
    assert.deepEqual((await s.get('/connection')).body, { connectionState: 1 });
    assert.equal((await s.delete('/connection')).status, 200);
    const gone = await s.get('/connection/station');
    assert.equal(gone.status, 401);
    assert.match(gone.headers.get('www-authenticate') ?? '', /ICWS realm="ICWS"/);
    const state = await s.get('/connection');
    assert.equal(state.status, 200, 'the connection state of an ended session can still be read');
    assert.equal((state.body as Json)['connectionState'], 2);
    assert.equal((state.body as Json)['shouldReconnect'], false);
  });

  it('changes the password, with the policy error list on failure', async () => {
    const s = await logon(sim.url, { userId: 'agent7', station: null });
    const wrongOld = await s.post('/security/password', { oldPassword: 'nope', newPassword: 'abcd1234' });
    assert.equal(wrongOld.status, 400);
    const err = wrongOld.body as Json;
    assert.equal(err['__type'], 'urn:inin.com:security:passwordError');
    assert.deepEqual((err['passwordErrors'] as Json[]).map((e) => e['passwordPolicyErrorId']), [7]);
    const tooShort = await s.post('/security/password', { oldPassword: '1234', newPassword: 'ab' });
    assert.deepEqual(((tooShort.body as Json)['passwordErrors'] as Json[]).map((e) => e['passwordPolicyErrorId']), [3]);
    const reused = await s.post('/security/password', { oldPassword: '1234', newPassword: '1234' });
    assert.deepEqual(((reused.body as Json)['passwordErrors'] as Json[]).map((e) => e['passwordPolicyErrorId']), [1]);
    assert.equal((await s.post('/security/password', { oldPassword: '1234', newPassword: 'n3w-pass' })).status, 204);
    const oldFails = await call('POST', `${sim.url}/icws/connection`, icAuth('agent7', '1234'), { 'Accept-Language': 'en-us' });
    assert.equal(oldFails.status, 400);
    const newWorks = await call('POST', `${sim.url}/icws/connection`, icAuth('agent7', 'n3w-pass'), { 'Accept-Language': 'en-us' });
    assert.equal(newWorks.status, 201);
  });

  it('acquires licences the user holds', async () => {
    const s = await logon(sim.url, { userId: 'agent10', station: null });
    const r = await s.post('/licenses', { licenseList: ['I3_ACCESS_CLIENT', 'I3_ACCESS_RECORDER', 'I3_UNHEARD_OF'] });
    assert.equal(r.status, 200);
    const results = (r.body as Json)['licenseOperationResultList'] as Json[];
    assert.deepEqual(results.map((x) => [x['licenseName'], x['isAvailable'], x['licenseStatus']]), [
      ['I3_ACCESS_CLIENT', true, 2],
      ['I3_ACCESS_RECORDER', false, 3],
      ['I3_UNHEARD_OF', false, 9],
    ]);
  });
});

describe('session authentication', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  it('needs the cookie and the CSRF header on every session request', async () => {
    const s = await logon(sim.url, { station: null });
    const url = `${s.root}/status/status-messages`;
    assert.equal((await call('GET', url, undefined, s.headers())).status, 200);
    const noCsrf = await call('GET', url, undefined, { Cookie: s.cookie });
    assert.equal(noCsrf.status, 401);
    assert.equal((noCsrf.body as Json)['errorId'], 'error.request.connection.authenticationFailure');
    assert.equal((await call('GET', url, undefined, { 'ININ-ICWS-CSRF-Token': s.csrfToken })).status, 401);
    assert.equal((await call('GET', url, undefined, { Cookie: s.cookie, 'ININ-ICWS-CSRF-Token': 'forged' })).status, 401);
    const otherCookie = `icws_${s.sessionId}=00000000-0000-0000-0000-000000000000|languageId=en-us`;
    assert.equal((await call('GET', url, undefined, { Cookie: otherCookie, 'ININ-ICWS-CSRF-Token': s.csrfToken })).status, 401);
    assert.equal((await call('GET', `${sim.url}/icws/999/status/status-messages`, undefined, s.headers())).status, 401);
  });

  it('lets message retrieval through with the cookie alone (EventSource cannot set headers)', async () => {
    const s = await logon(sim.url, { userId: 'agent2', station: null });
    const r = await call('GET', `${s.root}/messaging/messages`, undefined, { Cookie: s.cookie });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, []);
    assert.equal((await call('GET', `${s.root}/messaging/messages`)).status, 401);
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    const s = await logon(sim.url, { userId: 'agent3', station: null });
    assert.equal((await s.get('/no/such/thing')).status, 404);
    const wrong = await s.request('PATCH', '/connection/station');
    assert.equal(wrong.status, 405);
    assert.match(wrong.headers.get('allow') ?? '', /PUT/);
  });
});

describe('CORS', () => {
  const allowed = 'http://127.0.0.1:9999';
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ allowedOrigins: [allowed] });
  });
  after(() => sim.close());

  it('answers a preflight from an allowed origin', async () => {
    const r = await call('OPTIONS', `${sim.url}/icws/connection`, undefined, {
      Origin: allowed,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,inin-icws-csrf-token',
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), allowed);
    assert.equal(r.headers.get('access-control-allow-credentials'), 'true');
    assert.match(r.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.match(r.headers.get('access-control-allow-headers') ?? '', /inin-icws-csrf-token/);
  });

  it('refuses a preflight from another origin', async () => {
    const r = await call('OPTIONS', `${sim.url}/icws/connection`, undefined, {
      Origin: 'http://evil.invalid',
      'Access-Control-Request-Method': 'POST',
    });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('access-control-allow-origin'), null);
  });

  it('adds credentials headers to responses for the allowed origin only', async () => {
    const ok = await call('POST', `${sim.url}/icws/connection`, icAuth('agent1', '1234'), { 'Accept-Language': 'en-us', Origin: allowed });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), allowed);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /ININ-ICWS-CSRF-Token/);
    const failed = await call('POST', `${sim.url}/icws/connection`, icAuth('agent1', 'bad'), { 'Accept-Language': 'en-us', Origin: allowed });
    assert.equal(failed.headers.get('access-control-allow-origin'), allowed, 'errors carry CORS headers too');
    const other = await call('POST', `${sim.url}/icws/connection`, icAuth('agent1', '1234'), { 'Accept-Language': 'en-us', Origin: 'http://evil.invalid' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});
