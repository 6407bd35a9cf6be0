/**
 * What the Node integration tests share: the small ports the runtime needs besides the CIC one,
 * a wall clock whose timers can all be cleared, and a wait on the store's state.
 */
import type { Clock, NotifierPort, SoftphoneState, StoragePort, Store } from '../../src/domain/index.js';

/** Preferences kept in memory (none stored at the start). */
export function memoryStorage(): StoragePort {
  const prefs = new Map<string, unknown>();
  return {
    loadUserPrefs: (userId) => Promise.resolve({ kind: 'obs.storage.userPrefs', userId, prefs: null }),
    saveUserPrefs: (userId, value) => {
      prefs.set(userId, value);
      return Promise.resolve();
    },
    loadLogonPrefs: () => Promise.resolve({ kind: 'obs.storage.logonPrefs', prefs: null }),
    saveLogonPrefs: () => Promise.resolve(),
  };
}

/** No ring, no notifications. */
export const silentNotifier: NotifierPort = { startRing() {}, stopRing() {}, notify() {} };

/** The wall clock; `stop()` clears every timer it started. */
export function intervalClock(): Clock & { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  return {
    now: () => Date.now(),
    every(ms, callback) {
      const t = setInterval(callback, ms);
      timers.add(t);
      return () => {
        clearInterval(t);
        timers.delete(t);
      };
    },
    stop() {
      for (const t of timers) clearInterval(t);
      timers.clear();
    },
  };
}

/** Resolves once the state passes `test`; rejects after `ms` naming what it waited for. */
export function untilState(
  store: Store,
  test: (state: SoftphoneState) => boolean,
  what: string,
  ms: number,
): Promise<SoftphoneState> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve(store.getState());
    const deadline = setTimeout(() => {
      off();
      const { session } = store.getState();
      reject(
        new Error(
          `timed out waiting for ${what} (phase ${session.current.phase}, error ${session.error ?? 'none'})`,
        ),
      );
    }, ms);
    const off = store.subscribe(() => {
      if (!test(store.getState())) return;
      clearTimeout(deadline);
      off();
      resolve(store.getState());
    });
  });
}
