import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialSoftphoneState } from '../softphone-state.js';
import {
  ALERTING_CAPS,
  CONNECTED_CAPS,
  HELD_CAPS,
  T0,
  added,
  changed,
  inbound,
  loggedOn,
  run,
  withCall,
} from '../testing/fixtures.js';
import { selectOmniSyncFacts } from './omni-selectors.js';

describe('selectOmniSyncFacts', () => {
  it('has no status before logon and the current status after', () => {
    assert.deepEqual(selectOmniSyncFacts(initialSoftphoneState(T0)), { statusId: null, acdBusy: false });
    assert.deepEqual(selectOmniSyncFacts(loggedOn()), { statusId: 'Available', acdBusy: false });
  });
  it('is ACD-busy while a workgroup interaction is connected or held, not while alerting or after', () => {
    assert.equal(selectOmniSyncFacts(withCall('1', 'A', ALERTING_CAPS)).acdBusy, false);
    const connected = withCall('1', 'C', CONNECTED_CAPS);
    assert.equal(selectOmniSyncFacts(connected).acdBusy, true);
    const held = run(connected, changed('1', { Eic_State: 'H', Eic_Capabilities: String(HELD_CAPS) })).state;
    assert.equal(selectOmniSyncFacts(held).acdBusy, true);
    const ended = run(
      held,
      changed('1', { Eic_State: 'E', Eic_CallStateString: 'Disconnected' }, T0 + 5000),
    ).state;
    assert.equal(selectOmniSyncFacts(ended).acdBusy, false);
  });
  it('a direct (non-workgroup) call is not ACD work', () => {
    const direct = run(
      loggedOn(),
      added('2', inbound('C', CONNECTED_CAPS, { Eic_WorkgroupName: '' }), T0 + 1000),
    ).state;
    assert.equal(selectOmniSyncFacts(direct).acdBusy, false);
  });
});
