/**
 * Configuration collections an agent reads (`GET /configuration/{collection}` and the
 * configuration subscriptions): users, workgroups, wrap-up codes, account codes and stations.
 * Items are `{configurationId: {id, displayName, uri}, ...selected properties}`.
 */
import type { SiteUser } from '../site/site.js';
import type { World } from './world.js';

export interface ConfigItem {
  readonly id: string;
  readonly displayName: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface Collection {
  readonly name: string;
  readonly messageType: string;
  items(world: World): ConfigItem[];
}

function ref(collection: string, id: string, displayName = id): Record<string, string> {
  return { id, displayName, uri: `/configuration/${collection}/${encodeURIComponent(id)}` };
}

function userProperties(u: SiteUser): Record<string, unknown> {
  return {
    displayName: u.displayName,
    extension: u.extension,
    defaultWorkstation: u.defaultWorkstation ? ref('stations', u.defaultWorkstation) : null,
    autoAnswerAcdInteractions: u.autoAnswerAcdInteractions,
    autoAnswerNonAcdInteractions: u.autoAnswerNonAcdInteractions,
    workgroups: u.memberOf.map((w) => ref('workgroups', w)),
    roles: [u.supervisor ? ref('roles', 'Supervisor') : ref('roles', 'Agent')],
    securityRights: [...u.rightSet].map((r) => ({ id: r, displayName: r })),
    licenseProperties: {
      licenseActive: u.licenseSet.size > 0,
      hasClientAccess: u.licenseSet.has('I3_ACCESS_CLIENT'),
      mediaLevel: 1,
      additionalLicenses: [...u.licenseSet].map((l) => ({ id: l, displayName: l })),
    },
    personalInformationProperties: {
      givenName: u.firstName ?? '',
      surname: u.lastName ?? '',
      department: u.department ?? '',
      title: u.title ?? '',
      emailAddress: u.businessEmail ?? '',
    },
  };
}

export const collections: readonly Collection[] = [
  {
    name: 'users',
    messageType: 'urn:inin.com:configuration.people:usersMessage',
    items: (world) => world.site.users.map((u) => ({ id: u.userId, displayName: u.displayName, properties: userProperties(u) })),
  },
  {
    name: 'workgroups',
    messageType: 'urn:inin.com:configuration.people:workgroupsMessage',
    items: (world) =>
      world.site.workgroups.map((w) => ({
        id: w.name,
        displayName: w.name,
        properties: {
          displayName: w.name,
          extension: w.extension,
          hasQueue: true,
          isActive: true,
          members: w.memberIds.map((m) => ref('users', m)),
          wrapUpCodes: w.wrapUpCodeIds.map((c) => ref('wrap-up-codes', c, world.site.wrapUpCode(c)?.label ?? c)),
          acdAlertTimeout: w.alertTimeoutSeconds,
        },
      })),
  },
  {
    name: 'wrap-up-codes',
    messageType: 'urn:inin.com:configuration.people:wrapUpCodesMessage',
    items: (world) =>
      world.site.wrapUpCodes.map((c) => ({
        id: c.id,
        displayName: c.label,
        properties: { label: c.label, category: c.category, digits: c.digits, isPermanent: false, isRightPartyContact: false },
      })),
  },
  {
    name: 'account-codes',
    messageType: 'urn:inin.com:configuration.people:accountCodesMessage',
    items: (world) =>
      world.site.accountCodes.map((c) => ({
        id: c.id,
        displayName: c.description || c.id,
        properties: { description: c.description },
      })),
  },
  {
    name: 'stations',
    messageType: 'urn:inin.com:configuration.people:stationsMessage',
    items: (world) =>
      world.site.stations.map((s) => ({
        id: s.stationId,
        displayName: s.stationId,
        properties: {
          extension: s.extension,
          stationType: s.kind === 'workstation' ? 'Workstation' : 'RemoteWorkstation',
          ...(s.remoteNumber !== undefined ? { remoteNumber: s.remoteNumber } : {}),
          persistentConnection: s.persistent,
        },
      })),
  },
];

export function findCollection(name: string): Collection | undefined {
  return collections.find((c) => c.name === name.toLowerCase());
}

/** `null`: ids only; `'*'`: everything; otherwise the listed properties (case-insensitive). */
export type Selection = null | '*' | readonly string[];

export function parseSelection(select: string | null): Selection {
  if (select === null || select.trim() === '') return null;
  const parts = select.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.includes('*') ? '*' : parts;
}

export function configItemJson(collection: Collection, item: ConfigItem, selection: Selection): Record<string, unknown> {
  const json: Record<string, unknown> = { configurationId: ref(collection.name, item.id, item.displayName) };
  if (selection === null) return json;
  for (const [name, value] of Object.entries(item.properties)) {
    if (selection === '*' || selection.some((s) => s.toLowerCase() === name.toLowerCase())) json[name] = value;
  }
  return json;
}
