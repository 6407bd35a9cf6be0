/** Contract: connection resources — logon (IC and SSO), 503 walk, server info, state, logoff, password, heartbeat. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CicError } from '../../src/cic/index.js';
import type { Harness } from './harness.js';
import { PASSWORD, assertContract, lastReply, rejects, startHarness } from './harness.js';

describe('contract: connection', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    assertContract(h);
    await h.close();
  });

  it('server-info lists identity providers and the user agreement text', async () => {
    const info = await h.connector().serverInfo();
    assert.ok((info.authentication?.identityProviders ?? []).length >= 1);
    assert.equal(typeof info.authentication?.userAgreementText, 'string');
    assert.equal(lastReply(h, 'GET', '/icws/connection/server-info').status, 200);
  });

  it('server-info on a server that is not there fails as network', async () => {
    const closed = await startHarness();
    const url = closed.sim.url;
    await closed.close();
    await rejects(h.connector({ server: url }).serverInfo(), { kind: 'network' });
  });

  it('logs on with IC auth: 201, session id, CSRF token, cookie, features and the includes', async () => {
    const client = await h.connector().logon({ kind: 'ic', userId: 'agent1', password: PASSWORD });
    const reply = lastReply(h, 'POST', '/icws/connection');
    assert.equal(reply.status, 201);
    assert.ok(client.sessionId.length > 0);
    assert.ok(client.session.csrfToken.length > 0);
    assert.ok(client.session.feature('messaging') >= 1);
    assert.ok(client.session.info.serverTimeInfo, 'include=server-time');
    assert.ok(client.session.info.version, 'include=version');
    assert.ok('effectiveStation' in client.session.info, 'include=effective-station');
    assert.equal(client.userId, 'agent1');
    await client.connection.logoff();
  });

  it('rejects bad credentials with 400 error.request.connection.authenticationFailure', async () => {
    await rejects(h.connector().logon({ kind: 'ic', userId: 'agent1', password: 'wrong' }), {
      kind: 'http',
      status: 400,
      errorId: 'error.request.connection.authenticationFailure',
    });
  });

  it('logs on with a single-sign-on token, and rejects a token that is not valid', async () => {
    const minted = await h.control<{ token: string }>('POST', '/sim/v1/sso-tokens', { userId: 'agent2' });
    assert.equal(minted.status, 201);
    const client = await h.connector().logon({ kind: 'sso', token: minted.body.token });
    assert.equal(client.userId, 'agent2');
    await client.logoff();
    await rejects(h.connector().logon({ kind: 'sso', token: minted.body.token }), {
      kind: 'http',
      status: 400,
    });
  });

  it('reads the connection state, then logs off; later calls fail fast', async () => {
    const client = await h.connector().logon({ kind: 'ic', userId: 'agent3', password: PASSWORD });
    const state = await client.connection.state();
    assert.equal(state.connectionState, 1);
    await client.logoff();
    assert.ok([200, 204].includes(lastReply(h, 'DELETE', `/icws/${client.sessionId}/connection`).status));
    const error = await rejects(client.connection.heartbeat(), { kind: 'session-lost' });
    assert.equal(error.reason, 'logged off');
    await rejects(client.connection.logoff(), { kind: 'session-lost' });
    const down = await client.connection.state();
    assert.equal(down.connectionState, 2, 'GET connection reports the previous connection as down');
  });

  it('sends a heartbeat; on a dropped session the 401 is reported once as session-lost', async () => {
    const client = await h.connector().logon({ kind: 'ic', userId: 'agent4', password: PASSWORD });
    await client.connection.heartbeat();
    const losses: string[] = [];
    client.onSessionLost((loss) => losses.push(loss.reason));
    const dropped = await h.control('POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent4' });
    assert.equal(dropped.status, 200);
    const error = await rejects(client.connection.heartbeat(), { kind: 'session-lost', status: 401 });
    assert.equal(lastReply(h, 'POST', '/messaging/heartbeat').status, 401);
    await rejects(client.connection.heartbeat(), { kind: 'session-lost' });
    assert.equal(losses.length, 1);
    assert.equal(losses[0], error.reason);
    const after = await client.connection.state();
    assert.equal(after.connectionState, 2, 'GET connection still answers for a previous connection');
  });

  it('changes the password, and returns the policy errors for one that is too short', async () => {
    const client = await h.connector().logon({ kind: 'ic', userId: 'agent5', password: PASSWORD });
    const rejected = await client.connection.changePassword(PASSWORD, 'ab');
    assert.equal(rejected.changed, false);
    if (!rejected.changed)
      assert.ok(
        rejected.errors.some((e) => e.id === 3),
        JSON.stringify(rejected),
      );
    assert.deepEqual(await client.connection.changePassword(PASSWORD, 'n3w-pass'), { changed: true });
    await client.logoff();
    const again = await h.connector().logon({ kind: 'ic', userId: 'agent5', password: 'n3w-pass' });
    await again.logoff();
    await rejects(h.connector().logon({ kind: 'ic', userId: 'agent5', password: PASSWORD }), {
      kind: 'http',
      status: 400,
    });
  });
});

describe('contract: switchover and the 503 alternate-host walk', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ backupPort: 0 });
  });
  after(async () => {
    assertContract(h);
    await h.close();
  });

  it('ends sessions on switchover (down message once), then logs on again through the 503 walk', async () => {
    assert.ok(h.sim.backupUrl, 'the pair has a backup');
    const agent = await h.agent('agent1');
    const connector = h.connector();
    const fault = await h.control('POST', '/sim/v1/faults', { kind: 'switchover' });
    assert.equal(fault.status, 200);
    await agent.until(() => agent.lost !== null, 'session lost');
    const down = await agent.next('urn:inin.com:connection:connectionStateChangeMessage');
    assert.equal(down.newConnectionState, 2);
    await rejects(agent.client.status.statusMessages(), { kind: 'session-lost' });

    const client = await connector.logon({ kind: 'ic', userId: 'agent1', password: PASSWORD });
    const refused = h.records.find((r) => r.path === '/icws/connection' && r.status === 503);
    assert.ok(refused, 'the old primary answered 503');
    assert.equal((refused.body as { errorId?: string }).errorId, 'error.server.notAcceptingConnections');
    assert.equal(client.session.origin, new URL(h.sim.backupUrl).origin);
    assert.ok(connector.rememberedAlternates.includes(new URL(h.sim.backupUrl).href.replace(/\/$/, '')));
    await client.logoff();
  });

  it('fails with the last 503 when the walk is capped before it reaches an accepting host', async () => {
    const error = await h
      .connector({ maxAttempts: 1 })
      .logon({ kind: 'ic', userId: 'agent2', password: PASSWORD })
      .catch((e: unknown) => e);
    assert.ok(error instanceof CicError);
    assert.equal(error.status, 503);
    assert.equal(error.errorId, 'error.server.notAcceptingConnections');
  });
});
