/**
 * The alternate-host walk over real HTTP on 127.0.0.1 (only the walk/redirect mechanics; the
 * session itself is exercised against the simulator in test/contract).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { CicConnector } from './connector.js';
import { CicError } from './errors.js';
import { resolveAlternate } from './hosts.js';

interface TinyServer {
  readonly port: number;
  readonly host: string;
  readonly url: string;
  readonly hits: string[];
  close(): Promise<void>;
}

const open: TinyServer[] = [];
after(async () => {
  await Promise.all(open.map((s) => s.close()));
});

async function tinyServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  at: { host?: string; port?: number } = {},
): Promise<TinyServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => handler(req, res));
  });
  const host = at.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(at.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  const tiny: TinyServer = {
    port,
    host: `${host}:${port}`,
    url: `http://${host}:${port}`,
    hits,
    close: () =>
      closed
        ? Promise.resolve()
        : new Promise((resolve) => {
            closed = true;
            server.closeAllConnections();
            server.close(() => resolve());
          }),
  };
  open.push(tiny);
  return tiny;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/vnd.inin.icws+json', ...headers });
  res.end(JSON.stringify(body));
}

function redirectTo(...hosts: string[]) {
  return (_req: IncomingMessage, res: ServerResponse) =>
    send(res, 503, {
      errorId: 'error.server.notAcceptingConnections',
      message: 'This server is not accepting connections.',
      alternateHostList: hosts,
    });
}

function accept(sessionId: string, alternates: string[] = []) {
  return (_req: IncomingMessage, res: ServerResponse) =>
    send(
      res,
      201,
      { sessionId, csrfToken: `csrf-${sessionId}`, alternateHostList: alternates, userID: 'agent1' },
      { 'Set-Cookie': `icws_${sessionId}=v; Path=/icws/${sessionId}; HttpOnly` },
    );
}

async function closedPort(): Promise<TinyServer> {
  const server = await tinyServer(() => undefined);
  await server.close();
  return server;
}

const auth = { kind: 'ic', userId: 'agent1', password: '1234' } as const;

describe('resolveAlternate', () => {
  const from = new URL('https://cic1.example:8019/proxy');
  it('keeps scheme, port and base path for a bare host, and takes an explicit port', () => {
    assert.equal(resolveAlternate('cic2', from)?.href, 'https://cic2:8019/proxy');
    assert.equal(resolveAlternate('cic2:9000', from)?.href, 'https://cic2:9000/proxy');
    assert.equal(resolveAlternate('http://cic3:8018', from)?.href, 'http://cic3:8018/');
  });
  it('drops empty and malformed entries', () => {
    for (const bad of ['', '  ', 'cic2/path', 'user@cic2', 'cic2:notaport']) {
      assert.equal(resolveAlternate(bad, from), null, bad);
    }
  });
});

describe('the 503 alternate-host walk', () => {
  it('follows alternateHostList from a 503 to the host that accepts, keeping the same scheme', async () => {
    const backup = await tinyServer(accept('2001'));
    const primary = await tinyServer(redirectTo('127.0.0.1:1', backup.host));
    // 127.0.0.1:1 refuses connections: the walk moves on to the next entry.
    const connector = new CicConnector({ server: primary.url, applicationName: 'Softphone' });
    const client = await connector.logon(auth);
    assert.equal(client.sessionId, '2001');
    assert.equal(client.session.origin, backup.url);
    assert.equal(primary.hits.length, 1);
    assert.deepEqual(backup.hits, [
      'POST /icws/connection?include=features%2Cversion%2Ceffective-station%2Cserver-time',
    ]);
    assert.ok(connector.rememberedAlternates.includes(backup.url));
  });

  it('uses the primary port for an entry without a port', async () => {
    const primary = await tinyServer(redirectTo('127.0.0.2'));
    // The backup listens on another loopback address but on the primary's port.
    const backup = await tinyServer(accept('2002'), { host: '127.0.0.2', port: primary.port });
    const connector = new CicConnector({ server: primary.url, applicationName: 'x' });
    const client = await connector.logon(auth);
    assert.equal(client.sessionId, '2002');
    assert.equal(client.session.origin, `http://127.0.0.2:${primary.port}`);
    assert.equal(backup.hits.length, 1);
  });

  it('stops after the attempt cap and throws the last 503', async () => {
    const hosts: string[] = [];
    const chain: TinyServer[] = [];
    for (let i = 0; i < 7; i++) {
      // Each server redirects to the next one: an endless chain.
      chain.push(await tinyServer((req, res) => redirectTo(hosts[(i + 1) % 7]!)(req, res)));
      hosts.push(chain[i]!.host);
    }
    const connector = new CicConnector({ server: chain[0]!.url, applicationName: 'x', maxAttempts: 5 });
    const error = await connector.logon(auth).catch((e: unknown) => e);
    assert.ok(error instanceof CicError);
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 503);
    assert.equal(error.errorId, 'error.server.notAcceptingConnections');
    assert.deepEqual(
      chain.map((s) => s.hits.length),
      [1, 1, 1, 1, 1, 0, 0],
    );
  });

  it('does not walk on bad credentials', async () => {
    const backup = await tinyServer(accept('2003'));
    const primary = await tinyServer((_req, res) =>
      send(res, 400, { errorId: 'error.request.connection.authenticationFailure', message: 'Bad' }),
    );
    const connector = new CicConnector({
      server: primary.url,
      applicationName: 'x',
      rememberedAlternates: [backup.host],
    });
    const error = await connector.logon(auth).catch((e: unknown) => e);
    assert.ok(error instanceof CicError);
    assert.equal(error.errorId, 'error.request.connection.authenticationFailure');
    assert.equal(backup.hits.length, 0);
  });

  it('remembers alternates from a successful logon and tries them when the primary is unreachable', async () => {
    const backup = await tinyServer(accept('3002'));
    const primary = await tinyServer(accept('3001', [backup.host]));
    const connector = new CicConnector({ server: primary.url, applicationName: 'x' });
    assert.equal((await connector.logon(auth)).sessionId, '3001');
    assert.deepEqual(connector.rememberedAlternates, [backup.url]);
    await primary.close();
    const client = await connector.logon(auth);
    assert.equal(client.sessionId, '3002');
    assert.equal(client.session.origin, backup.url);
  });

  it('tries remembered alternates after a 503 list that leads nowhere', async () => {
    const dead = await closedPort();
    const remembered = await tinyServer(accept('4002'));
    const primary = await tinyServer(redirectTo(dead.host));
    const connector = new CicConnector({
      server: primary.url,
      applicationName: 'x',
      rememberedAlternates: [remembered.host],
    });
    assert.equal((await connector.logon(auth)).sessionId, '4002');
  });

  it('reports an unreachable primary without alternates as a network error', async () => {
    const dead = await closedPort();
    const connector = new CicConnector({ server: dead.url, applicationName: 'x' });
    const error = await connector.logon(auth).catch((e: unknown) => e);
    assert.ok(error instanceof CicError);
    assert.equal(error.kind, 'network');
  });

  it('stops walking when aborted', async () => {
    const controller = new AbortController();
    const backup = await tinyServer(accept('5002'));
    const primary = await tinyServer((req, res) => {
      controller.abort();
      redirectTo(backup.host)(req, res);
    });
    const connector = new CicConnector({ server: primary.url, applicationName: 'x' });
    const error = await connector.logon(auth, { signal: controller.signal }).catch((e: unknown) => e);
    assert.ok(error instanceof CicError);
    assert.equal(error.kind, 'aborted');
    assert.equal(backup.hits.length, 0);
  });
});
