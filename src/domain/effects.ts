import type { InteractionId } from './ids.js';
import type { LogonAuth } from './intents.js';
import type { LogonPrefs } from './session/session-state.js';
import type { StationChoice } from './station/station-state.js';
import type { StatusUntil } from './status/status-state.js';
import type { Audience, TargetType, TransferTarget } from './transfer/transfer-state.js';
import type { InteractionPhase } from './interaction/interaction-state.js';
import { assertNever } from './diagnostics.js';
import type { TaskFields, UtilityItem } from './crm-rules/crm-state.js';

/** Per-user preferences the panel keeps in browser storage. Never credentials. */
export interface UserPrefs {
  readonly favourites: readonly string[];
  readonly station: StationChoice | null;
  readonly ringMuted: boolean;
}

/** Server subscriptions the runtime opens once the session is active. */
export type SubscriptionTopic =
  | 'myInteractions'
  | 'statusCatalog'
  | 'statusAccess'
  | 'userStatuses'
  | 'previousStatus'
  | 'station'
  | 'history'
  | 'activations'
  | 'wrapUpCodes'
  | 'accountCodes'
  | 'rights';

/** `Eic_*` facts handed to the CRM layer; it decides what to search and pop. */
export interface CrmInteraction {
  readonly interactionId: InteractionId;
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  readonly remoteAddress: string;
  readonly remoteName: string;
  readonly workgroup: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Commands for the CIC port. The runtime runs them and reports back as observations. */
export type CicEffect =
  | { readonly kind: 'cic.fetchServerInfo'; readonly server: string }
  | {
      readonly kind: 'cic.logon';
      readonly server: string | null;
      readonly auth: LogonAuth;
      /** Other servers to try when this one is unreachable or redirects (the switchover peer). */
      readonly alternates: readonly string[];
    }
  | { readonly kind: 'cic.logoff' }
  | { readonly kind: 'cic.changePassword'; readonly oldPassword: string; readonly newPassword: string }
  | {
      readonly kind: 'cic.subscribe';
      readonly userId: string;
      readonly topics: readonly SubscriptionTopic[];
      /** Custom interaction attributes My Interactions must carry besides the `Eic_*` set. */
      readonly attributes: readonly string[];
    }
  | { readonly kind: 'cic.watchUserStatuses'; readonly userIds: readonly string[] }
  | { readonly kind: 'cic.setStation'; readonly choice: StationChoice }
  | {
      readonly kind: 'cic.setStatus';
      readonly userId: string;
      readonly statusId: string;
      readonly notes: string | null;
      readonly forwardNumber: string | null;
      readonly until: StatusUntil | null;
    }
  | {
      readonly kind: 'cic.setActivation';
      readonly userId: string;
      readonly workgroup: string;
      readonly active: boolean;
    }
  | { readonly kind: 'cic.pickup'; readonly interactionId: InteractionId }
  | { readonly kind: 'cic.hold'; readonly interactionId: InteractionId; readonly on: boolean }
  | { readonly kind: 'cic.mute'; readonly interactionId: InteractionId; readonly on: boolean }
  | { readonly kind: 'cic.disconnect'; readonly interactionId: InteractionId }
  | { readonly kind: 'cic.record'; readonly interactionId: InteractionId; readonly on: boolean }
  | { readonly kind: 'cic.snip'; readonly interactionId: InteractionId; readonly on: boolean }
  /** Starts or restarts (to the configured maximum) a secure pause; it cannot be ended early. */
  | { readonly kind: 'cic.securePause'; readonly interactionId: InteractionId }
  | { readonly kind: 'cic.sendToVoicemail'; readonly interactionId: InteractionId }
  | { readonly kind: 'cic.sendDigits'; readonly interactionId: InteractionId; readonly digits: string }
  | {
      readonly kind: 'cic.createCall';
      readonly requestId: string;
      readonly target: string;
      readonly workgroup: string | null;
      readonly accountCodeId: string | null;
    }
  | {
      readonly kind: 'cic.blindTransfer';
      readonly interactionId: InteractionId;
      readonly target: TransferTarget;
    }
  | {
      readonly kind: 'cic.consult.start';
      readonly interactionId: InteractionId;
      readonly target: TransferTarget;
    }
  | {
      readonly kind: 'cic.consult.audience';
      readonly interactionId: InteractionId;
      readonly consultId: string;
      readonly audience: Audience;
    }
  | {
      readonly kind: 'cic.consult.conclude';
      readonly interactionId: InteractionId;
      readonly consultId: string;
    }
  | { readonly kind: 'cic.consult.cancel'; readonly interactionId: InteractionId; readonly consultId: string }
  | { readonly kind: 'cic.conference.create'; readonly interactionIds: readonly InteractionId[] }
  | {
      readonly kind: 'cic.conference.add';
      readonly conferenceId: InteractionId;
      readonly interactionIds: readonly InteractionId[];
    }
  | {
      readonly kind: 'cic.assignWrapUp';
      readonly interactionId: InteractionId;
      readonly codeId: string;
      readonly workgroup: string;
      readonly userId: string;
    }
  | {
      readonly kind: 'cic.directory.page';
      readonly requestId: string;
      readonly index: number;
      readonly count: number;
      /** Start of a name or an extension; `""` for the whole directory. */
      readonly search: string;
    }
  | {
      readonly kind: 'cic.transfer.search';
      readonly requestId: string;
      readonly text: string;
      readonly targetTypes: readonly TargetType[];
    };

/** Things the panel itself does: sound, desktop notification, asking Salesforce to show it. */
export type UiEffect =
  | { readonly kind: 'ui.ring.start' }
  | { readonly kind: 'ui.ring.stop' }
  | {
      readonly kind: 'ui.notify';
      readonly interactionId: InteractionId;
      readonly remoteName: string;
      readonly remoteAddress: string;
      readonly objectType: string;
    }
  | { readonly kind: 'ui.panel.show'; readonly interactionId: InteractionId };

/** Requests for the CRM layer (Open CTI). The Salesforce issue extends these. */
export type CrmEffect =
  | ({ readonly kind: 'crm.screenPop' } & CrmInteraction)
  | ({
      readonly kind: 'crm.interactionChanged';
      readonly revision: number;
      readonly phase: InteractionPhase;
      readonly connectedAt: number | null;
      readonly disconnectedAt: number | null;
    } & CrmInteraction)
  /** Create (`taskId` null) or update the interaction's Task; answered by `obs.crm.logSaved|logFailed`. */
  | {
      readonly kind: 'crm.saveLog';
      readonly interactionId: InteractionId;
      readonly seq: number;
      readonly taskId: string | null;
      readonly fields: TaskFields;
    }
  /** Looks up the interaction's Task by `CallObject` (a create whose answer was lost); answered by `obs.crm.logFound|logFailed`. */
  | {
      readonly kind: 'crm.findLog';
      readonly interactionId: InteractionId;
      readonly seq: number;
      readonly callObject: string;
    }
  /** Open a record (a saved Task: "View in Salesforce"). */
  | { readonly kind: 'crm.openRecord'; readonly recordId: string }
  /** The utility-bar item's icon and label follow the state. */
  | ({ readonly kind: 'crm.utility' } & UtilityItem);

/** Browser storage. Keys are per user; credentials are never stored. */
export type StorageEffect =
  | { readonly kind: 'storage.loadUserPrefs'; readonly userId: string }
  | { readonly kind: 'storage.saveUserPrefs'; readonly userId: string; readonly prefs: UserPrefs }
  | { readonly kind: 'storage.saveLogonPrefs'; readonly prefs: LogonPrefs };

/** Everything a step can ask the runtime to do. */
export type Effect = CicEffect | UiEffect | CrmEffect | StorageEffect;

/**
 * A stable identity for an effect: two effects with the same key do the same thing, so a runtime
 * (or a mirroring tab) that sees a key twice may run it once. Commands that carry a request id
 * are keyed by it; screen pops by interaction id.
 */
export function effectKey(effect: Effect): string {
  switch (effect.kind) {
    case 'cic.createCall':
    case 'cic.directory.page':
    case 'cic.transfer.search':
      return `${effect.kind}:${effect.requestId}`;
    case 'cic.hold':
    case 'cic.mute':
    case 'cic.record':
    case 'cic.snip':
      return `${effect.kind}:${effect.interactionId}:${effect.on ? 'on' : 'off'}`;
    case 'cic.pickup':
    case 'cic.disconnect':
    case 'cic.securePause':
    case 'cic.sendToVoicemail':
    case 'cic.blindTransfer':
    case 'cic.consult.start':
    case 'ui.notify':
    case 'ui.panel.show':
    case 'crm.screenPop':
      return `${effect.kind}:${effect.interactionId}`;
    case 'cic.sendDigits':
      return `${effect.kind}:${effect.interactionId}:${effect.digits}`;
    case 'cic.assignWrapUp':
      return `${effect.kind}:${effect.interactionId}:${effect.codeId}`;
    case 'cic.consult.audience':
      return `${effect.kind}:${effect.consultId}:${effect.audience}`;
    case 'cic.consult.conclude':
    case 'cic.consult.cancel':
      return `${effect.kind}:${effect.consultId}`;
    case 'cic.conference.create':
      return `${effect.kind}:${effect.interactionIds.join(',')}`;
    case 'cic.conference.add':
      return `${effect.kind}:${effect.conferenceId}:${effect.interactionIds.join(',')}`;
    case 'crm.interactionChanged':
      return `${effect.kind}:${effect.interactionId}:${effect.revision}`;
    case 'crm.saveLog':
    case 'crm.findLog':
      return `${effect.kind}:${effect.interactionId}:${effect.seq}`;
    case 'crm.openRecord':
      return `${effect.kind}:${effect.recordId}`;
    case 'crm.utility':
      return `${effect.kind}:${effect.icon}:${effect.status}:${effect.count}`;
    case 'cic.setStatus':
      return `${effect.kind}:${effect.userId}:${effect.statusId}`;
    case 'cic.setActivation':
      return `${effect.kind}:${effect.workgroup}:${effect.active ? 'on' : 'off'}`;
    case 'cic.subscribe':
      return `${effect.kind}:${effect.userId}:${effect.topics.join(',')}:${effect.attributes.join(',')}`;
    case 'storage.loadUserPrefs':
    case 'storage.saveUserPrefs':
      return `${effect.kind}:${effect.userId}`;
    case 'cic.fetchServerInfo':
      return `${effect.kind}:${effect.server}`;
    case 'cic.watchUserStatuses':
      return `${effect.kind}:${effect.userIds.join(',')}`;
    case 'cic.setStation':
      return `${effect.kind}:${JSON.stringify(effect.choice)}`;
    case 'cic.logon':
    case 'cic.logoff':
    case 'cic.changePassword':
    case 'ui.ring.start':
    case 'ui.ring.stop':
    case 'storage.saveLogonPrefs':
      return effect.kind;
    default:
      return assertNever(effect);
  }
}

/**
 * A copy of the effect safe to log or to mirror to another tab: passwords are replaced with
 * `"***"`. Every other effect is returned unchanged.
 */
export function redactEffect(effect: Effect): Effect {
  switch (effect.kind) {
    case 'cic.logon':
      return effect.auth.type === 'ic' ? { ...effect, auth: { ...effect.auth, password: '***' } } : effect;
    case 'cic.changePassword':
      return { ...effect, oldPassword: '***', newPassword: '***' };
    default:
      return effect;
  }
}
