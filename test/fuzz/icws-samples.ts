/**
 * Valid ICWS messages of every `__type` the client parses, built from the shapes of the zod
 * schemas in src/cic/schemas and the subscription ids the CIC port listens on. Contents are drawn
 * from small pools (interaction ids, states, workgroups, users…) so random sequences exercise real
 * lifecycles (offered → connected → held → disconnected → removed), and text fields sometimes carry
 * hostile strings.
 */
import { formatWireTime } from '../../src/domain/index.js';
import type { Rng } from './prng.js';

const URN = 'urn:inin.com:';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Message = { [key: string]: Json };

/** Subscription ids the port translates (src/cic/port.ts). */
export const SUBSCRIPTIONS = {
  queue: 'my-interactions',
  user: 'own-user',
  workgroups: 'own-workgroups',
  wrapUp: 'wrap-up-codes',
  accountCodes: 'account-codes',
  activations: 'own-activations',
} as const;

export const ME = 'agent1';
const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);

/** Text a hostile server or caller might put anywhere. */
export const HOSTILE_TEXT: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '${alert(1)}',
  '`${globalThis.x}`',
  "'; DROP TABLE x; --",
  '\u0000\u0001\u001f',
  '\u202eevil\u202c',
  '👩‍👩‍👧‍👦🔥',
  'Ω≈ç√∫˜µ≤≥÷',
  '\ud800',
  '%s%n%x',
  '   ',
  '',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
];

const INTERACTION_IDS = ['1001', '1002', '1003', '1004', '1005', '2001', '2002'];
const WORKGROUPS = ['Support', 'Sales', 'support', ''];
const USERS = [ME, 'agent2', 'agent3', 'supervisor1'];
const STATUS_IDS = ['Available', 'At Lunch', 'Gone Home', 'Out of the Office', 'Do Not Disturb', 'Available, Forward'];
const STATE_LETTERS = ['A', 'C', 'H', 'X', 'O', 'S', 'R', 'M', 'P', 'I', 'E', ''];
const WRAP_UP_IDS = ['W1', 'W2', 'W3'];
const NAMES = ['Pat Caller', 'Sam Smith', '', 'Dr. Jo O\'Neil'];
const NUMBERS = ['+13175551234', '3175550000', '7002', 'sip:pat@example.com', ''];

/** Where the generated messages start in time (server clock). */
export const SAMPLE_T0 = T0;

function text(rng: Rng, pool: readonly string[]): string {
  return rng.chance(0.08) ? rng.pick(HOSTILE_TEXT) : rng.pick(pool);
}

function wireTime(rng: Rng): string {
  return formatWireTime(T0 + rng.int(4 * 3600) * 1000);
}

function bool(rng: Rng): boolean {
  return rng.chance(0.5);
}

function caps(rng: Rng): string {
  return String(rng.chance(0.7) ? rng.int(1 << 16) : rng.pick([0, 1, 65535, 2 ** 31 - 1]));
}

function queueAttributes(rng: Rng): { [key: string]: Json } {
  const letter = rng.pick(STATE_LETTERS);
  const attributes: { [key: string]: Json } = {
    Eic_State: letter,
    Eic_CallStateString: rng.pick(['Alerting', 'Connected', 'Held', 'Disconnected', 'Offering', '']),
    Eic_CallDirection: rng.pick(['I', 'O', 'i', '']),
    Eic_CallType: rng.pick(['E', 'I']),
    Eic_ObjectType: rng.pick(['Call', 'Chat', 'Callback', 'Generic Object']),
    Eic_RemoteAddress: text(rng, NUMBERS),
    Eic_RemoteName: text(rng, NAMES),
    Eic_WorkgroupName: text(rng, WORKGROUPS),
    Eic_Capabilities: caps(rng),
  };
  const optional: readonly [string, () => string][] = [
    ['Eic_Muted', () => rng.pick(['0', '1', 'true'])],
    ['Eic_Private', () => rng.pick(['0', '1'])],
    ['Eic_Recorders', () => rng.pick(['', ME, `${ME}|agent2`])],
    ['Eic_ConferenceId', () => rng.pick(INTERACTION_IDS)],
    ['Eic_InitiationTime', () => wireTime(rng)],
    ['Eic_ConnectTime', () => wireTime(rng)],
    ['Eic_TerminationTime', () => wireTime(rng)],
    ['Eic_SecureRecordingPauseStartTime', () => rng.pick(['', wireTime(rng)])],
    ['Eic_IRSnippetRecordingId', () => rng.pick(['', 'snip-1'])],
    ['Eic_AccountCode', () => rng.pick(['', 'AC1'])],
    ['Eic_WrapUpCode', () => rng.pick(['', ...WRAP_UP_IDS])],
    ['Eic_RemoteId', () => text(rng, USERS)],
    ['Eic_LocalAddress', () => '7001'],
    ['Eic_IsConsult', () => rng.pick(['0', '1'])],
    ['eic_state', () => rng.pick(STATE_LETTERS)],
    ['Custom_Attribute', () => text(rng, NAMES)],
  ];
  for (const [name, value] of optional) if (rng.chance(0.3)) attributes[name] = value();
  return attributes;
}

function queueInteraction(rng: Rng): Message {
  const entry: Message = { interactionId: rng.pick(INTERACTION_IDS), attributes: queueAttributes(rng) };
  if (rng.chance(0.15)) entry['conferenceParentId'] = rng.chance(0.2) ? null : rng.pick(INTERACTION_IDS);
  return entry;
}

function list<T>(rng: Rng, max: number, make: () => T): T[] {
  return Array.from({ length: rng.int(max + 1) }, make);
}

function statusMessage(rng: Rng): Message {
  return {
    statusId: text(rng, STATUS_IDS) || 'Available',
    messageText: text(rng, STATUS_IDS),
    iconUri: rng.pick(['/icws/status/icons/available.png', 'https://evil.example/x.png', 'javascript:alert(1)', '']),
    groupTag: rng.pick(['Available', 'Away', '']),
    canHaveDate: bool(rng),
    canHaveTime: bool(rng),
    isDoNotDisturbStatus: bool(rng),
    isSelectableStatus: rng.chance(0.8),
    isPersistentStatus: bool(rng),
    isForwardStatus: bool(rng),
    isAfterCallWorkStatus: bool(rng),
    isAcdStatus: bool(rng),
    isAllowFollowUpStatus: bool(rng),
    systemId: 'sys',
  };
}

function userStatus(rng: Rng): Message {
  const status: Message = { userId: rng.pick(USERS) };
  if (rng.chance(0.8)) status['statusId'] = text(rng, STATUS_IDS);
  if (rng.chance(0.4)) status['notes'] = rng.chance(0.2) ? null : text(rng, ['back at 3', '']);
  if (rng.chance(0.3)) status['forwardNumber'] = rng.chance(0.2) ? null : text(rng, NUMBERS);
  if (rng.chance(0.3))
    status['until'] = rng.chance(0.2) ? null : { untilDateTime: wireTime(rng), hasDate: bool(rng), hasTime: bool(rng) };
  if (rng.chance(0.5)) status['loggedIn'] = bool(rng);
  if (rng.chance(0.5)) status['onPhone'] = bool(rng);
  if (rng.chance(0.5)) status['statusChanged'] = wireTime(rng);
  if (rng.chance(0.2)) status['onPhoneChanged'] = wireTime(rng);
  if (rng.chance(0.2)) status['stations'] = ['7001'];
  return status;
}

function configurationId(rng: Rng, pool: readonly string[]): Message {
  const id: Message = { id: text(rng, pool) };
  if (rng.chance(0.6)) id['displayName'] = text(rng, pool);
  return id;
}

function contact(rng: Rng): Message {
  const entry: Message = { entryID: `e${rng.int(50)}` };
  if (rng.chance(0.8)) entry['displayName'] = text(rng, NAMES);
  if (rng.chance(0.5)) entry['firstName'] = text(rng, ['Pat', 'Sam']);
  if (rng.chance(0.5)) entry['lastName'] = text(rng, ['Caller', 'Smith']);
  if (rng.chance(0.5)) entry['extension'] = text(rng, ['7002', '7003']);
  if (rng.chance(0.5)) entry['userID'] = text(rng, USERS);
  if (rng.chance(0.5)) entry['businessPhone'] = { displayString: text(rng, NUMBERS), standardizedNumber: '+13175551234' };
  if (rng.chance(0.3)) entry['statusSummary'] = { statusID: text(rng, STATUS_IDS), loggedIn: bool(rng), onPhone: bool(rng) };
  return entry;
}

const BUILDERS: Readonly<Record<string, (rng: Rng, isDelta: boolean) => Message>> = {
  [`${URN}connection:connectionStateChangeMessage`]: (rng) => {
    const message: Message = { newConnectionState: rng.chance(0.85) ? rng.pick([1, 'up', 0, 'none']) : rng.pick([2, 'down']) };
    if (rng.chance(0.5)) message['previousConnectionState'] = 1;
    if (rng.chance(0.5)) message['reason'] = rng.chance(0.3) ? null : text(rng, ['Switchover', 'Logged off']);
    if (rng.chance(0.5)) message['shouldReconnect'] = bool(rng);
    return message;
  },
  [`${URN}connection:stationConnectionStateChangeMessage`]: (rng) => ({
    newStationInfo: rng.chance(0.2)
      ? null
      : {
          id: text(rng, ['7001', '7002', '']),
          stationSetting: rng.pick([0, 1, 2, 3]),
          ...(rng.chance(0.4) ? { remoteNumber: text(rng, NUMBERS) } : {}),
          ...(rng.chance(0.3) ? { extension: '7001', sipPassword: 'not-for-logs' } : {}),
        },
  }),
  [`${URN}connection:effectiveStationChangeMessage`]: (rng) => ({
    effectiveStation: rng.chance(0.3) ? null : { stationId: configurationId(rng, ['7001', '7002']) },
  }),
  [`${URN}messaging:asyncOperationCompletedMessage`]: (rng) => ({
    requestId: `req-${rng.int(10)}`,
    ...(rng.chance(0.4) ? { error: rng.chance(0.3) ? null : { errorId: 'error.x', message: text(rng, ['failed']) } } : {}),
  }),
  [`${URN}queues:queueContentsMessage`]: (rng, isDelta) => {
    const message: Message = { subscriptionId: rng.chance(0.9) ? SUBSCRIPTIONS.queue : 'other-queue' };
    if (!isDelta || rng.chance(0.6)) message['interactionsAdded'] = list(rng, 3, () => queueInteraction(rng));
    if (isDelta && rng.chance(0.7)) message['interactionsChanged'] = list(rng, 3, () => queueInteraction(rng));
    if (isDelta && rng.chance(0.3)) message['interactionsRemoved'] = list(rng, 2, () => rng.pick(INTERACTION_IDS));
    return message;
  },
  [`${URN}queues:queueSubscriptionStateMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.queue,
    state: rng.pick([0, 1, 2, 3]),
    ...(rng.chance(0.3) ? { error: { errorId: 'x', message: 'y' } } : {}),
  }),
  [`${URN}interactions:interactionChangedMessage`]: (rng) => ({
    interactionID: rng.pick(INTERACTION_IDS),
    attributes: queueAttributes(rng),
  }),
  [`${URN}interactions:interactionDeallocatedMessage`]: (rng) => ({ interactionID: rng.pick(INTERACTION_IDS) }),
  [`${URN}interactions:interactionLostRightsMessage`]: (rng) => ({ interactionID: rng.pick(INTERACTION_IDS) }),
  [`${URN}interactions:interactionMorphedMessage`]: (rng) => ({
    interactionID: rng.pick(INTERACTION_IDS),
    newInteractionID: rng.pick(INTERACTION_IDS),
  }),
  [`${URN}interactions:interactionRecordingSnippetCreatedMessage`]: (rng) => ({
    interactionID: rng.pick(INTERACTION_IDS),
    recordingSnippetId: 'snip-1',
  }),
  [`${URN}interactions:interactionAlertingMessage`]: (rng) => ({
    alertingInteractionDetails: list(rng, 2, () => ({
      interactionId: rng.pick(INTERACTION_IDS),
      interactionType: rng.int(3),
      name: text(rng, NAMES),
      address: text(rng, NUMBERS),
      alertType: rng.int(7),
      alertAction: rng.pick([1, 2]),
      autoAnswer: bool(rng),
      ...(rng.chance(0.3) ? { attributes: { Eic_RemoteName: text(rng, NAMES) } } : {}),
    })),
  }),
  [`${URN}interactions:historyMessage`]: (rng) => ({
    interactionHistory: list(rng, 4, () => {
      const entry: Message = {
        interactionId: `h${rng.int(400)}`,
        direction: rng.pick([0, 1, 2]),
        initiationTime: wireTime(rng),
      };
      if (rng.chance(0.7)) entry['terminationTime'] = rng.chance(0.2) ? null : wireTime(rng);
      if (rng.chance(0.8)) entry['remoteAddress'] = text(rng, NUMBERS);
      if (rng.chance(0.8)) entry['remoteName'] = text(rng, NAMES);
      if (rng.chance(0.4)) entry['remoteId'] = text(rng, USERS);
      if (rng.chance(0.4)) entry['notes'] = text(rng, ['note']);
      if (rng.chance(0.7)) entry['interactionHistoryStatus'] = rng.pick([0, 1, 2]);
      return entry;
    }),
  }),
  [`${URN}interactions:consultMessage`]: (rng) => ({
    audience: { originalParty: bool(rng), consultedParty: bool(rng) },
  }),
  [`${URN}status:userStatusMessage`]: (rng) => ({ userStatusList: list(rng, 3, () => userStatus(rng)) }),
  [`${URN}status:statusMessagesMessage`]: (rng) => {
    const message: Message = {};
    if (rng.chance(0.8)) message['statusMessagesAdded'] = list(rng, 4, () => statusMessage(rng));
    if (rng.chance(0.3)) message['statusMessagesChanged'] = list(rng, 2, () => statusMessage(rng));
    if (rng.chance(0.2)) message['statusMessagesRemoved'] = list(rng, 2, () => text(rng, STATUS_IDS));
    return message;
  },
  [`${URN}status:statusMessagesUserAccessMessage`]: (rng) => ({
    statusMessagesUserAccessChanges: list(rng, 2, () => ({
      userId: rng.chance(0.8) ? ME : rng.pick(USERS),
      ...(rng.chance(0.8) ? { statusMessagesAdded: list(rng, 4, () => text(rng, STATUS_IDS)) } : {}),
      ...(rng.chance(0.3) ? { statusMessagesRemoved: list(rng, 2, () => text(rng, STATUS_IDS)) } : {}),
    })),
  }),
  [`${URN}status:userStatusPreviousInfoMessage`]: (rng) => ({
    userStatusPreviousInfoList: list(rng, 3, () => ({
      statusId: text(rng, STATUS_IDS),
      ...(rng.chance(0.6) ? { notes: rng.chance(0.2) ? null : text(rng, ['lunch']) } : {}),
      ...(rng.chance(0.4) ? { forwardNumber: rng.chance(0.2) ? null : text(rng, NUMBERS) } : {}),
    })),
  }),
  [`${URN}activations:userActivationMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.activations,
    userId: ME,
    activationsChanged: Object.fromEntries(list(rng, 3, () => [text(rng, WORKGROUPS) || 'Support', bool(rng)])),
  }),
  [`${URN}activations:workgroupActivationMessage`]: (rng) => ({
    subscriptionId: 'wg-activations',
    workgroupId: 'Support',
    activationsChanged: { [ME]: bool(rng) },
  }),
  [`${URN}directories:directoriesMessage`]: (rng) => ({
    directoriesAdded: [{ directoryID: 'CompanyDirectory', displayName: text(rng, ['Company Directory']), count: rng.int(100) }],
  }),
  [`${URN}directories:directoryMessage`]: (rng) => ({
    subscriptionId: rng.chance(0.7) ? 'directory-page-1' : `directory-page-${rng.int(5)}`,
    totalCount: rng.int(100),
    filteredCount: rng.int(100),
    contactsAdded: list(rng, 4, () => contact(rng)),
  }),
  [`${URN}configuration.people:wrapUpCodesMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.wrapUp,
    added: list(rng, 3, () => ({ configurationId: configurationId(rng, WRAP_UP_IDS), label: text(rng, ['Sale', 'Billing']) })),
    ...(rng.chance(0.3) ? { removed: [rng.pick(WRAP_UP_IDS)] } : {}),
  }),
  [`${URN}configuration.people:accountCodesMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.accountCodes,
    added: list(rng, 3, () => ({ configurationId: configurationId(rng, ['AC1', 'AC2']), description: text(rng, ['Project']) })),
    ...(rng.chance(0.3) ? { removed: [rng.chance(0.5) ? 'AC1' : { id: 'AC2' }] } : {}),
  }),
  [`${URN}configuration.people:usersMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.user,
    changed: [
      {
        configurationId: { id: rng.chance(0.9) ? ME : rng.pick(USERS), displayName: text(rng, ['Agent One']) },
        securityRights: list(rng, 4, () => ({ id: rng.pick(['ActivateSelf', 'Monitor', 'Coach', 'SecureInput', 'x']) })),
        licenseProperties: { additionalLicenses: list(rng, 3, () => ({ id: rng.pick(['I3_ACCESS_CLIENT', 'I3_ACCESS_ACD']) })) },
        workgroups: list(rng, 2, () => ({ id: text(rng, WORKGROUPS) })),
      },
    ],
  }),
  [`${URN}configuration.people:workgroupsMessage`]: (rng) => ({
    subscriptionId: SUBSCRIPTIONS.workgroups,
    changed: list(rng, 2, () => ({
      configurationId: configurationId(rng, WORKGROUPS),
      wrapUpCodes: list(rng, 3, () => ({ id: rng.pick(WRAP_UP_IDS), displayName: text(rng, ['Sale', 'Billing']) })),
    })),
    ...(rng.chance(0.2) ? { removed: [text(rng, WORKGROUPS) || 'Sales'] } : {}),
  }),
};

/** Every `__type` a sample can be built for. */
export function sampleTypes(): readonly string[] {
  return Object.keys(BUILDERS);
}

/** A valid message of `type` (or of a random known type). */
export function validMessage(rng: Rng, type: string = rng.pick(sampleTypes())): Message {
  const build = BUILDERS[type];
  if (build === undefined) throw new Error(`no sample builder for ${type}`);
  const isDelta = rng.chance(0.7);
  return { __type: type, isDelta, ...build(rng, isDelta) };
}
