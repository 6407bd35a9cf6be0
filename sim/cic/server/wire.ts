/**
 * Wire-format helpers shared by every route: `__type` URNs, compact ISO-8601 dates and the media
 * types ICWS speaks (docs/reference: dates like `20130808T211625Z`, enums as numbers).
 */

export const Urn = {
  connectionStateChange: 'urn:inin.com:connection:connectionStateChangeMessage',
  stationConnectionStateChange: 'urn:inin.com:connection:stationConnectionStateChangeMessage',
  effectiveStationChange: 'urn:inin.com:connection:effectiveStationChangeMessage',
  queueContents: 'urn:inin.com:queues:queueContentsMessage',
  queueSubscriptionState: 'urn:inin.com:queues:queueSubscriptionStateMessage',
  interactionChanged: 'urn:inin.com:interactions:interactionChangedMessage',
  interactionDeallocated: 'urn:inin.com:interactions:interactionDeallocatedMessage',
  interactionSnippetCreated: 'urn:inin.com:interactions:interactionRecordingSnippetCreatedMessage',
  interactionAlerting: 'urn:inin.com:interactions:interactionAlertingMessage',
  history: 'urn:inin.com:interactions:historyMessage',
  userStatus: 'urn:inin.com:status:userStatusMessage',
  statusMessages: 'urn:inin.com:status:statusMessagesMessage',
  statusMessagesUserAccess: 'urn:inin.com:status:statusMessagesUserAccessMessage',
  userStatusPreviousInfo: 'urn:inin.com:status:userStatusPreviousInfoMessage',
  userActivation: 'urn:inin.com:activations:userActivationMessage',
  workgroupActivation: 'urn:inin.com:activations:workgroupActivationMessage',
  directories: 'urn:inin.com:directories:directoriesMessage',
  directory: 'urn:inin.com:directories:directoryMessage',
  asyncOperationCompleted: 'urn:inin.com:messaging:asyncOperationCompletedMessage',
  passwordError: 'urn:inin.com:security:passwordError',
  invalidPropertyError: 'urn:inin.com:common:invalidPropertyError',
  missingPropertyError: 'urn:inin.com:common:missingPropertyError',
} as const;

/** Request body `__type`s the simulator understands. */
export const RequestUrn = {
  icAuth: 'urn:inin.com:connection:icAuthConnectionRequestSettings',
  singleSignOn: 'urn:inin.com:connection:singleSignOnTokenConnectionRequestSettings',
  authToken: 'urn:inin.com:connection:authTokenConnectionRequestSettings',
  workstation: 'urn:inin.com:connection:workstationSettings',
  remoteWorkstation: 'urn:inin.com:connection:remoteWorkstationSettings',
  remoteNumber: 'urn:inin.com:connection:remoteNumberSettings',
  stationless: 'urn:inin.com:connection:stationlessSettings',
  createCall: 'urn:inin.com:interactions:createCallParameters',
} as const;

export const ICWS_MEDIA_TYPE = 'application/vnd.inin.icws+JSON';

/** Whether a Content-Type header names one of the JSON media types ICWS accepts. */
export function isJsonMediaType(contentType: string): boolean {
  const base = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base === 'application/vnd.inin.icws+json';
}

/** Epoch milliseconds → compact ISO-8601 UTC (`20261122T090000Z`). */
export function compactDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Compact (`20130808T211625Z`) or extended (`2013-08-08T21:16:25Z`, fractions allowed) ISO-8601
 * UTC → epoch milliseconds, or `undefined` when the text is neither.
 */
export function parseWireDate(text: string): number | undefined {
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact.map(Number) as [number, number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** ICWS connection states (numbers on the wire). */
export const ConnectionState = { None: 0, Up: 1, Down: 2 } as const;

/** Station setting enum of `stationInformation`. */
export const StationSetting = { None: 0, Workstation: 1, RemoteWorkstation: 2, RemoteNumber: 3 } as const;
