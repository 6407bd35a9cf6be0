import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { OpenCtiResponse, WireValue } from './protocol.js';
import type { ConsoleEmulator } from './server.js';
import { ConsolePageClient, fn, http, startTestEmulator } from './test-support.js';

const PAT = '003Dm0000000001IAA';
const ACME = '001Dm0000000001IAA';
const MORGAN = '001Dm0000000004IAA';
const MORGAN_CONTACT = '003Dm000000001cIAA';

function invalid(r: OpenCtiResponse, pattern: RegExp): void {
  assert.equal(r.success, false, JSON.stringify(r));
  assert.equal(r.returnValue, null);
  assert.equal(r.errors?.length, 1);
  assert.equal(r.errors?.[0]?.code, 'INVALID_PARAM');
  assert.match(r.errors?.[0]?.description ?? '', pattern);
}

function success(r: OpenCtiResponse): WireValue {
  assert.deepEqual({ success: r.success, errors: r.errors }, { success: true, errors: null }, JSON.stringify(r));
  return r.returnValue;
}

/** One valid and one broken argument object per documented Lightning method. */
const CASES: Array<{ method: string; valid: WireValue; broken: WireValue; why: RegExp }> = [
  { method: 'enableClickToDial', valid: { callback: fn() }, broken: { callback: 'yes' }, why: /callback/ },
  { method: 'disableClickToDial', valid: { callback: fn() }, broken: { callbak: fn() }, why: /Unexpected parameter: callbak/ },
  { method: 'getAppViewInfo', valid: { callback: fn() }, broken: 'callback', why: /arguments/ },
  { method: 'getCallCenterSettings', valid: { callback: fn() }, broken: { callback: fn(), extra: 1 }, why: /Unexpected parameter: extra/ },
  { method: 'getSoftphoneLayout', valid: { callback: fn() }, broken: [fn()], why: /arguments/ },
  { method: 'isSoftphonePanelVisible', valid: { callback: fn() }, broken: { callback: 1 }, why: /callback/ },
  { method: 'notifyInitializationComplete', valid: null, broken: { callback: null }, why: /callback/ },
  { method: 'refreshView', valid: { callback: fn() }, broken: { refresh: true }, why: /Unexpected parameter: refresh/ },
  { method: 'setSoftphonePanelVisibility', valid: { visible: true, callback: fn() }, broken: { visible: 'true', callback: fn() }, why: /visible/ },
  { method: 'setSoftphonePanelVisibility', valid: { visible: false }, broken: { callback: fn() }, why: /Missing required parameter: visible/ },
  { method: 'setSoftphoneItemIcon', valid: { key: 'incoming_call', callback: fn() }, broken: { key: 'ringing_phone', callback: fn() }, why: /not an SLDS utility icon/ },
  { method: 'setSoftphonePanelIcon', valid: { key: 'call', callback: fn() }, broken: { icon: 'call', callback: fn() }, why: /Unexpected parameter: icon|Missing required parameter: key/ },
  { method: 'setSoftphoneItemLabel', valid: { label: 'Incoming: Pat Doe', callback: fn() }, broken: { label: 42, callback: fn() }, why: /label/ },
  { method: 'setSoftphonePanelLabel', valid: { label: 'CIC', callback: fn() }, broken: { callback: fn() }, why: /Missing required parameter: label/ },
  { method: 'setSoftphonePanelHeight', valid: { heightPX: 600, callback: fn() }, broken: { heightPX: 200, callback: fn() }, why: /heightPX/ },
  { method: 'setSoftphonePanelHeight', valid: { heightPX: 2560 }, broken: { height: 600, callback: fn() }, why: /heightPX|height/ },
  { method: 'setSoftphonePanelWidth', valid: { widthPX: 400, callback: fn() }, broken: { widthPX: '400', callback: fn() }, why: /widthPX/ },
  { method: 'setSoftphonePanelWidth', valid: { widthPX: 200 }, broken: { widthPX: 1921, callback: fn() }, why: /widthPX/ },
  { method: 'onClickToDial', valid: { listener: fn('c2d') }, broken: { listener: 'dial' }, why: /listener/ },
  { method: 'onNavigationChange', valid: { listener: fn('nav') }, broken: {}, why: /Missing required parameter: listener/ },
  { method: 'hvs.onWorkStart', valid: { listener: fn('hvs') }, broken: { callback: fn() }, why: /Missing required parameter: listener|Unexpected parameter: callback/ },
  { method: 'screenPop', valid: { type: 'sobject', params: { recordId: PAT }, callback: fn() }, broken: { type: 'SOBJECT', params: { recordId: PAT }, callback: fn() }, why: /type/ },
  { method: 'screenPop', valid: { type: 'url', params: { url: '/apex/CaseWizard?key=42' } }, broken: { type: 'url', params: { url: 'https://example.com' }, callback: fn() }, why: /relative URL/ },
  { method: 'screenPop', valid: { type: 'search', params: { searchString: 'Lee' } }, broken: { type: 'search', params: { searchString: 'Le' }, callback: fn() }, why: /at least 3 characters/ },
  { method: 'screenPop', valid: { type: 'objecthome', params: { scope: 'Case' } }, broken: { type: 'objecthome', params: {}, callback: fn() }, why: /Missing required parameter: params\.scope/ },
  { method: 'screenPop', valid: { type: 'list', params: { listViewId: 'MyCases', scope: 'Case' } }, broken: { type: 'list', params: { listViewId: 'x', scope: 'Widget' }, callback: fn() }, why: /unknown object Widget/ },
  {
    method: 'screenPop',
    valid: { type: 'newRecord', params: { entityName: 'Contact', defaultFieldValues: { Phone: '+13175550199' } } },
    broken: { type: 'newRecord', params: { entityName: 'Contact', defaultFieldValues: { Telephone: '1' } }, callback: fn() },
    why: /Contact has no createable field Telephone/,
  },
  { method: 'screenPop', valid: { type: 'flow', params: { flowDevName: 'CIC_Caller_Details', flowArgs: [{ name: 'ani', type: 'String', value: '+1' }] } }, broken: { type: 'flow', params: { flowArgs: [] }, callback: fn() }, why: /flowDevName/ },
  { method: 'screenPop', valid: { type: 'sobject', params: { recordId: ACME } }, broken: { type: 'sobject', params: { recordId: 'Pat Doe' }, callback: fn() }, why: /not a record id/ },
  { method: 'screenPop', valid: { type: 'objecthome', params: { scope: 'Lead' } }, broken: { type: 'url', params: { url: '/x' }, defaultFieldValues: { Phone: '1' }, callback: fn() }, why: /only used with SCREENPOP_TYPE.NEW_RECORD_MODAL/ },
  { method: 'searchAndScreenPop', valid: { searchParams: '+13175550101', callType: 'inbound', callback: fn() }, broken: { searchParams: '+13175550101', callback: fn() }, why: /Missing required parameter: callType/ },
  { method: 'searchAndScreenPop', valid: { searchParams: '+13175550101', callType: 'outbound', deferred: true }, broken: { searchParams: '+13175550101', callType: 'INBOUND', callback: fn() }, why: /callType/ },
  { method: 'searchAndScreenPop', valid: { searchParams: 'x', callType: 'internal' }, broken: { searchParams: 13175550101, callType: 'inbound', callback: fn() }, why: /searchParams/ },
  { method: 'searchAndScreenPop', valid: { searchParams: '+1', callType: 'inbound', deferred: false }, broken: { searchParams: '+1', callType: 'inbound', defaultFieldsValue: {}, callback: fn() }, why: /Unexpected parameter: defaultFieldsValue/ },
  { method: 'saveLog', valid: { value: { entityApiName: 'Task', Subject: 'Call' }, callback: fn() }, broken: { value: 'Subject=Call', callback: fn() }, why: /value/ },
  { method: 'saveLog', valid: { value: { entityApiName: 'Task', Subject: 'Call 2' } }, broken: { callback: fn() }, why: /Missing required parameter: value/ },
  { method: 'runApex', valid: { apexClass: 'CICSoftphoneController', methodName: 'searchPhone', methodParams: 'phone=%2B13175550101', callback: fn() }, broken: { apexClass: 'CICSoftphoneController', methodName: 'searchPhone', callback: fn() }, why: /Missing required parameter: methodParams/ },
  { method: 'subscribe', valid: { channelName: 'CIC_Softphone__c', listener: fn('lms'), callback: fn() }, broken: { channelName: 'CIC Softphone', listener: fn('lms'), callback: fn() }, why: /message channel API name/ },
  { method: 'unsubscribe', valid: null, broken: { subscription: 'lms-sub-1', callback: fn() }, why: /subscription/ },
  { method: 'publish', valid: { channelName: 'CIC_Softphone__c', message: { type: 'ping', n: 1 }, callback: fn() }, broken: { channelName: 'CIC_Softphone__c', message: { type: 'x', run: fn('f') }, callback: fn() }, why: /serialisable JSON/ },
  { method: 'hvs.completeWork', valid: null, broken: { workId: 'w', attributes: { disposition: 'ok', taskId: 't', connected: true }, callback: fn() }, why: /Unexpected parameter: attributes.connected/ },
];

describe('Open CTI methods through the console (Node side of the relay)', () => {
  let emulator: ConsoleEmulator;
  let page: ConsolePageClient;

  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());
  beforeEach(async () => {
    page?.close();
    emulator.reset();
    page = await ConsolePageClient.open(emulator.url);
  });

  for (const c of CASES) {
    it(`${c.method}: a broken argument is INVALID_PARAM (${c.why.source})`, async () => {
      invalid(await page.call(c.method, c.broken), c.why);
    });
    if (c.valid !== null) {
      it(`${c.method}: valid arguments succeed (${JSON.stringify(c.valid).slice(0, 60)})`, async () => {
        success(await page.call(c.method, c.valid));
      });
    }
  }

  it('every documented Lightning method is implemented (nothing answers "unknown method")', async () => {
    const { OPENCTI_METHODS } = await import('./protocol.js');
    for (const { name } of OPENCTI_METHODS) {
      const r = await page.call(name, { definitelyNotAParameter: true });
      assert.equal(r.errors?.[0]?.code, 'INVALID_PARAM', `${name}: ${JSON.stringify(r)}`);
    }
    const unknown = await page.call('getPageInfo', null);
    assert.equal(unknown.errors?.[0]?.code, 'GENERIC_ERROR');
  });

  it('methods newer than the loaded API version do not exist (LMS needs 47.0, hvs 46.0)', async () => {
    const old = await ConsolePageClient.open(emulator.url, 'http://console.test:1', '46.0');
    try {
      const pub = await old.call('publish', { channelName: 'A__c', message: {} });
      assert.equal(pub.errors?.[0]?.code, 'GENERIC_ERROR');
      assert.match(pub.errors?.[0]?.description ?? '', /Unknown method publish for API version 46.0/);
      success(await old.call('hvs.onWorkStart', { listener: fn('w') }));
    } finally {
      old.close();
    }
  });

  it('answers the documented shapes: settings, layout, panel visibility, app view info', async () => {
    const settings = success(await page.call('getCallCenterSettings', { callback: fn() })) as Record<string, string>;
    assert.equal(settings['/reqGeneralInfo/reqAdapterUrl'], 'http://127.0.0.1:9/softphone.html');
    assert.equal(settings['/reqGeneralInfo/reqSalesforceCompatibilityMode'], 'Lightning');
    assert.equal(settings['/cicServer/cicServerUrl'], 'http://127.0.0.1:8018');
    assert.equal(settings['/reqGeneralInfo/reqSoftphoneHeight/sortOrder'], '4.0');
    const layout = success(await page.call('getSoftphoneLayout', null)) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(layout), ['Inbound', 'Outbound', 'Internal']);
    assert.deepEqual((layout['Inbound']?.['screenPopSettings'] as Record<string, unknown>)['NoMatch'], { screenPopType: 'PopToEntity', screenPopData: 'Contact' });
    assert.deepEqual(success(await page.call('isSoftphonePanelVisible', null)), { visible: false });
    success(await page.call('setSoftphonePanelVisibility', { visible: true }));
    assert.deepEqual(success(await page.call('isSoftphonePanelVisible', null)), { visible: true });
    assert.deepEqual(success(await page.call('getAppViewInfo', null)), { url: 'http://console.test:1/lightning/page/home', recordId: '', recordName: '', objectType: '' });
    success(await page.call('screenPop', { type: 'sobject', params: { recordId: MORGAN } }));
    assert.deepEqual(success(await page.call('getAppViewInfo', null)), {
      url: `http://console.test:1/lightning/r/Account/${MORGAN}/view`,
      recordId: MORGAN,
      recordName: 'Morgan Smith',
      objectType: 'Account',
      personAccount: true,
      accountId: MORGAN,
      contactId: MORGAN_CONTACT,
    });
  });

  it('utility item icon, label and panel size follow the softphone', async () => {
    success(await page.call('setSoftphoneItemIcon', { key: 'incoming_call' }));
    success(await page.call('setSoftphoneItemLabel', { label: 'Pat Doe calling' }));
    success(await page.call('setSoftphonePanelHeight', { heightPX: 640 }));
    success(await page.call('setSoftphonePanelWidth', { widthPX: 360 }));
    const state = (await http(emulator.url, 'GET', '/__console/v1/state')).body as { windows: Array<{ utility: Record<string, unknown> }> };
    assert.deepEqual(state.windows.at(-1)?.utility, {
      itemIcon: 'incoming_call',
      itemLabel: 'Pat Doe calling',
      panelIcon: 'call',
      panelLabel: 'CIC Softphone (demo)',
      panelOpen: false,
      height: 640,
      width: 360,
    });
    const rendered = await page.waitFor((e) => e.type === 'state' && e.state.utility.itemLabel === 'Pat Doe calling');
    assert.equal(rendered.type === 'state' && rendered.state.utility.itemIcon, 'incoming_call');
  });

  it('logs every call in order with its arguments, result and tab (functions shown as [function])', async () => {
    await page.call('enableClickToDial', { callback: fn() });
    await page.call('setSoftphonePanelHeight', { heightPX: 1, callback: fn() });
    await page.call('screenPop', { type: 'sobject', params: { recordId: PAT }, callback: fn() });
    await page.call('getAppViewInfo', null);
    const log = (await http(emulator.url, 'GET', `/__console/v1/opencti-log?window=${page.windowId}`)).body as {
      entries: Array<{ seq: number; method: string; args: WireValue; response: OpenCtiResponse; tab: string; window: string }>;
    };
    assert.deepEqual(
      log.entries.map((e) => [e.method, e.response.success, e.tab]),
      [
        ['enableClickToDial', true, 'nav'],
        ['setSoftphonePanelHeight', false, 'nav'],
        ['screenPop', true, 'nav'],
        ['getAppViewInfo', true, 'tab-1'],
      ],
    );
    assert.deepEqual(log.entries[0]?.args, { callback: '[function]' });
    assert.ok(log.entries.every((e, i, all) => i === 0 || e.seq > (all[i - 1]?.seq ?? 0)));
    const filtered = (await http(emulator.url, 'GET', '/__console/v1/opencti-log?method=screenPop')).body as { entries: unknown[] };
    assert.equal(filtered.entries.length, 1);
  });

  it('runApex runs the built-in controller and reports unknown classes as SERVER_ERROR', async () => {
    const rv = success(await page.call('runApex', { apexClass: 'CICSoftphoneController', methodName: 'searchPhone', methodParams: 'phone=%2B13175550102' })) as { runApex: string };
    assert.deepEqual(
      (JSON.parse(rv.runApex) as Array<{ Name: string }>).map((r) => r.Name),
      ['Jordan Lee', 'Casey Lee'],
    );
    const lookup = async (callObject: string): Promise<string[]> =>
      (JSON.parse((success(await page.call('runApex', { apexClass: 'CicCallLogLookup', methodName: 'findByCallObject', methodParams: `callObject=${callObject}` })) as { runApex: string }).runApex) as Array<{ Id: string }>).map((t) => t.Id);
    assert.deepEqual(await lookup('700001'), [], 'no call Task for the interaction yet');
    const task = success(await page.call('saveLog', { value: { entityApiName: 'Task', TaskSubtype: 'Call', Subject: 'Call', CallObject: '700001' } })) as { recordId: string };
    success(await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'Not a call', CallObject: '700001' } }));
    assert.deepEqual(await lookup('700001'), [task.recordId], 'CicCallLogLookup.findByCallObject: call Tasks only');
    assert.deepEqual(await lookup('700002'), []);
    const missing = await page.call('runApex', { apexClass: 'NoSuchClass', methodName: 'x', methodParams: 'none' });
    assert.equal(missing.errors?.[0]?.code, 'SERVER_ERROR');
    assert.equal(missing.errors?.[0]?.description, 'Could not load Apex class: NoSuchClass');
  });
});

describe('screen pops', () => {
  let emulator: ConsoleEmulator;
  let page: ConsolePageClient;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());
  beforeEach(async () => {
    page?.close();
    emulator.reset();
    page = await ConsolePageClient.open(emulator.url);
    success(await page.call('onNavigationChange', { listener: fn('nav') }));
  });

  const activePage = () => page.lastState().page;

  it('SOBJECT opens the record in a workspace tab (or focuses its tab) and fires onNavigationChange', async () => {
    success(await page.call('screenPop', { type: 'sobject', params: { recordId: PAT } }));
    const [nav] = await page.waitForDelivery('nav');
    assert.deepEqual(nav, { url: `http://console.test:1/lightning/r/Contact/${PAT}/view`, recordId: PAT, recordName: 'Pat Doe', objectType: 'Contact', personAccount: false });
    success(await page.call('screenPop', { type: 'sobject', params: { recordId: '003Dm0000000001' } }));
    const state = page.lastState();
    assert.deepEqual(state.tabs.map((t) => [t.label, t.active]), [
      ['Home', false],
      ['Pat Doe', true],
    ]);
    assert.equal(state.page.kind, 'record');
  });

  it('a person contact id pops its person account', async () => {
    success(await page.call('screenPop', { type: 'sobject', params: { recordId: MORGAN_CONTACT } }));
    await page.waitFor((e) => e.type === 'state' && e.state.page.kind === 'record');
    const p = activePage();
    assert.ok(p.kind === 'record' && p.recordId === MORGAN && p.personAccount);
  });

  it('URL pops relative pages (a Visualforce page keeps its ?key=) and Lightning record URLs open records', async () => {
    success(await page.call('screenPop', { type: 'url', params: { url: '/apex/CaseWizard?key=00042' } }));
    let p = activePage();
    assert.ok(p.kind === 'url');
    assert.deepEqual(p.kind === 'url' && p.query, [['key', '00042']]);
    assert.equal(page.lastState().tabs.at(-1)?.label, 'CaseWizard');
    assert.equal(page.deliveries('nav').length, 0, 'no navigation event for a non-record page in a console app');
    success(await page.call('screenPop', { type: 'url', params: { url: `/lightning/r/Account/${ACME}/view` } }));
    p = activePage();
    assert.ok(p.kind === 'record' && p.recordId === ACME);
  });

  it('SEARCH pops the search page with every match', async () => {
    success(await page.call('screenPop', { type: 'search', params: { searchString: '+13175550102' } }));
    const p = activePage();
    assert.ok(p.kind === 'search');
    assert.deepEqual(p.kind === 'search' && p.groups.map((g) => [g.objectType, g.rows.map((r) => r.name)]), [['Contact', ['Jordan Lee', 'Casey Lee']]]);
  });

  it('NEW_RECORD_MODAL opens the modal with defaults; saving creates the record and opens it', async () => {
    success(await page.call('screenPop', { type: 'newRecord', params: { entityName: 'Contact', defaultFieldValues: { Phone: '+13175550199', LastName: 'Caller' } } }));
    const [nav] = await page.waitForDelivery('nav');
    assert.deepEqual(nav, { url: 'http://console.test:1/lightning/o/Contact/new', recordId: '', recordName: '', objectType: '' });
    const modal = page.lastState().modal;
    assert.equal(modal?.entityName, 'Contact');
    assert.equal(modal?.fields.find((f) => f.name === 'Phone')?.value, '+13175550199');
    const saved = await page.control('/modal/save', { fields: { FirstName: 'New' } });
    assert.equal(saved.status, 201);
    const id = (saved.body as { recordId: string }).recordId;
    const p = activePage();
    assert.ok(p.kind === 'record' && p.recordId === id && p.title === 'New Caller');
    assert.equal(page.lastState().modal, null);
  });

  it('the new-record modal refuses to save without required fields', async () => {
    success(await page.call('screenPop', { type: 'newRecord', params: { entityName: 'Lead' } }));
    const saved = await page.control('/modal/save', { fields: { LastName: 'X' } });
    assert.equal(saved.status, 400);
    assert.match(page.lastState().modal?.error ?? '', /Required fields are missing: \[Company\]/);
  });

  it('FLOW pops active screen flows (unknown inputs are dropped) and refuses inactive ones', async () => {
    success(
      await page.call('screenPop', {
        type: 'flow',
        params: { flowDevName: 'CIC_Caller_Details', flowArgs: [{ name: 'ani', type: 'String', value: '+13175550101' }, { name: 'nope', type: 'String', value: 'x' }] },
      }),
    );
    const p = activePage();
    assert.deepEqual(p.kind === 'flow' && p.flowArgs, [{ name: 'ani', type: 'String', value: '+13175550101' }]);
    const r = await page.call('screenPop', { type: 'flow', params: { flowDevName: 'Not_Active' } });
    assert.equal(r.errors?.[0]?.code, 'GENERIC_ERROR');
  });

  it('searchAndScreenPop, one match: returns it keyed by Id and pops the record', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550101', callType: 'inbound' })) as Record<string, Record<string, WireValue>>;
    assert.deepEqual(Object.keys(rv), [PAT]);
    assert.equal(rv[PAT]?.['Name'], 'Pat Doe');
    assert.equal(rv[PAT]?.['RecordType'], 'Contact');
    assert.equal(rv[PAT]?.['Phone'], '(317) 555-0101');
    const p = activePage();
    assert.ok(p.kind === 'record' && p.recordId === PAT);
    assert.equal((await page.waitForDelivery('nav')).length, 1);
  });

  it('searchAndScreenPop, several matches: pops the search page', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550102', callType: 'inbound' })) as Record<string, unknown>;
    assert.equal(Object.keys(rv).length, 2);
    const p = activePage();
    assert.ok(p.kind === 'search' && p.searchString === '+13175550102');
    assert.equal(page.deliveries('nav').length, 0);
  });

  it('searchAndScreenPop, no match: pops the new-record modal with the default field values', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550199', callType: 'inbound', defaultFieldValues: { Phone: '+13175550199' } }));
    assert.deepEqual(rv, {});
    const modal = page.lastState().modal;
    assert.equal(modal?.entityName, 'Contact');
    assert.equal(modal?.fields.find((f) => f.name === 'Phone')?.value, '+13175550199');
  });

  it('searchAndScreenPop returns person accounts with their person contact; layout objects only', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550104', callType: 'inbound' })) as Record<string, Record<string, WireValue>>;
    assert.deepEqual(rv[MORGAN], {
      Id: MORGAN,
      Name: 'Morgan Smith',
      RecordType: 'Account',
      LastModifiedDate: rv[MORGAN]?.['LastModifiedDate'] ?? null,
      Phone: '+1 317 555 0104',
      IsPersonAccount: true,
      PersonContactId: MORGAN_CONTACT,
    });
    const internal = success(await page.call('searchAndScreenPop', { searchParams: '+13175550103', callType: 'internal' }));
    assert.deepEqual(internal, {}, 'the Internal section searches Contacts only');
  });

  it('searchAndScreenPop with deferred: returns SCREEN_POP_DATA and pops nothing until screenPop gets it', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550101', callType: 'inbound', deferred: true })) as Record<string, WireValue>;
    assert.deepEqual(rv['SCREEN_POP_DATA'], { type: 'sobject', params: { recordId: PAT } });
    assert.equal(activePage().kind, 'home');
    const data = rv['SCREEN_POP_DATA'] as { type: string; params: WireValue };
    success(await page.call('screenPop', { type: data.type, params: data.params }));
    assert.equal(activePage().kind, 'record');
  });

  it('outbound searches return matches but pop nothing (no pop settings for outbound)', async () => {
    const rv = success(await page.call('searchAndScreenPop', { searchParams: '+13175550103', callType: 'outbound' }));
    assert.deepEqual(Object.keys(rv as object), [ACME]);
    assert.equal(activePage().kind, 'home');
  });
});

describe('saveLog and refreshView', () => {
  let emulator: ConsoleEmulator;
  let page: ConsolePageClient;
  before(async () => {
    emulator = await startTestEmulator();
    page = await ConsolePageClient.open(emulator.url);
  });
  after(() => {
    page.close();
    return emulator.close();
  });

  it('creates a call Task, updates the same Task, and the record page shows it after refreshView', async () => {
    success(await page.call('screenPop', { type: 'sobject', params: { recordId: PAT } }));
    const before = page.lastState().page;
    assert.ok(before.kind === 'record');
    const historyBefore = before.kind === 'record' ? before.activity.length : -1;
    const created = success(
      await page.call('saveLog', {
        value: { entityApiName: 'Task', Subject: 'Call 11/22/2026, 9:00:00 AM', TaskSubtype: 'Call', CallType: 'Inbound', CallObject: 'ix-100', Status: 'Completed', WhoId: PAT },
        callback: fn(),
      }),
    ) as { recordId: string };
    assert.match(created.recordId, /^00T/);
    const stale = page.lastState().page;
    assert.equal(stale.kind === 'record' && stale.activity.length, historyBefore, 'the page does not show new activity before refreshView');
    success(await page.call('refreshView', { callback: fn() }));
    const fresh = page.lastState().page;
    assert.equal(fresh.kind === 'record' && fresh.activity.length, historyBefore + 1);

    const updated = success(await page.call('saveLog', { value: { Id: created.recordId, CallDurationInSeconds: 125, CallDisposition: 'Resolved', Description: 'Rebooked' } })) as { recordId: string };
    assert.equal(updated.recordId, created.recordId);
    const tasks = (await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: Array<Record<string, unknown>> };
    const mine = tasks.tasks.filter((t) => t['CallObject'] === 'ix-100');
    assert.equal(mine.length, 1, 'one interaction, one Task');
    assert.equal(mine[0]?.['CallDurationInSeconds'], 125);
    assert.equal(mine[0]?.['CallDisposition'], 'Resolved');
    assert.equal(mine[0]?.['TaskSubtype'], 'Call');
    success(await page.call('refreshView', null));
    const after = page.lastState().page;
    const row = after.kind === 'record' ? after.activity.find((a) => a.id === created.recordId) : undefined;
    assert.equal(row?.durationSeconds, 125);
    assert.equal(row?.disposition, 'Resolved');
  });

  it('reports DML failures with per-field details and changes nothing', async () => {
    const before = ((await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: unknown[] }).tasks.length;
    const r = await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'x', CallType: 'inbound', WhoId: '00QDm0000000001MAA', WhatId: ACME } });
    assert.equal(r.success, false);
    assert.equal(r.returnValue, null);
    assert.equal(r.errors?.[0]?.code, 'GENERIC_ERROR');
    const details = r.errors?.[0]?.details as Array<{ errorCode: string; fields: string[] }>;
    assert.deepEqual(details.map((d) => d.errorCode), ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST']);
    const lead = await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'x', WhoId: '00QDm0000000001MAA', WhatId: ACME } });
    assert.equal((lead.errors?.[0]?.details as Array<{ errorCode: string }>)[0]?.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
    const after = ((await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: unknown[] }).tasks.length;
    assert.equal(after, before);
  });

  it('rejects create-and-update at once, unknown objects and non-string ids as INVALID_PARAM', async () => {
    invalid(await page.call('saveLog', { value: { entityApiName: 'Task', Id: '00TDm0000000001MAA' } }), /not both/);
    invalid(await page.call('saveLog', { value: { entityApiName: 'Widget__c' } }), /unknown object Widget__c/);
    invalid(await page.call('saveLog', { value: { Id: 7 } }), /value.Id/);
    invalid(await page.call('saveLog', { value: { Subject: 'no entity' } }), /value.entityApiName/);
  });

  it('an injected fault fails the next saveLog only', async () => {
    const f = await http(emulator.url, 'POST', '/__console/v1/faults', { method: 'saveLog', code: 'SERVER_ERROR' });
    assert.equal(f.status, 201);
    const first = await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'retry me', CallObject: 'ix-fault' } });
    assert.deepEqual(first.errors?.map((e) => e.code), ['SERVER_ERROR']);
    success(await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'retry me', CallObject: 'ix-fault' } }));
    const tasks = ((await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: Array<Record<string, unknown>> }).tasks;
    assert.equal(tasks.filter((t) => t['CallObject'] === 'ix-fault').length, 1);
  });
});
