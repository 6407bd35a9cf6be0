import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { CicError } from './errors.js';
import { decode, httpError, send } from './http.js';
import { fakeFetch, jsonResponse } from './testing/fake-fetch.js';

const url = new URL('http://127.0.0.1:8018/icws/connection/server-info');

async function failure(promise: Promise<unknown>): Promise<CicError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CicError, `expected a CicError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('request core error classification', () => {
  it('classifies a fetch that throws as network and keeps the cause', async () => {
    const cause = new TypeError('fetch failed');
    const fetch = fakeFetch(() => Promise.reject(cause));
    const error = await failure(send(fetch, { method: 'GET', url, operation: 'GET x' }));
    assert.equal(error.kind, 'network');
    assert.equal(error.cause, cause);
    assert.equal(error.operation, 'GET x');
  });

  it('classifies an already-aborted signal as aborted without sending', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, {}));
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      send(fetch, { method: 'GET', url, operation: 'GET x', signal: controller.signal }),
    );
    assert.equal(error.kind, 'aborted');
    assert.equal(fetch.calls.length, 0);
  });

  it('classifies an abort during the request as aborted', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          controller.abort();
        }),
    );
    const error = await failure(
      send(fetch, { method: 'GET', url, operation: 'GET x', signal: controller.signal }),
    );
    assert.equal(error.kind, 'aborted');
  });

  it('builds an http error with status, errorId and the server message', () => {
    const error = httpError('POST connection', {
      status: 400,
      body: {
        errorId: 'error.request.connection.authenticationFailure',
        message: 'The authentication failed.',
      },
    });
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 400);
    assert.equal(error.errorId, 'error.request.connection.authenticationFailure');
    assert.equal(error.serverMessage, 'The authentication failed.');
  });

  it('builds an http error without errorId when the body is empty or not an error body', () => {
    for (const body of [undefined, 'oops', [1, 2]]) {
      const error = httpError('GET x', { status: 500, body });
      assert.equal(error.errorId, null);
      assert.equal(error.serverMessage, null);
      assert.equal(error.status, 500);
    }
  });

  it('decodes empty bodies as undefined and reports non-JSON as a schema error', async () => {
    const empty = await send(
      fakeFetch(() => new Response('', { status: 200, headers: { 'Content-Type': 'application/json' } })),
      { method: 'GET', url, operation: 'GET x' },
    );
    assert.equal(empty.body, undefined);
    const error = await failure(
      send(
        fakeFetch(() => new Response('<html>', { status: 200 })),
        { method: 'GET', url, operation: 'GET x' },
      ),
    );
    assert.equal(error.kind, 'schema');
  });

  it('reports a reply that fails its schema with the path', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
    try {
      decode(schema, { items: [{ id: 'a' }, { id: 7 }] }, 'GET items');
      assert.fail('expected a throw');
    } catch (error) {
      assert.ok(error instanceof CicError);
      assert.equal(error.kind, 'schema');
      assert.equal(error.path, 'items[1].id');
      assert.deepEqual(error.issues[0]?.path, ['items', 1, 'id']);
    }
  });

  it('sends JSON with the ICWS media type and accepts plain JSON back', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { ok: true }));
    const reply = await send(fetch, { method: 'POST', url, operation: 'POST x', body: { a: 1 } });
    assert.deepEqual(reply.body, { ok: true });
    assert.equal(fetch.calls[0]?.headers.get('content-type'), 'application/vnd.inin.icws+JSON;charset=utf-8');
    assert.match(fetch.calls[0]?.headers.get('accept') ?? '', /application\/vnd\.inin\.icws\+JSON/);
    assert.deepEqual(fetch.calls[0]?.body, { a: 1 });
  });
});
