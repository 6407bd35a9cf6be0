/**
 * Loads a site file (a path or an already parsed object), validates it with zod, checks every
 * cross reference and builds the site model. Any problem is a `SiteError` whose message names the
 * file and each offending field (`users[3].extension: must be 2 to 8 digits`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultStatuses } from './default-statuses.js';
import { siteSchema, statusMessageSchema, type SiteFile } from './schema.js';
import { buildSite, type Site } from './site.js';

export interface SiteIssue {
  readonly path: string;
  readonly message: string;
}

export class SiteError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly SiteIssue[],
  ) {
    super(`Invalid site file ${source}:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'SiteError';
  }
}

/** Path of the built-in demo site. */
export const demoSitePath = fileURLToPath(new URL('./sites/demo.json', import.meta.url));

/** `['users', 3, 'extension']` → `users[3].extension`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Loads and validates a site; `source` is a file path or a parsed site object. */
export function loadSite(source?: string | object): Site {
  const label = typeof source === 'string' ? source : source === undefined ? demoSitePath : '(inline site)';
  let raw: unknown = source;
  if (source === undefined || typeof source === 'string') {
    const path = source ?? demoSitePath;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new SiteError(label, [{ path: '', message: `cannot read the file (${(error as Error).message})` }]);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new SiteError(label, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  const parsed = siteSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SiteError(
      label,
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  const issues = crossCheck(parsed.data);
  if (issues.length > 0) throw new SiteError(label, issues);
  return buildSite(parsed.data, z.array(statusMessageSchema).parse(defaultStatuses));
}

function crossCheck(site: SiteFile): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const add = (path: readonly PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const lower = (items: readonly string[]) => new Set(items.map((s) => s.toLowerCase()));

  const duplicates = (items: readonly string[], path: (i: number) => PropertyKey[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = item.toLowerCase();
      if (seen.has(key)) add(path(i), `duplicate ${what} "${item}"`);
      seen.add(key);
    });
  };
  duplicates(site.users.map((u) => u.userId), (i) => ['users', i, 'userId'], 'user id');
  duplicates(site.stations.map((s) => s.stationId), (i) => ['stations', i, 'stationId'], 'station id');
  duplicates(site.workgroups.map((w) => w.name), (i) => ['workgroups', i, 'name'], 'workgroup name');
  duplicates(site.attendantProfiles.map((p) => p.name), (i) => ['attendantProfiles', i, 'name'], 'attendant profile');
  duplicates(site.wrapUpCodes.map((c) => c.id), (i) => ['wrapUpCodes', i, 'id'], 'wrap-up code');
  duplicates(site.wrapUpCodeSets.map((c) => c.id), (i) => ['wrapUpCodeSets', i, 'id'], 'wrap-up code set');
  duplicates(site.accountCodes.map((c) => c.id), (i) => ['accountCodes', i, 'id'], 'account code');
  duplicates(site.directoryEntries.map((e) => e.entryId), (i) => ['directoryEntries', i, 'entryId'], 'directory entry');

  // Extensions are one dial plan: users, stations, workgroups and attendant profiles share it.
  const extensions = new Map<string, string>();
  const claim = (ext: string, path: PropertyKey[], owner: string) => {
    const previous = extensions.get(ext);
    if (previous !== undefined) add(path, `extension ${ext} is already used by ${previous}`);
    else extensions.set(ext, owner);
  };
  site.users.forEach((u, i) => claim(u.extension, ['users', i, 'extension'], `user ${u.userId}`));
  site.stations.forEach((s, i) => claim(s.extension, ['stations', i, 'extension'], `station ${s.stationId}`));
  site.workgroups.forEach((w, i) => claim(w.extension, ['workgroups', i, 'extension'], `workgroup ${w.name}`));
  site.attendantProfiles.forEach((p, i) =>
    claim(p.extension, ['attendantProfiles', i, 'extension'], `attendant profile ${p.name}`),
  );

  const statuses = site.statuses ?? [];
  const statusIds = statuses.length > 0 ? lower(statuses.map((s) => s.statusId)) : lower(defaultStatusIds());
  duplicates(statuses.map((s) => s.statusId), (i) => ['statuses', i, 'statusId'], 'status id');
  if (!statusIds.has(site.notAnsweringStatusId.toLowerCase())) {
    add(['notAnsweringStatusId'], `status "${site.notAnsweringStatusId}" is not in the status list`);
  }
  const userIds = lower(site.users.map((u) => u.userId));
  const workgroupNames = lower(site.workgroups.map((w) => w.name));
  const stationIds = lower(site.stations.map((s) => s.stationId));
  const setIds = lower(site.wrapUpCodeSets.map((s) => s.id));
  const codeIds = lower(site.wrapUpCodes.map((c) => c.id));

  site.users.forEach((u, i) => {
    u.workgroups.forEach((w, j) => {
      if (!workgroupNames.has(w.toLowerCase())) add(['users', i, 'workgroups', j], `unknown workgroup "${w}"`);
    });
    if (u.initialStatusId !== undefined && !statusIds.has(u.initialStatusId.toLowerCase())) {
      add(['users', i, 'initialStatusId'], `unknown status "${u.initialStatusId}"`);
    }
    u.statusAccess?.forEach((s, j) => {
      if (!statusIds.has(s.toLowerCase())) add(['users', i, 'statusAccess', j], `unknown status "${s}"`);
    });
    if (u.defaultWorkstation !== undefined && !stationIds.has(u.defaultWorkstation.toLowerCase())) {
      add(['users', i, 'defaultWorkstation'], `unknown station "${u.defaultWorkstation}"`);
    }
  });
  site.stations.forEach((s, i) => {
    if (s.kind === 'remoteWorkstation' && s.remoteNumber === undefined) {
      add(['stations', i, 'remoteNumber'], 'a remote workstation needs a remoteNumber');
    }
    s.allowedUsers?.forEach((u, j) => {
      if (!userIds.has(u.toLowerCase())) add(['stations', i, 'allowedUsers', j], `unknown user "${u}"`);
    });
  });
  site.workgroups.forEach((w, i) => {
    w.members.forEach((m, j) => {
      if (!userIds.has(m.toLowerCase())) add(['workgroups', i, 'members', j], `unknown user "${m}"`);
    });
    if (w.wrapUpCodeSet !== undefined && !setIds.has(w.wrapUpCodeSet.toLowerCase())) {
      add(['workgroups', i, 'wrapUpCodeSet'], `unknown wrap-up code set "${w.wrapUpCodeSet}"`);
    }
  });
  site.wrapUpCodeSets.forEach((set, i) => {
    set.codes.forEach((c, j) => {
      if (!codeIds.has(c.toLowerCase())) add(['wrapUpCodeSets', i, 'codes', j], `unknown wrap-up code "${c}"`);
    });
  });
  return issues;
}

function defaultStatusIds(): string[] {
  return defaultStatuses.map((s) => s.statusId);
}
