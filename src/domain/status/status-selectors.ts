import { hasRight, Right } from '../rights.js';
import type { SoftphoneState } from '../softphone-state.js';
import { formatDuration } from '../wire-time.js';
import { isSelectable, serverNow } from './status-step.js';
import { statusKey, type StatusMessage, type StatusUntil } from './status-state.js';
import { ownValue } from '../own.js';

/** The status bar: current status, time in it, details, and whether a change is on its way. */
export interface StatusBarView {
  readonly statusId: string;
  readonly text: string;
  readonly iconUri: string;
  /** `hh:mm:ss` since the status was set (server clock). */
  readonly timeInStatus: string;
  readonly notes: string;
  readonly forwardNumber: string;
  readonly until: StatusUntil | null;
  readonly pendingStatusId: string | null;
}

/** The agent's status for the status bar, or `null` before the server reported it. */
export function selectStatusBar(state: SoftphoneState): StatusBarView | null {
  const mine = state.status.mine;
  if (mine === null) return null;
  const message = ownValue(state.status.catalog, statusKey(mine.statusId));
  const elapsed = mine.changedAt === null ? 0 : serverNow(state) - mine.changedAt;
  return {
    statusId: mine.statusId,
    text: message?.messageText ?? mine.statusId,
    iconUri: message?.iconUri ?? '',
    timeInStatus: formatDuration(elapsed),
    notes: mine.notes,
    forwardNumber: mine.forwardNumber,
    until: mine.until,
    pendingStatusId: state.status.pending?.statusId ?? null,
  };
}

/** One status the agent may pick. */
export interface StatusChoice {
  readonly statusId: string;
  readonly text: string;
  readonly iconUri: string;
  readonly favourite: boolean;
  readonly current: boolean;
  /** Forward statuses need a forward number, so choosing one opens the details form. */
  readonly needsDetails: boolean;
}

function toChoice(state: SoftphoneState, status: StatusMessage): StatusChoice {
  const key = statusKey(status.statusId);
  return {
    statusId: status.statusId,
    text: status.messageText,
    iconUri: status.iconUri,
    favourite: state.prefs.value.favourites.some((f) => statusKey(f) === key),
    current: state.status.mine !== null && statusKey(state.status.mine.statusId) === key,
    needsDetails: status.isForwardStatus,
  };
}

/**
 * The status list: selectable statuses the agent has access to, in catalog order, whose text
 * contains `search` (case-insensitive); and the favourites bar (favourites still selectable).
 */
export function selectStatusChoices(
  state: SoftphoneState,
  search = '',
): { readonly favourites: readonly StatusChoice[]; readonly list: readonly StatusChoice[] } {
  const needle = search.trim().toLowerCase();
  const selectable = state.status.order
    .map((k) => ownValue(state.status.catalog, k))
    .filter((s): s is StatusMessage => s !== undefined && isSelectable(state.status, s));
  const list = selectable
    .filter((s) => needle === '' || s.messageText.toLowerCase().includes(needle))
    .map((s) => toChoice(state, s));
  const favourites = state.prefs.value.favourites
    .map((f) => selectable.find((s) => statusKey(s.statusId) === statusKey(f)))
    .filter((s): s is StatusMessage => s !== undefined)
    .map((s) => toChoice(state, s));
  return { favourites, list };
}

/** The status details form for one status, pre-filled from the last time it was used. */
export interface StatusDetailsView {
  readonly statusId: string;
  readonly notes: { readonly allowed: boolean; readonly value: string };
  readonly forwardNumber: { readonly enabled: boolean; readonly required: boolean; readonly value: string };
  readonly until: { readonly date: boolean; readonly time: boolean };
}

/** The details form for `statusId`, or `null` for an unknown status. */
export function selectStatusDetails(state: SoftphoneState, statusId: string): StatusDetailsView | null {
  const key = statusKey(statusId);
  const status = ownValue(state.status.catalog, key);
  if (status === undefined) return null;
  const mine = state.status.mine;
  const isCurrent = mine !== null && statusKey(mine.statusId) === key;
  const previous = ownValue(state.status.previous, key);
  const notes = isCurrent ? mine.notes : (previous?.notes ?? '');
  const forward =
    isCurrent && mine.forwardNumber !== '' ? mine.forwardNumber : (previous?.forwardNumber ?? '');
  return {
    statusId: status.statusId,
    notes: {
      allowed: state.entitlements === null || hasRight(state.entitlements, Right.StatusNotes),
      value: notes,
    },
    forwardNumber: {
      enabled: status.isForwardStatus,
      required: status.isForwardStatus,
      value: status.isForwardStatus ? forward : '',
    },
    until: { date: status.canHaveDate, time: status.canHaveTime },
  };
}
