/**
 * The Open CTI adapter (src/crm/open-cti) against the real Lightning console emulator in
 * Chromium: the console (emulator origin) frames a bare adapter page (the test page's origin);
 * the adapter's own loader injects opencti_min.js at the pinned API version; every assertion is on
 * what the emulator reports (its Open CTI log, its state, its Tasks).
 *
 * After each test every Open CTI call the emulator logged must have succeeded: a call with a wrong
 * argument shape (INVALID_PARAM) fails the test — see the last test for the proof.
 */
import { expect } from '@open-wc/testing';
import { closeAll, eventually, openConsole, openCtiLog, type ConsoleHarness, type LogEntry } from '../../../test/browser/crm-emulator/harness.js';
import { interactionId, type CrmInteraction, type Observation } from '../../domain/index.js';
import { createOpenCtiCrmPort, loadOpenCtiLibrary, OPEN_CTI_API_VERSION, OpenCti, OpenCtiError, type OpenCtiCrmPort } from '../index.js';

const PAT = '003Dm0000000001IAA';
const ACME = '001Dm0000000001IAA';
const MORGAN = '001Dm0000000004IAA';
const MORGAN_CONTACT = '003Dm000000001cIAA';
const BARE = '/src/crm/open-cti/fixtures/bare-adapter.html';

interface WindowState {
  open: boolean;
  activeTabId: string;
  tabs: Array<{ id: string; view: { kind: string; recordId?: string; searchString?: string; url?: string } }>;
  modal: { entityName: string; defaults: Record<string, unknown> } | null;
  utility: { itemIcon: string; itemLabel: string; panelOpen: boolean };
  frame: { initialized: boolean; apiVersion: number };
  clickToDialEnabled: boolean;
}

async function windowState(h: ConsoleHarness): Promise<WindowState> {
  const state = await h.get<{ windows: WindowState[] }>('/state');
  return state.windows.filter((w) => w.open).at(-1) as WindowState;
}

async function activeView(h: ConsoleHarness): Promise<WindowState['tabs'][number]['view'] | undefined> {
  const w = await windowState(h);
  return w.tabs.find((t) => t.id === w.activeTabId)?.view;
}

/** Every logged Open CTI call that failed (what a wrong argument shape produces). */
async function failedCalls(h: ConsoleHarness): Promise<LogEntry[]> {
  return (await openCtiLog(h)).filter((e) => !e.response.success);
}

async function expectNoFailedCalls(h: ConsoleHarness): Promise<void> {
  const failed = await failedCalls(h);
  if (failed.length > 0) {
    throw new Error(`Open CTI calls the emulator refused: ${failed.map((e) => `${e.method} ${JSON.stringify(e.args)} → ${JSON.stringify(e.response.errors)}`).join('; ')}`);
  }
}

interface Setup {
  h: ConsoleHarness;
  port: OpenCtiCrmPort;
  seen: Observation[];
}

async function setup(settingOverrides: Record<string, string> = {}, start = true): Promise<Setup> {
  const h = await openConsole({ adapterPath: BARE, settingOverrides });
  const origin = new URL(h.url).origin;
  const port = createOpenCtiCrmPort({ library: loadOpenCtiLibrary(h.adapter, origin), isVisible: () => true, locale: 'en-US', timeZone: 'UTC' });
  const seen: Observation[] = [];
  port.observe((o) => seen.push(o));
  if (start) await port.start();
  return { h, port, seen };
}

const call = (remoteAddress: string, attributes: Record<string, string> = {}): CrmInteraction => ({
  interactionId: interactionId('100001'),
  direction: 'inbound',
  remoteAddress,
  remoteName: '',
  workgroup: 'Support',
  attributes: { Eic_CallType: 'E', ...attributes },
});

describe('Open CTI adapter against the console emulator', () => {
  let s: Setup;
  afterEach(async () => {
    if (s) await expectNoFailedCalls(s.h);
    await closeAll();
  });

  it('loads opencti_min.js at the pinned version, initialises and reports the settings', async () => {
    s = await setup({ '/callLog/editWindowMinutes': '3', '/screenPop/newRecordObject': 'Lead' });
    expect(Number(OPEN_CTI_API_VERSION)).to.be.at.least(47);
    const script = s.h.adapter.document.querySelector('script[src*="opencti_min.js"]') as HTMLScriptElement;
    expect(script.src).to.equal(`${new URL(s.h.url).origin}/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js`);
    const methods = (await openCtiLog(s.h)).map((e) => e.method);
    expect(methods.slice(0, 5)).to.deep.equal(['getCallCenterSettings', 'notifyInitializationComplete', 'onClickToDial', 'onNavigationChange', 'enableClickToDial']);
    const w = await windowState(s.h);
    expect(w.frame.initialized).to.equal(true);
    expect(w.clickToDialEnabled).to.equal(true);
    expect(w.frame.apiVersion).to.equal(Number(OPEN_CTI_API_VERSION));
    const ready = s.seen.find((o) => o.kind === 'obs.crm.ready');
    expect(ready?.kind === 'obs.crm.ready' && ready.settings.callLog.editWindowMs).to.equal(180_000);
    expect(ready?.kind === 'obs.crm.ready' && ready.settings.screenPop.newRecordObject).to.equal('Lead');
    expect(ready?.kind === 'obs.crm.ready' && ready.problems).to.deep.equal([]);
  });

  it('reports a malformed setting for the admin and keeps working', async () => {
    s = await setup({ '/callLog/editWindowMinutes': 'two' });
    const ready = s.seen.find((o) => o.kind === 'obs.crm.ready');
    expect(ready?.kind === 'obs.crm.ready' && ready.problems.map((p) => p.setting)).to.deep.equal(['/callLog/editWindowMinutes']);
    expect(ready?.kind === 'obs.crm.ready' && ready.settings.callLog.editWindowMs).to.equal(120_000);
    const matches = await s.port.screenPop(call('+13175550101'));
    expect(matches?.records.map((r) => r.id)).to.deep.equal([PAT]);
  });

  it('queues effects raised before Open CTI is ready and runs them after initialisation', async () => {
    s = await setup({}, false);
    const early = s.port.setUtility({ icon: 'incoming_call', status: 'alerting', count: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect((await openCtiLog(s.h)).map((e) => e.method)).to.deep.equal([]);
    await s.port.start();
    await early;
    const methods = (await openCtiLog(s.h)).map((e) => e.method);
    expect(methods.indexOf('setSoftphoneItemIcon')).to.be.greaterThan(methods.indexOf('notifyInitializationComplete'));
    const w = await windowState(s.h);
    expect(w.utility.itemIcon).to.equal('incoming_call');
    expect(w.utility.itemLabel).to.equal('Incoming call');
  });

  it('pops the one matching Contact, with searchAndScreenPop given the call type', async () => {
    s = await setup();
    const matches = await s.port.screenPop(call('+13175550101'));
    expect(matches?.records).to.deep.equal([{ id: PAT, name: 'Pat Doe', objectType: 'Contact', personAccount: false, accountId: null, contactId: null }]);
    expect((await activeView(s.h))?.recordId).to.equal(PAT);
    const search = (await openCtiLog(s.h)).find((e) => e.method === 'searchAndScreenPop');
    expect(search?.args).to.deep.include({ searchParams: '+13175550101', callType: 'inbound', deferred: true });
  });

  it('pops the search page for a number two Contacts share, the new-record modal for an unknown one', async () => {
    s = await setup({ '/screenPop/newRecordObject': 'Lead' });
    const shared = await s.port.screenPop(call('+13175550102'));
    expect(shared?.records.map((r) => r.name).sort()).to.deep.equal(['Casey Lee', 'Jordan Lee']);
    expect((await activeView(s.h))?.kind).to.equal('search');
    const unknown = await s.port.screenPop(call('+13175550199'));
    expect(unknown?.records).to.deep.equal([]);
    const w = await windowState(s.h);
    expect(w.modal?.entityName).to.equal('Lead');
    expect(w.modal?.defaults).to.deep.include({ Phone: '+13175550199' });
  });

  it('pops a Visualforce page with ?key= when the custom attribute is set', async () => {
    s = await setup({ '/screenPop/attributeName': 'SF_Key', '/screenPop/attributePopType': 'url', '/screenPop/attributePopUrl': '/apex/CustomerLookup' });
    await s.port.screenPop(call('+13175550101', { SF_Key: 'ACME-42' }));
    const view = await activeView(s.h);
    expect(view?.url).to.equal('/apex/CustomerLookup?key=ACME-42');
  });

  it('does not pop in a tab the agent is not looking at, but still finds the records', async () => {
    const h = await openConsole({ adapterPath: BARE });
    const port = createOpenCtiCrmPort({ library: loadOpenCtiLibrary(h.adapter, new URL(h.url).origin), isVisible: () => false });
    s = { h, port, seen: [] };
    await port.start();
    const before = await activeView(h);
    const matches = await port.screenPop(call('+13175550101'));
    expect(matches?.records.map((r) => r.id)).to.deep.equal([PAT]);
    expect(await activeView(h)).to.deep.equal(before);
    expect((await openCtiLog(h)).filter((e) => e.method === 'screenPop')).to.deep.equal([]);
  });

  it('creates one Task and then updates it with the Task id (saveLog), refreshing the view', async () => {
    s = await setup();
    const created = await s.port.saveLog({
      interactionId: interactionId('100001'),
      seq: 1,
      taskId: null,
      fields: { TaskSubtype: 'Call', Status: 'Completed', Subject: 'Call 1/15/2024, 9:00:05 AM', CallType: 'Inbound', CallObject: '100001', WhoId: PAT },
    });
    expect(created.kind).to.equal('obs.crm.logSaved');
    const taskId = created.kind === 'obs.crm.logSaved' ? created.taskId : '';
    expect(taskId).to.match(/^00T/);
    const updated = await s.port.saveLog({ interactionId: interactionId('100001'), seq: 2, taskId, fields: { CallDurationInSeconds: 61, CallDisposition: 'Sale', Description: 'Wants a refund' } });
    expect(updated).to.deep.include({ kind: 'obs.crm.logSaved', taskId, seq: 2 });
    const { tasks } = await s.h.get<{ tasks: Array<Record<string, unknown>> }>('/tasks');
    const ours = tasks.filter((t) => t['CallObject'] === '100001');
    expect(ours).to.have.length(1);
    expect(ours[0]).to.deep.include({ Id: taskId, TaskSubtype: 'Call', CallType: 'Inbound', Status: 'Completed', WhoId: PAT, CallDurationInSeconds: 61, CallDisposition: 'Sale', Description: 'Wants a refund' });
    const methods = (await openCtiLog(s.h)).map((e) => e.method);
    expect(methods.filter((m) => m === 'refreshView')).to.have.length(2);
  });

  it('reports a failed save with Salesforce’s message (and a retry succeeds)', async () => {
    s = await setup();
    await s.h.post('/faults', { method: 'saveLog', code: 'SERVER_ERROR', description: 'Unable to save right now', times: 1 });
    const request = { interactionId: interactionId('100002'), seq: 1, taskId: null, fields: { TaskSubtype: 'Call', Subject: 'Call', CallType: 'Inbound', CallObject: '100002' } };
    const failed = await s.port.saveLog(request);
    expect(failed).to.deep.equal({ kind: 'obs.crm.logFailed', interactionId: '100002', seq: 1, message: 'Unable to save right now' });
    const retried = await s.port.saveLog({ ...request, seq: 2 });
    expect(retried.kind).to.equal('obs.crm.logSaved');
    const { tasks } = await s.h.get<{ tasks: Array<Record<string, unknown>> }>('/tasks');
    expect(tasks.filter((t) => t['CallObject'] === '100002')).to.have.length(1);
    // The injected fault is the one refused call; it is not an argument error.
    const refused = await failedCalls(s.h);
    expect(refused.map((e) => e.response.errors?.[0]?.code)).to.deep.equal(['SERVER_ERROR']);
    await s.h.post('/reset');
    s = undefined as unknown as Setup;
  });

  it('reports click-to-dial with the record (person accounts name their contact) and navigation', async () => {
    s = await setup();
    await s.h.post('/navigate', { recordId: MORGAN });
    const nav = await eventually(async () => s.seen.find((o) => o.kind === 'obs.crm.navigation' && o.record?.id === MORGAN));
    expect(nav.kind === 'obs.crm.navigation' && nav.record).to.deep.include({ personAccount: true, accountId: MORGAN, contactId: MORGAN_CONTACT });
    const res = await s.h.post('/click-to-dial', { recordId: MORGAN });
    expect(res.status).to.equal(200);
    const click = await eventually(async () => s.seen.find((o) => o.kind === 'obs.crm.clickToDial'));
    expect(click.kind === 'obs.crm.clickToDial' && click.number).to.match(/555/);
    expect(click.kind === 'obs.crm.clickToDial' && click.record?.contactId).to.equal(MORGAN_CONTACT);
    await eventually(async () => (await windowState(s.h)).utility.panelOpen);
    await s.h.post('/navigate', { recordId: ACME });
    await eventually(async () => s.seen.find((o) => o.kind === 'obs.crm.navigation' && o.record?.id === ACME));
  });

  it('opens a saved Task ("View in Salesforce") and shows the panel', async () => {
    s = await setup();
    await s.port.setPanelVisible(true);
    await s.port.openRecord('00TDm0000000001MAA');
    expect((await activeView(s.h))?.recordId).to.equal('00TDm0000000001MAA');
    expect((await windowState(s.h)).utility.panelOpen).to.equal(true);
  });

  it('proof: an Open CTI call with a wrong argument shape is refused with INVALID_PARAM and fails the check', async () => {
    s = await setup();
    const cti = new OpenCti(await loadOpenCtiLibrary(s.h.adapter, new URL(s.h.url).origin));
    let error: unknown = null;
    try {
      await cti.call('setSoftphonePanelHeight', { height: 480 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(OpenCtiError);
    expect((error as OpenCtiError).code).to.equal('INVALID_PARAM');
    let check: unknown = null;
    try {
      await expectNoFailedCalls(s.h);
    } catch (e) {
      check = e;
    }
    expect(String(check)).to.match(/setSoftphonePanelHeight.*INVALID_PARAM/);
    await s.h.post('/reset');
    s = undefined as unknown as Setup;
  });
});
