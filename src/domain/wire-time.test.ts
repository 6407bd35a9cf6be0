import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, formatWireTime, parseWireTime } from './wire-time.js';

describe('parseWireTime', () => {
  it('parses the compact ICWS form', () => {
    assert.equal(parseWireTime('20130808T211625Z'), Date.UTC(2013, 7, 8, 21, 16, 25));
  });
  it('parses the extended form and fractional seconds', () => {
    assert.equal(parseWireTime('2013-08-08T21:16:25Z'), Date.UTC(2013, 7, 8, 21, 16, 25));
    assert.equal(parseWireTime('20130808T211625.250Z'), Date.UTC(2013, 7, 8, 21, 16, 25, 250));
  });
  it('returns null for empty, malformed and impossible values', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'yesterday',
      '20130808T211625',
      '20131308T211625Z',
      '20130230T101010Z',
      '20130808T256000Z',
    ]) {
      assert.equal(parseWireTime(bad), null, String(bad));
    }
  });
  it('round-trips with formatWireTime at whole seconds', () => {
    const ms = Date.UTC(2024, 1, 29, 23, 59, 59);
    assert.equal(formatWireTime(ms), '20240229T235959Z');
    assert.equal(parseWireTime(formatWireTime(ms)), ms);
  });
});

describe('formatDuration', () => {
  it('formats hh:mm:ss and lets hours grow', () => {
    assert.equal(formatDuration(0), '00:00:00');
    assert.equal(formatDuration(61_999), '00:01:01');
    assert.equal(formatDuration((3 * 3600 + 4 * 60 + 5) * 1000), '03:04:05');
    assert.equal(formatDuration(125 * 3600 * 1000), '125:00:00');
  });
  it('shows zero for negative or non-finite durations', () => {
    assert.equal(formatDuration(-5000), '00:00:00');
    assert.equal(formatDuration(Number.NaN), '00:00:00');
  });
});
