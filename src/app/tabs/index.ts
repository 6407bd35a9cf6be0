/** One CIC session, many tabs: the public surface of `src/app/tabs`. */
export type {
  TabMessage,
  TabChannel,
  TabVisibility,
  LockManagerLike,
  VisibilitySource,
  CrmCall,
} from './protocol.js';
export { isTabMessage, EVERY_TAB } from './protocol.js';
export { AttentionTracker } from './attention.js';
export type { TabStore } from './tab-store.js';
export { createTabStore } from './tab-store.js';
export type { SessionSharing, Tabs, TabsOptions, TabRole } from './start-tabs.js';
export { startTabs, LEADER_LOCK } from './start-tabs.js';
export type { BrowserTabsOptions, ManualVisibility } from './browser.js';
export {
  TAB_CHANNEL,
  broadcastTabChannel,
  documentVisibility,
  manualVisibility,
  hasLiveCall,
  warnBeforeUnloadWhileLive,
  startBrowserTabs,
} from './browser.js';
