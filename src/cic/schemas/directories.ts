/** Directories: lookup and directory subscriptions (reference §3.6). */
import * as z from 'zod/mini';
import { URN, nonEmpty, phoneNumber, queueId, wireEnum } from './common.js';

export const LookupEntryType = {
  None: 0,
  User: 1,
  StandalonePhone: 2,
  Station: 3,
  StationGroup: 4,
  AttendantProfile: 5,
  Workgroup: 6,
} as const;
export const LookupEntryProperty = {
  None: 0,
  FirstName: 1,
  LastName: 2,
  DisplayName: 3,
  Department: 4,
  EntryID: 5,
  Extension: 6,
  MobilePhone: 7,
  HomePhone: 8,
  HomePhone2: 9,
  HomeEmail: 10,
  BusinessPhone: 11,
  BusinessPhone2: 12,
  BusinessEmail: 13,
  IsActive: 14,
} as const;
export const LookupComparisonType = { None: 0, Exact: 1, StartsWith: 2, Contains: 3, Wildcards: 4 } as const;

/** `directories:lookupEntriesQuery`. */
export const lookupEntriesQuery = z.object({
  lookupEntryTypes: z.array(wireEnum(LookupEntryType)).check(z.minLength(1)),
  lookupEntryProperties: z.array(wireEnum(LookupEntryProperty)).check(z.minLength(1)),
  lookupComparisonType: wireEnum(LookupComparisonType),
  lookupString: z.string(),
  maxEntries: z.int().check(z.positive()),
});
export type LookupEntriesQuery = z.infer<typeof lookupEntriesQuery>;

export const lookupEntry = z.object({
  lookupEntryType: wireEnum(LookupEntryType),
  displayName: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  department: z.optional(z.string()),
  entryID: z.optional(z.string()),
  extension: z.optional(z.string()),
  businessPhone: z.optional(phoneNumber),
  businessPhone2: z.optional(phoneNumber),
  homePhone: z.optional(phoneNumber),
  homePhone2: z.optional(phoneNumber),
  mobilePhone: z.optional(phoneNumber),
  businessEmail: z.optional(z.string()),
  homeEmail: z.optional(z.string()),
  isActive: z.optional(z.boolean()),
  statusURI: z.optional(z.string()),
  queueID: z.optional(queueId),
  voicemailCapable: z.optional(z.boolean()),
});
export type LookupEntry = z.infer<typeof lookupEntry>;

/** `directories:lookupEntries`. */
export const lookupEntries = z.object({
  lookupEntriesList: z.array(lookupEntry),
  moreEntriesMatched: z.optional(z.boolean()),
  phoneNumber: z.optional(z.nullable(phoneNumber)),
});
export type LookupEntries = z.infer<typeof lookupEntries>;

export const DirectoryCategory = {
  Company: 0,
  Workgroup: 1,
  General: 2,
  StationGroup: 3,
  SpeedDial: 4,
  GroupAndProfile: 5,
  Tracker: 6,
} as const;
export const FilterType = { Exact: 0, Prefix: 1, Exists: 2, Empty: 3, Wildcards: 4 } as const;

/** `directories:directorySubscriptionParameters`. `contactProperty` is the 43-value ContactProperty enum. */
export const directorySubscriptionParameters = z.object({
  directoryID: nonEmpty,
  index: z.optional(z.int().check(z.nonnegative())),
  count: z.optional(z.int().check(z.positive())),
  filterItems: z.optional(
    z.array(
      z.object({
        contactProperty: z.int().check(z.gte(0), z.lte(42)),
        filterType: wireEnum(FilterType),
        filterExpressions: z.array(z.string()),
      }),
    ),
  ),
  sortItems: z.optional(
    z.array(
      z.object({ contactProperty: z.int().check(z.gte(0), z.lte(42)), sortDirection: z.literal([0, 1]) }),
    ),
  ),
});
export type DirectorySubscriptionParameters = z.infer<typeof directorySubscriptionParameters>;

export const directory = z.looseObject({
  directoryID: nonEmpty,
  displayName: z.optional(z.string()),
  schemaID: z.optional(z.string()),
  category: z.optional(wireEnum(DirectoryCategory)),
  count: z.optional(z.int()),
  hasStatus: z.optional(z.boolean()),
  isPrivate: z.optional(z.boolean()),
});
export type Directory = z.infer<typeof directory>;

export const directoriesMessage = z.looseObject({
  __type: z.literal(`${URN}directories:directoriesMessage`),
  isDelta: z.boolean(),
  directoriesAdded: z.optional(z.array(directory)),
  directoriesChanged: z.optional(z.array(directory)),
  directoriesRemoved: z.optional(z.array(z.string())),
});

export const contactEntry = z.looseObject({
  entryID: nonEmpty,
  index: z.optional(z.int()),
  displayName: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  department: z.optional(z.string()),
  extension: z.optional(z.string()),
  businessPhone: z.optional(phoneNumber),
  mobilePhone: z.optional(phoneNumber),
  homePhone: z.optional(phoneNumber),
  businessEmail: z.optional(z.string()),
  userID: z.optional(z.string()),
  workgroups: z.optional(z.array(z.string())),
  statusID: z.optional(z.string()),
  statusSummary: z.optional(
    z.object({
      statusID: z.optional(z.string()),
      loggedIn: z.optional(z.boolean()),
      onPhone: z.optional(z.boolean()),
    }),
  ),
  onPhone: z.optional(z.boolean()),
  loggedIn: z.optional(z.boolean()),
  stations: z.optional(z.array(z.string())),
});
export type ContactEntry = z.infer<typeof contactEntry>;

export const directoryMessage = z.object({
  __type: z.literal(`${URN}directories:directoryMessage`),
  isDelta: z.boolean(),
  subscriptionId: nonEmpty,
  totalCount: z.optional(z.int()),
  filteredCount: z.optional(z.int()),
  contactsAdded: z.optional(z.array(contactEntry)),
  contactsChanged: z.optional(z.array(contactEntry)),
  contactsRemoved: z.optional(z.array(z.string())),
});
