import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Input } from './inputs.js';
import { added, CONNECTED_CAPS, iid, inbound, loggedOn, run } from './testing/fixtures.js';

describe('command failures', () => {
  const failed = (operation: Extract<Input, { kind: 'obs.command.failed' }>['operation']): Input => ({
    kind: 'obs.command.failed',
    operation,
    interactionId: null,
    requestId: null,
    errorKind: 'network',
    errorId: null,
    message: null,
  });
  it('ends the session locally when logging off fails', () => {
    const s = run(loggedOn(), { kind: 'intent.logout' }, failed('logoff')).state;
    assert.equal(s.session.current.phase, 'signedOut');
  });
  it('reopens the password form with an error when the change fails to reach the server', () => {
    const s = run(
      loggedOn(),
      { kind: 'intent.password.open' },
      { kind: 'intent.password.change', oldPassword: 'a', newPassword: 'b', confirmPassword: 'b' },
      failed('changePassword'),
    ).state;
    assert.deepEqual(s.session.password, {
      reason: 'voluntary',
      status: 'editing',
      errors: ['password.error.unknown'],
    });
  });
  it('stops waiting for directory pages and search results', () => {
    const d = run(loggedOn(), { kind: 'intent.directory.search', text: 'a' }, failed('directoryPage')).state;
    assert.equal(d.directory.requestId, null);
    const t = run(
      loggedOn(),
      added('1', inbound('C', CONNECTED_CAPS)),
      { kind: 'intent.transfer.search', interactionId: iid('1'), text: 'a', targetTypes: [] },
      failed('transferSearch'),
    ).state;
    assert.equal(t.transfer.search?.status, 'done');
    assert.deepEqual(
      t.notices.items.map((n) => n.key),
      ['command.error.network'],
    );
  });
  it('keeps at most five notices', () => {
    const s = run(loggedOn(), ...Array.from({ length: 7 }, () => failed('dtmf'))).state;
    assert.deepEqual(
      s.notices.items.map((n) => n.id),
      [3, 4, 5, 6, 7],
    );
  });
});
