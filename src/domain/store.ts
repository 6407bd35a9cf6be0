import { createEmitter } from './emitter.js';
import type { Input } from './inputs.js';
import type { SoftphoneState } from './softphone-state.js';
import type { Step } from './step-output.js';

/** The function a store applies: usually the domain's `step`. */
export type Reducer<S, I> = (state: S, input: I) => Step<S>;

/** Holds the current state, applies inputs, and tells subscribers about each step. */
export interface Store<S = SoftphoneState, I = Input> {
  getState(): S;
  /** Applies one input and returns the step (the runtime executes its effects). */
  dispatch(input: I): Step<S>;
  /** `listener` runs after every dispatch with the step; the return value unsubscribes. */
  subscribe(listener: (step: Step<S>, input: I) => void): () => void;
}

/**
 * A tiny store around a pure reducer. Every step, with its effects, reaches every subscriber, so
 * the runtime should execute effects from its listener. Dispatching from inside a listener is
 * allowed: the input is queued and stepped once the current step has notified everyone (so
 * listeners see steps in order); that nested call returns the current state with no effects,
 * and its real step reaches the listeners.
 */
export function createStore<S, I>(initial: S, reducer: Reducer<S, I>): Store<S, I> {
  let state = initial;
  const emitter = createEmitter<{ step: Step<S>; input: I }>();
  const queue: I[] = [];
  let running = false;

  const run = (input: I): Step<S> => {
    const result = reducer(state, input);
    state = result.state;
    emitter.emit({ step: result, input });
    return result;
  };

  return {
    getState: () => state,
    dispatch(input) {
      if (running) {
        queue.push(input);
        // The nested step has not run yet; report the state as it stands, with nothing to do.
        return { state, effects: [], diagnostics: [] };
      }
      running = true;
      try {
        const first = run(input);
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) run(next);
        return first;
      } finally {
        running = false;
        queue.length = 0;
      }
    },
    subscribe: (listener) => emitter.subscribe(({ step, input }) => listener(step, input)),
  };
}
