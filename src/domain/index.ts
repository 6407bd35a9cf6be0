/**
 * The domain's public surface. Other layers import only from here. Explicit named exports only:
 * what is not listed is internal.
 */
export type { Brand, InteractionId, UserId, StatusId } from './ids.js';
export { interactionId, userId, statusId } from './ids.js';
export { assertNever } from './diagnostics.js';
export type { Emitter, Listener } from './emitter.js';
export { createEmitter } from './emitter.js';
export { parseWireTime, formatWireTime, formatDuration } from './wire-time.js';
export type { NameParts } from './name-rule.js';
export { displayName } from './name-rule.js';
export type { Attributes } from './attributes.js';
export { Attr, normaliseAttributes } from './attributes.js';
export { Capability, NO_CAPABILITIES, parseCapabilities, can, capabilityMask } from './capabilities.js';
export type { Entitlements } from './rights.js';
export { Right, Licence, hasRight, hasLicence } from './rights.js';
export type { MessageKey } from './messages.js';
export {
  LogonErrorKey,
  SessionNoticeKey,
  PasswordErrorKey,
  StationErrorKey,
  CommandErrorKey,
} from './messages.js';
export type { Diagnostic } from './diagnostics.js';
export { DiagnosticCode } from './diagnostics.js';
export type { Notice, NoticeArea } from './notices.js';
export type { PanelConfig } from './panel-config.js';
export { defaultPanelConfig, DEFAULT_QUEUE_RETENTION_SECONDS } from './panel-config.js';

export type {
  Intent,
  LogonAuth,
  SessionIntent,
  StatusIntent,
  InteractionIntent,
  TransferIntent,
  DialIntent,
  CrmIntent,
} from './intents.js';
export type {
  Observation,
  SessionObservation,
  StatusObservation,
  QueueObservation,
  DataObservation,
  CrmObservation,
  ClockTick,
  QueueItem,
  UserStatusUpdate,
  PasswordPolicyError,
  CommandOperation,
  CommandErrorKind,
} from './observations.js';
export { LogonFailure } from './observations.js';
export type { Input, InputKind } from './inputs.js';
export { isIntent, redactInput } from './inputs.js';
export type {
  Effect,
  CicEffect,
  UiEffect,
  CrmEffect,
  StorageEffect,
  CrmInteraction,
  UserPrefs,
  SubscriptionTopic,
} from './effects.js';
export { effectKey, redactEffect } from './effects.js';
export type { CicPort, CrmPort, StoragePort, NotifierPort, Clock, InteractionCommand, PortFailure } from './ports.js';

export type { SoftphoneState } from './softphone-state.js';
export { initialSoftphoneState, currentUserId } from './softphone-state.js';
export type { Step } from './step-output.js';
export { step } from './step.js';
export type { Store, Reducer } from './store.js';
export { createStore } from './store.js';

export type {
  SessionArea,
  SessionPhase,
  SessionInfo,
  ServerInfo,
  IdentityProvider,
  AuthChoice,
  LogonPrefs,
  PasswordChange,
} from './session/session-state.js';
export { ConnectionStatus } from './session/session-state.js';
export { logonErrorKey } from './session/logon-errors.js';
export type { SessionView } from './session/session-selectors.js';
export { selectSession } from './session/session-selectors.js';

export type { StationArea, StationChoice, StationInfo, StationStep } from './station/station-state.js';
export { StationKind } from './station/station-state.js';
export type { StationFormView, StationOption } from './station/station-selectors.js';
export { selectStationForm } from './station/station-selectors.js';

export type {
  StatusArea,
  StatusMessage,
  StatusUntil,
  UserStatus,
  PreviousStatusInfo,
} from './status/status-state.js';
export type { StatusBarView, StatusChoice, StatusDetailsView } from './status/status-selectors.js';
export { selectStatusBar, selectStatusChoices, selectStatusDetails } from './status/status-selectors.js';

export type {
  InteractionRecord,
  PhaseState,
  QueueArea,
  RecordingOrder,
} from './interaction/interaction-state.js';
export { InteractionPhase, CommandOp } from './interaction/interaction-state.js';
export { phaseFromStateLetter, stateClass, StateClass } from './interaction/interaction-phase.js';
export type { Notification, TransitionRule } from './interaction/transitions.js';
export { TRANSITIONS, notificationsFor } from './interaction/transitions.js';
export type { NoPopReason } from './interaction/alerting.js';
export { noPopReason } from './interaction/alerting.js';
export type { Availability, ControlReason, ControlState } from './interaction/controls.js';
export { Control, selectControls, PENDING_TIMEOUT_MS } from './interaction/controls.js';
export type { SecurePauseView } from './interaction/secure-pause.js';
export { selectSecurePause } from './interaction/secure-pause.js';
export type { InteractionRow } from './interaction/interaction-selectors.js';
export { selectInteractions, selectAlerting } from './interaction/interaction-selectors.js';

export type {
  TransferTarget,
  TransferCandidate,
  ConsultState,
  TransferArea,
} from './transfer/transfer-state.js';
export { TargetType, Audience } from './transfer/transfer-state.js';
export type { TransferView, ConsultView } from './transfer/transfer-selectors.js';
export { selectTransfer, selectConsult, canConsult } from './transfer/transfer-selectors.js';

export type { AccountCode, DialArea, DialSource, PendingDial } from './dial/dial-state.js';
export type { DialView } from './dial/dial-selectors.js';
export { selectDial } from './dial/dial-selectors.js';

export type { WrapUpCode, WrapUpPrompt, WrapUpArea } from './wrap-up/wrap-up-state.js';
export type { WrapUpPromptView } from './wrap-up/wrap-up-selectors.js';
export { selectWrapUpPrompt } from './wrap-up/wrap-up-selectors.js';

export type { DirectoryEntry, DirectoryArea } from './directory/directory-state.js';
export type { DirectoryRow } from './directory/directory-selectors.js';
export { selectDirectory, matchesDirectorySearch } from './directory/directory-selectors.js';

export type { HistoryEntry, HistoryArea } from './history/history-state.js';
export type { HistoryRow } from './history/history-selectors.js';
export { HistoryFilter, selectCallHistory } from './history/history-selectors.js';

export type { WorkgroupActivation, ActivationArea } from './activation/activation-state.js';
export { selectActivations, selectActiveWorkgroups } from './activation/activation-state.js';
export * from './omni/index.js';
export * from './crm-rules/index.js';
