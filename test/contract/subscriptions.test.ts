/** Contract: subscriptions (PUT snapshot then deltas, DELETE), directories, activations, configuration. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LookupComparisonType, LookupEntryProperty, LookupEntryType } from '../../src/cic/index.js';
import type { ConfigurationCollection } from '../../src/cic/index.js';
import { lastReply, rejects, withHarness } from './harness.js';

describe('contract: subscriptions', () => {
  it('queues: system, user and workgroup queues with chosen attributes; snapshot then deltas; DELETE', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1', { queue: false });
      const { subscriptions } = a1.client;
      await subscriptions.queue(
        'mine',
        [{ queueType: 0, queueName: 'agent1' }],
        ['Eic_State', 'Eic_RemoteName'],
      );
      assert.equal((await a1.next('urn:inin.com:queues:queueContentsMessage')).isDelta, false);
      await subscriptions.queue('user', [{ queueType: 1, queueName: 'agent1' }], ['Eic_State']);
      await a1.next('urn:inin.com:queues:queueContentsMessage', (m) => m.subscriptionId === 'user');
      await subscriptions.queue(
        'support',
        [{ queueType: 2, queueName: 'Support' }],
        ['Eic_State', 'Eic_WorkgroupName'],
      );
      const wg = await a1.next(
        'urn:inin.com:queues:queueContentsMessage',
        (m) => m.subscriptionId === 'support',
      );
      assert.equal(wg.isDelta, false);

      const id = await h.call({ workgroup: 'Support' });
      await a1.state(id, 'A');
      const attributes = a1.interaction(id)?.attributes ?? {};
      assert.deepEqual(
        Object.keys(attributes).sort(),
        ['Eic_RemoteName', 'Eic_State'],
        'only the chosen attributes',
      );
      await a1.until(() => a1.queues.get('support').has(id), 'the call shows in the workgroup queue');

      await subscriptions.unsubscribeQueue('support');
      assert.ok(lastReply(h, 'DELETE', '/messaging/subscriptions/queues/support').status < 300);
      await rejects(
        subscriptions.queue('bad', [{ queueType: 2, queueName: 'No Such Workgroup' }], ['Eic_State']),
        {
          kind: 'http',
        },
      );
    }));

  it('interaction alerting and interaction history', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1');
      await a1.client.subscriptions.interactionAlerting(['Eic_RemoteName']);
      await a1.client.subscriptions.interactionHistory(10);
      await a1.next('urn:inin.com:interactions:historyMessage', (m) => !m.isDelta);
      const id = await h.call({ user: 'agent1' });
      const alert = await a1.next('urn:inin.com:interactions:interactionAlertingMessage', (m) =>
        m.alertingInteractionDetails.some((d) => d.interactionId === id && d.alertAction === 1),
      );
      assert.ok(alert);
      await a1.state(id, 'A');
      await a1.client.interactions.pickup(id);
      await a1.next('urn:inin.com:interactions:interactionAlertingMessage', (m) =>
        m.alertingInteractionDetails.some((d) => d.interactionId === id && d.alertAction === 2),
      );
      await a1.client.interactions.disconnect(id);
      await a1.next('urn:inin.com:interactions:historyMessage', (m) =>
        m.interactionHistory.some((entry) => entry.interactionId === id),
      );
      await a1.client.subscriptions.unsubscribeInteractionAlerting();
      await a1.client.subscriptions.unsubscribeInteractionHistory();
      await a1.client.logoff();
      await rejects(a1.client.subscriptions.interactionHistory(), { kind: 'session-lost' });
      await rejects(a1.client.subscriptions.interactionAlerting(), { kind: 'session-lost' });
    }));

  it('activations: subscribe for a user and a workgroup, GET and PUT; an unknown workgroup fails', () =>
    withHarness(async (h) => {
      const a4 = await h.agent('agent4', { queue: false });
      const { client } = a4;
      await client.subscriptions.userActivations('mine', 'agent4', ['*']);
      const snapshot = await a4.next('urn:inin.com:activations:userActivationMessage');
      assert.equal(snapshot.isDelta, false);
      await client.subscriptions.workgroupActivations('sales', 'Sales', ['agent4', 'agent5']);
      await a4.next('urn:inin.com:activations:workgroupActivationMessage');
      const before = await client.activations.get('agent4');
      assert.equal(typeof before.activations['Sales'], 'boolean');
      const after = await client.activations.set('agent4', { Sales: false });
      assert.equal(after.activations['Sales'], false);
      await a4.next(
        'urn:inin.com:activations:userActivationMessage',
        (m) => m.activationsChanged['Sales'] === false,
      );
      await rejects(client.activations.set('agent4', { 'No Such Workgroup': true }), { kind: 'http' });
      await rejects(client.activations.get('nobody'), { kind: 'http', status: 404 });
      await client.subscriptions.unsubscribeUserActivations('mine');
      await client.subscriptions.unsubscribeWorkgroupActivations('sales');
    }));

  it('directories: the list, one directory page, lookup-entries; an unknown directory fails', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1', { queue: false });
      const { client } = a1;
      await client.subscriptions.directories();
      const list = await a1.next('urn:inin.com:directories:directoriesMessage');
      const directoryID = list.directoriesAdded?.[0]?.directoryID;
      assert.ok(directoryID, 'at least one directory');
      await client.subscriptions.directory('page', { directoryID, index: 0, count: 20 });
      const page = await a1.next('urn:inin.com:directories:directoryMessage');
      assert.ok((page.contactsAdded ?? []).length > 0);
      const found = await client.directory.lookup({
        lookupEntryTypes: [LookupEntryType.User],
        lookupEntryProperties: [
          LookupEntryProperty.FirstName,
          LookupEntryProperty.LastName,
          LookupEntryProperty.DisplayName,
        ],
        lookupComparisonType: LookupComparisonType.Contains,
        lookupString: 'Bruno',
        maxEntries: 15,
      });
      assert.ok(
        found.lookupEntriesList.some((e) => e.extension === '7002'),
        JSON.stringify(found),
      );
      await client.subscriptions.unsubscribeDirectory('page');
      await client.subscriptions.unsubscribeDirectories();
      await rejects(client.subscriptions.directory('bad', { directoryID: 'No Such Directory' }), {
        kind: 'http',
      });
    }));

  it('configuration lists: wrap-up codes, account codes, users, workgroups (subscription and GET)', () =>
    withHarness(async (h) => {
      const a1 = await h.agent('agent1', { queue: false });
      const { client } = a1;
      const cases = [
        ['wrap-up-codes', 'urn:inin.com:configuration.people:wrapUpCodesMessage'],
        ['account-codes', 'urn:inin.com:configuration.people:accountCodesMessage'],
        ['users', 'urn:inin.com:configuration.people:usersMessage'],
        ['workgroups', 'urn:inin.com:configuration.people:workgroupsMessage'],
      ] as const;
      for (const [collection, type] of cases) {
        await client.subscriptions.configuration(collection, `cfg-${collection}`, {
          configurationIds: ['*'],
          properties: ['*'],
        });
        const snapshot = await a1.next(type);
        assert.equal(snapshot.isDelta, false, collection);
        assert.ok((snapshot.added ?? []).length > 0, `${collection} snapshot has items`);
        const items = await client.configuration.list(collection, []);
        assert.ok(items.length > 0, `GET configuration/${collection}`);
        await client.subscriptions.unsubscribeConfiguration(collection, `cfg-${collection}`);
      }
      // A collection the server does not have (outside the client's typed list) is refused.
      const unknown = 'spaceships' as ConfigurationCollection;
      await rejects(
        client.subscriptions.configuration(unknown, 'x', { configurationIds: ['*'], properties: ['*'] }),
        {
          kind: 'http',
          status: 404,
        },
      );
    }));
});
