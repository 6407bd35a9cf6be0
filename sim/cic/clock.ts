/**
 * Time source of the simulator. Everything time-dependent (alert timeouts, deallocation, secure
 * pause, session expiry, `:ping`) goes through a Clock so scenario tests can drive time by hand.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** Wall-clock time with real timers (what `npm start` uses). */
export function systemClock(): Clock {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const id = next++;
      const timer = setTimeout(() => {
        timers.delete(id);
        callback();
      }, ms);
      timer.unref?.();
      timers.set(id, timer);
      return { id };
    },
    clearTimeout(handle) {
      const timer = timers.get(handle.id);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
}

/** A clock that only moves when told to; due timers fire in time order during `advance`. */
export class ManualClock implements Clock {
  #now: number;
  #next = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 22, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle.id);
  }

  /** Moves time forward by `ms`, firing every timer that falls due, earliest first. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let dueId: number | undefined;
      let dueAt = Infinity;
      for (const [id, timer] of this.#timers) {
        if (timer.at <= target && (timer.at < dueAt || (timer.at === dueAt && id < (dueId ?? Infinity)))) {
          dueId = id;
          dueAt = timer.at;
        }
      }
      if (dueId === undefined) break;
      const timer = this.#timers.get(dueId);
      this.#timers.delete(dueId);
      this.#now = Math.max(this.#now, dueAt);
      timer?.callback();
    }
    this.#now = target;
  }

  /** Number of timers still waiting (for tests that check nothing leaks). */
  get pendingTimers(): number {
    return this.#timers.size;
  }
}
