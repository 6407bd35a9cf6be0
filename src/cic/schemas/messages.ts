/**
 * Every message the client handles, discriminated on `__type` (reference §2.3–2.4). Unknown
 * `__type` values are not an error: {@link parseMessage} keeps them as `unrecognized`.
 */
import * as z from 'zod/mini';
import { URN, attributeMap, errorBody, nonEmpty, queueId, wireEnum, wireTime } from './common.js';
import { connectionState, effectiveStation } from './connection.js';
import { stationInformation } from './station.js';
import { queueContentsMessage, queueSubscriptionStateMessage } from './queues.js';
import { previousStatusInfo, statusMessage, userStatus } from './status.js';
import { audience } from './interactions.js';
import { userActivationMessage, workgroupActivationMessage } from './activations.js';
import { directoriesMessage, directoryMessage } from './directories.js';
import { accountCodesMessage, usersMessage, workgroupsMessage, wrapUpCodesMessage } from './configuration.js';

const isDelta = z.boolean();

export const connectionStateChangeMessage = z.object({
  __type: z.literal(`${URN}connection:connectionStateChangeMessage`),
  isDelta,
  previousConnectionState: z.optional(connectionState),
  newConnectionState: connectionState,
  reason: z.optional(z.nullable(z.string())),
  shouldReconnect: z.optional(z.boolean()),
});
export type ConnectionStateChangeMessage = z.infer<typeof connectionStateChangeMessage>;

export const stationConnectionStateChangeMessage = z.object({
  __type: z.literal(`${URN}connection:stationConnectionStateChangeMessage`),
  isDelta,
  previousStationInfo: z.optional(z.nullable(stationInformation)),
  newStationInfo: z.nullable(stationInformation),
});

export const effectiveStationChangeMessage = z.object({
  __type: z.literal(`${URN}connection:effectiveStationChangeMessage`),
  isDelta,
  effectiveStation,
});

export const asyncOperationCompletedMessage = z.object({
  __type: z.literal(`${URN}messaging:asyncOperationCompletedMessage`),
  isDelta,
  requestId: nonEmpty,
  error: z.optional(z.nullable(errorBody)),
});
export type AsyncOperationCompletedMessage = z.infer<typeof asyncOperationCompletedMessage>;

const interactionID = nonEmpty;
export const interactionChangedMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionChangedMessage`),
  isDelta,
  interactionID,
  attributes: attributeMap,
});
export const interactionDeallocatedMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionDeallocatedMessage`),
  isDelta,
  interactionID,
});
export const interactionLostRightsMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionLostRightsMessage`),
  isDelta,
  interactionID,
});
export const interactionMorphedMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionMorphedMessage`),
  isDelta,
  interactionID,
  newInteractionID: nonEmpty,
});
export const interactionRecordingSnippetCreatedMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionRecordingSnippetCreatedMessage`),
  isDelta,
  interactionID,
  recordingSnippetId: nonEmpty,
});

export const AlertType = {
  None: 0,
  User: 1,
  Station: 2,
  Workgroup: 3,
  StationGroup: 4,
  AcdUser: 5,
  AcdStation: 6,
} as const;
export const AlertAction = { StartAlerting: 1, StopAlerting: 2 } as const;

export const interactionAlertingMessage = z.object({
  __type: z.literal(`${URN}interactions:interactionAlertingMessage`),
  isDelta,
  alertingInteractionDetails: z.array(
    z.object({
      interactionId: nonEmpty,
      interactionType: z.optional(z.int()),
      name: z.optional(z.string()),
      address: z.optional(z.string()),
      alertType: wireEnum(AlertType),
      alertAction: wireEnum(AlertAction),
      autoAnswer: z.optional(z.boolean()),
      monitoredQueue: z.optional(z.nullable(queueId)),
      attributes: z.optional(attributeMap),
    }),
  ),
});
export type InteractionAlertingMessage = z.infer<typeof interactionAlertingMessage>;

export const HistoryDirection = { None: 0, Incoming: 1, Outgoing: 2 } as const;
export const HistoryStatus = { None: 0, Connected: 1, Forwarded: 2 } as const;

export const historyMessage = z.object({
  __type: z.literal(`${URN}interactions:historyMessage`),
  isDelta,
  interactionHistory: z.array(
    z.object({
      interactionId: nonEmpty,
      direction: wireEnum(HistoryDirection),
      initiationTime: wireTime,
      terminationTime: z.optional(z.nullable(wireTime)),
      localAddress: z.optional(z.string()),
      localId: z.optional(z.string()),
      localName: z.optional(z.string()),
      remoteAddress: z.optional(z.string()),
      remoteId: z.optional(z.string()),
      remoteName: z.optional(z.string()),
      notes: z.optional(z.string()),
      log: z.optional(z.string()),
      interactionHistoryStatus: z.optional(wireEnum(HistoryStatus)),
    }),
  ),
});
export type HistoryMessage = z.infer<typeof historyMessage>;

export const consultMessage = z.object({
  __type: z.literal(`${URN}interactions:consultMessage`),
  isDelta,
  audience,
});

export const userStatusMessage = z.object({
  __type: z.literal(`${URN}status:userStatusMessage`),
  isDelta,
  userStatusList: z.array(userStatus),
});
export type UserStatusMessage = z.infer<typeof userStatusMessage>;

export const statusMessagesMessage = z.object({
  __type: z.literal(`${URN}status:statusMessagesMessage`),
  isDelta,
  statusMessagesAdded: z.optional(z.array(statusMessage)),
  statusMessagesChanged: z.optional(z.array(statusMessage)),
  statusMessagesRemoved: z.optional(z.array(z.string())),
});
export type StatusMessagesMessage = z.infer<typeof statusMessagesMessage>;

export const statusMessagesUserAccessMessage = z.object({
  __type: z.literal(`${URN}status:statusMessagesUserAccessMessage`),
  isDelta,
  statusMessagesUserAccessChanges: z.array(
    z.object({
      userId: nonEmpty,
      statusMessagesAdded: z.optional(z.array(z.string())),
      statusMessagesRemoved: z.optional(z.array(z.string())),
    }),
  ),
});

export const userStatusPreviousInfoMessage = z.object({
  __type: z.literal(`${URN}status:userStatusPreviousInfoMessage`),
  isDelta,
  userStatusPreviousInfoList: z.array(previousStatusInfo),
});

const MESSAGE_SCHEMAS = [
  connectionStateChangeMessage,
  stationConnectionStateChangeMessage,
  effectiveStationChangeMessage,
  asyncOperationCompletedMessage,
  queueContentsMessage,
  queueSubscriptionStateMessage,
  interactionChangedMessage,
  interactionDeallocatedMessage,
  interactionLostRightsMessage,
  interactionMorphedMessage,
  interactionRecordingSnippetCreatedMessage,
  interactionAlertingMessage,
  historyMessage,
  consultMessage,
  userStatusMessage,
  statusMessagesMessage,
  statusMessagesUserAccessMessage,
  userStatusPreviousInfoMessage,
  userActivationMessage,
  workgroupActivationMessage,
  directoriesMessage,
  directoryMessage,
  wrapUpCodesMessage,
  accountCodesMessage,
  usersMessage,
  workgroupsMessage,
] as const;

/** The union of every message type the client knows. */
export const knownMessage = z.discriminatedUnion('__type', MESSAGE_SCHEMAS);
export type KnownMessage = z.infer<typeof knownMessage>;
export type MessageType = KnownMessage['__type'];
/** The message of one `__type`. */
export type MessageOf<T extends MessageType> = Extract<KnownMessage, { __type: T }>;

/** A message whose `__type` the client does not know; kept as it arrived. */
export interface UnrecognizedMessage {
  readonly kind: 'unrecognized';
  readonly type: string;
  readonly raw: unknown;
}

export type CicMessage = KnownMessage | UnrecognizedMessage;

export function isUnrecognized(message: CicMessage): message is UnrecognizedMessage {
  return 'kind' in message && message.kind === 'unrecognized';
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  MESSAGE_SCHEMAS.flatMap((schema) => schema.shape.__type._zod.def.values),
);

/** Every `__type` the client parses (for diagnostics and tests). */
export function knownMessageTypes(): readonly string[] {
  return [...KNOWN_TYPES];
}

/** The outcome of parsing one message off the wire. */
export type ParsedMessage =
  | { readonly ok: true; readonly message: CicMessage }
  | {
      readonly ok: false;
      readonly type: string | null;
      readonly issues: readonly z.core.$ZodIssue[];
      readonly raw: unknown;
    };

const envelope = z.object({ __type: nonEmpty, isDelta: z.boolean() });

/**
 * Parses one message: a known `__type` goes through its schema; an unknown one (with a valid
 * envelope) is returned as `unrecognized`; anything else is a failure with the zod issues.
 */
export function parseMessage(raw: unknown): ParsedMessage {
  const head = envelope.safeParse(raw);
  if (!head.success) {
    const type =
      typeof raw === 'object' && raw !== null && typeof (raw as { __type?: unknown }).__type === 'string'
        ? (raw as { __type: string }).__type
        : null;
    return { ok: false, type, issues: head.error.issues, raw };
  }
  if (!KNOWN_TYPES.has(head.data.__type)) {
    return { ok: true, message: { kind: 'unrecognized', type: head.data.__type, raw } };
  }
  const parsed = knownMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, type: head.data.__type, issues: parsed.error.issues, raw };
  return { ok: true, message: parsed.data };
}
