import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Right } from '../rights.js';
import { loggedOn, ME, ofKind, run, sid, status, T0 } from '../testing/fixtures.js';
import { selectStatusBar, selectStatusChoices, selectStatusDetails } from './status-selectors.js';

describe('status bar', () => {
  it('shows the current status and time in status (hh:mm:ss) at the current clock', () => {
    const s = run(loggedOn(), { kind: 'clock.tick', now: T0 + 3_661_000 }).state;
    const bar = selectStatusBar(s);
    assert.equal(bar?.text, 'Available');
    assert.equal(bar?.timeInStatus, '01:02:01');
  });
  it('adjusts time in status for the server clock', () => {
    const s = loggedOn();
    const skewed = {
      ...s,
      session: {
        ...s.session,
        current:
          s.session.current.phase === 'active'
            ? { ...s.session.current, info: { ...s.session.current.info, clockSkewMs: 30_000 } }
            : s.session.current,
      },
    };
    assert.equal(selectStatusBar(skewed)?.timeInStatus, '00:01:30');
  });
  it('shows a supervisor change at once, with the time it happened', () => {
    const r = run(loggedOn(), {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: ME, statusId: 'At Lunch', notes: 'set by supervisor', changedAt: T0 }],
      now: T0 + 10_000,
    });
    const bar = selectStatusBar(r.state);
    assert.equal(bar?.statusId, 'At Lunch');
    assert.equal(bar?.notes, 'set by supervisor');
    assert.equal(bar?.timeInStatus, '00:00:10');
  });
  it('starts the timer at "now" when the server gives no change time', () => {
    const r = run(
      loggedOn(),
      {
        kind: 'obs.status.user',
        isDelta: true,
        statuses: [{ userId: ME, statusId: 'Gone Home' }],
        now: T0 + 5000,
      },
      { kind: 'clock.tick', now: T0 + 7000 },
    );
    assert.equal(selectStatusBar(r.state)?.timeInStatus, '00:00:02');
  });
});

describe('status choices', () => {
  it('lists selectable statuses the agent has access to, in catalog order', () => {
    const { list } = selectStatusChoices(loggedOn());
    assert.deepEqual(
      list.map((c) => c.statusId),
      ['Available', 'Available, Forward', 'At Lunch', 'Out of the Office'],
    );
    assert.equal(list[0]?.current, true);
    assert.equal(list[1]?.needsDetails, true);
  });
  it('filters by search text, case-insensitively', () => {
    assert.deepEqual(
      selectStatusChoices(loggedOn(), ' avail ').list.map((c) => c.statusId),
      ['Available', 'Available, Forward'],
    );
    assert.deepEqual(
      selectStatusChoices(loggedOn(), 'lunch').list.map((c) => c.statusId),
      ['At Lunch'],
    );
  });
  it('follows access and catalog changes', () => {
    const r = run(
      loggedOn(),
      { kind: 'obs.status.access', userId: ME, isDelta: true, added: ['gone home'], removed: ['At Lunch'] },
      {
        kind: 'obs.status.catalog',
        isDelta: true,
        upserted: [status('In a Meeting')],
        removed: ['Out of the Office'],
      },
      { kind: 'obs.status.access', userId: ME, isDelta: true, added: ['In a Meeting'], removed: [] },
    );
    assert.deepEqual(
      selectStatusChoices(r.state).list.map((c) => c.statusId),
      ['Available', 'Available, Forward', 'Gone Home', 'In a Meeting'],
    );
    assert.equal(
      run(loggedOn(), { kind: 'obs.status.access', userId: 'other', isDelta: false, added: [], removed: [] })
        .diagnostics[0]?.code,
      'stale',
    );
  });
});

describe('intent.setStatus', () => {
  it('asks the server and changes the bar only when the server confirms', () => {
    const r = run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('At Lunch') });
    assert.deepEqual(r.effects, [
      {
        kind: 'cic.setStatus',
        userId: ME,
        statusId: 'At Lunch',
        notes: null,
        forwardNumber: null,
        until: null,
      },
    ]);
    assert.equal(selectStatusBar(r.state)?.statusId, 'Available');
    assert.equal(selectStatusBar(r.state)?.pendingStatusId, 'At Lunch');
    const confirmed = run(r.state, {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: ME, statusId: 'at lunch', changedAt: T0 }],
    });
    assert.equal(selectStatusBar(confirmed.state)?.pendingStatusId, null);
  });
  it('requires a forward number for forward statuses', () => {
    const missing = run(loggedOn(), {
      kind: 'intent.setStatus',
      statusId: sid('Available, Forward'),
      forwardNumber: '  ',
    });
    assert.deepEqual(missing.effects, []);
    assert.equal(missing.diagnostics[0]?.reason, 'forwardNumberRequired');
    const ok = run(loggedOn(), {
      kind: 'intent.setStatus',
      statusId: sid('Available, Forward'),
      forwardNumber: ' 3175550000 ',
    });
    assert.equal(ofKind(ok.effects, 'cic.setStatus')[0]?.forwardNumber, '3175550000');
  });
  it('drops a forward number for other statuses', () => {
    const r = run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Available'), forwardNumber: '555' });
    assert.equal(ofKind(r.effects, 'cic.setStatus')[0]?.forwardNumber, null);
  });
  it('accepts "until" only where the status allows date or time', () => {
    const until = { at: T0 + 3_600_000, hasDate: false, hasTime: true };
    assert.equal(
      run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Available'), until }).diagnostics[0]?.reason,
      'untilNotAllowed',
    );
    assert.equal(
      run(loggedOn(), {
        kind: 'intent.setStatus',
        statusId: sid('At Lunch'),
        until: { ...until, hasDate: true },
      }).diagnostics[0]?.reason,
      'untilNotAllowed',
    );
    assert.deepEqual(
      ofKind(
        run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('At Lunch'), until }).effects,
        'cic.setStatus',
      )[0]?.until,
      until,
    );
    const both = { at: T0, hasDate: true, hasTime: true };
    assert.equal(
      run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Out of the Office'), until: both }).effects
        .length,
      1,
    );
  });
  it('refuses unknown, system-only and inaccessible statuses', () => {
    assert.equal(
      run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Nope') }).diagnostics[0]?.reason,
      'unknownStatus',
    );
    assert.equal(
      run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Available, Not Answering Calls') })
        .diagnostics[0]?.reason,
      'statusNotSelectable',
    );
    assert.equal(
      run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('Gone Home') }).diagnostics[0]?.reason,
      'statusNotSelectable',
    );
  });
  it('needs the Status Notes right for notes', () => {
    const s = loggedOn({ rights: Object.values(Right).filter((r) => r !== Right.StatusNotes) });
    const r = run(s, { kind: 'intent.setStatus', statusId: sid('At Lunch'), notes: 'back at 1' });
    assert.equal(r.diagnostics[0]?.reason, 'statusNotesNeedRight');
    assert.equal(selectStatusDetails(s, 'At Lunch')?.notes.allowed, false);
    assert.equal(
      ofKind(
        run(loggedOn(), { kind: 'intent.setStatus', statusId: sid('At Lunch'), notes: ' back at 1 ' })
          .effects,
        'cic.setStatus',
      )[0]?.notes,
      'back at 1',
    );
  });
  it('clears the pending change when the server refuses it', () => {
    const r = run(
      loggedOn(),
      { kind: 'intent.setStatus', statusId: sid('At Lunch') },
      {
        kind: 'obs.command.failed',
        operation: 'setStatus',
        interactionId: null,
        requestId: null,
        errorKind: 'forbidden',
        errorId: null,
        message: null,
      },
    );
    assert.equal(r.state.status.pending, null);
    assert.deepEqual(
      r.state.notices.items.map((n) => n.key),
      ['command.error.forbidden'],
    );
  });
});

describe('status details', () => {
  it('pre-fills notes and forward number from previous-status info', () => {
    const s = run(loggedOn(), {
      kind: 'obs.status.previous',
      entries: [{ statusId: 'available, forward', notes: 'at home', forwardNumber: '3175550000' }],
    }).state;
    assert.deepEqual(selectStatusDetails(s, 'Available, Forward'), {
      statusId: 'Available, Forward',
      notes: { allowed: true, value: 'at home' },
      forwardNumber: { enabled: true, required: true, value: '3175550000' },
      until: { date: false, time: false },
    });
    assert.deepEqual(selectStatusDetails(s, 'Out of the Office')?.until, { date: true, time: true });
    assert.equal(selectStatusDetails(s, 'At Lunch')?.forwardNumber.enabled, false);
    assert.equal(selectStatusDetails(s, 'nope'), null);
  });
  it('pre-fills from the current status when editing it', () => {
    const s = run(loggedOn(), {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: ME, notes: 'on shift' }],
    }).state;
    assert.equal(selectStatusDetails(s, 'Available')?.notes.value, 'on shift');
  });
});

describe('favourites', () => {
  it('toggles a favourite, saves it per user and shows it in the bar', () => {
    const r = run(loggedOn(), { kind: 'intent.toggleFavourite', statusId: sid('at lunch') });
    assert.deepEqual(ofKind(r.effects, 'storage.saveUserPrefs'), [
      {
        kind: 'storage.saveUserPrefs',
        userId: ME,
        prefs: { favourites: ['At Lunch'], station: null, ringMuted: false },
      },
    ]);
    const choices = selectStatusChoices(r.state);
    assert.deepEqual(
      choices.favourites.map((c) => c.statusId),
      ['At Lunch'],
    );
    assert.equal(choices.list.find((c) => c.statusId === 'At Lunch')?.favourite, true);
    const off = run(r.state, { kind: 'intent.toggleFavourite', statusId: sid('At Lunch') });
    assert.deepEqual(ofKind(off.effects, 'storage.saveUserPrefs')[0]?.prefs.favourites, []);
  });
  it('loads favourites from storage and hides ones no longer selectable', () => {
    const s = run(loggedOn(), {
      kind: 'obs.storage.userPrefs',
      userId: ME,
      prefs: { favourites: ['Gone Home', 'Available', 42 as unknown as string] },
    }).state;
    assert.deepEqual(s.prefs.value.favourites, ['Gone Home', 'Available']);
    assert.deepEqual(
      selectStatusChoices(s).favourites.map((c) => c.statusId),
      ['Available'],
    );
  });
  it('refuses unknown statuses', () => {
    assert.equal(
      run(loggedOn(), { kind: 'intent.toggleFavourite', statusId: sid('Nope') }).diagnostics[0]?.reason,
      'unknownStatus',
    );
  });
});
