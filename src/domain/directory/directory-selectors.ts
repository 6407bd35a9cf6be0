import { displayName } from '../name-rule.js';
import type { SoftphoneState } from '../softphone-state.js';
import { statusKey, type StatusUntil } from '../status/status-state.js';
import type { DirectoryEntry } from './directory-state.js';
import { ownValue } from '../own.js';

/** Whether an entry matches a directory search: the start of a name (any part) or an extension. */
export function matchesDirectorySearch(entry: DirectoryEntry, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const words = [entry.displayName, entry.firstName, entry.lastName].flatMap((n) =>
    n.toLowerCase().split(/[\s,]+/),
  );
  const names = [entry.displayName, entry.firstName, entry.lastName].map((n) => n.toLowerCase());
  return (
    [...words, ...names].some((w) => w !== '' && w.startsWith(needle)) || entry.extension.startsWith(needle)
  );
}

/** One directory row as the panel shows it. */
export interface DirectoryRow {
  readonly entryId: string;
  readonly userId: string | null;
  readonly name: string;
  readonly extension: string;
  readonly number: string;
  readonly loggedIn: boolean | null;
  readonly onPhone: boolean | null;
  readonly statusId: string | null;
  readonly statusText: string | null;
  readonly statusNotes: string;
  readonly until: StatusUntil | null;
}

/** The directory view: the current page with live presence, and paging facts. */
export function selectDirectory(state: SoftphoneState): {
  readonly search: string;
  readonly loading: boolean;
  readonly index: number;
  readonly pageSize: number;
  readonly filteredCount: number;
  readonly rows: readonly DirectoryRow[];
} {
  const d = state.directory;
  const rows = d.entries
    .filter((e) => matchesDirectorySearch(e, d.search))
    .map((e): DirectoryRow => {
      const presence = e.userId === null ? undefined : ownValue(d.presence, e.userId.toLowerCase());
      const status = presence === undefined ? undefined : ownValue(state.status.catalog, statusKey(presence.statusId));
      return {
        entryId: e.entryId,
        userId: e.userId,
        name: displayName({
          displayName: e.displayName,
          firstName: e.firstName,
          lastName: e.lastName,
          userId: e.userId,
          number: e.extension || e.number,
        }),
        extension: e.extension,
        number: e.number,
        loggedIn: presence?.loggedIn ?? null,
        onPhone: presence?.onPhone ?? null,
        statusId: presence?.statusId ?? null,
        statusText: presence === undefined ? null : (status?.messageText ?? presence.statusId),
        statusNotes: presence?.notes ?? '',
        until: presence?.until ?? null,
      };
    });
  return {
    search: d.search,
    loading: d.requestId !== null,
    index: d.index,
    pageSize: d.pageSize,
    filteredCount: d.filteredCount,
    rows,
  };
}
