import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  defaultCrmSettings,
  interactionId,
  type CrmRecordRef,
  type CrmSettings,
  type CrmSettingProblem,
  type Observation,
} from '../../../src/domain/index.js';
import {
  ALERTING_CAPS,
  CONNECTED_CAPS,
  inboundCall,
  server,
  SoftphoneHarness,
} from '../../support/softphone-harness.js';

const ref = (id: string, name: string, objectType: string): CrmRecordRef => ({
  id,
  name,
  objectType,
  personAccount: false,
  accountId: null,
  contactId: null,
});
const PAT = ref('003Dm0000000001IAA', 'Pat Doe', 'Contact');
const SAM = ref('003Dm0000000002IAA', 'Sam Doe', 'Contact');
const LEE = ref('00QDm0000000001IAA', 'Lee Lead', 'Lead');
const ACME = ref('001Dm0000000003IAA', 'Acme Corporation', 'Account');
const OPP = ref('006Dm0000000001IAA', 'Acme renewal', 'Opportunity');
const TASK_ID = '00TDm0000000099IAA';

function settings(editWindowMs = 120_000): CrmSettings {
  const d = defaultCrmSettings();
  return { ...d, callLog: { ...d.callLog, editWindowMs } };
}

const crm = {
  ready(s: CrmSettings = settings(), problems: readonly CrmSettingProblem[] = []): Observation {
    return { kind: 'obs.crm.ready', settings: s, problems };
  },
  matches(id: string, ...records: CrmRecordRef[]): Observation {
    return { kind: 'obs.crm.matches', interactionId: interactionId(id), records };
  },
  navigation(record: CrmRecordRef): Observation {
    return { kind: 'obs.crm.navigation', record };
  },
};

/** Logged on inside Salesforce; an inbound call from Pat alerting, found in Salesforce, then connected. */
async function connectedCall(
  options: { width?: number; editWindowMs?: number; records?: CrmRecordRef[] } = {},
): Promise<SoftphoneHarness> {
  const h = await SoftphoneHarness.loggedOn(options.width === undefined ? {} : { width: options.width });
  await h.feed(
    crm.ready(settings(options.editWindowMs)),
    server.added('1001', inboundCall('A', ALERTING_CAPS)),
    crm.matches('1001', ...(options.records ?? [PAT])),
  );
  await h.tick(4000);
  await h.feed(server.changed('1001', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }));
  return h;
}

/** Opens the call log with the pencil of the row. */
async function openLog(h: SoftphoneHarness, name = 'Pat Caller'): Promise<void> {
  await h.click({ role: 'button', name: `Call Log: ${name}` });
  expect(h.has({ role: 'heading', name: 'Call Log' })).to.equal(true);
}

const field = (h: SoftphoneHarness, name: string) =>
  h.get({ name, within: 'Call Log' }) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const options = (h: SoftphoneHarness, name: string) =>
  [...(field(h, name) as HTMLSelectElement).options].map((o) => o.label.trim());
const staticField = (h: SoftphoneHarness, key: string): string => {
  const log = h.element.shadowRoot!.querySelector('cic-call-log')!;
  return log.shadowRoot!.querySelector(`[data-field="${key}"]`)?.textContent?.trim() ?? '';
};

const accessibleNameOfFocused = (h: SoftphoneHarness): string => h.focused()?.textContent?.trim() ?? '';

/** Confirms the pending Task write (create or update) as Salesforce would. */
async function confirmSave(h: SoftphoneHarness): Promise<void> {
  const save = h.effectsOf('crm.saveLog').at(-1)!;
  await h.feed({
    kind: 'obs.crm.logSaved',
    interactionId: interactionId('1001'),
    seq: save.seq,
    taskId: TASK_ID,
  });
}

describe('Call log view', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('opens from the pencil of a row and saves only the fields the agent changed', async () => {
    const h = await connectedCall();
    await openLog(h);
    expect(staticField(h, 'interaction')).to.equal('Pat Caller +13175551234');
    expect((field(h, 'Subject') as HTMLInputElement).value).to.equal('Call 1/15/2024, 9:00:04 AM');
    expect((field(h, 'Name') as HTMLSelectElement).value).to.equal(PAT.id);
    expect(h.text()).to.contain('Saving…');
    expect(h.button('Save', 'Call Log').disabled, 'nothing changed yet').to.equal(true);
    expect(h.a11yProblems()).to.deep.equal([]);

    await confirmSave(h);
    expect(h.text()).to.contain('Saved in Salesforce.');

    await h.type({ name: 'Comments', within: 'Call Log' }, 'Wants a refund');
    await h.type({ name: 'Subject', within: 'Call Log' }, 'Refund call');
    const before = h.intents.length;
    await h.click({ role: 'button', name: 'Save', within: 'Call Log' });
    expect(h.intents.slice(before)).to.deep.equal([
      {
        kind: 'intent.callLog.edit',
        interactionId: '1001',
        subject: 'Refund call',
        description: 'Wants a refund',
      },
    ]);
    expect(h.effectsOf('crm.saveLog').at(-1)!.fields).to.deep.equal({
      Subject: 'Refund call',
      Description: 'Wants a refund',
    });
    expect(h.has({ role: 'status', name: /Saving…/ }) || h.text().includes('Saving…')).to.equal(true);
    expect((field(h, 'Comments') as HTMLTextAreaElement).value).to.equal('Wants a refund');
  });

  it('Name and Related To list the screen-pop matches and the records the agent navigates to', async () => {
    const h = await connectedCall({ records: [PAT, SAM] });
    await h.feed(crm.navigation(ACME), crm.navigation(OPP));
    await openLog(h);
    expect(options(h, 'Name')).to.deep.equal(['--None--', 'Pat Doe (Contact)', 'Sam Doe (Contact)']);
    expect(options(h, 'Related To')).to.deep.equal([
      '--None--',
      'Acme Corporation (Account)',
      'Acme renewal (Opportunity)',
    ]);
    await h.select({ role: 'combobox', name: 'Name', within: 'Call Log' }, 'Sam Doe (Contact)');
    // With auto-association the record navigated to last is already chosen.
    expect((field(h, 'Related To') as HTMLSelectElement).value).to.equal(OPP.id);
    await h.select(
      { role: 'combobox', name: 'Related To', within: 'Call Log' },
      'Acme Corporation (Account)',
    );
    await h.click({ role: 'button', name: 'Save', within: 'Call Log' });
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.callLog.edit',
      interactionId: '1001',
      whoId: SAM.id,
      whatId: ACME.id,
    });
    expect((field(h, 'Name') as HTMLSelectElement).value).to.equal(SAM.id);
    expect((field(h, 'Related To') as HTMLSelectElement).value).to.equal(ACME.id);
  });

  it('a Lead as Name disables Related To and says why', async () => {
    const h = await connectedCall({ records: [PAT, LEE] });
    await h.feed(crm.navigation(ACME));
    await openLog(h);
    const related = field(h, 'Related To') as HTMLSelectElement;
    expect(related.disabled).to.equal(false);
    await h.select({ role: 'combobox', name: 'Name', within: 'Call Log' }, 'Lee Lead (Lead)');
    expect((field(h, 'Related To') as HTMLSelectElement).disabled).to.equal(true);
    expect(h.text()).to.contain('A Lead cannot have a Related To record.');
    await h.click({ role: 'button', name: 'Save', within: 'Call Log' });
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.callLog.edit',
      interactionId: '1001',
      whoId: LEE.id,
    });
    // Saved: the log itself now names the Lead.
    expect((field(h, 'Related To') as HTMLSelectElement).disabled).to.equal(true);
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('counts down the edit window after disconnect, then is read-only', async () => {
    const h = await connectedCall({ editWindowMs: 60_000 });
    await openLog(h);
    expect(h.text()).not.to.contain('Editable for');
    await h.feed(server.changed('1001', { Eic_State: 'I', Eic_CallStateString: 'Disconnected' }));
    expect(h.text()).to.contain('Editable for 1:00.');
    await h.tick(10_000);
    expect(h.text()).to.contain('Editable for 0:50.');
    expect(staticField(h, 'duration')).to.not.equal('');
    await h.type({ name: 'Comments', within: 'Call Log' }, 'Call back Friday');
    await h.click({ role: 'button', name: 'Save', within: 'Call Log' });
    expect(h.lastIntent()).to.include({ kind: 'intent.callLog.edit', description: 'Call back Friday' });

    await h.tick(50_001);
    expect(h.text()).to.contain('The time to edit is over.');
    expect(h.text()).not.to.contain('Editable for');
    for (const name of ['Subject', 'Comments', 'Name', 'Related To'])
      expect((field(h, name) as HTMLInputElement).disabled, name).to.equal(true);
    expect(h.has({ role: 'button', name: 'Save', within: 'Call Log' })).to.equal(false);
    expect((field(h, 'Comments') as HTMLTextAreaElement).value).to.equal('Call back Friday');
  });

  it('shows a failed save with the error and Retry', async () => {
    const h = await connectedCall();
    await openLog(h);
    const save = h.effectsOf('crm.saveLog').at(-1)!;
    await h.feed({
      kind: 'obs.crm.logFailed',
      interactionId: interactionId('1001'),
      seq: save.seq,
      message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Subject is required',
    });
    const alert = h.get({ role: 'alert' });
    expect(alert.textContent).to.contain(
      'The call log could not be saved: FIELD_CUSTOM_VALIDATION_EXCEPTION: Subject is required',
    );
    expect(alert.textContent).to.contain('Attempt 1 failed; trying again in 0:05.');
    await h.click({ role: 'button', name: 'Retry', within: 'Call Log' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.callLog.retry', interactionId: '1001' });
    expect(h.effectsOf('crm.saveLog').at(-1)!.seq).to.be.greaterThan(save.seq);
    expect(h.text()).to.contain('Saving…');
    expect(h.has({ role: 'alert' })).to.equal(false);
  });

  it('View in Salesforce saves pending edits, then pops the Task', async () => {
    const h = await connectedCall();
    await openLog(h);
    await confirmSave(h);
    await h.type({ name: 'Comments', within: 'Call Log' }, 'Asked about invoices');
    const before = h.intents.length;
    await h.click({ role: 'button', name: 'View in Salesforce', within: 'Call Log' });
    expect(h.intents.slice(before)).to.deep.equal([
      { kind: 'intent.callLog.edit', interactionId: '1001', description: 'Asked about invoices' },
      { kind: 'intent.callLog.open', interactionId: '1001' },
    ]);
    expect(h.effectsOf('crm.openRecord')).to.deep.equal([], 'not before Salesforce confirms the update');
    await confirmSave(h);
    expect(h.effectsOf('crm.openRecord').map((e) => e.recordId)).to.deep.equal([TASK_ID]);
  });

  it('the menu opens the selected interaction’s log; several logs get a chooser', async () => {
    const h = await connectedCall();
    await h.feed(
      server.added(
        '1002',
        inboundCall('C', CONNECTED_CAPS, { Eic_RemoteName: 'Kim Other', Eic_RemoteAddress: '+13175559999' }),
      ),
    );
    await h.click({ role: 'option', name: /Kim Other/ });
    await h.click('Menu');
    await h.click({ role: 'menuitem', name: 'Call Log' });
    const chooser = field(h, 'Interaction') as HTMLSelectElement;
    expect(chooser.value).to.equal('1002');
    expect(options(h, 'Interaction')).to.deep.equal(['Pat Caller +13175551234', 'Kim Other +13175559999']);
    await h.select({ role: 'combobox', name: 'Interaction', within: 'Call Log' }, 'Pat Caller +13175551234');
    expect((field(h, 'Name') as HTMLSelectElement).value).to.equal(PAT.id);
    // The pencil of Kim's row shows Kim's log again.
    await h.click({ role: 'button', name: 'My Interactions', within: 'Views' });
    await openLog(h, 'Kim Other');
    expect((field(h, 'Interaction') as HTMLSelectElement).value).to.equal('1002');
  });

  it('is reachable with the keyboard: Menu > Call Log, then Tab through the fields', async () => {
    const h = await connectedCall();
    await confirmSave(h);
    await h.click('Menu');
    expect(accessibleNameOfFocused(h), 'the first menu item').to.equal('Call Log');
    await h.press('Enter');
    expect(h.has({ role: 'heading', name: 'Call Log' })).to.equal(true);
    const names = (await h.tabOrder()).map((el) => `${el.tagName} ${el.id}`);
    const start = names.indexOf('INPUT call-log-subject');
    expect(names.slice(start, start + 5)).to.deep.equal([
      'INPUT call-log-subject',
      'TEXTAREA call-log-comments',
      'SELECT call-log-name',
      'SELECT call-log-related',
      'BUTTON ',
    ]);
    (field(h, 'Comments') as HTMLElement).focus();
    await h.typeKeys('Typed only');
    await h.press('Tab');
    await h.press('Tab');
    await h.press('Tab');
    expect(h.focused()?.textContent?.trim()).to.equal('Save');
    await h.press('Enter');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.callLog.edit',
      interactionId: '1001',
      description: 'Typed only',
    });
  });

  it('outside Salesforce there is no pencil and no Call Log menu entry', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
    expect(h.queryAll({ role: 'button', name: /^Call Log/ })).to.have.length(0);
    await h.click('Menu');
    expect(h.has({ role: 'menuitem', name: 'Call Log' })).to.equal(false);
  });

  it('lists call-center setting problems for the admin; the rest of the panel works', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(
      crm.ready(settings(), [
        {
          setting: '/callLog/editWindowSeconds',
          message: 'not a whole number of seconds (value "two minutes"); using "120"',
        },
        {
          setting: '/screenPop/newRecordObject',
          message: 'not an object API name (value "Con tact"); using "Contact"',
        },
      ]),
    );
    const region = h.get({ role: 'region', name: 'Messages' });
    expect(region.textContent).to.contain('Problems in the call center settings');
    const items = [...region.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      '/callLog/editWindowSeconds: not a whole number of seconds (value "two minutes"); using "120"',
      '/screenPop/newRecordObject: not an object API name (value "Con tact"); using "Contact"',
    ]);
    expect(h.a11yProblems()).to.deep.equal([]);
    // Calls and their logs still work.
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
    expect(h.effectsOf('crm.saveLog')).to.have.length(1);
    await h.click({ role: 'button', name: 'Dismiss', within: 'Messages' });
    expect(h.text()).not.to.contain('Problems in the call center settings');
  });

  it('says plainly when Open CTI is not available', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed({ kind: 'obs.crm.unavailable', reason: 'getCallCenterSettings failed: no call center' });
    expect(h.text()).to.contain(
      'Salesforce Open CTI is not available: getCallCenterSettings failed: no call center',
    );
  });

  it('Make a Call: Advanced Dial tells the CRM rules, and a click-to-dial fills the number in', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(crm.ready());
    await h.click({ role: 'button', name: 'Make a Call', within: 'Views' });
    await h.click({ role: 'button', name: 'Advanced Dial', within: 'Make a Call' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.clickToDial.advanced', open: true });
    await h.click({ role: 'button', name: 'Directory', within: 'Views' });
    await h.feed({ kind: 'obs.crm.clickToDial', number: '+13175550100', record: ACME });
    // The panel shows Make a Call with the number, Advanced Dial still open.
    expect((h.get({ role: 'textbox', name: 'Dial Number' }) as HTMLInputElement).value).to.equal(
      '+13175550100',
    );
    expect(h.text()).to.contain('Number from Salesforce.');
    expect(h.button('Advanced Dial').getAttribute('aria-expanded')).to.equal('true');
    expect(h.effectsOf('cic.createCall')).to.have.length(0);
    await h.click('Call');
    expect(h.lastIntent()).to.include({ kind: 'intent.dial', number: '+13175550100' });
    expect(h.effectsOf('cic.createCall')).to.have.length(1);
    // Back in Make a Call, Advanced Dial is as the agent left it; closing it tells the rules.
    await h.click({ role: 'button', name: 'Make a Call', within: 'Views' });
    expect(h.button('Advanced Dial').getAttribute('aria-expanded')).to.equal('true');
    expect((h.get({ role: 'textbox', name: 'Dial Number' }) as HTMLInputElement).value).to.equal('');
    await h.click({ role: 'button', name: 'Advanced Dial', within: 'Make a Call' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.clickToDial.advanced', open: false });
  });

  for (const width of [200, 300]) {
    it(`fits ${width} px and every control has a name`, async () => {
      // Room for the page margin: what counts is that nothing sticks out of the panel.
      await setViewport({ width: width + 40, height: 1600 });
      const h = await connectedCall({
        width,
        records: [ref('003Dm0000000005IAA', 'Bartholomew Longname-Fitzgerald', 'Contact')],
      });
      await h.feed(
        crm.navigation(ref('001Dm0000000009IAA', 'International Widgets and Gadgets Holding', 'Account')),
      );
      await openLog(h);
      const right =
        Math.min(h.element.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
      const over = h
        .reachable()
        .filter((el) => el instanceof HTMLElement && el.getBoundingClientRect().right > right)
        .map((el) => `${el.tagName}.${(el as HTMLElement).className}`);
      expect(over).to.deep.equal([]);
      expect(h.a11yProblems()).to.deep.equal([]);
    });
  }
});
