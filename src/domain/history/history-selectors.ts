import { assertNever } from '../diagnostics.js';
import { dialBlocker } from '../dial/dial-step.js';
import { displayName } from '../name-rule.js';
import type { SoftphoneState } from '../softphone-state.js';
import type { HistoryEntry } from './history-state.js';

/** Call history filters. */
export const HistoryFilter = {
  All: 'all',
  Missed: 'missed',
  Outgoing: 'outgoing',
  Answered: 'answered',
  Forwarded: 'forwarded',
} as const;
export type HistoryFilter = (typeof HistoryFilter)[keyof typeof HistoryFilter];

/** Whether an entry belongs under a filter. */
export function matchesHistoryFilter(entry: HistoryEntry, filter: HistoryFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'missed':
      return entry.direction === 'incoming' && entry.outcome === 'none';
    case 'outgoing':
      return entry.direction === 'outgoing';
    case 'answered':
      return entry.direction === 'incoming' && entry.outcome === 'connected';
    case 'forwarded':
      return entry.outcome === 'forwarded';
    default:
      return assertNever(filter);
  }
}

/** One history row. */
export interface HistoryRow {
  readonly interactionId: string;
  readonly name: string;
  readonly number: string;
  readonly direction: HistoryEntry['direction'];
  readonly outcome: HistoryEntry['outcome'];
  readonly startedAt: number;
  readonly durationMs: number | null;
  /** Clicking the row dials the number (off for a Limited Agent). */
  readonly canDial: boolean;
}

/** Call history under a filter, newest first. */
export function selectCallHistory(
  state: SoftphoneState,
  filter: HistoryFilter = 'all',
): readonly HistoryRow[] {
  const canDial = dialBlocker(state) === null;
  return state.history.entries
    .filter((e) => matchesHistoryFilter(e, filter))
    .map((e) => ({
      interactionId: e.interactionId,
      name: displayName({ displayName: e.remoteName, userId: e.remoteId, number: e.remoteAddress }),
      number: e.remoteAddress,
      direction: e.direction,
      outcome: e.outcome,
      startedAt: e.initiatedAt,
      durationMs: e.terminatedAt === null ? null : Math.max(0, e.terminatedAt - e.initiatedAt),
      canDial: canDial && e.remoteAddress.trim() !== '',
    }));
}
