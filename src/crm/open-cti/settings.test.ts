import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOpenCtiConfig } from './settings.js';

const base: Record<string, string> = {
  '/reqGeneralInfo/reqSoftphoneHeight': '560',
  '/reqGeneralInfo/reqSoftphoneWidth': '340',
  '/cicServer/cicServerUrl': 'https://cic.example.com:8019',
  '/cicServer/alternateUrls': 'https://cic2.example.com:8019, http://127.0.0.1:8018',
  '/cicLogon/authenticationTypes': 'cic,sso',
  '/cicLogon/identityProviders': '',
  '/screenPop/enabled': 'true',
  '/screenPop/newRecordObject': 'Lead',
  '/screenPop/attributeName': 'SF_Key',
  '/screenPop/attributePopType': 'url',
  '/screenPop/attributePopUrl': '/apex/CustomerLookup',
  '/callLog/enabled': 'true',
  '/callLog/editWindowMinutes': '5',
  '/callLog/attributeMap': 'ANI=CallDisposition, Account_No=Description',
  '/callLog/autoAssociateOnNavigation': 'false',
  '/omniSync/enabled': 'true',
  '/omniSync/statusMaps': 'Available|both|Available',
  '/omniSync/busyOmniStatus': 'Busy_On_Phone',
  '/omniSync/workloadCicStatus': '',
  '/panel/showOnAlerting': 'false',
  '/panel/language': 'ja',
};

describe('call-center settings → configuration', () => {
  it('reads every section into a typed configuration', () => {
    const { config, problems } = loadOpenCtiConfig(base);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.cic, {
      serverUrl: 'https://cic.example.com:8019',
      alternateUrls: ['https://cic2.example.com:8019', 'http://127.0.0.1:8018'],
      authenticationTypes: ['cic', 'sso'],
      identityProviders: [],
    });
    assert.deepEqual(config.screenPop, { enabled: true, newRecordObject: 'Lead', attributeName: 'SF_Key', attributePopType: 'url', attributePopUrl: '/apex/CustomerLookup' });
    assert.deepEqual(config.callLog, {
      enabled: true,
      editWindowMs: 300_000,
      attributeMap: [['ANI', 'CallDisposition'], ['Account_No', 'Description']],
      autoAssociateOnNavigation: false,
    });
    assert.deepEqual(config.statusSync, { enabled: true, statusMaps: 'Available|both|Available', busyOmniStatus: 'Busy_On_Phone', workloadCicStatus: '' });
    assert.deepEqual(config.panel, { showOnAlerting: false, language: 'ja', heightPx: 560, widthPx: 340 });
  });
  it('uses the defaults when our sections are missing (2-minute edit window, pops on, Contact)', () => {
    const { config, problems } = loadOpenCtiConfig({});
    assert.deepEqual(problems, []);
    assert.equal(config.cic.serverUrl, null);
    assert.equal(config.callLog.editWindowMs, 120_000);
    assert.equal(config.screenPop.newRecordObject, 'Contact');
    assert.equal(config.panel.heightPx, null);
  });
  it('accepts the settings as a JSON string', () => {
    assert.equal(loadOpenCtiConfig(JSON.stringify(base)).config.callLog.editWindowMs, 300_000);
  });
  it('names the setting and what is wrong, falls back for that item only', () => {
    const { config, problems } = loadOpenCtiConfig({
      ...base,
      '/callLog/editWindowMinutes': 'two',
      '/cicServer/cicServerUrl': 'cic.example.com',
      '/callLog/attributeMap': 'ANI:CallDisposition',
      '/screenPop/enabled': 'yes',
    });
    assert.deepEqual(
      problems.map((p) => p.setting),
      ['/cicServer/cicServerUrl', '/screenPop/enabled', '/callLog/editWindowMinutes', '/callLog/attributeMap'],
    );
    assert.match(problems[0]?.message ?? '', /"cic\.example\.com" is not a URL/);
    assert.match(problems[2]?.message ?? '', /whole number from 0 to 1440.*"two".*using "2"/);
    assert.match(problems[3]?.message ?? '', /"ANI:CallDisposition" is not attribute=TaskField/);
    assert.equal(config.callLog.editWindowMs, 120_000);
    assert.equal(config.screenPop.enabled, true);
    assert.equal(config.cic.serverUrl, null);
    assert.equal(config.screenPop.newRecordObject, 'Lead', 'other settings are untouched');
    assert.equal(config.panel.language, 'ja');
  });
  it('checks rules across settings', () => {
    const { config, problems } = loadOpenCtiConfig({ ...base, '/screenPop/attributePopUrl': '', '/cicLogon/identityProviders': 'okta', '/cicLogon/authenticationTypes': 'cic' });
    assert.deepEqual(problems.map((p) => p.setting), ['/cicLogon/identityProviders', '/screenPop/attributePopUrl']);
    assert.equal(config.screenPop.attributeName, '', 'falls back to popping by caller number');
  });
  it('rejects out-of-range panel sizes and unknown authentication types', () => {
    const { problems } = loadOpenCtiConfig({ ...base, '/reqGeneralInfo/reqSoftphoneHeight': '100', '/cicLogon/authenticationTypes': 'cic,windows' });
    assert.deepEqual(problems.map((p) => p.setting), ['/cicLogon/authenticationTypes', '/reqGeneralInfo/reqSoftphoneHeight']);
  });
});
