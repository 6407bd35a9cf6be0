/** Workgroup activation (reference §3.4) and its subscriptions (§3.1). */
import * as z from 'zod/mini';
import { URN, nonEmpty } from './common.js';

export const activationMap = z.record(z.string(), z.boolean());

/** `activations:userActivationSet`. */
export const userActivationSet = z.object({ userId: nonEmpty, activations: activationMap });
export type UserActivationSet = z.infer<typeof userActivationSet>;

/** `activations:userActivationDelta` (body of `PUT …/activations/users/{userId}`). */
export const userActivationDelta = z.object({ activations: activationMap });

/** Body of `PUT …/messaging/subscriptions/activations/users/{subscriptionId}`. */
export const userActivationSubscription = z.object({
  userId: nonEmpty,
  workgroupIds: z.array(nonEmpty).check(z.minLength(1)),
});
/** Body of `PUT …/messaging/subscriptions/activations/workgroups/{subscriptionId}`. */
export const workgroupActivationSubscription = z.object({
  workgroupId: nonEmpty,
  userIds: z.array(nonEmpty).check(z.minLength(1)),
});

export const userActivationMessage = z.object({
  __type: z.literal(`${URN}activations:userActivationMessage`),
  isDelta: z.boolean(),
  subscriptionId: nonEmpty,
  userId: nonEmpty,
  activationsChanged: activationMap,
});
export const workgroupActivationMessage = z.object({
  __type: z.literal(`${URN}activations:workgroupActivationMessage`),
  isDelta: z.boolean(),
  subscriptionId: nonEmpty,
  workgroupId: nonEmpty,
  activationsChanged: activationMap,
});
