import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectKey, redactEffect, type Effect } from './effects.js';
import { iid } from './testing/fixtures.js';

describe('effectKey', () => {
  it('is stable for equal effects and distinct for different ones', () => {
    const effects: Effect[] = [
      { kind: 'cic.pickup', interactionId: iid('1') },
      { kind: 'cic.pickup', interactionId: iid('2') },
      { kind: 'cic.hold', interactionId: iid('1'), on: true },
      { kind: 'cic.hold', interactionId: iid('1'), on: false },
      {
        kind: 'crm.screenPop',
        interactionId: iid('1'),
        direction: 'inbound',
        remoteAddress: '',
        remoteName: '',
        workgroup: '',
        attributes: {},
      },
      {
        kind: 'crm.interactionChanged',
        interactionId: iid('1'),
        direction: 'inbound',
        remoteAddress: '',
        remoteName: '',
        workgroup: '',
        attributes: {},
        revision: 2,
        phase: 'connected',
        connectedAt: 1,
        disconnectedAt: null,
      },
      { kind: 'cic.createCall', requestId: 'r1', target: '5', workgroup: null, accountCodeId: null },
      { kind: 'cic.createCall', requestId: 'r2', target: '5', workgroup: null, accountCodeId: null },
      { kind: 'cic.setStation', choice: { kind: 'workstation', name: '7001' } },
      {
        kind: 'storage.saveUserPrefs',
        userId: 'a',
        prefs: { favourites: [], station: null, ringMuted: false },
      },
      { kind: 'ui.ring.start' },
      { kind: 'ui.ring.stop' },
    ];
    const keys = effects.map(effectKey);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(
      effectKey({
        kind: 'crm.screenPop',
        interactionId: iid('1'),
        direction: 'unknown',
        remoteAddress: 'x',
        remoteName: 'y',
        workgroup: '',
        attributes: { a: 'b' },
      }),
      keys[4],
    );
  });
});

describe('redactEffect', () => {
  it('hides IC passwords in cic.logon and leaves other effects alone', () => {
    const logon: Effect = {
      kind: 'cic.logon',
      server: 's',
      auth: { type: 'ic', userId: 'u', password: 'p' },
      alternates: [],
    };
    assert.deepEqual(redactEffect(logon), {
      kind: 'cic.logon',
      server: 's',
      auth: { type: 'ic', userId: 'u', password: '***' },
      alternates: [],
    });
    const pickup: Effect = { kind: 'cic.pickup', interactionId: iid('1') };
    assert.equal(redactEffect(pickup), pickup);
  });
});
