/**
 * Wire building blocks shared by every ICWS resource family (reference §1.1, §5): compact ISO
 * dates, numeric enums, the `{errorId, message}` error body, `__type` URNs.
 */
import * as z from 'zod/mini';
import { parseWireTime } from '../../domain/index.js';

/** Every `__type` in ICWS starts with this prefix. */
export const URN = 'urn:inin.com:';

/** A date as ICWS sends it: compact ISO-8601 UTC (`20130808T211625Z`), extended form tolerated. */
export const wireTime = z
  .string()
  .check(
    z.refine((text) => parseWireTime(text) !== null, { message: 'expected an ICWS date (yyyyMMddTHHmmssZ)' }),
  );

/** An ICWS enum: a JSON number restricted to the values the reference lists. */
export function wireEnum<const T extends Readonly<Record<string, number>>>(values: T) {
  return z.literal(Object.values(values) as T[keyof T][]);
}

/** The `common:error` body of every failed request (reference §5); `errorCode` is seen in the wild. */
export const errorBody = z.object({
  errorId: z.optional(z.nullable(z.string())),
  message: z.optional(z.nullable(z.string())),
  errorCode: z.optional(z.number()),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** `{id, displayName?, uri?}` as used for station, user and configuration ids. */
export const configurationId = z.object({
  id: z.string(),
  displayName: z.optional(z.string()),
  uri: z.optional(z.string()),
});
export type ConfigurationId = z.infer<typeof configurationId>;

/** Interaction attributes: names are case-insensitive, every value is a string (reference §3.8). */
export const attributeMap = z.record(z.string(), z.string());
export type AttributeMap = z.infer<typeof attributeMap>;

/** A non-empty string. */
export const nonEmpty = z.string().check(z.minLength(1));

/** A 202 `common:asyncOperationAcceptedResponse`. */
export const asyncOperationAccepted = z.object({ requestId: nonEmpty });
export type AsyncOperationAccepted = z.infer<typeof asyncOperationAccepted>;

/** `QueueType` (reference §3.2). */
export const QueueType = { System: 0, User: 1, Workgroup: 2, Station: 3 } as const;
export type QueueType = (typeof QueueType)[keyof typeof QueueType];
export const queueType = wireEnum(QueueType);

/** A queue reference as used in subscriptions and transfers. */
export const queueId = z.object({ queueType, queueName: nonEmpty });
export type QueueId = z.infer<typeof queueId>;

/** `common:phoneNumber` (reference §3.6). */
export const phoneNumber = z.object({
  standardizedNumber: z.optional(z.string()),
  displayString: z.optional(z.string()),
  numberInfo: z.optional(
    z.object({
      baseNumber: z.optional(z.string()),
      extension: z.optional(z.string()),
      autoDialable: z.optional(z.boolean()),
    }),
  ),
  editNumber: z.optional(z.string()),
  dialable: z.optional(z.boolean()),
});
export type PhoneNumber = z.infer<typeof phoneNumber>;
