/**
 * Workgroup activation subscriptions: one user's activations in some (or all, `*`) of their
 * workgroups, or one workgroup's activation of some (or all) of its members.
 */
import type { WorldEvent } from '../events.js';
import { Urn } from '../wire.js';
import type { Subscription, SubscriptionContext } from './subscription.js';

export class UserActivationSubscription implements Subscription {
  readonly key: string;

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly subscriptionId: string,
    readonly userId: string,
    /** Canonical workgroup names; `null` for all. */
    readonly workgroups: readonly string[] | null,
  ) {
    this.key = `activations/users/${subscriptionId}`;
  }

  get describe(): string {
    return `activations of ${this.userId}`;
  }

  #watches(workgroup: string): boolean {
    return this.workgroups === null || this.workgroups.some((w) => w.toLowerCase() === workgroup.toLowerCase());
  }

  start(): void {
    const activations: Record<string, boolean> = {};
    for (const [name, on] of this.ctx.world.presenceOf(this.userId).activations) {
      if (this.#watches(name)) activations[name] = on;
    }
    this.ctx.session.enqueue({
      __type: Urn.userActivation,
      isDelta: false,
      subscriptionId: this.subscriptionId,
      userId: this.userId,
      activationsChanged: activations,
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'activation' || event.userId.toLowerCase() !== this.userId.toLowerCase()) return;
    if (!this.#watches(event.workgroup)) return;
    this.ctx.session.enqueue({
      __type: Urn.userActivation,
      isDelta: true,
      subscriptionId: this.subscriptionId,
      userId: this.userId,
      activationsChanged: { [event.workgroup]: event.active },
    });
  }
}

export class WorkgroupActivationSubscription implements Subscription {
  readonly key: string;

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly subscriptionId: string,
    readonly workgroup: string,
    readonly userIds: readonly string[],
  ) {
    this.key = `activations/workgroups/${subscriptionId}`;
  }

  get describe(): string {
    return `activations in ${this.workgroup}`;
  }

  start(): void {
    const activations: Record<string, boolean> = {};
    for (const userId of this.userIds) {
      activations[userId] = this.ctx.world.presenceOf(userId).activations.get(this.workgroup) ?? false;
    }
    this.ctx.session.enqueue({
      __type: Urn.workgroupActivation,
      isDelta: false,
      subscriptionId: this.subscriptionId,
      workgroupId: this.workgroup,
      activationsChanged: activations,
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'activation' || event.workgroup !== this.workgroup) return;
    const userId = this.userIds.find((u) => u.toLowerCase() === event.userId.toLowerCase());
    if (userId === undefined) return;
    this.ctx.session.enqueue({
      __type: Urn.workgroupActivation,
      isDelta: true,
      subscriptionId: this.subscriptionId,
      workgroupId: this.workgroup,
      activationsChanged: { [userId]: event.active },
    });
  }
}
