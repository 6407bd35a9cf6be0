import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Licence } from '../rights.js';
import {
  added,
  changed,
  CONNECTED_CAPS,
  HELD_CAPS,
  iid,
  inbound,
  ALERTING_CAPS,
  loggedOn,
  ME,
  removed,
  run,
  T0,
} from '../testing/fixtures.js';
import { selectWrapUpPrompt } from './wrap-up-selectors.js';

const talked = () => run(loggedOn(), added('1', inbound('C', CONNECTED_CAPS), T0 + 1000)).state;
const disconnected = () => run(talked(), changed('1', { Eic_State: 'E' }, T0 + 10_000)).state;

describe('wrap-up prompt', () => {
  it('opens when a call of a workgroup with codes disconnects, codes sorted by description', () => {
    const prompt = selectWrapUpPrompt(disconnected());
    assert.deepEqual(prompt, {
      interactionId: '1',
      workgroup: 'Support',
      remoteName: 'Pat Caller',
      remoteAddress: '+13175551234',
      codes: [
        { id: 'W1', label: 'Billing', description: 'Billing question' },
        { id: 'W2', label: 'Sale', description: 'Sale made' },
      ],
      secondsLeft: 60,
      assigning: false,
      lockedCode: null,
    });
  });
  it('counts down and closes at the timeout without assigning a code', () => {
    const s = run(disconnected(), { kind: 'clock.tick', now: T0 + 40_000 }).state;
    assert.equal(selectWrapUpPrompt(s)?.secondsLeft, 30);
    const r = run(s, { kind: 'clock.tick', now: T0 + 70_000 });
    assert.equal(selectWrapUpPrompt(r.state), null);
    assert.deepEqual(r.effects, []);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.interactionId]),
      [['wrapUpTimedOut', '1']],
    );
  });
  it('never outlives the interaction in the queue (retention bounds the prompt time)', () => {
    const s = talked();
    const long = { ...s, config: { ...s.config, wrapUpPromptSeconds: 600, queueRetentionSeconds: 120 } };
    const r = run(long, changed('1', { Eic_State: 'E' }, T0 + 10_000)).state;
    assert.equal(selectWrapUpPrompt(r)?.secondsLeft, 120);
    const defaulted = run(
      { ...s, config: { ...s.config, wrapUpPromptSeconds: null } },
      changed('1', { Eic_State: 'E' }, T0 + 10_000),
    ).state;
    assert.equal(selectWrapUpPrompt(defaulted)?.secondsLeft, 120);
    assert.equal(selectWrapUpPrompt(run(r, removed(['1'])).state), null);
  });
  it('assigns the chosen code and closes when the server confirms', () => {
    const r = run(disconnected(), { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W2' });
    assert.deepEqual(r.effects, [
      { kind: 'cic.assignWrapUp', interactionId: '1', codeId: 'W2', workgroup: 'Support', userId: ME },
    ]);
    assert.equal(selectWrapUpPrompt(r.state)?.assigning, true);
    assert.equal(
      run(r.state, { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W1' }).diagnostics[0]
        ?.code,
      'duplicate',
    );
    assert.equal(
      selectWrapUpPrompt(
        run(r.state, { kind: 'obs.wrapUp.assigned', interactionId: iid('1'), codeId: 'W2' }).state,
      ),
      null,
    );
    assert.equal(selectWrapUpPrompt(run(r.state, changed('1', { Eic_WrapUpCode: 'W2' })).state), null);
  });
  it('stays open while assigning past the deadline, and reopens on failure', () => {
    const s = run(
      disconnected(),
      { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W2' },
      { kind: 'clock.tick', now: T0 + 80_000 },
    ).state;
    assert.equal(selectWrapUpPrompt(s)?.assigning, true);
    const failed = run(
      disconnected(),
      { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W2' },
      {
        kind: 'obs.command.failed',
        operation: 'assignWrapUp',
        interactionId: iid('1'),
        requestId: null,
        errorKind: 'rejected',
        errorId: null,
        message: null,
      },
    ).state;
    assert.equal(selectWrapUpPrompt(failed)?.assigning, false);
  });
  it('refuses unknown codes, missing prompts and expired prompts', () => {
    assert.equal(
      run(disconnected(), { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'nope' })
        .diagnostics[0]?.reason,
      'unknownCode',
    );
    assert.equal(
      run(talked(), { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W1' }).diagnostics[0]
        ?.reason,
      'noPrompt',
    );
    const late = { ...disconnected(), now: T0 + 75_000 };
    const r = run(late, { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W1' });
    assert.deepEqual(r.effects, []);
    assert.equal(r.diagnostics[0]?.code, 'wrapUpTimedOut');
  });
  it('locks the prompt when a supervisor sets a code', () => {
    const s = run(disconnected(), changed('1', { Eic_WrapUpCode: 'W1' })).state;
    assert.equal(selectWrapUpPrompt(s)?.lockedCode, 'W1');
    assert.equal(
      run(s, { kind: 'intent.assignWrapUp', interactionId: iid('1'), codeId: 'W2' }).diagnostics[0]?.reason,
      'lockedBySupervisor',
    );
  });
  it('does not prompt without codes for the workgroup, without a workgroup, with a code set, or for a missed call', () => {
    const none = [
      run(
        loggedOn(),
        added('1', inbound('C', CONNECTED_CAPS, { Eic_WorkgroupName: 'Sales' })),
        changed('1', { Eic_State: 'E' }),
      ).state,
      run(
        loggedOn(),
        added('1', inbound('C', CONNECTED_CAPS, { Eic_WorkgroupName: '' })),
        changed('1', { Eic_State: 'E' }),
      ).state,
      run(
        loggedOn(),
        added('1', inbound('C', CONNECTED_CAPS, { Eic_WrapUpCode: 'W1' })),
        changed('1', { Eic_State: 'E' }),
      ).state,
      run(loggedOn(), added('1', inbound('A', ALERTING_CAPS)), changed('1', { Eic_State: 'E' })).state,
      run(
        loggedOn({ licences: [Licence.BasicStation] }),
        added('1', inbound('C', CONNECTED_CAPS)),
        changed('1', { Eic_State: 'E' }),
      ).state,
    ];
    for (const s of none) assert.equal(selectWrapUpPrompt(s), null);
  });
  it('prompts for an outbound call dialed on behalf of a workgroup', () => {
    const s = run(
      loggedOn(),
      added('1', { ...inbound('C', CONNECTED_CAPS), Eic_CallDirection: 'O' }),
      changed('1', { Eic_State: 'I' }),
    ).state;
    assert.equal(selectWrapUpPrompt(s)?.interactionId, '1');
  });
});

describe('wrap-up in a conference', () => {
  it('prompts only for the call underneath (the drop target), not the dropped one', () => {
    const s = run(
      loggedOn(),
      added('A', inbound('C', CONNECTED_CAPS)),
      added('B', inbound('H', HELD_CAPS)),
      { kind: 'intent.conference', targetId: iid('A'), droppedId: iid('B') },
      {
        kind: 'obs.queue.delta',
        added: [{ interactionId: iid('conf'), attributes: { Eic_State: 'C' } }],
        changed: [
          { interactionId: iid('A'), attributes: { Eic_State: 'C' }, conferenceParentId: 'conf' },
          { interactionId: iid('B'), attributes: { Eic_State: 'C' }, conferenceParentId: 'conf' },
        ],
        removed: [],
      },
    ).state;
    const ended = run(
      s,
      changed('B', { Eic_State: 'E' }),
      changed('A', { Eic_State: 'E' }),
      changed('conf', { Eic_State: 'I' }),
    ).state;
    assert.deepEqual(
      ended.wrapUp.prompts.map((p) => p.interactionId),
      ['A'],
    );
  });
});
