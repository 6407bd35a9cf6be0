/**
 * Contract: call control, attributes, calls, wrap-up, phone numbers — each with a success path and
 * at least one failure path, each test on its own simulator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOBODY, connected, gone, outbound } from './calls.js';
import { lastReply, rejects, withHarness } from './harness.js';

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
