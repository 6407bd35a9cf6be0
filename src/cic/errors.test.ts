import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicError, formatPath, toPortFailure } from './errors.js';
import type { CommandFailureKind } from './errors.js';

const http = (status: number) =>
  new CicError({ kind: 'http', operation: 'op', status, errorId: `e.${status}`, message: `m${status}` });

describe('CicError', () => {
  it('carries the data of its kind and names the operation in its message', () => {
    const error = http(404);
    assert.equal(error.name, 'CicError');
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 404);
    assert.equal(error.errorId, 'e.404');
    assert.equal(error.serverMessage, 'm404');
    assert.match(error.message, /^op: HTTP 404 e\.404: m404$/);
    const lost = new CicError({ kind: 'session-lost', operation: 'op', reason: 'gone' });
    assert.equal(lost.reason, 'gone');
    assert.equal(lost.status, null);
  });

  it('formats issue paths', () => {
    assert.equal(formatPath([]), '(root)');
    assert.equal(formatPath(['a', 0, 'b', 12]), 'a[0].b[12]');
  });
});

describe('toPortFailure', () => {
  it('maps kinds and HTTP statuses onto the domain command error kinds', () => {
    const cases: [unknown, CommandFailureKind][] = [
      [http(400), 'rejected'],
      [http(403), 'forbidden'],
      [http(404), 'notFound'],
      [http(410), 'rejected'],
      [http(500), 'unknown'],
      [new CicError({ kind: 'network', operation: 'op' }), 'network'],
      [new CicError({ kind: 'aborted', operation: 'op' }), 'network'],
      [new CicError({ kind: 'session-lost', operation: 'op', reason: 'x' }), 'session'],
      [new CicError({ kind: 'schema', operation: 'op', issues: [] }), 'unknown'],
      [new TypeError('boom'), 'unknown'],
    ];
    for (const [error, kind] of cases) assert.equal(toPortFailure(error).kind, kind, String(error));
    assert.deepEqual(toPortFailure(http(403)), { kind: 'forbidden', errorId: 'e.403', message: 'm403' });
  });
});
