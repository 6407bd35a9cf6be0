import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  crossSettingProblems,
  httpUrlProblem,
  OUR_SETTINGS,
  parseAttributeMap,
  parseStatusMaps,
  relativeUrlProblem,
} from './call-center-settings.js';

const check = (section: string, item: string, value: string): string | null => {
  const spec = OUR_SETTINGS[section]?.[item];
  assert.ok(spec, `${section}/${item} exists`);
  return spec.check(value);
};

describe('CIC Softphone call-center setting syntax', () => {
  it('status maps: CIC status|direction|Omni API name, semicolon-separated', () => {
    const { maps, problem } = parseStatusMaps(
      'Available|both|Available; Available, Follow-Me|toOmni|Available ;At Lunch|toCic|Break;',
    );
    assert.equal(problem, null);
    assert.deepEqual(maps, [
      { cicStatus: 'Available', direction: 'both', omniStatus: 'Available' },
      { cicStatus: 'Available, Follow-Me', direction: 'toOmni', omniStatus: 'Available' },
      { cicStatus: 'At Lunch', direction: 'toCic', omniStatus: 'Break' },
    ]);
    assert.deepEqual(parseStatusMaps('').maps, []);
    assert.match(
      parseStatusMaps('Available|both').problem ?? '',
      /is not "CIC status\|direction\|Omni status"/,
    );
    assert.match(parseStatusMaps('|both|Available').problem ?? '', /has no CIC status/);
    assert.match(
      parseStatusMaps('Available|both|Not An Api Name').problem ?? '',
      /is not an Omni-Channel status API name/,
    );
    assert.match(
      parseStatusMaps('Available|both|A; Available|toOmni|B').problem ?? '',
      /CIC status "Available" is sent to Omni-Channel by two maps/,
    );
    assert.match(
      parseStatusMaps('X|toCic|Break; Y|both|Break').problem ?? '',
      /Omni-Channel status Break is sent to CIC by two maps/,
    );
    assert.equal(
      parseStatusMaps('X|toCic|Break; X|toOmni|Away').problem,
      null,
      'one direction each is not ambiguous',
    );
  });

  it('attribute map: attribute=TaskField, comma-separated', () => {
    assert.deepEqual(parseAttributeMap('Eic_RemoteAddress=Caller__c, CustomerId = Customer_Id__c').pairs, [
      ['Eic_RemoteAddress', 'Caller__c'],
      ['CustomerId', 'Customer_Id__c'],
    ]);
    assert.match(parseAttributeMap('Eic_RemoteAddress').problem ?? '', /is not attribute=TaskField/);
    assert.match(parseAttributeMap('A=Field Name').problem ?? '', /is not attribute=TaskField/);
    assert.match(parseAttributeMap('A=1Field').problem ?? '', /is not a Task field API name/);
    assert.match(parseAttributeMap('A=X,A=Y').problem ?? '', /attribute A is mapped twice/);
  });

  it('URLs, booleans, numbers, enums and languages', () => {
    assert.equal(httpUrlProblem('https://cic.example.com:8019'), null);
    assert.match(httpUrlProblem('https://cic.example.com:8019/icws') ?? '', /server address only/);
    assert.match(httpUrlProblem('wss://cic') ?? '', /must be an https:\/\//);
    assert.equal(relativeUrlProblem('/apex/CustomerLookup'), null);
    assert.match(relativeUrlProblem('https://x/apex/A') ?? '', /relative URL/);
    assert.match(relativeUrlProblem('//evil.example/a') ?? '', /relative URL/);
    assert.equal(check('cicServer', 'cicServerUrl', ''), null, 'empty: the agent types the server');
    assert.equal(check('cicServer', 'alternateUrls', 'https://a:8019, https://b:8019'), null);
    assert.match(
      check('cicLogon', 'authenticationTypes', 'cic,windows') ?? '',
      /"windows" is not an authentication type/,
    );
    assert.match(check('cicLogon', 'authenticationTypes', '') ?? '', /at least one/);
    assert.match(check('cicLogon', 'authenticationTypes', 'sso,sso') ?? '', /twice/);
    assert.match(check('callLog', 'editWindowMinutes', '-1') ?? '', /whole number from 0 to 1440/);
    assert.equal(check('callLog', 'editWindowMinutes', '0'), null);
    assert.match(check('screenPop', 'attributePopType', 'flow') ?? '', /one of url, search/);
    assert.match(check('screenPop', 'newRecordObject', 'Person Account') ?? '', /not an object API name/);
    assert.equal(check('panel', 'language', 'ja'), null);
    assert.equal(check('panel', 'language', 'en_US'), null);
    assert.match(check('panel', 'language', 'English') ?? '', /not a language tag/);
    assert.match(check('omniSync', 'workloadCicStatus', 'A|B') ?? '', /must not contain/);
  });

  it('rules across settings', () => {
    const values: Record<string, string> = {
      '/cicLogon/authenticationTypes': 'cic',
      '/cicLogon/identityProviders': 'corp-idp',
      '/screenPop/attributeName': 'SF_PopKey',
      '/screenPop/attributePopType': 'url',
      '/screenPop/attributePopUrl': '',
      '/omniSync/enabled': 'true',
      '/omniSync/statusMaps': '',
      '/omniSync/busyOmniStatus': '',
      '/omniSync/workloadCicStatus': '',
    };
    const problems = crossSettingProblems((s, i) => values[`/${s}/${i}`] ?? '').join('\n');
    assert.match(problems, /identityProviders is set but authenticationTypes does not allow sso/);
    assert.match(problems, /attributePopUrl is required when attributeName is set/);
    assert.match(problems, /nothing to synchronize/);
    values['/cicLogon/authenticationTypes'] = 'cic, sso';
    values['/screenPop/attributePopType'] = 'search';
    values['/omniSync/busyOmniStatus'] = 'Busy_On_Phone';
    assert.deepEqual(
      crossSettingProblems((s, i) => values[`/${s}/${i}`] ?? ''),
      [],
    );
  });
});
