import { expect } from '@open-wc/testing';
import { interactionId } from '../../../src/domain/index.js';
import { CONNECTED_CAPS, inboundCall, server, SoftphoneHarness } from '../../support/softphone-harness.js';

async function afterCall(): Promise<SoftphoneHarness> {
  const h = await SoftphoneHarness.loggedOn();
  await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
  await h.tick(30_000);
  await h.feed(
    server.changed('1001', { Eic_State: 'E', Eic_CallStateString: 'Disconnected', Eic_Capabilities: '0' }),
  );
  return h;
}

const prompt = (h: SoftphoneHarness) => h.get({ role: 'region', name: 'Wrap Up' });

describe('wrap-up prompt', () => {
  it('appears after a workgroup call with its codes and the time left', async () => {
    const h = await afterCall();
    expect(prompt(h).textContent).to.contain('Pat Caller');
    expect(prompt(h).textContent).to.contain('Time left: 1:00');
    const codes = h
      .queryAll({ role: 'radio', within: 'Wrap Up' })
      .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim());
    expect(codes).to.deep.equal(['Billing question', 'Sale made']);
    await h.tick(15_000);
    expect(prompt(h).textContent).to.contain('Time left: 0:45');
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('assigns the chosen code; the prompt closes when the server confirms', async () => {
    const h = await afterCall();
    await h.click({ role: 'button', name: 'Assign', within: 'Wrap Up' });
    expect(h.get({ role: 'alert' }).textContent).to.contain('Choose a wrap-up code.');
    expect(h.effectsOf('cic.assignWrapUp')).to.have.length(0);

    await h.click({ role: 'radio', name: 'Billing question' });
    await h.click({ role: 'button', name: 'Assign', within: 'Wrap Up' });
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.assignWrapUp',
      interactionId: '1001',
      codeId: 'W1',
    });
    expect(h.effectsOf('cic.assignWrapUp')[0]).to.include({ codeId: 'W1', workgroup: 'Support' });
    expect(prompt(h).textContent).to.contain('Assigning…');
    await h.feed({ kind: 'obs.wrapUp.assigned', interactionId: interactionId('1001'), codeId: 'W1' });
    expect(h.has({ role: 'region', name: 'Wrap Up' })).to.equal(false);
  });

  it('goes away with no code when the time runs out', async () => {
    const h = await afterCall();
    await h.tick(61_000);
    expect(h.has({ role: 'region', name: 'Wrap Up' })).to.equal(false);
    expect(h.effectsOf('cic.assignWrapUp')).to.have.length(0);
  });

  it('only shows a code a supervisor set', async () => {
    const h = await afterCall();
    await h.feed(server.changed('1001', { Eic_WrapUpCode: 'Sale' }));
    expect(prompt(h).textContent).to.contain('Wrap-up code set: Sale');
    expect(h.has({ role: 'button', name: 'Assign' })).to.equal(false);
  });

  it('is not shown for a call without wrap-up codes', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS, { Eic_WorkgroupName: 'Billing' })));
    await h.feed(server.changed('1001', { Eic_State: 'E', Eic_Capabilities: '0' }));
    expect(h.has({ role: 'region', name: 'Wrap Up' })).to.equal(false);
  });
});
