/**
 * Subscriptions (reference §3.1): `PUT` creates or replaces, `DELETE` cancels. The first message
 * after a `PUT` is a snapshot (`isDelta:false`); see merge.ts for folding the deltas in.
 */
import type * as z from 'zod/mini';
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import type { QueueId } from '../schemas/common.js';
import { queueSubscriptionParameters } from '../schemas/queues.js';
import type { UserStatusProperty } from '../schemas/status.js';
import {
  alertSubscriptionParameters,
  historySubscriptionParameters,
  statusMessagesUserAccessSubscription,
  userStatusSubscription,
} from '../schemas/subscriptions.js';
import { userActivationSubscription, workgroupActivationSubscription } from '../schemas/activations.js';
import type { DirectorySubscriptionParameters } from '../schemas/directories.js';
import { directorySubscriptionParameters } from '../schemas/directories.js';
import type { ConfigurationCollection } from '../schemas/configuration.js';
import { configurationSubscriptionParameters } from '../schemas/configuration.js';

const BASE = 'messaging/subscriptions';

export interface ConfigurationSubscription {
  /** Ids to watch, or `['*']` for all. */
  readonly configurationIds: readonly string[];
  /** Properties to receive, or `['*']`. */
  readonly properties: readonly string[];
  /** Agents read configuration with `view` rights (reference §3.7). Default `view`. */
  readonly rightsFilter?: string;
}

export class SubscriptionsApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** Queue contents (system / user / workgroup / station queues) with chosen attributes. */
  queue(
    subscriptionId: string,
    queues: readonly QueueId[],
    attributeNames: readonly string[],
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      `queues/${seg(subscriptionId)}`,
      'queues/{subscriptionId}',
      queueSubscriptionParameters,
      { queueIds: [...queues], attributeNames: [...attributeNames] },
      options,
    );
  }

  unsubscribeQueue(subscriptionId: string, options: CallOptions = {}): Promise<void> {
    return this.#delete(`queues/${seg(subscriptionId)}`, 'queues/{subscriptionId}', options);
  }

  userStatuses(
    userIds: readonly string[],
    properties?: readonly UserStatusProperty[],
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      'status/user-statuses',
      'status/user-statuses',
      userStatusSubscription,
      { userIds: [...userIds], ...(properties ? { userStatusProperties: [...properties] } : {}) },
      options,
    );
  }

  unsubscribeUserStatuses(options: CallOptions = {}): Promise<void> {
    return this.#delete('status/user-statuses', 'status/user-statuses', options);
  }

  statusMessages(options: CallOptions = {}): Promise<void> {
    return this.#put('status/status-messages', 'status/status-messages', null, undefined, options);
  }

  unsubscribeStatusMessages(options: CallOptions = {}): Promise<void> {
    return this.#delete('status/status-messages', 'status/status-messages', options);
  }

  statusMessagesUserAccess(userIds: readonly string[], options: CallOptions = {}): Promise<void> {
    return this.#put(
      'status/status-messages-user-access',
      'status/status-messages-user-access',
      statusMessagesUserAccessSubscription,
      { userIds: [...userIds] },
      options,
    );
  }

  unsubscribeStatusMessagesUserAccess(options: CallOptions = {}): Promise<void> {
    return this.#delete('status/status-messages-user-access', 'status/status-messages-user-access', options);
  }

  previousStatusInfo(options: CallOptions = {}): Promise<void> {
    return this.#put(
      'status/user-status-previous-info',
      'status/user-status-previous-info',
      null,
      undefined,
      options,
    );
  }

  unsubscribePreviousStatusInfo(options: CallOptions = {}): Promise<void> {
    return this.#delete('status/user-status-previous-info', 'status/user-status-previous-info', options);
  }

  interactionHistory(numberOfHistoryMessages?: number, options: CallOptions = {}): Promise<void> {
    return this.#put(
      'interaction-history',
      'interaction-history',
      historySubscriptionParameters,
      numberOfHistoryMessages !== undefined ? { numberOfHistoryMessages } : {},
      options,
    );
  }

  unsubscribeInteractionHistory(options: CallOptions = {}): Promise<void> {
    return this.#delete('interaction-history', 'interaction-history', options);
  }

  station(options: CallOptions = {}): Promise<void> {
    return this.#put('connection/station', 'connection/station', null, undefined, options);
  }

  unsubscribeStation(options: CallOptions = {}): Promise<void> {
    return this.#delete('connection/station', 'connection/station', options);
  }

  /** A user's activation in workgroups (`['*']` for all). */
  userActivations(
    subscriptionId: string,
    userId: string,
    workgroupIds: readonly string[],
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      `activations/users/${seg(subscriptionId)}`,
      'activations/users/{subscriptionId}',
      userActivationSubscription,
      { userId, workgroupIds: [...workgroupIds] },
      options,
    );
  }

  unsubscribeUserActivations(subscriptionId: string, options: CallOptions = {}): Promise<void> {
    return this.#delete(
      `activations/users/${seg(subscriptionId)}`,
      'activations/users/{subscriptionId}',
      options,
    );
  }

  /** Members' activation in one workgroup. */
  workgroupActivations(
    subscriptionId: string,
    workgroupId: string,
    userIds: readonly string[],
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      `activations/workgroups/${seg(subscriptionId)}`,
      'activations/workgroups/{subscriptionId}',
      workgroupActivationSubscription,
      { workgroupId, userIds: [...userIds] },
      options,
    );
  }

  unsubscribeWorkgroupActivations(subscriptionId: string, options: CallOptions = {}): Promise<void> {
    return this.#delete(
      `activations/workgroups/${seg(subscriptionId)}`,
      'activations/workgroups/{subscriptionId}',
      options,
    );
  }

  /** The list of directories. */
  directories(options: CallOptions = {}): Promise<void> {
    return this.#put('directories', 'directories', null, undefined, options);
  }

  unsubscribeDirectories(options: CallOptions = {}): Promise<void> {
    return this.#delete('directories', 'directories', options);
  }

  /** One page of one directory. */
  directory(
    subscriptionId: string,
    parameters: DirectorySubscriptionParameters,
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      `directories/${seg(subscriptionId)}`,
      'directories/{subscriptionId}',
      directorySubscriptionParameters,
      parameters,
      options,
    );
  }

  unsubscribeDirectory(subscriptionId: string, options: CallOptions = {}): Promise<void> {
    return this.#delete(`directories/${seg(subscriptionId)}`, 'directories/{subscriptionId}', options);
  }

  /** Alerting interactions for this session's user and station. */
  interactionAlerting(attributeNames?: readonly string[], options: CallOptions = {}): Promise<void> {
    return this.#put(
      'interaction-alerting',
      'interaction-alerting',
      alertSubscriptionParameters,
      attributeNames ? { attributeNames: [...attributeNames] } : {},
      options,
    );
  }

  unsubscribeInteractionAlerting(options: CallOptions = {}): Promise<void> {
    return this.#delete('interaction-alerting', 'interaction-alerting', options);
  }

  /** A configuration list: wrap-up codes, account codes, users or workgroups. */
  configuration(
    collection: ConfigurationCollection,
    subscriptionId: string,
    subscription: ConfigurationSubscription,
    options: CallOptions = {},
  ): Promise<void> {
    return this.#put(
      `configuration/${collection}/${seg(subscriptionId)}`,
      `configuration/${collection}/{subscriptionId}`,
      configurationSubscriptionParameters,
      {
        configurationIds: [...subscription.configurationIds],
        properties: [...subscription.properties],
        rightsFilter: subscription.rightsFilter ?? 'view',
      },
      options,
    );
  }

  unsubscribeConfiguration(
    collection: ConfigurationCollection,
    subscriptionId: string,
    options: CallOptions = {},
  ): Promise<void> {
    return this.#delete(
      `configuration/${collection}/${seg(subscriptionId)}`,
      `configuration/${collection}/{subscriptionId}`,
      options,
    );
  }

  async #put<S extends z.ZodMiniType>(
    path: string,
    name: string,
    schema: S | null,
    value: z.input<S> | undefined,
    options: CallOptions,
  ): Promise<void> {
    const operation = `PUT ${BASE}/${name}`;
    const body = schema === null ? undefined : requestBody(schema, value as z.input<S>, operation);
    await this.#session.call({
      method: 'PUT',
      path: `${BASE}/${path}`,
      operation,
      body,
      signal: options.signal,
    });
  }

  async #delete(path: string, name: string, options: CallOptions): Promise<void> {
    await this.#session.call({
      method: 'DELETE',
      path: `${BASE}/${path}`,
      operation: `DELETE ${BASE}/${name}`,
      signal: options.signal,
    });
  }
}
