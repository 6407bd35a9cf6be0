/**
 * Runs the Omni-Channel status sync: feeds the pure {@link omniSyncStep} with what the panel
 * store says about CIC (the agent's status, whether an ACD interaction is connected) and what the
 * Omni bridge transport reports, and carries out its commands — CIC status changes as the
 * domain's `intent.setStatus` (so the panel shows them like any other), Omni changes through the
 * transport.
 *
 * Origins: a CIC status the panel asked for on the agent's behalf is `user`; one this sync asked
 * for is `sync`; any other CIC change (a supervisor, the server) is `unattributed`. On the Omni
 * side the toolkit's `reason` says it: manual/login changes are `user`, supervisor, push-timeout
 * and decline changes `server`, toolkit changes (ours or another component's) `unattributed`.
 */
import {
  initialOmniSyncState,
  omniSyncStep,
  selectOmniSyncFacts,
  statusId,
  statusNameKey,
  unknownOmniSyncNames,
  type ChangeOrigin,
  type Input,
  type OmniSyncCommand,
  type OmniSyncConfig,
  type OmniSyncFacts,
  type OmniSyncInput,
  type OmniSyncState,
  type Store,
} from '../domain/index.js';
import type { OmniTransport, OmniTransportEvent } from '../crm/open-cti/omni-transport.js';

export interface OmniSyncOptions {
  readonly store: Store;
  /** Dispatches an input into the panel (the runtime's `dispatch`, which stamps the time). */
  readonly dispatch: (input: Input) => void;
  readonly transport: Pick<
    OmniTransport,
    'start' | 'stop' | 'onEvent' | 'statuses' | 'currentStatus' | 'currentWorkload' | 'setStatus' | 'logout'
  >;
  readonly config: OmniSyncConfig;
  /** Local time for log lines. */
  readonly clock: { now(): number };
  /** One line per command, failure and configuration problem. */
  readonly log?: (line: string) => void;
}

export interface OmniSync {
  /** The sync's current state (JSON data), for diagnostics and tests. */
  state(): OmniSyncState;
  /** Every command sent so far, in order. */
  readonly sent: readonly OmniSyncCommand[];
  /** Resolves once every command started so far has settled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** The origin of an Omni status change, from the toolkit's `reason`. */
export function omniOrigin(reason: string): ChangeOrigin {
  switch (reason) {
    case 'OmniManualStatusChange':
    case 'OmniLoginStatusChange':
      return 'user';
    case 'OmniSupervisorStatusChange':
    case 'OmniPushTimeout':
    case 'OmniDeclineWork':
      return 'server';
    default:
      return 'unattributed';
  }
}

const describeCommand = (c: OmniSyncCommand): string =>
  `${c.kind === 'cic.setStatus' ? `CIC status "${c.statusId}"` : c.kind === 'omni.logout' ? 'Omni logout' : `Omni status ${c.statusApiName}`} (${c.cause}${c.line === null || c.line === 0 ? '' : `, line ${c.line}`})`;

/** Starts the sync; resolves once the bridge is subscribed and Omni's state has been read. */
export async function startOmniSync(options: OmniSyncOptions): Promise<OmniSync> {
  const { store, dispatch, transport, config, clock } = options;
  const log = options.log ?? (() => undefined);
  let state = initialOmniSyncState(config);
  let stopped = false;
  const sent: OmniSyncCommand[] = [];
  const running = new Set<Promise<void>>();
  /** CIC statuses this sync asked for (lower-case), oldest first, until the server confirms. */
  const ownRequests: string[] = [];
  /** The status the agent last picked in the panel (lower-case), until it is confirmed. */
  let userRequest: string | null = null;
  let dispatchingOwn = false;
  let facts: OmniSyncFacts = { statusId: null, acdBusy: false };

  const track = (work: Promise<void>): void => {
    const p = work.finally(() => running.delete(p));
    running.add(p);
  };

  const execute = (command: OmniSyncCommand): void => {
    sent.push(command);
    log(`omni sync ${new Date(clock.now()).toISOString()}: ${describeCommand(command)}`);
    const failed = (error: unknown): void => {
      log(
        `omni sync: ${describeCommand(command)} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      feed({ kind: 'command.failed', command });
    };
    switch (command.kind) {
      case 'omni.setStatus':
        return track(transport.setStatus(command.statusApiName).catch(failed));
      case 'omni.logout':
        return track(transport.logout().catch(failed));
      case 'cic.setStatus':
        // Never dispatch from inside a store listener (the store would queue it and the sync
        // could not tell its own intent from the agent's): do it right after.
        return track(
          Promise.resolve().then(() => {
            if (stopped) return;
            ownRequests.push(statusNameKey(command.statusId));
            dispatchingOwn = true;
            try {
              dispatch({ kind: 'intent.setStatus', statusId: statusId(command.statusId) });
            } finally {
              dispatchingOwn = false;
            }
          }),
        );
    }
  };

  function feed(input: OmniSyncInput): void {
    if (stopped) return;
    const result = omniSyncStep(state, input);
    state = result.state;
    result.commands.forEach(execute);
  }

  const cicOrigin = (id: string): ChangeOrigin => {
    const key = statusNameKey(id);
    const own = ownRequests.indexOf(key);
    if (own >= 0) {
      ownRequests.splice(0, own + 1);
      return 'sync';
    }
    if (userRequest === key) {
      userRequest = null;
      return 'user';
    }
    return 'unattributed';
  };

  const observe = (next: OmniSyncFacts): void => {
    const before = facts;
    facts = next;
    if (next.statusId === null && before.statusId !== null) {
      ownRequests.length = 0;
      userRequest = null;
      feed({ kind: 'cic.loggedOff' });
      facts = { statusId: null, acdBusy: false };
      return;
    }
    if (
      next.statusId !== null &&
      (before.statusId === null || statusNameKey(before.statusId) !== statusNameKey(next.statusId))
    ) {
      feed({
        kind: 'cic.status',
        statusId: next.statusId,
        origin: before.statusId === null ? 'snapshot' : cicOrigin(next.statusId),
      });
    }
    if (next.acdBusy !== before.acdBusy) feed({ kind: 'cic.acd', busy: next.acdBusy });
  };

  const unsubscribeStore = store.subscribe((step, input) => {
    if (stopped) return;
    if (input.kind === 'intent.setStatus') {
      const key = statusNameKey(input.statusId);
      if (!dispatchingOwn) {
        userRequest = key;
      } else {
        const pending = step.state.status.pending;
        if (pending === null || statusNameKey(pending.statusId) !== key) {
          // The domain refused our intent (unknown status, not allowed, not logged on).
          const at = ownRequests.lastIndexOf(key);
          if (at >= 0) ownRequests.splice(at, 1);
          log(`omni sync: the panel refused CIC status "${input.statusId}"`);
          feed({
            kind: 'command.failed',
            command: { kind: 'cic.setStatus', statusId: input.statusId, cause: 'map', line: null },
          });
        }
      }
    }
    if (input.kind === 'obs.command.failed' && input.operation === 'setStatus' && ownRequests.length > 0) {
      const key = ownRequests.shift() as string;
      feed({
        kind: 'command.failed',
        command: { kind: 'cic.setStatus', statusId: key, cause: 'map', line: null },
      });
    }
    observe(selectOmniSyncFacts(step.state));
  });

  const onOmni = (event: OmniTransportEvent): void => {
    switch (event.kind) {
      case 'status':
        return feed({
          kind: 'omni.status',
          statusApiName: event.statusApiName,
          origin: omniOrigin(event.reason),
        });
      case 'loggedOut':
        return feed({ kind: 'omni.loggedOut', origin: 'unattributed' });
      case 'workload':
        return feed({ kind: 'omni.workload', workload: event.workload });
    }
  };
  const unsubscribeOmni = transport.onEvent(onOmni);

  observe(selectOmniSyncFacts(store.getState()));
  await transport.start();
  const [current, workload, statuses] = await Promise.all([
    // Without an answer (no bridge component in this app) the sync waits for Omni's first event.
    transport.currentStatus().catch((error: unknown) => {
      log(
        `omni sync: could not read the Omni-Channel status: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }),
    transport.currentWorkload().catch(() => 0),
    transport.statuses().catch(() => null),
  ]);
  if (statuses !== null) {
    const cicIds = Object.values(store.getState().status.catalog).map((s) => s.statusId);
    const problems = unknownOmniSyncNames(config, {
      cicStatusIds:
        cicIds.length > 0
          ? cicIds
          : [
              ...config.toOmni.map((m) => m.cic),
              ...config.toCic.map((m) => m.cic),
              config.workload?.cic ?? '',
            ],
      omniApiNames: statuses.map((s) => s.statusApiName),
    });
    problems.forEach((p) => log(`omni sync settings: ${p.message}`));
  }
  if (workload > 0) feed({ kind: 'omni.workload', workload });
  // An event may already have told us the status while we were reading it.
  if (state.omni === null && current !== undefined) {
    feed(
      current === null
        ? { kind: 'omni.loggedOut', origin: 'snapshot' }
        : { kind: 'omni.status', statusApiName: current.statusApiName, origin: 'snapshot' },
    );
  }

  return {
    state: () => state,
    sent,
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async stop() {
      stopped = true;
      unsubscribeStore();
      unsubscribeOmni();
      await Promise.all([...running]);
      await transport.stop();
    },
  };
}
