/**
 * Configuration subscriptions (`configuration/{collection}/{subscriptionId}`): the chosen objects
 * (or `*`) with the chosen properties. Configuration comes from the site file, so after the
 * snapshot only a replacing PUT sends again.
 */
import { configItemJson, type Collection, type Selection } from '../configuration-model.js';
import type { Subscription, SubscriptionContext } from './subscription.js';

export class ConfigurationSubscription implements Subscription {
  readonly key: string;

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly collection: Collection,
    readonly subscriptionId: string,
    /** `null` for all objects. */
    readonly ids: readonly string[] | null,
    readonly selection: Selection,
  ) {
    this.key = `configuration/${collection.name}/${subscriptionId}`;
  }

  get describe(): string {
    return `configuration ${this.collection.name}`;
  }

  start(): void {
    const wanted = this.ids?.map((i) => i.toLowerCase());
    const items = this.collection
      .items(this.ctx.world)
      .filter((item) => wanted === undefined || wanted.includes(item.id.toLowerCase()))
      .map((item) => configItemJson(this.collection, item, this.selection));
    this.ctx.session.enqueue({
      __type: this.collection.messageType,
      isDelta: false,
      subscriptionId: this.subscriptionId,
      added: items,
      changed: [],
      removed: [],
    });
  }

  handle(): void {
    // Static configuration: no deltas.
  }
}
