/**
 * Which commands an interaction allows, per object type: the right each needs, the `Eic_State`
 * letters it works in and its `Eic_Capabilities` bit (icws-api.md §3.9). The same table drives
 * the mask a queue shows and the checks a command makes, so they cannot disagree.
 */
import { ObjectType, State } from './attributes.js';
import { Right, type UserInfo } from './host.js';
import type { Interaction } from './model.js';

export const Capability = {
  Consult: 1,
  Disconnect: 2,
  Hold: 4,
  Listen: 8,
  Messaging: 16,
  Mute: 32,
  Park: 64,
  Pause: 128,
  Pickup: 256,
  Private: 512,
  Record: 1024,
  RequestHelp: 2048,
  Transfer: 4096,
  Join: 8192,
  ObjectWindow: 16384,
  Conference: 32768,
  Coach: 65536,
  Suspended: 131072,
  SecureRecordingPause: 262144,
} as const;

export type Action =
  | 'pickup'
  | 'disconnect'
  | 'hold'
  | 'mute'
  | 'record'
  | 'snip'
  | 'pause'
  | 'securePause'
  | 'private'
  | 'digits'
  | 'transfer'
  | 'consult'
  | 'park'
  | 'voicemail'
  | 'conference';

export interface ActionRule {
  readonly right: Right | null;
  /** `0` when the action has no capability bit (snip, DTMF). */
  readonly bit: number;
  readonly states: string;
}

const LIVE = 'OACHMPRSX';

const CALL: Readonly<Partial<Record<Action, ActionRule>>> = {
  pickup: { right: Right.PickupInteractions, bit: Capability.Pickup, states: 'OAHMPX' },
  disconnect: { right: Right.DisconnectInteractions, bit: Capability.Disconnect, states: LIVE },
  hold: { right: Right.HoldInteractions, bit: Capability.Hold, states: 'CH' },
  mute: { right: Right.MuteInteractions, bit: Capability.Mute, states: 'CHR' },
  record: { right: Right.RecordInteractions, bit: Capability.Record, states: 'CH' },
  snip: { right: Right.SnipInteractions, bit: 0, states: 'CH' },
  pause: { right: Right.PauseInteractions, bit: Capability.Pause, states: 'CH' },
  securePause: { right: Right.SecureRecordingPause, bit: Capability.SecureRecordingPause, states: 'CH' },
  private: { right: Right.PrivateInteractions, bit: Capability.Private, states: 'CH' },
  digits: { right: null, bit: 0, states: 'C' },
  transfer: { right: Right.TransferInteractions, bit: Capability.Transfer, states: 'OACHPM' },
  consult: { right: Right.TransferInteractions, bit: Capability.Consult, states: 'CH' },
  park: { right: Right.ParkInteractions, bit: Capability.Park, states: 'ACH' },
  voicemail: { right: Right.TransferToVoicemail, bit: Capability.Messaging, states: 'ACH' },
  conference: { right: Right.ConferenceCalls, bit: Capability.Conference, states: 'CH' },
};

const CONFERENCE: Readonly<Partial<Record<Action, ActionRule>>> = {
  disconnect: { right: Right.DisconnectInteractions, bit: Capability.Disconnect, states: 'CH' },
  hold: { right: Right.HoldInteractions, bit: Capability.Hold, states: 'CH' },
  mute: { right: Right.MuteInteractions, bit: Capability.Mute, states: 'CH' },
  pickup: { right: Right.PickupInteractions, bit: Capability.Pickup, states: 'H' },
  conference: { right: Right.ConferenceCalls, bit: Capability.Conference, states: 'CH' },
};

/** Rules per object type; chats, callbacks and email get theirs when the engine models them. */
const RULES: Readonly<Record<ObjectType, Readonly<Partial<Record<Action, ActionRule>>>>> = {
  [ObjectType.Call]: CALL,
  [ObjectType.Conference]: CONFERENCE,
  [ObjectType.Chat]: {},
  [ObjectType.Callback]: {},
  [ObjectType.Email]: {},
  [ObjectType.Generic]: {},
};

export function ruleFor(ix: Interaction, action: Action): ActionRule | undefined {
  return RULES[ix.objectType][action];
}

/** Actions a conference member no longer offers on its own (the conference does). */
const NOT_FOR_MEMBERS: ReadonlySet<Action> = new Set([
  'transfer',
  'consult',
  'park',
  'voicemail',
  'conference',
]);

/**
 * Whether the state and the interaction's situation allow `action` for `viewer` (rights aside).
 * `viewer` `null` is a queue with no single viewer (a workgroup queue).
 */
export function situationAllows(ix: Interaction, action: Action, viewer: string | null): boolean {
  const rule = ruleFor(ix, action);
  if (rule === undefined || !rule.states.includes(ix.state)) return false;
  if (ix.conferenceId !== null && NOT_FOR_MEMBERS.has(action)) return false;
  switch (action) {
    case 'hold':
      // A held leg is resumed with Hold (toggle) or Pickup; hold needs the agent's own leg.
      return ix.owner !== null;
    case 'pickup':
      return ix.state !== State.Offering || ix.acd?.phase === 'waiting';
    case 'record':
      return !ix.isPrivate && ix.snippetId === '';
    case 'snip':
      return !ix.isPrivate;
    case 'pause':
      return viewer !== null && (ix.recorders.includes(viewer) || ix.supervisorRecorders.includes(viewer));
    case 'consult':
      return ix.consultId === null && !ix.isConsultLeg;
    case 'transfer':
    case 'park':
    case 'voicemail':
      return ix.consultId === null;
    default:
      return true;
  }
}

/**
 * `Eic_Capabilities` for one viewer: every action whose bit is set is possible now for them.
 * A viewer without the right does not get the bit; `null` (workgroup queue) ignores rights.
 */
export function capabilityMask(ix: Interaction, viewer: UserInfo | null): number {
  if (ix.deallocated) return 0;
  let mask = 0;
  for (const [action, rule] of Object.entries(RULES[ix.objectType]) as [Action, ActionRule][]) {
    if (rule.bit === 0 || (mask & rule.bit) !== 0) continue;
    if (viewer !== null && rule.right !== null && !viewer.rights.has(rule.right)) continue;
    if (situationAllows(ix, action, viewer?.userId ?? null)) mask |= rule.bit;
  }
  return mask;
}
