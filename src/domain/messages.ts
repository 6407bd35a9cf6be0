/**
 * Message keys: the domain never produces English text. It returns these keys and the UI's i18n
 * layer turns them into words. Keys are grouped by the screen that shows them.
 */
export const LogonErrorKey = {
  badCredentials: 'logon.error.badCredentials',
  unreachable: 'logon.error.unreachable',
  passwordExpired: 'logon.error.passwordExpired',
  switchoverRedirect: 'logon.error.switchoverRedirect',
  serverUnavailable: 'logon.error.serverUnavailable',
  stationInUse: 'logon.error.stationInUse',
  stationNotFound: 'logon.error.stationNotFound',
  stationAccessDenied: 'logon.error.stationAccessDenied',
  noStationLicence: 'logon.error.noStationLicence',
  licenceUnavailable: 'logon.error.licenceUnavailable',
  ssoFailed: 'logon.error.ssoFailed',
  ssoUnavailable: 'logon.error.ssoUnavailable',
  unknown: 'logon.error.unknown',
} as const;

export const SessionNoticeKey = {
  loggedOffElsewhere: 'session.notice.loggedOffElsewhere',
  connectionLost: 'session.notice.connectionLost',
  sessionExpired: 'session.notice.sessionExpired',
  passwordChanged: 'session.notice.passwordChanged',
  agreementRejected: 'session.notice.agreementRejected',
} as const;

export const PasswordErrorKey = {
  mismatch: 'password.error.mismatch',
  empty: 'password.error.empty',
  unknown: 'password.error.unknown',
  recentlyUsed: 'password.error.recentlyUsed',
  tooYoung: 'password.error.tooYoung',
  tooShort: 'password.error.tooShort',
  tooFewUniqueDigits: 'password.error.tooFewUniqueDigits',
  allSequentialDigits: 'password.error.allSequentialDigits',
  accountLockedOut: 'password.error.accountLockedOut',
  doesntMatch: 'password.error.doesntMatch',
  accessDenied: 'password.error.accessDenied',
  tooFewUpper: 'password.error.tooFewUpper',
  tooFewLower: 'password.error.tooFewLower',
  tooFewNumeric: 'password.error.tooFewNumeric',
  tooFewSpecial: 'password.error.tooFewSpecial',
} as const;

export const StationErrorKey = {
  nameRequired: 'station.error.nameRequired',
  numberRequired: 'station.error.numberRequired',
  webBasedPhoneUnavailable: 'station.error.webBasedPhoneUnavailable',
} as const;

export const CommandErrorKey = {
  rejected: 'command.error.rejected',
  forbidden: 'command.error.forbidden',
  notFound: 'command.error.notFound',
  network: 'command.error.network',
  session: 'command.error.session',
  unknown: 'command.error.unknown',
} as const;

type ValueOf<T> = T[keyof T];

/** Every key the domain can hand to the UI. */
export type MessageKey =
  | ValueOf<typeof LogonErrorKey>
  | ValueOf<typeof SessionNoticeKey>
  | ValueOf<typeof PasswordErrorKey>
  | ValueOf<typeof StationErrorKey>
  | ValueOf<typeof CommandErrorKey>;
