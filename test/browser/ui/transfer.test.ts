import { expect } from '@open-wc/testing';
import { interactionId, type TransferCandidate } from '../../../src/domain/index.js';
import { CONNECTED_CAPS, inboundCall, server, SoftphoneHarness } from '../../support/softphone-harness.js';

const SAM: TransferCandidate = {
  target: { kind: 'user', userId: 'agent2', displayName: 'Sam Second' },
  extension: '7002',
  firstName: 'Sam',
  lastName: 'Second',
  statusId: 'available',
  loggedIn: true,
  onPhone: true,
};
const SALES: TransferCandidate = {
  target: { kind: 'workgroup', name: 'Sales' },
  extension: '8100',
  firstName: '',
  lastName: '',
  statusId: null,
  loggedIn: null,
  onPhone: null,
};

async function openTransfer(): Promise<SoftphoneHarness> {
  const h = await SoftphoneHarness.loggedOn();
  await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
  await h.click({ role: 'button', name: 'Transfer', within: 'Call controls' });
  return h;
}

async function search(
  h: SoftphoneHarness,
  text: string,
  candidates: readonly TransferCandidate[],
): Promise<void> {
  await h.type('Name or number', text);
  const request = h.effectsOf('cic.transfer.search').at(-1);
  expect(request?.text).to.equal(text);
  await h.feed({ kind: 'obs.transfer.results', requestId: request!.requestId, candidates });
}

describe('transfer dialog', () => {
  it('searches as the agent types and shows status and an on-the-phone mark', async () => {
    const h = await openTransfer();
    expect(h.has({ role: 'dialog', name: 'Transfer' })).to.equal(true);
    await h.type('Name or number', 'sa');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.transfer.search',
      interactionId: '1001',
      text: 'sa',
      targetTypes: ['user', 'workgroup', 'attendantProfile', 'station'],
    });
    expect(h.text()).to.contain('Searching…');
    const request = h.effectsOf('cic.transfer.search').at(-1)!;
    await h.feed({ kind: 'obs.transfer.results', requestId: request.requestId, candidates: [SAM, SALES] });
    const sam = h.get({ role: 'radio', name: 'Sam Second' });
    const detail = h.get({ role: 'radio', name: 'Sam Second' }).getAttribute('aria-describedby')!;
    const detailText = (sam.getRootNode() as ShadowRoot)
      .getElementById(detail)!
      .textContent!.replace(/\s+/g, ' ');
    expect(detailText).to.contain('7002');
    expect(detailText).to.contain('Available');
    expect(detailText).to.contain('On the phone');
    expect(h.has({ role: 'radio', name: 'Sales' })).to.equal(true);
    expect(h.has({ role: 'radio', name: 'Dial sa as digits' })).to.equal(true);
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('blind transfers to the chosen person and closes', async () => {
    const h = await openTransfer();
    await search(h, 'sam', [SAM]);
    expect(h.button('Blind').disabled).to.equal(true);
    await h.click({ role: 'radio', name: 'Sam Second' });
    await h.click('Blind');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.transfer.blind',
      interactionId: '1001',
      target: SAM.target,
    });
    expect(h.effectsOf('cic.blindTransfer')).to.have.length(1);
    expect(h.has({ role: 'dialog' })).to.equal(false);
  });

  it('offers only Blind for a workgroup queue', async () => {
    const h = await openTransfer();
    await search(h, 'sal', [SALES]);
    await h.click({ role: 'radio', name: 'Sales' });
    expect(h.button('Consult').disabled).to.equal(true);
    expect(h.button('Blind').disabled).to.equal(false);
    expect(h.text()).to.contain('Blind transfer only');
  });

  it('"dial as digits" transfers to exactly what was typed', async () => {
    const h = await openTransfer();
    await search(h, '+13175550000', []);
    await h.click({ role: 'radio', name: 'Dial +13175550000 as digits' });
    await h.click('Blind');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.transfer.blind',
      interactionId: '1001',
      target: { kind: 'number', number: '+13175550000' },
    });
  });

  it('Esc closes without transferring', async () => {
    const h = await openTransfer();
    await h.press('Escape');
    expect(h.has({ role: 'dialog' })).to.equal(false);
    expect(h.effectsOf('cic.blindTransfer')).to.have.length(0);
  });
});

describe('consult transfer', () => {
  async function consulting(): Promise<SoftphoneHarness> {
    const h = await openTransfer();
    await search(h, 'sam', [SAM]);
    await h.click({ role: 'radio', name: 'Sam Second' });
    await h.click('Consult');
    return h;
  }

  it('calls the consultant, then offers Complete, Both, Neither, Caller, Disconnect Consultant and Cancel', async () => {
    const h = await consulting();
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.consult.start',
      interactionId: '1001',
      target: SAM.target,
    });
    expect(h.effectsOf('cic.consult.start')).to.have.length(1);
    const region = () => h.get({ role: 'region', name: 'Consult transfer' });
    expect(region().textContent).to.contain('Calling Sam Second…');

    await h.feed(
      server.added(
        '1002',
        inboundCall('C', CONNECTED_CAPS, { Eic_RemoteName: 'Sam Second', Eic_CallDirection: 'O' }),
      ),
      {
        kind: 'obs.consult.started',
        interactionId: interactionId('1001'),
        consultId: 'k1',
        consultInteractionId: interactionId('1002'),
      },
    );
    expect(region().textContent).to.contain('You are talking to Sam Second; the caller is on hold.');
    const actions = h
      .queryAll({ role: 'button', within: 'Consult transfer' })
      .map((b) => b.textContent?.trim());
    expect(actions).to.deep.equal([
      'Complete',
      'Both',
      'Neither',
      'Caller',
      'Disconnect Consultant',
      'Cancel Transfer',
    ]);
    expect(h.a11yProblems()).to.deep.equal([]);

    await h.click({ role: 'button', name: 'Both', within: 'Consult transfer' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.consult.both' });
    expect(h.effectsOf('cic.consult.audience')[0]).to.include({ audience: 'both', consultId: 'k1' });
    await h.feed({ kind: 'obs.consult.audience', consultId: 'k1', audience: 'both' });
    expect(region().textContent).to.contain('All three of you are talking.');
    expect(h.has({ role: 'button', name: 'Both', within: 'Consult transfer' })).to.equal(false);

    await h.click({ role: 'button', name: 'Complete', within: 'Consult transfer' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.consult.complete' });
    expect(h.effectsOf('cic.consult.conclude')).to.have.length(1);
    await h.feed({ kind: 'obs.consult.ended', consultId: 'k1' });
    expect(h.has({ role: 'region', name: 'Consult transfer' })).to.equal(false);
  });

  it('Disconnect Consultant drops only the consult leg', async () => {
    const h = await consulting();
    await h.feed({
      kind: 'obs.consult.started',
      interactionId: interactionId('1001'),
      consultId: 'k1',
      consultInteractionId: interactionId('1002'),
    });
    await h.click({ role: 'button', name: 'Disconnect Consultant', within: 'Consult transfer' });
    expect(h.effectsOf('cic.disconnect')).to.deep.equal([{ kind: 'cic.disconnect', interactionId: '1002' }]);
  });
});
