import { expect } from '@open-wc/testing';
import { closeAll, eventually, openConsole, openCtiLog, type ConsoleHarness } from './harness.js';

const PAT = '003Dm0000000001IAA';

/**
 * Every Lightning Open CTI method, called through the real opencti_min.js in a framed page: once
 * with valid arguments (success, documented shape) and once with a wrong or missing argument
 * (INVALID_PARAM delivered to the callback).
 */
const CASES: Array<{ method: string; valid: Record<string, unknown>; broken: Record<string, unknown>; why: RegExp; check?: (rv: unknown) => void }> = [
  { method: 'enableClickToDial', valid: {}, broken: { enable: true }, why: /Unexpected parameter: enable/ },
  { method: 'disableClickToDial', valid: {}, broken: { disable: 1 }, why: /Unexpected parameter: disable/ },
  {
    method: 'getAppViewInfo',
    valid: {},
    broken: { recordId: PAT },
    why: /Unexpected parameter: recordId/,
    check: (rv) => expect(rv).to.have.property('url').that.matches(/\/lightning\/page\/home$/),
  },
  {
    method: 'getCallCenterSettings',
    valid: {},
    broken: { section: 'reqGeneralInfo' },
    why: /Unexpected parameter/,
    check: (rv) => expect((rv as Record<string, string>)['/reqGeneralInfo/reqUseApi']).to.equal('true'),
  },
  {
    method: 'getSoftphoneLayout',
    valid: {},
    broken: { callType: 'inbound' },
    why: /Unexpected parameter/,
    check: (rv) => expect(rv).to.have.keys(['Inbound', 'Outbound', 'Internal']),
  },
  { method: 'isSoftphonePanelVisible', valid: {}, broken: { visible: true }, why: /Unexpected parameter/, check: (rv) => expect(rv).to.deep.equal({ visible: false }) },
  { method: 'notifyInitializationComplete', valid: {}, broken: { done: true }, why: /Unexpected parameter/ },
  { method: 'refreshView', valid: {}, broken: { tab: 'x' }, why: /Unexpected parameter/ },
  { method: 'setSoftphonePanelVisibility', valid: { visible: true }, broken: { visible: 'yes' }, why: /Invalid parameter visible/ },
  { method: 'setSoftphonePanelVisibility', valid: { visible: false }, broken: {}, why: /Missing required parameter: visible/ },
  { method: 'setSoftphoneItemIcon', valid: { key: 'end_call' }, broken: { key: 'hang-up' }, why: /not an SLDS utility icon/ },
  { method: 'setSoftphonePanelIcon', valid: { key: 'call' }, broken: {}, why: /Missing required parameter: key/ },
  { method: 'setSoftphoneItemLabel', valid: { label: 'On call' }, broken: { label: ['On', 'call'] }, why: /Invalid parameter label/ },
  { method: 'setSoftphonePanelLabel', valid: { label: 'CIC' }, broken: { text: 'CIC' }, why: /Unexpected parameter: text|Missing required parameter: label/ },
  { method: 'setSoftphonePanelHeight', valid: { heightPX: 480 }, broken: { heightPX: 2561 }, why: /Invalid parameter heightPX/ },
  { method: 'setSoftphonePanelWidth', valid: { widthPX: 320 }, broken: { widthPX: 199 }, why: /Invalid parameter widthPX/ },
  { method: 'screenPop', valid: { type: 'sobject', params: { recordId: PAT } }, broken: { type: 'sobject' }, why: /Missing required parameter: params/ },
  { method: 'screenPop', valid: { type: 'search', params: { searchString: 'Lee' } }, broken: { type: 'search', params: { search: 'Lee' } }, why: /params\./ },
  { method: 'screenPop', valid: { type: 'url', params: { url: '/apex/Page?key=1' } }, broken: { type: 'url', params: { url: 'http://elsewhere.example/' } }, why: /relative URL/ },
  { method: 'screenPop', valid: { type: 'objecthome', params: { scope: 'Account' } }, broken: { type: 'objecthome', params: { scope: 7 } }, why: /params.scope/ },
  { method: 'screenPop', valid: { type: 'list', params: { listViewId: 'Recent', scope: 'Contact' } }, broken: { type: 'list', params: { scope: 'Contact' } }, why: /Missing required parameter: params.listViewId/ },
  { method: 'screenPop', valid: { type: 'newRecord', params: { entityName: 'Lead' } }, broken: { type: 'newRecord', params: {} }, why: /Missing required parameter: params.entityName/ },
  { method: 'screenPop', valid: { type: 'flow', params: { flowDevName: 'CIC_Caller_Details' } }, broken: { type: 'flow', params: { flowDevName: 'CIC_Caller_Details', flowArgs: { ani: '1' } } }, why: /params.flowArgs/ },
  {
    method: 'searchAndScreenPop',
    valid: { searchParams: '+13175550101', callType: 'inbound', deferred: true },
    broken: { searchParams: '+13175550101', callType: 'incoming' },
    why: /Invalid parameter callType/,
    check: (rv) => expect(rv).to.have.property('SCREEN_POP_DATA'),
  },
  { method: 'searchAndScreenPop', valid: { searchParams: '+13175550199', callType: 'outbound' }, broken: { searchParams: '+13175550199' }, why: /Missing required parameter: callType/ },
  {
    method: 'saveLog',
    valid: { value: { entityApiName: 'Task', Subject: 'Call', TaskSubtype: 'Call', CallType: 'Inbound' } },
    broken: { value: null },
    why: /Invalid parameter value/,
    check: (rv) => expect(rv).to.have.property('recordId').that.matches(/^00T/),
  },
  {
    method: 'runApex',
    valid: { apexClass: 'CICSoftphoneController', methodName: 'findCallLogs', methodParams: 'callObject=none' },
    broken: { apexClass: 'CICSoftphoneController', methodName: 'findCallLogs', methodParams: { callObject: 'x' } },
    why: /Invalid parameter methodParams/,
    check: (rv) => expect(rv).to.deep.equal({ runApex: '[]' }),
  },
  { method: 'subscribe', valid: { channelName: 'Demo__c', listener: () => undefined }, broken: { channelName: 'Demo__c' }, why: /Missing required parameter: listener/ },
  { method: 'unsubscribe', valid: {}, broken: { subscription: { subscriptionId: 'lms-sub-999', channelName: 'Demo__c' } }, why: /not an active subscription/ },
  { method: 'publish', valid: { channelName: 'Demo__c', message: { a: 1 } }, broken: { channelName: 'Demo__c', message: 'text' }, why: /Invalid parameter message/ },
  { method: 'hvs.completeWork', valid: {}, broken: { workId: 'x' }, why: /Missing required parameter: attributes/ },
];

describe('Open CTI methods in Chromium (opencti_min.js ⇄ console over postMessage)', () => {
  let h: ConsoleHarness;

  before(async () => {
    h = await openConsole();
  });
  after(() => closeAll());

  it('defines sforce.opencti with the enums and every documented method', () => {
    expect(h.opencti.SCREENPOP_TYPE).to.include.keys(['SOBJECT', 'URL', 'OBJECTHOME', 'LIST', 'SEARCH', 'NEW_RECORD_MODAL', 'FLOW']);
    expect(h.opencti.CALL_TYPE).to.deep.equal({ INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' });
    for (const name of [
      'screenPop', 'searchAndScreenPop', 'enableClickToDial', 'disableClickToDial', 'onClickToDial', 'saveLog', 'getCallCenterSettings',
      'getSoftphoneLayout', 'setSoftphonePanelVisibility', 'isSoftphonePanelVisible', 'setSoftphoneItemIcon', 'setSoftphoneItemLabel',
      'setSoftphonePanelIcon', 'setSoftphonePanelLabel', 'setSoftphonePanelHeight', 'setSoftphonePanelWidth', 'onNavigationChange',
      'getAppViewInfo', 'refreshView', 'runApex', 'notifyInitializationComplete', 'subscribe', 'unsubscribe', 'publish',
    ]) {
      expect(h.opencti[name], name).to.be.a('function');
    }
    expect(h.opencti.hvs?.['onWorkStart']).to.be.a('function');
    expect(h.opencti.hvs?.['completeWork']).to.be.a('function');
  });

  for (const c of CASES) {
    it(`${c.method} fails with INVALID_PARAM: ${c.why.source}`, async () => {
      const response = await h.call(c.method, c.broken);
      expect(response.success).to.equal(false);
      expect(response.returnValue).to.equal(null);
      expect(response.errors).to.have.length(1);
      expect(response.errors?.[0]?.code).to.equal('INVALID_PARAM');
      expect(response.errors?.[0]?.description).to.match(c.why);
    });
    if (c.method !== 'unsubscribe' && c.method !== 'hvs.completeWork') {
      it(`${c.method} succeeds with valid arguments ${JSON.stringify(c.valid).slice(0, 50)}`, async () => {
        const response = await h.call(c.method, c.valid);
        expect(response.errors, JSON.stringify(response.errors)).to.equal(null);
        expect(response.success).to.equal(true);
        c.check?.(response.returnValue);
      });
    }
  }

  it('unsubscribe and hvs.completeWork succeed with what subscribe and a started work item gave', async () => {
    const sub = await h.call('subscribe', { channelName: 'Demo__c', listener: () => undefined });
    expect(sub.subscription).to.have.property('subscriptionId');
    expect((await h.call('unsubscribe', { subscription: sub.subscription })).success).to.equal(true);
    const started = await h.post<{ payload: { workId: string } }>('/hvs/work-start', { to: '+13175550101' });
    const task = (await h.call('saveLog', { value: { entityApiName: 'Task', Subject: 'Call' } })).returnValue as { recordId: string };
    const done = await h.call('hvs.completeWork', { workId: started.body.payload.workId, attributes: { disposition: 'Connected', taskId: task.recordId, wasConnected: true } });
    expect(done.success).to.equal(true);
  });

  it('listener-only methods take a function: a wrong listener is logged as INVALID_PARAM', async () => {
    const before = (await openCtiLog(h)).length;
    h.raw('onClickToDial', { listener: 'not a function' });
    h.raw('onNavigationChange', {});
    h.raw('hvs.onWorkStart', { listener: () => undefined });
    const entries = await eventually(async () => {
      const log = await openCtiLog(h);
      return log.length >= before + 3 ? log.slice(before) : undefined;
    });
    expect(entries.map((e) => [e.method, e.response.errors?.[0]?.code ?? 'ok'])).to.deep.equal([
      ['onClickToDial', 'INVALID_PARAM'],
      ['onNavigationChange', 'INVALID_PARAM'],
      ['hvs.onWorkStart', 'ok'],
    ]);
    expect(entries[0]?.response.errors?.[0]?.description).to.match(/Invalid parameter listener/);
  });

  it('a callback that is not a function is INVALID_PARAM in the log (there is nothing to call)', async () => {
    const before = (await openCtiLog(h)).length;
    h.raw('getAppViewInfo', { callback: 'please' });
    const entry = await eventually(async () => (await openCtiLog(h))[before]);
    expect(entry.method).to.equal('getAppViewInfo');
    expect(entry.response.errors?.[0]?.code).to.equal('INVALID_PARAM');
    expect(entry.args).to.deep.equal({ callback: 'please' });
  });

  it('arguments travel as JSON: dates become ISO strings, functions inside data are refused', async () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const ok = await h.call('publish', { channelName: 'Demo__c', message: { at } });
    expect(ok.success).to.equal(true);
    const log = await openCtiLog(h);
    expect((log.at(-1)?.args as { message: unknown }).message).to.deep.equal({ at: '2026-01-02T03:04:05.000Z' });
    const bad = await h.call('publish', { channelName: 'Demo__c', message: { run: () => 1 } });
    expect(bad.errors?.[0]?.description).to.match(/serialisable JSON/);
  });

  it('a callback that throws does not break later calls', async () => {
    const thrown = new Promise<void>((resolve) => {
      const previous = h.adapter.onerror;
      h.adapter.onerror = () => {
        h.adapter.onerror = previous;
        resolve();
        return true;
      };
    });
    h.raw('getAppViewInfo', {
      callback: () => {
        throw new Error('adapter bug');
      },
    });
    await thrown;
    expect((await h.call('isSoftphonePanelVisible')).success).to.equal(true);
  });
});

describe('opencti_min.js versions and loading', () => {
  after(() => closeAll());

  it('an API version before 47.0 has no LMS methods, before 46.0 no hvs', async () => {
    const h46 = await openConsole({ adapterPath: '/test/browser/crm-emulator/fixtures/adapter.html?apiVersion=46.0' });
    expect(h46.opencti['publish']).to.equal(undefined);
    expect(h46.opencti.hvs).to.be.an('object');
    const h45 = await openConsole({ adapterPath: '/test/browser/crm-emulator/fixtures/adapter.html?apiVersion=45.0' });
    expect(h45.opencti.hvs).to.equal(undefined);
    expect(h45.opencti['saveLog']).to.be.a('function');
  });

  it('refuses to initialise outside the softphone frame', async () => {
    const h = await openConsole();
    const source = await (await fetch(`${h.url}/support/api/62.0/lightning/opencti_min.js`)).text();
    expect(() => new Function(source)()).to.throw(/Failed to initialize Open CTI/);
  });
});
