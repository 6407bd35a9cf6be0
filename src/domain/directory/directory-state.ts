import type { UserStatus } from '../status/status-state.js';

/** One directory row (company directory, users). */
export interface DirectoryEntry {
  readonly entryId: string;
  readonly userId: string | null;
  readonly displayName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly extension: string;
  readonly number: string;
}

/** The directory view: the page on screen, the search, and live presence of users shown. */
export interface DirectoryArea {
  readonly search: string;
  readonly index: number;
  readonly pageSize: number;
  readonly requestId: string | null;
  readonly totalCount: number;
  readonly filteredCount: number;
  readonly entries: readonly DirectoryEntry[];
  /** Other users' statuses, keyed by lower-case user id. */
  readonly presence: Readonly<Record<string, UserStatus>>;
}

/** Directory page size (the seed's paging threshold is 100 entries; a panel shows fewer). */
export const DIRECTORY_PAGE_SIZE = 25;

/** Empty directory. */
export function initialDirectoryArea(): DirectoryArea {
  return {
    search: '',
    index: 0,
    pageSize: DIRECTORY_PAGE_SIZE,
    requestId: null,
    totalCount: 0,
    filteredCount: 0,
    entries: [],
    presence: {},
  };
}
