import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from '../inputs.js';
import { loggedOn, ME, run, T0 } from '../testing/fixtures.js';
import { matchesDirectorySearch, selectDirectory } from './directory-selectors.js';
import type { DirectoryEntry } from './directory-state.js';

const entry = (id: string, patch: Partial<DirectoryEntry>): DirectoryEntry => ({
  entryId: id,
  userId: id,
  displayName: '',
  firstName: '',
  lastName: '',
  extension: '',
  number: '',
  ...patch,
});
const ann = entry('ann', { firstName: 'Ann', lastName: 'Lee', extension: '7001' });
const bo = entry('bo', { displayName: 'Bo Diddley', extension: '7123' });
const page = (
  requestId: string,
  entries: DirectoryEntry[],
  index = 0,
  filteredCount = entries.length,
): Input => ({ kind: 'obs.directory.page', requestId, index, totalCount: 240, filteredCount, entries });

describe('directory', () => {
  it('requests the first page of a search and shows only the latest reply', () => {
    const r = run(
      loggedOn(),
      { kind: 'intent.directory.search', text: '' },
      { kind: 'intent.directory.search', text: ' le ' },
    );
    assert.deepEqual(r.effects, [
      { kind: 'cic.directory.page', requestId: 'r1', index: 0, count: 25, search: '' },
      { kind: 'cic.directory.page', requestId: 'r2', index: 0, count: 25, search: 'le' },
    ]);
    assert.equal(selectDirectory(r.state).loading, true);
    assert.equal(run(r.state, page('r1', [ann, bo])).diagnostics[0]?.code, 'stale');
    const shown = run(r.state, page('r2', [ann, bo]));
    assert.deepEqual(shown.effects, [{ kind: 'cic.watchUserStatuses', userIds: [ME, 'ann', 'bo'] }]);
    assert.deepEqual(
      selectDirectory(shown.state).rows.map((row) => row.name),
      ['Lee, Ann'],
    );
  });
  it('pages through the current search', () => {
    const s = run(loggedOn(), { kind: 'intent.directory.search', text: 'a' }, page('r1', [ann], 0, 60)).state;
    const r = run(s, { kind: 'intent.directory.page', index: 30 });
    assert.deepEqual(r.effects, [
      { kind: 'cic.directory.page', requestId: 'r2', index: 25, count: 25, search: 'a' },
    ]);
    assert.equal(run(s, { kind: 'intent.directory.page', index: 60 }).diagnostics[0]?.reason, 'pageIndex');
    assert.equal(run(s, { kind: 'intent.directory.page', index: -1 }).diagnostics[0]?.reason, 'pageIndex');
  });
  it('shows live presence: logged in, on the phone, status with notes and until', () => {
    const until = { at: T0 + 3_600_000, hasDate: false, hasTime: true };
    const s = run(
      loggedOn(),
      { kind: 'intent.directory.search', text: '' },
      page('r1', [ann, bo]),
      {
        kind: 'obs.status.user',
        isDelta: true,
        statuses: [
          { userId: 'ANN', statusId: 'At Lunch', notes: 'back soon', until, loggedIn: true, onPhone: false },
        ],
      },
      { kind: 'obs.status.user', isDelta: true, statuses: [{ userId: 'ann', onPhone: true }] },
    ).state;
    const [annRow, boRow] = selectDirectory(s).rows;
    assert.deepEqual(
      {
        loggedIn: annRow?.loggedIn,
        onPhone: annRow?.onPhone,
        statusText: annRow?.statusText,
        notes: annRow?.statusNotes,
        until: annRow?.until,
      },
      { loggedIn: true, onPhone: true, statusText: 'At Lunch', notes: 'back soon', until },
    );
    assert.equal(boRow?.statusText, null);
    assert.equal(boRow?.name, 'Bo Diddley');
  });
  it('matches the start of any name part or of the extension', () => {
    assert.equal(matchesDirectorySearch(ann, 'lee'), true);
    assert.equal(matchesDirectorySearch(ann, 'an'), true);
    assert.equal(matchesDirectorySearch(ann, 'ee'), false);
    assert.equal(matchesDirectorySearch(ann, '700'), true);
    assert.equal(matchesDirectorySearch(ann, '001'), false);
    assert.equal(matchesDirectorySearch(bo, 'didd'), true);
    assert.equal(matchesDirectorySearch(bo, ''), true);
  });
  it('is only available while logged on', () => {
    const s = run(loggedOn(), { kind: 'intent.logout' }).state;
    assert.equal(
      run(s, { kind: 'intent.directory.search', text: 'a' }).diagnostics[0]?.code,
      'ignoredInPhase',
    );
  });
});
