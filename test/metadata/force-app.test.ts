import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { parseMetadataCallCenter } from './call-center-model.js';
import { OUR_SETTINGS } from './call-center-settings.js';
import { CALL_CENTER, DEFAULT_DIR, IMPORT_XML, ProjectCopy, ROOT } from './project-copy.js';
import {
  EXPECTED_COMPONENTS,
  runCli,
  validateForceApp,
  type ValidationReport,
} from './validate-force-app.js';

const copies: ProjectCopy[] = [];
after(() => copies.forEach((c) => c.dispose()));

function copy(): ProjectCopy {
  const c = new ProjectCopy();
  copies.push(c);
  return c;
}

function messages(report: ValidationReport): string {
  return report.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
}

/** Breaks a fresh copy, validates it, and returns the problems (asserting there is at least one). */
async function broken(
  breakIt: (c: ProjectCopy) => void,
  options: { requireBundle?: boolean } = {},
): Promise<string> {
  const c = copy();
  breakIt(c);
  const report = await validateForceApp({ projectDir: c.dir, ...options });
  assert.ok(report.problems.length > 0, 'the broken copy was accepted');
  return messages(report);
}

describe('force-app offline validation', () => {
  it('accepts the package as committed, with every expected component in package.xml', async () => {
    const report = await validateForceApp({ projectDir: ROOT });
    assert.equal(messages(report), '');
    for (const { type, fullName } of EXPECTED_COMPONENTS) {
      assert.ok(report.packageTypes[type]?.includes(fullName), `${type} ${fullName} in package.xml`);
      assert.match(report.packageXml, new RegExp(`<name>${type}</name>`));
    }
    assert.match(report.packageXml, /<version>62\.0<\/version>/);
  });

  it('accepts a clean checkout without the built bundle, and says so; --require-bundle refuses it', async () => {
    const c = copy();
    c.remove(`${DEFAULT_DIR}/staticresources`);
    const report = await validateForceApp({ projectDir: c.dir });
    assert.equal(messages(report), '');
    assert.ok(
      report.notes.some((n) => /static resource softphone is not built yet: run npm run build/.test(n)),
      report.notes.join('\n'),
    );
    assert.equal(report.packageTypes['StaticResource'], undefined);
    const strict = await validateForceApp({ projectDir: c.dir, requireBundle: true });
    assert.match(
      messages(strict),
      /CicSoftphone\.page: loads static resource softphone, which is not in the package \(run npm run build\)/,
    );
  });

  it('a built bundle must have its -meta.xml', async () => {
    const p = await broken((c) => {
      c.write(`${DEFAULT_DIR}/staticresources/softphone.resource`, 'PK\u0005\u0006');
      c.remove(`${DEFAULT_DIR}/staticresources/softphone.resource-meta.xml`);
    });
    assert.match(
      p,
      /staticresources\/softphone\.resource: StaticResource softphone has no -meta\.xml file \(expected softphone\.resource-meta\.xml\)/,
    );
  });

  it('reports broken XML with its position', async () => {
    const p = await broken((c) => c.edit(CALL_CENTER, '</displayName>', '</displayNme>'));
    assert.match(
      p,
      /CICSoftphone\.callCenter-meta\.xml: XML is not well-formed: .*displayN.*\(line \d+, column \d+\)/,
    );
    const page = await broken((c) =>
      c.edit(`${DEFAULT_DIR}/pages/CicSoftphone.page`, '<body>', '<body><br>'),
    );
    assert.match(page, /pages\/CicSoftphone\.page: XML is not well-formed: /);
    const cmp = await broken((c) =>
      c.edit(
        `${DEFAULT_DIR}/aura/CicOmniBridge/CicOmniBridge.cmp`,
        '<lightning:omniToolkitAPI aura:id="omniToolkit"/>',
        '<lightning:omniToolkitAPI aura:id="omniToolkit">',
      ),
    );
    assert.match(cmp, /CicOmniBridge\.cmp: XML is not well-formed: /);
  });

  it('reports a missing required call-center item', async () => {
    const p = await broken((c) =>
      c.edit(
        CALL_CENTER,
        /\s*<items>\s*<label>Use CTI API<\/label>\s*<name>reqUseApi<\/name>\s*<value>true<\/value>\s*<\/items>/,
        '',
      ),
    );
    assert.match(p, /CICSoftphone\.callCenter-meta\.xml: reqGeneralInfo\/reqUseApi is required/);
    const mode = await broken((c) =>
      c.edit(CALL_CENTER, /\s*<items>\s*<label>Salesforce Compatibility Mode<\/label>[\s\S]*?<\/items>/, ''),
    );
    assert.match(mode, /reqGeneralInfo\/reqSalesforceCompatibilityMode is required/);
  });

  it('reports a duplicate sortOrder in the import file and a duplicate item in the metadata file', async () => {
    const p = await broken((c) =>
      c.edit(IMPORT_XML, 'sortOrder="1" name="alternateUrls"', 'sortOrder="0" name="alternateUrls"'),
    );
    assert.match(
      p,
      /CIC_Softphone_import\.xml: section cicServer item: duplicate sortOrder 0 \("cicServerUrl" and "alternateUrls"\)/,
    );
    const gap = await broken((c) =>
      c.edit(IMPORT_XML, 'sortOrder="6" name="panel"', 'sortOrder="8" name="panel"'),
    );
    assert.match(
      gap,
      /section: sortOrder values must run 0, 1, 2, … without gaps \(found 0, 1, 2, 3, 4, 5, 8\)/,
    );
    const dup = await broken((c) =>
      c.edit(CALL_CENTER, '<name>alternateUrls</name>', '<name>cicServerUrl</name>'),
    );
    assert.match(dup, /section cicServer item cicServerUrl: duplicate item name/);
    const order = await broken((c) =>
      c.edit(
        CALL_CENTER,
        '<name>cicServerUrl</name>',
        '<name>cicServerUrl</name>\n            <sortOrder>0</sortOrder>',
      ),
    );
    assert.match(
      order,
      /unknown element <sortOrder> \(the Metadata API form has no sortOrder: document order is the order\)/,
    );
  });

  it('reports panel sizes outside the Lightning ranges', async () => {
    const p = await broken((c) => {
      c.edit(CALL_CENTER, '<value>560</value>', '<value>100</value>');
      c.edit(CALL_CENTER, '<value>340</value>', '<value>1921</value>');
    });
    assert.match(
      p,
      /reqSoftphoneHeight must be a whole number of pixels from 240 to 2560 in Lightning Experience, not "100"/,
    );
    assert.match(
      p,
      /reqSoftphoneWidth must be a whole number of pixels from 200 to 1920 in Lightning Experience, not "1921"/,
    );
    assert.match(
      p,
      /<customSettings> reqSoftphoneHeight "560" differs from reqGeneralInfo\/reqSoftphoneHeight "100"/,
    );
    assert.match(
      p,
      /CIC_Softphone_import\.xml: differs from CICSoftphone\.callCenter-meta\.xml: \/reqGeneralInfo\/reqSoftphoneHeight: value "100" \(metadata\) vs "560" \(import\)/,
    );
  });

  it('reports Classic mode, a non-Open-CTI call center and a bad internal name', async () => {
    const p = await broken((c) => {
      c.edit(CALL_CENTER, /<value>Lightning<\/value>/, '<value>Classic</value>');
      c.edit(CALL_CENTER, /(<name>reqUseApi<\/name>\s*)<value>true<\/value>/, '$1<value>false</value>');
    });
    assert.match(
      p,
      /reqSalesforceCompatibilityMode must be Lightning \(or Classic_and_Lightning\), not "Classic"/,
    );
    assert.match(p, /reqUseApi must be true for Open CTI, not "false"/);
    const name = await broken((c) => {
      c.write(`${DEFAULT_DIR}/callCenters/CIC_Softphone.callCenter-meta.xml`, c.read(CALL_CENTER));
      c.remove(CALL_CENTER);
    });
    assert.match(
      name,
      /the internal name "CIC_Softphone" must be 1–40 letters or digits starting with a letter \(no underscores\)/,
    );
    assert.match(name, /expected CallCenter CICSoftphone is missing/);
  });

  it('reports an unknown file and a missing -meta.xml', async () => {
    const p = await broken((c) => {
      c.write(`${DEFAULT_DIR}/pages/notes.txt`, 'scratch\n');
      c.remove(`${DEFAULT_DIR}/pages/CicSoftphone.page-meta.xml`);
    });
    assert.match(
      p,
      /pages\/notes\.txt: Salesforce's resolver rejects this file: Could not infer a metadata type/,
    );
    assert.match(
      p,
      /pages\/CicSoftphone\.page: ApexPage CicSoftphone has no metadata file: expected force-app\/main\/default\/pages\/CicSoftphone\.page-meta\.xml/,
    );
  });

  it('reports our settings that do not parse, unknown settings and reserved names', async () => {
    const p = await broken((c) => {
      c.edit(CALL_CENTER, /(<name>showOnAlerting<\/name>\s*)<value>true<\/value>/, '$1<value>yes</value>');
      c.edit(CALL_CENTER, 'https://cic.example.com:8019', 'cic.example.com');
      c.edit(
        CALL_CENTER,
        /(<name>alternateUrls<\/name>\s*)<value><\/value>/,
        '$1<value>https://b.example.com:8019, ftp://c</value>',
      );
      c.edit(CALL_CENTER, /(<name>editWindowMinutes<\/name>\s*)<value>2<\/value>/, '$1<value>two</value>');
      c.edit(
        CALL_CENTER,
        'Available|both|Available; Do Not Disturb|toOmni|Break',
        'Available|sideways|Available',
      );
    });
    assert.match(p, /\/panel\/showOnAlerting must be true or false, not "yes"/);
    assert.match(p, /\/cicServer\/cicServerUrl "cic\.example\.com" is not a URL/);
    assert.match(p, /\/cicServer\/alternateUrls "ftp:\/\/c" must be an https:\/\/ \(or http:\/\/\) URL/);
    assert.match(p, /\/callLog\/editWindowMinutes must be a whole number from 0 to 1440, not "two"/);
    assert.match(p, /\/omniSync\/statusMaps "sideways" is not a direction \(both, toOmni, toCic\)/);
    const typo = await broken((c) => c.edit(CALL_CENTER, '<name>language</name>', '<name>langauge</name>'));
    assert.match(
      typo,
      /\/panel\/langauge is not a CIC Softphone setting \(known in panel: showOnAlerting, language\)/,
    );
    const reserved = await broken((c) => c.edit(CALL_CENTER, '<name>panel</name>', '<name>reqPanel</name>'));
    assert.match(
      reserved,
      /section reqPanel: the "req" prefix is reserved for Salesforce-defined names \("reqPanel"\)/,
    );
  });

  it('reports references to components that are not in the package', async () => {
    const p = await broken((c) => {
      c.remove(`${DEFAULT_DIR}/messageChannels`);
      c.edit(
        `${DEFAULT_DIR}/permissionsets/CIC_Softphone_User.permissionset-meta.xml`,
        '<apexPage>CicSoftphone</apexPage>',
        '<apexPage>CicSoftfone</apexPage>',
      );
    });
    assert.match(
      p,
      /CicOmniBridge\.cmp: uses message channel CIC_Omni_Bridge__c, which is not in the package/,
    );
    assert.match(p, /expected LightningMessageChannel CIC_Omni_Bridge is missing/);
    assert.match(
      p,
      /CIC_Softphone_User\.permissionset-meta\.xml: grants page CicSoftfone, which is not in the package/,
    );
  });

  it('ships every CIC Softphone setting in the call center', async () => {
    const problems: string[] = [];
    const model = parseMetadataCallCenter(
      readFileSync(`${ROOT}${CALL_CENTER}`, 'utf8'),
      'CICSoftphone',
      problems,
    );
    assert.deepEqual(problems, []);
    for (const [section, items] of Object.entries(OUR_SETTINGS)) {
      const shipped = model?.sections.find((s) => s.name === section)?.items.map((i) => i.name);
      assert.deepEqual(shipped, Object.keys(items), `section ${section}`);
    }
    const page = readFileSync(`${ROOT}${DEFAULT_DIR}/pages/CicSoftphone.page`, 'utf8');
    assert.match(
      page,
      /<script src="\/support\/api\/62\.0\/lightning\/opencti_min\.js"><\/script>\s*<script type="module" src="\{!URLFOR\(\$Resource\.softphone, 'softphone\.js'\)\}"><\/script>/,
    );
    assert.match(
      page,
      /<cic-softphone-app language="\{!HTMLENCODE\(LOWER\(SUBSTITUTE\(\$User\.LanguageLocaleKey, '_', '-'\)\)\)\}">/,
    );
    assert.ok(existsSync(`${ROOT}.forceignore`));
  });

  it('.forceignore keeps TypeScript, docs and source maps out and nothing the package needs', async () => {
    const clean = await validateForceApp({ projectDir: ROOT });
    assert.deepEqual(
      clean.notes.filter((n) => n.includes('.forceignore')),
      [],
    );
    const c = copy();
    c.write(`${DEFAULT_DIR}/aura/CicOmniBridge/notes.md`, '# notes\n');
    c.write(`${DEFAULT_DIR}/staticresources/softphone.js.map`, '{}');
    c.write(`${DEFAULT_DIR}/classes/helper.ts`, 'export {};\n');
    const report = await validateForceApp({ projectDir: c.dir });
    assert.equal(messages(report), '');
    assert.equal(
      report.notes.filter((n) => n.endsWith('is excluded by .forceignore')).length,
      3,
      report.notes.join('\n'),
    );
    c.write('.forceignore', `${c.read('.forceignore')}\n**/*.page\n`);
    assert.match(
      messages(await validateForceApp({ projectDir: c.dir })),
      /expected ApexPage CicSoftphone is missing/,
    );
  });

  it('runs as a CLI: 0 when valid, 1 with the problems listed, 2 for a bad option', async () => {
    const lines: string[] = [];
    assert.equal(await runCli(['--project', ROOT], (l) => lines.push(l)), 0);
    assert.match(lines.join('\n'), /CallCenter: CICSoftphone[\s\S]*force-app is valid\./);
    const c = copy();
    c.edit(CALL_CENTER, '<value>560</value>', '<value>100</value>');
    const bad: string[] = [];
    assert.equal(await runCli(['--project', c.dir], (l) => bad.push(l)), 1);
    assert.match(
      bad.join('\n'),
      /ERROR force-app\/main\/default\/callCenters\/CICSoftphone\.callCenter-meta\.xml: reqGeneralInfo\/reqSoftphoneHeight/,
    );
    assert.match(bad.at(-1) ?? '', /^\d+ problem\(s\) found\.$/);
    assert.equal(await runCli(['--bogus'], () => undefined), 2);
  });
});
