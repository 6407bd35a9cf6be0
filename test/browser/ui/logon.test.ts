import { expect } from '@open-wc/testing';
import { AGENT, SERVER, server, SoftphoneHarness } from '../../support/softphone-harness.js';

describe('log-on form', () => {
  it('hides the server field when configuration fixes the server', async () => {
    const h = await SoftphoneHarness.mount();
    expect(h.has({ name: 'Server Name' })).to.equal(true);
    await h.feed(server.config(), server.serverInfo());
    expect(h.has({ name: 'Server Name' })).to.equal(false);
    expect(h.has({ role: 'textbox', name: 'User ID' })).to.equal(true);
    expect(h.has({ role: 'textbox', name: 'Password' })).to.equal(true);
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('selects a typed server and fetches what it offers', async () => {
    const h = await SoftphoneHarness.mount();
    expect(h.text()).to.contain('Enter the CIC server name');
    await h.type('Server Name', 'cic2.example.com');
    await h.click('Select Server');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.server.select', server: 'cic2.example.com' });
    expect(h.effectsOf('cic.fetchServerInfo')).to.deep.equal([
      { kind: 'cic.fetchServerInfo', server: 'cic2.example.com' },
    ]);
    await h.feed(server.serverInfo({ server: 'cic2.example.com' }));
    expect(h.has({ role: 'button', name: 'Log On' })).to.equal(true);
  });

  it('logs on with CIC credentials, shows progress, then moves to the station step', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo());
    await h.type('User ID', AGENT);
    await h.type('Password', 'secret');
    await h.click('Log On');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.logon',
      auth: { type: 'ic', userId: AGENT, password: 'secret' },
      alwaysUseAuthType: false,
    });
    expect(h.effectsOf('cic.logon')).to.have.length(1);
    expect(h.text()).to.contain('Logging on…');
    expect(h.button('Log On').disabled).to.equal(true);
    expect((h.get({ name: 'Password' }) as HTMLInputElement).value).to.equal('');

    await h.feed(server.connected(), server.rights(), server.userPrefs());
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(true);
  });

  it('submits with Enter from the password field', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo());
    await h.type('User ID', AGENT);
    await h.type('Password', 'secret');
    await h.press('Enter');
    expect(h.lastIntent().kind).to.equal('intent.logon');
  });

  it('offers the identity providers and remembers the authentication type', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(
      server.config({ allowedIdentityProviders: ['okta', 'windows'] }),
      server.serverInfo({
        identityProviders: [
          { id: 'okta', displayName: 'Okta' },
          { id: 'windows', displayName: 'Windows Authentication' },
          { id: 'other', displayName: 'Not Allowed Here' },
        ],
      }),
    );
    expect(h.has({ role: 'group', name: 'Log On With' })).to.equal(true);
    const choices = h
      .queryAll({ role: 'radio' })
      .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim());
    expect(choices).to.deep.equal(['Interaction Center Authentication', 'Okta', 'Windows Authentication']);

    await h.click({ role: 'radio', name: 'Okta' });
    expect(h.has({ name: 'Password' })).to.equal(false);
    await h.click({ role: 'checkbox', name: 'Always use this authentication type' });
    await h.click('Log On');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.logon',
      auth: { type: 'sso', identityProviderId: 'okta' },
      alwaysUseAuthType: true,
    });
    expect(h.effectsOf('storage.saveLogonPrefs')).to.deep.equal([
      { kind: 'storage.saveLogonPrefs', prefs: { alwaysUse: { type: 'sso', identityProviderId: 'okta' } } },
    ]);
  });

  it('preselects the saved authentication type', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(
      server.config(),
      server.serverInfo({ identityProviders: [{ id: 'okta', displayName: 'Okta' }] }),
      { kind: 'obs.storage.logonPrefs', prefs: { alwaysUse: { type: 'sso', identityProviderId: 'okta' } } },
    );
    expect((h.get({ role: 'radio', name: 'Okta' }) as HTMLInputElement).checked).to.equal(true);
    expect(
      (h.get({ role: 'checkbox', name: 'Always use this authentication type' }) as HTMLInputElement).checked,
    ).to.equal(true);
  });

  for (const [reason, words] of [
    ['badCredentials', 'The user ID or password is not correct.'],
    ['unreachable', 'The CIC server cannot be reached.'],
    ['switchoverRedirect', 'switching over to its backup'],
  ] as const) {
    it(`explains a failed logon in plain language (${reason})`, async () => {
      const h = await SoftphoneHarness.mount();
      await h.feed(server.config(), server.serverInfo());
      await h.type('User ID', AGENT);
      await h.type('Password', 'wrong');
      await h.click('Log On');
      await h.feed({ kind: 'obs.logon.failed', reason, errorId: null });
      const alert = h.get({ role: 'alert' });
      expect(alert.textContent).to.contain(words);
      expect(h.button('Log On').disabled).to.equal(false);
    });
  }

  it('shows why the agent was logged off', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed({ kind: 'obs.session.ended', reason: 'replaced' });
    expect(h.has({ role: 'heading', name: 'Log On' })).to.equal(true);
    expect(h.get({ role: 'status' }).textContent).to.contain('logged on somewhere else');
  });

  it('asks for the user agreement after authentication; Accept continues, Reject logs off', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo({ userAgreementText: 'Be nice.\nRecord everything.' }));
    await h.type('User ID', AGENT);
    await h.type('Password', 'secret');
    await h.click('Log On');
    await h.feed(server.connected());
    expect(h.has({ role: 'heading', name: 'User Agreement' })).to.equal(true);
    expect(h.text()).to.contain('Record everything.');
    expect(h.a11yProblems()).to.deep.equal([]);

    await h.click('Reject');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.agreement.reject' });
    expect(h.effectsOf('cic.logoff')).to.have.length(1);
    await h.feed({ kind: 'obs.session.ended', reason: 'loggedOff' });
    expect(h.has({ role: 'heading', name: 'Log On' })).to.equal(true);
  });

  it('accepting the agreement continues to the station step', async () => {
    const h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo({ userAgreementText: 'Be nice.' }));
    await h.type('User ID', AGENT);
    await h.type('Password', 'secret');
    await h.click('Log On');
    await h.feed(server.connected());
    await h.click('Accept');
    await h.feed(server.rights(), server.userPrefs());
    expect(h.has({ role: 'heading', name: 'Select Station' })).to.equal(true);
  });
});

describe('change-password dialog', () => {
  async function expired(): Promise<SoftphoneHarness> {
    const h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo());
    await h.type('User ID', AGENT);
    await h.type('Password', 'old');
    await h.click('Log On');
    await h.feed({ kind: 'obs.logon.failed', reason: 'passwordExpired', errorId: null });
    return h;
  }

  it('opens when the password expired and lists the policy errors the server reports', async () => {
    const h = await expired();
    expect(h.has({ role: 'dialog', name: 'Change Password' })).to.equal(true);
    expect(h.text()).to.contain('Your password has expired.');
    // Only the dialog can be reached while it is open.
    expect(h.has({ role: 'button', name: 'Log On' })).to.equal(false);
    expect(h.a11yProblems()).to.deep.equal([]);

    await h.type('Old Password', 'old');
    await h.type('New Password', 'abc');
    await h.type('Confirm New Password', 'abd');
    await h.click({ role: 'button', name: 'Change Password', within: 'Change Password' });
    expect(h.get({ role: 'alert' }).textContent).to.contain('The new passwords do not match.');
    expect(h.effectsOf('cic.changePassword')).to.have.length(0);

    await h.type('Confirm New Password', 'abc');
    await h.press('Enter');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.password.change',
      oldPassword: 'old',
      newPassword: 'abc',
      confirmPassword: 'abc',
    });
    expect(h.text()).to.contain('Changing password…');
    await h.feed({ kind: 'obs.password.rejected', errors: ['tooShort', 'tooFewNumeric'] });
    const alert = h.get({ role: 'alert' });
    expect(alert.textContent).to.contain('The new password is too short.');
    expect(alert.textContent).to.contain('The new password needs more digits.');
  });

  it('closes on success and tells the agent to log on again', async () => {
    const h = await expired();
    await h.type('Old Password', 'old');
    await h.type('New Password', 'n3w-Secret');
    await h.type('Confirm New Password', 'n3w-Secret');
    await h.press('Enter');
    await h.feed({ kind: 'obs.password.changed' });
    expect(h.has({ role: 'dialog' })).to.equal(false);
    expect(h.get({ role: 'status' }).textContent).to.contain('Log on with your new password');
  });

  it('Esc cancels back to the log-on form', async () => {
    const h = await expired();
    await h.press('Escape');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.password.cancel' });
    expect(h.has({ role: 'dialog' })).to.equal(false);
    expect(h.state.session.current.phase).to.equal('signedOut');
  });

  it('opens from the menu while logged on', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click('Menu');
    await h.click({ role: 'menuitem', name: 'Change Password' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.password.open' });
    expect(h.has({ role: 'dialog', name: 'Change Password' })).to.equal(true);
    expect(h.text()).to.not.contain('Your password has expired.');
  });
});

describe('log-on keyboard use', () => {
  it('reaches every field and the button with Tab, in order', async () => {
    const h = await SoftphoneHarness.mount();
    await h.type('Server Name', SERVER);
    await h.click('Select Server');
    await h.feed(server.serverInfo());
    const order = (await h.tabOrder()).map((el) => el.getAttribute('id') ?? el.textContent?.trim());
    expect(order).to.deep.equal(['server', 'Select Server', 'user', 'password', 'Log On']);
  });
});
