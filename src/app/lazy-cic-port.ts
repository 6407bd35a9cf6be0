/**
 * A {@link CicPort} that stands in for one still being downloaded. The ICWS client (and the zod
 * schemas behind it) lives in its own chunk so the log-on form renders without it; this
 * placeholder lets the runtime start at once. Every command waits for the real port; `observe`
 * registers its listener right away and attaches it to the real port the moment that arrives,
 * before any command reaches the server, so no pushed message can be missed.
 *
 * Nothing is fetched until the first command or {@link LazyCicPort.preload} (the composition root
 * calls it right after the panel's first render).
 */
import type { CicPort, Observation, PortFailure } from '../domain/index.js';

export interface LazyCicPort extends CicPort {
  /** Starts loading the real port now; resolves once it is ready (rejects if loading failed). */
  preload(): Promise<void>;
}

/** Why a command failed when the client code itself could not be loaded. */
class PortLoadError extends Error implements PortFailure {
  readonly kind = 'network' as const;
  readonly errorId = null;
  constructor(cause: unknown) {
    super(`the CIC client could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PortLoadError';
  }
}

type Listener = (observation: Observation) => void;
type Command = Exclude<keyof CicPort, 'observe'>;

interface Registration {
  readonly listener: Listener;
  detach: (() => void) | null;
}

export function lazyCicPort(load: () => Promise<CicPort>): LazyCicPort {
  let real: CicPort | null = null;
  let loading: Promise<CicPort> | null = null;
  const registrations = new Set<Registration>();

  const ready = (): Promise<CicPort> => {
    if (real !== null) return Promise.resolve(real);
    loading ??= load().then(
      (port) => {
        // Attach before anyone awaiting `ready` can send a command: no message slips past.
        real = port;
        for (const registration of registrations) registration.detach = port.observe(registration.listener);
        return port;
      },
      (error: unknown) => {
        loading = null; // the next command tries again
        throw new PortLoadError(error);
      },
    );
    return loading;
  };

  const forward = <M extends Command>(method: M): CicPort[M] => {
    const call = (...args: unknown[]): Promise<unknown> =>
      ready().then((port) => (port[method] as (...a: unknown[]) => Promise<unknown>).apply(port, args));
    return call as CicPort[M];
  };

  return {
    preload: () => ready().then(() => undefined),
    fetchServerInfo: forward('fetchServerInfo'),
    logon: forward('logon'),
    logoff: forward('logoff'),
    changePassword: forward('changePassword'),
    subscribe: forward('subscribe'),
    watchUserStatuses: forward('watchUserStatuses'),
    setStation: forward('setStation'),
    setStatus: forward('setStatus'),
    setActivation: forward('setActivation'),
    interactionCommand: forward('interactionCommand'),
    createCall: forward('createCall'),
    startConsult: forward('startConsult'),
    changeConsultAudience: forward('changeConsultAudience'),
    concludeConsult: forward('concludeConsult'),
    cancelConsult: forward('cancelConsult'),
    conference: forward('conference'),
    assignWrapUp: forward('assignWrapUp'),
    directoryPage: forward('directoryPage'),
    transferSearch: forward('transferSearch'),
    observe(listener) {
      const registration: Registration = { listener, detach: real?.observe(listener) ?? null };
      registrations.add(registration);
      return () => {
        if (!registrations.delete(registration)) return;
        registration.detach?.();
        registration.detach = null;
      };
    },
  };
}
