/** The typed ICWS client: public surface. */
export { CicConnector, LOGON_INCLUDE, sessionCookie } from './connector.js';
export type { ConnectorOptions, LogonAuth, LogonOptions } from './connector.js';
export { CicClient } from './client.js';
export type { CicClientOptions } from './client.js';
export { CicError, isCicError, formatPath, toPortFailure } from './errors.js';
export type { CicErrorKind, CicErrorInit, CommandFailureKind, SchemaIssue } from './errors.js';
export type { FetchLike } from './http.js';
export { CicSession, CSRF_HEADER } from './session.js';
export type { SessionLoss } from './session.js';
export { MessagePump, canStream, defaultWait } from './messaging.js';
export type { MessagingMode, MessagingOptions, Wait } from './messaging.js';
export { SseParser } from './sse.js';
export type { SseEvent } from './sse.js';
export type { AsyncOperation } from './operations.js';
export {
  QueueContentsCache,
  mergeAttributes,
  mergeQueueContents,
  mergeStatusMessages,
  mergeUserStatuses,
} from './merge.js';
export type { QueueContents, QueueEntry, StatusCatalog, UserStatuses } from './merge.js';
export { resolveAlternate } from './hosts.js';
export type { CallOptions } from './call-options.js';
export type { PasswordChangeResult } from './api/connection-api.js';
export type { StationChoice } from './api/station-api.js';
export { stationSettingsFor } from './api/station-api.js';
export type { CreateCall, SecurePause } from './api/interactions-api.js';
export type { TransferTarget } from './api/transfers-api.js';
export type { ConfigurationSubscription } from './api/subscriptions-api.js';

export { QueueType } from './schemas/common.js';
export type { AttributeMap, ErrorBody, PhoneNumber, QueueId } from './schemas/common.js';
export { ConnectionState, PasswordPolicyErrorId, isDownState } from './schemas/connection.js';
export type {
  ConnectionResponse,
  ConnectionSettings,
  FeatureInfo,
  ServerInfo,
} from './schemas/connection.js';
export { MediaType, StationSetting } from './schemas/station.js';
export type { StationInformation, StationSettings } from './schemas/station.js';
export type {
  StatusMessage,
  StatusUntil,
  UserStatus,
  UserStatusProperty,
  UserStatusUpdate,
} from './schemas/status.js';
export { AppendMode, CallMadeStage, SecurePauseType } from './schemas/interactions.js';
export type {
  Audience,
  ConsultTransferResult,
  PhoneNumberDetails,
  WrapUpAssignment,
} from './schemas/interactions.js';
export { SubscriptionState } from './schemas/queues.js';
export type { QueueContentsMessage, QueueInteraction } from './schemas/queues.js';
export { LookupComparisonType, LookupEntryProperty, LookupEntryType } from './schemas/directories.js';
export type {
  ContactEntry,
  DirectorySubscriptionParameters,
  LookupEntries,
  LookupEntry,
} from './schemas/directories.js';
export { ConfigurationCollection } from './schemas/configuration.js';
export type { ConfigurationItem } from './schemas/configuration.js';
export type { UserActivationSet } from './schemas/activations.js';
export {
  AlertAction,
  AlertType,
  isUnrecognized,
  knownMessageTypes,
  parseMessage,
} from './schemas/messages.js';
export type {
  CicMessage,
  KnownMessage,
  MessageOf,
  MessageType,
  ParsedMessage,
  UnrecognizedMessage,
  UserStatusMessage,
} from './schemas/messages.js';
