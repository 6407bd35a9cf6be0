/**
 * Status subscriptions: user statuses, the status message list, which statuses users may select,
 * and the remembered details of previously used statuses.
 */
import type { WorldEvent } from '../events.js';
import { previousInfoJson, type UserStatusProperty } from '../presence.js';
import { selectableStatusIds, statusMessageJson } from '../status-model.js';
import { Urn } from '../wire.js';
import type { Subscription, SubscriptionContext } from './subscription.js';

export class UserStatusSubscription implements Subscription {
  readonly key = 'status/user-statuses';
  readonly #userIds: Set<string>;

  constructor(
    private readonly ctx: SubscriptionContext,
    private readonly userIds: readonly string[],
    private readonly properties: readonly UserStatusProperty[] | null,
  ) {
    this.#userIds = new Set(userIds.map((u) => u.toLowerCase()));
  }

  get describe(): string {
    return `user statuses of ${this.userIds.join(', ')}`;
  }

  #filter(full: Record<string, unknown>, only?: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { userId: full['userId'], statusId: full['statusId'] };
    for (const [name, value] of Object.entries(full)) {
      if (only !== undefined && !only.includes(name)) continue;
      if (this.properties !== null && !this.properties.includes(name as UserStatusProperty)) continue;
      out[name] = value;
    }
    return out;
  }

  start(): void {
    this.ctx.session.enqueue({
      __type: Urn.userStatus,
      isDelta: false,
      userStatusList: this.userIds.map((u) => this.#filter(this.ctx.world.userStatus(u))),
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'userStatus' || !this.#userIds.has(event.userId.toLowerCase())) return;
    const relevant = event.changed.filter((p) => this.properties === null || this.properties.includes(p));
    if (relevant.length === 0) return;
    this.ctx.session.enqueue({
      __type: Urn.userStatus,
      isDelta: true,
      userStatusList: [this.#filter(this.ctx.world.userStatus(event.userId), relevant)],
    });
  }
}

export class StatusMessagesSubscription implements Subscription {
  readonly key = 'status/status-messages';
  readonly describe = 'status messages';

  constructor(private readonly ctx: SubscriptionContext) {}

  start(): void {
    this.ctx.session.enqueue({
      __type: Urn.statusMessages,
      isDelta: false,
      statusMessagesAdded: this.ctx.world.site.statuses.map(statusMessageJson),
    });
  }

  handle(): void {
    // The status list comes from the site file and does not change while the simulator runs.
  }
}

export class StatusMessagesUserAccessSubscription implements Subscription {
  readonly key = 'status/status-messages-user-access';

  constructor(
    private readonly ctx: SubscriptionContext,
    private readonly userIds: readonly string[],
  ) {}

  get describe(): string {
    return `status access of ${this.userIds.join(', ')}`;
  }

  start(): void {
    this.ctx.session.enqueue({
      __type: Urn.statusMessagesUserAccess,
      isDelta: false,
      statusMessagesUserAccessChanges: this.userIds.map((userId) => ({
        userId,
        statusMessagesAdded: selectableStatusIds(this.ctx.world, this.ctx.world.requireUser(userId)),
      })),
    });
  }

  handle(): void {
    // Status access comes from the site file.
  }
}

export class PreviousStatusInfoSubscription implements Subscription {
  readonly key = 'status/user-status-previous-info';
  readonly describe = 'previous status info';

  constructor(private readonly ctx: SubscriptionContext) {}

  start(): void {
    const presence = this.ctx.world.presenceOf(this.ctx.session.userId);
    this.ctx.session.enqueue({
      __type: Urn.userStatusPreviousInfo,
      isDelta: false,
      userStatusPreviousInfoList: [...presence.previous.values()].map(previousInfoJson),
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'previousStatus' || event.userId.toLowerCase() !== this.ctx.session.userId.toLowerCase()) return;
    this.ctx.session.enqueue({
      __type: Urn.userStatusPreviousInfo,
      isDelta: true,
      userStatusPreviousInfoList: [previousInfoJson(event.info)],
    });
  }
}
