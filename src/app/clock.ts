/** The wall clock (its own module: the composition root needs it before anything else loads). */
import type { Clock } from '../domain/index.js';

export const browserClock: Clock = {
  now: () => Date.now(),
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    return () => clearInterval(handle);
  },
};
