import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnrecognized, knownMessageTypes, parseMessage } from './messages.js';

const U = 'urn:inin.com:';
const statusEntry = {
  statusId: 'Available',
  messageText: 'Available',
  iconUri: '/icws/statuses/available.png',
  groupTag: 'Available',
  canHaveDate: false,
  canHaveTime: false,
  isDoNotDisturbStatus: false,
  isSelectableStatus: true,
  isPersistentStatus: false,
  isForwardStatus: false,
  isAfterCallWorkStatus: false,
  isAcdStatus: true,
  isAllowFollowUpStatus: true,
  systemId: 'Available',
};
const station = { id: '7001', extension: '7001', stationSetting: 1 };

/** One representative message per known type, shaped as the reference (§2.4 and §3) describes. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  [`${U}connection:connectionStateChangeMessage`]: {
    previousConnectionState: 1,
    newConnectionState: 2,
    reason: 'The server is switching over.',
    shouldReconnect: true,
  },
  [`${U}connection:stationConnectionStateChangeMessage`]: {
    previousStationInfo: null,
    newStationInfo: station,
  },
  [`${U}connection:effectiveStationChangeMessage`]: {
    effectiveStation: { stationId: { id: '7001', displayName: '7001', uri: '/configuration/stations/7001' } },
  },
  [`${U}messaging:asyncOperationCompletedMessage`]: { requestId: 'r-1', error: null },
  [`${U}queues:queueContentsMessage`]: {
    subscriptionId: 'my-queue',
    interactionsAdded: [{ interactionId: '1001', attributes: { Eic_State: 'A', Eic_RemoteName: 'Pat Doe' } }],
  },
  [`${U}queues:queueSubscriptionStateMessage`]: { subscriptionId: 'my-queue', state: 1 },
  [`${U}interactions:interactionChangedMessage`]: { interactionID: '1001', attributes: { Eic_State: 'C' } },
  [`${U}interactions:interactionDeallocatedMessage`]: { interactionID: '1001' },
  [`${U}interactions:interactionLostRightsMessage`]: { interactionID: '1001' },
  [`${U}interactions:interactionMorphedMessage`]: { interactionID: '1001', newInteractionID: '1002' },
  [`${U}interactions:interactionRecordingSnippetCreatedMessage`]: {
    interactionID: '1001',
    recordingSnippetId: 'snip-1',
  },
  [`${U}interactions:interactionAlertingMessage`]: {
    alertingInteractionDetails: [
      {
        interactionId: '1001',
        interactionType: 0,
        name: 'Pat Doe',
        address: '+13175550101',
        alertType: 5,
        alertAction: 1,
        autoAnswer: false,
        monitoredQueue: { queueType: 2, queueName: 'Support' },
      },
    ],
  },
  [`${U}interactions:historyMessage`]: {
    interactionHistory: [
      {
        interactionId: '1001',
        direction: 1,
        initiationTime: '20261122T090000Z',
        terminationTime: '20261122T090500Z',
        remoteAddress: '+13175550101',
        remoteName: 'Pat Doe',
        interactionHistoryStatus: 1,
      },
    ],
  },
  [`${U}interactions:consultMessage`]: { audience: { originalParty: true, consultedParty: false } },
  [`${U}status:userStatusMessage`]: {
    userStatusList: [
      {
        userId: 'Administrator',
        statusId: 'Do Not disturb',
        statusChanged: '20210706T193229Z',
        icServers: [],
        stations: ['1234'],
        loggedIn: true,
        onPhone: false,
        onPhoneChanged: '20210702T011636Z',
      },
    ],
  },
  [`${U}status:statusMessagesMessage`]: { statusMessagesAdded: [statusEntry], statusMessagesRemoved: [] },
  [`${U}status:statusMessagesUserAccessMessage`]: {
    statusMessagesUserAccessChanges: [{ userId: 'agent1', statusMessagesAdded: ['Available'] }],
  },
  [`${U}status:userStatusPreviousInfoMessage`]: {
    userStatusPreviousInfoList: [{ statusId: 'Available', notes: '' }],
  },
  [`${U}activations:userActivationMessage`]: {
    subscriptionId: 'act',
    userId: 'agent1',
    activationsChanged: { Support: true },
  },
  [`${U}activations:workgroupActivationMessage`]: {
    subscriptionId: 'act-wg',
    workgroupId: 'Support',
    activationsChanged: { agent1: true },
  },
  [`${U}directories:directoriesMessage`]: {
    directoriesAdded: [{ directoryID: 'Company Directory', displayName: 'Company Directory', category: 0 }],
  },
  [`${U}directories:directoryMessage`]: {
    subscriptionId: 'dir',
    totalCount: 1,
    filteredCount: 1,
    contactsAdded: [{ entryID: 'agent1', displayName: 'Agent One', extension: '7001' }],
  },
  [`${U}configuration.people:wrapUpCodesMessage`]: {
    subscriptionId: 'wuc',
    added: [{ configurationId: { id: 'Sale', displayName: 'Sale' } }],
  },
  [`${U}configuration.people:accountCodesMessage`]: {
    subscriptionId: 'ac',
    added: [{ configurationId: { id: '100' }, description: 'Billing' }],
  },
  [`${U}configuration.people:usersMessage`]: {
    subscriptionId: 'users',
    added: [{ configurationId: { id: 'agent1' }, extension: '7001' }],
    removed: ['agent9'],
  },
  [`${U}configuration.people:workgroupsMessage`]: {
    subscriptionId: 'wgs',
    changed: [{ configurationId: { id: 'Support' } }],
  },
};

describe('parseMessage', () => {
  it('has a sample for every known message type, and each parses as that type', () => {
    assert.deepEqual([...knownMessageTypes()].sort(), Object.keys(SAMPLES).sort());
    for (const [type, fields] of Object.entries(SAMPLES)) {
      const parsed = parseMessage({ __type: type, isDelta: false, ...fields });
      assert.equal(parsed.ok, true, `${type}: ${JSON.stringify(parsed.ok ? null : parsed.issues)}`);
      if (parsed.ok) {
        assert.equal(isUnrecognized(parsed.message), false);
        assert.equal((parsed.message as { __type: string }).__type, type);
      }
    }
  });

  it('keeps an unknown __type as unrecognized with the raw message', () => {
    const raw = { __type: 'urn:inin.com:dialer:dataPopMessage', isDelta: false, call: { x: 1 } };
    const parsed = parseMessage(raw);
    assert.deepEqual(parsed, { ok: true, message: { kind: 'unrecognized', type: raw.__type, raw } });
  });

  it('reports a known type that fails its schema with the path of the problem', () => {
    const parsed = parseMessage({
      __type: `${U}queues:queueContentsMessage`,
      isDelta: true,
      subscriptionId: 'q',
      interactionsChanged: [{ interactionId: '1', attributes: { Eic_State: 3 } }],
    });
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.equal(parsed.type, `${U}queues:queueContentsMessage`);
      assert.deepEqual(parsed.issues[0]?.path, ['interactionsChanged', 0, 'attributes', 'Eic_State']);
    }
  });

  it('rejects a message without the envelope (no __type or no isDelta)', () => {
    for (const raw of [null, 42, {}, { __type: `${U}status:userStatusMessage`, userStatusList: [] }]) {
      const parsed = parseMessage(raw);
      assert.equal(parsed.ok, false, JSON.stringify(raw));
    }
  });

  it('rejects dates that are not ICWS dates and enums outside the documented values', () => {
    const badDate = parseMessage({
      __type: `${U}status:userStatusMessage`,
      isDelta: true,
      userStatusList: [{ userId: 'agent1', statusChanged: 'yesterday' }],
    });
    assert.equal(badDate.ok, false);
    const badEnum = parseMessage({
      __type: `${U}queues:queueSubscriptionStateMessage`,
      isDelta: false,
      subscriptionId: 'q',
      state: 9,
    });
    assert.equal(badEnum.ok, false);
  });

  it('accepts the connection state as a number or as the string "down"', () => {
    const parsed = parseMessage({
      __type: `${U}connection:connectionStateChangeMessage`,
      isDelta: false,
      newConnectionState: 'down',
      reason: 'bye',
    });
    assert.equal(parsed.ok, true);
  });
});
