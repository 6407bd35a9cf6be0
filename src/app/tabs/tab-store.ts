/**
 * The store a tab's panel renders, for the tab's whole life. While the tab follows, it holds the
 * leader's latest state and hands every dispatched input to `forward` (the panel itself never
 * steps anything). Once the tab leads, {@link TabStore.lead} starts a real domain store from the
 * state it mirrored last, and every step of that store reaches the panel as before.
 */
import {
  createEmitter,
  createStore,
  step,
  type Input,
  type SoftphoneState,
  type Step,
  type Store,
} from '../../domain/index.js';

export interface TabStore extends Store<SoftphoneState, Input> {
  /** Replaces the mirrored state (a follower receiving the leader's). Ignored once leading. */
  mirror(state: SoftphoneState): void;
  /** Starts stepping locally from the current state; returns the store the runtime drives. */
  lead(): Store<SoftphoneState, Input>;
  readonly leading: boolean;
}

/** The input a mirrored step reports to subscribers (none happened here: the leader stepped). */
const MIRRORED: Input = { kind: 'clock.tick', now: 0 };

export function createTabStore(initial: SoftphoneState, forward: (input: Input) => void): TabStore {
  let mirrored = initial;
  let inner: Store<SoftphoneState, Input> | null = null;
  const steps = createEmitter<{ step: Step; input: Input }>();

  return {
    get leading() {
      return inner !== null;
    },
    getState: () => inner?.getState() ?? mirrored,
    dispatch(input) {
      if (inner !== null) return inner.dispatch(input);
      forward(input);
      return { state: mirrored, effects: [], diagnostics: [] };
    },
    subscribe: (listener) => steps.subscribe(({ step: s, input }) => listener(s, input)),
    mirror(state) {
      if (inner !== null) return;
      mirrored = state;
      steps.emit({ step: { state, effects: [], diagnostics: [] }, input: { ...MIRRORED, now: state.now } });
    },
    lead() {
      if (inner !== null) return inner;
      const store = createStore<SoftphoneState, Input>(mirrored, step);
      store.subscribe((s, input) => steps.emit({ step: s, input }));
      inner = store;
      return store;
    },
  };
}
