/**
 * axe-core (through chai-a11y-axe) over the panel's screens, shadow roots included: every view the
 * agent works in, with a call connected and with the dialogs open. Any violation fails the test
 * with axe's description of what is wrong and where.
 */
import { expect } from '@open-wc/testing';
import { CONNECTED_CAPS, inboundCall, server, SoftphoneHarness } from '../../support/softphone-harness.js';

async function accessible(h: SoftphoneHarness): Promise<void> {
  await h.settle();
  await expect(h.element).to.be.accessible();
}

describe('axe: no accessibility violations', () => {
  let h: SoftphoneHarness;
  afterEach(() => h.unmount());

  it('log-on form and station form', async () => {
    h = await SoftphoneHarness.mount();
    await h.feed(server.config(), server.serverInfo());
    await accessible(h);
    h.unmount();
    h = await SoftphoneHarness.atStationStep();
    await accessible(h);
  });

  it('My Interactions with a connected call and its controls', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
    await accessible(h);
  });

  it('a held call', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1003', inboundCall('H', CONNECTED_CAPS)));
    await accessible(h);
  });

  it('an alerting call (alert bar)', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1002', inboundCall('A', 0)));
    await accessible(h);
  });

  it('the transfer dialog and the dial pad', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
    await h.click({ role: 'button', name: 'Transfer', within: 'Call controls' });
    await accessible(h);
    await h.press('Escape');
    await h.click({ role: 'button', name: 'Dial Pad', within: 'Call controls' });
    await accessible(h);
  });

  for (const view of ['Make a Call', 'Directory', 'Call History']) {
    it(`the ${view} view`, async () => {
      h = await SoftphoneHarness.loggedOn();
      await h.click({ role: 'button', name: view, within: 'Views' });
      await accessible(h);
    });
  }

  it('the status list', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.click({ role: 'button', name: /^Status: / });
    await accessible(h);
  });
});
