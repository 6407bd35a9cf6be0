import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RIGHTS, DEALLOCATE_MS, makeKit, USERS, userQueue, type Kit } from './test-kit.js';
import { Right } from './host.js';

const from = '+13175550101';

function connectedCall(kit: Kit, userId = 'agent1'): string {
  kit.login(userId);
  const id = kit.engine.offerCall({ from, fromName: 'Pat Doe', to: { user: userId } });
  kit.engine.pickup(userId, id);
  return id;
}

describe('direct calls', () => {
  it('alert a logged-on available user, by user id or extension', () => {
    const kit = makeKit();
    kit.login('agent1');
    const byUser = kit.engine.offerCall({ from, fromName: 'Pat Doe', to: { user: 'agent1' } });
    const a = kit.attrs('agent1', byUser);
    assert.equal(a?.['Eic_State'], 'A');
    assert.equal(a?.['Eic_CallStateString'], 'Alerting');
    assert.equal(a?.['Eic_CallDirection'], 'I');
    assert.equal(a?.['Eic_CallType'], 'E');
    assert.equal(a?.['Eic_ObjectType'], 'Call');
    assert.equal(a?.['Eic_CallId'], byUser);
    assert.equal(a?.['Eic_RemoteName'], 'Pat Doe');
    assert.equal(a?.['Eic_InitiationTime'], '20261122T090000Z');
    assert.equal(a?.['Eic_ConnectTime'], '');
    assert.equal(a?.['Eic_WorkgroupName'], '');
    kit.login('agent2');
    const byExtension = kit.engine.offerCall({ from, to: { extension: '1002' } });
    assert.equal(kit.state('agent2', byExtension), 'A');
    assert.equal(kit.attrs('agent2', byExtension)?.['Eic_RemoteName'], from, 'no name: the number shows');
  });

  it('route an extension to a workgroup or attendant profile', () => {
    const kit = makeKit();
    const toWorkgroup = kit.engine.offerCall({ from, to: { extension: '7100' } });
    assert.deepEqual(kit.engine.waitingInWorkgroup('Sales'), [toWorkgroup]);
    const toProfile = kit.engine.offerCall({ from, to: { extension: '7500' } });
    const view = kit.engine.interactions().find((v) => v.interactionId === toProfile);
    assert.equal(view?.attributes['Eic_State'], 'S');
    assert.equal(view?.attributes['Eic_LocalName'], 'Main Menu');
    assert.deepEqual(view?.queues, []);
  });

  it('go to voicemail when the user is logged off or in a do-not-disturb status', () => {
    const kit = makeKit();
    const loggedOff = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    const a = kit.attrs('agent1', loggedOff);
    assert.equal(a?.['Eic_State'], 'M');
    assert.equal(a?.['Eic_CallStateString'], 'Voice Mail');
    kit.login('agent2', { available: false });
    const dnd = kit.engine.offerCall({ from, to: { user: 'agent2' } });
    assert.equal(kit.state('agent2', dnd), 'M');
    assert.deepEqual(kit.listener.phone, [], 'voicemail does not put anyone on the phone');
  });

  it('go to voicemail when the user is on a call and lacks the Multiple Calls right', () => {
    const rights = ALL_RIGHTS.filter((r) => r !== Right.MultipleCalls);
    const kit = makeKit(USERS.map((u) => (u.userId === 'agent1' ? { ...u, rights } : u)));
    connectedCall(kit, 'agent1');
    const second = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    assert.equal(kit.state('agent1', second), 'M');
    connectedCall(kit, 'agent2');
    const waiting = kit.engine.offerCall({ from, to: { user: 'agent2' } });
    assert.equal(kit.state('agent2', waiting), 'A', 'with the right a second call alerts');
  });

  it('go to voicemail after ringing unanswered, and the caller hangs up after the message', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    kit.clock.advance(29_999);
    assert.equal(kit.state('agent1', id), 'A');
    kit.clock.advance(1);
    assert.equal(kit.state('agent1', id), 'M');
    kit.clock.advance(60_000);
    assert.equal(kit.state('agent1', id), 'E');
    assert.equal(kit.listener.history.length, 1);
    assert.equal(kit.listener.history[0]?.entry.interactionHistoryStatus, 0, 'missed');
    assert.equal(kit.listener.history[0]?.entry.direction, 1);
  });

  it('can be taken back from voicemail with pickup', () => {
    const kit = makeKit();
    kit.login('agent1', { available: false });
    const id = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    kit.engine.pickup('agent1', id);
    assert.equal(kit.state('agent1', id), 'C');
    kit.clock.advance(120_000);
    assert.equal(kit.state('agent1', id), 'C', 'the voicemail timer is gone');
  });

  it('refuse unknown targets and an empty caller', () => {
    const kit = makeKit();
    assert.throws(() => kit.engine.offerCall({ from, to: { user: 'nobody' } }), {
      status: 404,
      errorId: 'error.request.users.notFound',
    });
    assert.throws(() => kit.engine.offerCall({ from, to: { workgroup: 'Nope' } }), {
      status: 404,
      errorId: 'error.request.workgroups.notFound',
    });
    assert.throws(() => kit.engine.offerCall({ from, to: { extension: '4242' } }), { status: 404 });
    assert.throws(() => kit.engine.offerCall({ from: ' ', to: { user: 'agent1' } }), { status: 400 });
    assert.throws(
      () => kit.engine.offerCall({ from, to: { user: 'agent1' }, attributes: { Eic_State: 'C' } }),
      {
        status: 400,
        errorId: 'error.request.interactions.readOnlyAttribute',
      },
    );
    assert.equal(kit.engine.interactions().length, 0);
  });

  it('carry custom attributes from the control API', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({
      from,
      to: { user: 'agent1' },
      attributes: { CaseNumber: '00001026', eic_remotename: 'Override' },
    });
    assert.equal(kit.attrs('agent1', id)?.['CaseNumber'], '00001026');
    assert.equal(kit.attrs('agent1', id)?.['Eic_RemoteName'], 'Override');
  });
});

describe('internal calls', () => {
  it('give each agent their own leg with direction and remote party', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    const out = kit.engine.createCall('agent1', { target: '1002' });
    const mine = kit.attrs('agent1', out);
    assert.equal(mine?.['Eic_State'], 'R');
    assert.equal(mine?.['Eic_CallDirection'], 'O');
    assert.equal(mine?.['Eic_CallType'], 'I');
    assert.equal(mine?.['Eic_RemoteName'], 'Agent2 Name');
    assert.equal(mine?.['Eic_RemoteAddress'], '1002');
    const theirs = kit.engine.queueContents(userQueue('agent2'))[0];
    assert.ok(theirs !== undefined);
    const inId = theirs.interactionId;
    assert.notEqual(inId, out);
    assert.equal(theirs.attributes['Eic_State'], 'A');
    assert.equal(theirs.attributes['Eic_CallDirection'], 'I');
    assert.equal(theirs.attributes['Eic_CallType'], 'I');
    assert.equal(theirs.attributes['Eic_RemoteName'], 'Agent1 Name');
    assert.equal(theirs.attributes['Eic_RemoteId'], 'agent1');
    assert.deepEqual(kit.listener.phone, [{ userId: 'agent1', onPhone: true }]);
    kit.clock.advance(3_000);
    kit.engine.pickup('agent2', inId);
    assert.equal(kit.state('agent1', out), 'C');
    assert.equal(kit.state('agent2', inId), 'C');
    assert.equal(kit.attrs('agent1', out)?.['Eic_ConnectTime'], '20261122T090003Z');
    assert.deepEqual(kit.listener.phone, [
      { userId: 'agent1', onPhone: true },
      { userId: 'agent2', onPhone: true },
    ]);
    kit.clock.advance(60_000);
    kit.engine.disconnect('agent1', out);
    assert.equal(kit.state('agent1', out), 'I');
    assert.equal(kit.attrs('agent1', out)?.['Eic_CallStateString'], 'Disconnected (Local Disconnect)');
    assert.equal(kit.state('agent2', inId), 'E');
    assert.equal(kit.attrs('agent2', inId)?.['Eic_TerminationTime'], '20261122T090103Z');
    assert.deepEqual(
      kit.listener.history.map((h) => [
        h.userId,
        h.entry.direction,
        h.entry.interactionHistoryStatus,
        h.entry.remoteName,
      ]),
      [
        ['agent1', 2, 1, 'Agent2 Name'],
        ['agent2', 1, 1, 'Agent1 Name'],
      ],
    );
    assert.deepEqual(kit.listener.phone.slice(2), [
      { userId: 'agent1', onPhone: false },
      { userId: 'agent2', onPhone: false },
    ]);
  });

  it('reach the callee voicemail when they do not answer; the caller is connected to it', () => {
    const kit = makeKit();
    kit.login('agent1');
    const out = kit.engine.createCall('agent1', { target: 'agent2' });
    assert.equal(kit.state('agent1', out), 'C');
    const theirs = kit.engine.queueContents(userQueue('agent2'))[0];
    assert.equal(theirs?.attributes['Eic_State'], 'M');
  });

  it('dial a workgroup through ACD and an attendant profile that answers', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent4');
    const toSales = kit.engine.createCall('agent1', { target: '7100' });
    assert.equal(kit.attrs('agent1', toSales)?.['Eic_RemoteName'], 'Agent4 Name', 'alerting agent4 already');
    const acdLeg = kit.engine.queueContents(userQueue('agent4'))[0];
    assert.equal(acdLeg?.attributes['Eic_CallStateString'], 'ACD - Alerting: Agent4 Name');
    kit.engine.pickup('agent4', acdLeg!.interactionId);
    assert.equal(kit.state('agent1', toSales), 'C');
    kit.engine.disconnect('agent1', toSales);
    const ivr = kit.engine.createCall('agent1', { target: 'Main Menu' });
    assert.equal(kit.state('agent1', ivr), 'C');
    assert.equal(kit.attrs('agent1', ivr)?.['Eic_RemoteName'], 'Main Menu');
  });

  it('put the caller’s other connected call on hold', () => {
    const kit = makeKit();
    const first = connectedCall(kit);
    const second = kit.engine.createCall('agent1', { target: '+13175551234' });
    assert.equal(kit.state('agent1', first), 'H');
    assert.equal(kit.state('agent1', second), 'R');
  });
});

describe('outbound calls to outside numbers', () => {
  const cases = [
    { number: '+1 (317) 555-0000', at: 1_000, state: 'E', text: 'Disconnected (Busy)' },
    { number: '+13175559999', at: 60_000, state: 'E', text: 'Disconnected (No Answer)' },
    { number: '3175555555', at: 30_000, state: 'C', text: 'Connected' },
    { number: '+13175550123', at: 2_000, state: 'C', text: 'Connected' },
  ];
  for (const c of cases) {
    it(`${c.number} → ${c.text} after ${c.at} ms`, () => {
      const kit = makeKit();
      kit.login('agent1');
      const id = kit.engine.createCall('agent1', { target: c.number, accountCodeId: '42' });
      const a = kit.attrs('agent1', id);
      assert.equal(a?.['Eic_State'], 'R');
      assert.equal(a?.['Eic_CallType'], 'E');
      assert.equal(a?.['Eic_CallDirection'], 'O');
      assert.equal(a?.['Eic_AccountCode'], '42');
      assert.equal(a?.['Eic_RemoteAddress'], c.number.replace(/[\s()-]/g, ''));
      kit.clock.advance(c.at - 1);
      assert.equal(kit.state('agent1', id), 'R');
      kit.clock.advance(1);
      assert.equal(kit.state('agent1', id), c.state);
      assert.equal(kit.attrs('agent1', id)?.['Eic_CallStateString'], c.text);
    });
  }

  it('answer or hang up on request of the control API', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.createCall('agent1', { target: '+13175559999', workgroup: 'Sales' });
    assert.equal(kit.attrs('agent1', id)?.['Eic_WorkgroupName'], 'Sales');
    kit.engine.remoteAnswer(id);
    assert.equal(kit.state('agent1', id), 'C');
    assert.throws(() => kit.engine.remoteAnswer(id), { status: 400 });
    kit.engine.remoteHangup(id);
    assert.equal(kit.state('agent1', id), 'E');
    assert.equal(kit.attrs('agent1', id)?.['Eic_CallStateString'], 'Disconnected (Remote Disconnect)');
    assert.throws(() => kit.engine.remoteHangup(id), { status: 400 });
    assert.throws(() => kit.engine.remoteHangup('123'), { status: 404 });
    assert.throws(() => kit.engine.remoteAnswer('123'), { status: 404 });
    assert.equal(kit.host.clock.pendingTimers, 1, 'only the deallocation timer is left');
  });

  it('refuse a stationless caller, an empty or unknown target and calling oneself', () => {
    const kit = makeKit();
    assert.throws(() => kit.engine.createCall('agent1', { target: '1002' }), {
      status: 400,
      errorId: 'error.request.interactions.noStation',
    });
    kit.login('agent1');
    assert.throws(() => kit.engine.createCall('agent1', { target: ' ' }), { status: 400 });
    assert.throws(() => kit.engine.createCall('agent1', { target: 'no such thing' }), {
      status: 400,
      errorId: 'error.request.interactions.invalidTarget',
    });
    assert.throws(() => kit.engine.createCall('agent1', { target: '1001' }), { status: 400 });
    assert.throws(() => kit.engine.createCall('agent1', { target: '+1555', workgroup: 'Nope' }), {
      status: 400,
    });
    assert.throws(() => kit.engine.createCall('ghost', { target: '1002' }), { status: 404 });
    assert.equal(kit.engine.interactions().length, 0);
  });
});

describe('remote hang-up, deallocation and history', () => {
  it('a caller hanging up ends the call; it stays in queues until deallocateAfterMs exactly', () => {
    const kit = makeKit();
    const id = connectedCall(kit);
    kit.clock.advance(30_000);
    kit.engine.remoteHangup(id);
    const a = kit.attrs('agent1', id);
    assert.equal(a?.['Eic_State'], 'E');
    assert.equal(a?.['Eic_TerminationTime'], '20261122T090030Z');
    assert.equal(a?.['Eic_Capabilities'], '0');
    const h = kit.listener.history[0]?.entry;
    assert.equal(h?.interactionHistoryStatus, 1);
    assert.equal(h?.direction, 1);
    assert.equal(h?.remoteAddress, from);
    assert.equal(h?.localName, 'Agent1 Name');
    assert.equal(h?.terminationTime - h!.initiationTime, 30_000);
    kit.clock.advance(DEALLOCATE_MS - 1);
    assert.ok(kit.attrs('agent1', id) !== undefined);
    assert.deepEqual(kit.listener.deallocated, []);
    kit.clock.advance(1);
    assert.equal(kit.attrs('agent1', id), undefined);
    assert.deepEqual(kit.listener.deallocated, [id]);
    assert.equal(kit.engine.interactions().length, 0);
    assert.equal(kit.host.clock.pendingTimers, 0);
    const last = kit.listener.changes.at(-1);
    assert.equal(last?.kind, 'removed');
  });

  it('the remote side of an internal call hanging up is the other agent disconnecting', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    const out = kit.engine.createCall('agent1', { target: 'agent2' });
    const inId = kit.engine.queueContents(userQueue('agent2'))[0]!.interactionId;
    kit.engine.pickup('agent2', inId);
    kit.engine.remoteHangup(out);
    assert.equal(kit.state('agent2', inId), 'I');
    assert.equal(kit.state('agent1', out), 'E');
  });

  it('reset drops every interaction and timer', () => {
    const kit = makeKit();
    connectedCall(kit);
    kit.engine.offerCall({ from, to: { workgroup: 'Support' } });
    kit.engine.createCall('agent1', { target: '+13175559999' });
    assert.ok(kit.host.clock.pendingTimers > 0);
    kit.engine.reset();
    assert.equal(kit.host.clock.pendingTimers, 0);
    assert.deepEqual(kit.engine.interactions(), []);
    assert.deepEqual(kit.engine.queueContents(userQueue('agent1')), []);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), []);
    const id = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    assert.equal(kit.state('agent1', id), 'A', 'works normally afterwards');
  });
});
