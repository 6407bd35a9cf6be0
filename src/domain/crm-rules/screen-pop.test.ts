import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CrmInteraction } from '../effects.js';
import { interactionId } from '../ids.js';
import { defaultCrmSettings, type ScreenPopSettings } from './crm-config.js';
import { associationsOf } from './crm-records.js';
import { attributePopUrl, callTypeOf, planScreenPop } from './screen-pop.js';

const call = (patch: Partial<CrmInteraction> = {}): CrmInteraction => ({
  interactionId: interactionId('100'),
  direction: 'inbound',
  remoteAddress: '+13175550101',
  remoteName: 'Pat Doe',
  workgroup: 'Support',
  attributes: { Eic_CallType: 'E' },
  ...patch,
});
const settings = (patch: Partial<ScreenPopSettings> = {}): ScreenPopSettings => ({ ...defaultCrmSettings().screenPop, ...patch });

describe('screen-pop plan', () => {
  it('searches the caller number as an inbound call, with a new-record fallback holding the number', () => {
    assert.deepEqual(planScreenPop(call(), settings(), true), {
      kind: 'search',
      searchParams: '+13175550101',
      callType: 'Inbound',
      pop: true,
      noMatch: { entityName: 'Contact', defaultFieldValues: { Phone: '+13175550101' } },
      searchPage: null,
    });
  });
  it('uses the configured object for the new-record modal', () => {
    const plan = planScreenPop(call(), settings({ newRecordObject: 'Lead' }), true);
    assert.equal(plan?.kind === 'search' && plan.noMatch?.entityName, 'Lead');
  });
  it('only searches (never pops) in a tab the agent is not looking at, or with pops disabled', () => {
    const hidden = planScreenPop(call(), settings(), false);
    assert.equal(hidden?.kind, 'search');
    assert.equal(hidden?.kind === 'search' && hidden.pop, false);
    const off = planScreenPop(call(), settings({ enabled: false }), true);
    assert.equal(off?.kind === 'search' && off.pop, false);
  });
  it('pops a Visualforce page with ?key=<attribute value> when the custom attribute is set', () => {
    const s = settings({ attributeName: 'SF_AccountNo', attributePopType: 'url', attributePopUrl: '/apex/CustomerLookup' });
    const plan = planScreenPop(call({ attributes: { sf_accountno: 'A 42&x' } }), s, true);
    assert.deepEqual(plan, { kind: 'url', url: '/apex/CustomerLookup?key=A%2042%26x' });
    assert.equal(planScreenPop(call({ attributes: { SF_AccountNo: '42' } }), s, false), null);
  });
  it('falls back to the caller number when the attribute is empty', () => {
    const s = settings({ attributeName: 'SF_AccountNo', attributePopType: 'url', attributePopUrl: '/apex/CustomerLookup' });
    assert.equal(planScreenPop(call(), s, true)?.kind, 'search');
  });
  it('searches for the attribute value and shows the search page for attribute searches', () => {
    const s = settings({ attributeName: 'CaseNumber', attributePopType: 'search' });
    assert.deepEqual(planScreenPop(call({ attributes: { CaseNumber: '00001026' } }), s, true), {
      kind: 'search',
      searchParams: '00001026',
      callType: 'Inbound',
      pop: true,
      noMatch: null,
      searchPage: '00001026',
    });
  });
  it('builds attribute URLs: placeholder, Visualforce query, other pages unchanged', () => {
    assert.equal(attributePopUrl('/lightning/r/Case/{key}/view', '500x'), '/lightning/r/Case/500x/view');
    assert.equal(attributePopUrl('/apex/P?mode=1', 'v'), '/apex/P?mode=1&key=v');
    assert.equal(attributePopUrl('/lightning/o/Case/home', 'v'), '/lightning/o/Case/home');
  });
  it('has nothing to search without a caller number', () => {
    assert.equal(planScreenPop(call({ remoteAddress: ' ' }), settings(), true), null);
  });
  it('derives the call type', () => {
    assert.equal(callTypeOf(call()), 'Inbound');
    assert.equal(callTypeOf(call({ direction: 'outbound' })), 'Outbound');
    assert.equal(callTypeOf(call({ attributes: { Eic_CallType: 'I' } })), 'Internal');
  });
});

describe('record associations', () => {
  const ref = { personAccount: false, accountId: null, contactId: null };
  it('puts Contacts and Leads in Name, other objects in Related To, Users nowhere', () => {
    assert.deepEqual(associationsOf({ ...ref, id: '003A', name: 'Pat', objectType: 'Contact' }).names.length, 1);
    assert.deepEqual(associationsOf({ ...ref, id: '00QA', name: 'Tay', objectType: 'Lead' }).names.length, 1);
    assert.deepEqual(associationsOf({ ...ref, id: '001A', name: 'Acme', objectType: 'Account' }).related.length, 1);
    assert.deepEqual(associationsOf({ ...ref, id: '005A', name: 'Me', objectType: 'User' }), { names: [], related: [] });
  });
  it('splits a person account into its person contact (Name) and account (Related To)', () => {
    const a = associationsOf({ id: '001P', name: 'Morgan Smith', objectType: 'Account', personAccount: true, accountId: '001P', contactId: '003P' });
    assert.deepEqual(a, {
      names: [{ id: '003P', name: 'Morgan Smith', objectType: 'Contact' }],
      related: [{ id: '001P', name: 'Morgan Smith', objectType: 'Account' }],
    });
  });
});
