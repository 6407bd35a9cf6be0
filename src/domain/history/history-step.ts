import type { DataObservation } from '../observations.js';
import type { SoftphoneState } from '../softphone-state.js';
import { HISTORY_MAX_AGE_MS, HISTORY_MAX_ENTRIES, type HistoryEntry } from './history-state.js';

/**
 * Applies a `historyMessage`: a snapshot replaces the list, a delta adds or updates entries by
 * interaction id. The list is kept newest first and trimmed to CIC's retention (3 days or 300
 * calls, whichever comes first).
 */
export function stepHistory(
  state: SoftphoneState,
  input: Extract<DataObservation, { kind: 'obs.history' }>,
): SoftphoneState {
  const byId = new Map<string, HistoryEntry>(
    input.isDelta ? state.history.entries.map((e) => [e.interactionId, e]) : [],
  );
  for (const entry of input.entries) byId.set(entry.interactionId, entry);
  const oldest = state.now - HISTORY_MAX_AGE_MS;
  const entries = [...byId.values()]
    .filter((e) => state.now === 0 || e.initiatedAt >= oldest)
    .sort((a, b) => b.initiatedAt - a.initiatedAt || (a.interactionId < b.interactionId ? -1 : 1))
    .slice(0, HISTORY_MAX_ENTRIES);
  return { ...state, history: { entries } };
}
