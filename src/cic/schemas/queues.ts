/** Queue subscriptions and their messages (reference §3.1, §3.2, §2.4). */
import * as z from 'zod/mini';
import { URN, attributeMap, nonEmpty, queueId, wireEnum } from './common.js';

/** Body of `PUT …/messaging/subscriptions/queues/{subscriptionId}`. */
export const queueSubscriptionParameters = z.object({
  queueIds: z.array(queueId).check(z.minLength(1)),
  attributeNames: z.array(nonEmpty).check(z.minLength(1)),
});
export type QueueSubscriptionParameters = z.infer<typeof queueSubscriptionParameters>;

const envelope = { isDelta: z.boolean() };

export const queueInteraction = z.object({
  interactionId: nonEmpty,
  attributes: attributeMap,
  conferenceParentId: z.optional(z.nullable(z.string())),
});
export type QueueInteraction = z.infer<typeof queueInteraction>;

export const queueContentsMessage = z.object({
  __type: z.literal(`${URN}queues:queueContentsMessage`),
  ...envelope,
  subscriptionId: nonEmpty,
  interactionsAdded: z.optional(z.array(queueInteraction)),
  interactionsChanged: z.optional(z.array(queueInteraction)),
  interactionsRemoved: z.optional(z.array(nonEmpty)),
});
export type QueueContentsMessage = z.infer<typeof queueContentsMessage>;

/** `SubscriptionState`: 0 None, 1 Normal, 2 Suspended, 3 Faulted. */
export const SubscriptionState = { None: 0, Normal: 1, Suspended: 2, Faulted: 3 } as const;

export const queueSubscriptionStateMessage = z.object({
  __type: z.literal(`${URN}queues:queueSubscriptionStateMessage`),
  ...envelope,
  subscriptionId: nonEmpty,
  state: wireEnum(SubscriptionState),
  error: z.optional(
    z.nullable(z.object({ errorId: z.optional(z.string()), message: z.optional(z.string()) })),
  ),
});
