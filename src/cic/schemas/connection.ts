/** Connection resources: logon, server info, session state, password (reference §1.2–1.5). */
import * as z from 'zod/mini';
import { URN, configurationId, errorBody, nonEmpty, wireEnum, wireTime } from './common.js';

const common = {
  applicationName: nonEmpty,
  marketPlaceApplicationLicenseName: z.optional(z.string()),
  marketPlaceApplicationCode: z.optional(z.string()),
};

/** `connection:icAuthConnectionRequestSettings` (note the capital `userID`). */
export const icAuthRequest = z.object({
  __type: z.literal(`${URN}connection:icAuthConnectionRequestSettings`),
  ...common,
  userID: nonEmpty,
  password: z.string(),
});

/** `connection:singleSignOnTokenConnectionRequestSettings`. */
export const ssoTokenRequest = z.object({
  __type: z.literal(`${URN}connection:singleSignOnTokenConnectionRequestSettings`),
  ...common,
  singleSignOnToken: nonEmpty,
});

export const connectionRequest = z.discriminatedUnion('__type', [icAuthRequest, ssoTokenRequest]);
export type ConnectionRequest = z.infer<typeof connectionRequest>;

export const versionInfo = z.object({
  majorVersion: z.optional(z.string()),
  minorVersion: z.optional(z.string()),
  su: z.optional(z.string()),
  build: z.optional(z.string()),
  productId: z.optional(z.string()),
  codebaseId: z.optional(z.string()),
  productReleaseDisplayString: z.optional(z.string()),
  productPatchDisplayString: z.optional(z.string()),
});

export const featureInfo = z.object({ featureId: nonEmpty, version: z.int() });
export type FeatureInfo = z.infer<typeof featureInfo>;

export const effectiveStation = z.nullable(z.object({ stationId: configurationId }));

/** 201 `connection:connectionResponse`. */
export const connectionResponse = z.object({
  sessionId: nonEmpty,
  csrfToken: nonEmpty,
  alternateHostList: z.optional(z.array(z.string())),
  userID: z.optional(z.string()),
  userDisplayName: z.optional(z.string()),
  icServer: z.optional(z.string()),
  daysUntilPasswordExpiration: z.optional(z.int()),
  version: z.optional(versionInfo),
  features: z.optional(z.array(featureInfo)),
  serverTimeInfo: z.optional(z.object({ serverUtcTime: wireTime })),
  defaultWorkstationId: z.optional(z.nullable(z.string())),
  effectiveStation: z.optional(effectiveStation),
});
export type ConnectionResponse = z.infer<typeof connectionResponse>;

/** 503 `connection:alternateHosts`. */
export const alternateHosts = z.object({
  errorId: z.optional(z.nullable(z.string())),
  message: z.optional(z.nullable(z.string())),
  alternateHostList: z.array(z.string()),
});

/** `connection:serverInfo` from `GET /icws/connection/server-info`. */
export const serverInfo = z.object({
  languages: z.optional(z.array(z.object({ languageID: z.string(), languageDisplayName: z.string() }))),
  acceptLanguage: z.optional(z.string()),
  authentication: z.optional(
    z.object({
      allowIcAuth: z.optional(z.boolean()),
      identityProviders: z.optional(
        z.array(
          z.object({
            displayName: z.string(),
            identityProviderId: z.string(),
            builtInIdentityProvider: z.optional(z.boolean()),
          }),
        ),
      ),
      userAgreementText: z.optional(z.nullable(z.string())),
    }),
  ),
});
export type ServerInfo = z.infer<typeof serverInfo>;

/** `ConnectionState`: 0 none, 1 up, 2 down. */
export const ConnectionState = { None: 0, Up: 1, Down: 2 } as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
/**
 * The connection state as it arrives. The reference (§2.4) notes that one Genesys example compares
 * with the string `'down'`, so both spellings are accepted; {@link isDownState} reads either.
 */
export const connectionState = z.union([wireEnum(ConnectionState), z.literal(['none', 'up', 'down'])]);
export type WireConnectionState = z.infer<typeof connectionState>;
export function isDownState(state: WireConnectionState): boolean {
  return state === ConnectionState.Down || state === 'down';
}

/** `connection:connectionSettings` from `GET /icws/{sessionId}/connection`. */
export const connectionSettings = z.object({
  connectionState,
  reason: z.optional(z.nullable(z.string())),
  shouldReconnect: z.optional(z.boolean()),
});
export type ConnectionSettings = z.infer<typeof connectionSettings>;

/** `security:password` request body. */
export const passwordChangeRequest = z.object({ oldPassword: z.string(), newPassword: nonEmpty });
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>;

/** `PasswordPolicyErrorId` (reference §1.5). */
export const PasswordPolicyErrorId = {
  Unknown: 0,
  RecentlyUsed: 1,
  TooYoung: 2,
  TooShort: 3,
  TooFewUniqueDigits: 4,
  AllSequentialDigits: 5,
  AccountLockedOut: 6,
  DoesntMatch: 7,
  AccessDenied: 8,
  TooFewUpper: 9,
  TooFewLower: 10,
  TooFewNumeric: 11,
  TooFewSpecial: 12,
} as const;
export type PasswordPolicyErrorId = (typeof PasswordPolicyErrorId)[keyof typeof PasswordPolicyErrorId];

/** `security:passwordError`: the error body plus the list of policy violations. */
export const passwordError = z.extend(errorBody, {
  passwordErrors: z.array(
    z.object({
      passwordPolicyErrorId: wireEnum(PasswordPolicyErrorId),
      passwordPolicyErrorMsg: z.optional(z.string()),
    }),
  ),
});
export type PasswordError = z.infer<typeof passwordError>;
