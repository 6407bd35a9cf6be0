import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { loggedOn, ME, run } from '../testing/fixtures.js';
import { selectActivations, selectActiveWorkgroups } from './activation-state.js';

const snapshot: Input = {
  kind: 'obs.activations',
  isDelta: false,
  workgroups: [
    { workgroup: 'Support', active: true, canActivate: true },
    { workgroup: 'Sales', active: false, canActivate: true },
    { workgroup: 'Billing', active: true, canActivate: false },
  ],
};

describe('workgroup activation', () => {
  it('lists only workgroups the agent may activate', () => {
    const s = run(loggedOn(), snapshot).state;
    assert.deepEqual(
      selectActivations(s).map((w) => w.workgroup),
      ['Support', 'Sales'],
    );
    assert.deepEqual(selectActiveWorkgroups(s), ['Support', 'Billing']);
  });
  it('asks the server to change an activation and follows its report', () => {
    const r = run(run(loggedOn(), snapshot).state, {
      kind: 'intent.setActivation',
      workgroup: 'sales',
      active: true,
    });
    assert.deepEqual(r.effects, [
      { kind: 'cic.setActivation', userId: ME, workgroup: 'Sales', active: true },
    ]);
    assert.equal(selectActivations(r.state)[1]?.pending, true);
    assert.equal(selectActivations(r.state)[1]?.active, false);
    const confirmed = run(r.state, {
      kind: 'obs.activations',
      isDelta: true,
      workgroups: [{ workgroup: 'Sales', active: true, canActivate: true }],
    }).state;
    assert.deepEqual(selectActivations(confirmed)[1], {
      workgroup: 'Sales',
      active: true,
      canActivate: true,
      pending: null,
    });
  });
  it('refuses workgroups the agent cannot activate, unknown ones and no-op changes', () => {
    const s = run(loggedOn(), snapshot).state;
    assert.equal(
      run(s, { kind: 'intent.setActivation', workgroup: 'Billing', active: false }).diagnostics[0]?.reason,
      'cannotActivate',
    );
    assert.equal(
      run(s, { kind: 'intent.setActivation', workgroup: 'Nope', active: true }).diagnostics[0]?.reason,
      'unknownWorkgroup',
    );
    assert.equal(
      run(s, { kind: 'intent.setActivation', workgroup: 'Support', active: true }).diagnostics[0]?.code,
      'duplicate',
    );
  });
  it('clears pending changes when the server refuses', () => {
    const s = run(loggedOn(), snapshot, {
      kind: 'intent.setActivation',
      workgroup: 'Sales',
      active: true,
    }).state;
    const r = run(s, {
      kind: 'obs.command.failed',
      operation: 'setActivation',
      interactionId: null,
      requestId: null,
      errorKind: 'forbidden',
      errorId: null,
      message: null,
    }).state;
    assert.equal(selectActivations(r)[1]?.pending, null);
  });
});
