/**
 * Durable call logs (issue 5): the leading tab keeps the call logs that may still be written and
 * the outbox of Task writes in `localStorage`, per CIC user and server, after every change, and
 * hands them back to the domain (`obs.crm.logsRestored`) once the same agent is logged on again —
 * after a reload, a crash, or a takeover. The domain decides what to keep
 * (`selectDurableCallLogs`) and how restored entries merge (`crm-restore.ts`).
 *
 * What is stored is validated when read back (another tab, an extension or an older version may
 * have written it): an unreadable value is dropped whole, a bad log or entry alone, each with a
 * diagnostic line; reading never throws. Nothing of the session (ids, tokens, passwords) is stored.
 */
import * as z from 'zod/mini';
import {
  selectDurableCallLogs,
  type CallLog,
  type Input,
  type OutboxEntry,
  type SoftphoneState,
  type Store,
} from '../domain/index.js';

/** Whose call logs: the CIC user on the CIC server (interaction ids are unique per server). */
export interface CallLogOwner {
  readonly server: string;
  readonly userId: string;
}

export interface StoredCallLogs {
  readonly logs: readonly CallLog[];
  readonly outbox: readonly OutboxEntry[];
}

/** Synchronous on purpose: a write must be done before the effect it records can start. */
export interface CallLogStorage {
  load(owner: CallLogOwner): StoredCallLogs | null;
  save(owner: CallLogOwner, data: StoredCallLogs): void;
  clear(owner: CallLogOwner): void;
}

const PREFIX = 'cic-softphone:calllogs:';
const VERSION = 1;

export function callLogKey(owner: CallLogOwner): string {
  return `${PREFIX}${encodeURIComponent(owner.userId)}@${encodeURIComponent(owner.server)}`;
}

const nullableString = z.nullable(z.string());
const nullableNumber = z.nullable(z.number());
const taskFields = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const record = z.object({ id: z.string(), name: z.string(), objectType: z.string() });

const callLogSchema = z.object({
  interactionId: z.string().check(z.minLength(1)),
  callType: z.enum(['Inbound', 'Outbound', 'Internal']),
  objectLabel: z.string(),
  conference: z.boolean(),
  remoteAddress: z.string(),
  remoteName: z.string(),
  connectedAt: z.number(),
  disconnectedAt: nullableNumber,
  subject: nullableString,
  description: z.string(),
  disposition: nullableString,
  names: z.array(record),
  related: z.array(record),
  whoId: nullableString,
  whatId: nullableString,
  whoChosen: z.boolean(),
  whatChosen: z.boolean(),
  mapped: taskFields,
  taskId: nullableString,
  confirmed: taskFields,
  openWhenSaved: z.boolean(),
});

const outboxEntrySchema = z.object({
  interactionId: z.string().check(z.minLength(1)),
  seq: z.int().check(z.minimum(0)),
  taskId: nullableString,
  fields: taskFields,
  status: z.enum(['pending', 'sending', 'failed']),
  uncertain: z.boolean(),
  attempts: z.int().check(z.minimum(0)),
  error: nullableString,
  retryAt: nullableNumber,
});

const envelopeSchema = z.object({
  version: z.literal(VERSION),
  logs: z.array(z.unknown()),
  outbox: z.array(z.unknown()),
});

function where(error: { readonly issues: readonly { readonly path: readonly PropertyKey[] }[] }): string {
  return error.issues.map((issue) => issue.path.map(String).join('.') || '(root)').join(', ');
}

/** Keeps the items that pass `schema`; reports the others. */
function valid<T>(items: readonly unknown[], schema: z.ZodMiniType<T>, what: string, report: (line: string) => void): T[] {
  const out: T[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else report(`stored call logs: ${what} ${index} is invalid at ${where(parsed.error)}; dropping it`);
  });
  return out;
}

/** Call-log storage over `localStorage` (or anything with its three methods). */
export function createCallLogStorage(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  report: (line: string) => void = () => undefined,
): CallLogStorage {
  return {
    load(owner) {
      let raw: string | null;
      try {
        raw = storage.getItem(callLogKey(owner));
      } catch (error) {
        report(`stored call logs unreadable: ${String(error)}`);
        return null;
      }
      if (raw === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        report('stored call logs are not JSON; ignoring them');
        return null;
      }
      const envelope = envelopeSchema.safeParse(value);
      if (!envelope.success) {
        report(`stored call logs are invalid at ${where(envelope.error)}; ignoring them`);
        return null;
      }
      const logs = valid(envelope.data.logs, callLogSchema, 'log', report);
      const ids = new Set(logs.map((log) => log.interactionId));
      const outbox = valid(envelope.data.outbox, outboxEntrySchema, 'outbox entry', report).filter((entry) => {
        if (ids.has(entry.interactionId)) return true;
        report(`stored call logs: outbox entry for ${entry.interactionId} has no log; dropping it`);
        return false;
      });
      return { logs, outbox };
    },
    save(owner, data) {
      storage.setItem(callLogKey(owner), JSON.stringify({ version: VERSION, logs: data.logs, outbox: data.outbox }));
    },
    clear(owner) {
      storage.removeItem(callLogKey(owner));
    },
  };
}

export interface CallLogPersistenceOptions {
  /** The leader's store (the one its runtime drives). */
  readonly store: Pick<Store<SoftphoneState, Input>, 'getState' | 'subscribe'>;
  readonly dispatch: (input: Input) => void;
  readonly storage: CallLogStorage;
  readonly log?: (line: string) => void;
}

/**
 * Runs in the leading tab: stores the durable call logs after every step that changed them, and
 * restores them once per owner when that agent is logged on. Returns the function that stops it.
 *
 * Ordering: the stored value is written inside the step that produced it, before the runtime
 * starts the step's effects (it defers them to a microtask), so a `sending` entry is on disk
 * before its `saveLog` leaves. Restored logs are stepped in the microtask after log-on, before any
 * network answer (My Interactions' snapshot) can arrive; until the domain has merged them,
 * nothing is written over them.
 */
export function persistCallLogs(options: CallLogPersistenceOptions): () => void {
  const { store, dispatch, storage } = options;
  const log = options.log ?? (() => undefined);
  let owner: CallLogOwner | null = null;
  const restoredFor = new Set<string>();
  /** `queued`: a restore is about to be stepped; `held`: the domain holds it until it merges. */
  let restore: 'none' | 'queued' | 'held' = 'none';
  let lastLogs: SoftphoneState['crm']['logs'] | null = null;
  let lastOutbox: SoftphoneState['crm']['outbox'] | null = null;
  let previousPhase: string | null = null;
  let loggedOut = false;
  let stopped = false;

  const write = (state: SoftphoneState): void => {
    if (owner === null) return;
    if (state.crm.logs === lastLogs && state.crm.outbox === lastOutbox) return;
    lastLogs = state.crm.logs;
    lastOutbox = state.crm.outbox;
    const data = selectDurableCallLogs(state);
    try {
      if (data.logs.length === 0 && data.outbox.length === 0) storage.clear(owner);
      else storage.save(owner, data);
    } catch (error) {
      log(`could not store the call logs: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Logged out explicitly: once nothing is owed or live, the stored logs are gone for good.
    if (loggedOut && data.outbox.length === 0 && !data.logs.some((l) => l.disconnectedAt === null)) {
      try {
        storage.clear(owner);
      } catch {
        // nothing stored, or storage unavailable: either way nothing to keep
      }
      owner = null;
    }
  };

  const onState = (): void => {
    if (stopped) return;
    const state = store.getState();
    const current = state.session.current;
    if (previousPhase === 'signingOut' && current.phase === 'signedOut') loggedOut = true;
    previousPhase = current.phase;
    if (current.phase === 'active') {
      loggedOut = false;
      const next: CallLogOwner = { server: state.session.server ?? '', userId: current.info.userId };
      if (owner === null || callLogKey(owner) !== callLogKey(next)) {
        owner = next;
        lastLogs = null;
        lastOutbox = null;
      }
      const key = callLogKey(next);
      if (!restoredFor.has(key)) {
        restoredFor.add(key);
        const stored = storage.load(next);
        if (stored !== null && (stored.logs.length > 0 || stored.outbox.length > 0)) {
          restore = 'queued';
          queueMicrotask(() => {
            if (stopped) return;
            dispatch({ kind: 'obs.crm.logsRestored', userId: next.userId, logs: stored.logs, outbox: stored.outbox });
            restore = store.getState().crm.restored === null ? 'none' : 'held';
            onState();
          });
        }
      }
    }
    if (restore === 'queued') return;
    if (restore === 'held') {
      if (state.crm.restored !== null) return;
      restore = 'none';
    }
    write(state);
  };

  const unsubscribe = store.subscribe(onState);
  onState();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
