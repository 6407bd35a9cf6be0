/**
 * Regression tests for what the ICWS fuzz test found: text from the server used as a key of a
 * plain state record (`"constructor"`, `"__proto__"`, `"toString"`…) read `Object.prototype`
 * instead of nothing, and conference parents naming themselves (or each other) hid interactions.
 * These call the domain's step functions directly, below the CRM rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseAttributes, selectControls, selectInteractions, selectStatusBar } from '../../src/domain/index.js';
import { stepQueueMessage } from '../../src/domain/interaction/queue-step.js';
import type { Input } from '../../src/domain/inputs.js';
import type { SoftphoneState } from '../../src/domain/softphone-state.js';
import { stepStatusInput } from '../../src/domain/status/status-step.js';
import { createStepOutput } from '../../src/domain/step-output.js';
import { loggedOn } from '../../src/domain/testing/agent.js';
import { ALERTING_CAPS, added, CONNECTED_CAPS, inbound, removed, T0 } from '../../src/domain/testing/fixtures.js';
import { checkInvariants } from '../../src/domain/testing/invariants.js';
import { codesFor } from '../../src/domain/wrap-up/wrap-up-step.js';

type QueueInput = Parameters<typeof stepQueueMessage>[1];

function queue(state: SoftphoneState, input: Input): SoftphoneState {
  return stepQueueMessage(state, input as QueueInput, createStepOutput(input.kind));
}

const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

/**
 * Invariants outside the CRM rules: src/domain/crm-rules has the same prototype-key lookups
 * (`crm.outbox[id]`, `codesByWorkgroup[workgroup]`); the fuzz test covers those, reported to its owners.
 */
function domainProblems(state: SoftphoneState): string[] {
  return checkInvariants(state).filter((p) => !p.startsWith('selectCallLogs') && !p.startsWith('selectCrmStatus'));
}

describe('fuzz regressions: prototype keys from the server', () => {
  for (const id of PROTO_KEYS) {
    it(`an interaction with id ${JSON.stringify(id)} is added, shown and removed like any other`, () => {
      // JSON.parse makes "__proto__" an own key, as it arrives on the wire.
      const input = JSON.parse(JSON.stringify(added(id, inbound('A', ALERTING_CAPS), T0 + 1000))) as Input;
      let state = queue(loggedOn(), input);
      assert.deepEqual(state.queue.order, [id]);
      assert.ok(Object.prototype.hasOwnProperty.call(state.queue.byId, id));
      assert.deepEqual(selectInteractions(state).map((r) => r.id), [id]);
      assert.equal(selectControls(state, id).pickup.availability, 'enabled');
      assert.deepEqual(domainProblems(state), []);
      state = queue(state, removed([id], T0 + 2000));
      assert.deepEqual(state.queue.order, []);
      assert.deepEqual(domainProblems(state), []);
    });
  }

  it('controls for an id that is not in the queue read nothing from Object.prototype', () => {
    for (const id of PROTO_KEYS) assert.doesNotThrow(() => selectControls(loggedOn(), id));
  });

  it('a status update for user "__proto__" keeps the presence record plain', () => {
    const input = JSON.parse(
      JSON.stringify({ kind: 'obs.status.user', isDelta: true, statuses: [{ userId: '__proto__', statusId: 'Available' }] }),
    ) as Extract<Input, { kind: 'obs.status.user' }>;
    const state = stepStatusInput(loggedOn(), input, createStepOutput(input.kind));
    assert.equal(Object.getPrototypeOf(state.directory.presence), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(state.directory.presence, '__proto__'));
    assert.deepEqual(domainProblems(state), []);
  });

  it('setting status "constructor" is refused, not a crash', () => {
    const out = createStepOutput('intent.setStatus');
    const before = loggedOn();
    const state = stepStatusInput(before, { kind: 'intent.setStatus', statusId: 'constructor' as never }, out);
    assert.equal(state.status.pending, before.status.pending);
    assert.ok(out.diagnostics.length > 0);
    assert.notEqual(selectStatusBar(state), null);
  });

  it('a workgroup called "constructor" has no wrap-up codes', () => {
    assert.deepEqual(codesFor(loggedOn(), 'constructor'), []);
    assert.deepEqual(codesFor(loggedOn(), '__proto__'), []);
  });

  it('attribute names that are Object.prototype keys are kept as given', () => {
    const attributes = JSON.parse('{"__proto__":"a","constructor":"b","eic_state":"C"}') as Record<string, string>;
    const normalised = normaliseAttributes(attributes);
    assert.deepEqual(Object.entries(normalised), [
      ['__proto__', 'a'],
      ['constructor', 'b'],
      ['Eic_State', 'C'],
    ]);
    assert.equal(Object.getPrototypeOf(normalised), Object.prototype);
  });
});

describe('fuzz regressions: conference parents', () => {
  it('an interaction naming itself as its conference parent is still shown', () => {
    const state = queue(loggedOn(), added('1004', inbound('C', CONNECTED_CAPS), T0 + 1000, '1004'));
    assert.deepEqual(selectInteractions(state).map((r) => r.id), ['1004']);
    assert.deepEqual(domainProblems(state), []);
  });

  it('two interactions naming each other as parent are both shown once', () => {
    let state = queue(loggedOn(), added('1', inbound('C', CONNECTED_CAPS), T0 + 1000, '2'));
    state = queue(state, added('2', inbound('H', CONNECTED_CAPS), T0 + 2000, '1'));
    assert.deepEqual(selectInteractions(state).map((r) => r.id).sort(), ['1', '2']);
    assert.deepEqual(domainProblems(state), []);
  });

  it('a real conference still lists its members under it', () => {
    let state = queue(loggedOn(), added('conf', inbound('C', CONNECTED_CAPS), T0 + 1000));
    state = queue(state, added('m1', inbound('C', CONNECTED_CAPS), T0 + 1100, 'conf'));
    state = queue(state, added('m2', inbound('H', CONNECTED_CAPS), T0 + 1200, 'conf'));
    const rows = selectInteractions(state);
    assert.deepEqual(rows.map((r) => [r.id, r.parentId]), [
      ['conf', null],
      ['m1', 'conf'],
      ['m2', 'conf'],
    ]);
    assert.equal(rows[0]?.participants, 2);
  });
});
