import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Right } from '../telephony/host.js';
import { SiteError, demoSitePath, loadSite } from './load.js';

function demo(): Record<string, any> {
  return JSON.parse(readFileSync(demoSitePath, 'utf8'));
}

function expectSiteError(input: object, path: string, fragment: RegExp): SiteError {
  try {
    loadSite(input);
  } catch (error) {
    assert.ok(error instanceof SiteError, `expected SiteError, got ${String(error)}`);
    const issue = error.issues.find((i) => i.path === path);
    assert.ok(issue, `no issue at ${path}; issues: ${JSON.stringify(error.issues)}`);
    assert.match(issue.message, fragment);
    assert.match(error.message, new RegExp(path.replace(/[[\].]/g, '\\$&')));
    return error;
  }
  assert.fail('the site loaded');
}

describe('demo site', () => {
  const site = loadSite();

  it('has at least ten agents, a supervisor and three workgroups with members', () => {
    const agents = site.users.filter((u) => /^agent\d+$/.test(u.userId));
    assert.ok(agents.length >= 10);
    assert.deepEqual(agents.slice(0, 10).map((a) => a.extension), ['7001', '7002', '7003', '7004', '7005', '7006', '7007', '7008', '7009', '7010']);
    assert.ok(site.users.some((u) => u.supervisor));
    assert.deepEqual(site.workgroups.map((w) => w.name), ['Support', 'Sales', 'Billing']);
    for (const w of site.workgroups) assert.ok(w.memberIds.length > 0 && w.wrapUpCodeIds.length > 0 && w.alertTimeoutSeconds > 0);
    assert.ok(site.attendantProfiles.length > 0 && site.directoryEntries.length > 0 && site.accountCodes.length > 0);
    assert.deepEqual(site.demoCallers[0], { number: '+13175550101', name: 'Pat Doe' });
  });

  it('carries the CIC default statuses with their flags', () => {
    const ids = site.statuses.map((s) => s.statusId);
    for (const name of ['Available', 'Available, Follow-Me', 'Available, Forward', 'Available, No ACD', 'At Lunch', 'Away From Desk', 'Do Not Disturb', 'In a Meeting', 'Working at Home', 'Gone Home', 'On Vacation', 'ACD - Agent Not Answering', 'Follow Up']) {
      assert.ok(ids.includes(name), name);
    }
    assert.equal(site.status('available')?.isAcdStatus, true);
    assert.equal(site.status('Available, No ACD')?.isAcdStatus, false);
    assert.equal(site.status('Available, Forward')?.isForwardStatus, true);
    assert.equal(site.status('ACD - Agent Not Answering')?.isSelectableStatus, false);
    assert.equal(site.status('Do Not Disturb')?.isDoNotDisturbStatus, true);
    assert.equal(site.status('Working at Home')?.isDoNotDisturbStatus, false);
    assert.equal(site.status('Follow Up')?.isAfterCallWorkStatus, true);
    assert.equal(site.status('At Lunch')?.sendsToVoicemail, true);
    assert.equal(site.status('Available, Forward')?.sendsToVoicemail, false);
  });

  it('expands "*" rights, merges membership from both sides and looks up case-insensitively', () => {
    const agent1 = site.user('AGENT1');
    assert.ok(agent1?.rightSet.has(Right.RecordInteractions));
    assert.equal(site.user('agent10')?.rightSet.has(Right.RecordInteractions), false);
    assert.deepEqual(site.user('agent4')?.memberOf, ['Support', 'Sales']);
    assert.equal(site.userByExtension('7003')?.userId, 'agent3');
    assert.equal(site.workgroupByExtension('7501')?.name, 'Support');
    assert.equal(site.attendantProfile('7000')?.name, 'Main Menu');
    assert.equal(site.station('ws01')?.extension, '6001');
  });

  it('loads from a path and from an object alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ users: [{ userId: 'solo', password: 'x', displayName: 'Solo', extension: '100' }] }));
    const fromFile = loadSite(file);
    assert.equal(fromFile.users[0]?.userId, 'solo');
    assert.equal(fromFile.statuses.length, site.statuses.length, 'default statuses apply');
    assert.equal(loadSite(demo()).users.length, site.users.length);
  });
});

describe('site validation', () => {
  it('names a bad field', () => {
    const s = demo();
    s.users[3].extension = '7-004';
    expectSiteError(s, 'users[3].extension', /digits/);
  });

  it('names a missing field', () => {
    const s = demo();
    delete s.users[0].password;
    expectSiteError(s, 'users[0].password', /expected string/);
  });

  it('rejects unknown fields', () => {
    const s = demo();
    s.workgroups[0].alertTimeout = 10;
    expectSiteError(s, 'workgroups[0]', /alertTimeout/);
  });

  it('rejects unknown rights and licences', () => {
    const s = demo();
    s.users[1].rights = ['PickupInteractions', 'FlyToTheMoon'];
    expectSiteError(s, 'users[1].rights[1]', /unknown right "FlyToTheMoon"/);
    const t = demo();
    t.users[1].licenses = ['I3_NOPE'];
    expectSiteError(t, 'users[1].licenses[0]', /unknown licence/);
  });

  it('checks cross references', () => {
    const s = demo();
    s.workgroups[1].members.push('ghost');
    expectSiteError(s, `workgroups[1].members[${s.workgroups[1].members.length - 1}]`, /unknown user "ghost"/);
    const t = demo();
    t.workgroups[0].wrapUpCodeSet = 'nope';
    expectSiteError(t, 'workgroups[0].wrapUpCodeSet', /unknown wrap-up code set/);
    const u = demo();
    u.users[0].initialStatusId = 'Sleeping';
    expectSiteError(u, 'users[0].initialStatusId', /unknown status/);
    const v = demo();
    v.wrapUpCodeSets[0].codes.push('MISSING');
    expectSiteError(v, `wrapUpCodeSets[0].codes[${v.wrapUpCodeSets[0].codes.length - 1}]`, /unknown wrap-up code/);
  });

  it('checks duplicate ids and the shared dial plan', () => {
    const s = demo();
    s.users[1].userId = 'AGENT1';
    expectSiteError(s, 'users[1].userId', /duplicate user id/);
    const t = demo();
    t.workgroups[0].extension = '7001';
    expectSiteError(t, 'workgroups[0].extension', /already used by user agent1/);
  });

  it('needs a remote number on a remote workstation', () => {
    const s = demo();
    s.stations.push({ stationId: 'RW09', extension: '6199', kind: 'remoteWorkstation' });
    expectSiteError(s, `stations[${s.stations.length - 1}].remoteNumber`, /needs a remoteNumber/);
  });

  it('reports unreadable and non-JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "users": [ ');
    assert.throws(() => loadSite(file), (e: unknown) => e instanceof SiteError && /not valid JSON/.test(e.message) && e.message.includes(file));
    assert.throws(() => loadSite(join(dir, 'missing.json')), /cannot read the file/);
  });
});
