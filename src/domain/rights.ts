/**
 * Security rights and licences the panel gates on, spelled as CIC configuration spells the ids
 * (the simulator uses the same ids). Rights say whether the agent may use a feature at all; when
 * one is missing, the matching control is hidden rather than dimmed.
 */
export const Right = {
  PickupInteractions: 'PickupInteractions',
  HoldInteractions: 'HoldInteractions',
  MuteInteractions: 'MuteInteractions',
  DisconnectInteractions: 'DisconnectInteractions',
  TransferInteractions: 'TransferInteractions',
  TransferToVoicemail: 'TransferInteractionsToVoicemail',
  ConferenceCalls: 'ConferenceCalls',
  RecordInteractions: 'RecordInteractions',
  SnipInteractions: 'SnipInteractions',
  SecureRecordingPause: 'SecureRecordingPauseInteractions',
  PersistentConnections: 'PersistentConnections',
  UserDefinedTelephoneNumber: 'UserDefinedTelephoneNumberOnRemoteLogon',
  StatusNotes: 'StatusNotes',
  ActivateSelf: 'ActivateSelf',
  AccountCodeVerification: 'AccountCodeVerification',
} as const;
export type Right = (typeof Right)[keyof typeof Right];

/** Licences (names as `POST /licenses` uses them). */
export const Licence = {
  ClientAccess: 'I3_ACCESS_CLIENT',
  BasicStation: 'I3_LICENSE_BASIC_STATION',
  RecorderAccess: 'I3_ACCESS_RECORDER',
} as const;
export type Licence = (typeof Licence)[keyof typeof Licence];

/**
 * What configuration says the agent holds. `null` until the configuration has been read: the
 * domain then neither hides nor offers rights-gated features (controls show as disabled with
 * reason `loading`).
 */
export interface Entitlements {
  readonly rights: readonly string[];
  readonly licences: readonly string[];
}

/** Whether the entitlements include the right (case-insensitive, as CIC ids are). */
export function hasRight(entitlements: Entitlements, right: Right): boolean {
  const wanted = right.toLowerCase();
  return entitlements.rights.some((r) => r.toLowerCase() === wanted);
}

/** Whether the entitlements include the licence (case-insensitive). */
export function hasLicence(entitlements: Entitlements, licence: Licence): boolean {
  const wanted = licence.toLowerCase();
  return entitlements.licences.some((l) => l.toLowerCase() === wanted);
}
