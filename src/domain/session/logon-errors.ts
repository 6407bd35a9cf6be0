import { assertNever } from '../diagnostics.js';
import { LogonErrorKey, PasswordErrorKey, type MessageKey } from '../messages.js';
import type { LogonFailure, PasswordPolicyError } from '../observations.js';

/** The plain-language message key for a logon failure. */
export function logonErrorKey(reason: LogonFailure): MessageKey {
  switch (reason) {
    case 'badCredentials':
      return LogonErrorKey.badCredentials;
    case 'unreachable':
      return LogonErrorKey.unreachable;
    case 'passwordExpired':
      return LogonErrorKey.passwordExpired;
    case 'switchoverRedirect':
      return LogonErrorKey.switchoverRedirect;
    case 'serverUnavailable':
      return LogonErrorKey.serverUnavailable;
    case 'stationInUse':
      return LogonErrorKey.stationInUse;
    case 'stationNotFound':
      return LogonErrorKey.stationNotFound;
    case 'stationAccessDenied':
      return LogonErrorKey.stationAccessDenied;
    case 'noStationLicence':
      return LogonErrorKey.noStationLicence;
    case 'licenceUnavailable':
      return LogonErrorKey.licenceUnavailable;
    case 'ssoFailed':
      return LogonErrorKey.ssoFailed;
    case 'ssoUnavailable':
      return LogonErrorKey.ssoUnavailable;
    case 'unknown':
      return LogonErrorKey.unknown;
    default:
      return assertNever(reason);
  }
}

/** Failures that concern the station step rather than authentication. */
export function isStationFailure(reason: LogonFailure): boolean {
  return (
    reason === 'stationInUse' ||
    reason === 'stationNotFound' ||
    reason === 'stationAccessDenied' ||
    reason === 'noStationLicence'
  );
}

/** The message key for a password-policy error. */
export function passwordErrorKey(error: PasswordPolicyError): MessageKey {
  return PasswordErrorKey[error];
}
