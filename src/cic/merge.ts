/**
 * Snapshot-then-delta merging (reference §2.3, §3.2): `isDelta:false` replaces what the client
 * holds for that subscription; `isDelta:true` carries only what changed and is merged in.
 * Every function returns a new map and leaves its input untouched.
 */
import type { QueueContentsMessage } from './schemas/queues.js';
import type { StatusMessage, UserStatus } from './schemas/status.js';
import type { StatusMessagesMessage, UserStatusMessage } from './schemas/messages.js';

export interface QueueEntry {
  readonly interactionId: string;
  /** Every attribute received so far; names keep the spelling of their latest update. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly conferenceParentId: string | null;
}

/** One queue's interactions by id. */
export type QueueContents = ReadonlyMap<string, QueueEntry>;

/**
 * Merges attribute changes into a set; names are case-insensitive, so `EIC_STATE` replaces
 * `Eic_State` rather than sitting beside it.
 */
export function mergeAttributes(
  current: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string>>,
): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(current)) merged.set(name.toLowerCase(), [name, value]);
  for (const [name, value] of Object.entries(changes)) merged.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(merged.values());
}

/**
 * Applies one `queueContentsMessage` to a queue's contents: a snapshot starts from empty; then
 * added entries are stored whole, changed entries are merged attribute by attribute (an entry
 * not seen before is kept with what it carries), and removed ids are dropped.
 */
export function mergeQueueContents(
  current: QueueContents | undefined,
  message: QueueContentsMessage,
): QueueContents {
  const next = new Map(message.isDelta ? (current ?? []) : []);
  for (const item of message.interactionsAdded ?? []) {
    next.set(item.interactionId, {
      interactionId: item.interactionId,
      attributes: mergeAttributes({}, item.attributes),
      conferenceParentId: item.conferenceParentId ?? null,
    });
  }
  for (const item of message.interactionsChanged ?? []) {
    const before = next.get(item.interactionId);
    next.set(item.interactionId, {
      interactionId: item.interactionId,
      attributes: mergeAttributes(before?.attributes ?? {}, item.attributes),
      conferenceParentId:
        item.conferenceParentId !== undefined
          ? item.conferenceParentId
          : (before?.conferenceParentId ?? null),
    });
  }
  for (const id of message.interactionsRemoved ?? []) next.delete(id);
  return next;
}

/** Queue contents for every queue subscription of a session, keyed by subscription id. */
export class QueueContentsCache {
  #queues = new Map<string, QueueContents>();

  /** Applies a message and returns that subscription's contents after it. */
  apply(message: QueueContentsMessage): QueueContents {
    const next = mergeQueueContents(this.#queues.get(message.subscriptionId), message);
    this.#queues.set(message.subscriptionId, next);
    return next;
  }

  get(subscriptionId: string): QueueContents {
    return this.#queues.get(subscriptionId) ?? new Map();
  }

  /** Forget a subscription (after it was deleted). */
  delete(subscriptionId: string): void {
    this.#queues.delete(subscriptionId);
  }

  clear(): void {
    this.#queues.clear();
  }
}

/** User statuses by user id. */
export type UserStatuses = ReadonlyMap<string, UserStatus>;

/**
 * Applies a `userStatusMessage`: a snapshot replaces the map; a delta merges the properties
 * present in each entry (a property sent as `null` is cleared to `null`).
 */
export function mergeUserStatuses(
  current: UserStatuses | undefined,
  message: UserStatusMessage,
): UserStatuses {
  const next = new Map(message.isDelta ? (current ?? []) : []);
  for (const update of message.userStatusList) {
    const before = next.get(update.userId);
    next.set(update.userId, before ? { ...before, ...definedOnly(update) } : update);
  }
  return next;
}

/** The status catalogue by status id. */
export type StatusCatalog = ReadonlyMap<string, StatusMessage>;

/** Applies a `statusMessagesMessage` (status ids are case-insensitive when removed). */
export function mergeStatusMessages(
  current: StatusCatalog | undefined,
  message: StatusMessagesMessage,
): StatusCatalog {
  const next = new Map(message.isDelta ? (current ?? []) : []);
  for (const status of [...(message.statusMessagesAdded ?? []), ...(message.statusMessagesChanged ?? [])]) {
    next.set(status.statusId, status);
  }
  const removed = new Set((message.statusMessagesRemoved ?? []).map((id) => id.toLowerCase()));
  for (const id of [...next.keys()]) if (removed.has(id.toLowerCase())) next.delete(id);
  return next;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
