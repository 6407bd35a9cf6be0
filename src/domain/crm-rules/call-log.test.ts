import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Effect } from '../effects.js';
import type { Input } from '../inputs.js';
import type { SoftphoneState } from '../softphone-state.js';
import {
  added,
  ALERTING_CAPS,
  changed,
  CONNECTED_CAPS,
  iid,
  inbound,
  item,
  loggedOn,
  ofKind,
  removed,
  run,
  T0,
} from '../testing/fixtures.js';
import { defaultCrmSettings, type CrmSettings } from './crm-config.js';
import type { CrmRecordRef } from './crm-records.js';
import { selectCallLog, selectCrmStatus } from './crm-selectors.js';
import { RETRY_DELAYS_MS } from './crm-step.js';

const settings = (patch: Partial<CrmSettings['callLog']> = {}): CrmSettings => ({
  ...defaultCrmSettings(),
  callLog: { ...defaultCrmSettings().callLog, ...patch },
});
const ready = (s: CrmSettings = settings()): Input => ({ kind: 'obs.crm.ready', settings: s, problems: [] });
const ref = (id: string, name: string, objectType: string): CrmRecordRef => ({ id, name, objectType, personAccount: false, accountId: null, contactId: null });
const PAT = ref('003Dm0000000001IAA', 'Pat Doe', 'Contact');
const ACME = ref('001Dm0000000003IAA', 'Acme Corporation', 'Account');
const OPP = ref('006Dm0000000001IAA', 'Acme renewal', 'Opportunity');

/** Logged on with Open CTI ready; an inbound call alerting (T0+1s) and connected (T0+5s). */
function connected(s: CrmSettings = settings()): ReturnType<typeof run> {
  return run(
    loggedOn(),
    ready(s),
    added('1', inbound('A', ALERTING_CAPS), T0 + 1000),
    { kind: 'obs.crm.matches', interactionId: iid('1'), records: [PAT] },
    changed('1', { Eic_State: 'C', Eic_Capabilities: String(CONNECTED_CAPS) }, T0 + 5000),
  );
}
const saves = (r: { effects: readonly Effect[] }) => ofKind(r.effects, 'crm.saveLog');
const confirm = (_state: SoftphoneState, seq: number, now?: number): Input => ({
  kind: 'obs.crm.logSaved',
  interactionId: iid('1'),
  seq,
  taskId: '00TDm0000000099IAA',
  ...(now === undefined ? {} : { now }),
});

describe('call log: the Task of an interaction', () => {
  it('creates the Task when the call connects, with the call fields and the popped Contact as Name', () => {
    const r = connected();
    const s = saves(r);
    assert.equal(s.length, 1);
    assert.equal(s[0]?.taskId, null);
    assert.deepEqual(s[0]?.fields, {
      TaskSubtype: 'Call',
      Status: 'Completed',
      Subject: 'Call 1/15/2024, 9:00:05 AM',
      CallType: 'Inbound',
      CallObject: '1',
      ActivityDate: '2024-01-15',
      WhoId: PAT.id,
    });
  });
  it('does not create a Task for a call that was never connected, nor before Open CTI is ready', () => {
    const alerting = run(loggedOn(), ready(), added('1', inbound('A', ALERTING_CAPS), T0 + 1000), removed(['1'], T0 + 9000));
    assert.deepEqual(saves(alerting), []);
    const early = run(loggedOn(), added('1', inbound('C', CONNECTED_CAPS), T0 + 1000));
    assert.deepEqual(saves(early), []);
    const late = run(early.state, ready());
    assert.equal(saves(late).length, 1, 'created once Open CTI answers: calls before it are not lost');
  });
  it('never creates twice: updates wait for the create and carry the Task id', () => {
    const r = connected();
    const seq = saves(r)[0]?.seq ?? -1;
    const edited = run(r.state, { kind: 'intent.callLog.edit', interactionId: iid('1'), description: 'Wants a refund' });
    assert.deepEqual(saves(edited), [], 'nothing new while the create is in flight');
    const after = run(edited.state, confirm(edited.state, seq));
    const update = saves(after);
    assert.equal(update.length, 1);
    assert.equal(update[0]?.taskId, '00TDm0000000099IAA');
    assert.deepEqual(update[0]?.fields, { Description: 'Wants a refund' });
    const done = run(after.state, confirm(after.state, update[0]?.seq ?? -1));
    assert.deepEqual(saves(done), []);
    assert.equal(selectCallLog(done.state, '1')?.save.status, 'saved');
    const again = run(done.state, changed('1', { Eic_State: 'H' }, T0 + 7000), changed('1', { Eic_State: 'C' }, T0 + 8000));
    assert.deepEqual(saves(again), [], 'hold and unhold change no Task field');
  });
  it('updates duration at disconnect and CallDisposition after wrap-up', () => {
    const r = connected();
    const s1 = run(r.state, confirm(r.state, saves(r)[0]?.seq ?? -1));
    const hung = run(s1.state, changed('1', { Eic_State: 'E' }, T0 + 65_000));
    const u = saves(hung);
    assert.deepEqual(u[0]?.fields, { CallDurationInSeconds: 60 });
    const s2 = run(hung.state, confirm(hung.state, u[0]?.seq ?? -1));
    const wrapped = run(
      s2.state,
      { kind: 'obs.config.wrapUpCodes', workgroups: [{ workgroup: 'Support', codes: [{ id: 'W1', label: 'Sale', description: 'Sale' }] }] },
      changed('1', { Eic_WrapUpCode: 'W1' }, T0 + 70_000),
    );
    assert.deepEqual(saves(wrapped)[0]?.fields, { CallDisposition: 'Sale' });
  });
  it('keeps the log editable for the edit window after disconnect, then refuses edits and forgets it', () => {
    const r = connected(settings({ editWindowMs: 60_000 }));
    const s1 = run(r.state, confirm(r.state, saves(r)[0]?.seq ?? -1), changed('1', { Eic_State: 'E' }, T0 + 10_000));
    const u = saves(s1)[0];
    const s2 = run(s1.state, confirm(s1.state, u?.seq ?? -1), { kind: 'clock.tick', now: T0 + 40_000 });
    assert.equal(selectCallLog(s2.state, '1')?.editable, true);
    assert.equal(selectCallLog(s2.state, '1')?.editRemainingMs, 30_000);
    const late = run(s2.state, { kind: 'clock.tick', now: T0 + 70_001 }, { kind: 'intent.callLog.edit', interactionId: iid('1'), description: 'late' });
    assert.equal(late.diagnostics.at(-1)?.reason, 'editWindowClosed');
    assert.deepEqual(saves(late), []);
    const gone = run(late.state, removed(['1'], T0 + 71_000));
    assert.equal(selectCallLog(gone.state, '1'), null);
  });
  it('retries a failed save with backoff, shows the error, and retries at once on request', () => {
    const r = connected();
    const seq = saves(r)[0]?.seq ?? -1;
    const failed = run(r.state, { kind: 'obs.crm.logFailed', interactionId: iid('1'), seq, message: 'Name ID: invalid cross reference id', now: T0 + 6000 });
    const view = selectCallLog(failed.state, '1');
    assert.deepEqual(view?.save, { status: 'failed', error: 'Name ID: invalid cross reference id', attempts: 1, retryAt: T0 + 6000 + RETRY_DELAYS_MS[0] });
    assert.equal(selectCrmStatus(failed.state).failedWrites, 1);
    const early = run(failed.state, { kind: 'clock.tick', now: T0 + 6000 + RETRY_DELAYS_MS[0] - 1 });
    assert.deepEqual(saves(early), []);
    const retried = run(early.state, { kind: 'clock.tick', now: T0 + 6000 + RETRY_DELAYS_MS[0] });
    assert.equal(saves(retried).length, 1);
    assert.equal(saves(retried)[0]?.taskId, null, 'a failed create is retried as a create');
    const failedAgain = run(retried.state, { kind: 'obs.crm.logFailed', interactionId: iid('1'), seq: saves(retried)[0]?.seq ?? -1, message: 'x' });
    const manual = run(failedAgain.state, { kind: 'intent.callLog.retry', interactionId: iid('1') });
    assert.equal(saves(manual).length, 1);
  });
  it('ignores confirmations for writes it no longer waits for', () => {
    const r = connected();
    const stale = run(r.state, confirm(r.state, 999));
    assert.equal(stale.diagnostics.at(-1)?.code, 'stale');
    assert.equal(selectCallLog(stale.state, '1')?.taskId, null);
  });
  it('keeps the outbox serialisable', () => {
    const r = connected();
    const copy = JSON.parse(JSON.stringify(r.state)) as SoftphoneState;
    assert.deepEqual(copy.crm, r.state.crm);
    assert.equal(Object.keys(copy.crm.outbox).length, 1);
  });
  it('maps interaction attributes and keywords to Task fields, never over the call fields', () => {
    const s = settings({ attributeMap: [['ANI', 'CallDisposition'], ['Account_No', 'Description'], ['Subject_X', 'Subject']] });
    const r = run(loggedOn(), ready(s), added('1', inbound('C', CONNECTED_CAPS, { Account_No: 'A-42', Subject_X: 'no' }), T0 + 1000));
    const f = saves(r)[0]?.fields ?? {};
    assert.equal(f['CallDisposition'], '+13175551234');
    assert.equal(f['Description'], 'A-42');
    assert.match(String(f['Subject']), /^Call /);
  });
});

describe('call log: Name and Related To', () => {
  it('lists every search match and selects none when several match', () => {
    const jordan = ref('003Dm0000000002IAA', 'Jordan Lee', 'Contact');
    const casey = ref('003Dm0000000003IAA', 'Casey Lee', 'Contact');
    const r = run(loggedOn(), ready(), added('1', inbound('A', ALERTING_CAPS), T0), { kind: 'obs.crm.matches', interactionId: iid('1'), records: [jordan, casey] });
    const v = selectCallLog(r.state, '1');
    assert.deepEqual(v?.names.map((n) => n.name), ['Jordan Lee', 'Casey Lee']);
    assert.equal(v?.whoId, null);
  });
  it('adds records the agent navigates to during the call and selects them (auto-association)', () => {
    const r = connected();
    const nav = run(r.state, { kind: 'obs.crm.navigation', record: ACME }, { kind: 'obs.crm.navigation', record: OPP });
    const v = selectCallLog(nav.state, '1');
    assert.deepEqual(v?.related.map((x) => x.id), [ACME.id, OPP.id]);
    assert.equal(v?.whatId, OPP.id);
    const off = connected(settings({ autoAssociateOnNavigation: false }));
    const nav2 = run(off.state, { kind: 'obs.crm.navigation', record: ACME });
    assert.deepEqual(selectCallLog(nav2.state, '1')?.related, []);
  });
  it('keeps the agent’s choice and saves it; refuses records that are not candidates', () => {
    const r = connected();
    const s1 = run(r.state, confirm(r.state, saves(r)[0]?.seq ?? -1), { kind: 'obs.crm.navigation', record: ACME }, { kind: 'obs.crm.navigation', record: OPP });
    const chose = run(s1.state, { kind: 'intent.callLog.edit', interactionId: iid('1'), whatId: ACME.id });
    assert.equal(selectCallLog(chose.state, '1')?.whatId, ACME.id);
    const inFlight = saves(s1);
    assert.deepEqual(inFlight.map((e) => e.fields), [{ WhatId: ACME.id }], 'one write in flight; later changes wait');
    const s2 = run(chose.state, confirm(chose.state, inFlight[0]?.seq ?? -1));
    assert.deepEqual(saves(s2), []);
    assert.equal(s2.state.crm.logs['1']?.confirmed['WhatId'], ACME.id);
    const later = run(s2.state, { kind: 'obs.crm.navigation', record: ref('500Dm0000000001IAA', 'Case 1', 'Case') });
    assert.equal(selectCallLog(later.state, '1')?.whatId, ACME.id);
    const bad = run(later.state, { kind: 'intent.callLog.edit', interactionId: iid('1'), whoId: '003Dm0000000077IAA' });
    assert.equal(bad.diagnostics.at(-1)?.reason, 'unknownName');
  });
  it('drops Related To while the Name is a Lead', () => {
    const lead = ref('00QDm0000000001IAA', 'Taylor Kim', 'Lead');
    const r = run(loggedOn(), ready(), added('1', inbound('A', ALERTING_CAPS), T0), { kind: 'obs.crm.matches', interactionId: iid('1'), records: [lead, ACME] }, changed('1', { Eic_State: 'C' }, T0 + 1000));
    const f = saves(r)[0]?.fields ?? {};
    assert.equal(f['WhoId'], lead.id);
    assert.equal('WhatId' in f, false);
    assert.equal(selectCallLog(r.state, '1')?.relatedAllowed, false);
  });
});

describe('click-to-dial', () => {
  const click = (record: CrmRecordRef | null = ACME, now = T0 + 1000): Input => ({ kind: 'obs.crm.clickToDial', number: '(317) 555-0103', record, now });
  it('dials at once, ignores repeated clicks while dialing, and associates the record with the Task', () => {
    const r = run(loggedOn(), ready(), click(), click(ACME, T0 + 1200), click(ACME, T0 + 9000));
    const calls = ofKind(r.effects, 'cic.createCall');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.target, '(317) 555-0103');
    assert.equal(r.diagnostics.filter((d) => d.reason === 'clickToDialDialing').length, 2);
    const created = run(
      r.state,
      { kind: 'obs.call.created', requestId: calls[0]?.requestId ?? '', interactionId: iid('9') },
      added('9', inbound('R', CONNECTED_CAPS, { Eic_CallDirection: 'O' }), T0 + 2000),
    );
    assert.equal(selectCrmStatus(created.state).dialing?.number, '(317) 555-0103', 'still dialing while proceeding');
    const answered = run(created.state, changed('9', { Eic_State: 'C' }, T0 + 3000));
    const task = saves(answered)[0]?.fields ?? {};
    assert.equal(task['CallType'], 'Outbound');
    assert.equal(task['WhatId'], ACME.id);
    assert.equal(selectCrmStatus(answered.state).dialing, null);
    const next = run(answered.state, click(ACME, T0 + 4000));
    assert.equal(ofKind(next.effects, 'cic.createCall').length, 1, 'a new click dials once the first call is up');
  });
  it('prefills Make a Call when Advanced Dial is open, and associates when the agent dials it', () => {
    const r = run(loggedOn(), ready(), { kind: 'intent.clickToDial.advanced', open: true }, click(PAT));
    assert.deepEqual(ofKind(r.effects, 'cic.createCall'), []);
    assert.equal(selectCrmStatus(r.state).prefill, '(317) 555-0103');
    const dialed = run(r.state, { kind: 'intent.dial', number: '(317) 555-0103', source: 'keypad', advanced: { accountCodeId: null, workgroup: null }, now: T0 + 2000 });
    const req = ofKind(dialed.effects, 'cic.createCall')[0]?.requestId ?? '';
    const up = run(dialed.state, { kind: 'obs.call.created', requestId: req, interactionId: iid('7') }, added('7', inbound('C', CONNECTED_CAPS, { Eic_CallDirection: 'O' }), T0 + 3000));
    assert.equal(saves(up)[0]?.fields['WhoId'], PAT.id);
  });
  it('stops guarding when the dial fails', () => {
    const r = run(loggedOn(), ready(), click());
    const req = ofKind(r.effects, 'cic.createCall')[0]?.requestId ?? null;
    const failed = run(r.state, { kind: 'obs.command.failed', operation: 'createCall', interactionId: null, requestId: req, errorKind: 'rejected', errorId: null, message: null });
    assert.equal(selectCrmStatus(failed.state).dialing, null);
  });
});

describe('panel and utility item', () => {
  it('shows the panel on alerting only when the setting allows it', () => {
    const on = run(loggedOn(), ready(), added('1', inbound('A', ALERTING_CAPS), T0));
    assert.equal(ofKind(on.effects, 'ui.panel.show').length, 1);
    const off = run(loggedOn(), ready({ ...settings(), showOnAlerting: false }), added('1', inbound('A', ALERTING_CAPS), T0));
    assert.deepEqual(ofKind(off.effects, 'ui.panel.show'), []);
  });
  it('sets the utility icon and status as calls come and go, once per change', () => {
    const r = run(loggedOn(), ready(), added('1', inbound('A', ALERTING_CAPS), T0), changed('1', { Eic_State: 'C' }, T0 + 1000), { kind: 'clock.tick', now: T0 + 2000 }, changed('1', { Eic_State: 'E' }, T0 + 3000));
    assert.deepEqual(
      ofKind(r.effects, 'crm.utility').map((u) => `${u.icon}/${u.status}/${u.count}`),
      ['call/idle/0', 'incoming_call/alerting/1', 'end_call/onCall/1', 'call/idle/0'],
    );
  });
});

describe('View in Salesforce', () => {
  it('opens the Task once it is saved', () => {
    const r = connected();
    const asked = run(r.state, { kind: 'intent.callLog.open', interactionId: iid('1') });
    assert.deepEqual(ofKind(asked.effects, 'crm.openRecord'), []);
    const s = run(asked.state, confirm(asked.state, saves(r)[0]?.seq ?? -1));
    assert.deepEqual(ofKind(s.effects, 'crm.openRecord'), [{ kind: 'crm.openRecord', recordId: '00TDm0000000099IAA' }]);
  });
});

describe('conference logs', () => {
  it('gives the conference its own log with its members’ records', () => {
    const r = connected();
    const conf = run(
      r.state,
      added('C1', { ...inbound('C', CONNECTED_CAPS), Eic_ObjectType: 'Conference', Eic_RemoteAddress: '' }, T0 + 9000),
      { kind: 'obs.queue.delta', added: [], changed: [item('1', { Eic_ConferenceId: 'C1' }, 'C1')], removed: [], now: T0 + 9000 },
    );
    const s = saves(conf).find((e) => e.interactionId === 'C1');
    assert.match(String(s?.fields['Subject']), /^Conference /);
    assert.equal(selectCallLog(conf.state, 'C1')?.conference, true);
    assert.equal(selectCallLog(conf.state, 'C1')?.whoId, PAT.id, 'the member’s Contact joins the conference log');
    assert.equal(selectCallLog(conf.state, '1')?.conference, true);
  });
});

describe('state identity', () => {
  it('changes no state on a clock tick when nothing is due', () => {
    const r = connected();
    const settled = run(r.state, confirm(r.state, saves(r)[0]?.seq ?? -1));
    const tick = run(settled.state, { kind: 'clock.tick', now: T0 + 6000 });
    assert.equal(tick.state.crm, settled.state.crm);
    assert.deepEqual(tick.effects, []);
  });
  it('forgets finished logs outside Salesforce after the default window', () => {
    const r = run(loggedOn(), added('1', inbound('C', CONNECTED_CAPS), T0 + 1000), removed(['1'], T0 + 2000));
    assert.notEqual(selectCallLog(r.state, '1'), null);
    const later = run(r.state, { kind: 'clock.tick', now: T0 + 2000 + 120_000 });
    assert.equal(selectCallLog(later.state, '1'), null);
  });
});

describe('wire-named keys', () => {
  it('treats ids and workgroups such as "constructor" and "__proto__" as plain keys', () => {
    const r = run(
      loggedOn(),
      ready(),
      added('constructor', inbound('C', CONNECTED_CAPS, { Eic_WorkgroupName: 'constructor', Eic_WrapUpCode: 'W9' }), T0 + 1000),
      added('__proto__', inbound('C', CONNECTED_CAPS), T0 + 1000),
    );
    assert.equal(selectCallLog(r.state, 'constructor')?.disposition, 'W9');
    assert.equal(saves(r).filter((e) => e.interactionId === 'constructor').length, 1);
    assert.equal(saves(r).filter((e) => e.interactionId === '__proto__').length, 1);
  });
});
