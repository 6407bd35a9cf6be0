import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  OMNI_LOGGED_OUT,
  parseOmniSyncSettingItems,
  parseOmniSyncSettings,
  unknownOmniSyncNames,
  type OmniSyncConfig,
} from './omni-settings.js';

function ok(text: string): OmniSyncConfig {
  const r = parseOmniSyncSettings(text);
  if (!r.ok) assert.fail(`expected no errors, got ${JSON.stringify(r.errors)}`);
  return r.config;
}

function errors(text: string): string[] {
  const r = parseOmniSyncSettings(text);
  if (r.ok) assert.fail('expected errors');
  return r.errors.map((e) => e.message);
}

describe('Omni sync settings parser', () => {
  it('parses two-way and one-way maps in either order, with quotes, comments and blank lines', () => {
    const config = ok(
      [
        '# status sync',
        'cic:Available <-> omni:Available',
        '',
        'cic:"At Lunch" -> omni:Break',
        'omni:Available_Cases -> cic:"Available, Forward"',
        'cic:Gone Home <- omni:Away_Home',
        '  CIC : Out of the Office -> OMNI:Break  ',
      ].join('\n'),
    );
    assert.deepEqual(config.toOmni, [
      { line: 2, cic: 'Available', omni: 'Available' },
      { line: 4, cic: 'At Lunch', omni: 'Break' },
      { line: 7, cic: 'Out of the Office', omni: 'Break' },
    ]);
    assert.deepEqual(config.toCic, [
      { line: 2, omni: 'Available', cic: 'Available' },
      { line: 5, omni: 'Available_Cases', cic: 'Available, Forward' },
      { line: 6, omni: 'Away_Home', cic: 'Gone Home' },
    ]);
    assert.equal(config.acdBusy, null);
    assert.equal(config.workload, null);
    assert.equal(config.omniLogin, 'manual');
  });

  it('parses busy, workload, wildcards, logged out and the login option; ";" separates maps on one line', () => {
    const config = ok(
      'busy on ACD -> omni:Busy_On_Phone; omni workload -> cic:"Do Not Disturb"\r\n' +
        'cic:* -> omni:Break\n' +
        'omni:* -> cic:"At Lunch"\n' +
        'cic:"Gone Home" <-> omni:(logged out)\n' +
        'cic:"semi;colon" -> omni:Break_2\n' +
        'set omni login = AUTO',
    );
    assert.deepEqual(config.acdBusy, { line: 1, omni: 'Busy_On_Phone' });
    assert.deepEqual(config.workload, { line: 1, cic: 'Do Not Disturb' });
    assert.deepEqual(config.toOmni, [
      { line: 2, cic: '*', omni: 'Break' },
      { line: 4, cic: 'Gone Home', omni: OMNI_LOGGED_OUT },
      { line: 5, cic: 'semi;colon', omni: 'Break_2' },
    ]);
    assert.deepEqual(config.toCic, [
      { line: 3, omni: '*', cic: 'At Lunch' },
      { line: 4, omni: OMNI_LOGGED_OUT, cic: 'Gone Home' },
    ]);
    assert.equal(config.omniLogin, 'auto');
  });

  it('accepts the compact one-line form of the call-center default (CIC|both|Omni; …)', () => {
    const config = ok('Available|both|Available; Do Not Disturb|toOmni|Break;Gone Home | toCic | Away');
    assert.deepEqual(config.toOmni, [
      { line: 1, cic: 'Available', omni: 'Available' },
      { line: 1, cic: 'Do Not Disturb', omni: 'Break' },
    ]);
    assert.deepEqual(config.toCic, [
      { line: 1, omni: 'Available', cic: 'Available' },
      { line: 1, omni: 'Away', cic: 'Gone Home' },
    ]);
    assert.deepEqual(
      errors('Available|sideways|Available; A|both; |both|X; A|both|not valid').map((m) =>
        m.replace(/ \(in .*$/, ''),
      ),
      [
        'line 1: "sideways" must be both, toOmni or toCic',
        'line 1: write <CIC status>|both|<Omni status API name> (or toOmni / toCic)',
        'line 1: the CIC status is empty',
        'line 1: omni:not valid is not an Omni status API name (letters, digits and single underscores, starting with a letter), "*" or "(logged out)"',
      ],
    );
  });

  it('an empty text is a valid config with no maps', () => {
    const config = ok('\n  \n# nothing yet\n');
    assert.deepEqual(config.toOmni, []);
    assert.deepEqual(config.toCic, []);
  });

  it('names the line and what is wrong, for every broken line', () => {
    const messages = errors(
      [
        'cic:Available omni:Available', // 1 no arrow
        'cic:A -> omni:B -> cic:C', // 2 two arrows
        'cics:Available -> omni:Available', // 3 unknown side
        'cic:Available -> omni:Not A Name', // 4 bad API name
        'cic:"Open -> omni:X', // 5 unclosed quote
        'cic:A -> cic:B', // 6 same system
        'cic:* <-> omni:Break', // 7 two-way wildcard
        'omni:Break -> cic:*', // 8 wildcard target
        'busy on ACD -> cic:Available', // 9 busy to CIC
        'omni:Break -> busy on ACD', // 10 busy as target
        'omni workload -> omni:Break', // 11 workload to Omni
        'set colour = blue', // 12 unknown option
        'set omni login = sometimes', // 13 bad value
        'cic: -> omni:Break', // 14 empty name
        ' -> omni:Break', // 15 empty side
        'busy on ACD <-> omni:Busy', // 16 busy two-way
        'busy on ACD -> omni:(logged out)', // 17 busy to logged out
      ].join('\n'),
    );
    assert.equal(messages.length, 17);
    messages.forEach((m, i) => assert.match(m, new RegExp(`^line ${i + 1}: `)));
    assert.match(messages[0] ?? '', /no arrow/);
    assert.match(messages[1] ?? '', /more than one arrow/);
    assert.match(messages[2] ?? '', /"cics:Available" is not cic:<CIC status>/);
    assert.match(messages[3] ?? '', /omni:Not A Name is not an Omni status API name/);
    assert.match(messages[4] ?? '', /quote is not closed/);
    assert.match(messages[5] ?? '', /same system/);
    assert.match(messages[6] ?? '', /one way only/);
    assert.match(messages[7] ?? '', /cic:\* can only be on the side changes come from/);
    assert.match(messages[8] ?? '', /"busy on ACD" must point to one Omni status/);
    assert.match(messages[9] ?? '', /can only be on the left/);
    assert.match(messages[10] ?? '', /"omni workload" must point to one CIC status/);
    assert.match(messages[11] ?? '', /unknown option/);
    assert.match(messages[12] ?? '', /auto or manual/);
    assert.match(messages[13] ?? '', /needs a status name/);
    assert.match(messages[14] ?? '', /side of the arrow is empty/);
    assert.match(messages[15] ?? '', /one way only/);
    assert.match(messages[16] ?? '', /must point to one Omni status/);
  });

  it('refuses conflicting maps: one source, two targets in the same direction (case-insensitive)', () => {
    const messages = errors(
      [
        'cic:Available <-> omni:Available',
        'cic:available -> omni:Available_Cases',
        'omni:AVAILABLE -> cic:"At Lunch"',
        'cic:"At Lunch" <-> omni:Available',
        'busy on ACD -> omni:Busy',
        'busy on acd -> omni:Busy2',
        'omni workload -> cic:X',
        'omni workload -> cic:Y',
        'set omni login = auto',
        'set omni login = manual',
        'cic:* -> omni:Break',
        'cic:* -> omni:Break2',
      ].join('\n'),
    );
    assert.deepEqual(
      messages.map((m) => m.split(':')[0]),
      ['line 2', 'line 3', 'line 4', 'line 6', 'line 8', 'line 10', 'line 12'],
    );
    assert.match(messages[0] ?? '', /cic:"available" already goes to omni:Available \(line 1\)/);
    assert.match(messages[1] ?? '', /omni:AVAILABLE already goes to cic:"Available" \(line 1\)/);
    assert.match(messages[3] ?? '', /"busy on ACD" is already mapped \(line 5\)/);
  });

  it('allows many sources to one target (many-to-one), one way', () => {
    const config = ok(
      'cic:"At Lunch" -> omni:Break\ncic:"Gone Home" -> omni:Break\nomni:Break -> cic:"At Lunch"',
    );
    assert.equal(config.toOmni.length, 2);
    assert.equal(config.toCic.length, 1);
  });

  it('reports names the systems do not know, by line', () => {
    const config = ok(
      'cic:Available <-> omni:Available\ncic:Lunch -> omni:Brek\nbusy on ACD -> omni:Busy_On_Phone\nomni workload -> cic:Nope\ncic:* -> omni:(logged out)',
    );
    const problems = unknownOmniSyncNames(config, {
      cicStatusIds: ['available', 'At Lunch'],
      omniApiNames: ['Available', 'Busy_On_Phone', 'Break'],
    });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'line 2: CIC has no status "Lunch"',
        'line 2: Omni-Channel has no presence status with API name Brek',
        'line 4: CIC has no status "Nope"',
      ],
    );
  });
});

describe('Omni sync setting items', () => {
  it('adds the short-form busy and workload items to the maps', () => {
    const r = parseOmniSyncSettingItems({
      statusMaps: 'cic:Available <-> omni:Available',
      busyOmniStatus: ' Busy_On_Phone ',
      workloadCicStatus: 'Do Not Disturb',
    });
    assert.ok(r.ok);
    assert.deepEqual(r.config.acdBusy, { line: 0, omni: 'Busy_On_Phone' });
    assert.deepEqual(r.config.workload, { line: 0, cic: 'Do Not Disturb' });
  });
  it('refuses an item that repeats a line of the maps, and a bad API name', () => {
    const r = parseOmniSyncSettingItems({
      statusMaps: 'busy on ACD -> omni:Busy\nomni workload -> cic:X',
      busyOmniStatus: 'Busy2',
      workloadCicStatus: 'Y',
    });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => e.message),
      [
        'busyOmniStatus and line 1 of statusMaps both set the busy status: keep one',
        'workloadCicStatus and line 2 of statusMaps both set the workload status: keep one',
      ],
    );
    const bad = parseOmniSyncSettingItems({ statusMaps: '', busyOmniStatus: 'Not valid' });
    assert.ok(!bad.ok);
    assert.match(bad.errors[0]?.message ?? '', /busyOmniStatus: Not valid is not an Omni status API name/);
    const broken = parseOmniSyncSettingItems({ statusMaps: 'nonsense' });
    assert.ok(!broken.ok);
  });
});

describe('docs/omni-sync.md', () => {
  it('its syntax example parses', () => {
    const doc = readFileSync(new URL('../../../docs/omni-sync.md', import.meta.url), 'utf8');
    const example = /## Map syntax\s+```\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example, 'no example block');
    const config = ok(example);
    assert.equal(config.toOmni.length, 4);
    assert.equal(config.toCic.length, 4);
    assert.equal(config.omniLogin, 'auto');
    ok('Available|both|Available; Do Not Disturb|toOmni|Break');
  });
});
