/**
 * The ICWS client in Chromium against a real simulator on another origin: CORS with credentials
 * (the browser keeps the `icws_<id>` cookie), the CSRF header through preflight, SSE read through
 * fetch streams, and a session loss.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { CicConnector, QueueContentsCache, isUnrecognized } from './index.js';
import type { CicClient, CicError, CicMessage } from './index.js';

interface Sim {
  readonly id: string;
  readonly url: string;
  readonly pageOrigin: string;
}

async function control(sim: Sim, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, sim.url), {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Collects messages and resolves waits as they arrive (no timers). */
function collect(client: CicClient) {
  const messages: CicMessage[] = [];
  const errors: CicError[] = [];
  const queue = new QueueContentsCache();
  let wake: () => void = () => undefined;
  client.onMessage((message) => {
    messages.push(message);
    if (!isUnrecognized(message) && message.__type === 'urn:inin.com:queues:queueContentsMessage') {
      queue.apply(message);
    }
    wake();
  });
  client.onMessageError((error) => {
    errors.push(error);
    wake();
  });
  return {
    messages,
    errors,
    queue,
    async until(test: () => boolean): Promise<void> {
      while (!test()) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
}

describe('ICWS client in the browser', () => {
  let sim: Sim;

  before(async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
  });
  after(async () => {
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('logs on across origins, streams SSE through fetch and controls a call', async () => {
    expect(new URL(sim.url).origin).to.not.equal(location.origin);
    const connector = new CicConnector({
      server: sim.url,
      applicationName: 'Browser test',
      client: { messaging: { heartbeatIntervalMs: 0 } },
    });
    const info = await connector.serverInfo();
    expect(info.authentication?.identityProviders?.length ?? 0).to.be.greaterThan(0);
    const client = await connector.logon({ kind: 'ic', userId: 'agent1', password: '1234' });
    const seen = collect(client);
    client.startMessaging();
    expect(client.messages.mode).to.equal('sse');
    // Only the browser's cookie jar can authenticate these: Set-Cookie is not readable here.
    await client.station.set({ kind: 'workstation', workstation: 'WS01' });
    await client.subscriptions.queue(
      'mine',
      [{ queueType: 0, queueName: 'agent1' }],
      ['Eic_State', 'Eic_RemoteName'],
    );
    await seen.until(() => seen.messages.length > 0);

    const offered = (await control(sim, 'POST', '/sim/v1/calls', {
      from: '+13175550101',
      fromName: 'Pat Doe',
      to: { user: 'agent1' },
    })) as { interactionId: string };
    const id = offered.interactionId;
    const state = (): string | undefined => seen.queue.get('mine').get(id)?.attributes['Eic_State'];
    await seen.until(() => state() === 'A');
    expect(seen.queue.get('mine').get(id)?.attributes['Eic_RemoteName']).to.equal('Pat Doe');
    await client.interactions.pickup(id);
    await seen.until(() => state() === 'C');
    await client.interactions.disconnect(id);
    await seen.until(() => state() === 'I');

    expect(seen.messages.filter(isUnrecognized)).to.deep.equal([]);
    expect(seen.errors).to.deep.equal([]);
    await client.logoff();
  });

  it('reports a dropped session once as session-lost and fails later calls without sending', async () => {
    const connector = new CicConnector({
      server: sim.url,
      applicationName: 'Browser test',
      client: { messaging: { heartbeatIntervalMs: 0 } },
    });
    const client = await connector.logon({ kind: 'ic', userId: 'agent2', password: '1234' });
    client.startMessaging();
    const reasons: string[] = [];
    let lost: () => void = () => undefined;
    const lostOnce = new Promise<void>((resolve) => (lost = resolve));
    client.onSessionLost((loss) => {
      reasons.push(loss.reason);
      lost();
    });
    await control(sim, 'POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent2' });
    await lostOnce;
    const error = await client.status.statusMessages().then(
      () => null,
      (e: unknown) => e as CicError,
    );
    expect(error?.kind).to.equal('session-lost');
    expect(reasons).to.have.length(1);
  });

  it('refuses to send the session credentials to another origin', async () => {
    const connector = new CicConnector({ server: sim.url, applicationName: 'Browser test' });
    const client = await connector.logon({ kind: 'ic', userId: 'agent3', password: '1234' });
    const foreign = new URL(`${location.origin}/icws/${client.sessionId}/messaging/messages`);
    expect(() => client.session.authHeaders(foreign)).to.throw(/origin guard/);
    await client.logoff();
  });
});
