import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsforce, { type Connection } from 'jsforce';
import type { ConsoleEmulator } from './server.js';
import { http, startTestEmulator } from './test-support.js';

const ADMIN = { username: 'admin@cic-demo.example', password: 'Demo-Admin-1' };

describe('Salesforce REST subset (with the real jsforce)', () => {
  let emulator: ConsoleEmulator;
  let conn: Connection;

  before(async () => {
    emulator = await startTestEmulator();
    conn = new jsforce.Connection({ loginUrl: emulator.url, version: '62.0' });
    const info = await conn.login(ADMIN.username, ADMIN.password);
    assert.equal(info.id, '005Dm0000000001IAA');
    assert.equal(info.organizationId, '00DDm0000000001MAA');
  });
  after(() => emulator.close());

  it('logs in with SOAP and points the connection at the emulator', () => {
    assert.equal(conn.instanceUrl, emulator.url);
    assert.ok(conn.accessToken && conn.accessToken.startsWith('00DDm0000000001!'));
  });

  it('refuses a wrong password with INVALID_LOGIN', async () => {
    const other = new jsforce.Connection({ loginUrl: emulator.url, version: '62.0' });
    await assert.rejects(other.login(ADMIN.username, 'wrong'), /INVALID_LOGIN/);
  });

  it('refuses REST calls without a session', async () => {
    const r = await http(emulator.url, 'GET', '/services/data/v62.0/sobjects/Task/describe');
    assert.equal(r.status, 401);
    assert.deepEqual(r.body, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const bogus = new jsforce.Connection({ instanceUrl: emulator.url, accessToken: 'nope', version: '62.0' });
    await assert.rejects(bogus.sobject('Task').describe(), /Session expired or invalid/);
  });

  it('creates, retrieves and updates a call Task', async () => {
    const created = await conn.sobject('Task').create({
      Subject: 'Call 11/22/2026, 9:00:00 AM',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallObject: 'rest-ix-1',
      Status: 'Completed',
      WhoId: '003Dm0000000001IAA',
    });
    assert.equal(created.success, true);
    const id = created.id as string;
    assert.match(id, /^00T[0-9A-Za-z]{15}$/);
    const updated = await conn.sobject('Task').update({ Id: id, CallDurationInSeconds: 95, CallDisposition: 'Resolved' });
    assert.deepEqual(updated, { id, success: true, errors: [] });
    const task = (await conn.sobject('Task').retrieve(id)) as Record<string, unknown>;
    assert.equal(task['CallDurationInSeconds'], 95);
    assert.equal(task['CallDisposition'], 'Resolved');
    assert.equal(task['AccountId'], '001Dm0000000002IAA');
    assert.equal(task['IsClosed'], true);
    assert.deepEqual(task['attributes'], { type: 'Task', url: `/services/data/v62.0/sobjects/Task/${id}` });
    const tasks = (await http(emulator.url, 'GET', '/__console/v1/tasks')).body as { tasks: Array<Record<string, unknown>> };
    assert.ok(tasks.tasks.some((t) => t['Id'] === id && t['CallObject'] === 'rest-ix-1'));
  });

  it('turns DML errors into jsforce errors with the Salesforce error code', async () => {
    await assert.rejects(conn.sobject('Task').create({ Subject: 'x', CallType: 'inbound' }), (error: Error) => {
      assert.equal(error.name, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
      assert.match(error.message, /bad value for restricted picklist field: inbound/);
      return true;
    });
    await assert.rejects(conn.sobject('Task').create({ Subject: 'x', Bogus__c: 1 }), { name: 'INVALID_FIELD' });
    const created = await conn.sobject('Task').create({ Subject: 'y', TaskSubtype: 'Call' });
    await assert.rejects(conn.sobject('Task').update({ Id: created.id as string, TaskSubtype: 'Task' }), { name: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    await assert.rejects(conn.sobject('Task').retrieve('00TDm0000000999'), { name: 'NOT_FOUND' });
  });

  it('creates several records through composite/sobjects', async () => {
    const results = await conn.sobject('Task').create([
      { Subject: 'a', CallObject: 'multi-1' },
      { Subject: 'b', CallType: 'Sideways' },
    ]);
    assert.equal(results[0]?.success, true);
    assert.equal(results[1]?.success, false);
  });

  it('describes Task with the call fields and their picklists', async () => {
    const d = await conn.sobject('Task').describe();
    const field = (name: string) => d.fields.find((f) => f.name === name);
    assert.deepEqual(
      field('CallType')?.picklistValues?.map((p) => p.value),
      ['Inbound', 'Internal', 'Outbound'],
    );
    assert.equal(field('CallType')?.restrictedPicklist, true);
    assert.equal(field('TaskSubtype')?.updateable, false);
    assert.equal(field('TaskSubtype')?.createable, true);
    assert.equal(field('CallDurationInSeconds')?.type, 'int');
    assert.equal(field('Status')?.picklistValues?.find((p) => p.defaultValue)?.value, 'Not Started');
    assert.deepEqual(field('WhoId')?.referenceTo, ['Contact', 'Lead']);
  });

  it('answers simple SOQL on Task', async () => {
    await conn.sobject('Task').create({ Subject: 'q1', CallObject: 'soql-ix', CallType: 'Outbound', WhatId: '001Dm0000000001IAA' });
    await conn.sobject('Task').create({ Subject: 'q2', CallObject: 'soql-ix', CallType: 'Inbound' });
    const r = await conn.query<{ Id: string; Subject: string; CallType: string }>(
      "SELECT Id, Subject, CallType FROM Task WHERE CallObject = 'soql-ix' AND (CallType = 'Outbound' OR WhatId != null) ORDER BY Subject DESC LIMIT 5",
    );
    assert.equal(r.totalSize, 1);
    assert.equal(r.records[0]?.Subject, 'q1');
    const all = await conn.query<{ Subject: string }>("SELECT Subject FROM Task WHERE CallObject IN ('soql-ix', 'nothing') ORDER BY Subject");
    assert.deepEqual(all.records.map((t) => t.Subject), ['q1', 'q2']);
    const like = await conn.query("SELECT Id FROM Task WHERE Subject LIKE 'Q%' AND CreatedDate > 2000-01-01T00:00:00Z");
    assert.ok(like.totalSize >= 2);
    const byId = await conn.query(`SELECT Id FROM Contact WHERE Id = '003Dm0000000001'`);
    assert.equal(byId.totalSize, 1);
    const count = await http(emulator.url, 'GET', `/services/data/v62.0/query?q=${encodeURIComponent("SELECT COUNT() FROM Task WHERE CallObject = 'soql-ix'")}`, undefined, {
      authorization: `Bearer ${conn.accessToken}`,
    });
    assert.equal((count.body as { totalSize: number }).totalSize, 2);
  });

  it('rejects SOQL it does not understand instead of guessing', async () => {
    await assert.rejects(async () => conn.query('SELECT Id FROM Task WHERE'), { name: 'MALFORMED_QUERY' });
    await assert.rejects(async () => conn.query('SELECT Who.Name FROM Task'), { name: 'MALFORMED_QUERY' });
    await assert.rejects(async () => conn.query('SELECT Nope FROM Task'), { name: 'INVALID_FIELD' });
    await assert.rejects(async () => conn.query('SELECT Id FROM Widget__c'), { name: 'INVALID_TYPE' });
  });

  it('answers FIND {…} IN PHONE FIELDS with the matching records', async () => {
    const r = await conn.search('FIND {\\+13175550102} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone), Lead(Id, Name), Account(Id, Name)');
    assert.deepEqual(
      r.searchRecords.map((x) => [x.attributes?.type, (x as Record<string, unknown>)['Name']]),
      [
        ['Contact', 'Jordan Lee'],
        ['Contact', 'Casey Lee'],
      ],
    );
    const pat = await conn.search('FIND {3175550101} IN PHONE FIELDS');
    assert.deepEqual(pat.searchRecords.map((x) => x.Id), ['003Dm0000000001IAA']);
    const person = await conn.search('FIND {+1 (317) 555-0104} IN PHONE FIELDS RETURNING Account(Id, Name, IsPersonAccount, PersonContactId)');
    assert.deepEqual(person.searchRecords.map((x) => (x as Record<string, unknown>)['PersonContactId']), ['003Dm000000001cIAA']);
    const none = await conn.search('FIND {+13175550199} IN PHONE FIELDS');
    assert.deepEqual(none.searchRecords, []);
    const byName = await conn.search('FIND {Acme} IN NAME FIELDS RETURNING Account(Name), Opportunity(Name)');
    assert.deepEqual(byName.searchRecords.map((x) => (x as Record<string, unknown>)['Name']), ['Acme Corporation', 'Acme - 200 Headsets']);
  });

  it('lets only configured origins call the REST API from a browser (CORS)', async () => {
    const cors = await startTestEmulator({ restCorsOrigins: ['https://panel.example'] });
    try {
      const ok = await http(cors.url, 'OPTIONS', '/services/data/v62.0/query', undefined, { origin: 'https://panel.example', 'access-control-request-method': 'GET' });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers['access-control-allow-origin'], 'https://panel.example');
      const no = await http(cors.url, 'OPTIONS', '/services/data/v62.0/query', undefined, { origin: 'https://evil.example' });
      assert.equal(no.status, 403);
      assert.equal(no.headers['access-control-allow-origin'], undefined);
    } finally {
      await cors.close();
    }
  });
});
