/** The Omni bridge transport against the real console emulator's bridge (LMS via sforce.opencti). */
import { expect } from '@open-wc/testing';
import {
  closeAll,
  eventually,
  openConsole,
  type ConsoleHarness,
} from '../../../test/browser/crm-emulator/harness.js';
import {
  createOmniTransport,
  lmsBusFromOpenCti,
  OmniTransportError,
  type OmniTransport,
  type OmniTransportDiagnostic,
  type OmniTransportEvent,
  type OpenCtiLms,
} from './omni-transport.js';

describe('Omni transport vs the console emulator bridge', () => {
  let h: ConsoleHarness;
  let transport: OmniTransport;
  let diagnostics: OmniTransportDiagnostic[];
  let events: OmniTransportEvent[];

  beforeEach(async () => {
    h = await openConsole();
    diagnostics = [];
    events = [];
    transport = createOmniTransport({
      bus: lmsBusFromOpenCti(h.opencti as unknown as OpenCtiLms),
      // Timers never fire: nothing here may depend on a timeout.
      clock: { setTimeout: () => 0, clearTimeout: () => undefined },
      onDiagnostic: (d) => diagnostics.push(d),
    });
    transport.onEvent((e) => events.push(e));
    await transport.start();
  });
  afterEach(async () => {
    await transport.stop();
    await closeAll();
  });

  it('lists statuses, logs in by API name, reads status and workload, logs out', async () => {
    const statuses = await transport.statuses();
    expect(statuses.map((s) => s.statusApiName)).to.deep.equal([
      'Available',
      'Available_Cases',
      'Busy_On_Phone',
      'Break',
    ]);
    expect(await transport.currentStatus()).to.equal(null);
    await transport.setStatus('Busy_On_Phone');
    expect((await transport.currentStatus())?.statusApiName).to.equal('Busy_On_Phone');
    await h.post('/omni/workload', { workload: 2 });
    expect(await transport.currentWorkload()).to.equal(2);
    await transport.logout();
    await eventually(async () => events.some((e) => e.kind === 'loggedOut'));
    expect(events).to.deep.include({
      kind: 'status',
      statusId: statuses[2]?.statusId ?? '',
      statusApiName: 'Busy_On_Phone',
      reason: 'OmniToolkitStatusChange',
    });
    expect(events).to.deep.include({ kind: 'workload', workload: 2 });
    const omni = await h.get<{ history: Array<{ kind: string; origin: string }> }>('/omni');
    expect(omni.history.map((c) => [c.kind, c.origin])).to.deep.equal([
      ['login', 'toolkit'],
      ['logout', 'toolkit'],
    ]);
    expect(diagnostics).to.deep.equal([]);
  });

  it('a refused request rejects; an unknown status is never sent', async () => {
    let error: unknown;
    await transport
      .request('acceptAgentWork', { workId: '0BzDm0000000999' })
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(OmniTransportError);
    expect((error as OmniTransportError).kind).to.equal('refused');
    error = undefined;
    await transport.setStatus('Lunch_Break').catch((e: unknown) => (error = e));
    expect((error as OmniTransportError).kind).to.equal('unknownStatus');
  });

  it('malformed messages on the channel are ignored and reported', async () => {
    await h.post('/lms/publish', {
      channelName: 'CIC_Omni_Bridge__c',
      message: { type: 'omni.event', name: 'omniChannelStatusChanged', params: { statusId: 7 } },
    });
    await h.post('/lms/publish', { channelName: 'CIC_Omni_Bridge__c', message: { hello: 'world' } });
    await eventually(async () => diagnostics.length >= 2);
    expect(diagnostics.map((d) => d.kind)).to.deep.equal(['malformed', 'malformed']);
    expect(events).to.deep.equal([]);
    // Still working afterwards.
    expect((await transport.statuses()).length).to.equal(4);
  });
});
