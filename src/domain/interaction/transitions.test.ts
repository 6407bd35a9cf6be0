import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notificationsFor } from './transitions.js';

describe('transition table', () => {
  it('alerts when an interaction starts alerting, from anything', () => {
    assert.deepEqual(notificationsFor('new', 'alerting', false), ['alert']);
    assert.deepEqual(notificationsFor('offering', 'alerting', false), ['alert']);
    assert.deepEqual(notificationsFor('held', 'alerting', true), ['alert']);
  });
  it('reports the first connect only', () => {
    assert.deepEqual(notificationsFor('alerting', 'connected', false), ['answered']);
    assert.deepEqual(notificationsFor('new', 'connected', false), ['answered']);
    assert.deepEqual(notificationsFor('held', 'connected', true), []);
  });
  it('ends a talked-on interaction and misses one never connected', () => {
    assert.deepEqual(notificationsFor('connected', 'disconnected', true), ['ended']);
    assert.deepEqual(notificationsFor('held', 'disconnected', true), ['ended']);
    assert.deepEqual(notificationsFor('alerting', 'disconnected', false), ['missed']);
    assert.deepEqual(notificationsFor('voicemail', 'disconnected', true), ['ended']);
  });
  it('produces nothing when the phase does not change (replays)', () => {
    assert.deepEqual(notificationsFor('alerting', 'alerting', false), []);
    assert.deepEqual(notificationsFor('disconnected', 'disconnected', true), []);
  });
});
