import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capability } from './capabilities.js';
import { License, Right } from './host.js';
import { makeKit, USERS, userQueue, workgroupQueue, type Kit } from './test-kit.js';

const from = '+13175550101';

function connected(kit: Kit, userId = 'agent1'): string {
  kit.login(userId);
  const id = kit.engine.offerCall({ from, to: { user: userId } });
  kit.engine.pickup(userId, id);
  return id;
}

function caps(kit: Kit, userId: string, id: string): number {
  return Number(kit.attrs(userId, id)?.['Eic_Capabilities']);
}

const has = (mask: number, bit: number): boolean => (mask & bit) === bit;

describe('hold and mute', () => {
  it('hold toggles Held/Connected; pickup also retrieves', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.hold('agent1', id, true);
    assert.equal(kit.state('agent1', id), 'H');
    assert.equal(kit.attrs('agent1', id)?.['Eic_CallStateString'], 'On Hold');
    assert.ok(has(caps(kit, 'agent1', id), Capability.Pickup));
    assert.deepEqual(
      kit.listener.phone.at(-1),
      { userId: 'agent1', onPhone: true },
      'held is still on the phone',
    );
    assert.throws(() => kit.engine.hold('agent1', id, true), { status: 400 });
    kit.engine.hold('agent1', id, false);
    assert.equal(kit.state('agent1', id), 'C');
    assert.throws(() => kit.engine.hold('agent1', id, false), { status: 400 });
    kit.engine.hold('agent1', id, true);
    kit.engine.pickup('agent1', id);
    assert.equal(kit.state('agent1', id), 'C');
  });

  it('retrieving one call holds the other', () => {
    const kit = makeKit();
    const a = connected(kit);
    const b = kit.engine.offerCall({ from: '+13175550202', to: { user: 'agent1' } });
    kit.engine.pickup('agent1', b);
    assert.equal(kit.state('agent1', a), 'H');
    kit.engine.hold('agent1', a, false);
    assert.equal(kit.state('agent1', a), 'C');
    assert.equal(kit.state('agent1', b), 'H');
  });

  it('mute sets Eic_Muted on a connected, held or dialling call', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.mute('agent1', id, true);
    assert.equal(kit.attrs('agent1', id)?.['Eic_Muted'], '1');
    kit.engine.mute('agent1', id, false);
    assert.equal(kit.attrs('agent1', id)?.['Eic_Muted'], '0');
    const out = kit.engine.createCall('agent1', { target: '+13175559999' });
    kit.engine.mute('agent1', out, true);
    assert.equal(kit.attrs('agent1', out)?.['Eic_Muted'], '1');
  });
});

describe('recording', () => {
  it('record adds the user to Eic_Recorders, the supervisor variant to Eic_RecordersSupv', () => {
    const kit = makeKit();
    kit.login('sup');
    const id = kit.engine.offerCall({ from, to: { user: 'sup' } });
    kit.engine.pickup('sup', id);
    kit.engine.record('sup', id, true, false);
    assert.equal(kit.attrs('sup', id)?.['Eic_Recorders'], 'sup');
    kit.engine.record('sup', id, true, true);
    assert.equal(kit.attrs('sup', id)?.['Eic_RecordersSupv'], 'sup');
    assert.ok(has(caps(kit, 'sup', id), Capability.Pause), 'pause is offered to a recorder');
    kit.engine.pause('sup', id, true);
    kit.engine.record('sup', id, false, false);
    kit.engine.record('sup', id, false, true);
    assert.equal(kit.attrs('sup', id)?.['Eic_Recorders'], '');
    assert.equal(kit.attrs('sup', id)?.['Eic_RecordersSupv'], '');
    assert.ok(!has(caps(kit, 'sup', id), Capability.Pause));
    assert.throws(() => kit.engine.pause('sup', id, true), { status: 400 }, 'nothing of yours to pause');
  });

  it('refuses the supervisor variant to a non-supervisor', () => {
    const kit = makeKit();
    const id = connected(kit);
    assert.throws(() => kit.engine.record('agent1', id, true, true), { status: 403 });
    assert.throws(() => kit.engine.recordSnippet('agent1', id, true, true), { status: 403 });
  });

  it('a snippet sets Eic_IRSnippetRecordingId, reports the snippet and disables Record', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.recordSnippet('agent1', id, true, false);
    const snippetId = kit.attrs('agent1', id)?.['Eic_IRSnippetRecordingId'];
    assert.ok(snippetId !== undefined && snippetId !== '');
    assert.deepEqual(kit.listener.snippets, [{ interactionId: id, recordingSnippetId: snippetId }]);
    assert.ok(!has(caps(kit, 'agent1', id), Capability.Record));
    assert.throws(() => kit.engine.record('agent1', id, true, false), { status: 400 });
    assert.throws(() => kit.engine.recordSnippet('agent1', id, true, false), { status: 400 });
    kit.engine.recordSnippet('agent1', id, false, false);
    assert.equal(kit.attrs('agent1', id)?.['Eic_IRSnippetRecordingId'], '');
    assert.throws(() => kit.engine.recordSnippet('agent1', id, false, false), { status: 400 });
    kit.engine.recordSnippet('agent1', id, true, false);
    assert.equal(kit.listener.snippets.length, 2);
    assert.notEqual(kit.listener.snippets[1]?.recordingSnippetId, snippetId);
  });

  it('a snippet needs the Recorder Access licence', () => {
    const kit = makeKit(
      USERS.map((u) => (u.userId === 'agent1' ? { ...u, licenses: [License.ClientAccess] } : u)),
    );
    const id = connected(kit);
    assert.throws(() => kit.engine.recordSnippet('agent1', id, true, false), {
      status: 403,
      errorId: 'error.request.interactions.licenseNotAssigned',
    });
  });

  it('making a call private stops ad hoc recordings and forbids new ones', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.record('agent1', id, true, false);
    kit.engine.makePrivate('agent1', id, true);
    assert.equal(kit.attrs('agent1', id)?.['Eic_Private'], '1');
    assert.equal(kit.attrs('agent1', id)?.['Eic_Recorders'], '');
    assert.ok(!has(caps(kit, 'agent1', id), Capability.Record));
    assert.throws(() => kit.engine.record('agent1', id, true, false), { status: 400 });
    kit.engine.makePrivate('agent1', id, false);
    kit.engine.record('agent1', id, true, false);
    assert.equal(kit.attrs('agent1', id)?.['Eic_Recorders'], 'agent1');
  });
});

describe('secure pause', () => {
  it('type 1 pauses for the default 300 s and resumes by itself; pausing again restarts it', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.securePause('agent1', id, 1);
    assert.equal(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '20261122T090000Z');
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '20261122T090500Z');
    kit.clock.advance(200_000);
    kit.engine.securePause('agent1', id, 1);
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '20261122T090820Z');
    kit.clock.advance(299_999);
    assert.notEqual(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '');
    kit.clock.advance(1);
    assert.equal(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '');
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '');
  });

  it('type 2 pauses until type 4 resumes; type 3 uses the given duration', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.securePause('agent1', id, 2);
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '');
    kit.clock.advance(3_600_000);
    assert.equal(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '20261122T090000Z');
    kit.engine.securePause('agent1', id, 4);
    assert.equal(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '');
    kit.engine.securePause('agent1', id, 3, 45);
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '20261122T100045Z');
    kit.clock.advance(45_000);
    assert.equal(kit.attrs('agent1', id)?.['Eic_RecordingsAutoResumeTime'], '');
    assert.throws(() => kit.engine.securePause('agent1', id, 3), { status: 400 });
    assert.throws(() => kit.engine.securePause('agent1', id, 3, 0), { status: 400 });
    assert.throws(() => kit.engine.securePause('agent1', id, 3, 1.5), { status: 400 });
    assert.throws(() => kit.engine.securePause('agent1', id, 7 as 1), { status: 400 });
  });

  it('ends with the call', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.securePause('agent1', id, 1);
    kit.engine.disconnect('agent1', id);
    assert.equal(kit.attrs('agent1', id)?.['Eic_SecureRecordingPauseStartTime'], '');
    assert.equal(kit.host.clock.pendingTimers, 1, 'only deallocation is pending');
  });
});

describe('DTMF', () => {
  it('accepts 0-9 * # A-D and commas on a connected call', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.sendDigits('agent1', id, '12*#ABCD,9');
    for (const bad of ['', '12x', '1 2', 'E', '+1'])
      assert.throws(
        () => kit.engine.sendDigits('agent1', id, bad),
        { status: 400, errorId: 'error.request.interactions.invalidParameter' },
        bad,
      );
    kit.engine.hold('agent1', id, true);
    assert.throws(() => kit.engine.sendDigits('agent1', id, '1'), {
      status: 400,
      errorId: 'error.request.interactions.invalidState',
    });
  });
});

describe('attributes and wrap-up', () => {
  it('get returns the call id alone without names, canonical names otherwise', () => {
    const kit = makeKit();
    const id = connected(kit);
    assert.deepEqual(kit.engine.getAttributes('agent1', id, undefined), { Eic_CallId: id });
    const got = kit.engine.getAttributes('agent1', id, [
      'eic_state',
      'EIC_REMOTEADDRESS',
      'Custom1',
      'eic_capabilities',
    ]);
    assert.deepEqual(Object.keys(got), ['Eic_State', 'Eic_RemoteAddress', 'Custom1', 'Eic_Capabilities']);
    assert.equal(got['Eic_State'], 'C');
    assert.equal(got['Custom1'], '');
    assert.equal(got['Eic_Capabilities'], String(caps(kit, 'agent1', id)));
  });

  it('set writes custom attributes case-insensitively, appends, and refuses read-only ones', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.engine.setAttributes('agent1', id, { CaseId: '500', Eic_AccountCode: '77' }, false);
    kit.engine.setAttributes('agent1', id, { caseid: '-1', eic_accountcode: '8' }, true);
    assert.equal(kit.attrs('agent1', id)?.['CaseId'], '500-1');
    assert.equal(kit.attrs('agent1', id)?.['Eic_AccountCode'], '778');
    kit.engine.setAttributes('agent1', id, { Eic_RemoteName: 'Pat' }, false);
    kit.engine.setAttributes('agent1', id, { Eic_RemoteName: ' Doe' }, true);
    assert.equal(kit.attrs('agent1', id)?.['Eic_RemoteName'], 'Pat Doe');
    kit.listener.clear();
    assert.throws(() => kit.engine.setAttributes('agent1', id, { Fine: 'x', eic_state: 'I' }, false), {
      status: 400,
      errorId: 'error.request.interactions.readOnlyAttribute',
    });
    assert.throws(() => kit.engine.setAttributes('agent1', id, { '': 'x' }, false), { status: 400 });
    assert.equal(kit.attrs('agent1', id)?.['Fine'], undefined, 'nothing written when one name is refused');
    assert.equal(kit.listener.changes.length, 0);
  });

  it('assigns a wrap-up code from the workgroup, also after the call ended', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({ from, to: { workgroup: 'Support' } });
    kit.engine.pickup('agent1', id);
    kit.engine.disconnect('agent1', id);
    const assignment = { code: 'Resolved', segmentId: 1, time: 0, user: 'agent1', sourceInteractionId: id };
    assert.throws(() => kit.engine.assignWrapUp('agent1', id, { ...assignment, code: 'Bogus' }), {
      status: 400,
    });
    assert.throws(() => kit.engine.assignWrapUp('agent1', id, { ...assignment, code: '' }), { status: 400 });
    assert.throws(() => kit.engine.assignWrapUp('agent1', id, { ...assignment, segmentId: -1 }), {
      status: 400,
    });
    kit.engine.assignWrapUp('agent1', id, assignment);
    assert.equal(kit.attrs('agent1', id)?.['Eic_WrapUpCode'], 'Resolved');
    assert.equal(kit.attrs('agent1', id)?.['Eic_WrapupConnectionSegments'], '1|Resolved|agent1');
    kit.engine.assignWrapUp('agent1', id, { ...assignment, code: 'Escalated' });
    assert.equal(kit.attrs('agent1', id)?.['Eic_WrapupConnectionSegments'], '1|Escalated|agent1');
    kit.clock.advance(120_000);
    assert.throws(() => kit.engine.assignWrapUp('agent1', id, assignment), { status: 404 });
  });
});

describe('capabilities', () => {
  it('follow the state: alerting, connected, held, disconnected', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({ from, to: { user: 'agent1' } });
    const alerting = caps(kit, 'agent1', id);
    assert.ok(has(alerting, Capability.Pickup));
    assert.ok(has(alerting, Capability.Disconnect));
    assert.ok(has(alerting, Capability.Messaging));
    assert.ok(!has(alerting, Capability.Hold));
    assert.ok(!has(alerting, Capability.Record));
    kit.engine.pickup('agent1', id);
    const talking = caps(kit, 'agent1', id);
    for (const bit of [
      Capability.Hold,
      Capability.Mute,
      Capability.Disconnect,
      Capability.Transfer,
      Capability.Consult,
      Capability.Park,
      Capability.Conference,
      Capability.Record,
      Capability.Private,
      Capability.SecureRecordingPause,
    ])
      assert.ok(has(talking, bit), `connected offers ${bit}`);
    assert.ok(!has(talking, Capability.Pickup));
    assert.ok(!has(talking, Capability.Pause), 'nothing recording yet');
    kit.engine.disconnect('agent1', id);
    assert.equal(caps(kit, 'agent1', id), 0);
  });

  it('differ per viewer: rights drop bits, the workgroup queue shows state only', () => {
    const rights = [Right.PickupInteractions, Right.DisconnectInteractions, Right.HoldInteractions];
    const kit = makeKit(USERS.map((u) => (u.userId === 'agent2' ? { ...u, rights } : u)));
    kit.login('agent2');
    const id = kit.engine.offerCall({ from, to: { workgroup: 'Support' } });
    kit.engine.pickup('agent2', id);
    const mine = caps(kit, 'agent2', id);
    assert.equal(mine, Capability.Disconnect | Capability.Hold);
    const inWorkgroup = Number(kit.entry(workgroupQueue('Support'), id)?.attributes['Eic_Capabilities']);
    assert.ok(has(inWorkgroup, Capability.Transfer | Capability.Record | Capability.Mute));
    const userChange = kit.listener.changes
      .filter((c) => c.queue.queueName === 'agent2' && c.queue.queueType === 1)
      .at(-1);
    const wgChange = kit.listener.changes.filter((c) => c.queue.queueName === 'Support').at(-1);
    assert.notEqual(
      userChange?.entry.attributes['Eic_Capabilities'],
      wgChange?.entry.attributes['Eic_Capabilities'],
    );
  });

  it('are recomputed when an agent’s rights or station change (agentChanged)', () => {
    const kit = makeKit();
    const id = connected(kit);
    kit.listener.clear();
    kit.setAgent('agent1', {
      station: { stationId: 'other', extension: '1001', kind: 'workstation', persistent: false },
    });
    const moved = kit.listener.changes.map((c) => `${c.kind}:${c.queue.queueType}:${c.queue.queueName}`);
    assert.ok(moved.includes('removed:3:station-agent1'));
    assert.ok(moved.includes('added:3:other'));
    assert.equal(kit.engine.queueContents(userQueue('agent1'))[0]?.interactionId, id);
  });
});
