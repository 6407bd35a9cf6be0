/**
 * Omni-Channel status sync in Chromium against the REAL Lightning console emulator: its Omni
 * presence widget and its Omni bridge on the LMS channel, reached from the softphone frame through
 * `sforce.opencti.publish/subscribe` (the emulator's opencti_min.js) by the real transport.
 *
 * The CIC side is a FAKE: the panel's domain store (real `step`) driven directly, with a stand-in
 * for the CIC server that confirms each status change the panel asks for. The end-to-end test with
 * the CIC simulator comes later.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  closeAll,
  eventually,
  openConsole,
  type ConsoleHarness,
} from '../../test/browser/crm-emulator/harness.js';
import {
  createStore,
  parseOmniSyncSettings,
  statusId,
  step,
  type Input,
  type OmniSyncConfig,
} from '../domain/index.js';
import { CONNECTED_CAPS, ME, T0, added, changed, inbound, loggedOn } from '../domain/testing/fixtures.js';
import {
  createOmniTransport,
  lmsBusFromOpenCti,
  type OmniTransportDiagnostic,
  type OpenCtiLms,
} from '../crm/open-cti/omni-transport.js';
import { startOmniSync, type OmniSync } from './omni-sync.js';

const MAPS = [
  '# several maps: two two-way, one each way, busy and workload',
  'cic:Available <-> omni:Available',
  'cic:"At Lunch" <-> omni:Break',
  'cic:"Out of the Office" -> omni:Break',
  'omni:Available_Cases -> cic:"Available, Forward"',
  'busy on ACD -> omni:Busy_On_Phone',
  'omni workload -> cic:"Out of the Office"',
].join('\n');

interface OmniChange {
  kind: string;
  toStatusApiName: string | null;
  reason: string | null;
  origin: 'toolkit' | 'agent' | 'control';
}

/** A timer clock that never fires on its own: request timeouts cannot interfere with the test. */
function stoppedClock() {
  const timers = new Set<number>();
  let next = 1;
  return {
    setTimeout: () => {
      const id = next++;
      timers.add(id);
      return id;
    },
    clearTimeout: (h: unknown) => void timers.delete(h as number),
  };
}

function config(): OmniSyncConfig {
  const r = parseOmniSyncSettings(MAPS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

describe('Omni-Channel status sync vs the console emulator (fake CIC store)', () => {
  let h: ConsoleHarness;
  let sync: OmniSync | null = null;

  beforeEach(async () => {
    h = await openConsole();
  });
  afterEach(async () => {
    await sync?.stop();
    sync = null;
    await closeAll();
  });

  it('syncs both directions with several maps, ACD busy and workload, and never echoes', async () => {
    // The agent is logged in to Omni (widget) before the panel starts.
    await h.post('/omni/status', { statusApiName: 'Available' });

    const store = createStore(loggedOn(), step);
    const cicChanges: string[] = [];
    store.subscribe((s) => {
      for (const effect of s.effects) {
        if (effect.kind !== 'cic.setStatus') continue;
        cicChanges.push(effect.statusId);
        setTimeout(() =>
          store.dispatch({
            kind: 'obs.status.user',
            isDelta: true,
            statuses: [{ userId: ME, statusId: effect.statusId }],
          }),
        );
      }
    });
    const cicStatus = () => store.getState().status.mine?.statusId ?? null;
    const diagnostics: OmniTransportDiagnostic[] = [];
    const transport = createOmniTransport({
      bus: lmsBusFromOpenCti(h.opencti as unknown as OpenCtiLms),
      clock: stoppedClock(),
      onDiagnostic: (d) => diagnostics.push(d),
    });
    const logs: string[] = [];
    sync = await startOmniSync({
      store,
      dispatch: (input: Input) => void store.dispatch(input),
      transport,
      config: config(),
      clock: { now: () => Date.now() },
      log: (l) => logs.push(l),
    });
    const omni = async () => h.get<{ statusName: string | null; history: OmniChange[] }>('/omni');
    const omniStatus = async () => (await omni()).history.at(-1)?.toStatusApiName ?? null;
    const s = sync;

    // 1. CIC → Omni: the agent picks At Lunch in the panel.
    store.dispatch({ kind: 'intent.setStatus', statusId: statusId('At Lunch') });
    await eventually(async () => (await omniStatus()) === 'Break');

    // 2. Omni → CIC: the agent picks Available in the Omni widget.
    await h.post('/omni/status', { statusApiName: 'Available' });
    await eventually(async () => cicStatus() === 'Available');

    // 3. One-way Omni → CIC: Available_Cases → "Available, Forward" needs a forward number, so
    //    the panel refuses it; the sync forgets it and nothing loops.
    await h.post('/omni/status', { statusApiName: 'Available_Cases' });
    await eventually(async () => logs.some((l) => l.includes('refused CIC status "Available, Forward"')));
    expect(cicStatus()).to.equal('Available');
    // 4. One-way CIC → Omni: Out of the Office → Break; Break maps back to At Lunch only when the
    //    agent changes Omni, never as an echo.
    store.dispatch({ kind: 'intent.setStatus', statusId: statusId('Out of the Office') });
    await eventually(async () => (await omniStatus()) === 'Break');

    // 5. A supervisor puts Omni on Available: CIC follows.
    await h.post('/omni/status', { statusApiName: 'Available', reason: 'OmniSupervisorStatusChange' });
    await eventually(async () => cicStatus() === 'Available');

    // 6. An ACD call: Omni goes busy, then back to Available.
    store.dispatch(added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    await eventually(async () => (await omniStatus()) === 'Busy_On_Phone');
    store.dispatch(changed('1', { Eic_State: 'E', Eic_CallStateString: 'Disconnected' }, T0 + 60_000));
    await eventually(async () => (await omni()).history.length === 8 && (await omniStatus()) === 'Available');

    // 7. Omni work arrives: CIC goes to Out of the Office (not mapped back to Omni), then back.
    await h.post('/omni/workload', { workload: 1 });
    await eventually(async () => cicStatus() === 'Out of the Office');
    await h.post('/omni/workload', { workload: 0 });
    await eventually(async () => cicStatus() === 'Available');

    // Quiet: a full round trip over the bridge after everything, then count.
    await s.idle();
    await transport.currentWorkload();
    await s.idle();
    const history = (await omni()).history.map((c) => [c.kind, c.toStatusApiName, c.origin]);
    expect(history).to.deep.equal([
      ['login', 'Available', 'agent'],
      ['status', 'Break', 'toolkit'], // 1
      ['status', 'Available', 'agent'], // 2
      ['status', 'Available_Cases', 'agent'], // 3
      ['status', 'Break', 'toolkit'], // 4
      ['status', 'Available', 'control'], // 5
      ['status', 'Busy_On_Phone', 'toolkit'], // 6
      ['status', 'Available', 'toolkit'], // 6, back
    ]);
    expect(cicChanges).to.deep.equal([
      'At Lunch', // 1 (the agent)
      'Available', // 2 (sync)
      'Out of the Office', // 4 (the agent)
      'Available', // 5 (sync)
      'Out of the Office', // 7 (workload)
      'Available', // 7 (back)
    ]);
    expect(s.sent.map((c) => c.kind)).to.deep.equal([
      'omni.setStatus',
      'cic.setStatus',
      'cic.setStatus', // 3, refused by the panel
      'omni.setStatus',
      'cic.setStatus',
      'omni.setStatus',
      'omni.setStatus',
      'cic.setStatus',
      'cic.setStatus',
    ]);
    expect(s.state().pendingOmni).to.deep.equal([]);
    expect(s.state().pendingCic).to.deep.equal([]);
    expect(diagnostics).to.deep.equal([]);
    // The widget shows the final status.
    expect(
      await executeServerCommand('console:dom', { url: h.url, action: 'text', selector: '#utility-omni' }),
    ).to.contain('Available');
    expect(logs.filter((l) => l.includes('failed'))).to.deep.equal([]);
  });

  it('Omni → CIC with the agent logged out of Omni at start: nothing is forced, then the login syncs', async () => {
    const store = createStore(loggedOn(), step);
    const cicChanges: string[] = [];
    store.subscribe((st) => {
      for (const effect of st.effects) {
        if (effect.kind !== 'cic.setStatus') continue;
        cicChanges.push(effect.statusId);
        setTimeout(() =>
          store.dispatch({
            kind: 'obs.status.user',
            isDelta: true,
            statuses: [{ userId: ME, statusId: effect.statusId }],
          }),
        );
      }
    });
    const transport = createOmniTransport({
      bus: lmsBusFromOpenCti(h.opencti as unknown as OpenCtiLms),
      clock: stoppedClock(),
    });
    sync = await startOmniSync({
      store,
      dispatch: (i) => void store.dispatch(i),
      transport,
      config: config(),
      clock: { now: () => Date.now() },
    });
    expect(sync.state().omni).to.equal('(logged out)');
    expect(sync.sent).to.deep.equal([]);
    // The agent logs in to Omni on Break from the widget: CIC follows to At Lunch, once.
    await h.post('/omni/status', { statusApiName: 'Break' });
    await eventually(async () => store.getState().status.mine?.statusId === 'At Lunch');
    await sync.idle();
    await transport.currentWorkload();
    const history = (await h.get<{ history: OmniChange[] }>('/omni')).history;
    expect(history.map((c) => [c.kind, c.toStatusApiName, c.reason])).to.deep.equal([
      ['login', 'Break', 'OmniLoginStatusChange'],
    ]);
    expect(cicChanges).to.deep.equal(['At Lunch']);
  });
});
