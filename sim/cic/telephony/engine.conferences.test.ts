import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeKit, userQueue, type Kit } from './test-kit.js';

function twoCalls(kit: Kit): [string, string] {
  kit.login('agent1');
  const a = kit.engine.offerCall({ from: '+13175550101', fromName: 'Pat Doe', to: { user: 'agent1' } });
  kit.engine.pickup('agent1', a);
  const b = kit.engine.createCall('agent1', { target: '+13175550123' });
  kit.clock.advance(2_000);
  return [a, b];
}

function parentOf(kit: Kit, id: string): string | undefined {
  return kit.entry(userQueue('agent1'), id)?.conferenceParentId;
}

describe('conferences', () => {
  it('create: a Conference root plus members with Eic_ConferenceId and conferenceParentId', () => {
    const kit = makeKit();
    const [a, b] = twoCalls(kit);
    assert.equal(kit.state('agent1', a), 'H', 'dialling held the first call');
    const conf = kit.engine.createConference('agent1', [a, b]);
    const root = kit.attrs('agent1', conf);
    assert.equal(root?.['Eic_ObjectType'], 'Conference');
    assert.equal(root?.['Eic_State'], 'C');
    assert.equal(root?.['Eic_ConferenceId'], conf);
    assert.equal(root?.['Eic_ConferenceMembers'], `${a}|${b}`);
    for (const id of [a, b]) {
      assert.equal(kit.state('agent1', id), 'C', 'members talk together');
      assert.equal(kit.attrs('agent1', id)?.['Eic_ConferenceId'], conf);
      assert.equal(parentOf(kit, id), conf);
    }
    assert.equal(parentOf(kit, conf), undefined);
    const joined = kit.listener.changes.find(
      (c) => c.entry.interactionId === a && c.entry.conferenceParentId === conf,
    );
    assert.equal(joined?.kind, 'changed');
    assert.ok(joined?.changedAttributes.includes('Eic_ConferenceId'));
    const view = kit.engine.interactions().find((v) => v.interactionId === b);
    assert.equal(view?.conferenceParentId, conf);
  });

  it('add: another connected call joins; invite-party calls a new member in', () => {
    const kit = makeKit();
    const [a, b] = twoCalls(kit);
    const conf = kit.engine.createConference('agent1', [a, b]);
    const c = kit.engine.offerCall({ from: '+13175550303', to: { user: 'agent1' } });
    kit.engine.pickup('agent1', c);
    assert.equal(kit.state('agent1', conf), 'H', 'picking up another call held the conference');
    assert.equal(kit.state('agent1', a), 'H');
    kit.engine.addToConference('agent1', conf, [c]);
    assert.equal(parentOf(kit, c), conf);
    assert.equal(kit.state('agent1', conf), 'C');
    assert.equal(kit.state('agent1', a), 'C');
    kit.login('agent2');
    kit.engine.invitePartyToConference('agent1', conf, '1002');
    const invited = kit.engine
      .queueContents(userQueue('agent1'))
      .find((e) => e.attributes['Eic_State'] === 'R');
    assert.ok(invited !== undefined);
    assert.equal(invited.conferenceParentId, conf);
    assert.equal(
      kit.attrs('agent1', conf)?.['Eic_ConferenceMembers'],
      `${a}|${b}|${c}|${invited.interactionId}`,
    );
    const theirs = kit.engine.queueContents(userQueue('agent2'))[0]!;
    kit.engine.pickup('agent2', theirs.interactionId);
    assert.equal(kit.state('agent1', invited.interactionId), 'C');
  });

  it('invite-party on a single call makes a conference of it and the new party', () => {
    const kit = makeKit();
    kit.login('agent1');
    const a = kit.engine.offerCall({ from: '+13175550101', to: { user: 'agent1' } });
    kit.engine.pickup('agent1', a);
    kit.engine.inviteParty('agent1', a, '+13175550456');
    const conf = parentOf(kit, a);
    assert.ok(conf !== undefined);
    assert.equal(kit.attrs('agent1', conf)?.['Eic_ObjectType'], 'Conference');
    kit.clock.advance(2_000);
    const members = kit.engine
      .queueContents(userQueue('agent1'))
      .filter((e) => e.conferenceParentId === conf);
    assert.deepEqual(
      members.map((m) => m.attributes['Eic_State']),
      ['C', 'C'],
    );
    kit.engine.inviteParty('agent1', a, '+13175550789');
    assert.equal(
      kit.engine.queueContents(userQueue('agent1')).filter((e) => e.conferenceParentId === conf).length,
      3,
    );
  });

  it('leave: a member hanging up keeps the others; below two parties the conference ends', () => {
    const kit = makeKit();
    const [a, b] = twoCalls(kit);
    const c = kit.engine.offerCall({ from: '+13175550303', to: { user: 'agent1' } });
    kit.engine.pickup('agent1', c);
    const conf = kit.engine.createConference('agent1', [a, b, c]);
    kit.engine.remoteHangup(b);
    assert.equal(kit.state('agent1', b), 'E');
    assert.equal(parentOf(kit, b), undefined, 'a party that left is no longer a member');
    assert.equal(kit.state('agent1', conf), 'C');
    assert.equal(kit.attrs('agent1', conf)?.['Eic_ConferenceMembers'], `${a}|${c}`);
    kit.engine.disconnect('agent1', c);
    assert.equal(kit.state('agent1', conf), 'I', 'one party left: the conference is over');
    assert.equal(kit.state('agent1', a), 'C', 'the last party stays connected');
    assert.equal(parentOf(kit, a), undefined);
    assert.equal(kit.attrs('agent1', a)?.['Eic_ConferenceId'], '');
    kit.clock.advance(120_000);
    assert.equal(kit.attrs('agent1', conf), undefined);
    assert.ok(kit.listener.deallocated.includes(conf));
  });

  it('hold, mute and disconnect on the conference apply to every member', () => {
    const kit = makeKit();
    const [a, b] = twoCalls(kit);
    const conf = kit.engine.createConference('agent1', [a, b]);
    kit.engine.hold('agent1', conf, true);
    assert.deepEqual([kit.state('agent1', a), kit.state('agent1', b)], ['H', 'H']);
    kit.engine.pickup('agent1', conf);
    assert.deepEqual([kit.state('agent1', a), kit.state('agent1', b)], ['C', 'C']);
    kit.engine.mute('agent1', conf, true);
    assert.equal(kit.attrs('agent1', a)?.['Eic_Muted'], '1');
    assert.throws(
      () => kit.engine.blindTransfer('agent1', a, { target: '1002' }),
      { status: 400 },
      'members do not transfer',
    );
    kit.engine.disconnect('agent1', conf);
    assert.deepEqual(
      [kit.state('agent1', conf), kit.state('agent1', a), kit.state('agent1', b)],
      ['I', 'I', 'I'],
    );
    assert.deepEqual(kit.listener.phone.at(-1), { userId: 'agent1', onPhone: false });
    assert.equal(
      kit.listener.history.filter((h) => h.userId === 'agent1').length,
      2,
      'one entry per call, none for the root',
    );
  });

  it('refuses fewer than two calls, duplicates, other agents’ calls, alerting calls and unknown conferences', () => {
    const kit = makeKit();
    const [a, b] = twoCalls(kit);
    assert.throws(() => kit.engine.createConference('agent1', [a]), { status: 400 });
    assert.throws(() => kit.engine.createConference('agent1', [a, a]), { status: 400 });
    kit.login('agent2');
    const theirs = kit.engine.offerCall({ from: '+13175550999', to: { user: 'agent2' } });
    assert.throws(() => kit.engine.createConference('agent1', [a, theirs]), { status: 404 });
    const alerting = kit.engine.offerCall({ from: '+13175550998', to: { user: 'agent1' } });
    assert.throws(() => kit.engine.createConference('agent1', [a, alerting]), { status: 400 });
    assert.throws(() => kit.engine.addToConference('agent1', a, [b]), {
      status: 404,
      errorId: 'error.request.interactions.conferenceNotFound',
    });
    const conf = kit.engine.createConference('agent1', [a, b]);
    assert.throws(() => kit.engine.createConference('agent1', [a, b]), { status: 400 }, 'already members');
    assert.throws(() => kit.engine.addToConference('agent2', conf, [theirs]), { status: 404 });
    assert.throws(() => kit.engine.invitePartyToConference('agent1', conf, 'Support'), { status: 400 });
    assert.throws(() => kit.engine.invitePartyToConference('agent1', conf, 'nobody here'), { status: 400 });
  });
});
