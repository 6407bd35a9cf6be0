/**
 * The CIC Softphone's own call-center settings (sections without the `req` prefix): every
 * section and item the softphone reads, with the syntax of its value. docs/admin-guide.md
 * documents the same list; the adapter (src/crm) reads these names.
 */

export type SettingCheck = (value: string) => string | null;

const LIST = /\s*,\s*/;
const STATUS_MAP_DIRECTIONS = ['both', 'toOmni', 'toCic'] as const;
/** Salesforce API names: Contact, Case, ns__Thing__c, Busy_On_Phone. */
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** CIC attribute names: Eic_RemoteAddress, CustomerId, SF_Pop.Key. */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

function list(value: string): string[] {
  return value.trim() === '' ? [] : value.trim().split(LIST);
}

const boolean: SettingCheck = (v) =>
  v === 'true' || v === 'false' ? null : `must be true or false, not "${v}"`;

function integer(min: number, max: number): SettingCheck {
  return (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max
      ? null
      : `must be a whole number from ${min} to ${max}, not "${v}"`;
}

function oneOf(...values: string[]): SettingCheck {
  return (v) => (values.includes(v) ? null : `must be one of ${values.join(', ')}, not "${v}"`);
}

function optional(check: SettingCheck): SettingCheck {
  return (v) => (v === '' ? null : check(v));
}

export function httpUrlProblem(v: string): string | null {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `"${v}" must be an https:// (or http://) URL`;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '')
    return `"${v}" must be a server address only (scheme, host, port)`;
  return null;
}

/** A relative Salesforce URL such as /apex/Page or /lightning/o/Case/home. */
export function relativeUrlProblem(v: string): string | null {
  if (!v.startsWith('/') || v.startsWith('//')) return `"${v}" must be a relative URL starting with one "/"`;
  if (/\s/.test(v)) return `"${v}" must not contain spaces`;
  return null;
}

const urlList: SettingCheck = (v) => {
  for (const entry of list(v)) {
    const p = httpUrlProblem(entry);
    if (p) return p;
  }
  return null;
};

const authenticationTypes: SettingCheck = (v) => {
  const types = list(v);
  if (types.length === 0) return 'must name at least one of cic, sso';
  for (const t of types)
    if (t !== 'cic' && t !== 'sso') return `"${t}" is not an authentication type (cic, sso)`;
  if (new Set(types).size !== types.length) return 'names a type twice';
  return null;
};

const tokenList: SettingCheck = (v) => (list(v).some((t) => t === '') ? 'has an empty entry' : null);

/** `attribute=TaskField, attribute2=TaskField2`. */
export function parseAttributeMap(v: string): { pairs: Array<[string, string]>; problem: string | null } {
  const pairs: Array<[string, string]> = [];
  for (const entry of list(v)) {
    const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(entry);
    if (!m) return { pairs, problem: `"${entry}" is not attribute=TaskField` };
    const [, attribute, field] = m as unknown as [string, string, string];
    if (!ATTRIBUTE_NAME.test(attribute))
      return { pairs, problem: `"${attribute}" is not an interaction attribute name` };
    if (!API_NAME.test(field)) return { pairs, problem: `"${field}" is not a Task field API name` };
    if (pairs.some(([a]) => a === attribute))
      return { pairs, problem: `attribute ${attribute} is mapped twice` };
    pairs.push([attribute, field]);
  }
  return { pairs, problem: null };
}

export interface StatusMap {
  readonly cicStatus: string;
  readonly direction: (typeof STATUS_MAP_DIRECTIONS)[number];
  readonly omniStatus: string;
}

/** `CIC status|both|Omni_Api_Name; CIC status|toOmni|Omni_Api_Name; …` */
export function parseStatusMaps(v: string): { maps: StatusMap[]; problem: string | null } {
  const maps: StatusMap[] = [];
  const entries = v.split(';').map((e) => e.trim());
  if (entries.length > 0 && entries[entries.length - 1] === '') entries.pop();
  for (const entry of entries) {
    const parts = entry.split('|').map((p) => p.trim());
    if (parts.length !== 3) return { maps, problem: `"${entry}" is not "CIC status|direction|Omni status"` };
    const [cicStatus, direction, omniStatus] = parts as [string, string, string];
    if (cicStatus === '') return { maps, problem: `"${entry}" has no CIC status` };
    if (!(STATUS_MAP_DIRECTIONS as readonly string[]).includes(direction))
      return { maps, problem: `"${direction}" is not a direction (both, toOmni, toCic)` };
    if (!API_NAME.test(omniStatus))
      return { maps, problem: `"${omniStatus}" is not an Omni-Channel status API name` };
    maps.push({ cicStatus, direction: direction as StatusMap['direction'], omniStatus });
  }
  for (const [i, a] of maps.entries()) {
    for (const b of maps.slice(i + 1)) {
      if (a.cicStatus === b.cicStatus && a.direction !== 'toCic' && b.direction !== 'toCic')
        return { maps, problem: `CIC status "${a.cicStatus}" is sent to Omni-Channel by two maps` };
      if (a.omniStatus === b.omniStatus && a.direction !== 'toOmni' && b.direction !== 'toOmni')
        return { maps, problem: `Omni-Channel status ${a.omniStatus} is sent to CIC by two maps` };
    }
  }
  return { maps, problem: null };
}

const cicStatusName: SettingCheck = (v) => (/[|;]/.test(v) ? `"${v}" must not contain | or ;` : null);

export interface SettingSpec {
  readonly check: SettingCheck;
  /** The value the softphone uses when the item is missing. */
  readonly defaultValue: string;
}

/** Section → item → spec. */
export const OUR_SETTINGS: Readonly<Record<string, Readonly<Record<string, SettingSpec>>>> = {
  cicServer: {
    cicServerUrl: { check: optional(httpUrlProblem), defaultValue: '' },
    alternateUrls: { check: urlList, defaultValue: '' },
  },
  cicLogon: {
    authenticationTypes: { check: authenticationTypes, defaultValue: 'cic,sso' },
    identityProviders: { check: tokenList, defaultValue: '' },
  },
  screenPop: {
    enabled: { check: boolean, defaultValue: 'true' },
    newRecordObject: {
      check: (v) => (API_NAME.test(v) ? null : `"${v}" is not an object API name`),
      defaultValue: 'Contact',
    },
    attributeName: {
      check: optional((v) => (ATTRIBUTE_NAME.test(v) ? null : `"${v}" is not an interaction attribute name`)),
      defaultValue: '',
    },
    attributePopType: { check: oneOf('url', 'search'), defaultValue: 'url' },
    attributePopUrl: { check: optional(relativeUrlProblem), defaultValue: '' },
  },
  callLog: {
    enabled: { check: boolean, defaultValue: 'true' },
    editWindowMinutes: { check: integer(0, 1440), defaultValue: '2' },
    attributeMap: { check: (v) => parseAttributeMap(v).problem, defaultValue: '' },
    autoAssociateOnNavigation: { check: boolean, defaultValue: 'true' },
  },
  omniSync: {
    enabled: { check: boolean, defaultValue: 'false' },
    statusMaps: { check: (v) => parseStatusMaps(v).problem, defaultValue: '' },
    busyOmniStatus: {
      check: optional((v) => (API_NAME.test(v) ? null : `"${v}" is not an Omni-Channel status API name`)),
      defaultValue: '',
    },
    workloadCicStatus: { check: cicStatusName, defaultValue: '' },
  },
  panel: {
    showOnAlerting: { check: boolean, defaultValue: 'true' },
    language: {
      check: optional((v) =>
        /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(v)
          ? null
          : `"${v}" is not a language tag such as en-US, ja, es, fr`,
      ),
      defaultValue: '',
    },
  },
};

/** Rules that involve more than one item. `value` returns the item or its default. */
export function crossSettingProblems(value: (section: string, item: string) => string): string[] {
  const problems: string[] = [];
  const types = value('cicLogon', 'authenticationTypes').split(LIST);
  if (value('cicLogon', 'identityProviders').trim() !== '' && !types.includes('sso')) {
    problems.push('/cicLogon/identityProviders is set but authenticationTypes does not allow sso');
  }
  if (
    value('screenPop', 'attributeName') !== '' &&
    value('screenPop', 'attributePopType') === 'url' &&
    value('screenPop', 'attributePopUrl') === ''
  ) {
    problems.push(
      '/screenPop/attributePopUrl is required when attributeName is set and attributePopType is url',
    );
  }
  if (
    value('omniSync', 'enabled') === 'true' &&
    value('omniSync', 'statusMaps').trim() === '' &&
    value('omniSync', 'busyOmniStatus') === '' &&
    value('omniSync', 'workloadCicStatus') === ''
  ) {
    problems.push(
      '/omniSync/enabled is true but there is nothing to synchronize (statusMaps, busyOmniStatus and workloadCicStatus are empty)',
    );
  }
  return problems;
}
