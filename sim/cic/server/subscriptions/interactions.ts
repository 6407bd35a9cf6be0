/**
 * Interaction subscriptions: one interaction's attributes (`interactions/{id}`), alerting
 * (`interaction-alerting`) and the user's interaction history (`interaction-history`).
 */
import { QueueType, type HistoryEntry, type QueueEntry } from '../../telephony/host.js';
import type { WorldEvent } from '../events.js';
import { Urn, compactDate } from '../wire.js';
import { expandQueue, queueKey } from './queues.js';
import { diffAttributes, pickAttributes, type Subscription, type SubscriptionContext } from './subscription.js';

export class InteractionSubscription implements Subscription {
  readonly key: string;
  #sent: Record<string, string> = {};

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly interactionId: string,
    readonly attributeNames: readonly string[],
    private readonly initial: Readonly<Record<string, string>>,
  ) {
    this.key = `interactions/${interactionId}`;
  }

  get describe(): string {
    return `interaction ${this.interactionId}`;
  }

  start(): void {
    this.#sent = pickAttributes(this.initial, this.attributeNames);
    this.ctx.session.knownInteractions.add(this.interactionId);
    this.ctx.session.enqueue({
      __type: Urn.interactionChanged,
      isDelta: false,
      interactionID: this.interactionId,
      attributes: { ...this.#sent },
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'queue' || event.change.kind === 'removed') return;
    if (event.change.entry.interactionId !== this.interactionId) return;
    const changed = diffAttributes(this.#sent, pickAttributes(event.change.entry.attributes, this.attributeNames));
    if (Object.keys(changed).length === 0) return;
    this.ctx.session.enqueue({ __type: Urn.interactionChanged, isDelta: true, interactionID: this.interactionId, attributes: changed });
  }
}

/** Alert types of `interactionAlertingMessage`. */
const AlertType = { User: 1, AcdUser: 5 } as const;
const AlertAction = { Start: 1, Stop: 2 } as const;

/**
 * Alerting interactions in the user's own queue (and station queue): StartAlerting when one
 * reaches `Eic_State` `A`, StopAlerting when it leaves that state or the queue.
 */
export class AlertingSubscription implements Subscription {
  readonly key = 'interaction-alerting';
  readonly describe = 'interaction alerting';
  readonly #alerting = new Set<string>();

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly attributeNames: readonly string[],
  ) {}

  #queueKeys = new Set<string>();

  #queues(): Set<string> {
    const own = { queueType: QueueType.System, queueName: this.ctx.session.userId } as const;
    return new Set(expandQueue(this.ctx.world, own).map(queueKey));
  }

  #detail(entry: QueueEntry, action: number): Record<string, unknown> {
    const a = entry.attributes;
    const get = (name: string) => pickAttributes(a, [name])[name] ?? '';
    const user = this.ctx.world.siteUser(this.ctx.session.userId);
    const acd = get('Eic_WorkgroupName') !== '';
    const detail: Record<string, unknown> = {
      interactionId: entry.interactionId,
      interactionType: 0,
      name: get('Eic_RemoteName'),
      address: get('Eic_RemoteAddress'),
      alertType: acd ? AlertType.AcdUser : AlertType.User,
      alertAction: action,
      autoAnswer: (acd ? user?.autoAnswerAcdInteractions : user?.autoAnswerNonAcdInteractions) ?? false,
      monitoredQueue: { queueType: QueueType.User, queueName: this.ctx.session.userId },
    };
    if (this.attributeNames.length > 0) detail['attributes'] = pickAttributes(a, this.attributeNames);
    return detail;
  }

  start(): void {
    this.#queueKeys = this.#queues();
    this.#alerting.clear();
    const details: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    const own = { queueType: QueueType.System, queueName: this.ctx.session.userId } as const;
    for (const queue of expandQueue(this.ctx.world, own)) {
      for (const entry of this.ctx.world.engine.queueContents(queue)) {
        if (seen.has(entry.interactionId)) continue;
        seen.add(entry.interactionId);
        if (isAlerting(entry)) {
          this.#alerting.add(entry.interactionId);
          details.push(this.#detail(entry, AlertAction.Start));
        }
      }
    }
    this.ctx.session.enqueue({ __type: Urn.interactionAlerting, isDelta: false, alertingInteractionDetails: details });
  }

  handle(event: WorldEvent): void {
    if (event.kind === 'station' || (event.kind === 'userStatus' && event.changed.includes('stations'))) {
      if (event.userId.toLowerCase() === this.ctx.session.userId.toLowerCase()) this.#queueKeys = this.#queues();
      return;
    }
    if (event.kind !== 'queue') return;
    const { change } = event;
    if (!this.#queueKeys.has(queueKey(change.queue))) return;
    const id = change.entry.interactionId;
    const now = change.kind !== 'removed' && isAlerting(change.entry);
    const was = this.#alerting.has(id);
    if (now === was) return;
    if (now) this.#alerting.add(id);
    else this.#alerting.delete(id);
    this.ctx.session.enqueue({
      __type: Urn.interactionAlerting,
      isDelta: true,
      alertingInteractionDetails: [this.#detail(change.entry, now ? AlertAction.Start : AlertAction.Stop)],
    });
  }
}

function isAlerting(entry: QueueEntry): boolean {
  return pickAttributes(entry.attributes, ['Eic_State'])['Eic_State'] === 'A';
}

export function historyEntryJson(entry: HistoryEntry): Record<string, unknown> {
  return {
    interactionId: entry.interactionId,
    direction: entry.direction,
    initiationTime: compactDate(entry.initiationTime),
    terminationTime: compactDate(entry.terminationTime),
    localAddress: entry.localAddress,
    localId: entry.localId,
    localName: entry.localName,
    remoteAddress: entry.remoteAddress,
    remoteId: entry.remoteId,
    remoteName: entry.remoteName,
    notes: entry.notes,
    log: entry.log,
    interactionHistoryStatus: entry.interactionHistoryStatus,
  };
}

export class HistorySubscription implements Subscription {
  readonly key = 'interaction-history';
  readonly describe = 'interaction history';

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly count: number | undefined,
  ) {}

  start(): void {
    const all = this.ctx.world.history.get(this.ctx.session.userId.toLowerCase()) ?? [];
    const recent = this.count === undefined ? all : all.slice(Math.max(0, all.length - this.count));
    this.ctx.session.enqueue({ __type: Urn.history, isDelta: false, interactionHistory: recent.map(historyEntryJson) });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'history' || event.userId.toLowerCase() !== this.ctx.session.userId.toLowerCase()) return;
    this.ctx.session.enqueue({ __type: Urn.history, isDelta: true, interactionHistory: [historyEntryJson(event.entry)] });
  }
}
