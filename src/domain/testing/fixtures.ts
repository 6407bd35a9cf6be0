/**
 * Test support for the domain's unit tests (not exported from the index): builders for inputs
 * and a logged-on agent, and a runner that steps many inputs and collects what came out.
 */
import { Capability, capabilityMask } from '../capabilities.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Effect } from '../effects.js';
import { interactionId, statusId, type InteractionId } from '../ids.js';
import type { Input } from '../inputs.js';
import type { QueueItem } from '../observations.js';
import { Licence, Right } from '../rights.js';
import type { SoftphoneState } from '../softphone-state.js';
import type { StatusMessage } from '../status/status-state.js';
import { step } from '../step.js';
import { formatWireTime } from '../wire-time.js';

/** 2024-01-15 09:00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
export const ME = 'agent1';

export const ALL_RIGHTS: readonly string[] = Object.values(Right);
export const ALL_LICENCES: readonly string[] = Object.values(Licence);

/** Every capability bit a connected call typically has. */
export const CONNECTED_CAPS = capabilityMask(
  Capability.Consult,
  Capability.Disconnect,
  Capability.Hold,
  Capability.Mute,
  Capability.Record,
  Capability.Transfer,
  Capability.Messaging,
  Capability.SecureRecordingPause,
  Capability.Conference,
);
export const ALERTING_CAPS = capabilityMask(
  Capability.Pickup,
  Capability.Disconnect,
  Capability.Hold,
  Capability.Messaging,
  Capability.Transfer,
);
export const HELD_CAPS = capabilityMask(
  Capability.Pickup,
  Capability.Disconnect,
  Capability.Hold,
  Capability.Transfer,
  Capability.Record,
);

/** What running several inputs produced. */
export interface Run {
  readonly state: SoftphoneState;
  readonly effects: readonly Effect[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Steps every input in order, collecting effects and diagnostics. */
export function run(state: SoftphoneState, ...inputs: readonly Input[]): Run {
  let current = state;
  const effects: Effect[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const result = step(current, input);
    current = result.state;
    effects.push(...result.effects);
    diagnostics.push(...result.diagnostics);
  }
  return { state: current, effects, diagnostics };
}

/** The effects of a kind. */
export function ofKind<K extends Effect['kind']>(
  effects: readonly Effect[],
  kind: K,
): Extract<Effect, { kind: K }>[] {
  return effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}

/** A status catalog entry with sensible defaults. */
export function status(id: string, patch: Partial<StatusMessage> = {}): StatusMessage {
  return {
    statusId: id,
    messageText: id,
    iconUri: `/icons/${id}.png`,
    groupTag: '',
    canHaveDate: false,
    canHaveTime: false,
    isDoNotDisturbStatus: false,
    isSelectableStatus: true,
    isForwardStatus: false,
    isAcdStatus: false,
    isAfterCallWorkStatus: false,
    isPersistentStatus: false,
    ...patch,
  };
}

export const CATALOG: readonly StatusMessage[] = [
  status('Available', { isAcdStatus: true }),
  status('Available, Forward', { isForwardStatus: true }),
  status('At Lunch', { isDoNotDisturbStatus: true, canHaveTime: true }),
  status('Out of the Office', { isDoNotDisturbStatus: true, canHaveDate: true, canHaveTime: true }),
  status('Available, Not Answering Calls', { isSelectableStatus: false }),
  status('Gone Home', { isDoNotDisturbStatus: true }),
];

export const sid = statusId;
export const iid = interactionId;

/** A queue item. */
export function item(
  id: string,
  attributes: Record<string, string>,
  conferenceParentId?: string | null,
): QueueItem {
  return conferenceParentId === undefined
    ? { interactionId: interactionId(id), attributes }
    : { interactionId: interactionId(id), attributes, conferenceParentId };
}

/** Attributes of an inbound ACD call in a state. */
export function inbound(
  letter: string,
  caps: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    Eic_State: letter,
    Eic_CallStateString:
      letter === 'A' ? 'Alerting' : letter === 'C' ? 'Connected' : letter === 'H' ? 'Held' : 'Disconnected',
    Eic_CallDirection: 'I',
    Eic_CallType: 'E',
    Eic_ObjectType: 'Call',
    Eic_RemoteAddress: '+13175551234',
    Eic_RemoteName: 'Pat Caller',
    Eic_WorkgroupName: 'Support',
    Eic_Capabilities: String(caps),
    ...extra,
  };
}

/** A delta changing some attributes of one interaction. */
export function changed(id: string, attributes: Record<string, string>, now?: number): Input {
  return {
    kind: 'obs.queue.delta',
    added: [],
    changed: [item(id, attributes)],
    removed: [],
    ...(now === undefined ? {} : { now }),
  };
}

/** A delta adding one interaction. */
export function added(
  id: string,
  attributes: Record<string, string>,
  now?: number,
  conferenceParentId?: string | null,
): Input {
  return {
    kind: 'obs.queue.delta',
    added: [item(id, attributes, conferenceParentId)],
    changed: [],
    removed: [],
    ...(now === undefined ? {} : { now }),
  };
}

/** A delta removing interactions. */
export function removed(ids: readonly string[], now?: number): Input {
  return {
    kind: 'obs.queue.delta',
    added: [],
    changed: [],
    removed: ids.map(interactionId),
    ...(now === undefined ? {} : { now }),
  };
}

/** A compact wire time `seconds` after T0. */
export function wire(secondsAfterT0: number): string {
  return formatWireTime(T0 + secondsAfterT0 * 1000);
}

export type { InteractionId };
export { logonInputs, loggedOn, withCall, type AgentOptions } from './agent.js';
