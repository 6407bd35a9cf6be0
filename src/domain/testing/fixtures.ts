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
import { initialSoftphoneState, type SoftphoneState } from '../softphone-state.js';
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
export const ALERTING_CAPS = capabilityMask(Capability.Pickup, Capability.Disconnect, Capability.Hold, Capability.Messaging, Capability.Transfer);
export const HELD_CAPS = capabilityMask(Capability.Pickup, Capability.Disconnect, Capability.Hold, Capability.Transfer, Capability.Record);

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
export function ofKind<K extends Effect['kind']>(effects: readonly Effect[], kind: K): Extract<Effect, { kind: K }>[] {
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
export function item(id: string, attributes: Record<string, string>, conferenceParentId?: string | null): QueueItem {
  return conferenceParentId === undefined
    ? { interactionId: interactionId(id), attributes }
    : { interactionId: interactionId(id), attributes, conferenceParentId };
}

/** Attributes of an inbound ACD call in a state. */
export function inbound(letter: string, caps: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Eic_State: letter,
    Eic_CallStateString: letter === 'A' ? 'Alerting' : letter === 'C' ? 'Connected' : letter === 'H' ? 'Held' : 'Disconnected',
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
  return { kind: 'obs.queue.delta', added: [], changed: [item(id, attributes)], removed: [], ...(now === undefined ? {} : { now }) };
}

/** A delta adding one interaction. */
export function added(id: string, attributes: Record<string, string>, now?: number, conferenceParentId?: string | null): Input {
  return { kind: 'obs.queue.delta', added: [item(id, attributes, conferenceParentId)], changed: [], removed: [], ...(now === undefined ? {} : { now }) };
}

/** A delta removing interactions. */
export function removed(ids: readonly string[], now?: number): Input {
  return { kind: 'obs.queue.delta', added: [], changed: [], removed: ids.map(interactionId), ...(now === undefined ? {} : { now }) };
}

/** Options for {@link loggedOn}. */
export interface AgentOptions {
  readonly rights?: readonly string[];
  readonly licences?: readonly string[];
  readonly station?: boolean;
  readonly pageHidden?: boolean;
  readonly agreement?: string | null;
}

/** The inputs that take a fresh panel to a logged-on agent. */
export function logonInputs(options: AgentOptions = {}): Input[] {
  const inputs: Input[] = [
    {
      kind: 'obs.panel.config',
      now: T0,
      config: {
        server: 'cic1.example.com',
        allowedIdentityProviders: null,
        queueRetentionSeconds: 120,
        wrapUpPromptSeconds: 60,
        snippetRecordingEnabled: true,
        passwordWarningDays: 7,
      },
    },
    {
      kind: 'obs.serverInfo',
      server: 'cic1.example.com',
      info: {
        allowIcAuth: true,
        identityProviders: [{ id: 'okta', displayName: 'Okta' }],
        userAgreementText: options.agreement ?? null,
      },
    },
    { kind: 'intent.logon', auth: { type: 'ic', userId: ME, password: 'secret' }, alwaysUseAuthType: false },
    {
      kind: 'obs.session.connected',
      sessionId: 's1',
      user: { userId: ME, displayName: 'Agent One' },
      icServer: 'CIC1',
      features: { messaging: 2 },
      effectiveStation: null,
      alternateHosts: ['cic2.example.com'],
      serverTime: T0,
      daysUntilPasswordExpiration: 30,
    },
  ];
  if (options.agreement) inputs.push({ kind: 'intent.agreement.accept' });
  inputs.push(
    { kind: 'obs.user.rights', rights: options.rights ?? ALL_RIGHTS, licences: options.licences ?? ALL_LICENCES },
    { kind: 'obs.storage.userPrefs', userId: ME, prefs: null },
  );
  if (options.station !== false) {
    inputs.push(
      { kind: 'intent.selectStation', choice: { kind: 'workstation', name: '7001' }, remember: false },
      { kind: 'obs.station.changed', station: { kind: 'workstation', id: '7001', displayName: '7001', remoteNumber: null, persistent: false } },
    );
  }
  inputs.push(
    { kind: 'obs.status.catalog', isDelta: false, upserted: CATALOG, removed: [] },
    { kind: 'obs.status.access', userId: ME, isDelta: false, added: CATALOG.map((s) => s.statusId).filter((s) => s !== 'Gone Home'), removed: [] },
    { kind: 'obs.status.user', isDelta: false, statuses: [{ userId: ME, statusId: 'Available', loggedIn: true, onPhone: false, changedAt: T0 - 60_000 }] },
    { kind: 'obs.config.wrapUpCodes', workgroups: [{ workgroup: 'Support', codes: [{ id: 'W2', label: 'Sale', description: 'Sale made' }, { id: 'W1', label: 'Billing', description: 'Billing question' }] }] },
    { kind: 'obs.queue.snapshot', interactions: [] },
  );
  if (options.pageHidden) inputs.push({ kind: 'obs.page.visibility', hidden: true });
  return inputs;
}

/** A logged-on agent (all rights and licences, workstation 7001, status Available, empty queue). */
export function loggedOn(options: AgentOptions = {}): SoftphoneState {
  return run(initialSoftphoneState(T0), ...logonInputs(options)).state;
}

/** A logged-on agent with one inbound call in the given state letter. */
export function withCall(id: string, letter: string, caps: number, options: AgentOptions = {}, extra: Record<string, string> = {}): SoftphoneState {
  return run(loggedOn(options), added(id, inbound(letter, caps, extra), T0 + 1000)).state;
}

/** A compact wire time `seconds` after T0. */
export function wire(secondsAfterT0: number): string {
  return formatWireTime(T0 + secondsAfterT0 * 1000);
}

export type { InteractionId };
