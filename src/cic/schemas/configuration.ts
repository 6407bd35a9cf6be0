/**
 * Configuration lists (reference §3.7) and their subscriptions (§2.4 last row):
 * `…/messaging/subscriptions/configuration/{collection}/{subscriptionId}`.
 */
import * as z from 'zod/mini';
import { URN, configurationId, nonEmpty } from './common.js';

/** The collections the softphone reads, with the message type each subscription produces. */
export const ConfigurationCollection = {
  'wrap-up-codes': `${URN}configuration.people:wrapUpCodesMessage`,
  'account-codes': `${URN}configuration.people:accountCodesMessage`,
  users: `${URN}configuration.people:usersMessage`,
  workgroups: `${URN}configuration.people:workgroupsMessage`,
} as const;
export type ConfigurationCollection = keyof typeof ConfigurationCollection;

/** Body of a configuration subscription. `'*'` selects every id / every property. */
export const configurationSubscriptionParameters = z.object({
  configurationIds: z.array(nonEmpty).check(z.minLength(1)),
  properties: z.array(nonEmpty).check(z.minLength(1)),
  rightsFilter: z.optional(nonEmpty),
});
export type ConfigurationSubscriptionParameters = z.infer<typeof configurationSubscriptionParameters>;

/** One configuration object: its id plus whichever properties were selected. */
export const configurationItem = z.looseObject({ configurationId });
export type ConfigurationItem = z.infer<typeof configurationItem>;

/** `GET …/configuration/{collection}` → `{items}`. */
export const configurationList = z.object({ items: z.array(configurationItem) });

/** A removed entry: the reference does not say whether it is the id object or the bare id. */
const removedEntry = z.union([nonEmpty, configurationId]);

function configurationMessage<const T extends string>(type: T) {
  return z.object({
    __type: z.literal(type),
    isDelta: z.boolean(),
    subscriptionId: nonEmpty,
    added: z.optional(z.array(configurationItem)),
    changed: z.optional(z.array(configurationItem)),
    removed: z.optional(z.array(removedEntry)),
  });
}

export const wrapUpCodesMessage = configurationMessage(ConfigurationCollection['wrap-up-codes']);
export const accountCodesMessage = configurationMessage(ConfigurationCollection['account-codes']);
export const usersMessage = configurationMessage(ConfigurationCollection.users);
export const workgroupsMessage = configurationMessage(ConfigurationCollection.workgroups);
