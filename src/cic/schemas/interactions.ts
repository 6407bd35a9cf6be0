/** Interaction commands: create, call control, transfer, consult, conference (reference §4). */
import * as z from 'zod/mini';
import { URN, attributeMap, nonEmpty, queueId, wireEnum, wireTime } from './common.js';

/** `CallMadeStage`: when the 201 of a create/invite is returned. */
export const CallMadeStage = { None: 0, Allocated: 1, Started: 2, Completed: 3 } as const;
export const callMadeStage = wireEnum(CallMadeStage);

/** `interactions:createCallParameters`. */
export const createCallParameters = z.object({
  __type: z.literal(`${URN}interactions:createCallParameters`),
  target: nonEmpty,
  workgroup: z.optional(nonEmpty),
  callMadeStage: z.optional(callMadeStage),
  accountCodeId: z.optional(nonEmpty),
  notes: z.optional(z.string()),
  additionalAttributes: z.optional(attributeMap),
});
export type CreateCallParameters = z.infer<typeof createCallParameters>;

export const interactionCreated = z.object({ interactionId: nonEmpty });

/** `{on}` for hold, mute, pause, make-private. */
export const onParameters = z.object({ on: z.boolean() });
/** `{on, supervisor}` for record and record-snippet. */
export const recordParameters = z.object({ on: z.boolean(), supervisor: z.boolean() });

/** `SecurePauseType`. */
export const SecurePauseType = {
  PauseWithDefaultTimeout: 1,
  PauseWithInfiniteTimeout: 2,
  PauseWithSpecifiedTimeout: 3,
  ResumeRecording: 4,
} as const;
export type SecurePauseType = (typeof SecurePauseType)[keyof typeof SecurePauseType];

export const securePauseParameters = z
  .object({ securePauseType: wireEnum(SecurePauseType), duration: z.optional(z.int().check(z.positive())) })
  .check(
    z.refine(
      (p) => (p.securePauseType === SecurePauseType.PauseWithSpecifiedTimeout) === (p.duration !== undefined),
      {
        message: 'duration is given exactly when securePauseType is PauseWithSpecifiedTimeout',
        path: ['duration'],
      },
    ),
  );
export type SecurePauseParameters = z.infer<typeof securePauseParameters>;

export const dtmfParameters = z.object({ dtmfDigits: z.string().check(z.regex(/^[0-9*#A-Da-d,]+$/)) });

/**
 * `interactions:transferParameters` for blind-transfer, transfer-to-voicemail and park: exactly one
 * of target / queueID.
 */
export const transferParameters = z
  .object({ target: z.optional(nonEmpty), queueID: z.optional(queueId) })
  .check(
    z.refine((p) => (p.target === undefined) !== (p.queueID === undefined), {
      message: 'exactly one of target and queueID',
    }),
  );
export type TransferParameters = z.infer<typeof transferParameters>;

/** `interactions:createConsultParameters`. */
export const createConsultParameters = z
  .object({
    target: z.optional(nonEmpty),
    queueID: z.optional(queueId),
    callMadeStage: z.optional(callMadeStage),
    additionalAttributes: z.optional(attributeMap),
  })
  .check(
    z.refine((p) => (p.target === undefined) !== (p.queueID === undefined), {
      message: 'exactly one of target and queueID',
    }),
  );
export type CreateConsultParameters = z.infer<typeof createConsultParameters>;

/** 201 `interactions:consultTransferResult`. */
export const consultTransferResult = z.object({ consultId: nonEmpty, consultInteractionId: nonEmpty });
export type ConsultTransferResult = z.infer<typeof consultTransferResult>;

export const audience = z.object({ originalParty: z.boolean(), consultedParty: z.boolean() });
export type Audience = z.infer<typeof audience>;
export const changeAudienceParameters = z.object({ audience });

/** Conference bodies. */
export const conferenceParameters = z.object({ interactions: z.array(nonEmpty).check(z.minLength(1)) });
export const conferenceCreationResult = z.object({ conferenceId: nonEmpty });
export const invitePartyParameters = z.object({ target: nonEmpty, callMadeStage: z.optional(callMadeStage) });

/** `GET /interactions/{id}?select=` → `interactions:interactionAttributes`. */
export const interactionAttributes = z.object({ attributes: attributeMap });

/** `AppendMode` of an attribute update. */
export const AppendMode = { Append: 1, AppendWithSeparator: 2 } as const;
export type AppendMode = (typeof AppendMode)[keyof typeof AppendMode];
export const attributesUpdate = z.object({
  attributes: attributeMap,
  appendMode: z.optional(wireEnum(AppendMode)),
});
export type AttributesUpdate = z.infer<typeof attributesUpdate>;

/** `interactions:wrapupAssignment` (every field required). */
export const wrapUpAssignment = z.object({
  code: nonEmpty,
  segmentId: z.int(),
  time: wireTime,
  user: nonEmpty,
  sourceInteractionId: nonEmpty,
});
export type WrapUpAssignment = z.infer<typeof wrapUpAssignment>;

/** `phoneNumbers:phoneNumberDetailsQuery` and its answer (reference §3.5). */
export const phoneNumberDetailsQuery = z.object({ phoneNumber: nonEmpty });
export const PhoneNumberQueueType = {
  None: 0,
  MyInteractions: 1,
  User: 2,
  Station: 3,
  Workgroup: 4,
  Orbit: 5,
  Line: 6,
} as const;
export const phoneNumberDetails = z.object({
  autoDialExtension: z.string(),
  classifications: z.optional(z.array(z.string())),
  defaultClassification: z.string(),
  dialCapable: z.boolean(),
  displayText: z.string(),
  editBase: z.optional(z.string()),
  extension: z.optional(z.string()),
  internal: z.boolean(),
  normalizedText: z.string(),
  queueName: z.optional(z.string()),
  queueType: wireEnum(PhoneNumberQueueType),
  rawText: z.string(),
  voicemailCapable: z.boolean(),
});
export type PhoneNumberDetails = z.infer<typeof phoneNumberDetails>;
