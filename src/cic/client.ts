/**
 * A logged-on ICWS client: the session, its message pump and one API object per resource
 * family. Create it with {@link CicConnector.logon}.
 */
import { ConnectionApi } from './api/connection-api.js';
import { ActivationsApi, ConfigurationApi, DirectoryApi } from './api/directory-api.js';
import { InteractionsApi } from './api/interactions-api.js';
import { TransfersApi } from './api/transfers-api.js';
import { StationApi } from './api/station-api.js';
import { StatusApi } from './api/status-api.js';
import { SubscriptionsApi } from './api/subscriptions-api.js';
import type { CallOptions } from './call-options.js';
import type { CicError } from './errors.js';
import type { FetchLike } from './http.js';
import type { MessagingOptions } from './messaging.js';
import { MessagePump } from './messaging.js';
import { AsyncOperations } from './operations.js';
import type { CicSession, SessionLoss } from './session.js';
import type { CicMessage } from './schemas/messages.js';

export interface CicClientOptions {
  readonly messaging?: MessagingOptions;
  readonly fetch?: FetchLike;
}

export class CicClient {
  readonly session: CicSession;
  readonly messages: MessagePump;
  readonly operations = new AsyncOperations();
  readonly connection: ConnectionApi;
  readonly station: StationApi;
  readonly status: StatusApi;
  readonly interactions: InteractionsApi;
  readonly transfers: TransfersApi;
  readonly subscriptions: SubscriptionsApi;
  readonly directory: DirectoryApi;
  readonly activations: ActivationsApi;
  readonly configuration: ConfigurationApi;

  constructor(session: CicSession, options: CicClientOptions = {}) {
    this.session = session;
    this.messages = new MessagePump(session, options.messaging);
    this.messages.onMessage((message) => this.operations.observe(message));
    session.onLost((loss) => {
      this.operations.sessionLost(loss);
      void this.messages.stop();
    });
    this.connection = new ConnectionApi(session);
    this.station = new StationApi(session);
    this.status = new StatusApi(session, this.operations);
    this.interactions = new InteractionsApi(session);
    this.transfers = new TransfersApi(session);
    this.subscriptions = new SubscriptionsApi(session);
    this.directory = new DirectoryApi(session);
    this.activations = new ActivationsApi(session);
    this.configuration = new ConfigurationApi(session);
  }

  get sessionId(): string {
    return this.session.id;
  }

  /** The user the session belongs to (`userID` of the logon reply). */
  get userId(): string {
    return this.session.info.userID ?? '';
  }

  /** Starts SSE or polling (see {@link MessagingOptions}). */
  startMessaging(): void {
    this.messages.start();
  }

  stopMessaging(): Promise<void> {
    return this.messages.stop();
  }

  onMessage(listener: (message: CicMessage) => void): () => void {
    return this.messages.onMessage(listener);
  }

  /** Messages that failed their schema, and transport failures of the pump. */
  onMessageError(listener: (error: CicError) => void): () => void {
    return this.messages.onError(listener);
  }

  /** Reported once, when a 401 or a "down" connection message ends the session. */
  onSessionLost(listener: (loss: SessionLoss) => void): () => void {
    return this.session.onLost(listener);
  }

  /** Stops messaging and logs off. */
  async logoff(options: CallOptions = {}): Promise<void> {
    await this.messages.stop();
    await this.connection.logoff(options);
  }
}
