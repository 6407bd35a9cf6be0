import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator } from '../cic/index.js';
import type { WireValue } from './protocol.js';
import type { ConsoleEmulator } from './server.js';
import { ConsolePageClient, fn, http, startTestEmulator } from './test-support.js';

const PAT = '003Dm0000000001IAA';
const ACME = '001Dm0000000001IAA';
const ROBIN = '003Dm0000000004IAA';
const MORGAN = '001Dm0000000004IAA';

type Json = Record<string, unknown>;

describe('console behaviour', () => {
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

  const state = async (): Promise<{ windows: Json[] } & Json> => (await http(emulator.url, 'GET', '/__console/v1/state')).body as { windows: Json[] } & Json;

  it('frames the adapter URL with the utility bar parameters', () => {
    const url = new URL(page.lastState().frame.url);
    assert.equal(url.origin + url.pathname, 'http://127.0.0.1:9/softphone.html');
    assert.equal(url.searchParams.get('mode'), 'Lightning');
    assert.equal(url.searchParams.get('sfdcIframeOrigin'), 'http://console.test:1');
    assert.ok(url.searchParams.get('nonce'));
  });

  it('click-to-dial links work only after enableClickToDial, and stop after disableClickToDial', async () => {
    await page.call('onClickToDial', { listener: fn('dial') });
    await page.control('/navigate', { recordId: ACME });
    const before = await page.control('/click-to-dial', { recordId: ACME });
    assert.equal(before.status, 409);
    assert.match(String((before.body as Json)['error']), /not enabled/);
    assert.equal(page.lastState().utility.clickToDialEnabled, false);

    await page.call('enableClickToDial', null);
    assert.equal(page.lastState().utility.clickToDialEnabled, true);
    const click = await page.control('/click-to-dial', { recordId: ACME, field: 'Phone' });
    assert.equal(click.status, 200);
    const [payload] = await page.waitForDelivery('dial');
    assert.deepEqual(payload, { number: '(317) 555-0103', recordId: ACME, recordName: 'Acme Corporation', objectType: 'Account', personAccount: false });

    const related = await page.control('/click-to-dial', { recordId: ROBIN });
    assert.equal(related.status, 200, 'a contact in the related list has a link too');
    const elsewhere = await page.control('/click-to-dial', { recordId: PAT });
    assert.equal(elsewhere.status, 409, 'a record not shown on the active tab cannot be clicked');

    await page.call('disableClickToDial', null);
    assert.equal((await page.control('/click-to-dial', { recordId: ACME })).status, 409);
    assert.equal(page.deliveries('dial').length, 2);
  });

  it('click-to-dial from a person account carries the person contact', async () => {
    await page.call('onClickToDial', { listener: fn('dial') });
    await page.call('enableClickToDial', null);
    await page.control('/navigate', { recordId: MORGAN });
    const click = await page.control('/click-to-dial', { recordId: MORGAN, field: 'PersonMobilePhone' });
    assert.equal(click.status, 200);
    assert.deepEqual((await page.waitForDelivery('dial'))[0], {
      number: '(317) 555-0114',
      recordId: MORGAN,
      recordName: 'Morgan Smith',
      objectType: 'Account',
      personAccount: true,
      accountId: MORGAN,
      contactId: '003Dm000000001cIAA',
    });
  });

  it('navigation events: record tabs fire, other views do not, coming back to the window fires', async () => {
    await page.call('onNavigationChange', { listener: fn('nav') });
    await page.control('/navigate', { recordId: PAT });
    await page.control('/navigate', { kind: 'search', searchString: 'Lee' });
    await page.control('/navigate', { kind: 'objecthome', scope: 'Case' });
    assert.equal(page.deliveries('nav').length, 1);
    const patTab = page.lastState().tabs.find((t) => t.label === 'Pat Doe');
    await page.control('/tabs/focus', { tabId: patTab?.id });
    assert.equal(page.deliveries('nav').length, 2);
    await page.control(`/windows/${page.windowId}/visibility`, { visible: false });
    await page.control(`/windows/${page.windowId}/visibility`, { visible: true });
    const navs = page.deliveries('nav') as Json[];
    assert.equal(navs.length, 3);
    assert.deepEqual(
      navs.map((n) => n['recordId']),
      [PAT, PAT, PAT],
    );
    await page.control('/tabs/close', { tabId: patTab?.id });
    assert.equal(page.deliveries('nav').length, 3, 'the tab left behind is not a record');
    assert.equal((await page.control('/tabs/close', { tabId: 'nav' })).status, 409);
  });

  it('a console tab refresh reloads activity and counts as navigation; refreshView does not navigate', async () => {
    await page.call('onNavigationChange', { listener: fn('nav') });
    const tab = ((await page.control('/navigate', { recordId: PAT })).body as Json)['tabId'];
    await page.call('refreshView', null);
    assert.equal(page.deliveries('nav').length, 1);
    await page.control('/tabs/refresh', { tabId: tab });
    assert.equal(page.deliveries('nav').length, 2);
  });

  it('LMS: publish reaches every subscriber on the channel (the publisher too), unsubscribe stops it', async () => {
    const sub = await page.call('subscribe', { channelName: 'CIC_Softphone__c', listener: fn('lms-a'), callback: fn() });
    assert.equal(sub.success, true);
    assert.equal(sub.returnValue, null);
    const subscription = sub.subscription as Json;
    assert.equal(subscription['channelName'], 'CIC_Softphone__c');
    await page.call('subscribe', { channelName: 'Other__c', listener: fn('lms-b') });
    await page.call('publish', { channelName: 'CIC_Softphone__c', message: { type: 'hello', n: 1 } });
    await page.control('/lms/publish', { channelName: 'CIC_Softphone__c', message: { type: 'from-a-component' } });
    assert.deepEqual(await page.waitForDelivery('lms-a', 2), [{ type: 'hello', n: 1 }, { type: 'from-a-component' }]);
    assert.equal(page.deliveries('lms-b').length, 0);
    assert.equal((await page.call('unsubscribe', { subscription: subscription as WireValue })).success, true);
    await page.call('publish', { channelName: 'CIC_Softphone__c', message: { type: 'after' } });
    assert.equal(page.deliveries('lms-a').length, 2);
    const again = await page.call('unsubscribe', { subscription: subscription as WireValue });
    assert.equal(again.errors?.[0]?.code, 'INVALID_PARAM');
    const lms = (await http(emulator.url, 'GET', '/__console/v1/lms')).body as { messages: Json[] };
    assert.deepEqual(
      lms.messages.map((m) => m['source']),
      ['softphone', 'control', 'softphone'],
    );
  });

  it('Omni-Channel: toolkit requests over the bridge channel, events with reasons, history without echoes', async () => {
    await page.call('subscribe', { channelName: 'CIC_Omni_Bridge__c', listener: fn('omni') });
    const publish = (message: Json) => page.call('publish', { channelName: 'CIC_Omni_Bridge__c', message: message as WireValue });
    await publish({ type: 'omni.request', requestId: 'r1', method: 'getServicePresenceStatuses' });
    const statuses = ((page.deliveries('omni') as Json[]).find((m) => m['type'] === 'omni.response' && m['requestId'] === 'r1')?.['result'] ?? []) as Json[];
    assert.deepEqual(
      statuses.map((s) => s['statusApiName']),
      ['Available', 'Available_Cases', 'Busy_On_Phone', 'Break'],
    );
    const busy = statuses[2]?.['statusId'] as string;
    await publish({ type: 'omni.request', requestId: 'r2', method: 'setServicePresenceStatus', args: { statusId: busy } });
    const messages = page.deliveries('omni') as Json[];
    const changed = messages.find((m) => m['type'] === 'omni.event' && m['name'] === 'omniChannelStatusChanged');
    assert.equal((changed?.['params'] as Json)['reason'], 'OmniToolkitStatusChange');
    assert.equal((changed?.['params'] as Json)['statusApiName'], 'Busy_On_Phone');
    assert.deepEqual(messages.find((m) => m['type'] === 'omni.response' && m['requestId'] === 'r2')?.['result'], {
      statusId: busy,
      statusName: 'Busy - On Phone',
      statusApiName: 'Busy_On_Phone',
      channels: '[]',
    });
    assert.ok(messages.some((m) => m['name'] === 'omniChannelLoginSuccess'));

    await page.control('/omni/status', { statusApiName: 'Available' });
    const manual = (page.deliveries('omni') as Json[]).filter((m) => m['name'] === 'omniChannelStatusChanged').at(-1);
    assert.equal((manual?.['params'] as Json)['reason'], 'OmniManualStatusChange');
    await page.control('/omni/status', { statusApiName: 'Break', reason: 'OmniSupervisorStatusChange' });

    await publish({ type: 'omni.request', requestId: 'r3', method: 'setServicePresenceStatus', args: { statusId: 'nope' } });
    const bad = (page.deliveries('omni') as Json[]).find((m) => m['type'] === 'omni.response' && m['requestId'] === 'r3');
    assert.equal(bad?.['ok'], false);

    const omni = (await http(emulator.url, 'GET', '/__console/v1/omni')).body as { history: Json[]; statusName: string };
    assert.deepEqual(
      omni.history.map((h) => [h['kind'], h['toStatusApiName'], h['reason'], h['origin']]),
      [
        ['login', 'Busy_On_Phone', 'OmniToolkitStatusChange', 'toolkit'],
        ['status', 'Available', 'OmniManualStatusChange', 'agent'],
        ['status', 'Break', 'OmniSupervisorStatusChange', 'control'],
      ],
    );
    assert.equal(omni.statusName, 'Break');
    await page.control('/omni/status', { statusApiName: null });
    assert.equal(page.lastState().omni.loggedIn, false);
  });

  it('Omni-Channel workload and agent work raise the toolkit events', async () => {
    await page.call('subscribe', { channelName: 'CIC_Omni_Bridge__c', listener: fn('omni') });
    assert.equal((await page.control('/omni/work', { action: 'assign' })).status, 409, 'logged out agents get no work');
    await page.control('/omni/status', { statusApiName: 'Available' });
    const work = (await page.control('/omni/work', { action: 'assign', capacityWeight: 2 })).body as Json;
    await page.control('/omni/work', { action: 'accept', workId: work['workId'] });
    await page.control('/omni/workload', { workload: 4, configuredCapacity: 6 });
    await page.control('/omni/work', { action: 'close', workId: work['workId'] });
    const names = (page.deliveries('omni') as Json[]).filter((m) => m['type'] === 'omni.event').map((m) => m['name']);
    assert.deepEqual(names, [
      'omniChannelLoginSuccess',
      'omniChannelStatusChanged',
      'omniChannelWorkAssigned',
      'omniChannelWorkloadChanged',
      'omniChannelWorkAccepted',
      'omniChannelWorkloadChanged',
      'omniChannelWorkClosed',
      'omniChannelWorkloadChanged',
    ]);
    const last = (page.deliveries('omni') as Json[]).filter((m) => m['name'] === 'omniChannelWorkloadChanged').at(-1)?.['params'] as Json;
    assert.deepEqual([last['previousWorkload'], last['newWorkload'], last['configuredCapacity']], [4, 2, 6]);
    assert.equal(page.lastState().omni.workload, 2);
  });

  it('a new softphone document starts clean: listeners gone, click-to-dial off; stale documents are refused', async () => {
    await page.call('onClickToDial', { listener: fn('dial') });
    await page.call('enableClickToDial', null);
    const old = page.instanceId;
    await page.hello('test-instance-2');
    const s = (await state()).windows.at(-1) as Json;
    assert.equal(s['clickToDialEnabled'], false);
    assert.deepEqual(s['listeners'], { clickToDial: 0, navigation: 0, workStart: 0 });
    const stale = await http(emulator.url, 'POST', `/__console/v1/windows/${page.windowId}/opencti`, { instanceId: old, method: 'getAppViewInfo', args: null });
    assert.equal(stale.status, 409);
  });

  it('keeps messages from a wrong origin or frame out (reported by the console page), and out of the log', async () => {
    const r = await http(emulator.url, 'POST', `/__console/v1/windows/${page.windowId}/ignored`, { origin: 'https://evil.example', reason: 'wrong origin' });
    assert.equal(r.status, 200);
    const w = (await state()).windows.at(-1) as Json;
    assert.deepEqual(w['ignoredMessages'], [{ origin: 'https://evil.example', reason: 'wrong origin' }]);
  });

  it('hvs: work start reaches the listener and completeWork needs a saved Task', async () => {
    await page.call('hvs.onWorkStart', { listener: fn('hvs') });
    const started = (await page.control('/hvs/work-start', { to: '+13175550101' })).body as { payload: Json };
    const [payload] = await page.waitForDelivery('hvs');
    assert.deepEqual(payload, started.payload);
    const workId = started.payload['workId'] as string;
    const missing = await page.call('hvs.completeWork', { workId, attributes: { disposition: 'Connected' } });
    assert.match(missing.errors?.[0]?.description ?? '', /attributes.taskId/);
    const task = (await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'Call', TaskSubtype: 'Call' } })).returnValue as { recordId: string };
    assert.equal((await page.call('hvs.completeWork', { workId, attributes: { disposition: 'Connected', taskId: task.recordId, wasConnected: true } })).success, true);
    assert.equal((await page.call('hvs.completeWork', { workId, attributes: { disposition: 'Connected', taskId: task.recordId } })).errors?.[0]?.code, 'INVALID_PARAM');
  });

  it('reset puts data, log and windows back to the start and reloads the softphone', async () => {
    const gen = page.lastState().frame.generation;
    await page.call('saveLog', { value: { entityApiName: 'Task', Subject: 'temp' } });
    await page.control('/navigate', { recordId: PAT });
    await http(emulator.url, 'POST', '/__console/v1/reset');
    await page.sync();
    const tasks = ((await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: unknown[] }).tasks;
    assert.equal(tasks.length, 1);
    assert.deepEqual(((await http(emulator.url, 'GET', '/__console/v1/opencti-log')).body as { entries: unknown[] }).entries, []);
    assert.equal(page.lastState().tabs.length, 1);
    assert.equal(page.lastState().frame.generation, gen + 1);
  });

  it('answers bad control requests with 4xx and a reason', async () => {
    assert.equal((await page.control('/navigate', { recordId: '003Dm0000000099' })).status, 404);
    assert.equal((await page.control('/navigate', { kind: 'list', scope: 'Case' })).status, 400);
    assert.equal((await http(emulator.url, 'POST', '/__console/v1/faults', { method: 'saveLog', code: 'INVALID_PARAM' })).status, 400);
    assert.equal((await http(emulator.url, 'GET', '/__console/v1/nothing')).status, 404);
    assert.equal((await page.control('/modal/save', {})).status, 409);
    const cors = await http(emulator.url, 'OPTIONS', '/__console/v1/state');
    assert.equal(cors.headers['access-control-allow-origin'], '*');
  });
});

describe('standby URL', () => {
  it('switches to the standby URL when notifyInitializationComplete does not come in time, for the rest of the session', async () => {
    const emulator = await startTestEmulator({ settingOverrides: { '/reqGeneralInfo/reqStandbyUrl': 'http://127.0.0.1:9/standby.html', '/reqGeneralInfo/reqTimeout': '5000' } });
    try {
      const late = await ConsolePageClient.open(emulator.url);
      const prompt = await ConsolePageClient.open(emulator.url);
      await prompt.call('notifyInitializationComplete', null);
      await http(emulator.url, 'POST', '/__console/v1/clock/advance', { ms: 4999 });
      await late.sync();
      assert.match(late.lastState().frame.url, /softphone\.html/);
      await http(emulator.url, 'POST', '/__console/v1/clock/advance', { ms: 1 });
      await late.sync();
      await prompt.sync();
      assert.match(late.lastState().frame.url, /^http:\/\/127\.0\.0\.1:9\/standby\.html\?mode=Lightning/);
      assert.equal(late.lastState().frame.standby, true);
      assert.match(prompt.lastState().frame.url, /softphone\.html/, 'an initialised softphone stays');
      const next = await ConsolePageClient.open(emulator.url);
      assert.match(next.lastState().frame.url, /standby\.html/, 'Lightning keeps the standby URL for the browser session');
      for (const p of [late, prompt, next]) p.close();
    } finally {
      await emulator.close();
    }
  });
});

describe('demo customer buttons against the real CIC simulator', () => {
  it('"Ring agent" offers a call to Support from the demo customer; "Hang up as customer" ends it', async () => {
    const sim = await startSimulator();
    const emulator = await startTestEmulator({ cicControlUrl: sim.url });
    try {
      const page = await ConsolePageClient.open(emulator.url);
      const ring = await page.control('/customer/ring', { from: '+13175550102' });
      assert.equal(ring.status, 201, ring.text);
      const { interactionId, fromName } = ring.body as { interactionId: string; fromName: string };
      assert.equal(fromName, 'Lee household');
      assert.deepEqual(page.lastState().customerCall, { interactionId, from: '+13175550102', fromName: 'Lee household' });
      const simState = sim.state() as { queues: { workgroups: Json[] }; interactions: Json[] };
      assert.deepEqual(simState.queues.workgroups.find((w) => w['name'] === 'Support')?.['waiting'], [interactionId]);
      assert.equal((await page.control('/customer/ring')).status, 201, 'the first demo customer by default');
      const hang = await page.control('/customer/hangup');
      assert.equal(hang.status, 200);
      assert.equal(page.lastState().customerCall, null);
      assert.equal((await page.control('/customer/hangup')).status, 409);
      page.close();
    } finally {
      await emulator.close();
      await sim.close();
    }
  });

  it('shows a notice when the CIC simulator cannot be reached, and refuses without a control URL', async () => {
    const emulator = await startTestEmulator({ cicControlUrl: 'http://127.0.0.1:9' });
    const none = await startTestEmulator();
    try {
      const page = await ConsolePageClient.open(emulator.url);
      const r = await page.control('/customer/ring');
      assert.equal(r.status, 502);
      assert.match(page.lastState().notice ?? '', /Ring agent failed/);
      const p2 = await ConsolePageClient.open(none.url);
      assert.equal((await p2.control('/customer/ring')).status, 409);
      assert.equal(p2.lastState().cicControlConfigured, false);
      page.close();
      p2.close();
    } finally {
      await emulator.close();
      await none.close();
    }
  });
});

describe('served pages and scripts', () => {
  let emulator: ConsoleEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  it('serves opencti_min.js per API version (38.0+) and the console page', async () => {
    const min = await http(emulator.url, 'GET', '/support/api/62.0/lightning/opencti_min.js');
    assert.equal(min.status, 200);
    assert.match(String(min.headers['content-type']), /javascript/);
    assert.match(min.text, /sfdcIframeOrigin/);
    assert.match(min.text, /"62\.0"/);
    const full = await http(emulator.url, 'GET', '/support/api/47.0/lightning/opencti.js');
    assert.match(full.text, /"47\.0"/);
    assert.equal((await http(emulator.url, 'GET', '/support/api/37.0/lightning/opencti_min.js')).status, 404);
    const home = await http(emulator.url, 'GET', '/lightning/page/home');
    assert.match(home.text, /id="softphone-frame"/);
    assert.match(home.text, /Ring agent/);
    assert.equal((await http(emulator.url, 'GET', '/__console/assets/console.js')).status, 200);
    assert.equal((await http(emulator.url, 'GET', '/__console/test-adapter.html')).status, 200);
    assert.equal((await http(emulator.url, 'GET', '/__console/slds/assets/icons/utility-sprite/svg/symbols.svg')).status, 200);
    assert.equal((await http(emulator.url, 'GET', '/__console/slds/assets/../../package.json')).status, 404);
  });
});
