import { expect } from '@open-wc/testing';
import { ALL_RIGHTS, server, SoftphoneHarness } from '../../support/softphone-harness.js';

const radios = (h: SoftphoneHarness) =>
  h.queryAll({ role: 'radio' }).map((r) => ({
    name: (r as HTMLInputElement).labels?.[0]?.textContent?.trim(),
    disabled: (r as HTMLInputElement).disabled,
  }));

describe('station form', () => {
  it('offers the station types, with Web-Based Phone visible but disabled', async () => {
    const h = await SoftphoneHarness.atStationStep();
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(true);
    expect(radios(h)).to.deep.equal([
      { name: 'Workstation', disabled: false },
      { name: 'Remote Workstation', disabled: false },
      { name: 'Remote Number', disabled: false },
      { name: 'Web-Based Phone', disabled: true },
    ]);
    expect(h.text()).to.contain('Not available yet.');
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('selects a workstation, shows progress, then shows the main view', async () => {
    const h = await SoftphoneHarness.atStationStep();
    await h.type('Workstation name', '7001');
    await h.click('Select');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.selectStation',
      choice: { kind: 'workstation', name: '7001' },
      remember: false,
    });
    expect(h.effectsOf('cic.setStation')).to.deep.equal([
      { kind: 'cic.setStation', choice: { kind: 'workstation', name: '7001' } },
    ]);
    expect(h.text()).to.contain('Connecting to the station…');
    expect(h.button('Select').disabled).to.equal(true);

    await h.feed(server.workstation('7001'));
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(false);
    expect(h.text()).to.contain('Station 7001');
  });

  it('explains an empty name and a station already in use', async () => {
    const h = await SoftphoneHarness.atStationStep();
    await h.click('Select');
    expect(h.get({ role: 'alert' }).textContent).to.contain('Enter the station name.');
    expect(h.effectsOf('cic.setStation')).to.have.length(0);

    await h.type('Workstation name', '7002');
    await h.click('Select');
    await h.feed({ kind: 'obs.logon.failed', reason: 'stationInUse', errorId: null });
    expect(h.get({ role: 'alert' }).textContent).to.contain('already in use by another user');
    expect(h.button('Select').disabled).to.equal(false);
  });

  it('shows Persistent for a remote number only with the Persistent Connections right', async () => {
    const without = await SoftphoneHarness.atStationStep({
      rights: ALL_RIGHTS.filter((r) => r !== 'PersistentConnections'),
    });
    await without.click({ role: 'radio', name: 'Remote Number' });
    expect(without.has({ role: 'textbox', name: 'Remote number' })).to.equal(true);
    expect(without.has({ role: 'checkbox', name: 'Persistent' })).to.equal(false);
    without.unmount();

    const h = await SoftphoneHarness.atStationStep();
    await h.click({ role: 'radio', name: 'Remote Number' });
    await h.type('Remote number', '+13175550199');
    await h.click({ role: 'checkbox', name: 'Persistent' });
    await h.click({ role: 'checkbox', name: 'Remember Station' });
    await h.click('Select');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.selectStation',
      choice: { kind: 'remoteNumber', number: '+13175550199', persistent: true },
      remember: true,
    });
    await h.feed({
      kind: 'obs.station.changed',
      station: {
        kind: 'remoteNumber',
        id: 'r1',
        displayName: '+13175550199',
        remoteNumber: '+13175550199',
        persistent: true,
      },
    });
    expect(h.effectsOf('storage.saveUserPrefs')[0]?.prefs.station).to.deep.equal({
      kind: 'remoteNumber',
      number: '+13175550199',
      persistent: true,
    });
  });

  it('disables Remote Number without the User-defined Telephone Number right', async () => {
    const h = await SoftphoneHarness.atStationStep({
      rights: ALL_RIGHTS.filter((r) => r !== 'UserDefinedTelephoneNumberOnRemoteLogon'),
    });
    expect(radios(h)[2]).to.deep.equal({ name: 'Remote Number', disabled: true });
    expect(h.text()).to.contain('You do not have the right to use a remote number.');
  });

  it('uses a remembered station automatically', async () => {
    const h = await SoftphoneHarness.atStationStep({
      prefs: { station: { kind: 'remoteWorkstation', name: 'Home' } },
    });
    expect(h.effectsOf('cic.setStation')).to.deep.equal([
      { kind: 'cic.setStation', choice: { kind: 'remoteWorkstation', name: 'Home' } },
    ]);
    expect(h.state.station.step).to.equal('applying');
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(false);
    expect(h.text()).to.contain('Connecting to the station…');
    await h.feed({
      kind: 'obs.station.changed',
      station: {
        kind: 'remoteWorkstation',
        id: 'Home',
        displayName: 'Home',
        remoteNumber: null,
        persistent: false,
      },
    });
    expect(h.text()).to.contain('Station Home');
  });

  it('skips the step when the server already has a station for the agent', async () => {
    const h = await SoftphoneHarness.atStationStep({ effectiveStation: { id: '7005', displayName: '7005' } });
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(false);
    expect(h.text()).to.contain('Station 7005');
  });

  it('changes station from the menu, prefilled with the remembered one, and can cancel', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click('Menu');
    await h.click({ role: 'menuitem', name: 'Change Station' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.changeStation' });
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(true);
    expect(h.text()).to.contain('Current station: 7001');
    await h.click('Cancel');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.changeStation.cancel' });
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(false);
  });

  it('is usable with the keyboard alone', async () => {
    const h = await SoftphoneHarness.atStationStep();
    const order = await h.tabOrder();
    const names = order.map((el) => el.id || el.textContent?.trim());
    // The menu, the checked radio (arrows move within the group), the name, Remember, Select.
    expect(names).to.deep.equal(['menu-button', 'kind-workstation', 'station-name', 'remember', 'Select']);
    (order[1] as HTMLElement).focus();
    await h.press('ArrowDown');
    expect(h.focused()?.id).to.equal('kind-remoteWorkstation');
    expect(h.has({ role: 'textbox', name: 'Remote Workstation name' })).to.equal(true);
  });
});
