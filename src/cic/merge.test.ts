import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  QueueContentsCache,
  mergeAttributes,
  mergeQueueContents,
  mergeStatusMessages,
  mergeUserStatuses,
} from './merge.js';
import type { QueueContentsMessage } from './schemas/queues.js';
import type { StatusMessagesMessage, UserStatusMessage } from './schemas/messages.js';
import type { StatusMessage } from './schemas/status.js';

const QC = 'urn:inin.com:queues:queueContentsMessage' as const;
function queueMessage(fields: Partial<QueueContentsMessage> & { isDelta: boolean }): QueueContentsMessage {
  return { __type: QC, subscriptionId: 'mine', ...fields };
}

describe('mergeAttributes', () => {
  it('overwrites case-insensitively, keeping the latest spelling and other attributes', () => {
    assert.deepEqual(
      mergeAttributes({ Eic_State: 'A', Eic_RemoteName: 'Pat' }, { EIC_STATE: 'C', Custom: 'x' }),
      {
        EIC_STATE: 'C',
        Eic_RemoteName: 'Pat',
        Custom: 'x',
      },
    );
  });
});

describe('mergeQueueContents', () => {
  const snapshot = queueMessage({
    isDelta: false,
    interactionsAdded: [
      { interactionId: '1', attributes: { Eic_State: 'A', Eic_RemoteName: 'Pat' } },
      { interactionId: '2', attributes: { Eic_State: 'C' }, conferenceParentId: '9' },
    ],
  });

  it('takes a snapshot as the whole contents, discarding what was held before', () => {
    const stale = mergeQueueContents(
      undefined,
      queueMessage({ isDelta: true, interactionsAdded: [{ interactionId: 'old', attributes: {} }] }),
    );
    const contents = mergeQueueContents(stale, snapshot);
    assert.deepEqual([...contents.keys()], ['1', '2']);
    assert.equal(contents.get('2')?.conferenceParentId, '9');
    assert.equal(contents.get('1')?.conferenceParentId, null);
  });

  it('merges changed attributes into the entry and keeps the untouched ones', () => {
    const contents = mergeQueueContents(
      mergeQueueContents(undefined, snapshot),
      queueMessage({
        isDelta: true,
        interactionsChanged: [{ interactionId: '1', attributes: { Eic_State: 'C' } }],
      }),
    );
    assert.deepEqual(contents.get('1')?.attributes, { Eic_State: 'C', Eic_RemoteName: 'Pat' });
    assert.deepEqual(contents.get('2')?.attributes, { Eic_State: 'C' });
  });

  it('adds, changes and removes in one delta, in that order', () => {
    const contents = mergeQueueContents(
      mergeQueueContents(undefined, snapshot),
      queueMessage({
        isDelta: true,
        interactionsAdded: [{ interactionId: '3', attributes: { Eic_State: 'O' } }],
        interactionsChanged: [{ interactionId: '3', attributes: { Eic_State: 'R' } }],
        interactionsRemoved: ['2'],
      }),
    );
    assert.deepEqual([...contents.keys()], ['1', '3']);
    assert.deepEqual(contents.get('3')?.attributes, { Eic_State: 'R' });
  });

  it('keeps a change for an interaction it has not seen, and can clear the conference parent', () => {
    const before = mergeQueueContents(undefined, snapshot);
    const contents = mergeQueueContents(
      before,
      queueMessage({
        isDelta: true,
        interactionsChanged: [
          { interactionId: '7', attributes: { Eic_State: 'H' } },
          { interactionId: '2', attributes: {}, conferenceParentId: null },
        ],
      }),
    );
    assert.deepEqual(contents.get('7')?.attributes, { Eic_State: 'H' });
    assert.equal(contents.get('2')?.conferenceParentId, null);
    assert.equal(before.get('2')?.conferenceParentId, '9', 'the input map is not modified');
  });

  it('re-adding an interaction replaces its attributes', () => {
    const contents = mergeQueueContents(
      mergeQueueContents(undefined, snapshot),
      queueMessage({
        isDelta: true,
        interactionsAdded: [{ interactionId: '1', attributes: { Eic_State: 'C' } }],
      }),
    );
    assert.deepEqual(contents.get('1')?.attributes, { Eic_State: 'C' });
  });

  it('keeps one map per subscription in the cache', () => {
    const cache = new QueueContentsCache();
    cache.apply(snapshot);
    cache.apply({ ...snapshot, subscriptionId: 'support', interactionsAdded: [] });
    cache.apply(queueMessage({ isDelta: true, interactionsRemoved: ['1'] }));
    assert.deepEqual([...cache.get('mine').keys()], ['2']);
    assert.equal(cache.get('support').size, 0);
    cache.delete('mine');
    assert.equal(cache.get('mine').size, 0);
  });
});

describe('mergeUserStatuses', () => {
  const US = 'urn:inin.com:status:userStatusMessage' as const;
  const snapshot: UserStatusMessage = {
    __type: US,
    isDelta: false,
    userStatusList: [
      { userId: 'agent1', statusId: 'Available', loggedIn: true, onPhone: false, notes: 'hi' },
      { userId: 'agent2', statusId: 'Gone Home', loggedIn: false },
    ],
  };

  it('replaces on a snapshot and merges only the properties present in a delta', () => {
    const first = mergeUserStatuses(new Map([['old', { userId: 'old', statusId: 'x' }]]), snapshot);
    assert.deepEqual([...first.keys()], ['agent1', 'agent2']);
    const next = mergeUserStatuses(first, {
      __type: US,
      isDelta: true,
      userStatusList: [{ userId: 'agent1', onPhone: true, notes: null }],
    });
    assert.deepEqual(next.get('agent1'), {
      userId: 'agent1',
      statusId: 'Available',
      loggedIn: true,
      onPhone: true,
      notes: null,
    });
    assert.deepEqual(next.get('agent2'), snapshot.userStatusList[1]);
    assert.equal(first.get('agent1')?.onPhone, false, 'the input map is not modified');
  });
});

describe('mergeStatusMessages', () => {
  const entry = (statusId: string, messageText = statusId): StatusMessage => ({
    statusId,
    messageText,
    iconUri: '',
    groupTag: '',
    canHaveDate: false,
    canHaveTime: false,
    isDoNotDisturbStatus: false,
    isSelectableStatus: true,
    isPersistentStatus: false,
    isForwardStatus: false,
    isAfterCallWorkStatus: false,
    isAcdStatus: false,
    isAllowFollowUpStatus: false,
    systemId: statusId,
  });
  const SM = 'urn:inin.com:status:statusMessagesMessage' as const;

  it('replaces on a snapshot, upserts changes and removes ids case-insensitively', () => {
    const snap: StatusMessagesMessage = {
      __type: SM,
      isDelta: false,
      statusMessagesAdded: [entry('Available'), entry('Away')],
    };
    const next = mergeStatusMessages(mergeStatusMessages(undefined, snap), {
      __type: SM,
      isDelta: true,
      statusMessagesChanged: [entry('Available', 'Ready')],
      statusMessagesRemoved: ['AWAY'],
    });
    assert.deepEqual([...next.keys()], ['Available']);
    assert.equal(next.get('Available')?.messageText, 'Ready');
  });
});
