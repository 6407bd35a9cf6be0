import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CallCenterError, demoCallCenter, flattenCallCenter, loadCallCenter, parseCallCenterXml, validateCallCenter, withSetting } from './call-center.js';
import { parseXml, XmlError } from './xml.js';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- CIC softphone call center, import format -->
<callCenter>
  <section sortOrder="0" name="reqGeneralInfo" label="General Information">
    <item sortOrder="0" name="reqInternalName" label="Internal Name">CICSoftphone</item>
    <item sortOrder="1" name="reqDisplayName" label="Display Name">CIC Softphone &amp; Co</item>
    <item sortOrder="2" name="reqAdapterUrl" label="CTI Adapter URL">/apex/CicSoftphone</item>
    <item sortOrder="3" name="reqUseApi" label="Use CTI API">true</item>
    <item sortOrder="4" name="reqSoftphoneHeight" label="Softphone Height">500</item>
    <item sortOrder="5" name="reqSoftphoneWidth" label="Softphone Width">340</item>
    <item sortOrder="6" name="reqSalesforceCompatibilityMode" label="Salesforce Compatibility Mode">Lightning</item>
  </section>
  <section sortOrder="1" name="cicServer" label="CIC Server">
    <item sortOrder="1" name="alternateUrls" label="Alternates"><![CDATA[https://b.example:8019]]></item>
    <item sortOrder="0" name="cicServerUrl" label="CIC server URL">https://cic.example:8019</item>
  </section>
</callCenter>`;

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof CallCenterError, String(error));
    return error.problems.join('\n');
  }
  assert.fail('accepted');
}

describe('call center definition', () => {
  it('reads the import-format XML in sortOrder and flattens it the getCallCenterSettings way', () => {
    const def = parseCallCenterXml(XML);
    assert.deepEqual(validateCallCenter(def), []);
    const flat = flattenCallCenter(def);
    assert.equal(flat['/reqGeneralInfo/reqInternalName'], 'CICSoftphone');
    assert.equal(flat['/reqGeneralInfo/reqDisplayName'], 'CIC Softphone & Co');
    assert.equal(flat['/reqGeneralInfo/reqUseApi'], 'true');
    assert.equal(flat['/reqGeneralInfo/label'], 'General Information');
    assert.equal(flat['/reqGeneralInfo/sortOrder'], '0.0');
    assert.equal(flat['/reqGeneralInfo/reqSoftphoneHeight/sortOrder'], '4.0');
    assert.equal(flat['/reqGeneralInfo/reqSoftphoneHeight/label'], 'Softphone Height');
    assert.equal(flat['/cicServer/cicServerUrl'], 'https://cic.example:8019');
    assert.equal(flat['/cicServer/cicServerUrl/sortOrder'], '0.0');
    assert.equal(flat['/cicServer/alternateUrls'], 'https://b.example:8019');
    assert.equal(flat['/cicServer/sortOrder'], '1.0');
    assert.equal(flat['/internalNameLabel'], 'Internal Name');
    assert.equal(flat['/displayNameLabel'], 'Display Name');
    assert.ok(Object.values(flat).every((v) => typeof v === 'string'));
  });

  it('loads XML and JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-cc-'));
    writeFileSync(join(dir, 'cc.xml'), XML);
    assert.equal(loadCallCenter(join(dir, 'cc.xml')).sections.length, 2);
    writeFileSync(join(dir, 'cc.json'), JSON.stringify(demoCallCenter('/apex/X', 'http://cic')));
    assert.equal(loadCallCenter(join(dir, 'cc.json')).sections[2]?.items[0]?.value, 'http://cic');
  });

  it('rejects sortOrder gaps, reserved names and misplaced required items', () => {
    const gap = XML.replace('sortOrder="6" name="reqSalesforceCompatibilityMode"', 'sortOrder="8" name="reqSalesforceCompatibilityMode"');
    assert.match(problemsOf(() => parseCallCenterXml(gap)), /sortOrder values must be 0, 1, 2/);
    const reserved = demoCallCenter('/apex/X', 'http://cic');
    reserved.sections.push({ name: 'reqCicSettings', label: 'x', items: [{ name: 'label', label: 'x', value: '' }] });
    const p = validateCallCenter(reserved).join('\n');
    assert.match(p, /"req" prefix is reserved/);
    assert.match(p, /"label" is a reserved word/);
    const swapped = XML.replace('sortOrder="0" name="reqInternalName"', 'sortOrder="9" name="reqInternalName"').replace('sortOrder="1" name="reqDisplayName"', 'sortOrder="0" name="reqDisplayName"').replace('sortOrder="9" name="reqInternalName"', 'sortOrder="1" name="reqInternalName"');
    const def = parseCallCenterXml(swapped);
    assert.match(validateCallCenter(def).join('\n'), /reqInternalName must have sortOrder 0/);
  });

  it('rejects settings Lightning cannot use: Classic mode, sizes out of range, a lone standby URL', () => {
    let def = demoCallCenter('/apex/X', 'http://cic');
    def = withSetting(def, '/reqGeneralInfo/reqSalesforceCompatibilityMode', 'Classic');
    def = withSetting(def, '/reqGeneralInfo/reqSoftphoneHeight', '100');
    def = withSetting(def, '/reqGeneralInfo/reqSoftphoneWidth', '3000');
    def = withSetting(def, '/reqGeneralInfo/reqStandbyUrl', '/apex/Standby');
    const p = validateCallCenter(def).join('\n');
    assert.match(p, /must be Lightning or Classic_and_Lightning/);
    assert.match(p, /reqSoftphoneHeight must be a whole number of pixels from 240 to 2560/);
    assert.match(p, /reqSoftphoneWidth must be a whole number of pixels from 200 to 1920/);
    assert.match(p, /reqStandbyUrl and reqTimeout go together/);
    assert.match(problemsOf(() => loadCallCenter({ sections: [{ name: 'x', label: 'x', items: [] }] })), /reqGeneralInfo section is required/);
  });

  it('rejects malformed XML with a position', () => {
    assert.match(problemsOf(() => parseCallCenterXml('<callCenter><section></callCenter>')), /does not close <section>/);
    assert.match(problemsOf(() => parseCallCenterXml('<callCenter a="1 & 2"/>')), /bare "&"/);
    assert.throws(() => parseXml('<a></a><b/>'), XmlError);
    assert.match(problemsOf(() => parseCallCenterXml('<centre/>')), /root element must be <callCenter>/);
  });

  it('withSetting changes an item or adds one', () => {
    const def = withSetting(demoCallCenter('/apex/X', 'http://a'), '/cicServer/cicServerUrl', 'http://b');
    assert.equal(flattenCallCenter(def)['/cicServer/cicServerUrl'], 'http://b');
    const added = withSetting(def, '/screenPop/popOnAlerting', 'true');
    assert.equal(flattenCallCenter(added)['/screenPop/popOnAlerting'], 'true');
    assert.throws(() => withSetting(def, 'nope', 'x'), CallCenterError);
  });
});
