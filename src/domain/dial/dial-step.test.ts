import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { Licence, Right } from '../rights.js';
import { added, ALL_RIGHTS, CONNECTED_CAPS, iid, inbound, loggedOn, run, T0 } from '../testing/fixtures.js';
import { PENDING_TIMEOUT_MS } from '../interaction/controls.js';
import { selectDial } from './dial-selectors.js';

const dial = (
  number: string,
  advanced: { accountCodeId: string | null; workgroup: string | null } | null = null,
  now?: number,
): Input => ({
  kind: 'intent.dial',
  number,
  source: 'keypad',
  advanced,
  ...(now === undefined ? {} : { now }),
});
const codes: Input = {
  kind: 'obs.config.accountCodes',
  enabled: true,
  codes: [
    { id: '200', description: 'Sales' },
    { id: '0100', description: 'Personal' },
  ],
};
const activations: Input = {
  kind: 'obs.activations',
  isDelta: false,
  workgroups: [
    { workgroup: 'Support', active: true, canActivate: true },
    { workgroup: 'Sales', active: false, canActivate: true },
    { workgroup: 'Billing', active: true, canActivate: false },
  ],
};

describe('make a call', () => {
  it('creates the call and correlates the reply by request id', () => {
    const r = run(loggedOn(), dial(' 317-555-0000 '));
    assert.deepEqual(r.effects, [
      {
        kind: 'cic.createCall',
        requestId: 'r1',
        target: '317-555-0000',
        workgroup: null,
        accountCodeId: null,
      },
    ]);
    assert.equal(selectDial(r.state).dialing, true);
    const withCall = run(r.state, added('50', { ...inbound('S', CONNECTED_CAPS), Eic_CallDirection: 'O' }), {
      kind: 'obs.call.created',
      requestId: 'r1',
      interactionId: iid('50'),
    }).state;
    assert.equal(withCall.dial.pending, null);
    assert.equal(withCall.queue.selectedId, '50');
    assert.equal(
      run(withCall, { kind: 'obs.call.created', requestId: 'r1', interactionId: iid('50') }).diagnostics[0]
        ?.code,
      'unexpected',
    );
  });
  it('refuses an empty number and a double submit, and allows a retry later', () => {
    assert.equal(run(loggedOn(), dial('  ')).diagnostics[0]?.reason, 'numberRequired');
    const s = run(loggedOn(), dial('555', null, T0 + 1000)).state;
    assert.equal(run(s, dial('555')).diagnostics[0]?.code, 'duplicate');
    assert.equal(run(s, dial('555', null, T0 + 1000 + PENDING_TIMEOUT_MS)).effects.length, 1);
  });
  it('is visible but disabled without a station, hidden without a Client Access licence', () => {
    const stationless = loggedOn({ station: false });
    assert.deepEqual(
      [selectDial(stationless).availability, selectDial(stationless).reason],
      ['disabled', 'noStation'],
    );
    assert.equal(run(stationless, dial('555')).diagnostics[0]?.reason, 'noStation');
    const noCal = loggedOn({ licences: [Licence.BasicStation] });
    assert.equal(selectDial(noCal).availability, 'hidden');
    assert.equal(selectDial(loggedOn()).availability, 'enabled');
  });
  it('clears the pending call when the server refuses it', () => {
    const s = run(loggedOn(), dial('555')).state;
    const r = run(s, {
      kind: 'obs.command.failed',
      operation: 'createCall',
      interactionId: null,
      requestId: 'r1',
      errorKind: 'rejected',
      errorId: null,
      message: null,
    });
    assert.equal(r.state.dial.pending, null);
  });
});

describe('advanced dial', () => {
  it('requires an account code when codes are enabled and the agent has the verification right', () => {
    const s = run(loggedOn(), codes, activations).state;
    assert.equal(selectDial(s).accountCodes.required, true);
    assert.deepEqual(
      selectDial(s).accountCodes.codes.map((c) => c.id),
      ['0100', '200'],
    );
    assert.equal(
      run(s, dial('555', { accountCodeId: null, workgroup: null })).diagnostics[0]?.reason,
      'accountCodeRequired',
    );
    assert.equal(
      run(s, dial('555', { accountCodeId: '999', workgroup: null })).diagnostics[0]?.reason,
      'unknownAccountCode',
    );
    const ok = run(s, dial('555', { accountCodeId: '200', workgroup: 'support' }));
    assert.deepEqual(ok.effects, [
      { kind: 'cic.createCall', requestId: 'r1', target: '555', workgroup: 'Support', accountCodeId: '200' },
    ]);
    assert.equal(selectDial(ok.state).accountCodes.defaultId, '200');
  });
  it('does not require a code without the right, nor when codes are disabled', () => {
    const noRight = run(
      loggedOn({ rights: ALL_RIGHTS.filter((r) => r !== Right.AccountCodeVerification) }),
      codes,
    ).state;
    assert.equal(selectDial(noRight).accountCodes.required, false);
    assert.equal(run(noRight, dial('555', { accountCodeId: null, workgroup: null })).effects.length, 1);
    const disabled = run(loggedOn(), { kind: 'obs.config.accountCodes', enabled: false, codes: [] }).state;
    assert.equal(
      ofAccount(run(disabled, dial('555', { accountCodeId: '200', workgroup: null })).effects),
      null,
    );
  });
  it('dials on behalf of workgroups the agent is active in only', () => {
    const s = run(loggedOn(), activations).state;
    assert.deepEqual(selectDial(s).workgroups, ['Support', 'Billing']);
    assert.equal(
      run(s, dial('555', { accountCodeId: null, workgroup: 'Sales' })).diagnostics[0]?.reason,
      'workgroupNotActive',
    );
  });
});

function ofAccount(effects: readonly { kind: string }[]): string | null {
  const e = effects[0] as { accountCodeId?: string | null } | undefined;
  return e?.accountCodeId ?? null;
}

describe('redial', () => {
  it('redials the remote number of a disconnected interaction only', () => {
    const s = run(loggedOn(), added('1', inbound('E', 0))).state;
    assert.equal(
      run(s, { kind: 'intent.redial', interactionId: iid('1') }).effects[0]?.kind,
      'cic.createCall',
    );
    const live = run(loggedOn(), added('1', inbound('C', CONNECTED_CAPS))).state;
    assert.equal(
      run(live, { kind: 'intent.redial', interactionId: iid('1') }).diagnostics[0]?.reason,
      'notDisconnected',
    );
    assert.equal(
      run(live, { kind: 'intent.redial', interactionId: iid('9') }).diagnostics[0]?.code,
      'unknownInteraction',
    );
  });
});
