import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Attr, normaliseAttributes, recorderList } from './attributes.js';
import { Capability, can, capabilityMask, NO_CAPABILITIES, parseCapabilities } from './capabilities.js';
import { hasLicence, hasRight, Licence, Right } from './rights.js';

describe('Eic_Capabilities', () => {
  it('reads each documented bit', () => {
    const expected: Record<string, number> = {
      Consult: 1,
      Disconnect: 2,
      Hold: 4,
      Listen: 8,
      Messaging: 16,
      Mute: 32,
      Park: 64,
      Pause: 128,
      Pickup: 256,
      Private: 512,
      Record: 1024,
      RequestHelp: 2048,
      Transfer: 4096,
      Join: 8192,
      ObjectWindow: 16384,
      Conference: 32768,
      Coach: 65536,
      Suspended: 131072,
      SecureRecordingPause: 262144,
    };
    assert.deepEqual({ ...Capability }, expected);
    for (const bit of Object.values(Capability)) {
      assert.equal(can(bit, bit), true);
      assert.equal(can(capabilityMask(...Object.values(Capability).filter((b) => b !== bit)), bit), false);
    }
  });
  it('keeps Hold and Pickup apart (MacClient swaps them)', () => {
    assert.equal(can(parseCapabilities('256'), Capability.Pickup), true);
    assert.equal(can(parseCapabilities('256'), Capability.Hold), false);
    assert.equal(can(parseCapabilities('260'), Capability.Hold), true);
  });
  it('treats missing or malformed masks as no capabilities', () => {
    for (const bad of [undefined, '', ' ', '-4', '4.5', 'abc', '0x10'])
      assert.equal(parseCapabilities(bad), NO_CAPABILITIES, String(bad));
    assert.equal(parseCapabilities(' 4102 '), 4102);
  });
  it('handles masks wider than 32 bits', () => {
    const wide = 2 ** 40 + Capability.Mute;
    assert.equal(can(wide, Capability.Mute), true);
    assert.equal(can(wide, Capability.Hold), false);
  });
});

describe('rights and licences', () => {
  it('match ids case-insensitively', () => {
    const e = { rights: ['pickupinteractions'], licences: ['i3_access_client'] };
    assert.equal(hasRight(e, Right.PickupInteractions), true);
    assert.equal(hasRight(e, Right.HoldInteractions), false);
    assert.equal(hasLicence(e, Licence.ClientAccess), true);
    assert.equal(hasLicence(e, Licence.RecorderAccess), false);
  });
});

describe('attributes', () => {
  it('rewrites known names to canonical spelling and keeps custom ones', () => {
    assert.deepEqual(normaliseAttributes({ eic_state: 'A', EIC_REMOTENAME: 'Pat', Custom_Thing: 'x' }), {
      [Attr.State]: 'A',
      [Attr.RemoteName]: 'Pat',
      Custom_Thing: 'x',
    });
  });
  it('splits recorder lists', () => {
    assert.deepEqual(recorderList('agent1|sup1, qa;'), ['agent1', 'sup1', 'qa']);
    assert.deepEqual(recorderList(''), []);
  });
});
