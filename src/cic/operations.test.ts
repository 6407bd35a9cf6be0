import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicError } from './errors.js';
import { AsyncOperations } from './operations.js';

const done = (requestId: string, error: { errorId?: string; message?: string } | null = null) => ({
  __type: 'urn:inin.com:messaging:asyncOperationCompletedMessage' as const,
  isDelta: false,
  requestId,
  error,
});

describe('AsyncOperations', () => {
  it('resolves a wait when the completion arrives later', async () => {
    const ops = new AsyncOperations();
    const waiting = ops.wait('r1');
    ops.observe(done('r1'));
    await waiting;
  });

  it('resolves at once when the completion arrived before the wait', async () => {
    const ops = new AsyncOperations();
    ops.observe(done('r2'));
    await ops.operation('r2').completion();
  });

  it('rejects with an http error carrying the errorId when the operation failed', async () => {
    const ops = new AsyncOperations();
    const waiting = ops.wait('r3');
    ops.observe(done('r3', { errorId: 'error.status.notAllowed', message: 'Not allowed' }));
    await assert.rejects(waiting, (error: unknown) => {
      assert.ok(error instanceof CicError);
      assert.equal(error.kind, 'http');
      assert.equal(error.errorId, 'error.status.notAllowed');
      assert.equal(error.serverMessage, 'Not allowed');
      return true;
    });
  });

  it('rejects pending and later waits with session-lost, and honours abort', async () => {
    const ops = new AsyncOperations();
    const controller = new AbortController();
    const aborted = ops.wait('r4', controller.signal);
    controller.abort();
    await assert.rejects(aborted, (e: unknown) => e instanceof CicError && e.kind === 'aborted');
    const pending = ops.wait('r5');
    ops.sessionLost({ reason: 'gone', shouldReconnect: null, source: 'unauthorized' });
    await assert.rejects(pending, (e: unknown) => e instanceof CicError && e.kind === 'session-lost');
    await assert.rejects(ops.wait('r6'), (e: unknown) => e instanceof CicError && e.reason === 'gone');
  });

  it('ignores other messages', async () => {
    const ops = new AsyncOperations();
    ops.observe({ kind: 'unrecognized', type: 'urn:x', raw: {} });
    const waiting = ops.wait('r7');
    ops.observe(done('other'));
    ops.observe(done('r7'));
    await waiting;
  });
});
