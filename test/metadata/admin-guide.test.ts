/** docs/admin-guide.md documents exactly the settings that exist, with their real defaults and shipped values. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseMetadataCallCenter } from './call-center-model.js';
import { OUR_SETTINGS } from './call-center-settings.js';
import { CALL_CENTER, ROOT } from './project-copy.js';

const guide = readFileSync(`${ROOT}docs/admin-guide.md`, 'utf8');

/** The table rows under `### \`section\``: item → cells after the item name. */
function rows(section: string): Map<string, string[]> {
  const start = guide.indexOf(`### \`${section}\``);
  assert.ok(start >= 0, `the guide has a ### \`${section}\` heading`);
  const end = guide.indexOf('\n#', start + 4);
  const block = guide.slice(start, end < 0 ? undefined : end);
  const out = new Map<string, string[]>();
  for (const m of block.matchAll(/^\|\s*`(\w+)`\s*\|(.*)\|$/gm)) {
    out.set(
      m[1] ?? '',
      (m[2] ?? '').split(/(?<!\\)\|/).map((c) => c.trim()),
    );
  }
  return out;
}

describe('admin guide', () => {
  it('documents every softphone setting, and only those, with its default', () => {
    for (const [section, items] of Object.entries(OUR_SETTINGS)) {
      const documented = rows(section);
      assert.deepEqual([...documented.keys()], Object.keys(items), `items of ${section}`);
      for (const [item, spec] of Object.entries(items)) {
        const defaultCell = documented.get(item)?.[1];
        assert.equal(
          defaultCell,
          spec.defaultValue === '' ? '(empty)' : `\`${spec.defaultValue}\``,
          `default of /${section}/${item}`,
        );
      }
    }
  });

  it('shows the shipped reqGeneralInfo values', () => {
    const problems: string[] = [];
    const model = parseMetadataCallCenter(
      readFileSync(`${ROOT}${CALL_CENTER}`, 'utf8'),
      'CICSoftphone',
      problems,
    );
    assert.ok(model);
    const documented = rows('reqGeneralInfo');
    const shipped = new Map<string, string>([
      ['reqInternalName', model.internalName ?? ''],
      ['reqDisplayName', model.displayName ?? ''],
      ...(model.sections[0]?.items.map((i): [string, string] => [i.name, i.value]) ?? []),
    ]);
    assert.deepEqual([...documented.keys()], [...shipped.keys()]);
    for (const [item, value] of shipped) {
      if (item === 'reqDescription') continue;
      assert.equal(documented.get(item)?.[1], `\`${value}\``, item);
    }
  });
});
