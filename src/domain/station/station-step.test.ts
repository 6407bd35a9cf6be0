import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { LogonErrorKey, StationErrorKey } from '../messages.js';
import { Right } from '../rights.js';
import { initialSoftphoneState } from '../softphone-state.js';
import { ALL_LICENCES, ALL_RIGHTS, logonInputs, loggedOn, ME, ofKind, run, T0 } from '../testing/fixtures.js';
import { selectStationForm } from './station-selectors.js';
import type { StationChoice, StationInfo } from './station-state.js';

const upToConnected = logonInputs().slice(0, 4);
const rights = (list: readonly string[]): Input => ({
  kind: 'obs.user.rights',
  rights: list,
  licences: ALL_LICENCES,
});
const prefs = (station: StationChoice | null): Input => ({
  kind: 'obs.storage.userPrefs',
  userId: ME,
  prefs: { favourites: [], station, ringMuted: false },
});
const ws7001: StationInfo = {
  kind: 'workstation',
  id: '7001',
  displayName: '7001',
  remoteNumber: null,
  persistent: false,
};
const choosing = (list: readonly string[] = ALL_RIGHTS) =>
  run(initialSoftphoneState(T0), ...upToConnected, rights(list), prefs(null)).state;
const select = (choice: StationChoice, remember = false): Input => ({
  kind: 'intent.selectStation',
  choice,
  remember,
});

describe('station step', () => {
  it('asks for a station once preferences show none is remembered', () => {
    const s = choosing();
    assert.equal(s.station.step, 'choosing');
    const form = selectStationForm(s);
    assert.equal(form.visible, true);
    assert.equal(form.canCancel, false);
    assert.deepEqual(
      form.options.find((o) => o.kind === 'webBasedPhone'),
      { kind: 'webBasedPhone', availability: 'disabled', reason: 'notAvailable' },
    );
  });
  it('skips the step when the server reports an effective station', () => {
    const connected = upToConnected[3] as Extract<Input, { kind: 'obs.session.connected' }>;
    const s = run(initialSoftphoneState(T0), ...upToConnected.slice(0, 3), {
      ...connected,
      effectiveStation: { id: '7002', displayName: 'Desk 7002' },
    }).state;
    assert.equal(s.station.step, 'ready');
    assert.deepEqual(s.station.current, {
      kind: 'existing',
      id: '7002',
      displayName: 'Desk 7002',
      remoteNumber: null,
      persistent: false,
    });
    const after = run(s, prefs({ kind: 'workstation', name: '9999' }));
    assert.deepEqual(ofKind(after.effects, 'cic.setStation'), []);
  });
  it('uses the remembered station automatically', () => {
    const r = run(
      initialSoftphoneState(T0),
      ...upToConnected,
      rights(ALL_RIGHTS),
      prefs({ kind: 'remoteNumber', number: '+13175550000', persistent: true }),
    );
    assert.deepEqual(ofKind(r.effects, 'cic.setStation'), [
      { kind: 'cic.setStation', choice: { kind: 'remoteNumber', number: '+13175550000', persistent: true } },
    ]);
    assert.equal(r.state.station.step, 'applying');
    assert.equal(r.state.station.requested?.auto, true);
    const done = run(r.state, {
      kind: 'obs.station.changed',
      station: {
        kind: 'remoteNumber',
        id: 'r1',
        displayName: '+13175550000',
        remoteNumber: '+13175550000',
        persistent: true,
      },
    });
    assert.equal(done.state.station.step, 'ready');
    assert.deepEqual(ofKind(done.effects, 'storage.saveUserPrefs'), []);
  });
  it('falls back to choosing with a message when the remembered station is in use', () => {
    const s = run(
      initialSoftphoneState(T0),
      ...upToConnected,
      rights(ALL_RIGHTS),
      prefs({ kind: 'workstation', name: '7001' }),
    ).state;
    const r = run(s, { kind: 'obs.logon.failed', reason: 'stationInUse', errorId: null });
    assert.equal(r.state.station.step, 'choosing');
    assert.equal(selectStationForm(r.state).error, LogonErrorKey.stationInUse);
    assert.equal(r.state.session.current.phase, 'active');
  });
  it('sets a workstation and remembers it when asked', () => {
    const r = run(choosing(), select({ kind: 'workstation', name: ' 7001 ' }, true));
    assert.deepEqual(r.effects, [{ kind: 'cic.setStation', choice: { kind: 'workstation', name: '7001' } }]);
    const done = run(r.state, { kind: 'obs.station.changed', station: ws7001 });
    assert.deepEqual(ofKind(done.effects, 'storage.saveUserPrefs'), [
      {
        kind: 'storage.saveUserPrefs',
        userId: ME,
        prefs: { favourites: [], station: { kind: 'workstation', name: '7001' }, ringMuted: false },
      },
    ]);
    assert.deepEqual(done.state.station.current, ws7001);
  });
  it('clears the remembered station when the agent changes station without "Remember"', () => {
    const s = run(
      initialSoftphoneState(T0),
      ...upToConnected,
      rights(ALL_RIGHTS),
      prefs({ kind: 'workstation', name: '7001' }),
      { kind: 'obs.station.changed', station: ws7001 },
    ).state;
    const r = run(s, { kind: 'intent.changeStation' }, select({ kind: 'remoteWorkstation', name: 'Home' }), {
      kind: 'obs.station.changed',
      station: { ...ws7001, kind: 'remoteWorkstation', id: 'Home' },
    });
    assert.equal(ofKind(r.effects, 'storage.saveUserPrefs')[0]?.prefs.station, null);
  });
  it('validates names and numbers', () => {
    const noName = run(choosing(), select({ kind: 'workstation', name: '  ' }));
    assert.deepEqual(noName.effects, []);
    assert.equal(selectStationForm(noName.state).error, StationErrorKey.nameRequired);
    const noNumber = run(choosing(), select({ kind: 'remoteNumber', number: '', persistent: false }));
    assert.equal(selectStationForm(noNumber.state).error, StationErrorKey.numberRequired);
  });
  it('offers Persistent only with the Persistent Connections right', () => {
    const without = choosing(ALL_RIGHTS.filter((r) => r !== Right.PersistentConnections));
    assert.equal(selectStationForm(without).showPersistent, false);
    const refused = run(without, select({ kind: 'remoteNumber', number: '555', persistent: true }));
    assert.deepEqual(refused.effects, []);
    assert.equal(refused.diagnostics[0]?.reason, 'persistentNeedsRight');
    assert.equal(
      run(without, select({ kind: 'remoteNumber', number: '555', persistent: false })).effects.length,
      1,
    );
    assert.equal(selectStationForm(choosing()).showPersistent, true);
  });
  it('needs the user-defined number right for Remote Number', () => {
    const without = choosing(ALL_RIGHTS.filter((r) => r !== Right.UserDefinedTelephoneNumber));
    assert.equal(
      selectStationForm(without).options.find((o) => o.kind === 'remoteNumber')?.availability,
      'disabled',
    );
    assert.equal(
      run(without, select({ kind: 'remoteNumber', number: '555', persistent: false })).diagnostics[0]?.reason,
      'missingRight',
    );
  });
  it('shows Web-Based Phone but does not offer it', () => {
    const r = run(choosing(), select({ kind: 'webBasedPhone' }));
    assert.deepEqual(r.effects, []);
    assert.equal(selectStationForm(r.state).error, StationErrorKey.webBasedPhoneUnavailable);
  });
  it('changes station and can cancel back to the current one', () => {
    const s = run(loggedOn(), { kind: 'intent.changeStation' }).state;
    assert.equal(selectStationForm(s).canCancel, true);
    assert.equal(run(s, { kind: 'intent.changeStation.cancel' }).state.station.step, 'ready');
    assert.equal(
      run(loggedOn(), { kind: 'intent.changeStation.cancel' }).diagnostics[0]?.code,
      'ignoredInPhase',
    );
    assert.equal(
      run(loggedOn(), select({ kind: 'workstation', name: 'x' })).diagnostics[0]?.code,
      'ignoredInPhase',
    );
  });
  it('follows station changes made elsewhere and asks again when the station is lost', () => {
    const moved = run(loggedOn(), {
      kind: 'obs.station.changed',
      station: { ...ws7001, id: '7009', displayName: '7009' },
    }).state;
    assert.equal(moved.station.current?.id, '7009');
    const lost = run(moved, { kind: 'obs.station.changed', station: null }).state;
    assert.equal(lost.station.current, null);
    assert.equal(lost.station.step, 'choosing');
  });
  it('ignores a lost station while a new one is being applied', () => {
    const s = run(choosing(), select({ kind: 'workstation', name: '7001' }), {
      kind: 'obs.station.changed',
      station: null,
    }).state;
    assert.equal(s.station.step, 'applying');
  });
});
