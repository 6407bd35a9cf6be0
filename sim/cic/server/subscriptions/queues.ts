/**
 * Queue subscriptions (`/messaging/subscriptions/queues/{subscriptionId}`): the union of the
 * watched queues, with only the attribute names the client chose. The snapshot lists every
 * interaction in `interactionsAdded`; deltas carry only attributes whose value really changed
 * (the engine reports a change once per queue, so the same change seen twice is sent once).
 * A System queue (type 0) is the user's queue plus the queue of the station the user is on.
 */
import { QueueType, type QueueEntry, type QueueId } from '../../telephony/host.js';
import type { WorldEvent } from '../events.js';
import { Urn } from '../wire.js';
import type { World } from '../world.js';
import { diffAttributes, pickAttributes, type Subscription, type SubscriptionContext } from './subscription.js';

export function queueKey(q: QueueId): string {
  return `${q.queueType}:${q.queueName.toLowerCase()}`;
}

/** The engine queues a subscription to `queue` covers. */
export function expandQueue(world: World, queue: QueueId): QueueId[] {
  if (queue.queueType !== QueueType.System) return [queue];
  const out: QueueId[] = [queue, { queueType: QueueType.User, queueName: queue.queueName }];
  const station = world.agent(queue.queueName)?.station;
  if (station) out.push({ queueType: QueueType.Station, queueName: station.stationId });
  return out;
}

function isWorkgroupKey(key: string): boolean {
  return key.startsWith(`${QueueType.Workgroup}:`);
}

interface Member {
  readonly queues: Set<string>;
  readonly sent: Record<string, string>;
  conferenceParentId: string | undefined;
}

export class QueueSubscription implements Subscription {
  readonly key: string;
  #underlying = new Map<string, QueueId>();
  readonly #members = new Map<string, Member>();
  /** Users whose System queue this subscription watches (their station changes what it covers). */
  readonly #systemUsers: ReadonlySet<string>;

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly subscriptionId: string,
    readonly queueIds: readonly QueueId[],
    readonly attributeNames: readonly string[],
  ) {
    this.key = `queues/${subscriptionId}`;
    this.#systemUsers = new Set(queueIds.filter((q) => q.queueType === QueueType.System).map((q) => q.queueName.toLowerCase()));
  }

  get describe(): string {
    return `queue ${this.subscriptionId}: ${this.queueIds.map((q) => `${q.queueType}:${q.queueName}`).join(', ')}`;
  }

  #expand(): Map<string, QueueId> {
    const map = new Map<string, QueueId>();
    for (const q of this.queueIds) for (const e of expandQueue(this.ctx.world, q)) map.set(queueKey(e), e);
    return map;
  }

  #contents(): Map<string, { entry: QueueEntry; queues: Set<string> }> {
    const found = new Map<string, { entry: QueueEntry; queues: Set<string> }>();
    // Agent queues first: their entries carry the agent's own capabilities.
    const ordered = [...this.#underlying].sort(([a], [b]) => Number(isWorkgroupKey(a)) - Number(isWorkgroupKey(b)));
    for (const [key, q] of ordered) {
      for (const entry of this.ctx.world.engine.queueContents(q)) {
        const existing = found.get(entry.interactionId);
        if (existing) existing.queues.add(key);
        else found.set(entry.interactionId, { entry, queues: new Set([key]) });
      }
    }
    return found;
  }

  #added(entry: QueueEntry, sent: Record<string, string>): Record<string, unknown> {
    const item: Record<string, unknown> = { interactionId: entry.interactionId, attributes: { ...sent } };
    if (entry.conferenceParentId) item['conferenceParentId'] = entry.conferenceParentId;
    return item;
  }

  start(): void {
    this.#underlying = this.#expand();
    this.#members.clear();
    const added: Record<string, unknown>[] = [];
    for (const { entry, queues } of this.#contents().values()) {
      const sent = pickAttributes(entry.attributes, this.attributeNames);
      this.#members.set(entry.interactionId, { queues, sent, conferenceParentId: entry.conferenceParentId });
      this.ctx.session.knownInteractions.add(entry.interactionId);
      added.push(this.#added(entry, sent));
    }
    this.ctx.session.enqueue({
      __type: Urn.queueContents,
      isDelta: false,
      subscriptionId: this.subscriptionId,
      interactionsAdded: added,
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind === 'station' || (event.kind === 'userStatus' && event.changed.includes('stations'))) {
      if (this.#systemUsers.has(event.userId.toLowerCase())) this.#refreshUnderlying();
      return;
    }
    if (event.kind !== 'queue') return;
    const { change } = event;
    const key = queueKey(change.queue);
    if (!this.#underlying.has(key)) return;
    const id = change.entry.interactionId;
    const member = this.#members.get(id);
    if (change.kind === 'removed') {
      if (member === undefined) return;
      member.queues.delete(key);
      if (member.queues.size === 0) {
        this.#members.delete(id);
        this.#send({ interactionsRemoved: [id] });
      }
      return;
    }
    if (member === undefined) {
      const sent = pickAttributes(change.entry.attributes, this.attributeNames);
      this.#members.set(id, { queues: new Set([key]), sent, conferenceParentId: change.entry.conferenceParentId });
      this.ctx.session.knownInteractions.add(id);
      this.#send({ interactionsAdded: [this.#added(change.entry, sent)] });
      return;
    }
    member.queues.add(key);
    // A workgroup queue shows capabilities for no one in particular; while the interaction is also
    // in one of the agent's queues, those queues speak for it.
    if (isWorkgroupKey(key) && [...member.queues].some((q) => !isWorkgroupKey(q))) return;
    this.#sendChanged(member, change.entry);
  }

  #sendChanged(member: Member, entry: QueueEntry): void {
    const changed = diffAttributes(member.sent, pickAttributes(entry.attributes, this.attributeNames));
    const parentChanged = (entry.conferenceParentId ?? '') !== (member.conferenceParentId ?? '');
    member.conferenceParentId = entry.conferenceParentId;
    if (Object.keys(changed).length === 0 && !parentChanged) return;
    const item: Record<string, unknown> = { interactionId: entry.interactionId, attributes: changed };
    if (parentChanged) item['conferenceParentId'] = entry.conferenceParentId ?? '';
    this.#send({ interactionsChanged: [item] });
  }

  /** The user's station changed: a System queue now covers another station queue. */
  #refreshUnderlying(): void {
    const next = this.#expand();
    const before = [...this.#underlying.keys()].join('|');
    if ([...next.keys()].join('|') === before) return;
    this.#underlying = next;
    const contents = this.#contents();
    const added: Record<string, unknown>[] = [];
    const removed: string[] = [];
    for (const [id, member] of this.#members) {
      const now = contents.get(id);
      if (now === undefined) {
        this.#members.delete(id);
        removed.push(id);
      } else {
        member.queues.clear();
        for (const q of now.queues) member.queues.add(q);
      }
    }
    for (const [id, { entry, queues }] of contents) {
      if (this.#members.has(id)) continue;
      const sent = pickAttributes(entry.attributes, this.attributeNames);
      this.#members.set(id, { queues, sent, conferenceParentId: entry.conferenceParentId });
      this.ctx.session.knownInteractions.add(id);
      added.push(this.#added(entry, sent));
    }
    if (added.length > 0 || removed.length > 0) {
      this.#send({
        ...(added.length > 0 ? { interactionsAdded: added } : {}),
        ...(removed.length > 0 ? { interactionsRemoved: removed } : {}),
      });
    }
  }

  #send(delta: Record<string, unknown>): void {
    this.ctx.session.enqueue({ __type: Urn.queueContents, isDelta: true, subscriptionId: this.subscriptionId, ...delta });
  }
}
