import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RecordsError } from './db.js';
import { checksumSuffix, makeId, normalizeId, sameId } from './ids.js';
import { phoneMatches } from './phone.js';
import { loadRecordsFile, openDatabase, type RecordsFile } from './records.js';

function demo(): RecordsFile {
  return structuredClone(loadRecordsFile());
}

function problems(source: unknown): string[] {
  try {
    openDatabase(source);
  } catch (error) {
    assert.ok(error instanceof RecordsError, String(error));
    return error.problems;
  }
  assert.fail('records were accepted');
}

describe('Salesforce ids', () => {
  it('adds the case checksum to 15-character ids and checks it on 18-character ones', () => {
    assert.equal(checksumSuffix('001Dm0000000001'), 'IAA');
    assert.equal(normalizeId('001Dm0000000001'), '001Dm0000000001IAA');
    assert.equal(normalizeId('001Dm0000000001iaa'), '001Dm0000000001IAA');
    assert.equal(normalizeId('001Dm0000000001XYZ'), null);
    assert.equal(normalizeId('001Dm00000'), null);
    assert.equal(normalizeId('001Dm000000000!'), null);
    assert.ok(sameId('003Dm0000000001', '003Dm0000000001IAA'));
    assert.equal(normalizeId(makeId('00T', 70)), makeId('00T', 70));
  });
});

describe('phone matching', () => {
  it('matches an E.164 ANI against formatted numbers and ignores other numbers', () => {
    assert.ok(phoneMatches('+13175550101', '(317) 555-0101'));
    assert.ok(phoneMatches('+13175550102', '317.555.0102'));
    assert.ok(phoneMatches('3175550104', '+1 317 555 0104'));
    assert.ok(phoneMatches('5550101', '(317) 555-0101'));
    assert.ok(!phoneMatches('+13175550101', '(317) 555-0102'));
    assert.ok(!phoneMatches('+13175550199', '(317) 555-0101'));
    assert.ok(!phoneMatches('12', '12'));
  });
});

describe('records', () => {
  it('loads the demo records: the CIC demo callers have their records', () => {
    const { db, file } = openDatabase();
    const names = (n: string): string[] => db.searchPhone(n).map((r) => `${r.type}:${db.displayName(r)}`);
    assert.deepEqual(names('+13175550101'), ['Contact:Pat Doe']);
    assert.deepEqual(names('+13175550102'), ['Contact:Jordan Lee', 'Contact:Casey Lee']);
    assert.deepEqual(names('+13175550103'), ['Account:Acme Corporation']);
    assert.deepEqual(names('+13175550104'), ['Account:Morgan Smith']);
    assert.deepEqual(names('+13175550105'), ['Lead:Taylor Kim']);
    assert.deepEqual(names('+13175550199'), []);
    const morgan = db.get('001Dm0000000004IAA');
    assert.ok(morgan && db.isPersonAccount(morgan));
    assert.equal(db.personAccountForContact('003Dm000000001cIAA')?.fields['Id'], '001Dm0000000004IAA');
    assert.equal(db.list('Case').length, 2);
    assert.equal(db.list('Opportunity').length, 2);
    assert.equal(db.list('Task').length, 1);
    assert.equal(file.customers[0]?.from, '+13175550101');
    assert.equal(db.currentUser.Username, 'admin@cic-demo.example');
  });

  it('computes names, the Task account and closed state', () => {
    const { db } = openDatabase();
    assert.equal(db.get('003Dm0000000001IAA')?.fields['Name'], 'Pat Doe');
    const task = db.get('00TDm0000000001MAA');
    assert.equal(task?.fields['AccountId'], '001Dm0000000002IAA');
    assert.equal(task?.fields['IsClosed'], true);
  });

  it('reads a records file from disk and reports unreadable or non-JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-records-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(demo()));
    assert.equal(openDatabase(good).db.list('Contact').length, 4);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ nope');
    assert.match(problems(bad).join('\n'), /is not JSON/);
    assert.match(problems(join(dir, 'missing.json')).join('\n'), /cannot read records file/);
  });

  it('rejects shape errors: unknown sections, users without a password', () => {
    const a = demo() as unknown as Record<string, unknown>;
    a['extra'] = 1;
    assert.match(problems(a).join('\n'), /Unrecognized key/i);
    const b = demo();
    (b.users[0] as { Password?: string }).Password = undefined;
    assert.match(problems(JSON.parse(JSON.stringify(b))).join('\n'), /users\.0\.Password/);
    const c = demo() as unknown as { records: Record<string, unknown> };
    c.records['Widget__c'] = [];
    assert.match(problems(c).join('\n'), /Widget__c/);
  });

  it('rejects bad ids: wrong key prefix, bad checksum, duplicates', () => {
    const f = demo();
    (f.records.Contact[0] as Record<string, unknown>)['Id'] = '001Dm0000000099';
    (f.records.Contact[1] as Record<string, unknown>)['Id'] = '003Dm0000000002XXX';
    (f.records.Lead as Array<Record<string, unknown>>).push({ ...(f.records.Lead[0] as Record<string, unknown>) });
    const p = problems(f).join('\n');
    assert.match(p, /Contact\[0\]\.Id: .*does not start with the Contact key prefix 003/);
    assert.match(p, /Contact\[1\]\.Id: missing or not a valid Salesforce id/);
    assert.match(p, /Lead\[1\]\.Id: duplicate id/);
  });

  it('rejects bad fields: unknown, wrong type, restricted picklist, bad phone, bad email, computed Name', () => {
    const f = demo();
    Object.assign(f.records.Contact[0] as Record<string, unknown>, { Shoe_Size__c: 9, Phone: 'call me', Email: 'nope', Name: 'X' });
    Object.assign(f.records.Lead[0] as Record<string, unknown>, { Status: 'Hot' });
    Object.assign(f.records.Opportunity[0] as Record<string, unknown>, { CloseDate: '2026-02-30', Amount: 'lots' });
    const p = problems(f).join('\n');
    assert.match(p, /No such column 'Shoe_Size__c'/);
    assert.match(p, /Business Phone: not a phone number/);
    assert.match(p, /invalid email address/);
    assert.match(p, /Unable to create fields: Name/);
    assert.match(p, /bad value for restricted picklist field: Hot/);
    assert.match(p, /Close Date: value not a valid date/);
    assert.match(p, /Amount: value not of required type/);
  });

  it('rejects broken references and person-account rules', () => {
    const f = demo();
    (f.records.Contact[0] as Record<string, unknown>)['AccountId'] = '001Dm0000000077';
    (f.records.Contact[1] as Record<string, unknown>)['AccountId'] = '001Dm0000000004IAA';
    (f.records.Case[0] as Record<string, unknown>)['ContactId'] = '00QDm0000000001MAA';
    delete (f.records.Account[3] as Record<string, unknown>)['PersonContactId'];
    (f.records.Account[0] as Record<string, unknown>)['PersonMobilePhone'] = '555 0100';
    const p = problems(f).join('\n');
    assert.match(p, /Contact\[0\]: Account ID: invalid cross reference id/);
    assert.match(p, /Contact\[1\]: Account ID: a contact can't belong to a person account/);
    assert.match(p, /Case\[0\]: Contact ID: id value of incorrect type/);
    assert.match(p, /Account\[3\]: a person account needs PersonContactId/);
    assert.match(p, /Account\[0\]: Mobile: only on person accounts/);
  });

  it('rejects a Task whose Name is a lead but which is also related to a record', () => {
    const f = demo();
    Object.assign(f.records.Task[0] as Record<string, unknown>, { WhoId: '00QDm0000000001MAA', WhatId: '001Dm0000000001IAA' });
    assert.match(problems(f).join('\n'), /a task whose Name is a lead cannot also be related to a record/);
  });
});

describe('DML rules', () => {
  it('creates a call Task with defaults and derived fields', () => {
    const { db } = openDatabase(undefined, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    const r = db.create('Task', { Subject: 'Call', TaskSubtype: 'Call', CallType: 'Inbound', CallObject: 'ix-1', WhoId: '003Dm000000001c', CallDurationInSeconds: '42' });
    assert.equal(r.success, true);
    const task = db.get(r.success ? r.id : '');
    assert.equal(task?.fields['Status'], 'Not Started');
    assert.equal(task?.fields['Priority'], 'Normal');
    assert.equal(task?.fields['WhoId'], '003Dm000000001cIAA');
    assert.equal(task?.fields['AccountId'], '001Dm0000000004IAA');
    assert.equal(task?.fields['CallDurationInSeconds'], 42);
    assert.equal(task?.fields['OwnerId'], '005Dm0000000001IAA');
    assert.equal(task?.fields['CreatedDate'], '2026-01-02T03:04:05.000+0000');
  });

  it('rejects what Salesforce rejects on update: create-only fields, cleared required fields, bad ids', () => {
    const { db } = openDatabase();
    const created = db.create('Task', { Subject: 'x', TaskSubtype: 'Call' });
    assert.ok(created.success);
    const id = created.success ? created.id : '';
    const subtype = db.update(id, { TaskSubtype: 'Task' });
    assert.equal(subtype.success, false);
    assert.equal(!subtype.success && subtype.errors[0]?.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    const cleared = db.update(id, { Status: null });
    assert.equal(!cleared.success && cleared.errors[0]?.errorCode, 'REQUIRED_FIELD_MISSING');
    const malformed = db.update('00Tnope', { Subject: 'y' });
    assert.equal(!malformed.success && malformed.errors[0]?.errorCode, 'MALFORMED_ID');
    const missing = db.update('00TDm0000000099', { Subject: 'y' });
    assert.equal(!missing.success && missing.errors[0]?.errorCode, 'ENTITY_IS_DELETED');
    const ok = db.update(id, { Status: 'Completed', CallDisposition: 'Resolved' });
    assert.ok(ok.success);
    assert.equal(db.get(id)?.fields['IsClosed'], true);
    assert.equal(db.get(id)?.fields['TaskSubtype'], 'Call');
  });

  it('requires the required fields on create', () => {
    const { db } = openDatabase();
    const r = db.create('Lead', { FirstName: 'No' });
    assert.equal(r.success, false);
    assert.match(!r.success ? (r.errors[0]?.message ?? '') : '', /Required fields are missing: \[LastName, Company\]/);
    const acc = db.create('Account', { Phone: '555 0100' });
    assert.match(!acc.success ? (acc.errors[0]?.message ?? '') : '', /\[Name\]/);
  });
});
