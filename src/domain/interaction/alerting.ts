import { Attr, attr, isFlagSet } from '../attributes.js';
import type { CrmInteraction } from '../effects.js';
import { interactionId } from '../ids.js';
import type { SoftphoneState } from '../softphone-state.js';
import type { StepOutput } from '../step-output.js';
import { ALERT_MEMORY, type InteractionRecord, type QueueArea } from './interaction-state.js';

/** Why an interaction is not screen-popped. */
export type NoPopReason = 'conference' | 'internal' | 'private' | 'outbound';

/** Whether the interaction is part of, or is, a conference. */
export function isConference(record: InteractionRecord, queue: QueueArea): boolean {
  if (record.conferenceParentId !== null || attr(record.attributes, Attr.ConferenceId).trim() !== '')
    return true;
  return Object.values(queue.byId).some((r) => r.conferenceParentId === record.id);
}

/**
 * Whether the CRM layer should get a screen pop for this interaction: never for conferences,
 * internal calls (`Eic_CallType` `I`), private interactions or outbound calls. `null` = pop.
 */
export function noPopReason(record: InteractionRecord, queue: QueueArea): NoPopReason | null {
  if (isConference(record, queue)) return 'conference';
  if (attr(record.attributes, Attr.CallType).trim().toUpperCase() === 'I') return 'internal';
  if (isFlagSet(attr(record.attributes, Attr.Private))) return 'private';
  if (attr(record.attributes, Attr.Direction).trim().toUpperCase() === 'O') return 'outbound';
  return null;
}

/** The facts the CRM layer receives about an interaction. */
export function crmInteraction(record: InteractionRecord): CrmInteraction {
  const direction = attr(record.attributes, Attr.Direction).trim().toUpperCase();
  return {
    interactionId: interactionId(record.id),
    direction: direction === 'I' ? 'inbound' : direction === 'O' ? 'outbound' : 'unknown',
    remoteAddress: attr(record.attributes, Attr.RemoteAddress),
    remoteName: attr(record.attributes, Attr.RemoteName),
    workgroup: attr(record.attributes, Attr.WorkgroupName),
    attributes: { ...record.attributes },
  };
}

function remember(list: readonly string[], id: string): readonly string[] {
  return [...list.filter((x) => x !== id), id].slice(-ALERT_MEMORY);
}

/** Emits a screen pop once per interaction id (replays and re-snapshots never pop twice). */
export function screenPopOnce(
  state: SoftphoneState,
  record: InteractionRecord,
  out: StepOutput,
): SoftphoneState {
  if (state.queue.popped.includes(record.id)) return state;
  if (noPopReason(record, state.queue) !== null) return state;
  out.emit({ kind: 'crm.screenPop', ...crmInteraction(record) });
  return { ...state, queue: { ...state.queue, popped: remember(state.queue.popped, record.id) } };
}

/**
 * Raises the alert for a newly alerting interaction, once per id: asks for the panel, posts a
 * desktop notification when the page is hidden, and screen-pops when the rules allow. The ring
 * itself is reconciled after every step (see `reconcileRing`).
 */
export function raiseAlert(
  state: SoftphoneState,
  record: InteractionRecord,
  out: StepOutput,
): SoftphoneState {
  let next = state;
  if (!state.queue.alerted.includes(record.id)) {
    const id = interactionId(record.id);
    const crm = state.crm.connection;
    if (crm.phase !== 'ready' || crm.settings.showOnAlerting) out.emit({ kind: 'ui.panel.show', interactionId: id });
    if (state.pageHidden) {
      out.emit({
        kind: 'ui.notify',
        interactionId: id,
        remoteName: attr(record.attributes, Attr.RemoteName),
        remoteAddress: attr(record.attributes, Attr.RemoteAddress),
        objectType: attr(record.attributes, Attr.ObjectType),
      });
    }
    next = { ...next, queue: { ...next.queue, alerted: remember(next.queue.alerted, record.id) } };
  }
  return screenPopOnce(next, record, out);
}

/** Whether the ring should play: logged on with a station, not muted, something alerting. */
export function shouldRing(state: SoftphoneState): boolean {
  if (
    state.session.current.phase !== 'active' ||
    state.station.current === null ||
    state.prefs.value.ringMuted
  )
    return false;
  return Object.values(state.queue.byId).some((r) => r.phase === 'alerting');
}

/** Emits `ui.ring.start`/`ui.ring.stop` when the ring should change, and records it. */
export function reconcileRing(state: SoftphoneState, out: StepOutput): SoftphoneState {
  const ring = shouldRing(state);
  if (ring === state.ringing) return state;
  out.emit({ kind: ring ? 'ui.ring.start' : 'ui.ring.stop' });
  return { ...state, ringing: ring };
}
