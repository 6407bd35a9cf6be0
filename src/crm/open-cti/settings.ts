/**
 * The call-center settings (`getCallCenterSettings`) as a typed, validated configuration.
 * Section and item names are the package's (force-app `CICSoftphone` call center; the console
 * emulator serves the same): `/cicServer/…`, `/cicLogon/…`, `/screenPop/…`, `/callLog/…`,
 * `/omniSync/…`, `/panel/…`, plus the panel size from `/reqGeneralInfo/…`.
 *
 * Every item is checked on its own: a malformed one becomes a problem the panel shows the admin
 * (which setting, what is wrong) and falls back to its default; nothing else is affected.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_EDIT_WINDOW_MS,
  type CallLogSettings,
  type CrmSettingProblem,
  type ScreenPopSettings,
} from '../../domain/index.js';

export type AuthenticationType = 'cic' | 'sso';

export interface OpenCtiConfig {
  readonly cic: {
    /** `null`: the agent types the server. */
    readonly serverUrl: string | null;
    readonly alternateUrls: readonly string[];
    readonly authenticationTypes: readonly AuthenticationType[];
    /** Allowed identity provider ids; empty = every one the server offers. */
    readonly identityProviders: readonly string[];
  };
  readonly screenPop: ScreenPopSettings;
  readonly callLog: CallLogSettings;
  /** Omni-Channel status sync, raw (the sync module parses the maps). */
  readonly statusSync: {
    readonly enabled: boolean;
    readonly statusMaps: string;
    readonly busyOmniStatus: string;
    readonly workloadCicStatus: string;
  };
  readonly panel: {
    readonly showOnAlerting: boolean;
    /** `null`: the user's Salesforce language. */
    readonly language: string | null;
    readonly heightPx: number | null;
    readonly widthPx: number | null;
  };
}

export interface LoadedConfig {
  readonly config: OpenCtiConfig;
  readonly problems: readonly CrmSettingProblem[];
}

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

const list = (v: string): string[] => (v.trim() === '' ? [] : v.trim().split(/\s*,\s*/));

const bool = z.pipe(
  z.enum(['true', 'false'], 'must be true or false'),
  z.transform((v) => v === 'true'),
);

function serverUrl(v: string): string | null {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${v}" must be an https:// (or http://) URL`;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') return `"${v}" must be a server address only (scheme, host, port)`;
  return null;
}
const serverSchema = z.string().check(
  z.refine((v) => v === '' || serverUrl(v) === null, { error: (i) => serverUrl(String(i.input)) ?? 'invalid' }),
);
const serverListSchema = z.pipe(
  z.string().check(
    z.refine((v) => list(v).every((u) => serverUrl(u) === null), {
      error: (i) => list(String(i.input)).map(serverUrl).find((p) => p !== null) ?? 'invalid',
    }),
  ),
  z.transform((v) => list(v).map((u) => new URL(u).origin)),
);
const authTypes = z.pipe(
  z.string().check(
    z.refine((v) => list(v).length > 0 && list(v).every((t) => t === 'cic' || t === 'sso') && new Set(list(v)).size === list(v).length, {
      error: 'must list cic and/or sso, comma-separated, each once',
    }),
  ),
  z.transform((v) => list(v) as AuthenticationType[]),
);
const tokens = z.pipe(
  z.string().check(z.refine((v) => !list(v).includes(''), { error: 'has an empty entry' })),
  z.transform(list),
);
const apiName = (what: string) => z.string().check(z.regex(API_NAME, `must be ${what} API name such as Contact`));
const optionalApiName = (what: string) => z.string().check(z.refine((v) => v === '' || API_NAME.test(v), { error: `must be ${what} API name` }));
const attributeName = z.string().check(z.refine((v) => v === '' || ATTRIBUTE_NAME.test(v), { error: 'must be an interaction attribute name' }));
const relativeUrl = z.string().check(
  z.refine((v) => v === '' || (v.startsWith('/') && !v.startsWith('//') && !/\s/.test(v)), {
    error: 'must be a relative URL starting with one "/" (e.g. /apex/CustomerLookup), without spaces',
  }),
);
const wholeNumber = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, { error: `must be a whole number from ${min} to ${max}` })),
    z.transform(Number),
  );
const attributeMap = z.pipe(
  z.string().check(
    z.refine((v) => attributeMapProblem(v) === null, { error: (i) => attributeMapProblem(String(i.input)) ?? 'invalid' }),
  ),
  z.transform((v) => list(v).map((e) => e.split('=').map((s) => s.trim()) as [string, string])),
);
const language = z.string().check(
  z.refine((v) => v === '' || /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(v), { error: 'must be a language tag such as en-US, ja, es, fr' }),
);
const noSeparators = z.string().check(z.refine((v) => !/[|;]/.test(v), { error: 'must not contain | or ;' }));

function attributeMapProblem(v: string): string | null {
  const seen = new Set<string>();
  for (const entry of list(v)) {
    const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(entry);
    if (!m) return `"${entry}" is not attribute=TaskField`;
    const [, attribute, field] = m as unknown as [string, string, string];
    if (!ATTRIBUTE_NAME.test(attribute)) return `"${attribute}" is not an interaction attribute name`;
    if (!API_NAME.test(field)) return `"${field}" is not a Task field API name`;
    if (seen.has(attribute)) return `attribute ${attribute} is mapped twice`;
    seen.add(attribute);
  }
  return null;
}

/** Reads one item: its parsed value, or its default with a problem recorded. */
function reader(flat: Readonly<Record<string, string>>, problems: CrmSettingProblem[]) {
  return <T>(path: string, schema: z.ZodMiniType<T, string>, fallback: string): T => {
    const raw = flat[path];
    const value = raw === undefined ? fallback : raw.trim();
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const message = parsed.error.issues.map((i) => i.message).join('; ');
    problems.push({ setting: path, message: `${message} (value "${value}"); using "${fallback}"` });
    return schema.parse(fallback);
  };
}

/** Accepts the settings as an object or (old samples) a JSON string. */
export function flatSettings(returnValue: unknown): Record<string, string> {
  let value = returnValue;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

/** Validates the flat `getCallCenterSettings` map into the panel's configuration. */
export function loadOpenCtiConfig(settings: unknown): LoadedConfig {
  const flat = flatSettings(settings);
  const problems: CrmSettingProblem[] = [];
  const read = reader(flat, problems);
  const server = read('/cicServer/cicServerUrl', serverSchema, '');
  const config: OpenCtiConfig = {
    cic: {
      serverUrl: server === '' ? null : new URL(server).origin,
      alternateUrls: read('/cicServer/alternateUrls', serverListSchema, ''),
      authenticationTypes: read('/cicLogon/authenticationTypes', authTypes, 'cic,sso'),
      identityProviders: read('/cicLogon/identityProviders', tokens, ''),
    },
    screenPop: {
      enabled: read('/screenPop/enabled', bool, 'true'),
      newRecordObject: read('/screenPop/newRecordObject', apiName('an object'), 'Contact'),
      attributeName: read('/screenPop/attributeName', attributeName, ''),
      attributePopType: read('/screenPop/attributePopType', z.enum(['url', 'search'], 'must be url or search'), 'url'),
      attributePopUrl: read('/screenPop/attributePopUrl', relativeUrl, ''),
    },
    callLog: {
      enabled: read('/callLog/enabled', bool, 'true'),
      editWindowMs: read('/callLog/editWindowMinutes', wholeNumber(0, 1440), String(DEFAULT_EDIT_WINDOW_MS / 60000)) * 60_000,
      attributeMap: read('/callLog/attributeMap', attributeMap, ''),
      autoAssociateOnNavigation: read('/callLog/autoAssociateOnNavigation', bool, 'true'),
    },
    statusSync: {
      enabled: read('/omniSync/enabled', bool, 'false'),
      statusMaps: read('/omniSync/statusMaps', z.string(), ''),
      busyOmniStatus: read('/omniSync/busyOmniStatus', optionalApiName('an Omni-Channel status'), ''),
      workloadCicStatus: read('/omniSync/workloadCicStatus', noSeparators, ''),
    },
    panel: {
      showOnAlerting: read('/panel/showOnAlerting', bool, 'true'),
      language: read('/panel/language', language, '') || null,
      heightPx: flat['/reqGeneralInfo/reqSoftphoneHeight'] === undefined ? null : read('/reqGeneralInfo/reqSoftphoneHeight', wholeNumber(240, 2560), '520'),
      widthPx: flat['/reqGeneralInfo/reqSoftphoneWidth'] === undefined ? null : read('/reqGeneralInfo/reqSoftphoneWidth', wholeNumber(200, 1920), '340'),
    },
  };
  const cross = crossProblems(config);
  return { config: cross.config, problems: [...problems, ...cross.problems] };
}

function crossProblems(config: OpenCtiConfig): LoadedConfig {
  const problems: CrmSettingProblem[] = [];
  let next = config;
  if (config.cic.identityProviders.length > 0 && !config.cic.authenticationTypes.includes('sso')) {
    problems.push({ setting: '/cicLogon/identityProviders', message: 'is set but /cicLogon/authenticationTypes does not allow sso' });
  }
  const pop = config.screenPop;
  if (pop.attributeName !== '' && pop.attributePopType === 'url' && pop.attributePopUrl === '') {
    problems.push({ setting: '/screenPop/attributePopUrl', message: 'is required when /screenPop/attributeName is set and attributePopType is url; popping by caller number instead' });
    next = { ...next, screenPop: { ...pop, attributeName: '' } };
  }
  const sync = config.statusSync;
  if (sync.enabled && sync.statusMaps.trim() === '' && sync.busyOmniStatus === '' && sync.workloadCicStatus === '') {
    problems.push({ setting: '/omniSync/enabled', message: 'is true but there is nothing to synchronize (statusMaps, busyOmniStatus and workloadCicStatus are empty)' });
  }
  return { config: next, problems };
}
