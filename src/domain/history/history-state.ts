/** One call history entry (from `historyMessage`), times as epoch ms. */
export interface HistoryEntry {
  readonly interactionId: string;
  readonly direction: 'none' | 'incoming' | 'outgoing';
  readonly outcome: 'none' | 'connected' | 'forwarded';
  readonly initiatedAt: number;
  readonly terminatedAt: number | null;
  readonly remoteAddress: string;
  readonly remoteName: string;
  readonly remoteId: string;
}

/** Call history, newest first. */
export interface HistoryArea {
  readonly entries: readonly HistoryEntry[];
}

/** CIC keeps 3 days or 300 calls per user, whichever comes first. */
export const HISTORY_MAX_ENTRIES = 300;
export const HISTORY_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** No history. */
export function initialHistoryArea(): HistoryArea {
  return { entries: [] };
}
