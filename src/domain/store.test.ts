import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmitter } from './emitter.js';
import { createStore } from './store.js';
import type { Step } from './step-output.js';

const counter = (state: number, input: number): Step<number> => ({
  state: state + input,
  effects: input < 0 ? [{ kind: 'ui.ring.stop' }] : [],
  diagnostics: [],
});

describe('createEmitter', () => {
  it('calls listeners in order and unsubscribes', () => {
    const emitter = createEmitter<string>();
    const seen: string[] = [];
    const off = emitter.subscribe((v) => seen.push(`a:${v}`));
    emitter.subscribe((v) => seen.push(`b:${v}`));
    emitter.emit('1');
    off();
    off();
    emitter.emit('2');
    assert.deepEqual(seen, ['a:1', 'b:1', 'b:2']);
    assert.equal(emitter.size, 1);
  });
});

describe('createStore', () => {
  it('applies inputs, returns the step and notifies subscribers', () => {
    const store = createStore(0, counter);
    const steps: number[] = [];
    const off = store.subscribe((step, input) => steps.push(step.state * 100 + input));
    const result = store.dispatch(-2);
    assert.equal(result.state, -2);
    assert.deepEqual(result.effects, [{ kind: 'ui.ring.stop' }]);
    assert.equal(store.getState(), -2);
    off();
    store.dispatch(5);
    assert.deepEqual(steps, [-200 - 2]);
    assert.equal(store.getState(), 3);
  });
  it('queues a dispatch made from a listener until every listener saw the current step', () => {
    const store = createStore(0, counter);
    const order: string[] = [];
    store.subscribe((step, input) => {
      order.push(`first saw ${input}→${step.state}`);
      if (input === 1) {
        const nested = store.dispatch(10);
        assert.deepEqual(nested.effects, []);
      }
    });
    store.subscribe((step, input) => order.push(`second saw ${input}→${step.state}`));
    store.dispatch(1);
    assert.deepEqual(order, ['first saw 1→1', 'second saw 1→1', 'first saw 10→11', 'second saw 10→11']);
    assert.equal(store.getState(), 11);
  });
});
