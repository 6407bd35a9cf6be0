import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capability } from '../capabilities.js';
import type { Input } from '../inputs.js';
import { Right } from '../rights.js';
import {
  ALL_RIGHTS,
  added,
  changed,
  CONNECTED_CAPS,
  iid,
  removed,
  run,
  withCall,
} from '../testing/fixtures.js';
import { selectControls } from '../interaction/controls.js';
import { selectConsult, selectTransfer } from './transfer-selectors.js';
import type { TransferCandidate, TransferTarget } from './transfer-state.js';

const call = () => withCall('1', 'C', CONNECTED_CAPS);
const bob: TransferTarget = { kind: 'user', userId: 'bob', displayName: 'Bob' };
const consultStarted: Input = {
  kind: 'obs.consult.started',
  interactionId: iid('1'),
  consultId: 'k1',
  consultInteractionId: iid('2'),
};
const consulting = () =>
  run(
    call(),
    { kind: 'intent.consult.start', interactionId: iid('1'), target: bob },
    consultStarted,
    added('2', { Eic_State: 'C', Eic_IsConsult: '1' }),
  ).state;

describe('transfer search', () => {
  it('searches the directory for targets and shows only the latest answer', () => {
    const r = run(call(), {
      kind: 'intent.transfer.search',
      interactionId: iid('1'),
      text: ' bo ',
      targetTypes: [],
    });
    assert.deepEqual(r.effects, [
      {
        kind: 'cic.transfer.search',
        requestId: 'r1',
        text: 'bo',
        targetTypes: ['user', 'workgroup', 'attendantProfile', 'station'],
      },
    ]);
    const newer = run(r.state, {
      kind: 'intent.transfer.search',
      interactionId: iid('1'),
      text: 'bob',
      targetTypes: ['user'],
    }).state;
    const candidate: TransferCandidate = {
      target: bob,
      extension: '7002',
      firstName: 'Bob',
      lastName: 'B',
      statusId: 'Available',
      loggedIn: true,
      onPhone: true,
    };
    const stale = run(newer, { kind: 'obs.transfer.results', requestId: 'r1', candidates: [candidate] });
    assert.equal(stale.diagnostics[0]?.code, 'stale');
    const fresh = run(newer, {
      kind: 'obs.transfer.results',
      requestId: 'r2',
      candidates: [candidate, { ...candidate, target: { kind: 'workgroup', name: 'Sales' } }],
    });
    const view = selectTransfer(fresh.state);
    assert.equal(view.searching, false);
    assert.deepEqual(
      view.results.map((x) => x.consultable),
      [true, false],
    );
    assert.equal(view.results[0]?.candidate.onPhone, true);
  });
  it('clears results for empty text and refuses when Transfer is not allowed', () => {
    assert.equal(
      run(call(), { kind: 'intent.transfer.search', interactionId: iid('1'), text: '  ', targetTypes: [] })
        .state.transfer.search,
      null,
    );
    const noRight = withCall('1', 'C', CONNECTED_CAPS, {
      rights: ALL_RIGHTS.filter((r) => r !== Right.TransferInteractions),
    });
    assert.equal(
      run(noRight, { kind: 'intent.transfer.search', interactionId: iid('1'), text: 'bo', targetTypes: [] })
        .diagnostics[0]?.reason,
      'missingRight',
    );
  });
});

describe('blind transfer', () => {
  it('transfers to users, workgroups, attendant profiles and numbers dialed as digits', () => {
    const targets: TransferTarget[] = [
      bob,
      { kind: 'workgroup', name: 'Sales' },
      { kind: 'attendantProfile', name: 'Main Menu' },
      { kind: 'number', number: '3175550000' },
    ];
    for (const target of targets) {
      const r = run(call(), { kind: 'intent.transfer.blind', interactionId: iid('1'), target });
      assert.deepEqual(r.effects, [{ kind: 'cic.blindTransfer', interactionId: '1', target }]);
      assert.equal(r.state.queue.byId['1']?.pending?.op, 'transfer');
    }
  });
  it('refuses empty targets and calls without the Transfer bit', () => {
    assert.equal(
      run(call(), {
        kind: 'intent.transfer.blind',
        interactionId: iid('1'),
        target: { kind: 'number', number: ' ' },
      }).diagnostics[0]?.reason,
      'numberRequired',
    );
    const noBit = withCall('1', 'C', CONNECTED_CAPS - Capability.Transfer);
    assert.equal(
      run(noBit, { kind: 'intent.transfer.blind', interactionId: iid('1'), target: bob }).diagnostics[0]
        ?.reason,
      'notAllowedNow',
    );
  });
});

describe('consult transfer', () => {
  it('starts a consult and follows the server', () => {
    const r = run(call(), { kind: 'intent.consult.start', interactionId: iid('1'), target: bob });
    assert.deepEqual(r.effects, [{ kind: 'cic.consult.start', interactionId: '1', target: bob }]);
    assert.equal(selectConsult(r.state)?.status, 'starting');
    assert.equal(selectControls(r.state).consult.reason, 'pending');
    const s = consulting();
    const view = selectConsult(s);
    assert.equal(view?.status, 'active');
    assert.equal(view?.audience, 'consultant');
    assert.deepEqual(view?.actions, {
      complete: true,
      both: true,
      neither: true,
      talkToCaller: true,
      talkToConsultant: false,
      disconnectConsultant: true,
      cancel: true,
    });
  });
  it('never consults into a workgroup queue or an attendant profile', () => {
    for (const target of [
      { kind: 'workgroup', name: 'Sales' },
      { kind: 'attendantProfile', name: 'Main' },
    ] as const) {
      const r = run(call(), { kind: 'intent.consult.start', interactionId: iid('1'), target });
      assert.deepEqual(r.effects, []);
      assert.equal(r.diagnostics[0]?.reason, 'consultUnsupportedTarget');
    }
  });
  it('changes who hears whom: both, neither, caller, consultant', () => {
    const s = consulting();
    const cases = [
      ['intent.consult.both', 'both'],
      ['intent.consult.neither', 'neither'],
      ['intent.consult.talkToCaller', 'caller'],
    ] as const;
    for (const [kind, audience] of cases) {
      assert.deepEqual(run(s, { kind }).effects, [
        { kind: 'cic.consult.audience', interactionId: '1', consultId: 'k1', audience },
      ]);
    }
    assert.equal(run(s, { kind: 'intent.consult.talkToConsultant' }).diagnostics[0]?.code, 'duplicate');
    const moved = run(s, { kind: 'obs.consult.audience', consultId: 'k1', audience: 'both' }).state;
    assert.equal(selectConsult(moved)?.audience, 'both');
    assert.deepEqual(run(moved, { kind: 'intent.consult.talkToConsultant' }).effects[0], {
      kind: 'cic.consult.audience',
      interactionId: '1',
      consultId: 'k1',
      audience: 'consultant',
    });
  });
  it('completes the transfer; both legs leaving the queue end the consult', () => {
    const r = run(consulting(), { kind: 'intent.consult.complete' });
    assert.deepEqual(r.effects, [{ kind: 'cic.consult.conclude', interactionId: '1', consultId: 'k1' }]);
    assert.equal(selectConsult(r.state)?.status, 'closing');
    assert.equal(run(r.state, { kind: 'intent.consult.complete' }).diagnostics[0]?.code, 'ignoredInPhase');
    assert.equal(run(r.state, removed(['1', '2'])).state.transfer.consult, null);
  });
  it('cancels, or disconnects only the consultant', () => {
    assert.deepEqual(run(consulting(), { kind: 'intent.consult.cancel' }).effects, [
      { kind: 'cic.consult.cancel', interactionId: '1', consultId: 'k1' },
    ]);
    const r = run(consulting(), { kind: 'intent.consult.disconnectConsultant' });
    assert.deepEqual(r.effects, [{ kind: 'cic.disconnect', interactionId: '2' }]);
    const ended = run(r.state, changed('2', { Eic_State: 'I' }));
    assert.equal(ended.state.transfer.consult, null);
    assert.equal(ended.state.queue.byId['1']?.phase, 'connected');
  });
  it('reopens the consult when completing fails, and drops it when starting fails', () => {
    const closing = run(consulting(), { kind: 'intent.consult.complete' }).state;
    const failed = run(closing, {
      kind: 'obs.command.failed',
      operation: 'consultConclude',
      interactionId: iid('1'),
      requestId: null,
      errorKind: 'rejected',
      errorId: null,
      message: null,
    });
    assert.equal(selectConsult(failed.state)?.status, 'active');
    const starting = run(call(), {
      kind: 'intent.consult.start',
      interactionId: iid('1'),
      target: bob,
    }).state;
    const noConsult = run(starting, {
      kind: 'obs.command.failed',
      operation: 'consultStart',
      interactionId: iid('1'),
      requestId: null,
      errorKind: 'notFound',
      errorId: null,
      message: null,
    });
    assert.equal(noConsult.state.transfer.consult, null);
    assert.equal(noConsult.state.queue.byId['1']?.pending, null);
  });
  it('reports consult messages that match nothing', () => {
    assert.equal(run(call(), consultStarted).diagnostics[0]?.code, 'unexpected');
    assert.equal(
      run(consulting(), { kind: 'obs.consult.audience', consultId: 'zz', audience: 'both' }).diagnostics[0]
        ?.code,
      'stale',
    );
    assert.equal(
      run(consulting(), { kind: 'obs.consult.ended', consultId: 'k1' }).state.transfer.consult,
      null,
    );
    assert.equal(run(call(), { kind: 'intent.consult.both' }).diagnostics[0]?.code, 'ignoredInPhase');
  });
  it('ends the consult when the caller hangs up', () => {
    assert.equal(run(consulting(), changed('1', { Eic_State: 'E' })).state.transfer.consult, null);
  });
});
