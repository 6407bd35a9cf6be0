/** Presence: status messages, user statuses, previous status info (reference §3.3). */
import * as z from 'zod/mini';
import { nonEmpty, wireTime } from './common.js';

/** One entry of the status catalogue; the reference marks every field required. */
export const statusMessage = z.object({
  statusId: nonEmpty,
  messageText: z.string(),
  iconUri: z.string(),
  groupTag: z.string(),
  canHaveDate: z.boolean(),
  canHaveTime: z.boolean(),
  isDoNotDisturbStatus: z.boolean(),
  isSelectableStatus: z.boolean(),
  isPersistentStatus: z.boolean(),
  isForwardStatus: z.boolean(),
  isAfterCallWorkStatus: z.boolean(),
  isAcdStatus: z.boolean(),
  isAllowFollowUpStatus: z.boolean(),
  systemId: z.string(),
});
export type StatusMessage = z.infer<typeof statusMessage>;

export const statusMessages = z.object({ statusMessageList: z.array(statusMessage) });

export const statusMessagesUserAccess = z.object({ userId: nonEmpty, statusMessages: z.array(z.string()) });
export type StatusMessagesUserAccess = z.infer<typeof statusMessagesUserAccess>;

export const statusUntil = z.object({ untilDateTime: wireTime, hasDate: z.boolean(), hasTime: z.boolean() });
export type StatusUntil = z.infer<typeof statusUntil>;

/**
 * `status:userStatus`. Only `userId` is always present: in a `userStatusMessage` delta only the
 * changed properties are sent, and a subscription may ask for a subset of properties.
 */
export const userStatus = z.object({
  userId: nonEmpty,
  statusId: z.optional(z.string()),
  notes: z.optional(z.nullable(z.string())),
  forwardNumber: z.optional(z.nullable(z.string())),
  until: z.optional(z.nullable(statusUntil)),
  onPhone: z.optional(z.boolean()),
  onPhoneChanged: z.optional(wireTime),
  statusChanged: z.optional(wireTime),
  stations: z.optional(z.array(z.string())),
  icServers: z.optional(z.array(z.string())),
  presenceServer: z.optional(z.nullable(z.string())),
  loggedIn: z.optional(z.boolean()),
});
export type UserStatus = z.infer<typeof userStatus>;

/** Body of `PUT …/status/user-statuses/{userId}`. */
export const userStatusUpdate = z.object({
  statusId: nonEmpty,
  notes: z.optional(z.string()),
  forwardNumber: z.optional(z.string()),
  until: z.optional(statusUntil),
});
export type UserStatusUpdate = z.infer<typeof userStatusUpdate>;

export const previousStatusInfo = z.object({
  statusId: z.string(),
  notes: z.optional(z.nullable(z.string())),
  forwardNumber: z.optional(z.nullable(z.string())),
});
export const userStatusPreviousInfos = z.object({ userStatusPreviousInfoList: z.array(previousStatusInfo) });
export type UserStatusPreviousInfos = z.infer<typeof userStatusPreviousInfos>;

/** Names a user-status subscription may ask for in `userStatusProperties`. */
export const UserStatusProperty = [
  'userId',
  'statusId',
  'notes',
  'forwardNumber',
  'until',
  'onPhone',
  'onPhoneChanged',
  'statusChanged',
  'stations',
  'icServers',
  'presenceServer',
  'loggedIn',
] as const;
export type UserStatusProperty = (typeof UserStatusProperty)[number];
