/**
 * Composition root: the only module that knows every concrete adapter. It defines
 * `<cic-softphone-app>`, which owns one domain store, the runtime and its ports, and renders
 * `<cic-softphone>` with that store.
 *
 *   <cic-softphone-app server="https://cic.example.com:8019" language="en-us"></cic-softphone-app>
 *
 * `server` fixes the CIC server (the log-on form then hides the field); without it the agent types
 * one. Inside Salesforce the call-center settings supply it instead (see the CRM wiring).
 */
import { defaultPanelConfig, type Input, type SoftphoneState, type Store } from './domain/index.js';
import { startBrowserTabs, type SessionSharing, type Tabs } from './app/tabs/index.js';
import type { IcwsCicPort, SharedCicSession } from './cic/port.js';
import { createCrmWiring } from './app/crm-wiring.js';
import { browserClock } from './app/clock.js';
import { lazyNotifier, lazyStoragePort } from './app/lazy-browser-ports.js';
import { lazyCicPort } from './app/lazy-cic-port.js';
import { INTENT_EVENT, type IntentEvent } from './ui/index.js';
import { define } from './ui/define.js';

const APPLICATION_NAME = 'CIC Softphone for Salesforce';

/** Failed effects and ignored stored values (already redacted: no password reaches this line). */
function log(line: string): void {
  // eslint-disable-next-line no-console -- the browser console is the panel's diagnostic log
  console.warn(`[softphone] ${line}`);
}

export class CicSoftphoneApp extends HTMLElement {
  #store: Store<SoftphoneState, Input> | null = null;
  #runtime: Tabs | null = null;
  #teardown: (() => void)[] = [];

  /** The running store (tests and diagnostics read it; the UI gets it as a property). */
  get store(): Store<SoftphoneState, Input> | null {
    return this.#store;
  }

  connectedCallback(): void {
    if (this.#runtime !== null) return;
    // Fill the host (the utility-bar frame); the panel pins its header and status bar.
    this.style.display ||= 'block';
    this.style.height ||= '100%';
    const language = this.getAttribute('language') ?? navigator.language.toLowerCase();
    // The ICWS client is its own chunk (docs/decisions/0008-code-splitting.md).
    let icws: IcwsCicPort | null = null;
    const cic = lazyCicPort(async () => {
      const [{ createCicPort }, { popupSingleSignOn }] = await Promise.all([
        import('./cic/port.js'),
        import('./app/sso-popup.js'),
      ]);
      icws = createCicPort({
        applicationName: APPLICATION_NAME,
        language,
        singleSignOn: popupSingleSignOn(window),
      });
      return icws;
    });
    // One CIC session for every tab of this origin (docs/decisions/0009-one-session-many-tabs.md):
    // the leading tab runs the ports, the others mirror it and forward the agent's intents.
    const sharing: SessionSharing<SharedCicSession> = {
      shared: () => Promise.resolve(icws?.sharedSession() ?? null),
      adopt: async (shared) => {
        await cic.preload();
        if (icws === null) throw new Error('the CIC client did not load');
        return icws.adoptSession(shared);
      },
    };
    // Storage (zod-checked preferences) and notifications load in their own chunk.
    const browserPorts = import('./app/browser-ports.js');
    const crm = createCrmWiring(window, log);
    const runtime = startBrowserTabs({
      window,
      sharing,
      clock: browserClock,
      ports: {
        cic,
        storage: lazyStoragePort(
          browserPorts.then((m) => m.createLocalStoragePort(window.localStorage, log)),
        ),
        notifier: lazyNotifier(browserPorts.then((m) => m.createBrowserNotifier(window))),
        ...(crm === null ? {} : { crm: crm.port }),
      },
      log,
    });
    const store = runtime.store;
    this.#store = store;
    this.#runtime = runtime;
    // Omni-Channel sync runs where the CIC session runs: in the leading tab.
    void crm?.start(runtime.dispatch).then(async (config) => {
      if (config === null) return;
      await runtime.whenLeading();
      const { startOmniWiring } = await import('./app/omni-wiring.js');
      const stopOmni = await startOmniWiring({ win: window, config, store, dispatch: runtime.dispatch, log });
      this.#teardown.push(() => void stopOmni());
    });

    const panel = document.createElement('cic-softphone') as HTMLElement & { store: Store };
    panel.store = store;
    this.replaceChildren(panel);
    // Fetch the client right after the first render, so log-on does not wait for it.
    void (panel as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() =>
      cic.preload().catch((error: unknown) => log(`CIC client not loaded yet: ${String(error)}`)),
    );

    const onIntent = (event: IntentEvent): void => {
      if (event.detail.kind === 'intent.logon')
        void browserPorts.then((m) => m.requestNotificationPermission(window));
      runtime.dispatch(event.detail);
    };
    // Page visibility reaches the domain through the tabs (no tab visible = hidden).
    this.addEventListener(INTENT_EVENT, onIntent);
    this.#teardown = [() => this.removeEventListener(INTENT_EVENT, onIntent)];

    const server = this.getAttribute('server');
    if (server) runtime.dispatch({ kind: 'obs.panel.config', config: { ...defaultPanelConfig(), server } });
  }

  disconnectedCallback(): void {
    for (const off of this.#teardown) off();
    this.#teardown = [];
    this.#runtime?.stop();
    this.#runtime = null;
    this.#store = null;
  }
}

define('cic-softphone-app', CicSoftphoneApp);
