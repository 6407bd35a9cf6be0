/** A listener registered with an {@link Emitter}. */
export type Listener<T> = (value: T) => void;

/**
 * The smallest publish/subscribe helper the store needs: no DOM `EventTarget`, no event names.
 * Listeners run in subscription order; one that unsubscribes during `emit` is skipped from the
 * next emit on.
 */
export interface Emitter<T> {
  /** Calls every current listener with `value`. */
  emit(value: T): void;
  /** Registers `listener`; the returned function removes it (calling it twice is harmless). */
  subscribe(listener: Listener<T>): () => void;
  /** How many listeners are registered. */
  readonly size: number;
}

/** Creates an {@link Emitter}. */
export function createEmitter<T>(): Emitter<T> {
  let listeners: readonly Listener<T>[] = [];
  return {
    emit(value) {
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      const entry: Listener<T> = (value) => listener(value);
      listeners = [...listeners, entry];
      return () => {
        listeners = listeners.filter((l) => l !== entry);
      };
    },
    get size() {
      return listeners.length;
    },
  };
}
