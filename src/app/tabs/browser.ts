/**
 * The browser side of the tabs: a `BroadcastChannel`, `navigator.locks`, the document's
 * visibility and focus, and the "leave this page?" warning while a call is live.
 */
import type { Input, SoftphoneState, Store } from '../../domain/index.js';
import { isTabMessage, type LockManagerLike, type TabChannel, type TabVisibility, type VisibilitySource } from './protocol.js';
import { startTabs, type Tabs, type TabsOptions } from './start-tabs.js';

/** Channel name shared by every tab of the origin. */
export const TAB_CHANNEL = 'cic-softphone-tabs';

export function broadcastTabChannel(name: string = TAB_CHANNEL): TabChannel {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        if (isTabMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/** Visibility and focus of `window`'s document. */
export function documentVisibility(win: Window): VisibilitySource {
  const current = (): TabVisibility => ({
    visible: win.document.visibilityState === 'visible',
    focused: win.document.hasFocus(),
  });
  return {
    current,
    subscribe(listener) {
      const events = ['focus', 'blur', 'pageshow'] as const;
      win.document.addEventListener('visibilitychange', listener);
      for (const type of events) win.addEventListener(type, listener);
      return () => {
        win.document.removeEventListener('visibilitychange', listener);
        for (const type of events) win.removeEventListener(type, listener);
      };
    },
  };
}

/** A visibility the caller sets by hand (tests; a host page that knows better than the document). */
export interface ManualVisibility extends VisibilitySource {
  set(visibility: TabVisibility): void;
}

export function manualVisibility(initial: TabVisibility): ManualVisibility {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    current: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

const LIVE_PHASES: ReadonlySet<string> = new Set(['alerting', 'connected', 'held', 'offering', 'proceeding']);

/** Whether an interaction is live enough that closing the page should be confirmed. */
export function hasLiveCall(state: SoftphoneState): boolean {
  return Object.values(state.queue.byId).some((record) => LIVE_PHASES.has(record.phase));
}

/**
 * Asks the browser to confirm leaving the page while a call is live. The call itself survives
 * (another tab takes over, or the agent reloads and the session is adopted), but a page closed by
 * mistake mid-call is worth one question. Returns the function that removes the warning.
 */
export function warnBeforeUnloadWhileLive(win: Window, store: Store<SoftphoneState, Input>): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!hasLiveCall(store.getState())) return;
    event.preventDefault();
    // Older Chromium versions need returnValue set as well.
    event.returnValue = '';
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => win.removeEventListener('beforeunload', onBeforeUnload);
}

export interface BrowserTabsOptions<S>
  extends Omit<TabsOptions<S>, 'channel' | 'locks' | 'visibility'> {
  readonly window: Window;
  /** Defaults to the document's visibility and focus. */
  readonly visibility?: VisibilitySource;
  readonly channelName?: string;
}

/**
 * {@link startTabs} with the browser's channel, locks and visibility, plus the unload warning and
 * a goodbye on `pagehide`. Without Web Locks (very old browsers) every tab leads on its own, as
 * before this feature.
 */
export function startBrowserTabs<S>(options: BrowserTabsOptions<S>): Tabs {
  const { window: win, channelName, visibility, ...rest } = options;
  const nav = win.navigator as Navigator & { locks?: LockManagerLike };
  const locks: LockManagerLike = nav.locks ?? {
    request: (_name, _options, callback) => callback(null),
  };
  const tabs = startTabs({
    ...rest,
    // Durable call logs in this origin's localStorage (zod-checked: loaded with the runtime).
    callLogStorage:
      rest.callLogStorage ??
      (async () => (await import('../outbox-storage.js')).createCallLogStorage(win.localStorage, rest.log)),
    channel: broadcastTabChannel(channelName),
    locks,
    visibility: visibility ?? documentVisibility(win),
  });
  const offWarning = warnBeforeUnloadWhileLive(win, tabs.store);
  const onPageHide = (event: PageTransitionEvent): void => {
    // A page kept in the back/forward cache may come back: only a real unload leaves.
    if (!event.persisted) stop();
  };
  win.addEventListener('pagehide', onPageHide);
  const stop = (): void => {
    offWarning();
    win.removeEventListener('pagehide', onPageHide);
    tabs.stop();
  };
  return { ...tabs, get role() { return tabs.role; }, stop };
}

