/** Directory lookups, workgroup activation and configuration reads (reference §3.4, §3.6, §3.7). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import type { LookupEntries, LookupEntriesQuery } from '../schemas/directories.js';
import { lookupEntries, lookupEntriesQuery } from '../schemas/directories.js';
import type { UserActivationSet } from '../schemas/activations.js';
import { userActivationDelta, userActivationSet } from '../schemas/activations.js';
import type { ConfigurationCollection, ConfigurationItem } from '../schemas/configuration.js';
import { configurationList } from '../schemas/configuration.js';

export class DirectoryApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `POST /directories/lookup-entries`. */
  async lookup(query: LookupEntriesQuery, options: CallOptions = {}): Promise<LookupEntries> {
    const operation = 'POST directories/lookup-entries';
    return await this.#session.call({
      method: 'POST',
      path: 'directories/lookup-entries',
      operation,
      body: requestBody(lookupEntriesQuery, query, operation),
      schema: lookupEntries,
      signal: options.signal,
    });
  }
}

export class ActivationsApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `GET /activations/users/{userId}`. */
  get(userId: string, options: CallOptions = {}): Promise<UserActivationSet> {
    return this.#session.call({
      method: 'GET',
      path: `activations/users/${seg(userId)}`,
      operation: 'GET activations/users/{userId}',
      schema: userActivationSet,
      signal: options.signal,
    });
  }

  /** `PUT /activations/users/{userId}` `{activations:{workgroup:bool}}` → the updated set. */
  async set(
    userId: string,
    activations: Readonly<Record<string, boolean>>,
    options: CallOptions = {},
  ): Promise<UserActivationSet> {
    const operation = 'PUT activations/users/{userId}';
    return await this.#session.call({
      method: 'PUT',
      path: `activations/users/${seg(userId)}`,
      operation,
      body: requestBody(userActivationDelta, { activations: { ...activations } }, operation),
      schema: userActivationSet,
      signal: options.signal,
    });
  }
}

export class ConfigurationApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `GET /configuration/{collection}?select=…&rightsFilter=view`. */
  async list(
    collection: ConfigurationCollection,
    select: readonly string[],
    options: CallOptions & { rightsFilter?: string; where?: string } = {},
  ): Promise<readonly ConfigurationItem[]> {
    const reply = await this.#session.call({
      method: 'GET',
      path: `configuration/${collection}`,
      operation: `GET configuration/${collection}`,
      query: {
        select: select.length > 0 ? select.join(',') : undefined,
        rightsFilter: options.rightsFilter ?? 'view',
        where: options.where,
      },
      schema: configurationList,
      signal: options.signal,
    });
    return reply.items;
  }
}
