/**
 * One CIC session for all of an agent's tabs (docs/decisions/0009-one-session-many-tabs.md).
 *
 * Every tab runs {@link startTabs}. The tab holding the Web Lock `cic-softphone-leader` leads: it
 * runs the runtime with the real ports (CIC, storage, notifier, the call-log side of the CRM) and
 * sends its state to the other tabs after each burst of steps. The other tabs follow: their panel
 * renders the leader's state, and whatever the agent does there (and what their own CRM reports)
 * is forwarded to the leader. Screen pops, "show the panel" and record openings go to the tab the
 * agent is looking at; the utility item is set in every tab; Task writes run once, in the leader.
 *
 * When the leading tab closes or reloads, the browser hands the lock to another tab, which starts
 * a runtime from the state it mirrored and adopts the same ICWS session (shared in memory over the
 * channel, never stored): no new logon, messaging restarted, subscriptions re-sent for fresh
 * snapshots, the station kept. Inputs the old leader never applied are sent again.
 */
import {
  initialSoftphoneState,
  LogonFailure,
  type Clock,
  type CrmPort,
  type Input,
  type Observation,
  type SoftphoneState,
  type Store,
} from '../../domain/index.js';
import type { CallLogStorage, persistCallLogs } from '../outbox-storage.js';
import type { Runtime, RuntimePorts } from '../runtime.js';
import { AttentionTracker } from './attention.js';
import {
  EVERY_TAB,
  type CrmCall,
  type LockManagerLike,
  type TabChannel,
  type TabMessage,
  type VisibilitySource,
} from './protocol.js';
import { createTabStore } from './tab-store.js';

/** How a leader hands its CIC session to the next one. `S` is opaque here (the CIC port's data). */
export interface SessionSharing<S> {
  /** The live session as structured-cloneable data, `null` when there is none. */
  shared(): Promise<S | null>;
  /** Continues that session in this tab; resolves with the observation to step (`obs.session.connected`). */
  adopt(shared: S): Promise<Observation>;
}

export interface TabsOptions<S> {
  readonly ports: RuntimePorts;
  readonly sharing: SessionSharing<S>;
  readonly clock: Clock;
  readonly channel: TabChannel;
  readonly locks: LockManagerLike;
  readonly visibility: VisibilitySource;
  readonly log?: (line: string) => void;
  /** Random unless given (tests name their tabs). */
  readonly tabId?: string;
  /** Web Lock name of the leader; per-tab liveness locks are `${lockName}:tab:${id}`. */
  readonly lockName?: string;
  /** How long the leader waits for another tab to answer a CRM call before making it itself. */
  readonly remoteTimeoutMs?: number;
  readonly tickMs?: number;
  /** Milliseconds between attempts to adopt the session while the server is unreachable. */
  readonly adoptRetryMs?: readonly number[];
  /**
   * Where the leader keeps the call logs and their outbox across reloads (loaded with the
   * runtime). Without it they live in memory only.
   */
  readonly callLogStorage?: () => Promise<CallLogStorage>;
}

export type TabRole = 'leader' | 'follower';

/** What the composition root uses in place of a bare runtime. */
export interface Tabs {
  readonly id: string;
  /** The store the panel renders (the leader's state while following). */
  readonly store: Store<SoftphoneState, Input>;
  readonly role: TabRole;
  /** Resolves once this tab leads and has resumed the session (tests, diagnostics). */
  whenLeading(): Promise<void>;
  /** The agent's intents: stepped here when leading, forwarded to the leader otherwise. */
  dispatch(input: Input): void;
  /** Resolves once the effects started so far in this tab have settled. */
  idle(): Promise<void>;
  /** Leaves: the lock passes to another tab. Never logs off the CIC session. */
  stop(): void;
}

export const LEADER_LOCK = 'cic-softphone-leader';
const APPLIED_MEMORY = 64;

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function sessionIdOf(state: SoftphoneState): string | null {
  const current = state.session.current;
  return current.phase === 'active' || current.phase === 'agreement' || current.phase === 'signingOut'
    ? current.info.sessionId
    : null;
}

function failureKind(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { portKind, kind } = error as { portKind?: unknown; kind?: unknown };
  const value = portKind ?? kind;
  return typeof value === 'string' ? value : null;
}

interface RemoteCall {
  readonly to: string;
  readonly call: CrmCall;
  readonly settle: (outcome: { ok: true; value: unknown } | { ok: false; error: string }) => void;
}

export function startTabs<S>(options: TabsOptions<S>): Tabs {
  const id = options.tabId ?? randomId();
  const lockName = options.lockName ?? LEADER_LOCK;
  const tabLockPrefix = `${lockName}:tab:`;
  const log = options.log ?? (() => undefined);
  const remoteTimeoutMs = options.remoteTimeoutMs ?? 4000;
  const adoptRetryMs = options.adoptRetryMs ?? [250, 1000, 2000];
  const { channel, locks, visibility, clock, sharing } = options;
  const localCrm = options.ports.crm;

  let stopped = false;
  /** The epoch of the leader this tab follows, or its own once leading. */
  let epoch = 0;
  let lastShared: S | null = null;
  /** Input ids the followed leader reported as stepped. */
  let lastApplied: readonly string[] = [];
  /** Inputs this tab forwarded that no leader has reported as stepped yet. */
  const pending = new Map<string, Input>();
  let inputCount = 0;
  const attention = new AttentionTracker();
  const cleanup: (() => void)[] = [];

  // Leader only.
  let runtime: Runtime | null = null;
  let resumed = false;
  const applied: string[] = [];
  const early: { id: string; input: Input }[] = [];
  let seq = 0;
  let flushQueued = false;
  let publishedSessionId: string | null = null;
  let pageHidden: boolean | null = null;
  const remoteCalls = new Map<string, RemoteCall>();
  let callCount = 0;

  let markLeading: () => void = () => undefined;
  const leading = new Promise<void>((resolve) => (markLeading = resolve));

  const post = (message: TabMessage): void => {
    if (!stopped) channel.post(message);
  };

  const forward = (input: Input): void => {
    inputCount += 1;
    const inputId = `${id}:${inputCount}`;
    pending.set(inputId, input);
    post({ type: 'input', from: id, id: inputId, input });
  };

  const store = createTabStore(initialSoftphoneState(clock.now()), forward);

  // ---- what every tab does -------------------------------------------------------------------

  const runLocal = async (call: CrmCall): Promise<unknown> => {
    if (localCrm === undefined) return null;
    switch (call.op) {
      case 'screenPop':
        return localCrm.screenPop(call.request);
      case 'setPanelVisible':
        return localCrm.setPanelVisible(call.visible);
      case 'openRecord':
        return localCrm.openRecord(call.recordId);
      case 'setUtility':
        return localCrm.setUtility(call.request);
    }
  };

  const reportVisibility = (): void => {
    const seen = visibility.current();
    attention.report(id, seen);
    post({ type: 'visibility', from: id, visible: seen.visible, focused: seen.focused });
    if (runtime !== null) updatePageHidden();
  };

  /** The leader's `pageHidden`: no tab of the agent's is visible. */
  const updatePageHidden = (): void => {
    if (runtime === null) return;
    const hidden = attention.target('') === '';
    if (hidden === pageHidden) return;
    pageHidden = hidden;
    runtime.dispatch({ kind: 'obs.page.visibility', hidden });
  };

  const resendPending = (): void => {
    for (const [inputId, input] of pending) {
      if (lastApplied.includes(inputId)) pending.delete(inputId);
      else post({ type: 'input', from: id, id: inputId, input });
    }
  };

  // ---- leader --------------------------------------------------------------------------------

  const scheduleFlush = (): void => {
    if (flushQueued || runtime === null) return;
    flushQueued = true;
    queueMicrotask(flush);
  };

  const flush = (): void => {
    flushQueued = false;
    if (stopped || runtime === null) return;
    const state = store.getState();
    seq += 1;
    post({ type: 'state', from: id, epoch, seq, state, applied: [...applied] });
    const sessionId = sessionIdOf(state);
    if (sessionId !== publishedSessionId) {
      publishedSessionId = sessionId;
      void publishSession();
    }
  };

  const publishSession = async (): Promise<void> => {
    const shared = publishedSessionId === null ? null : await sharing.shared().catch(() => null);
    post({ type: 'session', from: id, epoch, shared });
  };

  const stepForwarded = (inputId: string, input: Input): void => {
    if (runtime === null) return;
    if (applied.includes(inputId)) {
      scheduleFlush(); // the sender missed the state that said so
      return;
    }
    applied.push(inputId);
    if (applied.length > APPLIED_MEMORY) applied.splice(0, applied.length - APPLIED_MEMORY);
    runtime.dispatch(input);
  };

  const aliveTabs = async (): Promise<((tabId: string) => boolean) | undefined> => {
    if (locks.query === undefined) return undefined;
    try {
      const snapshot = await locks.query();
      const alive = new Set(
        (snapshot.held ?? [])
          .map((lock) => lock.name ?? '')
          .filter((name) => name.startsWith(tabLockPrefix))
          .map((name) => name.slice(tabLockPrefix.length)),
      );
      return (tabId) => tabId === id || alive.has(tabId);
    } catch {
      return undefined;
    }
  };

  /** Makes a CRM call in the tab the agent is looking at (here when it is this one). */
  const runWhereLooking = async (call: CrmCall): Promise<unknown> => {
    const target = attention.target(id, await aliveTabs());
    if (target === id) return runLocal(call);
    callCount += 1;
    const callId = `${id}:call:${callCount}`;
    const outcome = await new Promise<{ ok: true; value: unknown } | { ok: false; error: string }>((resolve) => {
      const timer = setTimeout(() => settle({ ok: false, error: 'no answer' }), remoteTimeoutMs);
      const settle = (result: { ok: true; value: unknown } | { ok: false; error: string }): void => {
        clearTimeout(timer);
        remoteCalls.delete(callId);
        resolve(result);
      };
      remoteCalls.set(callId, { to: target, call, settle });
      post({ type: 'run', from: id, to: target, id: callId, call });
    });
    if (outcome.ok) return outcome.value;
    if (outcome.error === 'no answer' || outcome.error === 'tab closed') {
      // The tab went away before answering: show it here rather than not at all.
      log(`tab ${target} did not make ${call.op} (${outcome.error}); making it in the leading tab`);
      if (!stopped) return runLocal(call);
      return null;
    }
    throw new Error(outcome.error);
  };

  const routedCrm = (local: CrmPort): CrmPort => ({
    screenPop: (request) =>
      runWhereLooking({ op: 'screenPop', request }) as ReturnType<CrmPort['screenPop']>,
    interactionChanged: (request) => local.interactionChanged(request),
    setPanelVisible: async (visible) => {
      await runWhereLooking({ op: 'setPanelVisible', visible });
    },
    saveLog: (request) => local.saveLog(request),
    ...(local.findLog === undefined ? {} : { findLog: local.findLog.bind(local) }),
    openRecord: async (recordId) => {
      await runWhereLooking({ op: 'openRecord', recordId });
    },
    setUtility: async (request) => {
      post({ type: 'run', from: id, to: EVERY_TAB, id: `${id}:utility`, call: { op: 'setUtility', request } });
      await local.setUtility(request);
    },
    observe: (listener) => local.observe(listener),
  });

  const adopt = async (shared: S): Promise<Observation> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await sharing.adopt(shared);
      } catch (error) {
        const wait = adoptRetryMs[attempt];
        if (failureKind(error) !== 'network' || wait === undefined || stopped) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };

  /** Picks up where the previous leader stopped, per the session phase it left. */
  const resume = async (run: Runtime): Promise<void> => {
    const phase = store.getState().session.current.phase;
    if (phase === 'active' || phase === 'agreement') {
      const shared = lastShared;
      if (shared === null) {
        log('took over without the session: it must be logged on again');
        run.dispatch({ kind: 'obs.session.ended', reason: 'lost' });
        return;
      }
      try {
        run.dispatch(await adopt(shared));
      } catch (error) {
        log(`could not continue the session: ${error instanceof Error ? error.message : String(error)}`);
        if (!stopped) run.dispatch({ kind: 'obs.session.ended', reason: 'lost' });
      }
    } else if (phase === 'loggingOn') {
      // The logon request died with the old leader: the agent tries again.
      run.dispatch({ kind: 'obs.logon.failed', reason: LogonFailure.Unknown, errorId: null });
    } else if (phase === 'signingOut') {
      run.dispatch({ kind: 'obs.session.ended', reason: 'loggedOff' });
    }
  };

  /** The durable call logs' storage and persistence, or `null` (not configured, or it failed to load). */
  const loadCallLogPersistence = async (): Promise<{
    storage: CallLogStorage;
    persist: typeof persistCallLogs;
  } | null> => {
    const load = options.callLogStorage;
    if (load === undefined) return null;
    try {
      const [module, storage] = await Promise.all([import('../outbox-storage.js'), load()]);
      return { storage, persist: module.persistCallLogs };
    } catch (error) {
      log(`call logs will not survive a reload: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  const becomeLeader = async (): Promise<void> => {
    if (stopped || runtime !== null) return;
    // The runtime is only needed by the leading tab: its own chunk (ADR 0008's initial-JS budget).
    const [{ startRuntime }, durable] = await Promise.all([import('../runtime.js'), loadCallLogPersistence()]);
    if (stopped || runtime !== null) return;
    stopFollowingCrm();
    epoch += 1;
    const inner = store.lead();
    const run = startRuntime({
      store: inner,
      ports: { ...options.ports, ...(localCrm === undefined ? {} : { crm: routedCrm(localCrm) }) },
      clock,
      log,
      ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
    });
    runtime = run;
    // Task writes the previous leader had in flight died with it: their outcome is unknown.
    run.dispatch({ kind: 'obs.crm.outboxInherited' });
    // Stored after every change, restored once the agent is logged on (before any snapshot).
    if (durable !== null)
      cleanup.push(durable.persist({ store: inner, dispatch: run.dispatch, storage: durable.storage, log }));
    cleanup.push(inner.subscribe(() => scheduleFlush()));
    post({ type: 'leader', from: id, epoch });
    updatePageHidden();
    await resume(run);
    if (stopped) return;
    resumed = true;
    // What this tab forwarded and the old leader never stepped, then what others sent meanwhile.
    const mine = [...pending].filter(([inputId]) => !lastApplied.includes(inputId));
    pending.clear();
    for (const [inputId, input] of mine) stepForwarded(inputId, input);
    for (const { id: inputId, input } of early.splice(0)) stepForwarded(inputId, input);
    scheduleFlush();
    markLeading();
  };

  // ---- follower ------------------------------------------------------------------------------

  let stopFollowingCrm: () => void = () => undefined;
  if (localCrm !== undefined) {
    const off = localCrm.observe((observation) => forward(observation));
    stopFollowingCrm = () => {
      off();
      stopFollowingCrm = () => undefined;
    };
  }

  const onMessage = (message: TabMessage): void => {
    if (stopped || message.from === id) return;
    switch (message.type) {
      case 'hello':
        if (runtime !== null) {
          scheduleFlush();
          void publishSession();
        }
        reportVisibility();
        return;
      case 'bye':
        attention.forget(message.from);
        for (const remote of remoteCalls.values()) if (remote.to === message.from) remote.settle({ ok: false, error: 'tab closed' });
        if (runtime !== null) updatePageHidden();
        return;
      case 'leader':
        if (runtime !== null || message.epoch < epoch) return;
        epoch = message.epoch;
        resendPending();
        reportVisibility();
        return;
      case 'state':
        if (runtime !== null || message.epoch < epoch) return;
        epoch = message.epoch;
        lastApplied = message.applied;
        for (const inputId of message.applied) pending.delete(inputId);
        store.mirror(message.state);
        return;
      case 'session':
        if (runtime !== null || message.epoch < epoch) return;
        lastShared = message.shared as S | null;
        return;
      case 'input':
        if (runtime === null) return;
        if (!resumed) early.push({ id: message.id, input: message.input });
        else stepForwarded(message.id, message.input);
        return;
      case 'visibility':
        attention.report(message.from, message);
        if (runtime !== null) updatePageHidden();
        return;
      case 'run': {
        if (message.to !== id && message.to !== EVERY_TAB) return;
        const answer = message.to === id;
        runLocal(message.call).then(
          (value) => {
            if (answer) post({ type: 'result', from: id, to: message.from, id: message.id, ok: true, value: value ?? null, error: null });
          },
          (error: unknown) => {
            if (answer)
              post({
                type: 'result',
                from: id,
                to: message.from,
                id: message.id,
                ok: false,
                value: null,
                error: error instanceof Error ? error.message : String(error),
              });
          },
        );
        return;
      }
      case 'result': {
        if (message.to !== id) return;
        const remote = remoteCalls.get(message.id);
        if (remote === undefined) return;
        remote.settle(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error ?? 'failed' });
        return;
      }
    }
  };

  cleanup.push(channel.listen(onMessage));
  cleanup.push(visibility.subscribe(reportVisibility));

  // ---- locks ---------------------------------------------------------------------------------

  const abort = new AbortController();
  const held: (() => void)[] = [];
  const hold = (name: string, then: () => void): void => {
    locks
      .request(name, { signal: abort.signal }, () =>
        new Promise<void>((release) => {
          held.push(release);
          if (stopped) release();
          else then();
        }),
      )
      .catch(() => undefined); // aborted on stop
  };
  hold(`${tabLockPrefix}${id}`, () => undefined);
  hold(lockName, () => {
    void becomeLeader().catch((error: unknown) => log(`could not lead: ${String(error)}`));
  });

  post({ type: 'hello', from: id });
  reportVisibility();

  return {
    id,
    store,
    get role(): TabRole {
      return runtime === null ? 'follower' : 'leader';
    },
    whenLeading: () => leading,
    dispatch(input) {
      if (runtime !== null) runtime.dispatch(input);
      else forward(input);
    },
    idle: () => runtime?.idle() ?? Promise.resolve(),
    stop() {
      if (stopped) return;
      post({ type: 'bye', from: id });
      stopped = true;
      for (const off of cleanup.splice(0)) off();
      stopFollowingCrm();
      runtime?.stop();
      for (const remote of [...remoteCalls.values()]) remote.settle({ ok: false, error: 'stopped' });
      for (const release of held.splice(0)) release();
      abort.abort();
      channel.close();
    },
  };
}
