/**
 * Rules for a CIC Softphone call center, in either form (see call-center-model.ts): Salesforce's
 * rules for call-center definitions (names, reserved words, the required `reqGeneralInfo` items,
 * Lightning panel sizes, standby pair) and the softphone's own settings (call-center-settings.ts).
 */
// The call-center naming rules are the console emulator's: one definition for both.
import { KNOWN_REQ, NAME_RULE, RESERVED_WORDS } from '../../sim/crm/call-center.js';
import type { CallCenterModel } from './call-center-model.js';
import { settingOf } from './call-center-model.js';
import { crossSettingProblems, OUR_SETTINGS, relativeUrlProblem } from './call-center-settings.js';

export const INTERNAL_NAME_RULE = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** Lightning Experience panel limits (setSoftphonePanelHeight/Width and the call-center file). */
export const LIGHTNING_HEIGHT = { min: 240, max: 2560 } as const;
export const LIGHTNING_WIDTH = { min: 200, max: 1920 } as const;
/** Required in reqGeneralInfo as items (reqInternalName/reqDisplayName come from the file in the Metadata form). */
const REQUIRED_GENERAL_ITEMS = [
  'reqAdapterUrl',
  'reqUseApi',
  'reqSoftphoneHeight',
  'reqSoftphoneWidth',
  'reqSalesforceCompatibilityMode',
];

function adapterUrlProblem(name: string, v: string): string | null {
  if (v.startsWith('/')) {
    const p = relativeUrlProblem(v);
    return p ? `reqGeneralInfo/${name}: ${p}` : null;
  }
  try {
    if (new URL(v).protocol === 'https:') return null;
  } catch {
    // falls through
  }
  return `reqGeneralInfo/${name} must be a relative Visualforce URL (/apex/Page) or an https:// URL, not "${v}"`;
}

function nameProblems(model: CallCenterModel): string[] {
  const problems: string[] = [];
  const checkName = (name: string, where: string): void => {
    if (!NAME_RULE.test(name)) problems.push(`${where}: name "${name}" must be 1–40 letters or digits`);
    if (RESERVED_WORDS.has(name.toLowerCase())) problems.push(`${where}: "${name}" is a reserved word`);
    if (name.startsWith('req') && !KNOWN_REQ.has(name))
      problems.push(`${where}: the "req" prefix is reserved for Salesforce-defined names ("${name}")`);
  };
  const sections = new Set<string>();
  for (const section of model.sections) {
    const where = `section ${section.name || '(unnamed)'}`;
    checkName(section.name, where);
    if (sections.has(section.name)) problems.push(`${where}: duplicate section name`);
    sections.add(section.name);
    if (section.label.length > 1000) problems.push(`${where}: label longer than 1000 characters`);
    const items = new Set<string>();
    for (const item of section.items) {
      const w = `${where} item ${item.name || '(unnamed)'}`;
      checkName(item.name, w);
      if (items.has(item.name)) problems.push(`${w}: duplicate item name`);
      items.add(item.name);
      if (item.label.length > 1000) problems.push(`${w}: label longer than 1000 characters`);
    }
  }
  return problems;
}

function generalProblems(model: CallCenterModel): string[] {
  const problems: string[] = [];
  const general = model.sections.find((s) => s.name === 'reqGeneralInfo');
  if (!general) return ['the reqGeneralInfo section is required'];
  if (model.sections[0] !== general) problems.push('reqGeneralInfo must be the first section');
  const value = (name: string): string | undefined => general.items.find((i) => i.name === name)?.value;
  if (model.form === 'import') {
    if (general.items[0]?.name !== 'reqInternalName')
      problems.push('reqGeneralInfo/reqInternalName is required with sortOrder 0');
    if (general.items[1]?.name !== 'reqDisplayName')
      problems.push('reqGeneralInfo/reqDisplayName is required with sortOrder 1');
  } else {
    for (const name of ['reqInternalName', 'reqDisplayName']) {
      if (value(name) !== undefined)
        problems.push(
          `reqGeneralInfo/${name} is not an item in the Metadata API form (it comes from ${name === 'reqInternalName' ? 'the file name' : '<displayName>'})`,
        );
    }
    if (!model.displayNameLabel) problems.push('<displayNameLabel> is required');
    if (!model.internalNameLabel) problems.push('<internalNameLabel> is required');
  }
  const internal = model.internalName;
  if (internal === undefined || !INTERNAL_NAME_RULE.test(internal)) {
    problems.push(
      `the internal name "${internal ?? ''}" must be 1–40 letters or digits starting with a letter (no underscores)`,
    );
  }
  const display = model.displayName;
  if (display === undefined || display.length === 0 || display.length > 1000)
    problems.push('the display name must be 1–1000 characters');
  for (const name of REQUIRED_GENERAL_ITEMS)
    if (value(name) === undefined) problems.push(`reqGeneralInfo/${name} is required`);
  const adapter = value('reqAdapterUrl');
  if (adapter !== undefined) {
    const p = adapterUrlProblem('reqAdapterUrl', adapter);
    if (p) problems.push(p);
    if (model.form === 'metadata' && model.adapterUrl !== adapter)
      problems.push(
        `<adapterUrl> "${model.adapterUrl ?? ''}" differs from reqGeneralInfo/reqAdapterUrl "${adapter}"`,
      );
  }
  const useApi = value('reqUseApi');
  if (useApi !== undefined && useApi !== 'true')
    problems.push(`reqGeneralInfo/reqUseApi must be true for Open CTI, not "${useApi}"`);
  const mode = value('reqSalesforceCompatibilityMode');
  if (mode !== undefined && mode !== 'Lightning' && mode !== 'Classic_and_Lightning') {
    problems.push(
      `reqGeneralInfo/reqSalesforceCompatibilityMode must be Lightning (or Classic_and_Lightning), not "${mode}": the softphone runs in Lightning Experience only`,
    );
  }
  const range = (name: string, { min, max }: { min: number; max: number }): void => {
    const v = value(name);
    if (v !== undefined && (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)) {
      problems.push(
        `reqGeneralInfo/${name} must be a whole number of pixels from ${min} to ${max} in Lightning Experience, not "${v}"`,
      );
    }
  };
  range('reqSoftphoneHeight', LIGHTNING_HEIGHT);
  range('reqSoftphoneWidth', LIGHTNING_WIDTH);
  const standby = value('reqStandbyUrl');
  const timeout = value('reqTimeout');
  if ((standby === undefined) !== (timeout === undefined))
    problems.push('reqGeneralInfo/reqStandbyUrl and reqTimeout go together');
  if (standby !== undefined) {
    const p = adapterUrlProblem('reqStandbyUrl', standby);
    if (p) problems.push(p);
  }
  if (timeout !== undefined && !(/^\d+$/.test(timeout) && Number(timeout) > 0))
    problems.push(`reqGeneralInfo/reqTimeout must be a positive number of milliseconds, not "${timeout}"`);
  if (model.form === 'metadata' && model.customSettings)
    problems.push(...customSettingsProblems(model.customSettings, value));
  return problems;
}

/** `<customSettings>` repeats general items as JSON (what a retrieve returns); it must agree with them. */
function customSettingsProblems(json: string, value: (name: string) => string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return ['<customSettings> is not JSON'];
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return ['<customSettings> must be a JSON object'];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(parsed)) {
    if (typeof v !== 'string') problems.push(`<customSettings> ${key} must be a string`);
    else if (value(key) !== v)
      problems.push(
        `<customSettings> ${key} "${v}" differs from reqGeneralInfo/${key} "${value(key) ?? '(missing)'}"`,
      );
  }
  return problems;
}

function ourSettingProblems(model: CallCenterModel): string[] {
  const problems: string[] = [];
  for (const section of model.sections) {
    if (section.name.startsWith('req')) continue;
    const spec = OUR_SETTINGS[section.name];
    if (!spec) {
      problems.push(
        `section ${section.name} is not a CIC Softphone setting section (known: ${Object.keys(OUR_SETTINGS).join(', ')})`,
      );
      continue;
    }
    for (const item of section.items) {
      const itemSpec = spec[item.name];
      if (!itemSpec) {
        problems.push(
          `/${section.name}/${item.name} is not a CIC Softphone setting (known in ${section.name}: ${Object.keys(spec).join(', ')})`,
        );
        continue;
      }
      const p = itemSpec.check(item.value);
      if (p) problems.push(`/${section.name}/${item.name} ${p}`);
    }
  }
  const value = (section: string, item: string): string =>
    settingOf(model, section, item) ?? OUR_SETTINGS[section]?.[item]?.defaultValue ?? '';
  problems.push(...crossSettingProblems(value));
  return problems;
}

/** Every problem with one definition. */
export function checkCallCenter(model: CallCenterModel): string[] {
  return [...nameProblems(model), ...generalProblems(model), ...ourSettingProblems(model)];
}

/** Differences between the Metadata form and the import form of the same call center. */
export function compareCallCenters(meta: CallCenterModel, imported: CallCenterModel): string[] {
  const problems: string[] = [];
  if (meta.internalName !== imported.internalName)
    problems.push(
      `internal name: metadata "${meta.internalName ?? ''}", import "${imported.internalName ?? ''}"`,
    );
  if (meta.displayName !== imported.displayName)
    problems.push(
      `display name: metadata "${meta.displayName ?? ''}", import "${imported.displayName ?? ''}"`,
    );
  const strip = (m: CallCenterModel) =>
    m.sections.map((s) =>
      s.name === 'reqGeneralInfo'
        ? { ...s, items: s.items.filter((i) => i.name !== 'reqInternalName' && i.name !== 'reqDisplayName') }
        : s,
    );
  const a = strip(meta);
  const b = strip(imported);
  const names = (list: typeof a) => list.map((s) => s.name).join(', ');
  if (names(a) !== names(b)) problems.push(`sections differ: metadata [${names(a)}], import [${names(b)}]`);
  for (const [i, sa] of a.entries()) {
    const sb = b[i];
    if (!sb || sb.name !== sa.name) continue;
    if (sa.label !== sb.label) problems.push(`section ${sa.name}: label "${sa.label}" vs "${sb.label}"`);
    const length = Math.max(sa.items.length, sb.items.length);
    for (let j = 0; j < length; j++) {
      const ia = sa.items[j];
      const ib = sb.items[j];
      const where = `section ${sa.name} position ${j}`;
      if (!ia || !ib)
        problems.push(
          `${where}: item ${ia?.name ?? ib?.name ?? ''} only in the ${ia ? 'metadata' : 'import'} file`,
        );
      else if (ia.name !== ib.name)
        problems.push(`${where}: item ${ia.name} (metadata) vs ${ib.name} (import)`);
      else {
        if (ia.value !== ib.value)
          problems.push(`/${sa.name}/${ia.name}: value "${ia.value}" (metadata) vs "${ib.value}" (import)`);
        if (ia.label !== ib.label)
          problems.push(`/${sa.name}/${ia.name}: label "${ia.label}" (metadata) vs "${ib.label}" (import)`);
      }
    }
  }
  return problems;
}
