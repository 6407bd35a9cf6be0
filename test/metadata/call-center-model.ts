/**
 * Reads a call-center definition in either of its two forms into one model:
 * - the Metadata API form (`callCenters/<InternalName>.callCenter-meta.xml`: `<CallCenter>` with
 *   `<sections><items><label/><name/><value/></items><label/><name/></sections>`; the internal
 *   name is the file name, the display name is `<displayName>`, order is document order);
 * - the import form (Setup → Call Centers → Import: `<callCenter><section sortOrder name label>
 *   <item sortOrder name label>value</item>`; `reqInternalName`/`reqDisplayName` are items).
 * Structural problems (unknown elements, bad sortOrder) are collected, not thrown.
 */
import { XMLParser } from 'fast-xml-parser';

export interface CallCenterItem {
  readonly name: string;
  readonly label: string;
  readonly value: string;
}
export interface CallCenterSection {
  readonly name: string;
  readonly label: string;
  readonly items: readonly CallCenterItem[];
}
export interface CallCenterModel {
  readonly form: 'metadata' | 'import';
  readonly internalName: string | undefined;
  readonly displayName: string | undefined;
  readonly sections: readonly CallCenterSection[];
  /** Metadata form only. */
  readonly adapterUrl?: string;
  readonly customSettings?: string;
  readonly displayNameLabel?: string;
  readonly internalNameLabel?: string;
}

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['sections', 'items', 'section', 'item'].includes(name),
});

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Text content of a parsed element ('' when empty). */
function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim();
  if (isNode(value)) return typeof value['#text'] === 'string' ? value['#text'].trim() : '';
  return String(value);
}

function children(node: Node): string[] {
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}

const METADATA_TOP = new Set([
  'adapterUrl',
  'contactCenterChannels',
  'customSettings',
  'displayName',
  'displayNameLabel',
  'internalNameLabel',
  'sections',
  'version',
]);

/** Parses the Metadata API form. `fullName` is the file name without `.callCenter-meta.xml`. */
export function parseMetadataCallCenter(
  xml: string,
  fullName: string,
  problems: string[],
): CallCenterModel | null {
  const doc = parser.parse(xml) as Node;
  const root = doc['CallCenter'];
  const roots = children(doc).filter((k) => k !== '?xml');
  if (!isNode(root) || roots.length !== 1) {
    problems.push(`the root element must be <CallCenter>, found <${roots.join('>, <') || 'nothing'}>`);
    return null;
  }
  if (root['@_xmlns'] !== METADATA_NAMESPACE)
    problems.push(`<CallCenter> must declare xmlns="${METADATA_NAMESPACE}"`);
  for (const key of children(root)) {
    if (!METADATA_TOP.has(key)) problems.push(`<CallCenter> has an unknown element <${key}>`);
    else if (key !== 'sections' && Array.isArray(root[key]))
      problems.push(`<CallCenter> has more than one <${key}>`);
  }
  const sections: CallCenterSection[] = [];
  for (const raw of (root['sections'] as unknown[] | undefined) ?? []) {
    if (!isNode(raw)) {
      problems.push('a <sections> element is empty');
      continue;
    }
    const name = text(raw['name']) ?? '';
    for (const key of children(raw)) {
      if (!['items', 'label', 'name'].includes(key)) {
        const hint =
          key === 'sortOrder' ? ' (the Metadata API form has no sortOrder: document order is the order)' : '';
        problems.push(`section ${name || '(unnamed)'}: unknown element <${key}>${hint}`);
      }
    }
    if (raw['name'] === undefined) problems.push('a <sections> element has no <name>');
    const items: CallCenterItem[] = [];
    for (const rawItem of (raw['items'] as unknown[] | undefined) ?? []) {
      if (!isNode(rawItem)) {
        problems.push(`section ${name}: an <items> element is empty`);
        continue;
      }
      const itemName = text(rawItem['name']) ?? '';
      for (const key of children(rawItem)) {
        if (!['label', 'name', 'value'].includes(key)) {
          const hint =
            key === 'sortOrder'
              ? ' (the Metadata API form has no sortOrder: document order is the order)'
              : '';
          problems.push(`section ${name} item ${itemName || '(unnamed)'}: unknown element <${key}>${hint}`);
        }
      }
      if (rawItem['name'] === undefined) problems.push(`section ${name}: an <items> element has no <name>`);
      items.push({
        name: itemName,
        label: text(rawItem['label']) ?? '',
        value: text(rawItem['value']) ?? '',
      });
    }
    sections.push({ name, label: text(raw['label']) ?? '', items });
  }
  return {
    form: 'metadata',
    internalName: fullName,
    displayName: text(root['displayName']),
    sections,
    adapterUrl: text(root['adapterUrl']),
    customSettings: text(root['customSettings']),
    displayNameLabel: text(root['displayNameLabel']),
    internalNameLabel: text(root['internalNameLabel']),
  };
}

/** Orders elements by their sortOrder attribute, reporting values that are not 0, 1, 2, … */
function bySortOrder(elements: Node[], where: string, problems: string[]): Node[] {
  const seen = new Map<number, string>();
  let valid = true;
  for (const e of elements) {
    const name = String(e['@_name'] ?? '(unnamed)');
    const order = e['@_sortOrder'];
    if (typeof order !== 'string' || !/^\d+$/.test(order)) {
      problems.push(
        `${where} "${name}": sortOrder must be a non-negative integer, found ${order === undefined ? 'none' : `"${String(order)}"`}`,
      );
      valid = false;
      continue;
    }
    const n = Number(order);
    const other = seen.get(n);
    if (other !== undefined) {
      problems.push(`${where}: duplicate sortOrder ${n} ("${other}" and "${name}")`);
      valid = false;
    }
    seen.set(n, name);
  }
  if (valid) {
    const orders = [...seen.keys()].sort((a, b) => a - b);
    if (orders.some((o, i) => o !== i))
      problems.push(
        `${where}: sortOrder values must run 0, 1, 2, … without gaps (found ${orders.join(', ')})`,
      );
  }
  return [...elements].sort((a, b) => Number(a['@_sortOrder']) - Number(b['@_sortOrder']));
}

/** Parses the import form. */
export function parseImportCallCenter(xml: string, problems: string[]): CallCenterModel | null {
  const doc = parser.parse(xml) as Node;
  const roots = children(doc).filter((k) => k !== '?xml');
  const root = doc['callCenter'];
  if (roots.length !== 1 || root === undefined) {
    problems.push(`the root element must be <callCenter>, found <${roots.join('>, <') || 'nothing'}>`);
    return null;
  }
  const rootNode: Node = isNode(root) ? root : {};
  for (const key of children(rootNode))
    if (key !== 'section') problems.push(`<callCenter> may contain only <section>, found <${key}>`);
  const sections: CallCenterSection[] = [];
  const rawSections = ((rootNode['section'] as unknown[] | undefined) ?? []).map((s) => (isNode(s) ? s : {}));
  for (const raw of bySortOrder(rawSections, 'section', problems)) {
    const name = String(raw['@_name'] ?? '');
    if (raw['@_name'] === undefined) problems.push('a <section> has no name attribute');
    for (const key of children(raw))
      if (key !== 'item') problems.push(`section ${name}: may contain only <item>, found <${key}>`);
    const rawItems = ((raw['item'] as unknown[] | undefined) ?? []).map((i) =>
      isNode(i) ? i : { '#text': String(i) },
    );
    const items: CallCenterItem[] = [];
    for (const item of bySortOrder(rawItems, `section ${name} item`, problems)) {
      if (item['@_name'] === undefined) problems.push(`section ${name}: an <item> has no name attribute`);
      if (children(item).length > 0)
        problems.push(`section ${name} item ${String(item['@_name'])}: items hold text only`);
      items.push({
        name: String(item['@_name'] ?? ''),
        label: String(item['@_label'] ?? ''),
        value: text(item) ?? '',
      });
    }
    sections.push({ name, label: String(raw['@_label'] ?? ''), items });
  }
  const general = sections.find((s) => s.name === 'reqGeneralInfo');
  const value = (n: string): string | undefined => general?.items.find((i) => i.name === n)?.value;
  return {
    form: 'import',
    internalName: value('reqInternalName'),
    displayName: value('reqDisplayName'),
    sections,
  };
}

/** Looks up `/section/item`. */
export function settingOf(model: CallCenterModel, section: string, item: string): string | undefined {
  return model.sections.find((s) => s.name === section)?.items.find((i) => i.name === item)?.value;
}
