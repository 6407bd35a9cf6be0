/**
 * Durable call logs: what survives a reload, a crash or a takeover by another tab.
 *
 * The leading tab stores {@link selectDurableCallLogs} after every change (`src/app/outbox-storage.ts`)
 * and, once the agent is logged on again, steps `obs.crm.logsRestored` with what it read. Rules:
 *
 * - restored logs wait in `crm.restored` until My Interactions' first snapshot, so a call that is
 *   still live is not taken for one that ended while the page was gone;
 * - a restored log joins the state unless this page already writes that Task (it knows the Task id
 *   or has a write of its own outstanding); candidates for Name / Related To are merged;
 * - a restored outbox entry is dropped when the log it belongs to is gone or Salesforce has
 *   already confirmed the create (the log knows the Task id); one that was `sending` has lost its
 *   sender and becomes `pending` — and if it was a create it is `uncertain`: the Task is looked up
 *   by `CallObject` (`crm.findLog`) before anything is created again;
 * - `obs.crm.outboxInherited` (a tab taking over from a leader that died) does the same to every
 *   `sending` entry of the state it mirrored.
 */
import type { CrmObservation } from '../observations.js';
import type { SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { mergeRecords } from './crm-records.js';
import type { CallLog, CrmArea, OutboxEntry } from './crm-state.js';
import { own } from './own.js';

/** At most this many logs are stored; logs with an outstanding write are always kept. */
export const MAX_STORED_LOGS = 50;

function withCrm(state: SoftphoneState, patch: Partial<CrmArea>): SoftphoneState {
  return { ...state, crm: { ...state.crm, ...patch } };
}

/** An entry whose sender is gone: nothing is in flight any more; a create may have happened. */
function orphaned(entry: OutboxEntry): OutboxEntry {
  return { ...entry, status: 'pending', uncertain: entry.uncertain || entry.taskId === null, retryAt: null };
}

/** What the leading tab keeps in storage: the logs that may still be written, and the outbox. */
export function selectDurableCallLogs(state: SoftphoneState): {
  readonly logs: readonly CallLog[];
  readonly outbox: readonly OutboxEntry[];
} {
  const outbox = Object.values(state.crm.outbox);
  const connected = Object.values(state.crm.logs).filter((log) => log.connectedAt !== null);
  const owed = connected.filter((log) => own(state.crm.outbox, log.interactionId) !== undefined);
  const others = connected
    .filter((log) => own(state.crm.outbox, log.interactionId) === undefined)
    .sort((a, b) => (b.connectedAt ?? 0) - (a.connectedAt ?? 0))
    .slice(0, Math.max(0, MAX_STORED_LOGS - owed.length));
  const keep = new Set([...owed, ...others].map((log) => log.interactionId));
  return {
    logs: connected.filter((log) => keep.has(log.interactionId)),
    outbox: outbox.filter((entry) => keep.has(entry.interactionId)),
  };
}

/** `obs.crm.outboxInherited`: writes this runtime never sent are no longer in flight. */
export function inheritOutbox(state: SoftphoneState): SoftphoneState {
  const entries = Object.entries(state.crm.outbox);
  if (!entries.some(([, entry]) => entry.status === 'sending')) return state;
  return withCrm(state, {
    outbox: Object.fromEntries(
      entries.map(([id, entry]) => [id, entry.status === 'sending' ? orphaned(entry) : entry]),
    ),
  });
}

/** `obs.crm.logsRestored`: held until it can be merged (see {@link mergeRestored}). */
export function holdRestored(
  state: SoftphoneState,
  input: Extract<CrmObservation, { kind: 'obs.crm.logsRestored' }>,
  out: StepOutput,
): SoftphoneState {
  const current = state.session.current;
  const userId = current.phase === 'active' || current.phase === 'agreement' ? current.info.userId : null;
  if (userId !== null && userId !== input.userId) return refuse(state, out, 'stale', 'restoredForAnotherUser');
  return withCrm(state, { restored: { userId: input.userId, logs: input.logs, outbox: input.outbox } });
}

/** Merges held logs once logged on as their user with a My Interactions snapshot. Runs first in every reconcile. */
export function mergeRestored(state: SoftphoneState, out: StepOutput): SoftphoneState {
  const restored = state.crm.restored;
  const current = state.session.current;
  if (restored === null || current.phase !== 'active' || !state.queue.snapshotReceived) return state;
  if (current.info.userId !== restored.userId) {
    out.report('stale', 'restoredForAnotherUser');
    return withCrm(state, { restored: null });
  }
  const logs: Record<string, CallLog> = { ...state.crm.logs };
  const outbox: Record<string, OutboxEntry> = { ...state.crm.outbox };
  let nextSeq = state.crm.nextSeq;
  for (const stored of restored.logs) {
    const id = stored.interactionId;
    if (stored.connectedAt === null) continue;
    const live = own(logs, id);
    // This page already writes the Task: what it knows is newer than what was stored.
    if (live !== undefined && (live.taskId !== null || own(outbox, id) !== undefined)) continue;
    logs[id] =
      live === undefined
        ? stored
        : { ...stored, names: mergeRecords(stored.names, live.names), related: mergeRecords(stored.related, live.related) };
  }
  for (const entry of restored.outbox) {
    const id = entry.interactionId;
    const log = own(logs, id);
    if (own(outbox, id) !== undefined || log === undefined) continue;
    // Salesforce confirmed the create before the page went away: the entry is spent.
    if (entry.taskId === null && log.taskId !== null) continue;
    if (entry.taskId !== null && log.taskId === null) continue;
    outbox[id] = entry.status === 'sending' ? orphaned(entry) : entry;
    nextSeq = Math.max(nextSeq, entry.seq + 1);
  }
  return withCrm(state, { logs, outbox, nextSeq, restored: null });
}

/** `obs.crm.logFound`: the lookup of an uncertain create answered. */
export function lookedUp(
  state: SoftphoneState,
  input: Extract<CrmObservation, { kind: 'obs.crm.logFound' }>,
  out: StepOutput,
): SoftphoneState {
  const entry = own(state.crm.outbox, input.interactionId);
  if (entry === undefined || entry.seq !== input.seq || entry.status !== 'sending')
    return refuse(state, out, 'stale', 'logFound', input.interactionId);
  // Resolved either way: the next reconcile updates the Task found, or creates one.
  const { [input.interactionId]: _resolved, ...outbox } = state.crm.outbox;
  const next = withCrm(state, { outbox });
  const log = own(next.crm.logs, input.interactionId);
  if (log === undefined || input.taskId === null || log.taskId !== null) return next;
  // The lost create made the Task: it holds that create's fields.
  const updated: CallLog = { ...log, taskId: input.taskId, confirmed: entry.fields };
  return withCrm(next, { logs: { ...next.crm.logs, [log.interactionId]: updated } });
}
