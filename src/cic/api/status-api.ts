/** Presence (reference §3.3). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { AsyncOperation, AsyncOperations } from '../operations.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';
import { asyncOperationAccepted } from '../schemas/common.js';
import type {
  StatusMessage,
  StatusMessagesUserAccess,
  UserStatus,
  UserStatusPreviousInfos,
  UserStatusUpdate,
} from '../schemas/status.js';
import {
  statusMessages,
  statusMessagesUserAccess,
  userStatus,
  userStatusPreviousInfos,
  userStatusUpdate,
} from '../schemas/status.js';

export class StatusApi {
  readonly #session: CicSession;
  readonly #operations: AsyncOperations;

  constructor(session: CicSession, operations: AsyncOperations) {
    this.#session = session;
    this.#operations = operations;
  }

  /** `GET /status/status-messages`: the status catalogue. */
  async statusMessages(options: CallOptions = {}): Promise<readonly StatusMessage[]> {
    const reply = await this.#session.call({
      method: 'GET',
      path: 'status/status-messages',
      schema: statusMessages,
      signal: options.signal,
    });
    return reply.statusMessageList;
  }

  /** `GET /status/status-messages-user-access/{userId}`: the statuses this user may pick. */
  access(userId: string, options: CallOptions = {}): Promise<StatusMessagesUserAccess> {
    return this.#session.call({
      method: 'GET',
      path: `status/status-messages-user-access/${seg(userId)}`,
      operation: 'GET status/status-messages-user-access/{userId}',
      schema: statusMessagesUserAccess,
      signal: options.signal,
    });
  }

  /** `GET /status/user-statuses/{userId}`. */
  get(userId: string, options: CallOptions = {}): Promise<UserStatus> {
    return this.#session.call({
      method: 'GET',
      path: `status/user-statuses/${seg(userId)}`,
      operation: 'GET status/user-statuses/{userId}',
      schema: userStatus,
      signal: options.signal,
    });
  }

  /**
   * `PUT /status/user-statuses/{userId}` → 202 `{requestId}`. The change itself arrives as a
   * `userStatusMessage`; `completion()` waits for the `asyncOperationCompletedMessage`.
   */
  async set(userId: string, update: UserStatusUpdate, options: CallOptions = {}): Promise<AsyncOperation> {
    const operation = 'PUT status/user-statuses/{userId}';
    const body = requestBody(userStatusUpdate, update, operation);
    const accepted = await this.#session.call({
      method: 'PUT',
      path: `status/user-statuses/${seg(userId)}`,
      operation,
      body,
      schema: asyncOperationAccepted,
      signal: options.signal,
    });
    return this.#operations.operation(accepted.requestId);
  }

  /** `GET /status/user-status-previous-info/{userId}`. */
  previousInfo(userId: string, options: CallOptions = {}): Promise<UserStatusPreviousInfos> {
    return this.#session.call({
      method: 'GET',
      path: `status/user-status-previous-info/${seg(userId)}`,
      operation: 'GET status/user-status-previous-info/{userId}',
      schema: userStatusPreviousInfos,
      signal: options.signal,
    });
  }
}
