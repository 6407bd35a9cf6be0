/**
 * Directory subscriptions: the list of directories (`directories`) and one directory's contacts
 * (`directories/{subscriptionId}`: filtered, sorted and paged; user contacts change when the
 * user's presence does).
 */
import {
  contactJson,
  directories,
  directoryJson,
  presenceFields,
  selectContacts,
  type ContactFilter,
  type ContactSort,
  type DirectoryDef,
} from '../directory-model.js';
import type { WorldEvent } from '../events.js';
import { Urn } from '../wire.js';
import type { Subscription, SubscriptionContext } from './subscription.js';

export class DirectoriesSubscription implements Subscription {
  readonly key = 'directories';
  readonly describe = 'directory list';

  constructor(private readonly ctx: SubscriptionContext) {}

  start(): void {
    this.ctx.session.enqueue({
      __type: Urn.directories,
      isDelta: false,
      directoriesAdded: directories.map((d) => directoryJson(this.ctx.world, d)),
    });
  }

  handle(): void {
    // Directories come from the site file.
  }
}

const PRESENCE_FIELDS = new Set(['statusId', 'onPhone', 'loggedIn', 'stations', 'notes']);

export class DirectorySubscription implements Subscription {
  readonly key: string;
  /** Entry ids of user contacts on the current page → their index. */
  readonly #visibleUsers = new Map<string, number>();

  constructor(
    private readonly ctx: SubscriptionContext,
    readonly subscriptionId: string,
    readonly directory: DirectoryDef,
    readonly index: number,
    readonly count: number | undefined,
    readonly filters: readonly ContactFilter[],
    readonly sorts: readonly ContactSort[],
  ) {
    this.key = `directories/${subscriptionId}`;
  }

  get describe(): string {
    return `directory ${this.directory.directoryID}`;
  }

  start(): void {
    const { all, filtered } = selectContacts(this.ctx.world, this.directory, this.filters, this.sorts);
    const page = filtered.slice(this.index, this.count === undefined ? undefined : this.index + this.count);
    this.#visibleUsers.clear();
    const added = page.map((c, i) => {
      if (c.kind === 'user' && c.userID) this.#visibleUsers.set(c.userID.toLowerCase(), this.index + i);
      return contactJson(this.ctx.world, c, this.index + i);
    });
    this.ctx.session.enqueue({
      __type: Urn.directory,
      isDelta: false,
      subscriptionId: this.subscriptionId,
      totalCount: all,
      filteredCount: filtered.length,
      contactsAdded: added,
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'userStatus' || !this.directory.hasStatus) return;
    const index = this.#visibleUsers.get(event.userId.toLowerCase());
    if (index === undefined || !event.changed.some((p) => PRESENCE_FIELDS.has(p))) return;
    this.ctx.session.enqueue({
      __type: Urn.directory,
      isDelta: true,
      subscriptionId: this.subscriptionId,
      contactsChanged: [{ entryID: event.userId, index, ...presenceFields(this.ctx.world, event.userId) }],
    });
  }
}
