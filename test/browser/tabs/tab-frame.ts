/**
 * One "tab" of the multi-tab tests, loaded in a same-origin iframe (its own document, its own Web
 * Locks holder, the origin's BroadcastChannel). It composes the panel as `src/main.ts` does, with
 * the real ICWS port against the simulator, and two test seams: a recording CRM port (what a
 * Salesforce tab would be asked to do) and a visibility the test sets (headless tabs are all
 * "visible"). The test reaches it through `window.softphoneTab`.
 */
import {
  defaultCrmSettings,
  defaultPanelConfig,
  type CrmPort,
  type NotifierPort,
  type Observation,
} from '../../../src/domain/index.js';
import { browserClock, createLocalStoragePort } from '../../../src/app/browser-ports.js';
import { manualVisibility, startBrowserTabs, type ManualVisibility, type Tabs } from '../../../src/app/tabs/index.js';
import { createCicPort, type SharedCicSession } from '../../../src/cic/port.js';
import { INTENT_EVENT, type IntentEvent } from '../../../src/ui/index.js';

/** One call the leader (or this tab's own runtime) made on this tab's CRM port. */
export interface CrmCallRecord {
  readonly op: string;
  readonly interactionId: string | null;
  readonly taskId: string | null;
}

export interface SoftphoneTab {
  readonly name: string;
  readonly tabs: Tabs;
  readonly crmCalls: CrmCallRecord[];
  readonly visibility: ManualVisibility;
  readonly panel: HTMLElement;
  readonly logs: string[];
  /** The panel's enabled, visible buttons with their names (found in this document's realm). */
  buttons(): { readonly name: string; readonly element: HTMLButtonElement }[];
}

function deepButtons(root: ParentNode): HTMLButtonElement[] {
  const found: HTMLButtonElement[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLButtonElement) found.push(el);
    if (el.shadowRoot) found.push(...deepButtons(el.shadowRoot));
  }
  return found;
}

function nameOf(button: HTMLButtonElement): string {
  const label = button.getAttribute('aria-label') ?? button.textContent ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

const params = new URLSearchParams(location.search);
const name = params.get('tab') ?? '?';
const server = params.get('server') ?? '';

const crmCalls: CrmCallRecord[] = [];
const logs: string[] = [];
let tasks = 0;
const crm: CrmPort = {
  async screenPop(request) {
    crmCalls.push({ op: 'screenPop', interactionId: request.interactionId, taskId: null });
    return { kind: 'obs.crm.matches', interactionId: request.interactionId, records: [] };
  },
  async interactionChanged(request) {
    crmCalls.push({ op: 'interactionChanged', interactionId: request.interactionId, taskId: null });
  },
  async setPanelVisible(visible) {
    crmCalls.push({ op: visible ? 'panelShow' : 'panelHide', interactionId: null, taskId: null });
  },
  async saveLog(request) {
    crmCalls.push({ op: 'saveLog', interactionId: request.interactionId, taskId: request.taskId });
    tasks += 1;
    const taskId = request.taskId ?? `00T-${name}-${tasks}`;
    return { kind: 'obs.crm.logSaved', interactionId: request.interactionId, seq: request.seq, taskId };
  },
  async openRecord(recordId) {
    crmCalls.push({ op: 'openRecord', interactionId: recordId, taskId: null });
  },
  async setUtility() {
    crmCalls.push({ op: 'setUtility', interactionId: null, taskId: null });
  },
  observe(listener: (observation: Observation) => void) {
    queueMicrotask(() => listener({ kind: 'obs.crm.ready', settings: defaultCrmSettings(), problems: [] }));
    return () => undefined;
  },
};

const notifier: NotifierPort = { startRing: () => undefined, stopRing: () => undefined, notify: () => undefined };
const cic = createCicPort({ applicationName: `tabs test ${name}`, language: 'en-us' });
const visibility = manualVisibility({ visible: false, focused: false });

const tabs = startBrowserTabs<SharedCicSession>({
  window,
  tabId: name,
  visibility,
  clock: browserClock,
  ports: { cic, storage: createLocalStoragePort(window.localStorage, (l) => logs.push(l)), notifier, crm },
  sharing: {
    shared: () => Promise.resolve(cic.sharedSession()),
    adopt: (shared) => cic.adoptSession(shared),
  },
  log: (line) => logs.push(line),
});

await import('../../../src/ui/index.js');
const panel = document.createElement('cic-softphone') as HTMLElement & { store: unknown };
panel.store = tabs.store;
panel.style.display = 'block';
panel.style.width = '320px';
document.body.append(panel);
panel.addEventListener(INTENT_EVENT, (event: IntentEvent) => tabs.dispatch(event.detail));
tabs.dispatch({ kind: 'obs.panel.config', config: { ...defaultPanelConfig(), server } });

const buttons = (): { name: string; element: HTMLButtonElement }[] =>
  deepButtons(panel.shadowRoot ?? panel)
    .filter((element) => !element.disabled && element.checkVisibility())
    .map((element) => ({ name: nameOf(element), element }));
const tab: SoftphoneTab = { name, tabs, crmCalls, visibility, panel, logs, buttons };
(window as unknown as { softphoneTab: SoftphoneTab }).softphoneTab = tab;
