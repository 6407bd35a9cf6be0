import type { InteractionId, StatusId } from './ids.js';
import type { AuthChoice } from './session/session-state.js';
import type { StationChoice } from './station/station-state.js';
import type { StatusUntil } from './status/status-state.js';
import type { TargetType, TransferTarget } from './transfer/transfer-state.js';
import type { DialSource } from './dial/dial-state.js';

/** Every input may carry the local time it happened at (epoch ms); the step then advances `now`. */
interface At {
  readonly now?: number;
}

/** Credentials for IC authentication. They travel in the intent and the effect only, never in state. */
export type LogonAuth =
  | { readonly type: 'ic'; readonly userId: string; readonly password: string }
  | Extract<AuthChoice, { type: 'sso' }>;

/** Intents about logging on, the session and the station. */
export type SessionIntent = At &
  (
    | { readonly kind: 'intent.server.select'; readonly server: string }
    | { readonly kind: 'intent.logon'; readonly auth: LogonAuth; readonly alwaysUseAuthType: boolean }
    | { readonly kind: 'intent.agreement.accept' }
    | { readonly kind: 'intent.agreement.reject' }
    | { readonly kind: 'intent.password.open' }
    | {
        readonly kind: 'intent.password.change';
        readonly oldPassword: string;
        readonly newPassword: string;
        readonly confirmPassword: string;
      }
    | { readonly kind: 'intent.password.cancel' }
    | { readonly kind: 'intent.logout' }
    | { readonly kind: 'intent.selectStation'; readonly choice: StationChoice; readonly remember: boolean }
    | { readonly kind: 'intent.changeStation' }
    | { readonly kind: 'intent.changeStation.cancel' }
    | { readonly kind: 'intent.setRingMuted'; readonly muted: boolean }
    | { readonly kind: 'intent.notice.dismiss'; readonly id: number }
  );

/** Intents about the agent's status and workgroups. */
export type StatusIntent = At &
  (
    | {
        readonly kind: 'intent.setStatus';
        readonly statusId: StatusId;
        readonly notes?: string;
        readonly forwardNumber?: string;
        readonly until?: StatusUntil;
      }
    | { readonly kind: 'intent.toggleFavourite'; readonly statusId: StatusId }
    | { readonly kind: 'intent.setActivation'; readonly workgroup: string; readonly active: boolean }
  );

/** Intents on one interaction of My Interactions. */
export type InteractionIntent = At &
  (
    | { readonly kind: 'intent.select'; readonly interactionId: InteractionId }
    /** Double-click: alerting → pickup, disconnected → redial, otherwise select. */
    | { readonly kind: 'intent.activate'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.pickup'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.hold'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.mute'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.disconnect'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.record'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.snip'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.securePause'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.voicemail'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.dtmf'; readonly interactionId: InteractionId; readonly digits: string }
    /** Drag `droppedId` onto `targetId`; the target ("underneath") keeps the wrap-up prompt. */
    | {
        readonly kind: 'intent.conference';
        readonly targetId: InteractionId;
        readonly droppedId: InteractionId;
      }
    | { readonly kind: 'intent.assignWrapUp'; readonly interactionId: InteractionId; readonly codeId: string }
  );

/** Intents of the transfer dialog. Consult intents act on the consult in progress. */
export type TransferIntent = At &
  (
    | {
        readonly kind: 'intent.transfer.search';
        readonly interactionId: InteractionId;
        readonly text: string;
        readonly targetTypes: readonly TargetType[];
      }
    | {
        readonly kind: 'intent.transfer.blind';
        readonly interactionId: InteractionId;
        readonly target: TransferTarget;
      }
    | {
        readonly kind: 'intent.consult.start';
        readonly interactionId: InteractionId;
        readonly target: TransferTarget;
      }
    | { readonly kind: 'intent.consult.complete' }
    | { readonly kind: 'intent.consult.both' }
    | { readonly kind: 'intent.consult.neither' }
    | { readonly kind: 'intent.consult.talkToCaller' }
    | { readonly kind: 'intent.consult.talkToConsultant' }
    | { readonly kind: 'intent.consult.disconnectConsultant' }
    | { readonly kind: 'intent.consult.cancel' }
  );

/** Intents of Make a Call, the directory and call history. */
export type DialIntent = At &
  (
    | {
        readonly kind: 'intent.dial';
        readonly number: string;
        readonly source: DialSource;
        /** Set when the Advanced Dial section is open. */
        readonly advanced: {
          readonly accountCodeId: string | null;
          readonly workgroup: string | null;
        } | null;
      }
    | { readonly kind: 'intent.redial'; readonly interactionId: InteractionId }
    | { readonly kind: 'intent.directory.search'; readonly text: string }
    | { readonly kind: 'intent.directory.page'; readonly index: number }
  );

/** Intents of the call-log view and click-to-dial. */
export type CrmIntent = At &
  (
    /** Edit the call log (only the given fields); Name / Related To must be one of the candidates. */
    | {
        readonly kind: 'intent.callLog.edit';
        readonly interactionId: InteractionId;
        readonly subject?: string;
        readonly description?: string;
        readonly whoId?: string | null;
        readonly whatId?: string | null;
      }
    /** Retry a failed save now. */
    | { readonly kind: 'intent.callLog.retry'; readonly interactionId: InteractionId }
    /** "View in Salesforce": save, then open the Task. */
    | { readonly kind: 'intent.callLog.open'; readonly interactionId: InteractionId }
    /** The Advanced Dial section of Make a Call opened/closed: click-to-dial then prefills. */
    | { readonly kind: 'intent.clickToDial.advanced'; readonly open: boolean }
  );

/** Everything the UI can ask for. */
export type Intent = SessionIntent | StatusIntent | InteractionIntent | TransferIntent | DialIntent | CrmIntent;
