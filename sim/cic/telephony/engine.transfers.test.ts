import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueueType } from './host.js';
import { makeKit, userQueue, workgroupQueue, type Kit } from './test-kit.js';

const from = '+13175550101';

function connected(kit: Kit, userId = 'agent1'): string {
  kit.login(userId);
  const id = kit.engine.offerCall({ from, fromName: 'Pat Doe', to: { user: userId } });
  kit.engine.pickup(userId, id);
  return id;
}

function historyOf(kit: Kit, userId: string): [number, number][] {
  return kit.listener.history
    .filter((h) => h.userId === userId)
    .map((h) => [h.entry.direction, h.entry.interactionHistoryStatus]);
}

describe('blind transfer', () => {
  it('to an agent: leaves my queue (history: forwarded) and alerts theirs with the same id', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.mute('agent1', id, true);
    kit.login('agent2');
    kit.engine.blindTransfer('agent1', id, { target: '1002' });
    assert.equal(kit.attrs('agent1', id), undefined);
    const theirs = kit.attrs('agent2', id);
    assert.equal(theirs?.['Eic_State'], 'A');
    assert.equal(theirs?.['Eic_RemoteName'], 'Pat Doe');
    assert.equal(theirs?.['Eic_LocalUserId'], 'agent2');
    assert.equal(theirs?.['Eic_Muted'], '0', 'the previous agent’s mute does not follow the call');
    assert.deepEqual(historyOf(kit, 'agent1'), [[1, 2]]);
    assert.deepEqual(kit.listener.phone.at(-1), { userId: 'agent1', onPhone: false });
  });

  it('to an agent who cannot take it: their voicemail', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.blindTransfer('agent1', id, { target: 'agent3' });
    assert.equal(kit.state('agent3', id), 'M');
  });

  it('to a workgroup: queued for ACD with the workgroup name', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.blindTransfer('agent1', id, { target: 'Sales' });
    assert.deepEqual(kit.engine.waitingInWorkgroup('Sales'), [id]);
    assert.equal(kit.entry(workgroupQueue('Sales'), id)?.attributes['Eic_WorkgroupName'], 'Sales');
    kit.login('agent4');
    assert.equal(kit.state('agent4', id), 'A');
  });

  it('to an attendant profile: the IVR holds it, no agent queue does', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.blindTransfer('agent1', id, { target: '7500' });
    const view = kit.engine.interactions().find((v) => v.interactionId === id);
    assert.equal(view?.attributes['Eic_State'], 'S');
    assert.deepEqual(view?.queues, []);
  });

  it('to an outside number: the far end is dialled and the call leaves every queue', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.blindTransfer('agent1', id, { target: '+44 20 7946 0000' });
    assert.equal(kit.attrs('agent1', id), undefined);
    kit.clock.advance(1_000);
    const view = kit.engine.interactions().find((v) => v.interactionId === id);
    assert.equal(view?.attributes['Eic_State'], 'E', 'the outside number was busy');
    assert.deepEqual(historyOf(kit, 'agent1'), [[1, 2]]);
  });

  it('to an explicit user, workgroup or station queue', () => {
    const kit = makeKit();
    const a = connected(kit);
    kit.login('agent2');
    kit.engine.blindTransfer('agent1', a, { queue: { queueType: QueueType.User, queueName: 'AGENT2' } });
    assert.equal(kit.state('agent2', a), 'A');
    kit.setAgent('agent1', { statusIsAcd: false }); // else ACD would hand it straight back
    const b = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    kit.engine.pickup('agent1', b);
    kit.engine.blindTransfer('agent1', b, {
      queue: { queueType: QueueType.Workgroup, queueName: 'Support' },
    });
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [b]);
    const c = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    kit.engine.pickup('agent1', c);
    kit.engine.blindTransfer('agent1', c, {
      queue: { queueType: QueueType.Station, queueName: 'station-agent3' },
    });
    assert.equal(
      kit.entry({ queueType: QueueType.Station, queueName: 'station-agent3' }, c)?.attributes['Eic_State'],
      'A',
    );
    kit.login('agent3', { available: false });
    kit.engine.pickup('agent3', c);
    assert.equal(kit.state('agent3', c), 'C');
  });

  it('refuses unknown destinations and transferring to oneself', () => {
    const kit = makeKit();
    const id = connected(kit);
    for (const target of [
      { target: 'nowhere' },
      { target: 'agent1' },
      { queue: { queueType: QueueType.User, queueName: 'ghost' } },
    ])
      assert.throws(
        () => kit.engine.blindTransfer('agent1', id, target),
        { status: 400 },
        JSON.stringify(target),
      );
    assert.equal(kit.state('agent1', id), 'C');
  });
});

describe('voicemail and park', () => {
  it('send-to-voicemail puts an alerting call in my voicemail', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({ from, to: { workgroup: 'Support' } });
    kit.engine.sendToVoicemail('agent1', id);
    assert.equal(kit.state('agent1', id), 'M');
    assert.equal(kit.entry(workgroupQueue('Support'), id), undefined, 'it left the workgroup');
    kit.clock.advance(10_000);
    assert.deepEqual(kit.host.statusSets, [], 'no ACD re-offer follows');
  });

  it('transfer-to-voicemail leaves the call in another user’s voicemail', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.login('agent2');
    kit.engine.transferToVoicemail('agent1', id, { target: '1002' });
    assert.equal(kit.state('agent2', id), 'M');
    assert.equal(kit.attrs('agent1', id), undefined);
    assert.throws(() => kit.engine.transferToVoicemail('agent2', id, { target: 'Support' }), { status: 400 });
    kit.engine.pickup('agent2', id);
    assert.throws(() => kit.engine.transferToVoicemail('agent2', id, { target: 'Support' }), { status: 400 });
  });

  it('park puts the call on a user queue as Parked; that user picks it up', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.login('agent2');
    kit.engine.park('agent1', id, { target: 'agent2' });
    assert.equal(kit.attrs('agent1', id), undefined);
    assert.equal(kit.state('agent2', id), 'P');
    assert.equal(kit.attrs('agent2', id)?.['Eic_CallStateString'], 'Parked');
    assert.deepEqual(
      kit.listener.phone.filter((p) => p.userId === 'agent2'),
      [],
      'parked is not on the phone',
    );
    assert.throws(() => kit.engine.park('agent1', id, { target: 'agent2' }), { status: 404 });
    kit.engine.pickup('agent2', id);
    assert.equal(kit.state('agent2', id), 'C');
    assert.deepEqual(historyOf(kit, 'agent1'), [[1, 2]]);
  });

  it('park on a workgroup queue lets any member pick it up; outside numbers cannot park', () => {
    const kit = makeKit();
    const id = connected(kit);
    assert.throws(() => kit.engine.park('agent1', id, { target: '+13175551234' }), { status: 400 });
    kit.engine.park('agent1', id, { queue: { queueType: QueueType.Workgroup, queueName: 'Support' } });
    assert.equal(kit.entry(workgroupQueue('Support'), id)?.attributes['Eic_State'], 'P');
    kit.login('agent4');
    assert.throws(() => kit.engine.pickup('agent4', id), { status: 404 }, 'not a Support member');
    kit.login('agent2');
    kit.engine.pickup('agent2', id);
    assert.equal(kit.state('agent2', id), 'C');
  });
});

describe('consult transfer', () => {
  function consultAgent2(kit: Kit): { id: string; consultId: string; leg: string; theirs: string } {
    const id = connected(kit);
    kit.login('agent2');
    const started = kit.engine.consult('agent1', id, { target: '1002' }, { Reason: 'billing' });
    const theirs = kit.engine.queueContents(userQueue('agent2'))[0]!.interactionId;
    return { id, consultId: started.consultId, leg: started.consultInteractionId, theirs };
  }

  it('holds the caller and calls the consulted party on a new leg', () => {
    const kit = makeKit();
    const { id, leg, theirs } = consultAgent2(kit);
    assert.equal(kit.state('agent1', id), 'H');
    assert.equal(kit.state('agent1', leg), 'R');
    assert.equal(kit.attrs('agent1', leg)?.['Eic_IsConsult'], '1');
    assert.equal(kit.attrs('agent1', leg)?.['Eic_Consultee'], 'agent2');
    assert.equal(kit.attrs('agent1', leg)?.['Reason'], 'billing');
    assert.equal(kit.attrs('agent1', id)?.['Eic_ConsultCallId'], leg);
    assert.equal(kit.state('agent2', theirs), 'A');
  });

  it('change-audience: caller, consultant, both and neither', () => {
    const kit = makeKit();
    const { id, consultId, leg, theirs } = consultAgent2(kit);
    assert.throws(
      () => kit.engine.changeAudience('agent1', id, consultId, { originalParty: true, consultedParty: true }),
      {
        status: 400,
      },
    );
    kit.engine.pickup('agent2', theirs);
    assert.equal(kit.state('agent1', leg), 'C');
    const audience = (
      originalParty: boolean,
      consultedParty: boolean,
    ): [string | undefined, string | undefined] => {
      kit.engine.changeAudience('agent1', id, consultId, { originalParty, consultedParty });
      return [kit.state('agent1', id), kit.state('agent1', leg)];
    };
    assert.deepEqual(audience(true, false), ['C', 'H']);
    assert.deepEqual(audience(false, true), ['H', 'C']);
    assert.deepEqual(audience(true, true), ['C', 'C']);
    assert.deepEqual(audience(false, false), ['H', 'H']);
  });

  it('conclude: the caller ends up connected to the consulted agent', () => {
    const kit = makeKit();
    const { id, consultId, leg, theirs } = consultAgent2(kit);
    kit.engine.pickup('agent2', theirs);
    kit.engine.changeAudience('agent1', id, consultId, { originalParty: true, consultedParty: true });
    kit.engine.concludeConsult('agent1', id, consultId);
    assert.equal(kit.attrs('agent1', id), undefined, 'the caller left my queue');
    assert.equal(kit.state('agent1', leg), 'I');
    assert.equal(kit.state('agent2', theirs), 'E');
    const moved = kit.attrs('agent2', id);
    assert.equal(moved?.['Eic_State'], 'C');
    assert.equal(moved?.['Eic_RemoteName'], 'Pat Doe');
    assert.equal(moved?.['Eic_ConsultCallId'], '');
    assert.deepEqual(historyOf(kit, 'agent1'), [
      [2, 1],
      [1, 2],
    ]);
    assert.deepEqual(kit.listener.phone.at(-1), { userId: 'agent1', onPhone: false });
    assert.throws(() => kit.engine.concludeConsult('agent1', id, consultId), { status: 404 });
  });

  it('conclude before the consulted party answers is a blind transfer to them', () => {
    const kit = makeKit();
    const { id, consultId, theirs } = consultAgent2(kit);
    kit.engine.concludeConsult('agent1', id, consultId);
    assert.equal(kit.state('agent2', theirs), 'E');
    assert.equal(kit.state('agent2', id), 'A');
  });

  it('conclude with an outside party bridges the caller to them', () => {
    const kit = makeKit();
    const id = connected(kit);
    const { consultId, consultInteractionId } = kit.engine.consult('agent1', id, { target: '+13175550123' });
    kit.clock.advance(2_000);
    assert.equal(kit.state('agent1', consultInteractionId), 'C');
    kit.engine.concludeConsult('agent1', consultInteractionId, consultId);
    const view = kit.engine.interactions().find((v) => v.interactionId === id);
    assert.equal(view?.attributes['Eic_State'], 'C');
    assert.deepEqual(view?.queues, []);
    assert.equal(kit.state('agent1', consultInteractionId), 'I');
  });

  it('cancel drops the consult leg and leaves the caller held', () => {
    const kit = makeKit();
    const { id, consultId, leg, theirs } = consultAgent2(kit);
    kit.engine.pickup('agent2', theirs);
    kit.engine.cancelConsult('agent1', id, consultId);
    assert.equal(kit.state('agent1', leg), 'I');
    assert.equal(kit.state('agent2', theirs), 'E');
    assert.equal(kit.state('agent1', id), 'H');
    assert.equal(kit.attrs('agent1', id)?.['Eic_ConsultCallId'], '');
    assert.throws(() => kit.engine.cancelConsult('agent1', id, consultId), { status: 404 });
    kit.engine.pickup('agent1', id);
    assert.equal(kit.state('agent1', id), 'C');
  });

  it('the consulted party hanging up ends the consult; the caller stays held', () => {
    const kit = makeKit();
    const { id, consultId, theirs } = consultAgent2(kit);
    kit.engine.pickup('agent2', theirs);
    kit.engine.disconnect('agent2', theirs);
    assert.equal(kit.state('agent1', id), 'H');
    assert.throws(() => kit.engine.concludeConsult('agent1', id, consultId), { status: 404 });
  });

  it('refuses a second consult, blind transfer during a consult, and consulting a workgroup', () => {
    const kit = makeKit();
    const { id } = consultAgent2(kit);
    assert.throws(() => kit.engine.consult('agent1', id, { target: '1003' }), { status: 400 });
    assert.throws(() => kit.engine.blindTransfer('agent1', id, { target: '1003' }), { status: 400 });
    const other = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    kit.engine.pickup('agent1', other);
    assert.throws(() => kit.engine.consult('agent1', other, { target: 'Support' }), {
      status: 400,
      errorId: 'error.request.interactions.invalidTarget',
    });
    assert.throws(() => kit.engine.consult('agent1', other, { target: 'Main Menu' }), { status: 400 });
    assert.throws(
      () =>
        kit.engine.changeAudience('agent1', other, '7000001', { originalParty: true, consultedParty: false }),
      {
        status: 404,
        errorId: 'error.request.interactions.consultNotFound',
      },
    );
  });
});

describe('consult transfer edge cases', () => {
  it('a consult that reached the consulted agent’s voicemail completes as a blind transfer', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.login('agent2', { available: false });
    const { consultId, consultInteractionId } = kit.engine.consult('agent1', id, { target: 'agent2' });
    assert.equal(kit.state('agent1', consultInteractionId), 'C', 'connected to the voicemail greeting');
    kit.engine.concludeConsult('agent1', id, consultId);
    assert.equal(
      kit.state('agent2', id),
      'M',
      'the caller is in agent2’s voicemail, not connected to nobody',
    );
  });

  it('the caller hanging up during a consult leaves the consult leg as an ordinary call', () => {
    const kit = makeKit();
    const id = connected(kit);
    const { consultId, consultInteractionId } = kit.engine.consult('agent1', id, { target: '+13175550123' });
    kit.clock.advance(2_000);
    kit.engine.remoteHangup(id);
    assert.equal(kit.state('agent1', consultInteractionId), 'C');
    assert.throws(() => kit.engine.cancelConsult('agent1', consultInteractionId, consultId), { status: 404 });
    assert.equal(kit.attrs('agent1', consultInteractionId)?.['Eic_IsConsult'], '1');
  });
});
