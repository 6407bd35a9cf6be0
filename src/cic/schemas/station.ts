/** Station connection (reference §1.6). */
import * as z from 'zod/mini';
import { URN, nonEmpty, wireEnum } from './common.js';

/** `SupportedMediaType`. */
export const MediaType = {
  None: 0,
  Call: 1,
  Chat: 2,
  Email: 3,
  Generic: 4,
  Callback: 5,
  SmsMessage: 6,
  WorkItem: 7,
  DirectMessage: 8,
  SocialConversation: 9,
} as const;
export type MediaType = (typeof MediaType)[keyof typeof MediaType];
export const mediaType = wireEnum(MediaType);

/** `StationConnectionMode`. */
export const StationConnectionMode = {
  Default: 0,
  IndependentOfSession: 1,
  IndependentConnectionsLogoutWithSession: 2,
} as const;

const stationCommon = {
  supportedMediaTypes: z.optional(z.array(mediaType)),
  readyForInteractions: z.optional(z.boolean()),
  stationConnectionMode: z.optional(wireEnum(StationConnectionMode)),
};

export const workstationSettings = z.object({
  __type: z.literal(`${URN}connection:workstationSettings`),
  ...stationCommon,
  workstation: nonEmpty,
});
export const remoteWorkstationSettings = z.object({
  __type: z.literal(`${URN}connection:remoteWorkstationSettings`),
  ...stationCommon,
  workstation: nonEmpty,
  remoteNumber: z.optional(z.string()),
});
export const remoteNumberSettings = z.object({
  __type: z.literal(`${URN}connection:remoteNumberSettings`),
  ...stationCommon,
  remoteNumber: nonEmpty,
  persistentConnection: z.optional(z.boolean()),
});
export const stationlessSettings = z.object({
  __type: z.literal(`${URN}connection:stationlessSettings`),
  ...stationCommon,
});

/** The derived `connection:stationSettings` body of `PUT …/connection/station`. */
export const stationSettings = z.discriminatedUnion('__type', [
  workstationSettings,
  remoteWorkstationSettings,
  remoteNumberSettings,
  stationlessSettings,
]);
export type StationSettings = z.infer<typeof stationSettings>;

/** `StationSetting` as reported by `GET …/connection/station`. */
export const StationSetting = { None: 0, Workstation: 1, RemoteWorkstation: 2, RemoteNumber: 3 } as const;

/** `connection:stationInformation`. */
export const stationInformation = z.object({
  id: z.optional(z.string()),
  extension: z.optional(z.string()),
  stationSetting: z.optional(wireEnum(StationSetting)),
  canBeDialed: z.optional(z.boolean()),
  ringAlways: z.optional(z.boolean()),
  sipAddress: z.optional(z.string()),
  sipUser: z.optional(z.string()),
  sipPassword: z.optional(z.string()),
  remoteNumber: z.optional(z.string()),
  allowedMediaTypes: z.optional(z.array(mediaType)),
});
export type StationInformation = z.infer<typeof stationInformation>;
