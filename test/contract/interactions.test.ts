/**
 * Contract: interaction commands — each with a success path and at least one failure path, each
 * test on its own simulator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Agent, Harness } from './harness.js';
import { lastReply, rejects, withHarness } from './harness.js';

const NOBODY = '999999999';

/** A direct inbound call to `agent`, picked up: Connected. */
async function connected(h: Harness, agent: Agent): Promise<string> {
  const id = await h.call({ user: agent.userId });
  await agent.state(id, 'A');
  await agent.client.interactions.pickup(id);
  await agent.state(id, 'C');
  return id;
}

/** An outbound call to an external number that the far end answers at once. */
async function outbound(h: Harness, agent: Agent, target: string): Promise<string> {
  const id = await agent.client.interactions.createCall({ target });
  await agent.until(() => agent.interaction(id) !== undefined, `${id} in My Interactions`);
  const answered = await h.control('POST', `/sim/v1/interactions/${id}/remote-answer`);
  assert.equal(answered.status, 204);
  await agent.state(id, 'C');
  return id;
}

/** The id of the first interaction alerting at `agent` that is not in `except`. */
async function alertingAt(agent: Agent, except: readonly string[] = []): Promise<string> {
  let found: string | undefined;
  await agent.until(() => {
    found = [...agent.queues.get('mine').values()].find(
      (e) => e.attributes['Eic_State'] === 'A' && !except.includes(e.interactionId),
    )?.interactionId;
    return found !== undefined;
  }, 'an alerting interaction');
  return found as string;
}

function gone(agent: Agent, id: string): () => boolean {
  return () => {
    const state = agent.attr(id, 'Eic_State');
    return state === undefined || state === 'I' || state === 'E';
  };
}

describe('contract: interactions', () => {
  it('ACD call: alerting at a member, pickup, disconnect; unknown interactions fail with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await h.call({ workgroup: 'Support' });
      await a1.state(id, 'A');
      assert.equal(a1.attr(id, 'Eic_WorkgroupName'), 'Support');
      await a1.client.interactions.pickup(id);
      await a1.state(id, 'C');
      await a1.client.interactions.disconnect(id);
      await a1.state(id, 'I');
      await rejects(a1.client.interactions.pickup(NOBODY), { kind: 'http', status: 404 });
      await rejects(a1.client.interactions.disconnect(NOBODY), { kind: 'http', status: 404 });
    }));

  it('hold and mute change Eic_State and Eic_Muted; unknown interactions fail with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await connected(h, a1);
      await a1.client.interactions.hold(id, true);
      await a1.state(id, 'H');
      await a1.client.interactions.hold(id, false);
      await a1.state(id, 'C');
      await a1.client.interactions.mute(id, true);
      await a1.state(id, '1', 'Eic_Muted');
      await a1.client.interactions.mute(id, false);
      await a1.state(id, '0', 'Eic_Muted');
      await rejects(a1.client.interactions.hold(NOBODY, true), { kind: 'http', status: 404 });
      await rejects(a1.client.interactions.mute(NOBODY, true), { kind: 'http', status: 404 });
    }));

  it('record, record-snippet and make-private; refused (403) without the rights', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a10 = await h.agent('agent10');
      const id = await connected(h, a1);
      await a1.client.interactions.record(id, true);
      await a1.until(() => (a1.attr(id, 'Eic_Recorders') ?? '') !== '', 'recorders set');
      await a1.client.interactions.recordSnippet(id, true);
      await a1.client.interactions.recordSnippet(id, false);
      await a1.client.interactions.record(id, false);
      await a1.state(id, '', 'Eic_Recorders');
      await a1.client.interactions.makePrivate(id, true);
      await a1.state(id, '1', 'Eic_Private');
      await a1.client.interactions.makePrivate(id, false);
      await a1.state(id, '0', 'Eic_Private');

      const limited = await connected(h, a10);
      await rejects(a10.client.interactions.record(limited, true), { kind: 'http', status: 403 });
      await rejects(a10.client.interactions.recordSnippet(limited, true), { kind: 'http', status: 403 });
      await rejects(a10.client.interactions.makePrivate(limited, true), { kind: 'http', status: 403 });
    }));

  it('secure-pause in all four types; refused (403) without the right', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a10 = await h.agent('agent10');
      const id = await connected(h, a1);
      await a1.client.interactions.record(id, true);
      await a1.client.interactions.securePause(id, { type: 'default' });
      await a1.until(() => (a1.attr(id, 'Eic_SecureRecordingPauseStartTime') ?? '') !== '', 'pause started');
      await a1.client.interactions.securePause(id, { type: 'resume' });
      await a1.state(id, '', 'Eic_SecureRecordingPauseStartTime');
      await a1.client.interactions.securePause(id, { type: 'infinite' });
      await a1.until(() => (a1.attr(id, 'Eic_SecureRecordingPauseStartTime') ?? '') !== '', 'paused again');
      await a1.client.interactions.securePause(id, { type: 'specified', duration: 30 });
      await a1.client.interactions.securePause(id, { type: 'resume' });
      await a1.state(id, '', 'Eic_SecureRecordingPauseStartTime');

      const limited = await connected(h, a10);
      await rejects(a10.client.interactions.securePause(limited, { type: 'default' }), {
        kind: 'http',
        status: 403,
      });
    }));

  it('send-digits on a connected call; unknown interaction fails with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await connected(h, a1);
      await a1.client.interactions.sendDigits(id, '12#');
      await rejects(a1.client.interactions.sendDigits(NOBODY, '1'), { kind: 'http', status: 404 });
    }));

  it('attributes: set then get with select; unknown interaction fails with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await connected(h, a1);
      await a1.client.interactions.setAttributes(id, { Custom_CaseNumber: '00012345' });
      const attributes = await a1.client.interactions.getAttributes(id, [
        'Custom_CaseNumber',
        'Eic_RemoteName',
      ]);
      assert.equal(attributes['Custom_CaseNumber'], '00012345');
      assert.equal(attributes['Eic_RemoteName'], 'Pat Doe');
      await rejects(a1.client.interactions.getAttributes(NOBODY, ['Eic_State']), {
        kind: 'http',
        status: 404,
      });
      await rejects(a1.client.interactions.setAttributes(NOBODY, { A: 'b' }), { kind: 'http', status: 404 });
    }));

  it('creates calls (target; workgroup and account code): 201; an undialable target fails with 400', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const plain = await outbound(h, a1, '+13175550123');
      assert.equal(lastReply(h, 'POST', /\/icws\/[^/]+\/interactions$/).status, 201);
      assert.equal(a1.attr(plain, 'Eic_CallDirection'), 'O');
      await a1.client.interactions.disconnect(plain);
      await a1.until(gone(a1, plain), 'disconnected');

      const onBehalf = await a1.client.interactions.createCall({
        target: '+13175550124',
        workgroup: 'Support',
        accountCodeId: '1001',
      });
      await a1.state(onBehalf, 'Support', 'Eic_WorkgroupName');
      await a1.state(onBehalf, '1001', 'Eic_AccountCode');
      await rejects(a1.client.interactions.createCall({ target: 'not a number!' }), {
        kind: 'http',
        status: 400,
      });
    }));

  it('send-to-voicemail (alerting) and transfer-to-voicemail (user); unknown interaction fails with 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      await h.agent('agent2');
      const alerting = await h.call({ user: 'agent1' });
      await a1.state(alerting, 'A');
      await a1.client.interactions.sendToVoicemail(alerting);
      await a1.until(() => a1.attr(alerting, 'Eic_State') !== 'A', 'left alerting');
      const id = await connected(h, a1);
      await a1.client.interactions.transferToVoicemail(id, { target: 'agent2' });
      await a1.until(gone(a1, id), 'transferred away');
      await rejects(a1.client.interactions.sendToVoicemail(NOBODY), { kind: 'http', status: 404 });
      await rejects(a1.client.interactions.transferToVoicemail(NOBODY, { target: 'agent2' }), {
        kind: 'http',
        status: 404,
      });
    }));

  it('blind transfer to a user and to a workgroup queue; an unknown target fails with 400', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a2 = await h.agent('agent2');
      const id = await connected(h, a1);
      await rejects(a1.client.interactions.blindTransfer(id, { target: 'no-such-user-or-number' }), {
        kind: 'http',
        status: 400,
      });
      await a1.client.interactions.blindTransfer(id, { target: 'agent2' });
      await a2.state(id, 'A');
      await a2.client.interactions.pickup(id);
      await a2.state(id, 'C');
      await a2.client.interactions.blindTransfer(id, { queue: { queueType: 2, queueName: 'Sales' } });
      await a2.until(gone(a2, id), 'left agent2');
      await rejects(a1.client.interactions.blindTransfer(NOBODY, { target: 'agent2' }), {
        kind: 'http',
        status: 404,
      });
    }));

  it('park on a user queue; refused (403) without the right', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a10 = await h.agent('agent10');
      const id = await connected(h, a1);
      await a1.client.interactions.park(id, { queue: { queueType: 1, queueName: 'agent2' } });
      await a1.until(gone(a1, id), 'parked away');
      const limited = await connected(h, a10);
      await rejects(a10.client.interactions.park(limited, { queue: { queueType: 1, queueName: 'agent2' } }), {
        kind: 'http',
        status: 403,
      });
    }));

  it('consult: start (201), change audience, conclude; another started then cancelled; unknown consult 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a2 = await h.agent('agent2');
      const id = await connected(h, a1);
      const consult = await a1.client.interactions.startConsult(id, { target: 'agent2' });
      assert.equal(lastReply(h, 'POST', `/interactions/${id}/consult`).status, 201);
      const leg = await alertingAt(a2);
      await a2.client.interactions.pickup(leg);
      await a1.state(consult.consultInteractionId, 'C');
      const both = { originalParty: true, consultedParty: true };
      await a1.client.interactions.changeConsultAudience(id, consult.consultId, both);
      await a1.client.interactions.changeConsultAudience(id, consult.consultId, {
        ...both,
        originalParty: false,
      });
      await a1.client.interactions.concludeConsult(id, consult.consultId);
      await a1.until(gone(a1, id), 'agent1 is out of the call');
      await rejects(a1.client.interactions.concludeConsult(id, 'no-such-consult'), {
        kind: 'http',
        status: 404,
      });

      const second = await connected(h, a1);
      const cancelled = await a1.client.interactions.startConsult(second, { target: '+13175550140' });
      await a1.client.interactions.cancelConsult(second, cancelled.consultId);
      await a1.until(gone(a1, cancelled.consultInteractionId), 'the consult leg ended');
      await rejects(a1.client.interactions.cancelConsult(second, cancelled.consultId), {
        kind: 'http',
        status: 404,
      });
    }));

  it('consult to a workgroup queue (queueID, reference §4.4) reaches a member', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const a4 = await h.agent('agent4');
      const id = await connected(h, a1);
      const consult = await a1.client.interactions.startConsult(id, {
        queue: { queueType: 2, queueName: 'Sales' },
      });
      const leg = await alertingAt(a4);
      await a4.client.interactions.pickup(leg);
      await a1.client.interactions.concludeConsult(id, consult.consultId);
      await a1.until(gone(a1, id), 'agent1 is out of the call');
    }));

  it('conference: create (201), add, invite a party; unknown conference 404', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const first = await connected(h, a1);
      await a1.client.interactions.hold(first, true);
      const second = await outbound(h, a1, '+13175550125');
      const conferenceId = await a1.client.interactions.createConference([first, second]);
      assert.equal(lastReply(h, 'POST', '/interactions/conferences').status, 201);
      await a1.until(
        () => [...a1.queues.get('mine').values()].some((e) => e.conferenceParentId === conferenceId),
        'conference members carry conferenceParentId',
      );
      const third = await outbound(h, a1, '+13175550126');
      await a1.client.interactions.addToConference(conferenceId, [third]);
      await a1.until(
        () => a1.queues.get('mine').get(third)?.conferenceParentId === conferenceId,
        'third joined',
      );
      await a1.client.interactions.inviteToConference(conferenceId, '+13175550127');
      await rejects(a1.client.interactions.inviteToConference('no-such-conference', '+13175550127'), {
        kind: 'http',
        status: 404,
      });
      await rejects(a1.client.interactions.createConference([NOBODY, `${NOBODY}1`]), {
        kind: 'http',
        status: 404,
      });
      await rejects(a1.client.interactions.addToConference('no-such-conference', [third]), {
        kind: 'http',
        status: 404,
      });
    }));

  it('wrap-up assignment with a code of the set; an unknown code fails with 400', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      const id = await h.call({ workgroup: 'Support' });
      await a1.state(id, 'A');
      await a1.client.interactions.pickup(id);
      await a1.state(id, 'C');
      await a1.client.interactions.disconnect(id);
      await a1.state(id, 'I');
      const assignment = {
        code: 'RESOLVED',
        segmentId: 1,
        time: '20261122T090000Z',
        user: 'agent1',
        sourceInteractionId: id,
      };
      await a1.client.interactions.assignWrapUp(id, assignment);
      await rejects(a1.client.interactions.assignWrapUp(id, { ...assignment, code: 'NO-SUCH-CODE' }), {
        kind: 'http',
        status: 400,
      });
    }));

  it('phone-numbers/query-details for a number and an extension; after logoff it fails fast', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1', { queue: false });
      const external = await a1.client.interactions.queryPhoneNumber('(317) 555-0101');
      assert.equal(external.internal, false);
      assert.equal(external.dialCapable, true);
      const extension = await a1.client.interactions.queryPhoneNumber('7002');
      assert.equal(extension.internal, true);
      const garbage = await a1.client.interactions.queryPhoneNumber('!!!');
      assert.equal(garbage.dialCapable, false);
      await a1.client.logoff();
      await rejects(a1.client.interactions.queryPhoneNumber('7002'), { kind: 'session-lost' });
    }));
});
