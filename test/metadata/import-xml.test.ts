/**
 * The import-format call center for admins (docs/call-center) and the Metadata API call center in
 * force-app are one definition: the console emulator loads the import file, and its
 * getCallCenterSettings map holds exactly the items, values, labels and sort orders of the
 * metadata file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { CallCenterError, flattenCallCenter, loadCallCenter } from '../../sim/crm/call-center.js';
import { parseImportCallCenter, parseMetadataCallCenter, type CallCenterModel } from './call-center-model.js';
import { compareCallCenters } from './call-center-rules.js';
import { CALL_CENTER, IMPORT_XML, ProjectCopy, ROOT } from './project-copy.js';

/** The metadata file as getCallCenterSettings would present it (reqInternalName/reqDisplayName come first). */
function flattenMetadata(model: CallCenterModel): Record<string, string> {
  const out: Record<string, string> = {
    '/internalNameLabel': model.internalNameLabel ?? '',
    '/displayNameLabel': model.displayNameLabel ?? '',
    '/label': model.displayName ?? '',
  };
  model.sections.forEach((section, i) => {
    out[`/${section.name}/label`] = section.label;
    out[`/${section.name}/sortOrder`] = `${i}.0`;
    const items =
      section.name === 'reqGeneralInfo'
        ? [
            {
              name: 'reqInternalName',
              label: model.internalNameLabel ?? '',
              value: model.internalName ?? '',
            },
            { name: 'reqDisplayName', label: model.displayNameLabel ?? '', value: model.displayName ?? '' },
            ...section.items,
          ]
        : section.items;
    items.forEach((item, j) => {
      out[`/${section.name}/${item.name}`] = item.value;
      out[`/${section.name}/${item.name}/label`] = item.label;
      out[`/${section.name}/${item.name}/sortOrder`] = `${j}.0`;
    });
  });
  return out;
}

function metadataModel(path: string): CallCenterModel {
  const problems: string[] = [];
  const model = parseMetadataCallCenter(readFileSync(path, 'utf8'), 'CICSoftphone', problems);
  assert.deepEqual(problems, []);
  assert.ok(model);
  return model;
}

const copies: ProjectCopy[] = [];
after(() => copies.forEach((c) => c.dispose()));

describe('import-format call center', () => {
  it('loads in the console emulator with exactly the items, values, labels and order of the metadata file', () => {
    const emulatorView = flattenCallCenter(loadCallCenter(`${ROOT}${IMPORT_XML}`));
    const metadataView = flattenMetadata(metadataModel(`${ROOT}${CALL_CENTER}`));
    assert.deepEqual(emulatorView, metadataView);
    assert.equal(emulatorView['/reqGeneralInfo/reqInternalName'], 'CICSoftphone');
    assert.equal(emulatorView['/reqGeneralInfo/reqAdapterUrl'], '/apex/CicSoftphone');
    assert.equal(emulatorView['/callLog/editWindowMinutes'], '2');
    assert.ok(Object.keys(emulatorView).length > 90, 'every item with its label and sort order');
  });

  it('parses to the same model as the metadata file', () => {
    const problems: string[] = [];
    const imported = parseImportCallCenter(readFileSync(`${ROOT}${IMPORT_XML}`, 'utf8'), problems);
    assert.deepEqual(problems, []);
    assert.ok(imported);
    assert.deepEqual(compareCallCenters(metadataModel(`${ROOT}${CALL_CENTER}`), imported), []);
  });

  it('a drift between the two files is caught both ways', () => {
    const c = new ProjectCopy();
    copies.push(c);
    c.edit(
      IMPORT_XML,
      'name="editWindowMinutes" label="Minutes a call log stays editable after disconnect">2<',
      'name="editWindowMinutes" label="Minutes a call log stays editable after disconnect">5<',
    );
    c.edit(IMPORT_XML, /\s*<item sortOrder="1" name="language"[^\n]*<\/item>/, '');
    const emulatorView = flattenCallCenter(loadCallCenter(c.path(IMPORT_XML)));
    const metadataView = flattenMetadata(metadataModel(c.path(CALL_CENTER)));
    assert.notDeepEqual(emulatorView, metadataView);
    const problems: string[] = [];
    const imported = parseImportCallCenter(c.read(IMPORT_XML), problems);
    assert.ok(imported);
    const diff = compareCallCenters(metadataModel(c.path(CALL_CENTER)), imported).join('\n');
    assert.match(diff, /\/callLog\/editWindowMinutes: value "2" \(metadata\) vs "5" \(import\)/);
    assert.match(diff, /section panel position 1: item language only in the metadata file/);
  });

  it('the emulator refuses a broken import file the same way Setup would', () => {
    const c = new ProjectCopy();
    copies.push(c);
    c.edit(IMPORT_XML, 'sortOrder="2" name="reqAdapterUrl"', 'sortOrder="12" name="reqAdapterUrl"');
    assert.throws(
      () => loadCallCenter(c.path(IMPORT_XML)),
      (e: unknown) => e instanceof CallCenterError && /sortOrder values must be 0, 1, 2/.test(e.message),
    );
  });
});
