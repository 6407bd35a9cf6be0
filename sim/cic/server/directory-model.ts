/**
 * Directories: the company directory (users, with live presence), workgroups, attendant profiles
 * and the site's general contacts; contact filtering, sorting and paging by ICWS contact
 * property; and `POST /directories/lookup-entries`.
 */
import { QueueType } from '../telephony/host.js';
import { phoneNumberJson } from './phone-numbers.js';
import type { World } from './world.js';

export interface Contact {
  readonly entryID: string;
  readonly kind: 'user' | 'contact' | 'workgroup' | 'profile';
  readonly displayName: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly department?: string | undefined;
  readonly company?: string | undefined;
  readonly title?: string | undefined;
  readonly extension?: string | undefined;
  readonly userID?: string | undefined;
  readonly businessPhone?: string | undefined;
  readonly mobilePhone?: string | undefined;
  readonly businessEmail?: string | undefined;
  readonly workgroups?: readonly string[] | undefined;
}

export interface DirectoryDef {
  readonly directoryID: string;
  readonly displayName: string;
  readonly category: number;
  readonly hasStatus: boolean;
  contacts(world: World): Contact[];
}

/** DirectoryCategory: 0 Company, 1 Workgroup, 2 General, 5 GroupAndProfile. */
export const directories: readonly DirectoryDef[] = [
  {
    directoryID: 'CompanyDirectory',
    displayName: 'Company Directory',
    category: 0,
    hasStatus: true,
    contacts: (world) =>
      world.site.users.map((u) => ({
        entryID: u.userId,
        kind: 'user',
        displayName: u.displayName,
        firstName: u.firstName,
        lastName: u.lastName,
        department: u.department,
        title: u.title,
        extension: u.extension,
        userID: u.userId,
        mobilePhone: u.mobilePhone,
        businessEmail: u.businessEmail,
        workgroups: u.memberOf,
      })),
  },
  {
    directoryID: 'Workgroups',
    displayName: 'Workgroups',
    category: 1,
    hasStatus: false,
    contacts: (world) =>
      world.site.workgroups.map((w) => ({ entryID: w.name, kind: 'workgroup', displayName: w.name, extension: w.extension })),
  },
  {
    directoryID: 'Profiles',
    displayName: 'Attendant Profiles',
    category: 5,
    hasStatus: false,
    contacts: (world) =>
      world.site.attendantProfiles.map((p) => ({ entryID: p.name, kind: 'profile', displayName: p.name, extension: p.extension })),
  },
  {
    directoryID: 'Contacts',
    displayName: 'General Contacts',
    category: 2,
    hasStatus: false,
    contacts: (world) =>
      world.site.directoryEntries.map((e) => ({
        entryID: e.entryId,
        kind: 'contact',
        displayName: e.displayName,
        firstName: e.firstName,
        lastName: e.lastName,
        department: e.department,
        company: e.company,
        businessPhone: e.businessPhone,
        mobilePhone: e.mobilePhone,
        businessEmail: e.businessEmail,
      })),
  },
];

export function findDirectory(directoryID: string): DirectoryDef | undefined {
  return directories.find((d) => d.directoryID.toLowerCase() === directoryID.toLowerCase());
}

export function directoryJson(world: World, d: DirectoryDef): Record<string, unknown> {
  return {
    directoryID: d.directoryID,
    displayName: d.displayName,
    schemaID: d.category === 0 ? 'CompanySchema' : 'GeneralSchema',
    category: d.category,
    displayType: 0,
    count: d.contacts(world).length,
    hasStatus: d.hasStatus,
    isPrivate: false,
  };
}

/** ContactProperty ids the simulator can filter and sort on. */
const contactProperties: Record<number, (c: Contact) => string | undefined> = {
  0: (c) => c.entryID,
  1: (c) => c.firstName,
  2: (c) => c.lastName,
  3: (c) => c.extension,
  4: (c) => c.userID,
  5: (c) => c.department,
  6: (c) => c.company,
  7: (c) => c.title,
  13: (c) => c.businessEmail,
  17: (c) => c.businessPhone,
  20: (c) => c.mobilePhone,
  26: (c) => c.displayName,
  33: (c) => c.workgroups?.join(','),
};

export function isKnownContactProperty(id: number): boolean {
  return id in contactProperties;
}

export interface ContactFilter {
  readonly contactProperty: number;
  readonly filterType: number;
  readonly filterExpressions: readonly string[];
}

export interface ContactSort {
  readonly contactProperty: number;
  readonly sortDirection: number;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** ContactFilterType: 0 Exact, 1 Prefix, 2 Exists, 3 Empty, 4 Wildcards. */
function matches(contact: Contact, filter: ContactFilter): boolean {
  const value = (contactProperties[filter.contactProperty]?.(contact) ?? '').toLowerCase();
  switch (filter.filterType) {
    case 2:
      return value !== '';
    case 3:
      return value === '';
    case 0:
      return filter.filterExpressions.some((e) => value === e.toLowerCase());
    case 1:
      return filter.filterExpressions.some((e) => value.startsWith(e.toLowerCase()));
    default:
      return filter.filterExpressions.some((e) => wildcard(e).test(value));
  }
}

export function selectContacts(
  world: World,
  d: DirectoryDef,
  filters: readonly ContactFilter[],
  sorts: readonly ContactSort[],
): { all: number; filtered: Contact[] } {
  const all = d.contacts(world);
  const filtered = all.filter((c) => filters.every((f) => matches(c, f)));
  const order = sorts.length > 0 ? sorts : [{ contactProperty: 26, sortDirection: 0 }];
  filtered.sort((a, b) => {
    for (const s of order) {
      const get = contactProperties[s.contactProperty] ?? (() => '');
      const cmp = (get(a) ?? '').localeCompare(get(b) ?? '', 'en', { sensitivity: 'base' });
      if (cmp !== 0) return s.sortDirection === 1 ? -cmp : cmp;
    }
    return 0;
  });
  return { all: all.length, filtered };
}

/** Live presence fields of a user contact. */
export function presenceFields(world: World, userId: string): Record<string, unknown> {
  const status = world.userStatus(userId);
  return {
    statusID: status.statusId,
    statusSummary: { statusID: status.statusId, loggedIn: status.loggedIn, onPhone: status.onPhone },
    onPhone: status.onPhone,
    loggedIn: status.loggedIn,
    stations: status.stations,
    statusNotes: status.notes,
  };
}

export function contactJson(world: World, c: Contact, index: number): Record<string, unknown> {
  const json: Record<string, unknown> = { entryID: c.entryID, index, displayName: c.displayName };
  const copy = (name: keyof Contact) => {
    const value = c[name];
    if (typeof value === 'string' && value !== '') json[name] = value;
  };
  for (const name of ['firstName', 'lastName', 'department', 'company', 'title', 'extension', 'userID', 'businessEmail'] as const) {
    copy(name);
  }
  if (c.businessPhone) json['businessPhone'] = phoneNumberJson(c.businessPhone);
  if (c.mobilePhone) json['mobilePhone'] = phoneNumberJson(c.mobilePhone);
  if (c.workgroups) json['workgroups'] = [...c.workgroups];
  if (c.kind === 'user' && c.userID) Object.assign(json, presenceFields(world, c.userID));
  return json;
}

// ------------------------------------------------------------------ lookup-entries

/** LookupEntryType. */
const LookupType = { User: 1, StandalonePhone: 2, Station: 3, AttendantProfile: 5, Workgroup: 6 } as const;

interface LookupCandidate {
  readonly type: number;
  readonly contact: Contact;
  readonly queueID?: { queueType: number; queueName: string };
  readonly voicemailCapable: boolean;
}

function candidates(world: World, types: ReadonlySet<number>): LookupCandidate[] {
  const out: LookupCandidate[] = [];
  const byId = (id: string) => findDirectory(id)?.contacts(world) ?? [];
  if (types.has(LookupType.User)) {
    for (const c of byId('CompanyDirectory')) {
      out.push({ type: LookupType.User, contact: c, queueID: { queueType: QueueType.User, queueName: c.entryID }, voicemailCapable: true });
    }
  }
  if (types.has(LookupType.StandalonePhone)) {
    for (const c of byId('Contacts')) out.push({ type: LookupType.StandalonePhone, contact: c, voicemailCapable: false });
  }
  if (types.has(LookupType.Station)) {
    for (const s of world.site.stations) {
      out.push({
        type: LookupType.Station,
        contact: { entryID: s.stationId, kind: 'contact', displayName: s.stationId, extension: s.extension },
        queueID: { queueType: QueueType.Station, queueName: s.stationId },
        voicemailCapable: false,
      });
    }
  }
  if (types.has(LookupType.AttendantProfile)) {
    for (const c of byId('Profiles')) out.push({ type: LookupType.AttendantProfile, contact: c, voicemailCapable: false });
  }
  if (types.has(LookupType.Workgroup)) {
    for (const c of byId('Workgroups')) {
      out.push({
        type: LookupType.Workgroup,
        contact: c,
        queueID: { queueType: QueueType.Workgroup, queueName: c.entryID },
        voicemailCapable: true,
      });
    }
  }
  return out;
}

/** LookupEntryProperty → value. */
const lookupProperties: Record<number, (c: Contact) => string | undefined> = {
  1: (c) => c.firstName,
  2: (c) => c.lastName,
  3: (c) => c.displayName,
  4: (c) => c.department,
  5: (c) => c.entryID,
  6: (c) => c.extension,
  7: (c) => c.mobilePhone,
  11: (c) => c.businessPhone,
  13: (c) => c.businessEmail,
  14: () => 'true',
};

const phoneProperties = new Set([6, 7, 8, 9, 11, 12]);

export interface LookupQuery {
  readonly lookupEntryTypes: readonly number[];
  readonly lookupEntryProperties: readonly number[];
  readonly lookupComparisonType: number;
  readonly lookupString: string;
  readonly maxEntries: number;
}

function compare(value: string, wanted: string, comparison: number): boolean {
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  switch (comparison) {
    case 1:
      return v === w;
    case 2:
      return v.startsWith(w);
    case 4:
      return wildcard(wanted).test(value);
    default:
      return v.includes(w);
  }
}

export function lookupEntries(world: World, query: LookupQuery): Record<string, unknown> {
  const wantedDigits = query.lookupString.replace(/[^0-9]/g, '');
  const matched = candidates(world, new Set(query.lookupEntryTypes)).filter(({ contact }) =>
    query.lookupEntryProperties.some((p) => {
      const value = lookupProperties[p]?.(contact);
      if (value === undefined || value === '') return false;
      if (phoneProperties.has(p) && wantedDigits !== '') {
        return compare(value.replace(/[^0-9]/g, ''), wantedDigits, query.lookupComparisonType);
      }
      return compare(value, query.lookupString, query.lookupComparisonType);
    }),
  );
  const limit = query.maxEntries > 0 ? query.maxEntries : matched.length;
  const list = matched.slice(0, limit).map(({ type, contact, queueID, voicemailCapable }) => {
    const entry: Record<string, unknown> = {
      lookupEntryType: type,
      displayName: contact.displayName,
      entryID: contact.entryID,
      isActive: true,
      voicemailCapable,
    };
    for (const name of ['firstName', 'lastName', 'department', 'extension', 'businessEmail'] as const) {
      const value = contact[name];
      if (value) entry[name] = value;
    }
    if (contact.businessPhone) entry['businessPhone'] = phoneNumberJson(contact.businessPhone);
    if (contact.mobilePhone) entry['mobilePhone'] = phoneNumberJson(contact.mobilePhone);
    if (queueID) entry['queueID'] = queueID;
    return entry;
  });
  return { lookupEntriesList: list, moreEntriesMatched: matched.length > list.length, phoneNumber: phoneNumberJson(query.lookupString) };
}
