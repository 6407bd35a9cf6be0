import { assertNever } from '../diagnostics.js';
import type { QueueItem, QueueObservation } from '../observations.js';
import { sessionInfo } from '../session/session-state.js';
import type { SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { closeWrapUpPrompt, openWrapUpPrompt, syncWrapUpCode } from '../wrap-up/wrap-up-step.js';
import { syncConsult } from '../transfer/transfer-step.js';
import { crmInteraction, raiseAlert, screenPopOnce } from './alerting.js';
import type { InteractionRecord, QueueArea } from './interaction-state.js';
import { mergeInteraction, type MergeResult } from './merge-interaction.js';
import { notificationsFor } from './transitions.js';
import { hasOwn, ownValue, setOwn } from '../own.js';

type Out = StepOutput;

interface Upsert {
  readonly item: QueueItem;
  readonly mode: 'replace' | 'merge';
}

function withQueue(state: SoftphoneState, patch: Partial<QueueArea>): SoftphoneState {
  return { ...state, queue: { ...state.queue, ...patch } };
}

function notify(state: SoftphoneState, result: MergeResult, out: Out): SoftphoneState {
  const { record, from } = result;
  let next = state;
  if (from !== record.phase) {
    out.emit({
      kind: 'crm.interactionChanged',
      ...crmInteraction(record),
      revision: record.revision,
      phase: record.phase,
      connectedAt: record.phase === 'connected' || record.phase === 'held' ? record.connectedAt : null,
      disconnectedAt: record.phase === 'disconnected' ? record.disconnectedAt : null,
    });
  }
  for (const notification of notificationsFor(from, record.phase, result.everConnectedBefore)) {
    switch (notification) {
      case 'alert':
        next = raiseAlert(next, record, out);
        break;
      case 'answered':
        if (record.attributes['Eic_CallDirection']?.toUpperCase() !== 'O')
          next = screenPopOnce(next, record, out);
        break;
      case 'ended':
        next = openWrapUpPrompt(next, record);
        break;
      case 'missed':
        break;
      default:
        assertNever(notification);
    }
  }
  return syncWrapUpCode(next, record);
}

/** Keeps the selection useful: a new live interaction is selected when nothing live is. */
export function autoSelect(queue: QueueArea): QueueArea {
  const selected = queue.selectedId === null ? undefined : ownValue(queue.byId, queue.selectedId);
  if (selected !== undefined && selected.phase !== 'disconnected') return queue;
  const live = queue.order
    .map((id) => ownValue(queue.byId, id))
    .find(
      (r): r is InteractionRecord =>
        r !== undefined && r.phase !== 'disconnected' && r.conferenceParentId === null,
    );
  if (live !== undefined) return { ...queue, selectedId: live.id };
  return selected === undefined ? { ...queue, selectedId: null } : queue;
}

function apply(
  state: SoftphoneState,
  upserts: readonly Upsert[],
  removals: readonly string[],
  out: Out,
): SoftphoneState {
  const skew = sessionInfo(state.session.current)?.clockSkewMs ?? 0;
  const results: MergeResult[] = [];
  const byId: Record<string, InteractionRecord> = { ...state.queue.byId };
  let order = [...state.queue.order];
  for (const { item, mode } of upserts) {
    const result = mergeInteraction(ownValue(byId, item.interactionId) ?? null, item, mode, state.now, skew, out);
    if (result === null) continue;
    if (!hasOwn(byId, item.interactionId)) order.push(item.interactionId);
    setOwn(byId, item.interactionId, result.record);
    results.push(result);
  }
  const gone = new Set(removals.filter((id) => hasOwn(byId, id)));
  order = order.filter((id) => !gone.has(id));
  const kept = Object.fromEntries(
    order
      .map((id) => [id, ownValue(byId, id)] as const)
      .filter((e): e is [string, InteractionRecord] => e[1] !== undefined),
  );
  let next = withQueue(state, { byId: kept, order });
  for (const result of results) next = notify(next, result, out);
  for (const id of gone) next = closeWrapUpPrompt(next, id);
  next = syncConsult(next);
  return withQueue(next, autoSelect(next.queue));
}

/** Steps a snapshot or delta of My Interactions. */
export function stepQueueMessage(
  state: SoftphoneState,
  input: Extract<QueueObservation, { kind: 'obs.queue.snapshot' | 'obs.queue.delta' }>,
  out: Out,
): SoftphoneState {
  if (state.session.current.phase !== 'active')
    return refuse(state, out, 'ignoredInPhase', state.session.current.phase);
  const known = state.queue.byId;
  switch (input.kind) {
    case 'obs.queue.snapshot': {
      const present = new Set(input.interactions.map((i) => i.interactionId as string));
      const removals = state.queue.order.filter((id) => !present.has(id));
      const applied = apply(
        state,
        input.interactions.map((item) => ({ item, mode: 'replace' as const })),
        removals,
        out,
      );
      return withQueue(applied, { snapshotReceived: true });
    }
    case 'obs.queue.delta': {
      if (!state.queue.snapshotReceived) out.report('deltaBeforeSnapshot');
      const upserts: Upsert[] = [];
      for (const item of input.added) {
        if (hasOwn(known, item.interactionId)) out.report('duplicateAdd', null, item.interactionId);
        upserts.push({ item, mode: 'merge' });
      }
      for (const item of input.changed) {
        if (hasOwn(known, item.interactionId) || upserts.some((u) => u.item.interactionId === item.interactionId))
          upserts.push({ item, mode: 'merge' });
        else out.report('unknownInteraction', 'changed', item.interactionId);
      }
      for (const id of input.removed) if (!hasOwn(known, id)) out.report('unknownInteraction', 'removed', id);
      return apply(state, upserts, input.removed, out);
    }
    default:
      return assertNever(input);
  }
}
