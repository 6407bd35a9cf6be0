/**
 * Contract: voicemail, blind transfer, park, consult and conference — each with a success path and
 * at least one failure path, each test on its own simulator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOBODY, alertingAt, connected, gone, outbound } from './calls.js';
import { lastReply, rejects, withHarness } from './harness.js';

describe('contract: transfers', () => {
  it('send-to-voicemail (alerting) and transfer-to-voicemail (user); unknown interaction fails with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      await h.agent('agent2');
      const alerting = await h.call({ user: 'agent1' });
      await a1.state(alerting, 'A');
      await a1.client.interactions.sendToVoicemail(alerting);
      await a1.until(() => a1.attr(alerting, 'Eic_State') !== 'A', 'left alerting');
      const id = await connected(h, a1);
      await a1.client.transfers.transferToVoicemail(id, { target: 'agent2' });
      await a1.until(gone(a1, id), 'transferred away');
      await rejects(a1.client.interactions.sendToVoicemail(NOBODY), { kind: 'http', status: 404 });
      await rejects(a1.client.transfers.transferToVoicemail(NOBODY, { target: 'agent2' }), {
        kind: 'http',
        status: 404,
      });
    }));

  it('blind transfer to a user and to a workgroup queue; an unknown target fails with 400', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a2 = await h.agent('agent2');
      const id = await connected(h, a1);
      await rejects(a1.client.transfers.blindTransfer(id, { target: 'no-such-user-or-number' }), {
        kind: 'http',
        status: 400,
      });
      await a1.client.transfers.blindTransfer(id, { target: 'agent2' });
      await a2.state(id, 'A');
      await a2.client.interactions.pickup(id);
      await a2.state(id, 'C');
      await a2.client.transfers.blindTransfer(id, { queue: { queueType: 2, queueName: 'Sales' } });
      await a2.until(gone(a2, id), 'left agent2');
      await rejects(a1.client.transfers.blindTransfer(NOBODY, { target: 'agent2' }), {
        kind: 'http',
        status: 404,
      });
    }));

  it('park on a user queue; refused (403) without the right', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a10 = await h.agent('agent10');
      const id = await connected(h, a1);
      await a1.client.transfers.park(id, { queue: { queueType: 1, queueName: 'agent2' } });
      await a1.until(gone(a1, id), 'parked away');
      const limited = await connected(h, a10);
      await rejects(a10.client.transfers.park(limited, { queue: { queueType: 1, queueName: 'agent2' } }), {
        kind: 'http',
        status: 403,
      });
    }));

  it('consult: start (201), change audience, conclude; another started then cancelled; unknown consult 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a2 = await h.agent('agent2');
      const id = await connected(h, a1);
      const consult = await a1.client.transfers.startConsult(id, { target: 'agent2' });
      assert.equal(lastReply(h, 'POST', `/interactions/${id}/consult`).status, 201);
      const leg = await alertingAt(a2);
      await a2.client.interactions.pickup(leg);
      await a1.state(consult.consultInteractionId, 'C');
      const both = { originalParty: true, consultedParty: true };
      await a1.client.transfers.changeConsultAudience(id, consult.consultId, both);
      await a1.client.transfers.changeConsultAudience(id, consult.consultId, {
        ...both,
        originalParty: false,
      });
      await a1.client.transfers.concludeConsult(id, consult.consultId);
      await a1.until(gone(a1, id), 'agent1 is out of the call');
      await rejects(a1.client.transfers.concludeConsult(id, 'no-such-consult'), {
        kind: 'http',
        status: 404,
      });

      const second = await connected(h, a1);
      const cancelled = await a1.client.transfers.startConsult(second, { target: '+13175550140' });
      await a1.client.transfers.cancelConsult(second, cancelled.consultId);
      await a1.until(gone(a1, cancelled.consultInteractionId), 'the consult leg ended');
      await rejects(a1.client.transfers.cancelConsult(second, cancelled.consultId), {
        kind: 'http',
        status: 404,
      });
    }));

  it('consult to a workgroup queue is refused with 400 invalidTarget (simulator follows the digest: consults go to users and numbers)', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await connected(h, a1);
      await rejects(a1.client.transfers.startConsult(id, { queue: { queueType: 2, queueName: 'Sales' } }), {
        kind: 'http',
        status: 400,
        errorId: 'error.request.interactions.invalidTarget',
      });
    }));

  it('conference: create (201), add, invite a party; unknown conference 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const first = await connected(h, a1);
      await a1.client.interactions.hold(first, true);
      const second = await outbound(h, a1, '+13175550125');
      const conferenceId = await a1.client.transfers.createConference([first, second]);
      assert.equal(lastReply(h, 'POST', '/interactions/conferences').status, 201);
      await a1.until(
        () => [...a1.queues.get('mine').values()].some((e) => e.conferenceParentId === conferenceId),
        'conference members carry conferenceParentId',
      );
      const third = await outbound(h, a1, '+13175550126');
      await a1.client.transfers.addToConference(conferenceId, [third]);
      await a1.until(
        () => a1.queues.get('mine').get(third)?.conferenceParentId === conferenceId,
        'third joined',
      );
      await a1.client.transfers.inviteToConference(conferenceId, '+13175550127');
      await rejects(a1.client.transfers.inviteToConference('no-such-conference', '+13175550127'), {
        kind: 'http',
        status: 404,
      });
      await rejects(a1.client.transfers.createConference([NOBODY, `${NOBODY}1`]), {
        kind: 'http',
        status: 404,
      });
      await rejects(a1.client.transfers.addToConference('no-such-conference', [third]), {
        kind: 'http',
        status: 404,
      });
    }));
});
