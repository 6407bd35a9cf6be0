/**
 * The refusals the telephony engine can answer with. The reference records error ids only for
 * logon (`error.request.connection.authenticationFailure`, `error.server.*`), so the ids below
 * follow that `error.request.<area>.<reason>` pattern; the status codes are the ones the official
 * library documents for the interaction resources (400, 403, 404).
 */
import { SimRequestError } from './host.js';

export const ErrorId = {
  InteractionNotFound: 'error.request.interactions.notFound',
  ConsultNotFound: 'error.request.interactions.consultNotFound',
  ConferenceNotFound: 'error.request.interactions.conferenceNotFound',
  MissingRight: 'error.request.interactions.accessDenied',
  MissingLicense: 'error.request.interactions.licenseNotAssigned',
  InvalidState: 'error.request.interactions.invalidState',
  InvalidParameter: 'error.request.interactions.invalidParameter',
  InvalidTarget: 'error.request.interactions.invalidTarget',
  ReadOnlyAttribute: 'error.request.interactions.readOnlyAttribute',
  NoStation: 'error.request.interactions.noStation',
  UserNotFound: 'error.request.users.notFound',
  WorkgroupNotFound: 'error.request.workgroups.notFound',
} as const;
export type ErrorId = (typeof ErrorId)[keyof typeof ErrorId];

export function notFound(interactionId: string): SimRequestError {
  return new SimRequestError(404, ErrorId.InteractionNotFound, `Interaction ${interactionId} was not found.`);
}

export function missingRight(right: string): SimRequestError {
  return new SimRequestError(403, ErrorId.MissingRight, `The user does not have the ${right} right.`);
}

export function missingLicense(license: string): SimRequestError {
  return new SimRequestError(403, ErrorId.MissingLicense, `The user does not have the ${license} license.`);
}

export function invalidState(interactionId: string, what: string): SimRequestError {
  return new SimRequestError(400, ErrorId.InvalidState, `Interaction ${interactionId}: ${what}.`);
}

export function invalidParameter(what: string): SimRequestError {
  return new SimRequestError(400, ErrorId.InvalidParameter, what);
}

export function invalidTarget(target: string, why = 'cannot be reached'): SimRequestError {
  return new SimRequestError(400, ErrorId.InvalidTarget, `Target "${target}" ${why}.`);
}

export function noStation(userId: string): SimRequestError {
  return new SimRequestError(400, ErrorId.NoStation, `User ${userId} is not logged on to a station.`);
}
