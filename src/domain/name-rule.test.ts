import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayName } from './name-rule.js';

describe('displayName (name rule)', () => {
  it('prefers the display name over everything else', () => {
    assert.equal(
      displayName({ displayName: 'Dr. Jo Smith', firstName: 'Jo', lastName: 'Smith', userId: 'jsmith' }),
      'Dr. Jo Smith',
    );
  });
  it('uses "last, first" without a display name', () => {
    assert.equal(displayName({ firstName: 'Jo', lastName: 'Smith', userId: 'jsmith' }), 'Smith, Jo');
  });
  it('uses the last name alone, then the first name alone', () => {
    assert.equal(displayName({ lastName: 'Smith', userId: 'jsmith' }), 'Smith');
    assert.equal(displayName({ firstName: 'Jo', userId: 'jsmith' }), 'Jo');
  });
  it('falls back to the user id, then the number', () => {
    assert.equal(displayName({ userId: 'jsmith', number: '7001' }), 'jsmith');
    assert.equal(displayName({ number: '+13175550000' }), '+13175550000');
  });
  it('treats blank parts as missing and returns "" when nothing is known', () => {
    assert.equal(displayName({ displayName: '  ', firstName: '', lastName: ' Smith ' }), 'Smith');
    assert.equal(displayName({ displayName: null, userId: ' ' }), '');
  });
});
