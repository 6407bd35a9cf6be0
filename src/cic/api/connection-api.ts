/** Session-scoped connection resources (reference §1.5, §1.8). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import { CicError } from '../errors.js';
import type { CicSession } from '../session.js';
import type { ConnectionSettings, PasswordPolicyErrorId } from '../schemas/connection.js';
import { connectionSettings, passwordChangeRequest, passwordError } from '../schemas/connection.js';

export type PasswordChangeResult =
  | { readonly changed: true }
  | {
      readonly changed: false;
      readonly status: number;
      readonly errorId: string | null;
      readonly message: string | null;
      readonly errors: readonly { readonly id: PasswordPolicyErrorId; readonly message: string | null }[];
    };

export class ConnectionApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `GET /icws/{sessionId}/connection`: up or down, with the reason. */
  state(options: CallOptions = {}): Promise<ConnectionSettings> {
    return this.#session.call({
      method: 'GET',
      path: 'connection',
      schema: connectionSettings,
      signal: options.signal,
      allowEnded: true,
    });
  }

  /** `DELETE /icws/{sessionId}/connection`: logs off; afterwards every call fails fast. */
  async logoff(options: CallOptions = {}): Promise<void> {
    await this.#session.call({ method: 'DELETE', path: 'connection', signal: options.signal });
    this.#session.markClosed();
  }

  /** `POST /messaging/heartbeat`: keeps an otherwise idle session alive. */
  async heartbeat(options: CallOptions = {}): Promise<void> {
    await this.#session.call({ method: 'POST', path: 'messaging/heartbeat', signal: options.signal });
  }

  /**
   * `POST /security/password`. A rejection by the password policy resolves with the policy
   * errors; every other failure throws.
   */
  async changePassword(
    oldPassword: string,
    newPassword: string,
    options: CallOptions = {},
  ): Promise<PasswordChangeResult> {
    const operation = 'POST security/password';
    const body = requestBody(passwordChangeRequest, { oldPassword, newPassword }, operation);
    try {
      await this.#session.call({
        method: 'POST',
        path: 'security/password',
        operation,
        body,
        signal: options.signal,
      });
      return { changed: true };
    } catch (error) {
      if (!(error instanceof CicError) || error.kind !== 'http') throw error;
      const policy = passwordError.safeParse(error.body);
      if (!policy.success) throw error;
      return {
        changed: false,
        status: error.status ?? 0,
        errorId: policy.data.errorId ?? null,
        message: policy.data.message ?? null,
        errors: policy.data.passwordErrors.map((e) => ({
          id: e.passwordPolicyErrorId,
          message: e.passwordPolicyErrorMsg ?? null,
        })),
      };
    }
  }
}
