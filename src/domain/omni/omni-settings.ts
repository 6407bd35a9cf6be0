/**
 * Omni-Channel status-sync settings: the text of one call-center setting, parsed into maps.
 *
 * One map per line (or several on a line separated by `;`); blank lines and lines starting with
 * `#` are ignored. A map links a CIC status and an Omni-Channel presence status with an arrow
 * that says which way changes flow:
 *
 *     cic:Available <-> omni:Available          two-way
 *     cic:"At Lunch" -> omni:Break               CIC → Omni only
 *     omni:Break -> cic:"At Lunch"               Omni → CIC only (either side may come first)
 *     cic:* -> omni:Break                        any other CIC status → Break
 *     cic:"Gone Home" -> omni:(logged out)       log the agent out of Omni
 *     omni:(logged out) -> cic:"Gone Home"       when the agent logs out of Omni
 *     busy on ACD -> omni:Busy_On_Phone          while on an ACD interaction, then back
 *     omni workload -> cic:"Do Not Disturb"      while Omni work is assigned, then back
 *     set omni login = auto                      sync may log the agent in to Omni (default manual)
 *
 * CIC status ids may be quoted (needed when they contain `;`, `"` is not allowed inside);
 * Omni statuses are named by their API name (`DeveloperName`). Everything here is pure data.
 *
 * The compact form `<CIC status>|both|<Omni API name>` (also `toOmni`, `toCic`), which fits a
 * one-line call-center value such as `Available|both|Available; At Lunch|toOmni|Break`, means the
 * same as `cic:<CIC status> <-> omni:<Omni API name>` (`->`, `<-`).
 */

/** The Omni "status" of an agent who is not logged in to Omni-Channel. */
export const OMNI_LOGGED_OUT = '(logged out)';

/** A map from CIC to Omni: `cic` is a status id or `*` (any status no other map names). */
export interface ToOmniMap {
  readonly line: number;
  readonly cic: string;
  /** An Omni status API name, or {@link OMNI_LOGGED_OUT}. */
  readonly omni: string;
}

/** A map from Omni to CIC: `omni` is an API name, {@link OMNI_LOGGED_OUT} or `*`. */
export interface ToCicMap {
  readonly line: number;
  readonly omni: string;
  readonly cic: string;
}

/** Parsed status-sync settings. A two-way map appears in both lists. */
export interface OmniSyncConfig {
  readonly toOmni: readonly ToOmniMap[];
  readonly toCic: readonly ToCicMap[];
  /** Omni status while the agent is on an ACD interaction in CIC. */
  readonly acdBusy: { readonly line: number; readonly omni: string } | null;
  /** CIC status while Omni workload is above zero. */
  readonly workload: { readonly line: number; readonly cic: string } | null;
  /** `auto`: a map may log the agent in to Omni; `manual`: maps wait until the agent logs in. */
  readonly omniLogin: 'auto' | 'manual';
}

/** One problem in the settings text; `line` is 1-based, `message` is admin-readable. */
export interface OmniSettingsError {
  readonly line: number;
  readonly message: string;
}

export type OmniSettingsResult =
  | { readonly ok: true; readonly config: OmniSyncConfig }
  | { readonly ok: false; readonly errors: readonly OmniSettingsError[] };

/** Settings with no maps: the sync does nothing. */
export function emptyOmniSyncConfig(): OmniSyncConfig {
  return { toOmni: [], toCic: [], acdBusy: null, workload: null, omniLogin: 'manual' };
}

type Side =
  | { readonly kind: 'cic'; readonly value: string }
  | { readonly kind: 'omni'; readonly value: string }
  | { readonly kind: 'acdBusy' }
  | { readonly kind: 'workload' };

type Arrow = '->' | '<-' | '<->';

const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** Compares status names the way both systems do: case-insensitively. */
export function statusNameKey(name: string): string {
  return name.trim().toLowerCase();
}

function describe(side: Side): string {
  switch (side.kind) {
    case 'cic':
      return side.value === '*' ? 'cic:*' : `cic:"${side.value}"`;
    case 'omni':
      return `omni:${side.value}`;
    case 'acdBusy':
      return '"busy on ACD"';
    case 'workload':
      return '"omni workload"';
  }
}

/** Splits an entry at its one arrow (outside quotes). */
function splitArrow(text: string): { left: string; arrow: Arrow; right: string } | string {
  const found: Array<{ at: number; arrow: Arrow }> = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (text.startsWith('<->', i)) {
      found.push({ at: i, arrow: '<->' });
      i += 2;
    } else if (text.startsWith('->', i)) {
      found.push({ at: i, arrow: '->' });
      i += 1;
    } else if (text.startsWith('<-', i)) {
      found.push({ at: i, arrow: '<-' });
      i += 1;
    }
  }
  if (quoted) return 'a quote is not closed';
  const first = found[0];
  if (first === undefined) return 'no arrow: write "->", "<-" or "<->" between the two statuses';
  if (found.length > 1) return 'more than one arrow: write one map per line';
  return {
    left: text.slice(0, first.at).trim(),
    arrow: first.arrow,
    right: text.slice(first.at + first.arrow.length).trim(),
  };
}

function unquote(raw: string): string | { error: string } {
  const v = raw.trim();
  if (v.startsWith('"')) {
    if (v.length < 2 || !v.endsWith('"')) return { error: `${v} has an unclosed quote` };
    const inner = v.slice(1, -1);
    if (inner.includes('"')) return { error: `${v} has a quote inside the status name` };
    return inner;
  }
  if (v.includes('"')) return { error: `${v} has a quote inside the status name` };
  return v;
}

function parseSide(raw: string): Side | string {
  const text = raw.trim();
  if (text === '') return 'a side of the arrow is empty';
  const words = text.toLowerCase().split(/\s+/).join(' ');
  if (words === 'busy on acd') return { kind: 'acdBusy' };
  if (words === 'omni workload') return { kind: 'workload' };
  const m = /^(cic|omni)\s*:(.*)$/is.exec(text);
  if (m === null) {
    return `"${text}" is not cic:<CIC status>, omni:<Omni status API name>, "busy on ACD" or "omni workload"`;
  }
  const system = (m[1] ?? '').toLowerCase();
  const value = unquote(m[2] ?? '');
  if (typeof value !== 'string') return value.error;
  if (value.trim() === '') return `${system}: needs a status name`;
  if (system === 'cic') {
    if (value !== value.trim()) return `cic:"${value}" starts or ends with a space`;
    return { kind: 'cic', value };
  }
  if (value === '*') return { kind: 'omni', value: '*' };
  if (value.toLowerCase().replace(/\s+/g, ' ') === OMNI_LOGGED_OUT)
    return { kind: 'omni', value: OMNI_LOGGED_OUT };
  if (!API_NAME.test(value)) {
    return `omni:${value} is not an Omni status API name (letters, digits and single underscores, starting with a letter), "*" or "(logged out)"`;
  }
  return { kind: 'omni', value };
}

interface Builder {
  toOmni: ToOmniMap[];
  toCic: ToCicMap[];
  acdBusy: { line: number; omni: string } | null;
  workload: { line: number; cic: string } | null;
  omniLogin: 'auto' | 'manual';
  omniLoginLine: number | null;
}

function addMap(b: Builder, line: number, from: Side, to: Side): string | null {
  if (from.kind === 'cic' && to.kind === 'omni') {
    if (to.value === '*') return 'omni:* can only be on the side changes come from';
    const taken = b.toOmni.find((m) => statusNameKey(m.cic) === statusNameKey(from.value));
    if (taken) return `${describe(from)} already goes to omni:${taken.omni} (line ${taken.line})`;
    b.toOmni.push({ line, cic: from.value, omni: to.value });
    return null;
  }
  if (from.kind === 'omni' && to.kind === 'cic') {
    if (to.value === '*') return 'cic:* can only be on the side changes come from';
    const taken = b.toCic.find((m) => statusNameKey(m.omni) === statusNameKey(from.value));
    if (taken) return `${describe(from)} already goes to cic:"${taken.cic}" (line ${taken.line})`;
    b.toCic.push({ line, omni: from.value, cic: to.value });
    return null;
  }
  if (from.kind === 'acdBusy') {
    if (to.kind !== 'omni' || to.value === '*' || to.value === OMNI_LOGGED_OUT) {
      return '"busy on ACD" must point to one Omni status, e.g. busy on ACD -> omni:Busy_On_Phone';
    }
    if (b.acdBusy) return `"busy on ACD" is already mapped (line ${b.acdBusy.line})`;
    b.acdBusy = { line, omni: to.value };
    return null;
  }
  if (from.kind === 'workload') {
    if (to.kind !== 'cic' || to.value === '*') {
      return '"omni workload" must point to one CIC status, e.g. omni workload -> cic:"Do Not Disturb"';
    }
    if (b.workload) return `"omni workload" is already mapped (line ${b.workload.line})`;
    b.workload = { line, cic: to.value };
    return null;
  }
  if (to.kind === 'acdBusy' || to.kind === 'workload') {
    return `${describe(to)} can only be on the left of "->"`;
  }
  return `${describe(from)} and ${describe(to)} are the same system: a map links a cic: status and an omni: status`;
}

function parseEntry(b: Builder, line: number, text: string): string | null {
  const option = /^set\s+(.*)$/is.exec(text);
  if (option) {
    const m = /^omni\s+login\s*=\s*(\S+)$/i.exec((option[1] ?? '').trim());
    if (m === null) return `unknown option "${text}" (the only option is: set omni login = auto | manual)`;
    const value = (m[1] ?? '').toLowerCase();
    if (value !== 'auto' && value !== 'manual')
      return `omni login must be auto or manual, not "${m[1] ?? ''}"`;
    if (b.omniLoginLine !== null) return `omni login is already set (line ${b.omniLoginLine})`;
    b.omniLogin = value;
    b.omniLoginLine = line;
    return null;
  }
  const compact = compactForm(text);
  if (compact !== null) return compact.ok ? parseEntry(b, line, compact.text) : compact.error;
  const split = splitArrow(text);
  if (typeof split === 'string') return split;
  const left = parseSide(split.left);
  if (typeof left === 'string') return left;
  const right = parseSide(split.right);
  if (typeof right === 'string') return right;
  if (split.arrow === '->') return addMap(b, line, left, right);
  if (split.arrow === '<-') return addMap(b, line, right, left);
  // Two-way: both directions, and neither side may be a wildcard or a special source.
  for (const side of [left, right]) {
    if (side.kind === 'acdBusy' || side.kind === 'workload')
      return `${describe(side)} works one way only: use "->"`;
    if (side.value === '*') return `${describe(side)} works one way only: use "->" or "<-"`;
  }
  return addMap(b, line, left, right) ?? addMap(b, line, right, left);
}

/** `CIC|both|Omni` → `cic:"CIC" <-> omni:Omni`; `null` when the entry is not in that form. */
function compactForm(text: string): { ok: true; text: string } | { ok: false; error: string } | null {
  if (text.includes('"') || /<->|->|<-/.test(text)) return null;
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length === 1) return null;
  if (parts.length !== 3)
    return { ok: false, error: 'write <CIC status>|both|<Omni status API name> (or toOmni / toCic)' };
  const [cic = '', direction = '', omni = ''] = parts;
  const arrow = { both: '<->', toomni: '->', tocic: '<-' }[direction.toLowerCase()];
  if (arrow === undefined) return { ok: false, error: `"${direction}" must be both, toOmni or toCic` };
  if (cic === '') return { ok: false, error: 'the CIC status is empty' };
  return { ok: true, text: `cic:"${cic}" ${arrow} omni:${omni}` };
}

/** Splits a line into entries at `;` outside quotes. */
function entries(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ';' && !quoted) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((e) => e.trim()).filter((e) => e !== '');
}

/**
 * Parses the status-sync setting. Every problem is reported (not only the first), each with its
 * line number and what is wrong; a text with any problem yields no config.
 */
export function parseOmniSyncSettings(text: string): OmniSettingsResult {
  const b: Builder = {
    toOmni: [],
    toCic: [],
    acdBusy: null,
    workload: null,
    omniLogin: 'manual',
    omniLoginLine: null,
  };
  const errors: OmniSettingsError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    for (const entry of entries(trimmed)) {
      const problem = parseEntry(b, line, entry);
      if (problem !== null) errors.push({ line, message: `line ${line}: ${problem} (in "${entry}")` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      toOmni: b.toOmni,
      toCic: b.toCic,
      acdBusy: b.acdBusy,
      workload: b.workload,
      omniLogin: b.omniLogin,
    },
  };
}

/** Names a config uses that the systems do not know (unknown CIC status ids, Omni API names). */
export function unknownOmniSyncNames(
  config: OmniSyncConfig,
  known: { readonly cicStatusIds: readonly string[]; readonly omniApiNames: readonly string[] },
): readonly OmniSettingsError[] {
  const cic = new Set(known.cicStatusIds.map(statusNameKey));
  const omni = new Set(known.omniApiNames.map(statusNameKey));
  const problems: OmniSettingsError[] = [];
  const seen = new Set<string>();
  const check = (line: number, system: 'cic' | 'omni', name: string): void => {
    if (name === '*' || (system === 'omni' && name === OMNI_LOGGED_OUT)) return;
    const known = system === 'cic' ? cic : omni;
    const key = `${line}|${system}|${statusNameKey(name)}`;
    if (known.has(statusNameKey(name)) || seen.has(key)) return;
    seen.add(key);
    problems.push({
      line,
      message:
        system === 'cic'
          ? `line ${line}: CIC has no status "${name}"`
          : `line ${line}: Omni-Channel has no presence status with API name ${name}`,
    });
  };
  for (const m of config.toOmni) {
    check(m.line, 'cic', m.cic);
    check(m.line, 'omni', m.omni);
  }
  for (const m of config.toCic) {
    check(m.line, 'omni', m.omni);
    check(m.line, 'cic', m.cic);
  }
  if (config.acdBusy) check(config.acdBusy.line, 'omni', config.acdBusy.omni);
  if (config.workload) check(config.workload.line, 'cic', config.workload.cic);
  return problems.sort((a, b) => a.line - b.line);
}

/** The call-center items of the status sync (section `omniSync`), as strings. */
export interface OmniSyncSettingItems {
  /** The maps text (see the module comment). */
  readonly statusMaps: string;
  /** Short form of `busy on ACD -> omni:<name>` (empty: none). */
  readonly busyOmniStatus?: string;
  /** Short form of `omni workload -> cic:<status>` (empty: none). */
  readonly workloadCicStatus?: string;
}

/**
 * Parses the maps text plus the two short-form items. An item that repeats what a line of the
 * maps already says is an error naming both.
 */
export function parseOmniSyncSettingItems(items: OmniSyncSettingItems): OmniSettingsResult {
  const parsed = parseOmniSyncSettings(items.statusMaps);
  if (!parsed.ok) return parsed;
  let config = parsed.config;
  const errors: OmniSettingsError[] = [];
  const busy = (items.busyOmniStatus ?? '').trim();
  if (busy !== '') {
    if (config.acdBusy) {
      errors.push({
        line: config.acdBusy.line,
        message: `busyOmniStatus and line ${config.acdBusy.line} of statusMaps both set the busy status: keep one`,
      });
    } else if (!API_NAME.test(busy)) {
      errors.push({ line: 0, message: `busyOmniStatus: ${busy} is not an Omni status API name` });
    } else {
      config = { ...config, acdBusy: { line: 0, omni: busy } };
    }
  }
  const workload = (items.workloadCicStatus ?? '').trim();
  if (workload !== '') {
    if (config.workload) {
      errors.push({
        line: config.workload.line,
        message: `workloadCicStatus and line ${config.workload.line} of statusMaps both set the workload status: keep one`,
      });
    } else {
      config = { ...config, workload: { line: 0, cic: workload } };
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
