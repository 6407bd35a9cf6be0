/**
 * The call-center definition the emulator serves through `getCallCenterSettings`: sections of
 * items, given as JSON (option `callCenterSettings`) or as the import-format XML admins load in
 * Setup → Call Centers → Import. Validated with Salesforce's rules for that file (names, reserved
 * words, contiguous sort orders, the required `reqGeneralInfo` items, Lightning size ranges).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseXml, XmlError, type XmlElement } from './xml.js';

export const callCenterItemSchema = z
  .object({ name: z.string(), label: z.string(), value: z.string() })
  .strict();
export const callCenterSectionSchema = z
  .object({ name: z.string(), label: z.string(), items: z.array(callCenterItemSchema) })
  .strict();
/** JSON form: sections and items in sort order (the array index is the sortOrder). */
export const callCenterDefinitionSchema = z
  .object({
    internalNameLabel: z.string().default('Internal Name'),
    displayNameLabel: z.string().default('Display Name'),
    sections: z.array(callCenterSectionSchema).min(1),
  })
  .strict();
export type CallCenterDefinition = z.infer<typeof callCenterDefinitionSchema>;
export type CallCenterSection = z.infer<typeof callCenterSectionSchema>;

export class CallCenterError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid call center definition:\n- ${problems.join('\n- ')}`);
    this.name = 'CallCenterError';
  }
}

/** `req` names Salesforce defines; any other `req…` name is reserved and rejected. */
export const KNOWN_REQ = new Set([
  'reqGeneralInfo',
  'reqInternalName',
  'reqDisplayName',
  'reqAdapterUrl',
  'reqUseApi',
  'reqSoftphoneHeight',
  'reqSoftphoneWidth',
  'reqSalesforceCompatibilityMode',
  'reqStandbyUrl',
  'reqTimeout',
  'reqDescription',
  'reqDialingOptions',
  'reqOutsidePrefix',
  'reqLongDistPrefix',
  'reqInternationalPrefix',
]);
/** Section and item names Salesforce reserves. */
export const RESERVED_WORDS = new Set(['label', 'sortorder', 'internalnamelabel', 'displaynamelabel']);
/** Section and item names: 1–40 letters or digits. */
export const NAME_RULE = /^[A-Za-z0-9]{1,40}$/;
const REQUIRED_GENERAL = [
  'reqInternalName',
  'reqDisplayName',
  'reqAdapterUrl',
  'reqUseApi',
  'reqSoftphoneHeight',
  'reqSoftphoneWidth',
];

/** Checks a definition against the import-file rules. Returns every problem found. */
export function validateCallCenter(def: CallCenterDefinition): string[] {
  const problems: string[] = [];
  const checkName = (name: string, where: string): void => {
    if (!NAME_RULE.test(name)) problems.push(`${where}: name "${name}" must be 1–40 letters or digits`);
    if (RESERVED_WORDS.has(name.toLowerCase())) problems.push(`${where}: "${name}" is a reserved word`);
    if (name.startsWith('req') && !KNOWN_REQ.has(name)) {
      problems.push(`${where}: the "req" prefix is reserved for Salesforce-defined names ("${name}")`);
    }
  };
  const sectionNames = new Set<string>();
  def.sections.forEach((section, i) => {
    const where = `section ${section.name || i}`;
    checkName(section.name, where);
    if (sectionNames.has(section.name)) problems.push(`${where}: duplicate section name`);
    sectionNames.add(section.name);
    if (section.label.length > 1000) problems.push(`${where}: label longer than 1000 characters`);
    const itemNames = new Set<string>();
    section.items.forEach((item) => {
      const w = `${where} item ${item.name}`;
      checkName(item.name, w);
      if (itemNames.has(item.name)) problems.push(`${w}: duplicate item name`);
      itemNames.add(item.name);
      if (item.label.length > 1000) problems.push(`${w}: label longer than 1000 characters`);
    });
  });
  const general = def.sections.find((s) => s.name === 'reqGeneralInfo');
  if (!general) {
    problems.push('the reqGeneralInfo section is required');
    return problems;
  }
  const value = (name: string): string | undefined => general.items.find((i) => i.name === name)?.value;
  for (const name of REQUIRED_GENERAL)
    if (value(name) === undefined) problems.push(`reqGeneralInfo: ${name} is required`);
  if (general.items[0]?.name !== 'reqInternalName')
    problems.push('reqGeneralInfo: reqInternalName must have sortOrder 0');
  if (general.items[1]?.name !== 'reqDisplayName')
    problems.push('reqGeneralInfo: reqDisplayName must have sortOrder 1');
  const internal = value('reqInternalName');
  if (internal !== undefined && !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(internal)) {
    problems.push('reqGeneralInfo: reqInternalName must be 1–40 letters or digits starting with a letter');
  }
  const display = value('reqDisplayName');
  if (display !== undefined && (display.length === 0 || display.length > 1000)) {
    problems.push('reqGeneralInfo: reqDisplayName must be 1–1000 characters');
  }
  const useApi = value('reqUseApi');
  if (useApi !== undefined && useApi !== 'true')
    problems.push('reqGeneralInfo: reqUseApi must be "true" for Open CTI');
  const mode = value('reqSalesforceCompatibilityMode');
  if (mode !== undefined && !['Classic', 'Lightning', 'Classic_and_Lightning'].includes(mode)) {
    problems.push(
      `reqGeneralInfo: reqSalesforceCompatibilityMode "${mode}" is not Classic, Lightning or Classic_and_Lightning`,
    );
  } else if (mode === undefined || mode === 'Classic') {
    problems.push(
      'reqGeneralInfo: reqSalesforceCompatibilityMode must be Lightning or Classic_and_Lightning, or the softphone is not shown in Lightning Experience',
    );
  }
  const range = (name: string, min: number, max: number): void => {
    const v = value(name);
    if (v === undefined) return;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      problems.push(`reqGeneralInfo: ${name} must be a whole number of pixels from ${min} to ${max}`);
  };
  range('reqSoftphoneHeight', 240, 2560);
  range('reqSoftphoneWidth', 200, 1920);
  const standby = value('reqStandbyUrl');
  const timeout = value('reqTimeout');
  if ((standby === undefined) !== (timeout === undefined))
    problems.push('reqGeneralInfo: reqStandbyUrl and reqTimeout go together');
  if (timeout !== undefined && !/^\d+$/.test(timeout))
    problems.push('reqGeneralInfo: reqTimeout must be milliseconds');
  return problems;
}

/** Reads the import-format XML (`<callCenter><section sortOrder name label><item …>value</item>`). */
export function parseCallCenterXml(xml: string): CallCenterDefinition {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError) throw new CallCenterError([`XML: ${error.message}`]);
    throw error;
  }
  const problems: string[] = [];
  if (root.name !== 'callCenter') problems.push(`root element must be <callCenter>, not <${root.name}>`);
  const ordered = <T extends XmlElement>(elements: readonly T[], where: string): T[] => {
    const withOrder = elements.map((e) => ({ e, order: e.attributes['sortOrder'] }));
    for (const { e, order } of withOrder) {
      if (order === undefined || !/^\d+$/.test(order)) {
        problems.push(
          `${where} <${e.name} name="${e.attributes['name'] ?? ''}">: sortOrder must be a non-negative integer`,
        );
      }
    }
    const orders = withOrder.map((x) => Number(x.order)).sort((a, b) => a - b);
    if (orders.some((o, i) => o !== i))
      problems.push(`${where}: sortOrder values must be 0, 1, 2, … without gaps or repeats`);
    return withOrder.sort((a, b) => Number(a.order) - Number(b.order)).map((x) => x.e);
  };
  const sections: CallCenterSection[] = [];
  for (const child of root.children) {
    if (child.name !== 'section')
      problems.push(`<callCenter> may contain only <section>, found <${child.name}>`);
  }
  for (const section of ordered(
    root.children.filter((c) => c.name === 'section'),
    '<callCenter>',
  )) {
    const name = section.attributes['name'] ?? '';
    if (section.attributes['name'] === undefined) problems.push('a <section> has no name');
    const items = [];
    for (const child of section.children) {
      if (child.name !== 'item')
        problems.push(`section ${name}: may contain only <item>, found <${child.name}>`);
    }
    for (const item of ordered(
      section.children.filter((c) => c.name === 'item'),
      `section ${name}`,
    )) {
      if (item.attributes['name'] === undefined) problems.push(`section ${name}: an <item> has no name`);
      if (item.children.length > 0)
        problems.push(`section ${name} item ${item.attributes['name'] ?? ''}: items hold text only`);
      items.push({
        name: item.attributes['name'] ?? '',
        label: item.attributes['label'] ?? '',
        value: item.text.trim(),
      });
    }
    sections.push({ name, label: section.attributes['label'] ?? '', items });
  }
  if (problems.length > 0) throw new CallCenterError(problems);
  return { internalNameLabel: 'Internal Name', displayNameLabel: 'Display Name', sections };
}

/** Loads a definition from JSON (object), a `.json` file or an import-format `.xml` file, and validates it. */
export function loadCallCenter(source: string | unknown): CallCenterDefinition {
  let raw: unknown = source;
  if (typeof source === 'string') {
    const text = readFileSync(source, 'utf8');
    if (source.toLowerCase().endsWith('.xml') || text.trimStart().startsWith('<')) {
      const def = parseCallCenterXml(text);
      const problems = validateCallCenter(def);
      if (problems.length > 0) throw new CallCenterError(problems);
      return def;
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new CallCenterError([`${source} is not JSON: ${(error as Error).message}`]);
    }
  }
  const parsed = callCenterDefinitionSchema.safeParse(raw);
  if (!parsed.success)
    throw new CallCenterError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const problems = validateCallCenter(parsed.data);
  if (problems.length > 0) throw new CallCenterError(problems);
  return parsed.data;
}

/** Sets (or adds) one item's value, addressed as `/section/item`. */
export function withSetting(
  def: CallCenterDefinition,
  path: string,
  value: string,
  label?: string,
): CallCenterDefinition {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) throw new CallCenterError([`setting path "${path}" must look like /section/item`]);
  const [, sectionName, itemName] = m as unknown as [string, string, string];
  const sections = def.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i })) }));
  let section = sections.find((s) => s.name === sectionName);
  if (!section) {
    section = { name: sectionName, label: sectionName, items: [] };
    sections.push(section);
  }
  const item = section.items.find((i) => i.name === itemName);
  if (item) item.value = value;
  else section.items.push({ name: itemName, label: label ?? itemName, value });
  return { ...def, sections };
}

/** The flat `getCallCenterSettings` map: `/section/item` → value plus labels and sort orders. */
export function flattenCallCenter(def: CallCenterDefinition): Record<string, string> {
  const out: Record<string, string> = {
    '/internalNameLabel': def.internalNameLabel,
    '/displayNameLabel': def.displayNameLabel,
  };
  const display = def.sections
    .find((s) => s.name === 'reqGeneralInfo')
    ?.items.find((i) => i.name === 'reqDisplayName');
  if (display) out['/label'] = display.value;
  def.sections.forEach((section, i) => {
    out[`/${section.name}/label`] = section.label;
    out[`/${section.name}/sortOrder`] = `${i}.0`;
    section.items.forEach((item, j) => {
      out[`/${section.name}/${item.name}`] = item.value;
      out[`/${section.name}/${item.name}/label`] = item.label;
      out[`/${section.name}/${item.name}/sortOrder`] = `${j}.0`;
    });
  });
  return out;
}

/** Reads one item value. */
export function settingValue(def: CallCenterDefinition, section: string, item: string): string | undefined {
  return def.sections.find((s) => s.name === section)?.items.find((i) => i.name === item)?.value;
}

/** The built-in demo call center: general info, dialing options, and the CIC server URL. */
export function demoCallCenter(adapterUrl: string, cicServerUrl: string): CallCenterDefinition {
  return {
    internalNameLabel: 'Internal Name',
    displayNameLabel: 'Display Name',
    sections: [
      {
        name: 'reqGeneralInfo',
        label: 'General Information',
        items: [
          { name: 'reqInternalName', label: 'Internal Name', value: 'CICSoftphone' },
          { name: 'reqDisplayName', label: 'Display Name', value: 'CIC Softphone (demo)' },
          { name: 'reqAdapterUrl', label: 'CTI Adapter URL', value: adapterUrl },
          { name: 'reqUseApi', label: 'Use CTI API', value: 'true' },
          { name: 'reqSoftphoneHeight', label: 'Softphone Height', value: '520' },
          { name: 'reqSoftphoneWidth', label: 'Softphone Width', value: '340' },
          {
            name: 'reqSalesforceCompatibilityMode',
            label: 'Salesforce Compatibility Mode',
            value: 'Lightning',
          },
        ],
      },
      {
        name: 'reqDialingOptions',
        label: 'Dialing Options',
        items: [
          { name: 'reqOutsidePrefix', label: 'Outside Prefix', value: '' },
          { name: 'reqLongDistPrefix', label: 'Long Distance Prefix', value: '1' },
          { name: 'reqInternationalPrefix', label: 'International Prefix', value: '011' },
        ],
      },
      {
        name: 'cicServer',
        label: 'CIC Server',
        items: [{ name: 'cicServerUrl', label: 'CIC server URL', value: cicServerUrl }],
      },
    ],
  };
}
