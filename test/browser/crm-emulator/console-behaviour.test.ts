import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closeAll, eventually, nextMessage, openConsole, openCtiLog, type ConsoleHarness } from './harness.js';

const PAT = '003Dm0000000001IAA';
const ACME = '001Dm0000000001IAA';

interface WindowState {
  id: string;
  activeTabId: string;
  tabs: Array<{ id: string; label: string; view: { kind: string; recordId?: string; searchString?: string; url?: string } }>;
  page: { kind: string; recordId?: string; activity?: Array<{ id: string; durationSeconds: number | null; disposition: string }> };
  modal: { entityName: string; defaults: Record<string, unknown> } | null;
  utility: { itemIcon: string; itemLabel: string; panelOpen: boolean };
  ignoredMessages: Array<{ origin: string; reason: string }>;
}

async function windowState(h: ConsoleHarness): Promise<WindowState> {
  const state = await h.get<{ windows: Array<WindowState & { open: boolean }> }>('/state');
  const open = state.windows.filter((w) => w.open);
  return open[open.length - 1] as WindowState;
}

const dom = (h: ConsoleHarness, action: 'click' | 'count' | 'text' | 'attr', selector: string, attribute?: string) =>
  executeServerCommand('console:dom', { url: h.url, action, selector, attribute });

/** A listener installed in the softphone frame; `next()` resolves with its next payload. */
function listener(): { fn: (payload: unknown) => void; calls: unknown[]; next: () => Promise<unknown>; first: (test: (p: unknown) => boolean) => Promise<unknown> } {
  const calls: unknown[] = [];
  let waiting: Array<(p: unknown) => void> = [];
  const next = (): Promise<unknown> => new Promise((resolve) => waiting.push(resolve));
  return {
    calls,
    fn: (payload) => {
      calls.push(payload);
      const w = waiting;
      waiting = [];
      for (const r of w) r(payload);
    },
    next,
    /** The first payload (already received or to come) that passes `test`. */
    async first(test) {
      for (;;) {
        const seen = calls.find(test);
        if (seen !== undefined) return seen;
        await next();
      }
    },
  };
}

describe('Lightning console emulator in Chromium', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await openConsole();
  });
  afterEach(() => closeAll());

  it('frames the adapter with mode=Lightning and sfdcIframeOrigin, on another origin than the console', () => {
    const href = new URL(h.adapter.location.href);
    expect(href.searchParams.get('mode')).to.equal('Lightning');
    expect(href.searchParams.get('sfdcIframeOrigin')).to.equal(h.url);
    expect(href.origin).to.equal(h.pageOrigin);
    expect(href.origin).not.to.equal(new URL(h.url).origin);
  });

  it('click-to-dial links are live only after enableClickToDial; a click reaches onClickToDial', async () => {
    const dial = listener();
    expect((await h.call('onClickToDial', { listener: dial.fn })).errors).to.deep.include({ code: 'INVALID_PARAM', description: 'Unexpected parameter: callback' });
    h.raw('onClickToDial', { listener: dial.fn });
    await h.call('screenPop', { type: h.opencti.SCREENPOP_TYPE['SOBJECT'], params: { recordId: ACME } });
    expect(await dom(h, 'count', 'a.click-to-dial')).to.equal(0);
    expect(await dom(h, 'count', `.phone-text[data-record-id="${ACME}"]`)).to.be.greaterThan(0);
    expect((await h.post('/click-to-dial', { recordId: ACME })).status).to.equal(409);

    await h.call('enableClickToDial');
    await eventually(async () => ((await dom(h, 'count', `a.click-to-dial[data-record-id="${ACME}"][data-field="Phone"]`)) as number) > 0);
    const next = dial.next();
    await dom(h, 'click', `a.click-to-dial[data-record-id="${ACME}"][data-field="Phone"]`);
    expect(await next).to.deep.equal({ number: '(317) 555-0103', recordId: ACME, recordName: 'Acme Corporation', objectType: 'Account', personAccount: false });

    await h.call('disableClickToDial');
    await eventually(async () => (await dom(h, 'count', 'a.click-to-dial')) === 0);
    expect((await h.post('/click-to-dial', { recordId: ACME })).status).to.equal(409);
    expect(dial.calls).to.have.length(1);
  });

  it('searchAndScreenPop: one match pops the record, several the search page, none the new-record modal', async () => {
    const { INBOUND } = h.opencti.CALL_TYPE as { INBOUND: string };
    const one = await h.call('searchAndScreenPop', { searchParams: '+13175550101', callType: INBOUND });
    expect(Object.keys(one.returnValue as object)).to.deep.equal([PAT]);
    let w = await windowState(h);
    expect(w.page).to.include({ kind: 'record', recordId: PAT });
    expect(await dom(h, 'text', '#workspace h1')).to.equal('Pat Doe');

    const several = await h.call('searchAndScreenPop', { searchParams: '+13175550102', callType: INBOUND });
    expect(Object.keys(several.returnValue as object)).to.have.length(2);
    w = await windowState(h);
    expect(w.page.kind).to.equal('search');
    expect(await dom(h, 'count', '#workspace [data-group="Contact"] tr')).to.equal(2);

    const none = await h.call('searchAndScreenPop', { searchParams: '+13175550199', callType: INBOUND, defaultFieldValues: { Phone: '+13175550199' } });
    expect(none.returnValue).to.deep.equal({});
    w = await windowState(h);
    expect(w.modal?.entityName).to.equal('Contact');
    expect(await dom(h, 'attr', '.modal input[name="Phone"]', 'value')).to.equal('+13175550199');
    expect(w.tabs.map((t) => t.label)).to.deep.equal(['Home', 'Pat Doe', 'Search: +13175550102']);
  });

  it('screenPop URL keeps ?key= for a Visualforce page', async () => {
    await h.call('screenPop', { type: h.opencti.SCREENPOP_TYPE['URL'], params: { url: '/apex/CicCasePage?key=00042' } });
    const w = await windowState(h);
    expect(w.tabs.at(-1)?.view).to.deep.equal({ kind: 'url', url: '/apex/CicCasePage?key=00042' });
    expect(await dom(h, 'text', '#workspace code[data-url]')).to.equal('/apex/CicCasePage?key=00042');
  });

  it('saveLog creates a Task, then updates the same Task; refreshView shows it in the activity history', async () => {
    await h.call('screenPop', { type: 'sobject', params: { recordId: PAT } });
    const created = await h.call('saveLog', {
      value: { entityApiName: 'Task', Subject: 'Call 11/22/2026, 9:00:00 AM', TaskSubtype: 'Call', CallType: 'Inbound', CallObject: 'ix-7', Status: 'Completed', WhoId: PAT },
    });
    const id = (created.returnValue as { recordId: string }).recordId;
    expect(id).to.match(/^00T/);
    expect(await dom(h, 'count', `[data-task-id="${id}"]`)).to.equal(0);
    await h.call('refreshView');
    await eventually(async () => (await dom(h, 'count', `[data-task-id="${id}"]`)) === 1);

    const updated = await h.call('saveLog', { value: { Id: id, CallDurationInSeconds: 75, CallDisposition: 'Resolved' } });
    expect(updated.returnValue).to.deep.equal({ recordId: id });
    await h.call('refreshView');
    const tasks = (await h.get<{ tasks: Array<Record<string, unknown>> }>('/tasks')).tasks.filter((t) => t['CallObject'] === 'ix-7');
    expect(tasks).to.have.length(1);
    expect(tasks[0]).to.include({ Id: id, CallDurationInSeconds: 75, CallDisposition: 'Resolved', CallType: 'Inbound', WhoId: PAT });
    const row = (await windowState(h)).page.activity?.find((a) => a.id === id);
    expect(row).to.include({ durationSeconds: 75, disposition: 'Resolved' });
  });

  it('LMS: a subscribed listener receives what is published on its channel', async () => {
    const heard = listener();
    const sub = await h.call('subscribe', { channelName: 'CIC_Softphone__c', listener: heard.fn });
    expect(sub.success).to.equal(true);
    const first = heard.next();
    expect((await h.call('publish', { channelName: 'CIC_Softphone__c', message: { type: 'presence', cicStatus: 'Available' } })).success).to.equal(true);
    expect(await first).to.deep.equal({ type: 'presence', cicStatus: 'Available' });
    const second = heard.next();
    await h.post('/lms/publish', { channelName: 'CIC_Softphone__c', message: { type: 'from-component' } });
    expect(await second).to.deep.equal({ type: 'from-component' });
    await h.call('unsubscribe', { subscription: sub.subscription });
    await h.call('publish', { channelName: 'CIC_Softphone__c', message: { type: 'late' } });
    const lms = await h.get<{ messages: unknown[] }>('/lms');
    expect(lms.messages).to.have.length(3);
    expect(heard.calls).to.have.length(2);
  });

  it('Omni-Channel over the bridge channel: the toolkit status change carries its reason', async () => {
    const heard = listener();
    await h.call('subscribe', { channelName: 'CIC_Omni_Bridge__c', listener: heard.fn });
    const statuses = await h.get<{ statuses: Array<{ statusId: string; statusApiName: string }> }>('/omni');
    const busy = statuses.statuses.find((s) => s.statusApiName === 'Busy_On_Phone')?.statusId;
    await h.call('publish', { channelName: 'CIC_Omni_Bridge__c', message: { type: 'omni.request', requestId: 'x1', method: 'setServicePresenceStatus', args: { statusId: busy } } });
    const changed = (await heard.first((m) => (m as Record<string, unknown>)['name'] === 'omniChannelStatusChanged')) as Record<string, unknown>;
    expect(changed['params']).to.include({ statusApiName: 'Busy_On_Phone', reason: 'OmniToolkitStatusChange' });
    const response = (await heard.first((m) => (m as Record<string, unknown>)['type'] === 'omni.response')) as Record<string, unknown>;
    expect(response).to.include({ requestId: 'x1', ok: true });
    expect(await dom(h, 'text', '#utility-omni')).to.contain('Busy - On Phone');
  });

  it('onNavigationChange fires for records the agent opens', async () => {
    const nav = listener();
    h.raw('onNavigationChange', { listener: nav.fn });
    await eventually(async () => (await openCtiLog(h)).some((e) => e.method === 'onNavigationChange'));
    const first = nav.next();
    await dom(h, 'click', `#workspace [data-record-link="${ACME}"]`);
    expect(await first).to.deep.include({ recordId: ACME, recordName: 'Acme Corporation', objectType: 'Account' });
    const second = nav.next();
    await h.post('/navigate', { recordId: PAT });
    expect(await second).to.deep.include({ recordId: PAT, objectType: 'Contact' });
    const back = nav.next();
    await dom(h, 'click', '#tabs li:nth-child(2) .tab-label');
    expect(await back).to.deep.include({ recordId: ACME });
    const info = await h.call('getAppViewInfo');
    expect(info.returnValue).to.deep.include({ recordId: ACME, url: `${h.url}/lightning/r/Account/${ACME}/view` });
  });

  it('the utility item shows the icon and label the softphone sets; the agent can minimise and restore the panel', async () => {
    await h.call('setSoftphoneItemIcon', { key: 'incoming_call' });
    await h.call('setSoftphoneItemLabel', { label: 'Pat Doe calling' });
    await eventually(async () => (await dom(h, 'text', '#utility-label')) === 'Pat Doe calling');
    expect(await dom(h, 'attr', '#utility-softphone svg', 'data-icon')).to.equal('incoming_call');
    expect((await h.call('isSoftphonePanelVisible')).returnValue).to.deep.equal({ visible: false });
    await dom(h, 'click', '#utility-softphone');
    await eventually(async () => ((await h.call('isSoftphonePanelVisible')).returnValue as { visible: boolean }).visible);
    await dom(h, 'click', '#panel-minimize');
    await eventually(async () => !((await h.call('isSoftphonePanelVisible')).returnValue as { visible: boolean }).visible);
    await h.call('setSoftphonePanelVisibility', { visible: true });
    expect(await dom(h, 'attr', '#softphone-panel', 'class')).to.not.contain('minimized');
  });

  it('ignores Open CTI messages from the right origin but not the softphone frame', async () => {
    const before = (await openCtiLog(h)).length;
    // The test page shares the adapter's origin, but it is not the softphone frame.
    h.consoleFrame.contentWindow?.postMessage({ protocol: 'cic-lightning-console-emulator/1', kind: 'call', instanceId: 'x', requestId: 1, method: 'enableClickToDial', args: null }, h.url);
    const w = await eventually(async () => {
      const s = await windowState(h);
      return s.ignoredMessages.length > 0 ? s : undefined;
    });
    expect(w.ignoredMessages[0]).to.deep.equal({ origin: h.pageOrigin, reason: 'not the softphone frame' });
    expect((await h.call('getAppViewInfo')).success).to.equal(true);
    const log = await openCtiLog(h);
    expect(log.slice(before).map((e) => e.method)).to.deep.equal(['getAppViewInfo']);
  });

  it('ignores Open CTI messages from a foreign origin', async () => {
    const other = await openConsole();
    // A relay page on the second emulator's origin posts to the first console frame (frames[0]).
    const relayReady = nextMessage((d) => (d as { __testAdapter?: string } | null)?.__testAdapter === 'relay-ready');
    const relay = document.createElement('iframe');
    relay.src = `${other.url}/__console/test-adapter.html?role=relay`;
    document.body.append(relay);
    await relayReady;
    const index = Array.from(window.frames).indexOf(h.consoleFrame.contentWindow as Window);
    const posted = nextMessage((d) => (d as { __testAdapter?: string } | null)?.__testAdapter === 'posted');
    relay.contentWindow?.postMessage(
      { __testAdapter: 'post-to-frame', frameIndex: index, message: { protocol: 'cic-lightning-console-emulator/1', kind: 'call', instanceId: 'x', requestId: 1, method: 'setSoftphoneItemLabel', args: { label: 'hijacked' } } },
      other.url,
    );
    await posted;
    const w = await eventually(async () => {
      const s = await windowState(h);
      return s.ignoredMessages.length > 0 ? s : undefined;
    });
    expect(w.ignoredMessages).to.deep.equal([{ origin: other.url, reason: 'wrong origin' }]);
    expect(w.utility.itemLabel).to.equal('Phone');
    expect((await openCtiLog(h)).some((e) => e.method === 'setSoftphoneItemLabel')).to.equal(false);
    relay.remove();
  });
});
