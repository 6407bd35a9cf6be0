import { Attr, attr, isFlagSet } from '../attributes.js';
import { Capability, can, parseCapabilities } from '../capabilities.js';
import { hasLicence, hasRight, Licence, Right } from '../rights.js';
import { currentUserId, type SoftphoneState } from '../softphone-state.js';
import { statusKey } from '../status/status-state.js';
import type { CommandOp, InteractionRecord } from './interaction-state.js';
import { recordingBy, snippetActive } from './recording.js';
import { securePauseView } from './secure-pause.js';
import { ownValue } from '../own.js';

/** The call controls of the selected interaction. */
export const Control = {
  Pickup: 'pickup',
  Hold: 'hold',
  Mute: 'mute',
  Transfer: 'transfer',
  Consult: 'consult',
  Disconnect: 'disconnect',
  Record: 'record',
  Snip: 'snip',
  SecurePause: 'securePause',
  Voicemail: 'voicemail',
  DialPad: 'dialPad',
  Conference: 'conference',
} as const;
export type Control = (typeof Control)[keyof typeof Control];

/** `hidden`: rights, licence or configuration forbid it; `disabled`: dimmed, state forbids it now. */
export type Availability = 'hidden' | 'disabled' | 'enabled';

/** Why a control is hidden or disabled. */
export type ControlReason =
  | 'loading'
  | 'missingRight'
  | 'missingLicence'
  | 'notConfigured'
  | 'noStation'
  | 'noSelection'
  | 'ended'
  | 'pending'
  | 'notAllowedNow'
  | 'snippetActive'
  | 'private'
  | 'forwardStatus'
  | 'notCall'
  | 'needsTwoConnectedCalls';

/** One control's state; `active` shows a toggled control (held, muted, recording…) as pressed. */
export interface ControlState {
  readonly availability: Availability;
  readonly reason: ControlReason | null;
  readonly active: boolean;
}

/** How long a command may stay in flight before the control is offered again. */
export const PENDING_TIMEOUT_MS = 8000;

const hidden = (reason: ControlReason): ControlState => ({ availability: 'hidden', reason, active: false });
const disabled = (reason: ControlReason, active = false): ControlState => ({
  availability: 'disabled',
  reason,
  active,
});
const enabled = (active = false): ControlState => ({ availability: 'enabled', reason: null, active });

const RIGHT: Readonly<Record<Control, Right | null>> = {
  pickup: Right.PickupInteractions,
  hold: Right.HoldInteractions,
  mute: Right.MuteInteractions,
  transfer: Right.TransferInteractions,
  consult: Right.TransferInteractions,
  disconnect: Right.DisconnectInteractions,
  record: Right.RecordInteractions,
  snip: Right.SnipInteractions,
  securePause: Right.SecureRecordingPause,
  voicemail: Right.TransferToVoicemail,
  dialPad: null,
  conference: Right.ConferenceCalls,
};

/** The command each control sends, for the pending check. */
const OP: Readonly<Record<Control, CommandOp | null>> = {
  pickup: 'pickup',
  hold: 'hold',
  mute: 'mute',
  transfer: 'transfer',
  consult: 'transfer',
  disconnect: 'disconnect',
  record: 'record',
  snip: 'snip',
  securePause: 'securePause',
  voicemail: 'voicemail',
  dialPad: null,
  conference: 'conference',
};

/** Hidden-level gating: rights, licences, configuration. `null` when the control may show. */
function gate(state: SoftphoneState, control: Control): ControlState | null {
  const e = state.entitlements;
  if (e === null) return disabled('loading');
  if (!hasLicence(e, Licence.ClientAccess)) return hidden('missingLicence');
  const right = RIGHT[control];
  if (right !== null && !hasRight(e, right)) return hidden('missingRight');
  if (control === 'snip') {
    if (!hasLicence(e, Licence.RecorderAccess)) return hidden('missingLicence');
    if (!state.config.snippetRecordingEnabled) return hidden('notConfigured');
  }
  return null;
}

function isTalking(record: InteractionRecord): boolean {
  return record.phase === 'connected' || record.phase === 'held';
}

function isCall(record: InteractionRecord): boolean {
  const type = attr(record.attributes, Attr.ObjectType).trim().toLowerCase();
  return type === '' || type === 'call';
}

/** Top-level calls the agent is talking on or holding (conference candidates). */
export function connectedCalls(state: SoftphoneState): readonly InteractionRecord[] {
  return Object.values(state.queue.byId).filter(
    (r) => r.conferenceParentId === null && isTalking(r) && isCall(r),
  );
}

function inForwardStatus(state: SoftphoneState): boolean {
  const mine = state.status.mine;
  return mine !== null && (ownValue(state.status.catalog, statusKey(mine.statusId))?.isForwardStatus ?? false);
}

/** State-level rules once a control may show: enabled, or disabled with a reason. */
function byState(state: SoftphoneState, record: InteractionRecord, control: Control): ControlState {
  const mask = parseCapabilities(record.attributes[Attr.Capabilities]);
  const bit = (c: Capability, active = false): ControlState =>
    can(mask, c) ? enabled(active) : disabled('notAllowedNow', active);
  const a = record.attributes;
  switch (control) {
    case 'pickup':
      if (state.station.current === null) return disabled('noStation');
      if (inForwardStatus(state)) return disabled('forwardStatus');
      return bit(Capability.Pickup);
    case 'hold':
      if (record.phase === 'held')
        return can(mask, Capability.Hold) || can(mask, Capability.Pickup)
          ? enabled(true)
          : disabled('notAllowedNow', true);
      return bit(Capability.Hold);
    case 'mute':
      return bit(Capability.Mute, isFlagSet(attr(a, Attr.Muted)));
    case 'transfer':
      return bit(Capability.Transfer);
    case 'consult':
      if (!isCall(record)) return disabled('notCall');
      if (state.transfer.consult !== null) return disabled('pending');
      return bit(Capability.Consult);
    case 'disconnect':
      return bit(Capability.Disconnect);
    case 'record': {
      const mine = recordingBy(a, currentUserId(state) ?? '');
      if (isFlagSet(attr(a, Attr.Private))) return disabled('private');
      if (record.recording === 'snippet') return disabled('snippetActive');
      return bit(Capability.Record, mine || record.recording === 'merged');
    }
    case 'snip':
      if (isFlagSet(attr(a, Attr.Private))) return disabled('private');
      return bit(Capability.Record, snippetActive(a));
    case 'securePause': {
      const pause = securePauseView(state, record);
      if (snippetActive(a)) return disabled('snippetActive');
      return bit(Capability.SecureRecordingPause, pause.active);
    }
    case 'voicemail':
      return bit(Capability.Messaging);
    case 'dialPad':
      return record.phase === 'connected' ? enabled() : disabled('notAllowedNow');
    case 'conference': {
      if (state.station.current === null) return disabled('noStation');
      const calls = connectedCalls(state);
      if (!isTalking(record) || calls.length < 2) return disabled('needsTwoConnectedCalls');
      return enabled();
    }
  }
}

/** The state of one control for an interaction (`null`/unknown interaction: nothing selected). */
export function controlState(
  state: SoftphoneState,
  record: InteractionRecord | null,
  control: Control,
): ControlState {
  const gated = gate(state, control);
  if (gated !== null) return gated;
  if (record === null) return disabled('noSelection');
  if (record.phase === 'disconnected') return disabled('ended');
  const op = OP[control];
  if (op !== null && record.pending?.op === op && state.now - record.pending.at < PENDING_TIMEOUT_MS)
    return disabled('pending');
  return byState(state, record, control);
}

/** Every control's state for an interaction; with no id, for the selected one. */
export function selectControls(
  state: SoftphoneState,
  interactionId: string | null = state.queue.selectedId,
): Readonly<Record<Control, ControlState>> {
  const record = interactionId === null ? null : (ownValue(state.queue.byId, interactionId) ?? null);
  const entries = Object.values(Control).map((c) => [c, controlState(state, record, c)] as const);
  return Object.fromEntries(entries) as Record<Control, ControlState>;
}
