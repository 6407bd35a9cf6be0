import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capability, capabilityMask } from '../capabilities.js';
import { Licence, Right } from '../rights.js';
import {
  ALERTING_CAPS,
  ALL_LICENCES,
  ALL_RIGHTS,
  changed,
  CONNECTED_CAPS,
  HELD_CAPS,
  added,
  inbound,
  loggedOn,
  run,
  T0,
  wire,
  withCall,
} from '../testing/fixtures.js';
import { PENDING_TIMEOUT_MS, selectControls } from './controls.js';
import { selectSecurePause } from './secure-pause.js';

const availability = (controls: ReturnType<typeof selectControls>) =>
  Object.fromEntries(
    Object.entries(controls).map(([k, v]) => [
      k,
      v.reason === null ? v.availability : `${v.availability}:${v.reason}`,
    ]),
  );

describe('selectControls', () => {
  it('enables what the capability bits allow on a connected call', () => {
    const c = availability(selectControls(withCall('1', 'C', CONNECTED_CAPS)));
    assert.deepEqual(c, {
      pickup: 'disabled:notAllowedNow',
      hold: 'enabled',
      mute: 'enabled',
      transfer: 'enabled',
      consult: 'enabled',
      disconnect: 'enabled',
      record: 'enabled',
      snip: 'enabled',
      securePause: 'enabled',
      voicemail: 'enabled',
      dialPad: 'enabled',
      conference: 'disabled:needsTwoConnectedCalls',
    });
  });
  it('enables pickup on an alerting call and dims what its bits do not allow', () => {
    const c = availability(selectControls(withCall('1', 'A', ALERTING_CAPS)));
    assert.equal(c['pickup'], 'enabled');
    assert.equal(c['mute'], 'disabled:notAllowedNow');
    assert.equal(c['dialPad'], 'disabled:notAllowedNow');
  });
  it('hides a control when the right is missing, and dims it when only the state forbids it', () => {
    const noHoldRight = withCall('1', 'C', CONNECTED_CAPS, {
      rights: ALL_RIGHTS.filter((r) => r !== Right.HoldInteractions),
    });
    assert.deepEqual(selectControls(noHoldRight).hold, {
      availability: 'hidden',
      reason: 'missingRight',
      active: false,
    });
    const noHoldBit = withCall('1', 'C', CONNECTED_CAPS - Capability.Hold);
    assert.deepEqual(selectControls(noHoldBit).hold, {
      availability: 'disabled',
      reason: 'notAllowedNow',
      active: false,
    });
  });
  it('hides every control without a Client Access licence', () => {
    const s = withCall('1', 'C', CONNECTED_CAPS, { licences: [Licence.BasicStation] });
    assert.ok(
      Object.values(selectControls(s)).every(
        (c) => c.availability === 'hidden' && c.reason === 'missingLicence',
      ),
    );
  });
  it('dims pickup and conference without a station (Limited Agent)', () => {
    const s = withCall('1', 'A', ALERTING_CAPS, { station: false });
    const c = selectControls(s);
    assert.deepEqual(c.pickup, { availability: 'disabled', reason: 'noStation', active: false });
    assert.equal(c.conference.reason, 'noStation');
    assert.equal(c.disconnect.availability, 'enabled');
  });
  it('shows controls as loading until rights are known, and dims them with nothing selected', () => {
    const s = withCall('1', 'C', CONNECTED_CAPS);
    assert.equal(selectControls({ ...s, entitlements: null }).hold.reason, 'loading');
    assert.equal(selectControls(loggedOn()).hold.reason, 'noSelection');
    assert.equal(selectControls(s, 'unknown').hold.reason, 'noSelection');
  });
  it('dims everything on a disconnected interaction', () => {
    const s = run(withCall('1', 'C', CONNECTED_CAPS), changed('1', { Eic_State: 'E' })).state;
    assert.ok(
      Object.values(selectControls(s))
        .filter((c) => c.availability !== 'hidden')
        .every((c) => c.reason === 'ended'),
    );
  });
  it('shows hold and mute as pressed, and lets Pickup or Hold resume a held call', () => {
    const held = withCall('1', 'H', HELD_CAPS, {}, { Eic_Muted: '1' });
    const c = selectControls(held);
    assert.deepEqual(c.hold, { availability: 'enabled', reason: null, active: true });
    assert.equal(c.pickup.availability, 'enabled');
    assert.equal(c.mute.active, true);
    assert.equal(c.dialPad.reason, 'notAllowedNow');
    const onlyPickup = withCall('1', 'H', capabilityMask(Capability.Pickup));
    assert.equal(selectControls(onlyPickup).hold.availability, 'enabled');
  });
  it('dims pickup while the agent is in a forward status', () => {
    const s = run(withCall('1', 'A', ALERTING_CAPS), {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: 'agent1', statusId: 'Available, Forward' }],
    }).state;
    assert.equal(selectControls(s).pickup.reason, 'forwardStatus');
  });
  it('hides Snip without the right, the Recorder licence, or snippet recording enabled', () => {
    assert.equal(
      selectControls(
        withCall('1', 'C', CONNECTED_CAPS, {
          rights: ALL_RIGHTS.filter((r) => r !== Right.SnipInteractions),
        }),
      ).snip.reason,
      'missingRight',
    );
    assert.equal(
      selectControls(
        withCall('1', 'C', CONNECTED_CAPS, {
          licences: ALL_LICENCES.filter((l) => l !== Licence.RecorderAccess),
        }),
      ).snip.reason,
      'missingLicence',
    );
    const s = withCall('1', 'C', CONNECTED_CAPS);
    assert.equal(
      selectControls({ ...s, config: { ...s.config, snippetRecordingEnabled: false } }).snip.reason,
      'notConfigured',
    );
  });
  it('dims Record and Snip on a private call', () => {
    const c = selectControls(withCall('1', 'C', CONNECTED_CAPS, {}, { Eic_Private: '1' }));
    assert.equal(c.record.reason, 'private');
    assert.equal(c.snip.reason, 'private');
  });
  it('requires the Conference Calls right and two connected calls', () => {
    const noRight = run(
      withCall('1', 'C', CONNECTED_CAPS, { rights: ALL_RIGHTS.filter((r) => r !== Right.ConferenceCalls) }),
      added('2', inbound('H', HELD_CAPS)),
    ).state;
    assert.equal(selectControls(noRight).conference.availability, 'hidden');
    const two = run(withCall('1', 'C', CONNECTED_CAPS), added('2', inbound('H', HELD_CAPS))).state;
    assert.equal(selectControls(two, '1').conference.availability, 'enabled');
    const alertingSecond = run(
      withCall('1', 'C', CONNECTED_CAPS),
      added('2', inbound('A', ALERTING_CAPS)),
    ).state;
    assert.equal(selectControls(alertingSecond, '1').conference.reason, 'needsTwoConnectedCalls');
  });
  it('dims Consult for non-call interactions', () => {
    assert.equal(
      selectControls(withCall('1', 'C', CONNECTED_CAPS, {}, { Eic_ObjectType: 'Email' })).consult.reason,
      'notCall',
    );
  });
  it('dims a control while its command is in flight, for a bounded time', () => {
    const s = run(withCall('1', 'A', ALERTING_CAPS), {
      kind: 'intent.pickup',
      interactionId: '1' as never,
      now: T0 + 2000,
    }).state;
    assert.equal(selectControls(s).pickup.reason, 'pending');
    assert.equal(selectControls(s).disconnect.availability, 'enabled');
    const later = run(s, { kind: 'clock.tick', now: T0 + 2000 + PENDING_TIMEOUT_MS }).state;
    assert.equal(selectControls(later).pickup.availability, 'enabled');
  });
});

describe('snippet recording precedence', () => {
  const base = () => withCall('1', 'C', CONNECTED_CAPS);
  it('ad hoc then snippet merges: Record stays usable (to stop) and shows pressed', () => {
    const s = run(
      base(),
      changed('1', { Eic_Recorders: 'agent1' }),
      changed('1', { Eic_IRSnippetRecordingId: 'snip-1' }),
    ).state;
    assert.equal(s.queue.byId['1']?.recording, 'merged');
    assert.deepEqual(selectControls(s).record, { availability: 'enabled', reason: null, active: true });
    assert.equal(selectControls(s).snip.active, true);
    const stop = run(s, { kind: 'intent.record', interactionId: '1' as never });
    assert.deepEqual(stop.effects, [{ kind: 'cic.record', interactionId: '1', on: false }]);
  });
  it('a snippet started first makes Record unavailable', () => {
    const s = run(
      base(),
      changed('1', { Eic_IRSnippetRecordingId: 'snip-1' }),
      changed('1', { Eic_Recorders: 'sup1' }),
    ).state;
    assert.equal(s.queue.byId['1']?.recording, 'snippet');
    assert.deepEqual(selectControls(s).record, {
      availability: 'disabled',
      reason: 'snippetActive',
      active: false,
    });
    assert.equal(
      run(s, { kind: 'intent.record', interactionId: '1' as never }).diagnostics[0]?.reason,
      'snippetActive',
    );
  });
  it('both seen at once counts as snippet first; stopping the snippet frees Record', () => {
    const s = run(base(), changed('1', { Eic_Recorders: 'sup1', Eic_IRSnippetRecordingId: 'snip-1' })).state;
    assert.equal(selectControls(s).record.reason, 'snippetActive');
    const stopped = run(s, changed('1', { Eic_IRSnippetRecordingId: '', Eic_Recorders: '' })).state;
    assert.equal(stopped.queue.byId['1']?.recording, 'none');
    assert.equal(selectControls(stopped).record.availability, 'enabled');
  });
  it('Secure Pause is not available during a snippet recording', () => {
    const s = run(base(), changed('1', { Eic_IRSnippetRecordingId: 'snip-1' })).state;
    assert.equal(selectControls(s).securePause.reason, 'snippetActive');
  });
});

describe('secure pause', () => {
  it('counts down from the pause attributes and ends at zero', () => {
    const s = run(
      withCall('1', 'C', CONNECTED_CAPS),
      changed('1', { Eic_SecureRecordingPauseStartTime: wire(10), Eic_RecordingsAutoResumeTime: wire(70) }),
      { kind: 'clock.tick', now: T0 + 25_500 },
    ).state;
    assert.deepEqual(selectSecurePause(s, '1'), { active: true, secondsLeft: 45, maxSeconds: 60 });
    assert.equal(selectControls(s).securePause.active, true);
    const over = run(s, { kind: 'clock.tick', now: T0 + 70_000 }).state;
    assert.deepEqual(selectSecurePause(over, '1'), { active: false, secondsLeft: 0, maxSeconds: 60 });
  });
  it('re-pressing asks the server again; the countdown resets to the maximum, never beyond', () => {
    const s = run(
      withCall('1', 'C', CONNECTED_CAPS),
      changed('1', { Eic_SecureRecordingPauseStartTime: wire(10), Eic_RecordingsAutoResumeTime: wire(70) }),
      { kind: 'clock.tick', now: T0 + 50_000 },
    ).state;
    const press = run(s, { kind: 'intent.securePause', interactionId: '1' as never });
    assert.deepEqual(press.effects, [{ kind: 'cic.securePause', interactionId: '1' }]);
    assert.equal(selectSecurePause(press.state, '1')?.secondsLeft, 20);
    const reset = run(
      press.state,
      changed('1', { Eic_SecureRecordingPauseStartTime: wire(50), Eic_RecordingsAutoResumeTime: wire(110) }),
    ).state;
    assert.equal(selectSecurePause(reset, '1')?.secondsLeft, 60);
    assert.equal(selectControls(reset).securePause.availability, 'enabled');
    const early = run(reset, { kind: 'clock.tick', now: T0 + 50_000 }).state;
    const clockBehind = { ...early, now: T0 + 40_000 };
    assert.equal(selectSecurePause(clockBehind, '1')?.secondsLeft, 60);
  });
  it('shows nothing without pause attributes or for unknown interactions', () => {
    const s = withCall('1', 'C', CONNECTED_CAPS);
    assert.deepEqual(selectSecurePause(s, '1'), { active: false, secondsLeft: 0, maxSeconds: 0 });
    assert.equal(selectSecurePause(s, 'nope'), null);
  });
});
