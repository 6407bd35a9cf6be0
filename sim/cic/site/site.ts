/**
 * The resolved site model: the validated site file plus the lookups every part of the simulator
 * needs (case-insensitive, as CIC ids are), rights expanded and workgroup membership merged from
 * both sides (`users[].workgroups` and `workgroups[].members`).
 */
import { Right } from '../telephony/host.js';
import { ringingStatuses } from './default-statuses.js';
import type {
  AccountCodeDef,
  AttendantProfileDef,
  DemoCallerDef,
  DirectoryEntryDef,
  SiteFile,
  StationDef,
  StatusMessageDef,
  UserDef,
  WorkgroupDef,
  WrapUpCodeDef,
} from './schema.js';

export interface StatusMessage extends Omit<StatusMessageDef, 'iconUri' | 'systemId' | 'sendsToVoicemail'> {
  iconUri: string;
  systemId: string;
  sendsToVoicemail: boolean;
}

export interface SiteUser extends UserDef {
  /** Every right the user holds (`*` expanded). */
  rightSet: ReadonlySet<string>;
  licenseSet: ReadonlySet<string>;
  /** Workgroups the user belongs to (canonical names). */
  memberOf: readonly string[];
}

export interface SiteWorkgroup extends WorkgroupDef {
  /** Members (canonical user ids). */
  memberIds: readonly string[];
  wrapUpCodeIds: readonly string[];
}

export interface Site {
  readonly file: SiteFile;
  readonly statuses: readonly StatusMessage[];
  readonly users: readonly SiteUser[];
  readonly stations: readonly StationDef[];
  readonly workgroups: readonly SiteWorkgroup[];
  readonly attendantProfiles: readonly AttendantProfileDef[];
  readonly wrapUpCodes: readonly WrapUpCodeDef[];
  readonly accountCodes: readonly AccountCodeDef[];
  readonly directoryEntries: readonly DirectoryEntryDef[];
  readonly demoCallers: readonly DemoCallerDef[];
  status(statusId: string): StatusMessage | undefined;
  user(userId: string): SiteUser | undefined;
  userByExtension(extension: string): SiteUser | undefined;
  station(stationId: string): StationDef | undefined;
  stationByExtension(extension: string): StationDef | undefined;
  workgroup(name: string): SiteWorkgroup | undefined;
  workgroupByExtension(extension: string): SiteWorkgroup | undefined;
  attendantProfile(nameOrExtension: string): AttendantProfileDef | undefined;
  wrapUpCode(id: string): WrapUpCodeDef | undefined;
}

const allRights: readonly string[] = Object.values(Right);

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function index<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item).toLowerCase(), item]));
}

/** Builds the model from an already validated and cross-checked site file. */
export function buildSite(file: SiteFile, defaultStatuses: readonly StatusMessageDef[]): Site {
  const statuses: StatusMessage[] = (file.statuses ?? defaultStatuses).map((s) => ({
    ...s,
    iconUri: s.iconUri ?? `/icws/status-icons/${slug(s.groupTag || 'status')}.svg`,
    systemId: s.systemId ?? s.statusId,
    sendsToVoicemail: s.sendsToVoicemail ?? !ringingStatuses.has(s.statusId),
  }));
  const membership = new Map<string, Set<string>>(); // workgroup (lower) -> user ids
  const userIds = index(file.users, (u) => u.userId);
  for (const w of file.workgroups) {
    membership.set(
      w.name.toLowerCase(),
      new Set(w.members.map((m) => userIds.get(m.toLowerCase())?.userId ?? m)),
    );
  }
  for (const u of file.users) {
    for (const w of u.workgroups) membership.get(w.toLowerCase())?.add(u.userId);
  }
  const wrapUpSets = index(file.wrapUpCodeSets, (s) => s.id);
  const workgroups: SiteWorkgroup[] = file.workgroups.map((w) => ({
    ...w,
    memberIds: [...(membership.get(w.name.toLowerCase()) ?? [])],
    wrapUpCodeIds: w.wrapUpCodeSet ? (wrapUpSets.get(w.wrapUpCodeSet.toLowerCase())?.codes ?? []) : [],
  }));
  const users: SiteUser[] = file.users.map((u) => ({
    ...u,
    rightSet: new Set(u.rights.includes('*') ? allRights : u.rights),
    licenseSet: new Set(u.licenses),
    memberOf: workgroups.filter((w) => w.memberIds.includes(u.userId)).map((w) => w.name),
  }));

  const statusMap = index(statuses, (s) => s.statusId);
  const userMap = index(users, (u) => u.userId);
  const userExt = index(users, (u) => u.extension);
  const stationMap = index(file.stations, (s) => s.stationId);
  const stationExt = index(file.stations, (s) => s.extension);
  const workgroupMap = index(workgroups, (w) => w.name);
  const workgroupExt = index(workgroups, (w) => w.extension);
  const profileMap = index(file.attendantProfiles, (p) => p.name);
  const profileExt = index(file.attendantProfiles, (p) => p.extension);
  const codeMap = index(file.wrapUpCodes, (c) => c.id);

  return {
    file,
    statuses,
    users,
    stations: file.stations,
    workgroups,
    attendantProfiles: file.attendantProfiles,
    wrapUpCodes: file.wrapUpCodes,
    accountCodes: file.accountCodes,
    directoryEntries: file.directoryEntries,
    demoCallers: file.demoCallers,
    status: (statusId) => statusMap.get(statusId.toLowerCase()),
    user: (userId) => userMap.get(userId.toLowerCase()),
    userByExtension: (ext) => userExt.get(ext),
    station: (stationId) => stationMap.get(stationId.toLowerCase()),
    stationByExtension: (ext) => stationExt.get(ext),
    workgroup: (name) => workgroupMap.get(name.toLowerCase()),
    workgroupByExtension: (ext) => workgroupExt.get(ext),
    attendantProfile: (key) => profileMap.get(key.toLowerCase()) ?? profileExt.get(key),
    wrapUpCode: (codeId) => codeMap.get(codeId.toLowerCase()),
  };
}
