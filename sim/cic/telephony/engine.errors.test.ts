/**
 * Every agent command's refusals: unknown interaction (404), someone else's interaction (404),
 * a missing right (403) and a state that does not allow the command (400).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capability } from './capabilities.js';
import { Right } from './host.js';
import { makeKit, type Kit } from './test-kit.js';

interface Ctx {
  /** The interaction (or conference) the command acts on. */
  id: string;
  other: string;
  consultId: string;
}

interface Row {
  name: string;
  right: Right | null;
  run(kit: Kit, userId: string, ctx: Ctx): unknown;
  /** Builds the situation in which the command succeeds (default: a connected call). */
  setup?(kit: Kit): Ctx;
  /** `false` when the command also works on a disconnected interaction. */
  stateMatters?: boolean;
}

function call(kit: Kit, answer = true): string {
  const id = kit.engine.offerCall({ from: '+13175550101', to: { user: 'agent1' } });
  if (answer) kit.engine.pickup('agent1', id);
  return id;
}

function connected(kit: Kit): Ctx {
  return { id: call(kit), other: '', consultId: '' };
}

function consulting(kit: Kit): Ctx {
  const id = call(kit);
  const started = kit.engine.consult('agent1', id, { target: '+13175550123' });
  kit.clock.advance(2_000);
  return { id, other: started.consultInteractionId, consultId: started.consultId };
}

function conference(kit: Kit): Ctx {
  const a = call(kit);
  const b = call(kit);
  const root = kit.engine.createConference('agent1', [a, b]);
  return { id: root, other: call(kit), consultId: '' };
}

const ROWS: Row[] = [
  {
    name: 'pickup',
    right: Right.PickupInteractions,
    setup: (kit) => ({ id: call(kit, false), other: '', consultId: '' }),
    run: (kit, u, c) => kit.engine.pickup(u, c.id),
  },
  {
    name: 'disconnect',
    right: Right.DisconnectInteractions,
    run: (kit, u, c) => kit.engine.disconnect(u, c.id),
  },
  { name: 'hold', right: Right.HoldInteractions, run: (kit, u, c) => kit.engine.hold(u, c.id, true) },
  { name: 'mute', right: Right.MuteInteractions, run: (kit, u, c) => kit.engine.mute(u, c.id, true) },
  {
    name: 'record',
    right: Right.RecordInteractions,
    run: (kit, u, c) => kit.engine.record(u, c.id, true, false),
  },
  {
    name: 'record-snippet',
    right: Right.SnipInteractions,
    run: (kit, u, c) => kit.engine.recordSnippet(u, c.id, true, false),
  },
  {
    name: 'pause',
    right: Right.PauseInteractions,
    setup: (kit) => {
      const ctx = connected(kit);
      kit.engine.record('agent1', ctx.id, true, false);
      return ctx;
    },
    run: (kit, u, c) => kit.engine.pause(u, c.id, true),
  },
  {
    name: 'secure-pause',
    right: Right.SecureRecordingPause,
    run: (kit, u, c) => kit.engine.securePause(u, c.id, 1),
  },
  {
    name: 'make-private',
    right: Right.PrivateInteractions,
    run: (kit, u, c) => kit.engine.makePrivate(u, c.id, true),
  },
  { name: 'send-digits', right: null, run: (kit, u, c) => kit.engine.sendDigits(u, c.id, '1') },
  {
    name: 'send-to-voicemail',
    right: Right.TransferToVoicemail,
    run: (kit, u, c) => kit.engine.sendToVoicemail(u, c.id),
  },
  {
    name: 'transfer-to-voicemail',
    right: Right.TransferToVoicemail,
    run: (kit, u, c) => kit.engine.transferToVoicemail(u, c.id, { target: '1002' }),
  },
  {
    name: 'blind-transfer',
    right: Right.TransferInteractions,
    run: (kit, u, c) => kit.engine.blindTransfer(u, c.id, { target: '1002' }),
  },
  {
    name: 'park',
    right: Right.ParkInteractions,
    run: (kit, u, c) => kit.engine.park(u, c.id, { target: '1002' }),
  },
  {
    name: 'consult',
    right: Right.TransferInteractions,
    run: (kit, u, c) => kit.engine.consult(u, c.id, { target: '1002' }),
  },
  {
    name: 'consult change-audience',
    right: Right.TransferInteractions,
    setup: consulting,
    run: (kit, u, c) =>
      kit.engine.changeAudience(u, c.id, c.consultId, { originalParty: true, consultedParty: true }),
    // Once a leg disconnects the consult is over: that is a 404 (tested below), not a state error.
    stateMatters: false,
  },
  {
    name: 'consult conclude',
    right: Right.TransferInteractions,
    setup: consulting,
    run: (kit, u, c) => kit.engine.concludeConsult(u, c.id, c.consultId),
    stateMatters: false,
  },
  {
    name: 'consult cancel',
    right: Right.TransferInteractions,
    setup: consulting,
    run: (kit, u, c) => kit.engine.cancelConsult(u, c.id, c.consultId),
    stateMatters: false,
  },
  {
    name: 'create conference',
    right: Right.ConferenceCalls,
    setup: (kit) => ({ id: call(kit), other: call(kit), consultId: '' }),
    run: (kit, u, c) => kit.engine.createConference(u, [c.id, c.other]),
  },
  {
    name: 'add to conference',
    right: Right.ConferenceCalls,
    setup: conference,
    run: (kit, u, c) => kit.engine.addToConference(u, c.id, [c.other]),
  },
  {
    name: 'invite party to conference',
    right: Right.ConferenceCalls,
    setup: conference,
    run: (kit, u, c) => kit.engine.invitePartyToConference(u, c.id, '+13175550777'),
  },
  {
    name: 'invite party',
    right: Right.ConferenceCalls,
    run: (kit, u, c) => kit.engine.inviteParty(u, c.id, '+13175550777'),
  },
  {
    name: 'get attributes',
    right: null,
    run: (kit, u, c) => kit.engine.getAttributes(u, c.id, ['Eic_State']),
    stateMatters: false,
  },
  {
    name: 'set attributes',
    right: null,
    run: (kit, u, c) => kit.engine.setAttributes(u, c.id, { Note: 'x' }, false),
    stateMatters: false,
  },
  {
    name: 'wrap-up assignment',
    right: null,
    run: (kit, u, c) =>
      kit.engine.assignWrapUp(u, c.id, {
        code: 'Resolved',
        segmentId: 1,
        time: 0,
        user: u,
        sourceInteractionId: c.id,
      }),
    stateMatters: false,
  },
];

function fixture(row: Row): { kit: Kit; ctx: Ctx } {
  const kit = makeKit();
  kit.login('agent1');
  kit.login('agent2');
  kit.setAgent('agent2', { statusIsAcd: false, statusSendsToVoicemail: true });
  const ctx = (row.setup ?? connected)(kit);
  return { kit, ctx };
}

function withoutRight(kit: Kit, userId: string, right: string): void {
  const user = kit.host.users.get(userId)!;
  kit.host.users.set(userId, { ...user, rights: new Set([...user.rights].filter((r) => r !== right)) });
}

describe('command refusals', () => {
  for (const row of ROWS) {
    describe(row.name, () => {
      it('succeeds in its fixture (so the refusals below are about one thing)', () => {
        const { kit, ctx } = fixture(row);
        assert.doesNotThrow(() => row.run(kit, 'agent1', ctx));
      });

      it('404 for an unknown interaction', () => {
        const { kit, ctx } = fixture(row);
        assert.throws(() => row.run(kit, 'agent1', { ...ctx, id: '999' }), { status: 404 });
      });

      it('404 for an interaction that is not in the user’s queues', () => {
        const { kit, ctx } = fixture(row);
        kit.listener.clear();
        assert.throws(() => row.run(kit, 'agent2', ctx), { status: 404 });
        assert.equal(kit.listener.changes.length, 0);
      });

      if (row.right !== null) {
        const right = row.right;
        it(`403 without ${right}`, () => {
          const { kit, ctx } = fixture(row);
          withoutRight(kit, 'agent1', right);
          kit.listener.clear();
          assert.throws(() => row.run(kit, 'agent1', ctx), {
            status: 403,
            errorId: 'error.request.interactions.accessDenied',
          });
          assert.equal(kit.listener.changes.length, 0, 'nothing changed');
        });
      }

      if (row.stateMatters !== false) {
        it('400 once the interaction is disconnected', () => {
          const { kit, ctx } = fixture(row);
          kit.engine.disconnect('agent1', ctx.id);
          assert.throws(() => row.run(kit, 'agent1', ctx), {
            status: 400,
            errorId: 'error.request.interactions.invalidState',
          });
        });
      } else {
        it('still works or is a 404 after the call ended, never a server error', () => {
          const { kit, ctx } = fixture(row);
          kit.engine.disconnect('agent1', ctx.id);
          try {
            row.run(kit, 'agent1', ctx);
          } catch (error) {
            assert.equal((error as { status?: number }).status, 404);
          }
        });
      }
    });
  }

  it('a consult id that belongs to another interaction is not found', () => {
    const kit = makeKit();
    kit.login('agent1');
    const { id, consultId } = consulting(kit);
    const other = call(kit);
    assert.throws(() => kit.engine.cancelConsult('agent1', other, consultId), { status: 404 });
    kit.engine.cancelConsult('agent1', id, consultId);
  });

  it('a user with few rights sees only those capabilities', () => {
    const kit = makeKit();
    kit.login('limited');
    const id = kit.engine.offerCall({ from: '+13175550101', to: { user: 'limited' } });
    const caps = (): number =>
      Number(
        kit.engine.queueContents({ queueType: 1, queueName: 'limited' })[0]?.attributes['Eic_Capabilities'],
      );
    assert.equal(caps(), Capability.Pickup);
    kit.engine.pickup('limited', id);
    assert.equal(caps(), 0);
    assert.throws(() => kit.engine.disconnect('limited', id), { status: 403 });
  });
});
