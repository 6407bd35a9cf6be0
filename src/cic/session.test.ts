import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicConnector, LOGON_INCLUDE, sessionCookie } from './connector.js';
import { CicError } from './errors.js';
import type { SessionLoss } from './session.js';
import { fakeFetch, jsonResponse, logonReply, sessionRoutes } from './testing/fake-fetch.js';
import type { Responder } from './testing/fake-fetch.js';

const SERVER = 'http://127.0.0.1:8018';

async function logon(responder: Responder, logonResponse?: () => Response) {
  const fetch = fakeFetch(sessionRoutesWith(responder, logonResponse ?? (() => logonReply())));
  const connector = new CicConnector({
    server: SERVER,
    applicationName: 'Softphone',
    language: 'fr-fr',
    fetch,
  });
  const client = await connector.logon({ kind: 'ic', userId: 'agent1', password: 'secret' });
  return { client, fetch };
}

function sessionRoutesWith(responder: Responder, logonResponse: () => Response): Responder {
  return (request) =>
    request.method === 'POST' && request.url.pathname === '/icws/connection'
      ? logonResponse()
      : responder(request);
}

async function failure(promise: Promise<unknown>): Promise<CicError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CicError, `expected a CicError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('logon request', () => {
  it('posts IC auth with userID, Accept-Language and the include list, with credentials', async () => {
    const { client, fetch } = await logon(sessionRoutes({}));
    const request = fetch.calls[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url.pathname, '/icws/connection');
    assert.equal(request.url.searchParams.get('include'), LOGON_INCLUDE);
    assert.equal(request.headers.get('accept-language'), 'fr-fr');
    assert.equal(request.credentials, 'include');
    assert.deepEqual(request.body, {
      __type: 'urn:inin.com:connection:icAuthConnectionRequestSettings',
      applicationName: 'Softphone',
      userID: 'agent1',
      password: 'secret',
    });
    assert.equal(client.sessionId, '54613001');
    assert.equal(client.session.feature('messaging'), 2);
    assert.equal(client.session.feature('nope'), 0);
  });

  it('posts the single-sign-on token variant', async () => {
    const fetch = fakeFetch(sessionRoutes({}));
    const connector = new CicConnector({ server: `${SERVER}/`, applicationName: 'Softphone', fetch });
    await connector.logon({ kind: 'sso', token: 'tok-1' });
    assert.deepEqual(fetch.calls[0]?.body, {
      __type: 'urn:inin.com:connection:singleSignOnTokenConnectionRequestSettings',
      applicationName: 'Softphone',
      singleSignOnToken: 'tok-1',
    });
    assert.equal(fetch.calls[0]?.headers.get('accept-language'), 'en-us');
  });

  it('rejects bad credentials as an http error with the documented errorId, without walking', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(400, {
        errorId: 'error.request.connection.authenticationFailure',
        message: 'Bad password',
      }),
    );
    const connector = new CicConnector({ server: SERVER, applicationName: 'Softphone', fetch });
    const error = await failure(connector.logon({ kind: 'ic', userId: 'agent1', password: 'x' }));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 400);
    assert.equal(error.errorId, 'error.request.connection.authenticationFailure');
    assert.equal(fetch.calls.length, 1);
  });

  it('reports a 201 whose body misses the csrfToken as a schema error', async () => {
    const fetch = fakeFetch(() => jsonResponse(201, { sessionId: '1' }));
    const connector = new CicConnector({ server: SERVER, applicationName: 'Softphone', fetch });
    const error = await failure(connector.logon({ kind: 'ic', userId: 'agent1', password: 'x' }));
    assert.equal(error.kind, 'schema');
    assert.equal(error.path, 'csrfToken');
  });
});

describe('session requests', () => {
  it('send the CSRF header, the captured icws_<id> cookie and credentials on every request', async () => {
    const { client, fetch } = await logon(
      sessionRoutes({ 'POST interactions/1001/pickup': () => jsonResponse(200) }),
    );
    await client.interactions.pickup('1001');
    const request = fetch.calls[1]!;
    assert.equal(request.url.href, `${SERVER}/icws/54613001/interactions/1001/pickup`);
    assert.equal(request.headers.get('ININ-ICWS-CSRF-Token'), 'csrf-token-1');
    assert.equal(request.headers.get('cookie'), 'icws_54613001=8d3f|languageId=en-us');
    assert.equal(request.credentials, 'include');
  });

  it('sends no Cookie header when the logon reply exposed none (as in browsers)', async () => {
    const { client, fetch } = await logon(
      sessionRoutes({ 'POST interactions/1/pickup': () => jsonResponse(200) }),
      () => logonReply({}, { cookie: false }),
    );
    await client.interactions.pickup('1');
    assert.equal(fetch.calls[1]?.headers.get('cookie'), null);
    assert.equal(fetch.calls[1]?.headers.get('ININ-ICWS-CSRF-Token'), 'csrf-token-1');
  });

  it('picks the icws_<sessionId> cookie among several Set-Cookie headers', () => {
    const headers = new Headers();
    headers.append('Set-Cookie', 'other=1; Path=/');
    headers.append('Set-Cookie', 'icws_9=zz; Path=/icws/9; HttpOnly');
    headers.append('Set-Cookie', 'icws_5=aa|languageId=en-us; Path=/icws/5; HttpOnly');
    assert.equal(sessionCookie(headers, '5'), 'icws_5=aa|languageId=en-us');
    assert.equal(sessionCookie(new Headers(), '5'), null);
  });

  it('encodes ids as single path segments so they cannot escape the session path', async () => {
    const { client, fetch } = await logon(() => jsonResponse(200));
    await client.interactions.pickup('../../x y/z');
    assert.equal(fetch.calls[1]?.url.pathname, '/icws/54613001/interactions/..%2F..%2Fx%20y%2Fz/pickup');
  });
});

describe('origin guard', () => {
  it('refuses to send the session token and cookie to another origin', async () => {
    const { client, fetch } = await logon(() => jsonResponse(200));
    const foreign = new URL('http://127.0.0.9:8018/icws/54613001/messaging/messages');
    assert.throws(() => client.session.authHeaders(foreign), /origin guard/);
    await assert.rejects(client.session.openRaw('GET', foreign, { operation: 'GET x' }), /origin guard/);
    assert.equal(fetch.calls.length, 1, 'nothing was sent after the logon');
  });

  it('builds every session URL on the origin the session was created on', async () => {
    const { client } = await logon(() => jsonResponse(200));
    const url = client.session.url('messaging/messages', { a: 'b' });
    assert.equal(url.origin, SERVER);
    assert.equal(url.search, '?a=b');
  });
});

describe('session loss', () => {
  it('reports a 401 once as session-lost with the reason and fails later calls without sending', async () => {
    const { client, fetch } = await logon(() =>
      jsonResponse(
        401,
        { errorId: 'error.request.session.invalid', message: 'Session expired' },
        {
          'WWW-Authenticate': 'ICWS realm="ICWS" location="/ICWS/connection"',
        },
      ),
    );
    const losses: SessionLoss[] = [];
    client.onSessionLost((loss) => losses.push(loss));
    const [a, b] = await Promise.all([
      failure(client.interactions.pickup('1')),
      failure(client.interactions.hold('1', true)),
    ]);
    assert.equal(a.kind, 'session-lost');
    assert.equal(a.reason, 'Session expired');
    assert.equal(a.status, 401);
    assert.equal(b.kind, 'session-lost');
    assert.deepEqual(losses, [{ reason: 'Session expired', shouldReconnect: null, source: 'unauthorized' }]);
    const sent = fetch.calls.length;
    const c = await failure(client.interactions.disconnect('1'));
    assert.equal(c.kind, 'session-lost');
    assert.equal(c.reason, 'Session expired');
    assert.equal(fetch.calls.length, sent, 'a call after the loss is not sent');
    assert.equal(losses.length, 1);
  });

  it('reports a "down" connectionStateChangeMessage once, with its reason', async () => {
    const { client, fetch } = await logon(() => jsonResponse(200));
    const losses: SessionLoss[] = [];
    client.onSessionLost((loss) => losses.push(loss));
    const down = {
      __type: 'urn:inin.com:connection:connectionStateChangeMessage',
      isDelta: false,
      previousConnectionState: 1,
      newConnectionState: 2,
      reason: 'Switchover',
      shouldReconnect: true,
    };
    client.messages.deliver(down);
    client.messages.deliver(down);
    assert.deepEqual(losses, [{ reason: 'Switchover', shouldReconnect: true, source: 'connection-down' }]);
    const error = await failure(client.status.statusMessages());
    assert.equal(error.kind, 'session-lost');
    assert.equal(fetch.calls.length, 1);
  });

  it('does not treat an "up" connection message as a loss', async () => {
    const { client } = await logon(() => jsonResponse(200));
    client.messages.deliver({
      __type: 'urn:inin.com:connection:connectionStateChangeMessage',
      isDelta: false,
      newConnectionState: 1,
    });
    assert.equal(client.session.ended, false);
  });

  it('can still read the connection state after the loss', async () => {
    const { client } = await logon((request) =>
      request.method === 'GET' && request.url.pathname.endsWith('/connection')
        ? jsonResponse(200, { connectionState: 2, reason: 'Switchover', shouldReconnect: true })
        : jsonResponse(401),
    );
    await failure(client.interactions.pickup('1'));
    assert.deepEqual(await client.connection.state(), {
      connectionState: 2,
      reason: 'Switchover',
      shouldReconnect: true,
    });
  });

  it('after logoff fails fast with session-lost "logged off" and reports no loss', async () => {
    const { client, fetch } = await logon(sessionRoutes({ 'DELETE connection': () => jsonResponse(200) }));
    let lost = 0;
    client.onSessionLost(() => lost++);
    await client.logoff();
    assert.equal(fetch.calls[1]?.method, 'DELETE');
    assert.equal(fetch.calls[1]?.url.pathname, '/icws/54613001/connection');
    const error = await failure(client.interactions.pickup('1'));
    assert.equal(error.reason, 'logged off');
    assert.equal(lost, 0);
  });
});

describe('password change', () => {
  it('resolves with the policy errors when the server rejects the new password', async () => {
    const { client, fetch } = await logon(
      sessionRoutes({
        'POST security/password': () =>
          jsonResponse(400, {
            errorId: 'error.request.security.passwordPolicy',
            message: 'The password does not meet the policy.',
            passwordErrors: [
              { passwordPolicyErrorId: 3, passwordPolicyErrorMsg: 'Too short' },
              { passwordPolicyErrorId: 11 },
            ],
          }),
      }),
    );
    const result = await client.connection.changePassword('old', 'new');
    assert.deepEqual(result, {
      changed: false,
      status: 400,
      errorId: 'error.request.security.passwordPolicy',
      message: 'The password does not meet the policy.',
      errors: [
        { id: 3, message: 'Too short' },
        { id: 11, message: null },
      ],
    });
    assert.deepEqual(fetch.calls[1]?.body, { oldPassword: 'old', newPassword: 'new' });
  });

  it('resolves changed on success and throws other failures', async () => {
    let status = 200;
    const { client } = await logon(
      sessionRoutes({
        'POST security/password': () =>
          jsonResponse(status, status === 200 ? undefined : { message: 'boom' }),
      }),
    );
    assert.deepEqual(await client.connection.changePassword('old', 'new'), { changed: true });
    status = 500;
    const error = await failure(client.connection.changePassword('old', 'new'));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 500);
  });
});
