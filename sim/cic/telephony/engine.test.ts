import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeKit, NOT_ANSWERING, userQueue, workgroupQueue, type Kit } from './test-kit.js';

const caller = { from: '+13175550101', fromName: 'Pat Doe' };

function offerSupport(kit: Kit, from = caller.from): string {
  return kit.engine.offerCall({ from, fromName: caller.fromName, to: { workgroup: 'Support' } });
}

/** Who the interaction is alerting (the user queue that shows it in state A). */
function alertingAt(kit: Kit, id: string): string | null {
  for (const userId of ['agent1', 'agent2', 'agent3', 'agent4'])
    if (kit.state(userId, id) === 'A') return userId;
  return null;
}

describe('ACD routing', () => {
  it('offers to the agent who has been ready longest, then by last call end', () => {
    const kit = makeKit();
    kit.login('agent2');
    kit.clock.advance(1_000);
    kit.login('agent1');
    kit.clock.advance(1_000);
    kit.login('agent3');
    const first = offerSupport(kit);
    assert.equal(alertingAt(kit, first), 'agent2', 'agent2 became ready first');
    const second = offerSupport(kit);
    assert.equal(alertingAt(kit, second), 'agent1');
    const third = offerSupport(kit);
    assert.equal(alertingAt(kit, third), 'agent3');
    for (const [user, id] of [
      ['agent2', first],
      ['agent1', second],
      ['agent3', third],
    ] as const)
      kit.engine.pickup(user, id);
    kit.clock.advance(5_000);
    kit.engine.disconnect('agent1', second);
    kit.clock.advance(5_000);
    kit.engine.disconnect('agent2', first);
    const fourth = offerSupport(kit);
    assert.equal(alertingAt(kit, fourth), 'agent1', 'agent1 ended the earlier call, so is idle longest');
    const fifth = offerSupport(kit);
    assert.equal(alertingAt(kit, fifth), 'agent2');
  });

  it('counts idle time from the end of the last call, not of an alert that went elsewhere', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.clock.advance(1_000);
    kit.login('agent2');
    const direct = kit.engine.offerCall({ ...caller, to: { user: 'agent2' } });
    kit.engine.pickup('agent2', direct);
    kit.clock.advance(4_000);
    kit.engine.disconnect('agent2', direct);
    kit.clock.advance(1_000);
    const deflected = offerSupport(kit);
    assert.equal(alertingAt(kit, deflected), 'agent1');
    kit.engine.sendToVoicemail('agent1', deflected);
    const next = offerSupport(kit);
    assert.equal(alertingAt(kit, next), 'agent1', 'agent1 has not talked since logging on');
  });

  it('gives each agent one voice interaction at a time and waits when all are busy', () => {
    const kit = makeKit();
    kit.login('agent1');
    const a = offerSupport(kit);
    const b = offerSupport(kit);
    assert.equal(kit.state('agent1', a), 'A');
    assert.equal(kit.attrs('agent1', b), undefined, 'the second call does not alert the busy agent');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [b]);
    const waiting = kit.entry(workgroupQueue('Support'), b);
    assert.equal(waiting?.attributes['Eic_State'], 'O');
    assert.equal(waiting?.attributes['Eic_CallStateString'], 'ACD - Wait Agent');
    kit.engine.pickup('agent1', a);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [b]);
    kit.engine.disconnect('agent1', a);
    assert.equal(kit.state('agent1', b), 'A', 'routed once the agent is free');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), []);
  });

  it('serves waiting calls first in, first out', () => {
    const kit = makeKit();
    const a = offerSupport(kit);
    kit.clock.advance(100);
    const b = offerSupport(kit);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [a, b]);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Sales'), []);
    kit.login('agent1');
    assert.equal(kit.state('agent1', a), 'A');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [b]);
  });

  it('re-offers after the alert timeout and sets the skipped agent to not answering', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    const id = offerSupport(kit);
    assert.equal(alertingAt(kit, id), 'agent1');
    assert.equal(kit.attrs('agent1', id)?.['Eic_CallStateString'], 'ACD - Alerting: Agent1 Name');
    kit.clock.advance(9_999);
    assert.equal(alertingAt(kit, id), 'agent1');
    kit.clock.advance(1);
    assert.deepEqual(kit.host.statusSets, [{ userId: 'agent1', statusId: NOT_ANSWERING }]);
    assert.equal(kit.attrs('agent1', id), undefined, 'gone from the skipped agent');
    assert.equal(alertingAt(kit, id), 'agent2');
    assert.equal(kit.attrs('agent2', id)?.['Eic_CallStateString'], 'ACD - Alerting: Agent2 Name');
    kit.clock.advance(10_000);
    assert.equal(kit.host.statusSets.length, 2);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [id]);
    assert.equal(
      kit.entry(workgroupQueue('Support'), id)?.attributes['Eic_CallStateString'],
      'ACD - Wait Agent -> Last Attempted: Agent2 Name',
    );
    assert.equal(kit.listener.history.length, 0, 'a missed ACD offer is no history entry');
  });

  it('tries an agent who timed out again only when nobody else is free', () => {
    const kit = makeKit();
    // A host that records the status request but leaves the agent available.
    kit.host.setSystemStatus = (userId, statusId) => void kit.host.statusSets.push({ userId, statusId });
    kit.login('agent1');
    const id = offerSupport(kit);
    kit.clock.advance(10_000);
    assert.equal(alertingAt(kit, id), 'agent1', 'still the only ready agent');
    assert.equal(kit.host.statusSets.length, 1);
    kit.login('agent2');
    kit.clock.advance(10_000);
    assert.equal(alertingAt(kit, id), 'agent2', 'agent2 has not been tried yet');
    kit.clock.advance(10_000);
    assert.equal(alertingAt(kit, id), 'agent1', 'both tried: the longest idle again');
  });

  it('waits for an agent who becomes available, activated, or gets a station', () => {
    const kit = makeKit();
    kit.login('agent1', { available: false });
    kit.login('agent2', { activated: [] });
    const id = offerSupport(kit);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [id]);
    kit.setAgent('agent2', { activatedWorkgroups: new Set(['Support']) });
    assert.equal(alertingAt(kit, id), 'agent2');
    kit.engine.disconnect('agent2', id);
    const next = offerSupport(kit);
    assert.equal(alertingAt(kit, next), 'agent2', 'free again after the disconnect; agent1 is not available');
  });

  it('routes when a stationless agent logs on to a station', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.setAgent('agent1', { station: null });
    const id = offerSupport(kit);
    assert.equal(alertingAt(kit, id), null);
    kit.setAgent('agent1', {
      station: { stationId: 'ws1', extension: '1001', kind: 'workstation', persistent: false },
    });
    assert.equal(alertingAt(kit, id), 'agent1');
  });

  it('re-queues an alerting offer when the agent logs off', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    kit.setAgent('agent2', { statusIsAcd: false });
    const id = offerSupport(kit);
    assert.equal(alertingAt(kit, id), 'agent1');
    kit.host.agents.get('agent1')!.loggedIn = false;
    kit.engine.agentLoggedOff('agent1');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), [id]);
    assert.equal(kit.host.statusSets.length, 0, 'logging off is not "not answering"');
    kit.setAgent('agent2', { statusIsAcd: true });
    assert.equal(alertingAt(kit, id), 'agent2');
  });

  it('keeps an ACD call in the workgroup queue and the agent queue once assigned', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = offerSupport(kit);
    kit.engine.pickup('agent1', id);
    const mine = kit.attrs('agent1', id);
    assert.equal(mine?.['Eic_State'], 'C');
    assert.equal(mine?.['Eic_CallStateString'], 'Connected');
    assert.equal(mine?.['Eic_WorkgroupName'], 'Support');
    assert.equal(mine?.['Eic_RemoteName'], 'Pat Doe');
    assert.equal(mine?.['Eic_RemoteAddress'], '+13175550101');
    assert.equal(mine?.['Eic_LocalName'], 'Agent1 Name');
    assert.equal(mine?.['Eic_LocalUserId'], 'agent1');
    assert.equal(mine?.['Eic_WrapUpCodeSet'], 'Resolved|Escalated');
    assert.equal(kit.entry(workgroupQueue('Support'), id)?.attributes['Eic_State'], 'C');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), []);
  });

  it('lets a workgroup member pick a waiting call from the workgroup queue', () => {
    const kit = makeKit();
    kit.login('agent1', { available: false });
    const id = offerSupport(kit);
    kit.engine.pickup('agent1', id);
    assert.equal(kit.state('agent1', id), 'C');
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), []);
    assert.throws(() => kit.engine.pickup('agent4', offerSupport(kit)), { status: 404 });
  });
});

describe('queue reporting', () => {
  it('reports added, changed (only changed names) and removed per queue', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = offerSupport(kit);
    const forAgent = kit.listener.changes.filter(
      (c) => c.queue.queueType === 1 && c.queue.queueName === 'agent1',
    );
    assert.equal(forAgent.length, 1);
    assert.equal(forAgent[0]?.kind, 'added');
    kit.listener.clear();
    assert.throws(() => kit.engine.mute('agent1', id, true), { status: 400 });
    assert.equal(kit.listener.changes.length, 0, 'a refused command reports nothing');
    kit.engine.disconnect('agent1', id);
    const removed = kit.listener.changes.filter((c) => c.kind === 'removed');
    assert.deepEqual(removed, []);
    kit.clock.advance(120_000);
    const gone = kit.listener.changes.filter((c) => c.kind === 'removed').map((c) => c.queue.queueType);
    assert.deepEqual(gone.sort(), [0, 1, 2, 3]);
  });

  it('lists only the attributes whose values changed', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = offerSupport(kit);
    kit.engine.pickup('agent1', id);
    kit.listener.clear();
    kit.engine.mute('agent1', id, true);
    const change = kit.listener.changes.find((c) => c.queue.queueType === 1);
    assert.equal(change?.kind, 'changed');
    assert.deepEqual(change?.changedAttributes, ['Eic_Muted']);
    assert.equal(change?.entry.attributes['Eic_Muted'], '1');
    const queues = kit.listener.changes.map((c) => `${c.queue.queueType}:${c.queue.queueName}`).sort();
    assert.deepEqual(queues, ['0:agent1', '1:agent1', '2:Support', '3:station-agent1']);
    kit.listener.clear();
    kit.engine.mute('agent1', id, true);
    assert.equal(kit.listener.changes.length, 0, 'muting again changes nothing, so nothing is reported');
  });

  it('never reports a change without changed attributes, nor touches unrelated interactions', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    const a = offerSupport(kit);
    const b = offerSupport(kit);
    kit.engine.pickup('agent1', a);
    kit.listener.clear();
    kit.engine.pickup('agent2', b);
    kit.engine.hold('agent2', b, true);
    kit.clock.advance(60_000);
    assert.ok(kit.listener.changes.length > 0);
    assert.ok(kit.listener.changes.every((c) => c.entry.interactionId === b));
    for (const c of kit.listener.changes.filter((x) => x.kind === 'changed'))
      assert.ok(c.changedAttributes.length > 0, 'changed with no names');
  });

  it('queues a user interaction in their user, system (My Interactions) and station queues', () => {
    const kit = makeKit();
    kit.login('agent1');
    const id = kit.engine.offerCall({ ...caller, to: { user: 'agent1' } });
    const views = kit.engine.interactions();
    assert.equal(views.length, 1);
    assert.deepEqual(
      views[0]?.queues.map((q) => `${q.queueType}:${q.queueName}`),
      ['1:agent1', '0:agent1', '3:station-agent1'],
    );
    assert.equal(kit.engine.queueContents({ queueType: 0, queueName: 'agent1' })[0]?.interactionId, id);
    assert.equal(kit.engine.queueContents({ queueType: 3, queueName: 'station-agent1' }).length, 1);
    assert.equal(kit.engine.queueContents(userQueue('agent2')).length, 0);
  });
});

describe('re-entrant listeners and abandoned calls', () => {
  it('a listener may call back into the engine while it is being told about a change', () => {
    const kit = makeKit();
    kit.login('agent1');
    kit.login('agent2');
    const seen: number[] = [];
    const { listener } = kit;
    const original = listener.onPhoneChanged.bind(listener);
    listener.onPhoneChanged = (userId, onPhone) => {
      original(userId, onPhone);
      // The session layer might move the agent out of an ACD status while on the phone.
      kit.setAgent(userId, { statusIsAcd: !onPhone });
    };
    listener.queueChanged = (change) => {
      listener.changes.push(change);
      seen.push(kit.engine.queueContents(change.queue).length);
    };
    const a = offerSupport(kit);
    kit.engine.pickup('agent1', a);
    const b = offerSupport(kit);
    assert.equal(alertingAt(kit, b), 'agent2');
    kit.engine.disconnect('agent1', a);
    const c = offerSupport(kit);
    assert.equal(alertingAt(kit, c), 'agent1', 'available again after the call');
    assert.ok(seen.length > 0);
  });

  it('a caller who hangs up while waiting or alerting leaves the line', () => {
    const kit = makeKit();
    const waiting = offerSupport(kit);
    kit.engine.remoteHangup(waiting);
    assert.deepEqual(kit.engine.waitingInWorkgroup('Support'), []);
    assert.equal(kit.entry(workgroupQueue('Support'), waiting)?.attributes['Eic_State'], 'E');
    kit.login('agent1');
    assert.equal(kit.engine.queueContents(userQueue('agent1')).length, 0, 'nothing is offered');
    const alerting = offerSupport(kit);
    kit.engine.remoteHangup(alerting);
    assert.equal(kit.state('agent1', alerting), 'E');
    kit.clock.advance(10_000);
    assert.deepEqual(kit.host.statusSets, [], 'no alert timeout after the caller left');
    assert.deepEqual(
      kit.listener.history.map((h) => [h.userId, h.entry.interactionHistoryStatus]),
      [['agent1', 0]],
    );
  });
});
