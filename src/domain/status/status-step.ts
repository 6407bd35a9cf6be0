import { assertNever } from '../diagnostics.js';
import type { StatusIntent } from '../intents.js';
import type { StatusObservation, UserStatusUpdate } from '../observations.js';
import { hasRight, Right } from '../rights.js';
import { sessionInfo } from '../session/session-state.js';
import { currentUserId, savePrefs, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { stepActivationInput } from '../activation/activation-step.js';
import { statusKey, type StatusArea, type StatusMessage, type UserStatus } from './status-state.js';
import { ownValue, setOwn } from '../own.js';

type Out = StepOutput;

function withStatus(state: SoftphoneState, patch: Partial<StatusArea>): SoftphoneState {
  return { ...state, status: { ...state.status, ...patch } };
}

/** Server time now, as well as the domain knows it. */
export function serverNow(state: SoftphoneState): number {
  return state.now + (sessionInfo(state.session.current)?.clockSkewMs ?? 0);
}

/**
 * Merges a status update into what is known about a user. A snapshot (`base` null) fills absent
 * fields with defaults. When the status changes and the server gave no change time, the change
 * is taken to have happened now (server clock).
 */
export function mergeUserStatus(base: UserStatus | null, update: UserStatusUpdate, now: number): UserStatus {
  const statusId = update.statusId ?? base?.statusId ?? '';
  const changed = base === null || statusKey(base.statusId) !== statusKey(statusId);
  const changedAt =
    update.changedAt !== undefined ? update.changedAt : changed ? now : (base?.changedAt ?? null);
  return {
    userId: update.userId,
    statusId,
    notes: update.notes ?? base?.notes ?? '',
    forwardNumber: update.forwardNumber ?? base?.forwardNumber ?? '',
    until: update.until !== undefined ? update.until : (base?.until ?? null),
    loggedIn: update.loggedIn ?? base?.loggedIn ?? null,
    onPhone: update.onPhone ?? base?.onPhone ?? null,
    changedAt,
  };
}

function userStatuses(
  state: SoftphoneState,
  input: Extract<StatusObservation, { kind: 'obs.status.user' }>,
): SoftphoneState {
  const me = currentUserId(state)?.toLowerCase() ?? null;
  const now = serverNow(state);
  let mine = input.isDelta ? state.status.mine : null;
  const presence: Record<string, UserStatus> = input.isDelta ? { ...state.directory.presence } : {};
  for (const update of input.statuses) {
    const key = update.userId.toLowerCase();
    if (key === me) mine = mergeUserStatus(input.isDelta ? mine : null, update, now);
    setOwn(presence, key, mergeUserStatus(input.isDelta ? (ownValue(presence, key) ?? null) : null, update, now));
  }
  const pending = state.status.pending;
  const confirmed =
    pending !== null && mine !== null && statusKey(mine.statusId) === statusKey(pending.statusId);
  return {
    ...withStatus(state, { mine, pending: confirmed ? null : pending }),
    directory: { ...state.directory, presence },
  };
}

/** Whether the agent may pick the status (selectable, and allowed by View Status Messages). */
export function isSelectable(area: StatusArea, status: StatusMessage): boolean {
  const key = statusKey(status.statusId);
  return status.isSelectableStatus && (area.access === null || area.access.includes(key));
}

function setStatus(
  state: SoftphoneState,
  input: Extract<StatusIntent, { kind: 'intent.setStatus' }>,
  out: Out,
): SoftphoneState {
  const userId = currentUserId(state);
  if (userId === null || state.session.current.phase !== 'active')
    return refuse(state, out, 'ignoredInPhase', state.session.current.phase);
  const status = ownValue(state.status.catalog, statusKey(input.statusId));
  if (status === undefined) return refuse(state, out, 'invalid', 'unknownStatus');
  if (!isSelectable(state.status, status)) return refuse(state, out, 'forbidden', 'statusNotSelectable');
  const forwardNumber = input.forwardNumber?.trim() ?? '';
  if (status.isForwardStatus && forwardNumber === '')
    return refuse(state, out, 'invalid', 'forwardNumberRequired');
  const until = input.until ?? null;
  if (
    until !== null &&
    ((until.hasDate && !status.canHaveDate) ||
      (until.hasTime && !status.canHaveTime) ||
      (!until.hasDate && !until.hasTime))
  ) {
    return refuse(state, out, 'invalid', 'untilNotAllowed');
  }
  const notes = input.notes?.trim() ?? '';
  if (notes !== '' && state.entitlements !== null && !hasRight(state.entitlements, Right.StatusNotes)) {
    return refuse(state, out, 'forbidden', 'statusNotesNeedRight');
  }
  out.emit({
    kind: 'cic.setStatus',
    userId,
    statusId: status.statusId,
    notes: notes === '' ? null : notes,
    forwardNumber: status.isForwardStatus ? forwardNumber : null,
    until,
  });
  return withStatus(state, { pending: { statusId: status.statusId, requestedAt: state.now } });
}

function catalog(
  state: SoftphoneState,
  input: Extract<StatusObservation, { kind: 'obs.status.catalog' }>,
): SoftphoneState {
  const entries: Record<string, StatusMessage> = input.isDelta ? { ...state.status.catalog } : {};
  let order = input.isDelta ? [...state.status.order] : [];
  for (const id of input.removed) {
    const key = statusKey(id);
    order = order.filter((k) => k !== key);
  }
  for (const message of input.upserted) {
    const key = statusKey(message.statusId);
    setOwn(entries, key, message);
    if (!order.includes(key)) order.push(key);
  }
  const kept = Object.fromEntries(
    order
      .map((k) => [k, ownValue(entries, k)] as const)
      .filter((e): e is [string, StatusMessage] => e[1] !== undefined),
  );
  return withStatus(state, { catalog: kept, order });
}

/** Steps status intents and observations (activation ones are forwarded). */
export function stepStatusInput(
  state: SoftphoneState,
  input: StatusIntent | StatusObservation,
  out: Out,
): SoftphoneState {
  switch (input.kind) {
    case 'intent.setStatus':
      return setStatus(state, input, out);
    case 'intent.toggleFavourite': {
      const status = ownValue(state.status.catalog, statusKey(input.statusId));
      if (status === undefined) return refuse(state, out, 'invalid', 'unknownStatus');
      const key = statusKey(status.statusId);
      const favourites = state.prefs.value.favourites;
      const next = favourites.some((f) => statusKey(f) === key)
        ? favourites.filter((f) => statusKey(f) !== key)
        : [...favourites, status.statusId];
      return savePrefs(state, { ...state.prefs.value, favourites: next }, out);
    }
    case 'obs.status.catalog':
      return catalog(state, input);
    case 'obs.status.access': {
      const me = currentUserId(state);
      if (me === null || me.toLowerCase() !== input.userId.toLowerCase())
        return refuse(state, out, 'stale', 'otherUser');
      const base = input.isDelta ? (state.status.access ?? []) : [];
      const removed = new Set(input.removed.map(statusKey));
      const access = [...new Set([...base, ...input.added.map(statusKey)])].filter((k) => !removed.has(k));
      return withStatus(state, { access });
    }
    case 'obs.status.user':
      return userStatuses(state, input);
    case 'obs.status.previous':
      return withStatus(state, {
        previous: Object.fromEntries(
          input.entries.map((e) => [
            statusKey(e.statusId),
            { notes: e.notes, forwardNumber: e.forwardNumber },
          ]),
        ),
      });
    case 'intent.setActivation':
    case 'obs.activations':
      return stepActivationInput(state, input, out);
    default:
      return assertNever(input);
  }
}
