/** What each client call puts on the wire (paths, methods, bodies), against a recording fetch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicConnector } from '../connector.js';
import { CicError } from '../errors.js';
import { fakeFetch, jsonResponse, logonReply } from '../testing/fake-fetch.js';
import type { RecordedRequest } from '../testing/fake-fetch.js';

const U = 'urn:inin.com:';

async function client(reply: (request: RecordedRequest) => Response = () => jsonResponse(200)) {
  const fetch = fakeFetch((request) =>
    request.method === 'POST' && request.url.pathname === '/icws/connection' ? logonReply() : reply(request),
  );
  const connector = new CicConnector({ server: 'http://127.0.0.1:8018', applicationName: 'x', fetch });
  const c = await connector.logon({ kind: 'ic', userId: 'agent1', password: 'p' });
  const last = (): { method: string; path: string; body: unknown; query: string } => {
    const request = fetch.calls[fetch.calls.length - 1]!;
    return {
      method: request.method,
      path: request.url.pathname.replace('/icws/54613001/', ''),
      body: request.body,
      query: request.url.search,
    };
  };
  return { c, fetch, last };
}

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

describe('interactions', () => {
  it('creates a call with target, workgroup and account code and returns the id', async () => {
    const { c, last } = await client(() => jsonResponse(201, { interactionId: '1001' }));
    const id = await c.interactions.createCall({
      target: '+13175550101',
      workgroup: 'Support',
      accountCodeId: '100',
    });
    assert.equal(id, '1001');
    assert.deepEqual(last(), {
      method: 'POST',
      path: 'interactions',
      query: '',
      body: {
        __type: `${U}interactions:createCallParameters`,
        target: '+13175550101',
        workgroup: 'Support',
        accountCodeId: '100',
      },
    });
  });

  it('sends the call-control bodies the reference lists', async () => {
    const { c, last } = await client();
    const cases: [() => Promise<void>, string, unknown][] = [
      [() => c.interactions.pickup('1'), 'interactions/1/pickup', {}],
      [() => c.interactions.disconnect('1'), 'interactions/1/disconnect', {}],
      [() => c.interactions.hold('1', true), 'interactions/1/hold', { on: true }],
      [() => c.interactions.mute('1', false), 'interactions/1/mute', { on: false }],
      [() => c.interactions.makePrivate('1', true), 'interactions/1/make-private', { on: true }],
      [() => c.interactions.record('1', true), 'interactions/1/record', { on: true, supervisor: false }],
      [
        () => c.interactions.recordSnippet('1', true, { supervisor: true }),
        'interactions/1/record-snippet',
        { on: true, supervisor: true },
      ],
      [
        () => c.interactions.securePause('1', { type: 'default' }),
        'interactions/1/secure-pause',
        { securePauseType: 1 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'infinite' }),
        'interactions/1/secure-pause',
        { securePauseType: 2 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'specified', duration: 90 }),
        'interactions/1/secure-pause',
        { securePauseType: 3, duration: 90 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'resume' }),
        'interactions/1/secure-pause',
        { securePauseType: 4 },
      ],
      [() => c.interactions.sendDigits('1', '12#*'), 'interactions/1/send-digits', { dtmfDigits: '12#*' }],
      [() => c.interactions.sendToVoicemail('1'), 'interactions/1/send-to-voicemail', {}],
      [
        () => c.interactions.transferToVoicemail('1', { target: 'agent2' }),
        'interactions/1/transfer-to-voicemail',
        { target: 'agent2' },
      ],
      [
        () => c.interactions.transferToVoicemail('1', { queue: { queueType: 1, queueName: 'agent2' } }),
        'interactions/1/transfer-to-voicemail',
        { queueID: { queueType: 1, queueName: 'agent2' } },
      ],
      [
        () => c.interactions.blindTransfer('1', { target: '7002' }),
        'interactions/1/blind-transfer',
        { target: '7002' },
      ],
      [
        () => c.interactions.blindTransfer('1', { queue: { queueType: 2, queueName: 'Sales' } }),
        'interactions/1/blind-transfer',
        { queueID: { queueType: 2, queueName: 'Sales' } },
      ],
      [
        () => c.interactions.park('1', { queue: { queueType: 1, queueName: 'agent2' } }),
        'interactions/1/park',
        { queueID: { queueType: 1, queueName: 'agent2' } },
      ],
      [
        () =>
          c.interactions.assignWrapUp('1', {
            code: 'Sale',
            segmentId: 1,
            time: '20261122T090000Z',
            user: 'agent1',
            sourceInteractionId: '1',
          }),
        'interactions/1/wrap-up-assignments',
        { code: 'Sale', segmentId: 1, time: '20261122T090000Z', user: 'agent1', sourceInteractionId: '1' },
      ],
      [
        () => c.interactions.setAttributes('1', { Custom_Note: 'x' }, { appendMode: 1 }),
        'interactions/1',
        { attributes: { Custom_Note: 'x' }, appendMode: 1 },
      ],
    ];
    for (const [run, path, body] of cases) {
      await run();
      assert.deepEqual(last(), { method: 'POST', path, query: '', body }, path);
    }
  });

  it('refuses malformed commands before sending (secure-pause duration, DTMF digits)', async () => {
    const { c, fetch } = await client();
    const before = fetch.calls.length;
    await assert.rejects(c.interactions.securePause('1', { type: 'specified', duration: 0 }), CicError);
    await assert.rejects(c.interactions.sendDigits('1', '12x'), CicError);
    await assert.rejects(c.interactions.createConference([]), CicError);
    assert.equal(fetch.calls.length, before);
  });

  it('runs the consult steps', async () => {
    const { c, last } = await client((request) =>
      request.url.pathname.endsWith('/consult')
        ? jsonResponse(201, { consultId: 'c1', consultInteractionId: '1002' })
        : jsonResponse(204),
    );
    assert.deepEqual(await c.interactions.startConsult('1', { target: 'agent2' }), {
      consultId: 'c1',
      consultInteractionId: '1002',
    });
    assert.deepEqual(last().body, { target: 'agent2' });
    await c.interactions.changeConsultAudience('1', 'c1', { originalParty: true, consultedParty: true });
    assert.deepEqual(last(), {
      method: 'POST',
      path: 'interactions/1/consult/c1/change-audience',
      query: '',
      body: { audience: { originalParty: true, consultedParty: true } },
    });
    await c.interactions.concludeConsult('1', 'c1');
    assert.equal(last().path, 'interactions/1/consult/c1/conclude');
    await c.interactions.cancelConsult('1', 'c1');
    assert.deepEqual([last().method, last().path], ['DELETE', 'interactions/1/consult/c1']);
  });

  it('creates, extends and invites to a conference', async () => {
    const { c, last } = await client((request) =>
      request.method === 'POST' && request.url.pathname.endsWith('/conferences')
        ? jsonResponse(201, { conferenceId: 'conf1' })
        : jsonResponse(200),
    );
    assert.equal(await c.interactions.createConference(['1', '2']), 'conf1');
    assert.deepEqual(last().body, { interactions: ['1', '2'] });
    await c.interactions.addToConference('conf1', ['3']);
    assert.deepEqual(
      [last().method, last().path, last().body],
      ['PUT', 'interactions/conferences/conf1', { interactions: ['3'] }],
    );
    await c.interactions.inviteToConference('conf1', '+13175550123');
    assert.deepEqual(
      [last().path, last().body],
      ['interactions/conferences/conf1/invite-party', { target: '+13175550123' }],
    );
  });

  it('reads attributes with select and queries phone number details', async () => {
    const { c, last } = await client((request) =>
      request.method === 'GET'
        ? jsonResponse(200, { attributes: { Eic_State: 'C' } })
        : jsonResponse(200, {
            autoDialExtension: '',
            defaultClassification: 'Local',
            dialCapable: true,
            displayText: '(317) 555-0101',
            internal: false,
            normalizedText: '+13175550101',
            queueType: 0,
            rawText: '3175550101',
            voicemailCapable: false,
          }),
    );
    assert.deepEqual(await c.interactions.getAttributes('1', ['Eic_State', 'Eic_RemoteName']), {
      Eic_State: 'C',
    });
    assert.equal(last().query, '?select=Eic_State%2CEic_RemoteName');
    const details = await c.interactions.queryPhoneNumber('3175550101');
    assert.equal(details.normalizedText, '+13175550101');
    assert.deepEqual(
      [last().path, last().body],
      ['phone-numbers/query-details', { phoneNumber: '3175550101' }],
    );
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
