/**
 * Messaging: message retrieval (short polling, or server-sent events on the same path when the
 * client asks for `text/event-stream` and the session's messaging feature is ≥ 2), heartbeat, and
 * every subscription's PUT (create or replace, then the snapshot) and DELETE.
 */
import { z } from 'zod';
import { QueueType, type QueueId } from '../../telephony/host.js';
import { findCollection, parseSelection } from '../configuration-model.js';
import { findDirectory, isKnownContactProperty } from '../directory-model.js';
import { SimErrorId } from '../errors.js';
import { ErrorId, HttpError, parseBody } from '../http-util.js';
import { userStatusProperties, type UserStatusProperty } from '../presence.js';
import { HANDLED, type Router, type SessionContext } from '../router.js';
import { SseStream } from '../sse.js';
import { UserActivationSubscription, WorkgroupActivationSubscription } from '../subscriptions/activations.js';
import { ConfigurationSubscription } from '../subscriptions/configuration.js';
import { DirectoriesSubscription, DirectorySubscription } from '../subscriptions/directories.js';
import { AlertingSubscription, HistorySubscription, InteractionSubscription } from '../subscriptions/interactions.js';
import { QueueSubscription } from '../subscriptions/queues.js';
import { StationSubscription } from '../subscriptions/station.js';
import {
  PreviousStatusInfoSubscription,
  StatusMessagesSubscription,
  StatusMessagesUserAccessSubscription,
  UserStatusSubscription,
} from '../subscriptions/status.js';
import type { Subscription } from '../subscriptions/subscription.js';
import type { World } from '../world.js';

const S = '/icws/:sessionId/messaging/subscriptions';

const queueSchema = z.object({
  queueIds: z
    .array(z.object({ queueType: z.number().int().min(0).max(3), queueName: z.string().min(1) }))
    .min(1, 'at least one queue is required'),
  attributeNames: z.array(z.string().min(1)).min(1, 'at least one attribute name is required'),
});
const userStatusSchema = z.object({
  userIds: z.array(z.string().min(1)).min(1, 'at least one user id is required'),
  userStatusProperties: z.array(z.string()).optional(),
});
const userIdsSchema = z.object({ userIds: z.array(z.string().min(1)).min(1, 'at least one user id is required') });
const attributeNamesSchema = z.object({ attributeNames: z.array(z.string().min(1)).optional() });
const interactionSubSchema = z.object({ attributeNames: z.array(z.string().min(1)).min(1) });
const historySchema = z.object({ numberOfHistoryMessages: z.number().int().min(0).optional() });
const userActivationSchema = z.object({ userId: z.string().min(1), workgroupIds: z.array(z.string().min(1)).min(1) });
const workgroupActivationSchema = z.object({ workgroupId: z.string().min(1), userIds: z.array(z.string().min(1)).min(1) });
const directorySchema = z.object({
  directoryID: z.string().min(1),
  index: z.number().int().min(0).optional(),
  count: z.number().int().min(0).optional(),
  filterItems: z
    .array(
      z.object({
        contactProperty: z.number().int(),
        filterType: z.number().int().min(0).max(4),
        filterExpressions: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  sortItems: z.array(z.object({ contactProperty: z.number().int(), sortDirection: z.number().int().min(0).max(1) })).default([]),
});
const configIdSchema = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((o) => o.id)]);
const configurationSchema = z.object({
  configurationIds: z.array(configIdSchema).min(1),
  properties: z.array(z.string().min(1)).default([]),
  rightsFilter: z.union([z.string(), z.number()]).optional(),
});

function canonicalUser(world: World, userId: string, property: string): string {
  const user = world.site.user(userId);
  if (user === undefined) {
    throw new HttpError(404, SimErrorId.unknownUser, `There is no user "${userId}".`, { propertyName: property });
  }
  return user.userId;
}

function subscribe(ctx: SessionContext, subscription: Subscription): { status: number } {
  ctx.session.subscriptions.set(subscription.key, subscription);
  subscription.start();
  return { status: 200 };
}

function unsubscribe(ctx: SessionContext, key: string): { status: number } {
  ctx.session.subscriptions.delete(key);
  return { status: 204 };
}

/** Which queues a user may watch: their own, their station's, their workgroups' (supervisors: all). */
function checkQueueAccess(world: World, userId: string, queue: QueueId, index: number): QueueId {
  const user = world.requireUser(userId);
  const unknown = (what: string) =>
    new HttpError(400, SimErrorId.unknownQueue, `There is no ${what} "${queue.queueName}".`, {
      propertyName: `queueIds[${index}].queueName`,
    });
  const denied = () =>
    new HttpError(400, SimErrorId.queueAccessDenied, `You may not watch the queue "${queue.queueName}".`, {
      propertyName: `queueIds[${index}].queueName`,
    });
  switch (queue.queueType) {
    case QueueType.System:
    case QueueType.User: {
      const owner = world.site.user(queue.queueName);
      if (owner === undefined) throw unknown('user');
      if (owner.userId !== user.userId && !user.supervisor) throw denied();
      return { queueType: queue.queueType, queueName: owner.userId };
    }
    case QueueType.Workgroup: {
      const w = world.site.workgroup(queue.queueName);
      if (w === undefined) throw unknown('workgroup');
      if (!user.supervisor && !user.memberOf.includes(w.name)) throw denied();
      return { queueType: queue.queueType, queueName: w.name };
    }
    default: {
      const station = world.site.station(queue.queueName);
      const mine = world.agent(user.userId)?.station?.stationId;
      if (station === undefined && mine !== queue.queueName) throw unknown('station');
      if (!user.supervisor && mine?.toLowerCase() !== queue.queueName.toLowerCase()) throw denied();
      return { queueType: queue.queueType, queueName: station?.stationId ?? queue.queueName };
    }
  }
}

export function messagingRoutes(router: Router): void {
  router.session(
    'GET',
    '/icws/:sessionId/messaging/messages',
    (ctx) => {
      const { session, world, req, res } = ctx;
      if (session.state === 'draining') {
        const messages = session.drain();
        world.bury(session);
        return { status: 200, body: messages };
      }
      const wantsSse = (req.headers.accept ?? '').toLowerCase().includes('text/event-stream');
      if (wantsSse && session.messagingVersion >= 2) {
        SseStream.open(req, res, ctx.baseHeaders);
        session.attachSse(res);
        return HANDLED;
      }
      return { status: 200, body: session.drain() };
    },
    'cookie-draining',
  );

  router.session('POST', '/icws/:sessionId/messaging/heartbeat', () => ({ status: 200 }));

  // Queues.
  router.session('PUT', `${S}/queues/:subscriptionId`, (ctx) => {
    const body = parseBody(queueSchema, ctx.body);
    const queues = body.queueIds.map((q, i) => checkQueueAccess(ctx.world, ctx.session.userId, q as QueueId, i));
    return subscribe(ctx, new QueueSubscription(ctx, ctx.params['subscriptionId'] ?? '', queues, body.attributeNames));
  });
  router.session('DELETE', `${S}/queues/:subscriptionId`, (ctx) => unsubscribe(ctx, `queues/${ctx.params['subscriptionId']}`));

  // One interaction.
  router.session('PUT', `${S}/interactions/:interactionId`, (ctx) => {
    const body = parseBody(interactionSubSchema, ctx.body);
    const id = ctx.params['interactionId'] ?? '';
    const attributes = ctx.world.engine.getAttributes(ctx.session.userId, id, body.attributeNames);
    return subscribe(ctx, new InteractionSubscription(ctx, id, body.attributeNames, attributes));
  });
  router.session('DELETE', `${S}/interactions/:interactionId`, (ctx) =>
    unsubscribe(ctx, `interactions/${ctx.params['interactionId']}`),
  );

  // Alerting and history.
  router.session('PUT', `${S}/interaction-alerting`, (ctx) => {
    const body = parseBody(attributeNamesSchema, ctx.body);
    return subscribe(ctx, new AlertingSubscription(ctx, body.attributeNames ?? []));
  });
  router.session('DELETE', `${S}/interaction-alerting`, (ctx) => unsubscribe(ctx, 'interaction-alerting'));
  router.session('PUT', `${S}/interaction-history`, (ctx) => {
    const body = parseBody(historySchema, ctx.body);
    return subscribe(ctx, new HistorySubscription(ctx, body.numberOfHistoryMessages));
  });
  router.session('DELETE', `${S}/interaction-history`, (ctx) => unsubscribe(ctx, 'interaction-history'));

  // Status.
  router.session('PUT', `${S}/status/user-statuses`, (ctx) => {
    const body = parseBody(userStatusSchema, ctx.body);
    const userIds = body.userIds.map((u, i) => canonicalUser(ctx.world, u, `userIds[${i}]`));
    let properties: UserStatusProperty[] | null = null;
    if (body.userStatusProperties !== undefined && body.userStatusProperties.length > 0) {
      properties = [];
      body.userStatusProperties.forEach((p, i) => {
        const known = userStatusProperties.find((k) => k.toLowerCase() === p.toLowerCase());
        if (known === undefined) {
          throw new HttpError(400, ErrorId.invalidProperty, `Unknown user status property "${p}".`, {
            propertyName: `userStatusProperties[${i}]`,
          });
        }
        properties?.push(known);
      });
    }
    return subscribe(ctx, new UserStatusSubscription(ctx, userIds, properties));
  });
  router.session('DELETE', `${S}/status/user-statuses`, (ctx) => unsubscribe(ctx, 'status/user-statuses'));
  router.session('PUT', `${S}/status/status-messages`, (ctx) => subscribe(ctx, new StatusMessagesSubscription(ctx)));
  router.session('DELETE', `${S}/status/status-messages`, (ctx) => unsubscribe(ctx, 'status/status-messages'));
  router.session('PUT', `${S}/status/status-messages-user-access`, (ctx) => {
    const body = parseBody(userIdsSchema, ctx.body);
    const userIds = body.userIds.map((u, i) => canonicalUser(ctx.world, u, `userIds[${i}]`));
    return subscribe(ctx, new StatusMessagesUserAccessSubscription(ctx, userIds));
  });
  router.session('DELETE', `${S}/status/status-messages-user-access`, (ctx) =>
    unsubscribe(ctx, 'status/status-messages-user-access'),
  );
  router.session('PUT', `${S}/status/user-status-previous-info`, (ctx) => subscribe(ctx, new PreviousStatusInfoSubscription(ctx)));
  router.session('DELETE', `${S}/status/user-status-previous-info`, (ctx) =>
    unsubscribe(ctx, 'status/user-status-previous-info'),
  );

  // Station.
  router.session('PUT', `${S}/connection/station`, (ctx) => subscribe(ctx, new StationSubscription(ctx)));
  router.session('DELETE', `${S}/connection/station`, (ctx) => unsubscribe(ctx, 'connection/station'));

  // Activations.
  router.session('PUT', `${S}/activations/users/:subscriptionId`, (ctx) => {
    const body = parseBody(userActivationSchema, ctx.body);
    const userId = canonicalUser(ctx.world, body.userId, 'userId');
    let workgroups: string[] | null = null;
    if (!body.workgroupIds.includes('*')) {
      workgroups = body.workgroupIds.map((w, i) => {
        const found = ctx.world.site.workgroup(w);
        if (found === undefined) {
          throw new HttpError(404, SimErrorId.unknownWorkgroup, `There is no workgroup "${w}".`, { propertyName: `workgroupIds[${i}]` });
        }
        return found.name;
      });
    }
    return subscribe(ctx, new UserActivationSubscription(ctx, ctx.params['subscriptionId'] ?? '', userId, workgroups));
  });
  router.session('DELETE', `${S}/activations/users/:subscriptionId`, (ctx) =>
    unsubscribe(ctx, `activations/users/${ctx.params['subscriptionId']}`),
  );
  router.session('PUT', `${S}/activations/workgroups/:subscriptionId`, (ctx) => {
    const body = parseBody(workgroupActivationSchema, ctx.body);
    const workgroup = ctx.world.site.workgroup(body.workgroupId);
    if (workgroup === undefined) {
      throw new HttpError(404, SimErrorId.unknownWorkgroup, `There is no workgroup "${body.workgroupId}".`, {
        propertyName: 'workgroupId',
      });
    }
    const userIds = body.userIds.includes('*')
      ? [...workgroup.memberIds]
      : body.userIds.map((u, i) => canonicalUser(ctx.world, u, `userIds[${i}]`));
    return subscribe(ctx, new WorkgroupActivationSubscription(ctx, ctx.params['subscriptionId'] ?? '', workgroup.name, userIds));
  });
  router.session('DELETE', `${S}/activations/workgroups/:subscriptionId`, (ctx) =>
    unsubscribe(ctx, `activations/workgroups/${ctx.params['subscriptionId']}`),
  );

  // Directories.
  router.session('PUT', `${S}/directories`, (ctx) => subscribe(ctx, new DirectoriesSubscription(ctx)));
  router.session('DELETE', `${S}/directories`, (ctx) => unsubscribe(ctx, 'directories'));
  router.session('PUT', `${S}/directories/:subscriptionId`, (ctx) => {
    const body = parseBody(directorySchema, ctx.body);
    const directory = findDirectory(body.directoryID);
    if (directory === undefined) {
      throw new HttpError(404, SimErrorId.unknownDirectory, `There is no directory "${body.directoryID}".`, {
        propertyName: 'directoryID',
      });
    }
    [...body.filterItems, ...body.sortItems].forEach((item) => {
      if (!isKnownContactProperty(item.contactProperty)) {
        throw new HttpError(400, ErrorId.invalidProperty, `The contact property ${item.contactProperty} is not supported.`, {
          propertyName: 'contactProperty',
        });
      }
    });
    return subscribe(
      ctx,
      new DirectorySubscription(ctx, ctx.params['subscriptionId'] ?? '', directory, body.index ?? 0, body.count, body.filterItems, body.sortItems),
    );
  });
  router.session('DELETE', `${S}/directories/:subscriptionId`, (ctx) =>
    unsubscribe(ctx, `directories/${ctx.params['subscriptionId']}`),
  );

  // Configuration lists.
  router.session('PUT', `${S}/configuration/:collection/:subscriptionId`, (ctx) => {
    const collection = findCollection(ctx.params['collection'] ?? '');
    if (collection === undefined) {
      throw new HttpError(404, ErrorId.notFound, `The simulator has no configuration collection "${ctx.params['collection']}".`);
    }
    const body = parseBody(configurationSchema, ctx.body);
    const ids = body.configurationIds.includes('*') ? null : body.configurationIds;
    const selection = body.properties.length === 0 ? null : parseSelection(body.properties.join(','));
    return subscribe(ctx, new ConfigurationSubscription(ctx, collection, ctx.params['subscriptionId'] ?? '', ids, selection));
  });
  router.session('DELETE', `${S}/configuration/:collection/:subscriptionId`, (ctx) =>
    unsubscribe(ctx, `configuration/${(ctx.params['collection'] ?? '').toLowerCase()}/${ctx.params['subscriptionId']}`),
  );
}
