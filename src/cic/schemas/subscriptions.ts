/** Bodies of the subscriptions that are not owned by a resource family file (reference §3.1). */
import * as z from 'zod/mini';
import { nonEmpty } from './common.js';
import { UserStatusProperty } from './status.js';

/** `status:userStatusSubscription`. */
export const userStatusSubscription = z.object({
  userIds: z.array(nonEmpty).check(z.minLength(1)),
  userStatusProperties: z.optional(z.array(z.enum(UserStatusProperty))),
});
export type UserStatusSubscription = z.infer<typeof userStatusSubscription>;

/** `status:statusMessagesUserAccessSubscription`. */
export const statusMessagesUserAccessSubscription = z.object({
  userIds: z.array(nonEmpty).check(z.minLength(1)),
});

/** `interactions:alertSubscriptionParameters`. */
export const alertSubscriptionParameters = z.object({ attributeNames: z.optional(z.array(nonEmpty)) });

/** `interactions:historySubscriptionParameters`. */
export const historySubscriptionParameters = z.object({
  numberOfHistoryMessages: z.optional(z.int().check(z.positive())),
});
