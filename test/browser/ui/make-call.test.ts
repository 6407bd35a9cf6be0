import { expect } from '@open-wc/testing';
import { interactionId } from '../../../src/domain/index.js';
import { server, SoftphoneHarness } from '../../support/softphone-harness.js';

async function makeCall(options = {}): Promise<SoftphoneHarness> {
  const h = await SoftphoneHarness.loggedOn(options);
  await h.click({ role: 'button', name: 'Make a Call', within: 'Views' });
  return h;
}

describe('Make a Call', () => {
  it('dials the typed number with Enter and shows the call in My Interactions', async () => {
    const h = await makeCall();
    expect(h.has({ role: 'heading', name: 'Make a Call' })).to.equal(true);
    expect(h.a11yProblems()).to.deep.equal([]);
    await h.type('Dial Number', '+13175550123');
    await h.press('Enter');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.dial',
      number: '+13175550123',
      source: 'keypad',
      advanced: null,
    });
    const effect = h.effectsOf('cic.createCall')[0]!;
    expect(effect).to.include({ target: '+13175550123', workgroup: null, accountCodeId: null });
    // The panel goes back to My Interactions to show the call.
    expect(h.has({ role: 'heading', name: 'Make a Call' })).to.equal(false);

    await h.feed(
      server.added('2001', {
        Eic_State: 'R',
        Eic_CallStateString: 'Proceeding',
        Eic_CallDirection: 'O',
        Eic_ObjectType: 'Call',
        Eic_RemoteAddress: '+13175550123',
        Eic_Capabilities: '2',
      }),
      { kind: 'obs.call.created', requestId: effect.requestId, interactionId: interactionId('2001') },
    );
    const row = h.get({ role: 'option', name: /\+13175550123/ });
    expect(row.getAttribute('aria-selected')).to.equal('true');
    expect(row.getAttribute('data-state')).to.equal('dialing');
  });

  it('builds the number from the dial pad and the Call button', async () => {
    const h = await makeCall();
    await h.click({ role: 'button', name: 'Dial Pad', within: 'Make a Call' });
    for (const key of ['7', '0', '0', '2']) await h.click({ role: 'button', name: key, within: 'Dial Pad' });
    expect((h.get({ name: 'Dial Number' }) as HTMLInputElement).value).to.equal('7002');
    await h.click('Call');
    expect(h.lastIntent()).to.include({ kind: 'intent.dial', number: '7002' });
  });

  it('says when there is no number', async () => {
    const h = await makeCall();
    await h.click('Call');
    expect(h.intents.filter((i) => i.kind === 'intent.dial')).to.deep.equal([]);
    expect(h.get({ role: 'textbox', name: 'Dial Number' }).getAttribute('aria-invalid')).to.equal('true');
    expect(h.text()).to.contain('Enter a number to call.');
  });

  it('Advanced Dial: account code required when enforced, workgroups the agent is active in', async () => {
    const h = await makeCall();
    await h.feed(
      {
        kind: 'obs.config.accountCodes',
        enabled: true,
        codes: [
          { id: '100', description: 'Sales' },
          { id: '200', description: 'Personal' },
        ],
      },
      {
        kind: 'obs.activations',
        isDelta: false,
        workgroups: [
          { workgroup: 'Support', active: true, canActivate: true },
          { workgroup: 'Sales', active: false, canActivate: true },
        ],
      },
    );
    const toggle = h.button('Advanced Dial');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await h.clickElement(toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const workgroups = [...(h.get({ role: 'combobox', name: 'Workgroup' }) as HTMLSelectElement).options].map(
      (o) => o.label,
    );
    expect(workgroups).to.deep.equal(['None', 'Support']);
    expect((h.get({ role: 'combobox', name: 'Account Code' }) as HTMLSelectElement).required).to.equal(true);

    await h.type('Dial Number', '5551000');
    await h.press('Enter');
    expect(h.text()).to.contain('Choose an account code.');
    expect(h.effectsOf('cic.createCall')).to.have.length(0);

    await h.select('Account Code', '100 – Sales');
    await h.select('Workgroup', 'Support');
    await h.click('Call');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.dial',
      number: '5551000',
      source: 'keypad',
      advanced: { accountCodeId: '100', workgroup: 'Support' },
    });
    expect(h.effectsOf('cic.createCall')[0]).to.include({ accountCodeId: '100', workgroup: 'Support' });
  });
});
