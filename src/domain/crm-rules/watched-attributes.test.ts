import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { initialSoftphoneState } from '../softphone-state.js';
import { logonInputs } from '../testing/agent.js';
import { loggedOn, ofKind, run } from '../testing/fixtures.js';
import { defaultCrmSettings, type CrmSettings } from './crm-config.js';

const withAttributes = (): CrmSettings => {
  const d = defaultCrmSettings();
  return {
    ...d,
    screenPop: { ...d.screenPop, attributeName: 'CRM_CaseNumber' },
    callLog: {
      ...d.callLog,
      attributeMap: [
        ['ANI', 'Caller__c'],
        ['Region', 'Region__c'],
        ['CRM_CaseNumber', 'Case__c'],
      ],
    },
  };
};
const ready = (settings: CrmSettings): Input => ({ kind: 'obs.crm.ready', settings, problems: [] });

describe('interaction attributes the CRM settings need', () => {
  it('the log-on subscription carries the screen-pop attribute and mapped attributes (keywords excluded, once each)', () => {
    const r = run(initialSoftphoneState(), ready(withAttributes()), ...logonInputs());
    const subscribe = ofKind(r.effects, 'cic.subscribe');
    assert.equal(subscribe.length, 1);
    assert.deepEqual(subscribe[0]?.attributes, ['CRM_CaseNumber', 'Region']);
  });

  it('settings that arrive after log-on widen My Interactions; the same settings again do nothing', () => {
    const first = run(loggedOn(), ready(withAttributes()));
    const widened = ofKind(first.effects, 'cic.subscribe');
    assert.equal(widened.length, 1);
    assert.deepEqual(widened[0]?.topics, ['myInteractions']);
    assert.deepEqual(widened[0]?.attributes, ['CRM_CaseNumber', 'Region']);
    assert.equal(ofKind(run(first.state, ready(withAttributes())).effects, 'cic.subscribe').length, 0);
  });

  it('no custom attributes: nothing extra is subscribed', () => {
    const r = run(loggedOn(), ready(defaultCrmSettings()));
    assert.equal(ofKind(r.effects, 'cic.subscribe').length, 0);
  });
});
