/**
 * The CRM rules end to end in Chromium: the real domain store and runtime run their CRM effects
 * through the real Open CTI port against the console emulator. The test plays the CIC server by
 * feeding queue observations (as the runtime would report them); the CIC port only records the
 * calls it is asked to place. Assertions are on what the emulator reports: its Open CTI log and
 * its Tasks.
 */
import { expect } from '@open-wc/testing';
import { closeAll, eventually, openConsole, openCtiLog, type ConsoleHarness } from '../../../test/browser/crm-emulator/harness.js';
import { startRuntime, type Runtime } from '../../app/runtime.js';
import {
  createStore,
  initialSoftphoneState,
  interactionId,
  selectCallLog,
  step,
  type CicPort,
  type Input,
  type SoftphoneState,
  type Store,
} from '../../domain/index.js';
import { ALERTING_CAPS, CONNECTED_CAPS, HELD_CAPS, T0 } from '../../domain/testing/fixtures.js';
import { logonInputs } from '../../domain/testing/agent.js';
import { createOpenCtiCrmPort, loadOpenCtiLibrary } from '../index.js';

const PAT = '003Dm0000000001IAA';
const ACME = '001Dm0000000001IAA';

/** The CIC side: commands never answer, except placing a call, which the test answers. */
function recordingCicPort(): CicPort & { calls: string[] } {
  const never = (): Promise<never> => new Promise(() => undefined);
  const calls: string[] = [];
  return {
    calls,
    fetchServerInfo: never,
    logon: never,
    logoff: never,
    changePassword: never,
    subscribe: never,
    watchUserStatuses: never,
    setStation: never,
    setStatus: never,
    setActivation: never,
    interactionCommand: never,
    async createCall(request) {
      calls.push(request.target);
      return { kind: 'obs.call.created', requestId: request.requestId, interactionId: interactionId(`OUT${calls.length}`) };
    },
    startConsult: never,
    changeConsultAudience: never,
    concludeConsult: never,
    cancelConsult: never,
    conference: never,
    assignWrapUp: never,
    directoryPage: never,
    transferSearch: never,
    observe: () => () => undefined,
  };
}

interface Rig {
  h: ConsoleHarness;
  store: Store<SoftphoneState, Input>;
  runtime: Runtime;
  cic: ReturnType<typeof recordingCicPort>;
  at(ms: number, input: Input): void;
}

async function rig(): Promise<Rig> {
  const h = await openConsole({ adapterPath: '/src/crm/open-cti/fixtures/bare-adapter.html' });
  const crm = createOpenCtiCrmPort({ library: loadOpenCtiLibrary(h.adapter, new URL(h.url).origin), locale: 'en-US', timeZone: 'UTC' });
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(T0), step);
  let now = T0;
  const cic = recordingCicPort();
  const runtime = startRuntime({
    store,
    clock: { now: () => now, every: () => () => undefined },
    ports: {
      cic,
      crm,
      storage: { loadUserPrefs: () => new Promise(() => undefined), saveUserPrefs: async () => undefined, loadLogonPrefs: () => new Promise(() => undefined), saveLogonPrefs: async () => undefined },
      notifier: { startRing: () => undefined, stopRing: () => undefined, notify: () => undefined },
    },
  });
  for (const input of logonInputs()) runtime.dispatch(input);
  await crm.start();
  await eventually(async () => store.getState().crm.connection.phase === 'ready');
  return {
    h,
    store,
    runtime,
    cic,
    at(ms, input) {
      now = T0 + ms;
      runtime.dispatch(input);
    },
  };
}

const call = (state: string, caps: number, extra: Record<string, string> = {}) => ({
  Eic_State: state,
  Eic_CallDirection: 'I',
  Eic_CallType: 'E',
  Eic_ObjectType: 'Call',
  Eic_RemoteAddress: '+13175550101',
  Eic_RemoteName: 'Pat Doe',
  Eic_WorkgroupName: 'Support',
  Eic_Capabilities: String(caps),
  ...extra,
});
const delta = (id: string, attributes: Record<string, string>, isNew = false): Input => ({
  kind: 'obs.queue.delta',
  added: isNew ? [{ interactionId: interactionId(id), attributes }] : [],
  changed: isNew ? [] : [{ interactionId: interactionId(id), attributes }],
  removed: [],
});

async function tasksFor(h: ConsoleHarness, callObject: string): Promise<Array<Record<string, unknown>>> {
  const { tasks } = await h.get<{ tasks: Array<Record<string, unknown>> }>('/tasks');
  return tasks.filter((t) => t['CallObject'] === callObject);
}

describe('CRM rules through the runtime and Open CTI (console emulator)', () => {
  let r: Rig;
  afterEach(async () => {
    const refused = (await openCtiLog(r.h)).filter((e) => !e.response.success);
    r.runtime.stop();
    await closeAll();
    expect(refused.map((e) => `${e.method} ${JSON.stringify(e.response.errors)}`)).to.deep.equal([]);
  });

  it('known caller: one pop of the Contact, one Task created at connect and updated with duration and wrap-up', async () => {
    r = await rig();
    r.at(1000, delta('2001', call('A', ALERTING_CAPS), true));
    await eventually(async () => selectCallLog(r.store.getState(), '2001')?.names.length === 1);
    const view = await r.h.get<{ windows: Array<{ open: boolean; activeTabId: string; tabs: Array<{ id: string; view: { recordId?: string } }> }> }>('/state');
    const w = view.windows.filter((x) => x.open).at(-1);
    expect(w?.tabs.find((t) => t.id === w.activeTabId)?.view.recordId).to.equal(PAT);
    r.at(5000, delta('2001', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }));
    const [created] = await eventually(async () => {
      const t = await tasksFor(r.h, '2001');
      return t.length === 1 ? t : null;
    });
    expect(created).to.deep.include({ WhoId: PAT, CallType: 'Inbound', TaskSubtype: 'Call', Status: 'Completed', Subject: 'Call 1/15/2024, 9:00:05 AM' });
    r.at(9000, delta('2001', { Eic_State: 'H', Eic_Capabilities: String(HELD_CAPS) }));
    r.at(12000, delta('2001', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }));
    r.at(65000, delta('2001', { Eic_State: 'E' }));
    await eventually(async () => (await tasksFor(r.h, '2001'))[0]?.['CallDurationInSeconds'] === 60);
    r.at(70000, delta('2001', { Eic_WrapUpCode: 'W2' }));
    await eventually(async () => (await tasksFor(r.h, '2001'))[0]?.['CallDisposition'] === 'Sale');
    expect(await tasksFor(r.h, '2001')).to.have.length(1);
    const log = await openCtiLog(r.h);
    expect(log.filter((e) => e.method === 'searchAndScreenPop')).to.have.length(1);
    expect(log.filter((e) => e.method === 'saveLog').map((e) => Object.keys((e.args as { value: object }).value)[0])).to.deep.equal(['entityApiName', 'Id', 'Id']);
  });

  it('navigation during the call adds the record to Related To and the choice is saved', async () => {
    r = await rig();
    r.at(1000, delta('2002', call('C', CONNECTED_CAPS), true));
    await eventually(async () => (await tasksFor(r.h, '2002')).length === 1);
    await r.h.post('/navigate', { recordId: ACME });
    await eventually(async () => (await tasksFor(r.h, '2002'))[0]?.['WhatId'] === ACME);
    expect(selectCallLog(r.store.getState(), '2002')?.related.map((x) => x.id)).to.deep.equal([ACME]);
  });

  it('click-to-dial from an Account dials once (double click) and the Task is Outbound with What = Account', async () => {
    r = await rig();
    await r.h.post('/navigate', { recordId: ACME });
    await r.h.post('/click-to-dial', { recordId: ACME });
    await r.h.post('/click-to-dial', { recordId: ACME });
    await eventually(async () => r.cic.calls.length === 1 && r.store.getState().crm.dialing?.interactionId === 'OUT1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.cic.calls).to.deep.equal(['(317) 555-0103']);
    r.at(2000, delta('OUT1', call('C', CONNECTED_CAPS, { Eic_CallDirection: 'O', Eic_RemoteAddress: '(317) 555-0103', Eic_RemoteName: '' }), true));
    const [task] = await eventually(async () => {
      const t = await tasksFor(r.h, 'OUT1');
      return t.length === 1 ? t : null;
    });
    expect(task).to.deep.include({ CallType: 'Outbound', WhatId: ACME });
  });
});
