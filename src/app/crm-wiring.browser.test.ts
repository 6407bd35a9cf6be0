import { expect } from '@open-wc/testing';
import { closeAll, openConsole, openCtiLog } from '../../test/browser/crm-emulator/harness.js';
import type { Input, Observation } from '../domain/index.js';
import { createCrmWiring } from './crm-wiring.js';

describe('CRM wiring (Open CTI detection and start)', () => {
  afterEach(() => closeAll());

  it('stays out of the way outside the Salesforce softphone frame', () => {
    expect(createCrmWiring(window)).to.equal(null);
  });

  it('in the softphone frame: loads the adapter, initialises Open CTI and hands the CIC server to the panel', async () => {
    const h = await openConsole({ adapterPath: '/src/crm/open-cti/fixtures/bare-adapter.html', cicServerUrl: 'https://cic.example.com:8019', settingOverrides: { '/cicServer/alternateUrls': 'https://cic2.example.com:8019' } });
    const wiring = createCrmWiring(h.adapter);
    expect(wiring).to.not.equal(null);
    const seen: Observation[] = [];
    wiring?.port.observe((o) => seen.push(o));
    const dispatched: Input[] = [];
    const config = await wiring?.start((i) => dispatched.push(i));
    expect(config?.cic.serverUrl).to.equal('https://cic.example.com:8019');
    expect(config?.cic.alternateUrls).to.deep.equal(['https://cic2.example.com:8019']);
    expect(dispatched).to.have.length(1);
    expect(dispatched[0]?.kind === 'obs.panel.config' && dispatched[0].config.server).to.equal('https://cic.example.com:8019');
    expect(seen.map((o) => o.kind)).to.include('obs.crm.ready');
    const methods = (await openCtiLog(h)).map((e) => e.method);
    expect(methods).to.include('notifyInitializationComplete');
  });
});
