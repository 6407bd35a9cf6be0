import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser } from './sse.js';
import type { SseEvent } from './sse.js';

function feed(chunks: readonly string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const STREAM =
  ':ping\n\n' +
  'data: {"__type":"urn:inin.com:a","isDelta":false}\n\n' +
  ':ping\n' +
  'id: 7\n' +
  'data: {"x":\n' +
  'data: 1}\n\n' +
  'event: other\ndata: second\n\n';

const EXPECTED: SseEvent[] = [
  { type: 'message', data: '{"__type":"urn:inin.com:a","isDelta":false}', id: null },
  { type: 'message', data: '{"x":\n1}', id: '7' },
  { type: 'other', data: 'second', id: '7' },
];

describe('SseParser', () => {
  it('parses data lines, joins multi-line data and drops :ping comments', () => {
    assert.deepEqual(feed([STREAM]), EXPECTED);
  });

  it('gives the same events for every split of the stream into two chunks', () => {
    for (let cut = 0; cut <= STREAM.length; cut++) {
      assert.deepEqual(feed([STREAM.slice(0, cut), STREAM.slice(cut)]), EXPECTED, `cut at ${cut}`);
    }
  });

  it('gives the same events when fed one character at a time', () => {
    assert.deepEqual(feed([...STREAM]), EXPECTED);
  });

  it('handles CRLF and lone CR line endings, also when CR and LF arrive in different chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    const cr = STREAM.replace(/\n/g, '\r');
    for (const text of [crlf, cr]) {
      for (let cut = 0; cut <= text.length; cut++) {
        assert.deepEqual(feed([text.slice(0, cut), text.slice(cut)]), EXPECTED, `cut at ${cut}`);
      }
    }
  });

  it('does not treat CR then LF in the next chunk as two line ends (no empty event dispatched early)', () => {
    const events = feed(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    assert.deepEqual(events, [{ type: 'message', data: 'a\nb', id: null }]);
  });

  it('strips a leading byte-order mark and accepts "data:" without a space', () => {
    assert.deepEqual(feed(['\uFEFFdata:x\n\n']), [{ type: 'message', data: 'x', id: null }]);
  });

  it('keeps an incomplete event until its blank line arrives and drops it at end of stream', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('data: half'), []);
    assert.deepEqual(parser.push('\n'), []);
    parser.end();
    assert.deepEqual(parser.push('\n'), []);
  });

  it('ignores unknown fields and events without data, and reads retry', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('foo: bar\nevent: x\n\nretry: 2500\n\n'), []);
    assert.equal(parser.retry, 2500);
  });
});
