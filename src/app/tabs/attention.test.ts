import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialSoftphoneState, type Input } from '../../domain/index.js';
import { AttentionTracker } from './attention.js';
import { isTabMessage } from './protocol.js';
import { createTabStore } from './tab-store.js';

describe('AttentionTracker: where pops go', () => {
  it('falls back to the leader when no tab is visible', () => {
    const t = new AttentionTracker();
    t.report('a', { visible: false, focused: false });
    t.report('b', { visible: false, focused: false });
    assert.equal(t.target('leader'), 'leader');
  });

  it('prefers the focused visible tab, then the most recently shown one', () => {
    const t = new AttentionTracker();
    t.report('a', { visible: true, focused: false });
    t.report('b', { visible: true, focused: true });
    t.report('c', { visible: true, focused: false });
    assert.equal(t.target('leader'), 'b');
    t.report('b', { visible: true, focused: false });
    assert.equal(t.target('leader'), 'c', 'no focus anywhere: the tab shown last');
    t.report('a', { visible: false, focused: false });
    t.report('a', { visible: true, focused: false });
    assert.equal(t.target('leader'), 'a', 'shown again: front');
  });

  it('skips closed tabs and tabs whose lock is gone', () => {
    const t = new AttentionTracker();
    t.report('a', { visible: true, focused: true });
    t.report('b', { visible: true, focused: false });
    assert.equal(t.target('x', (id) => id !== 'a'), 'b');
    t.forget('b');
    assert.equal(t.target('x', (id) => id !== 'a'), 'x');
  });
});

describe('TabStore and messages', () => {
  it('a following store forwards inputs and renders mirrored state; once leading it steps', () => {
    const forwarded: Input[] = [];
    const store = createTabStore(initialSoftphoneState(1), (input) => forwarded.push(input));
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.state.now));
    store.dispatch({ kind: 'intent.server.select', server: 'cic1' });
    assert.equal(forwarded.length, 1);
    assert.equal(store.getState().session.server, null, 'a follower never steps');
    store.mirror({ ...initialSoftphoneState(5), session: { ...initialSoftphoneState().session, server: 'cic1' } });
    assert.equal(store.getState().session.server, 'cic1');
    const inner = store.lead();
    inner.dispatch({ kind: 'clock.tick', now: 9 });
    assert.deepEqual(seen, [5, 9]);
    assert.equal(store.getState().session.server, 'cic1', 'leads from the mirrored state');
    store.dispatch({ kind: 'intent.server.select', server: 'cic2' });
    assert.equal(forwarded.length, 1, 'a leading store steps, it does not forward');
  });

  it('isTabMessage accepts only our message types with a sender', () => {
    assert.equal(isTabMessage({ type: 'hello', from: 'a' }), true);
    assert.equal(isTabMessage({ type: 'hello', from: '' }), false);
    assert.equal(isTabMessage({ type: 'eval', from: 'a' }), false);
    assert.equal(isTabMessage('hello'), false);
  });
});
