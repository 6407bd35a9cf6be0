/**
 * Single sign-on through the panel in Chromium against the CIC simulator: the identity providers
 * come from server-info, Log On opens the provider's page in a popup on the CIC server, the page
 * posts `icwsSsoComplete` back, and the panel logs on with the token. The server reports the
 * session; "Always use this authentication type" is remembered without any credential.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/main.js';
import type { CicSoftphoneApp } from '../../../src/main.js';
import { SoftphoneHarness } from '../../support/softphone-harness.js';

interface Sim {
  readonly id: string;
  readonly url: string;
}

describe('single sign-on (Chromium, popup on the CIC server)', () => {
  let sim: Sim;
  beforeEach(async () => {
    localStorage.clear();
    sim = (await executeServerCommand('sim:start', {})) as Sim;
  });
  afterEach(async () => {
    await executeServerCommand('sim:stop', { id: sim.id });
    localStorage.clear();
  });

  it('logs on with the demo identity provider and remembers the choice, not a secret', async () => {
    const app = await fixture<CicSoftphoneApp>(
      html`<cic-softphone-app
        style="display:block;width:300px;height:640px"
        server=${sim.url}
      ></cic-softphone-app>`,
    );
    const h = await SoftphoneHarness.live(
      app as CicSoftphoneApp & { store: NonNullable<CicSoftphoneApp['store']> },
    );
    await h.until((s) => (s.session.serverInfo?.identityProviders.length ?? 0) > 0, 'the identity providers');
    await h.click({ role: 'radio', name: 'Demo single sign-on' });
    await h.click({ role: 'checkbox', name: 'Always use this authentication type' });
    await h.click({ role: 'button', name: 'Log On' });
    await executeServerCommand('sim:popup-click', { url: sim.url, text: 'agent3' });
    await h.until((s) => s.session.current.phase === 'agreement', 'the user agreement after single sign-on');
    await h.click('Accept');
    await h.until((s) => s.station.step === 'choosing', 'the station form');

    const state = (await (await fetch(`${sim.url}/sim/v1/state`)).json()) as {
      sessions: { userId: string }[];
    };
    expect(state.sessions.map((s) => s.userId)).to.deep.equal(['agent3']);
    const stored = Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k) ?? ''}`)
      .join('\n');
    expect(stored).to.contain('demo-idp');
    expect(stored).to.not.match(/token|password/i);
    h.unmount();
  });
});
