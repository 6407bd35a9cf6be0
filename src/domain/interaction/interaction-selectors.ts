import { Attr, attr, isFlagSet } from '../attributes.js';
import { displayName } from '../name-rule.js';
import type { SoftphoneState } from '../softphone-state.js';
import { formatDuration } from '../wire-time.js';
import { isConference } from './alerting.js';
import { stateClass, type StateClass } from './interaction-phase.js';
import type { InteractionPhase, InteractionRecord } from './interaction-state.js';
import { ownValue } from '../own.js';

/** One row of My Interactions. */
export interface InteractionRow {
  readonly id: string;
  /** Name rule: remote name, else remote user id, else number; `""` for a conference root. */
  readonly name: string;
  readonly number: string;
  /** The server's state text (`Eic_CallStateString`), empty when it sent none. */
  readonly stateText: string;
  readonly phase: InteractionPhase;
  readonly stateClass: StateClass;
  readonly durationMs: number;
  /** `hh:mm:ss`. */
  readonly duration: string;
  readonly selected: boolean;
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  readonly objectType: string;
  readonly workgroup: string;
  readonly muted: boolean;
  readonly isConference: boolean;
  /** For a conference root: members talking or held. */
  readonly participants: number;
  /** The conference a member row belongs to (rows follow their root), else `null`. */
  readonly parentId: string | null;
}

function durationOf(state: SoftphoneState, r: InteractionRecord): number {
  const end = r.phase === 'disconnected' ? r.disconnectedAt : state.now;
  return Math.max(0, end - r.startedAt);
}

function row(state: SoftphoneState, r: InteractionRecord): InteractionRow {
  const a = r.attributes;
  const members = Object.values(state.queue.byId).filter((m) => m.conferenceParentId === r.id && m.id !== r.id);
  const direction = attr(a, Attr.Direction).trim().toUpperCase();
  const durationMs = durationOf(state, r);
  return {
    id: r.id,
    name: displayName({
      displayName: attr(a, Attr.RemoteName),
      userId: attr(a, Attr.RemoteId),
      number: members.length > 0 ? '' : attr(a, Attr.RemoteAddress),
    }),
    number: attr(a, Attr.RemoteAddress),
    stateText: attr(a, Attr.StateString),
    phase: r.phase,
    stateClass: stateClass(r.phase),
    durationMs,
    duration: formatDuration(durationMs),
    selected: state.queue.selectedId === r.id,
    direction: direction === 'I' ? 'inbound' : direction === 'O' ? 'outbound' : 'unknown',
    objectType: attr(a, Attr.ObjectType),
    workgroup: attr(a, Attr.WorkgroupName),
    muted: isFlagSet(attr(a, Attr.Muted)),
    isConference: isConference(r, state.queue),
    participants: members.filter((m) => m.phase === 'connected' || m.phase === 'held').length,
    parentId: r.conferenceParentId,
  };
}

/**
 * My Interactions as rows: live interactions first, then recently disconnected ones, each group
 * in arrival order; conference members follow their conference.
 */
export function selectInteractions(state: SoftphoneState): readonly InteractionRow[] {
  const records = state.queue.order
    .map((id) => ownValue(state.queue.byId, id))
    .filter((r): r is InteractionRecord => r !== undefined);
  const byRank = (r: InteractionRecord): number => (r.phase === 'disconnected' ? 1 : 0);
  // A member follows its conference only when that conference is itself a root: a record naming
  // itself, a missing record or another member as its parent (cycles too) is shown as a root.
  const parentOf = (r: InteractionRecord): InteractionRecord | undefined =>
    r.conferenceParentId === null || r.conferenceParentId === r.id
      ? undefined
      : ownValue(state.queue.byId, r.conferenceParentId);
  const isRoot = (r: InteractionRecord): boolean => {
    const parent = parentOf(r);
    return parent === undefined || parentOf(parent) !== undefined;
  };
  const roots = records.filter(isRoot);
  const ordered = [...roots].sort((a, b) => byRank(a) - byRank(b));
  return ordered.flatMap((root) => [
    row(state, root),
    ...records.filter((m) => m.id !== root.id && m.conferenceParentId === root.id && !isRoot(m)).map((m) => row(state, m)),
  ]);
}

/** The interaction the alert bar offers (the newest alerting one), or `null`. */
export function selectAlerting(state: SoftphoneState): InteractionRow | null {
  const alerting = state.queue.order
    .map((id) => ownValue(state.queue.byId, id))
    .filter((r): r is InteractionRecord => r?.phase === 'alerting');
  const newest = alerting[alerting.length - 1];
  return newest === undefined ? null : row(state, newest);
}
