/**
 * Error ids the simulator answers with. The first group is documented in the ICWS reference; the
 * rest are the simulator's own (docs/simulator.md lists them) for cases the reference only
 * describes in words.
 */
export { ErrorId } from './http-util.js';

export const SimErrorId = {
  /** Reference: a station that does not exist. */
  stationNotFound: '-2147221496',
  stationInUse: 'error.request.connection.stationInUse',
  stationAccessDenied: 'error.request.connection.stationAccessDenied',
  licenseUnavailable: 'error.request.connection.licenseUnavailable',
  unsupportedAuthType: 'error.request.connection.unsupportedAuthenticationType',
  unsupportedLanguage: 'error.request.connection.unsupportedLanguage',
  ssoTokenInvalid: 'error.request.connection.singleSignOnTokenInvalid',
  unknownStatus: 'error.request.status.unknownStatus',
  statusNotAllowed: 'error.request.status.notAllowed',
  unknownUser: 'error.request.user.notFound',
  unknownWorkgroup: 'error.request.workgroup.notFound',
  unknownQueue: 'error.request.queue.notFound',
  queueAccessDenied: 'error.request.queue.accessDenied',
  unknownInteraction: 'error.request.interaction.notFound',
  unknownDirectory: 'error.request.directory.notFound',
  unknownConfigurationObject: 'error.request.configuration.notFound',
  passwordPolicy: 'error.request.security.passwordPolicy',
  sessionInvalid: 'error.request.connection.authenticationFailure',
} as const;
