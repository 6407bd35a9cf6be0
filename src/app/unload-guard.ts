/**
 * Warns before the page unloads while a call is live (issue 5): closing or reloading the tab would
 * drop the panel's session and, with it, control of the call. The browser shows its own generic
 * prompt; calling `preventDefault()` (and setting `returnValue` for older engines) asks for it.
 */
import { selectInteractions, type SoftphoneState, type Store } from '../domain/index.js';

/** Phases during which leaving the page would strand a call. */
const LIVE_PHASES: ReadonlySet<string> = new Set(['alerting', 'offering', 'proceeding', 'connected', 'held']);

/** What the guard needs of the `beforeunload` event. */
export interface UnloadEventLike {
  preventDefault(): void;
  returnValue: unknown;
}

/** What the guard needs of `window`. */
export interface UnloadTarget {
  addEventListener(type: 'beforeunload', listener: (event: UnloadEventLike) => void): void;
  removeEventListener(type: 'beforeunload', listener: (event: UnloadEventLike) => void): void;
}

/** True while the agent has an alerting, ringing-out, connected or held call. */
export function hasLiveCall(state: SoftphoneState): boolean {
  if (state.session.current.phase !== 'active') return false;
  return selectInteractions(state).some((row) => LIVE_PHASES.has(row.phase));
}

/** Installs the guard; returns the function that removes it. */
export function guardUnload(win: UnloadTarget, store: Pick<Store, 'getState'>): () => void {
  const onBeforeUnload = (event: UnloadEventLike): void => {
    if (!hasLiveCall(store.getState())) return;
    event.preventDefault();
    event.returnValue = '';
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => win.removeEventListener('beforeunload', onBeforeUnload);
}
