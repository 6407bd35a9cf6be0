/** The CRM rules' public surface (re-exported by `src/domain/index.ts`). */
export type { AttributePopType, ScreenPopSettings, CallLogSettings, CrmSettings } from './crm-config.js';
export { defaultCrmSettings, DEFAULT_EDIT_WINDOW_MS } from './crm-config.js';
export type { CrmRecord, CrmRecordRef } from './crm-records.js';
export { associationsOf } from './crm-records.js';
export type { CallType, PopPlan } from './screen-pop.js';
export { planScreenPop, callTypeOf, attributePopUrl } from './screen-pop.js';
export type {
  TaskValue,
  TaskFields,
  CrmSettingProblem,
  CrmConnection,
  CallLog,
  OutboxEntry,
  RestoredCallLogs,
  ClickToDialState,
  UtilityItem,
  CrmArea,
} from './crm-state.js';
export { callLogSubject, desiredTaskFields } from './call-log.js';
export { RETRY_DELAYS_MS, CLICK_TO_DIAL_GUARD_MS } from './crm-step.js';
export { selectDurableCallLogs, MAX_STORED_LOGS } from './crm-restore.js';
export type { CallLogView, CrmStatusView } from './crm-selectors.js';
export { selectCallLogs, selectCallLog, selectCrmStatus } from './crm-selectors.js';
