/** What each client call puts on the wire (paths, methods, bodies), against a recording fetch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicError } from '../errors.js';
import { jsonResponse, recordingClient as client } from '../testing/fake-fetch.js';

const U = 'urn:inin.com:';

describe('station', () => {
  it('sends each of the four station types', async () => {
    const { c, last } = await client();
    await c.station.set({ kind: 'workstation', workstation: '7001' });
    assert.deepEqual(last(), {
      method: 'PUT',
      path: 'connection/station',
      query: '',
      body: {
        __type: `${U}connection:workstationSettings`,
        supportedMediaTypes: [1],
        readyForInteractions: true,
        workstation: '7001',
      },
    });
    await c.station.set({ kind: 'remoteWorkstation', workstation: '7001', remoteNumber: '+13175550199' });
    assert.equal((last().body as { __type: string }).__type, `${U}connection:remoteWorkstationSettings`);
    await c.station.set({ kind: 'remoteNumber', remoteNumber: '+13175550199', persistentConnection: true });
    assert.deepEqual(last().body, {
      __type: `${U}connection:remoteNumberSettings`,
      supportedMediaTypes: [1],
      readyForInteractions: true,
      remoteNumber: '+13175550199',
      persistentConnection: true,
    });
    await c.station.set({ kind: 'stationless', readyForInteractions: false });
    assert.deepEqual(last().body, {
      __type: `${U}connection:stationlessSettings`,
      supportedMediaTypes: [1],
      readyForInteractions: false,
    });
    await c.station.remove();
    assert.equal(last().method, 'DELETE');
  });

  it('refuses an empty workstation name before sending', async () => {
    const { c, fetch } = await client();
    const before = fetch.calls.length;
    await assert.rejects(c.station.set({ kind: 'workstation', workstation: '' }), (e: unknown) => {
      assert.ok(e instanceof CicError);
      assert.equal(e.kind, 'schema');
      assert.equal(e.path, 'workstation');
      return true;
    });
    assert.equal(fetch.calls.length, before);
  });
});

describe('status', () => {
  it('sets a status (202 + requestId) with notes, forward number and until', async () => {
    const { c, last } = await client(() => jsonResponse(202, { requestId: 'req-9' }));
    const op = await c.status.set('agent1', {
      statusId: 'Out of the Office',
      notes: 'back soon',
      forwardNumber: '+13175550100',
      until: { untilDateTime: '20261123T170000Z', hasDate: true, hasTime: true },
    });
    assert.equal(op.requestId, 'req-9');
    assert.deepEqual(last(), {
      method: 'PUT',
      path: 'status/user-statuses/agent1',
      query: '',
      body: {
        statusId: 'Out of the Office',
        notes: 'back soon',
        forwardNumber: '+13175550100',
        until: { untilDateTime: '20261123T170000Z', hasDate: true, hasTime: true },
      },
    });
    c.messages.deliver({
      __type: `${U}messaging:asyncOperationCompletedMessage`,
      isDelta: false,
      requestId: 'req-9',
      error: null,
    });
    await op.completion();
  });

  it('refuses an until date that is not an ICWS date', async () => {
    const { c } = await client();
    await assert.rejects(
      c.status.set('agent1', {
        statusId: 'Away',
        until: { untilDateTime: 'tomorrow', hasDate: true, hasTime: false },
      }),
      (e: unknown) => e instanceof CicError && e.kind === 'schema' && e.path === 'until.untilDateTime',
    );
  });
});

describe('subscriptions', () => {
  it('puts and deletes every subscription on its documented path with its body', async () => {
    const { c, last } = await client();
    const S = 'messaging/subscriptions';
    const puts: [() => Promise<void>, string, unknown][] = [
      [
        () =>
          c.subscriptions.queue(
            'mine',
            [{ queueType: 0, queueName: 'agent1' }],
            ['Eic_State', 'Eic_RemoteName'],
          ),
        `${S}/queues/mine`,
        {
          queueIds: [{ queueType: 0, queueName: 'agent1' }],
          attributeNames: ['Eic_State', 'Eic_RemoteName'],
        },
      ],
      [
        () => c.subscriptions.userStatuses(['agent1', 'agent2'], ['statusId', 'onPhone', 'loggedIn']),
        `${S}/status/user-statuses`,
        { userIds: ['agent1', 'agent2'], userStatusProperties: ['statusId', 'onPhone', 'loggedIn'] },
      ],
      [() => c.subscriptions.statusMessages(), `${S}/status/status-messages`, undefined],
      [
        () => c.subscriptions.statusMessagesUserAccess(['agent1']),
        `${S}/status/status-messages-user-access`,
        { userIds: ['agent1'] },
      ],
      [() => c.subscriptions.previousStatusInfo(), `${S}/status/user-status-previous-info`, undefined],
      [
        () => c.subscriptions.interactionHistory(20),
        `${S}/interaction-history`,
        { numberOfHistoryMessages: 20 },
      ],
      [() => c.subscriptions.station(), `${S}/connection/station`, undefined],
      [
        () => c.subscriptions.userActivations('acts', 'agent1', ['*']),
        `${S}/activations/users/acts`,
        { userId: 'agent1', workgroupIds: ['*'] },
      ],
      [
        () => c.subscriptions.workgroupActivations('wg', 'Support', ['agent1']),
        `${S}/activations/workgroups/wg`,
        { workgroupId: 'Support', userIds: ['agent1'] },
      ],
      [() => c.subscriptions.directories(), `${S}/directories`, undefined],
      [
        () => c.subscriptions.directory('dir', { directoryID: 'Company Directory', index: 0, count: 25 }),
        `${S}/directories/dir`,
        { directoryID: 'Company Directory', index: 0, count: 25 },
      ],
      [
        () => c.subscriptions.interactionAlerting(['Eic_RemoteName']),
        `${S}/interaction-alerting`,
        { attributeNames: ['Eic_RemoteName'] },
      ],
      [
        () =>
          c.subscriptions.configuration('wrap-up-codes', 'wuc', {
            configurationIds: ['*'],
            properties: ['label'],
          }),
        `${S}/configuration/wrap-up-codes/wuc`,
        { configurationIds: ['*'], properties: ['label'], rightsFilter: 'view' },
      ],
    ];
    for (const [run, path, body] of puts) {
      await run();
      assert.deepEqual(last(), { method: 'PUT', path, query: '', body }, path);
    }
    const deletes: [() => Promise<void>, string][] = [
      [() => c.subscriptions.unsubscribeQueue('mine'), `${S}/queues/mine`],
      [() => c.subscriptions.unsubscribeUserStatuses(), `${S}/status/user-statuses`],
      [() => c.subscriptions.unsubscribeStatusMessages(), `${S}/status/status-messages`],
      [
        () => c.subscriptions.unsubscribeStatusMessagesUserAccess(),
        `${S}/status/status-messages-user-access`,
      ],
      [() => c.subscriptions.unsubscribePreviousStatusInfo(), `${S}/status/user-status-previous-info`],
      [() => c.subscriptions.unsubscribeInteractionHistory(), `${S}/interaction-history`],
      [() => c.subscriptions.unsubscribeStation(), `${S}/connection/station`],
      [() => c.subscriptions.unsubscribeUserActivations('acts'), `${S}/activations/users/acts`],
      [() => c.subscriptions.unsubscribeWorkgroupActivations('wg'), `${S}/activations/workgroups/wg`],
      [() => c.subscriptions.unsubscribeDirectories(), `${S}/directories`],
      [() => c.subscriptions.unsubscribeDirectory('dir'), `${S}/directories/dir`],
      [() => c.subscriptions.unsubscribeInteractionAlerting(), `${S}/interaction-alerting`],
      [() => c.subscriptions.unsubscribeConfiguration('users', 'u'), `${S}/configuration/users/u`],
    ];
    for (const [run, path] of deletes) {
      await run();
      assert.deepEqual(last(), { method: 'DELETE', path, query: '', body: undefined }, path);
    }
  });

  it('refuses a queue subscription without attribute names', async () => {
    const { c } = await client();
    await assert.rejects(
      c.subscriptions.queue('q', [{ queueType: 2, queueName: 'Support' }], []),
      (e: unknown) => e instanceof CicError && e.path === 'attributeNames',
    );
  });
});

describe('directory, activations and configuration', () => {
  it('looks up entries and reads activations and configuration lists', async () => {
    const { c, last } = await client((request) => {
      if (request.url.pathname.endsWith('lookup-entries')) {
        return jsonResponse(200, {
          lookupEntriesList: [{ lookupEntryType: 1, displayName: 'Agent Two', extension: '7002' }],
          moreEntriesMatched: false,
        });
      }
      if (request.url.pathname.includes('/activations/')) {
        return jsonResponse(200, { userId: 'agent1', activations: { Support: true, Sales: false } });
      }
      return jsonResponse(200, {
        items: [{ configurationId: { id: '100', displayName: 'Billing' }, description: 'x' }],
      });
    });
    const found = await c.directory.lookup({
      lookupEntryTypes: [1],
      lookupEntryProperties: [1, 2, 3, 4],
      lookupComparisonType: 3,
      lookupString: 'two',
      maxEntries: 15,
    });
    assert.equal(found.lookupEntriesList[0]?.extension, '7002');
    assert.equal(last().path, 'directories/lookup-entries');
    const set = await c.activations.set('agent1', { Sales: false });
    assert.deepEqual(
      [last().method, last().body, set.activations],
      ['PUT', { activations: { Sales: false } }, { Support: true, Sales: false }],
    );
    const items = await c.configuration.list('account-codes', ['description']);
    assert.equal(items[0]?.configurationId.id, '100');
    assert.equal(last().query, '?select=description&rightsFilter=view');
  });
});
