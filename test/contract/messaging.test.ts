/** Contract: message delivery over SSE (fetch streams) and short polling. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withHarness } from './harness.js';

describe('contract: messaging', () => {
  it('SSE: the stream is text/event-stream and :ping comments are ignored', () =>
    withHarness(
      async (h) => {
        const a1 = await h.agent('agent1', { messaging: { heartbeatIntervalMs: 25 } });
        assert.equal(a1.client.messages.mode, 'sse');
        const id = await h.call({ user: 'agent1' });
        await a1.state(id, 'A');
        await a1.client.interactions.pickup(id);
        await a1.state(id, 'C');
        const stream = h.records.find((r) => r.path.endsWith('/messaging/messages'));
        assert.ok(stream);
        assert.equal(stream.status, 200);
        assert.match(stream.contentType, /^text\/event-stream/);
        assert.equal(a1.errors.length, 0, a1.errors.map((e) => e.message).join('; '));
      },
      { pingIntervalMs: 10 },
    ));

  it('short polling when the server offers messaging version 1: [] when empty, then the messages', () =>
    withHarness(
      async (h) => {
        const a1 = await h.agent('agent1');
        assert.equal(a1.client.session.feature('messaging'), 1);
        assert.equal(a1.client.messages.mode, 'poll');
        await h.until(
          () =>
            h.records.some(
              (r) => r.path.endsWith('/messaging/messages') && Array.isArray(r.body) && r.body.length === 0,
            ),
          'an empty poll',
        );
        const id = await h.call({ user: 'agent1' });
        await a1.state(id, 'A');
        await a1.client.interactions.pickup(id);
        await a1.state(id, 'C');
        const polls = h.records.filter((r) => r.path.endsWith('/messaging/messages'));
        assert.ok(polls.every((r) => r.status === 200 && Array.isArray(r.body)));
      },
      { messagingVersion: 1 },
    ));

  it('a malformed message is reported once as a schema error and the stream goes on', () =>
    withHarness(
      async (h) => {
        const a1 = await h.agent('agent1');
        const fault = await h.control('POST', '/sim/v1/faults', {
          kind: 'malformed-message',
          userId: 'agent1',
        });
        assert.equal(fault.status, 200);
        await a1.until(() => a1.errors.length > 0, 'the malformed message');
        assert.equal(a1.errors[0]?.kind, 'schema');
        const id = await h.call({ user: 'agent1' });
        await a1.state(id, 'A');
        assert.equal(a1.lost, null);
        assert.equal(a1.errors.length, 1);
      },
      {},
      { allowSchemaErrors: 1 },
    ));

  it('a dropped session is reported once as lost over SSE and over polling', async () => {
    for (const messagingVersion of [2, 1] as const) {
      await withHarness(
        async (h) => {
          const a1 = await h.agent('agent1');
          const losses: string[] = [];
          a1.client.onSessionLost((loss) => losses.push(loss.reason));
          await h.control('POST', '/sim/v1/faults', { kind: 'drop-session', userId: 'agent1' });
          await a1.until(() => a1.lost !== null, 'session lost');
          await a1.until(() => !a1.client.messages.running, 'messaging stopped');
          assert.equal(losses.length, 1);
        },
        { messagingVersion },
      );
    }
  });
});
