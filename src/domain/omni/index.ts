/** Omni-Channel status sync: settings parser, pure step function and the CIC facts it reads. */
export type {
  OmniSyncConfig,
  ToOmniMap,
  ToCicMap,
  OmniSettingsError,
  OmniSettingsResult,
  OmniSyncSettingItems,
} from './omni-settings.js';
export {
  OMNI_LOGGED_OUT,
  emptyOmniSyncConfig,
  parseOmniSyncSettings,
  parseOmniSyncSettingItems,
  unknownOmniSyncNames,
  statusNameKey,
} from './omni-settings.js';
export type {
  ChangeOrigin,
  CommandCause,
  OmniSyncCommand,
  OmniSyncInput,
  OmniSyncState,
  OmniSyncStepResult,
} from './omni-sync.js';
export { MAX_PENDING, initialOmniSyncState, omniSyncStep, omniTargetFor, cicTargetFor } from './omni-sync.js';
export type { OmniSyncFacts } from './omni-selectors.js';
export { selectOmniSyncFacts } from './omni-selectors.js';
