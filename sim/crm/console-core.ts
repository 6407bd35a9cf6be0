/**
 * The Lightning console the emulator plays: one or more browser windows (each a console page with
 * its own softphone frame, workspace tabs, utility item, click-to-dial state, Open CTI listeners
 * and Lightning Message Service scope), sharing one org (records, Tasks) and one Omni-Channel
 * presence. All state lives here, on the server; console pages render what they are sent.
 */
import type { ServerResponse } from 'node:http';
import type { Clock, TimerHandle } from '../cic/clock.js';
import { flattenCallCenter, settingValue, type CallCenterDefinition } from './call-center.js';
import type { Database, FieldValue, StoredRecord } from './db.js';
import { normalizeId } from './ids.js';
import { looksLikePhone } from './phone.js';
import type { OmniEvent, OmniPresence } from './omni.js';
import type {
  ActivityView,
  ConsoleView,
  FieldView,
  OpenCtiResponse,
  PageView,
  RowView,
  ServerEvent,
  WireValue,
} from './protocol.js';
import type { DemoCustomer } from './records.js';
import { fieldDef, objectDef, OBJECTS, type ObjectDef } from './sobjects.js';
import type { SoftphoneLayout } from './softphone-layout.js';

export interface ListenerRef {
  readonly instanceId: string;
  readonly fnId: string;
}

export type View =
  | { kind: 'home' }
  | { kind: 'record'; recordId: string; activity: ActivityView[] }
  | { kind: 'search'; searchString: string }
  | { kind: 'objecthome'; scope: string }
  | { kind: 'list'; scope: string; listViewId: string }
  | { kind: 'url'; url: string }
  | { kind: 'flow'; flowDevName: string; flowArgs: WireValue };

export interface WorkspaceTab {
  readonly id: string;
  view: View;
}

export interface ModalState {
  entityName: string;
  defaults: Record<string, FieldValue>;
  error: string | null;
}

export interface ConsoleWindow {
  readonly id: string;
  readonly consoleOrigin: string;
  open: boolean;
  visible: boolean;
  stream: ServerResponse | null;
  backlog: ServerEvent[];
  frame: { url: string; generation: number; instanceId: string | null; apiVersion: number; initialized: boolean; standby: boolean };
  standbyTimer: TimerHandle | null;
  utility: {
    itemIcon: string;
    itemLabel: string;
    panelIcon: string;
    panelLabel: string;
    panelOpen: boolean;
    height: number;
    width: number;
  };
  clickToDialEnabled: boolean;
  tabs: WorkspaceTab[];
  activeTabId: string;
  modal: ModalState | null;
  listeners: { clickToDial: ListenerRef[]; navigation: ListenerRef[]; workStart: ListenerRef[] };
  subscriptions: Map<string, { channelName: string; listener: ListenerRef }>;
  ignoredMessages: Array<{ origin: string; reason: string }>;
  tabCounter: number;
}

export interface LogEntry {
  readonly seq: number;
  readonly at: string;
  readonly window: string;
  readonly tab: string;
  readonly instanceId: string;
  readonly method: string;
  readonly args: WireValue;
  readonly response: OpenCtiResponse;
}

export interface DeliveryEntry {
  readonly seq: number;
  readonly window: string;
  readonly kind: 'clickToDial' | 'navigation' | 'workStart' | 'lms';
  readonly payload: WireValue;
  readonly listeners: number;
}

export interface LmsEntry {
  readonly seq: number;
  readonly window: string;
  readonly channelName: string;
  readonly message: WireValue;
  readonly source: 'softphone' | 'control' | 'omni-bridge';
}

export interface Flow {
  readonly name: string;
  readonly label: string;
  readonly inputs: ReadonlyArray<{ name: string; type: string }>;
}

export interface CoreConfig {
  /** Replaced on reset. */
  db: Database;
  callCenter: CallCenterDefinition;
  layout: SoftphoneLayout;
  flows: readonly Flow[];
  customers: readonly DemoCustomer[];
  adapterUrl: string;
  clock: Clock;
  utilityIcons: ReadonlySet<string>;
  omniBridgeChannel: string;
  messageChannels: readonly string[] | null;
  cicControlConfigured: boolean;
}

const SYSTEM_FIELDS = new Set(['Id', 'CreatedDate', 'LastModifiedDate', 'CreatedById', 'LastModifiedById', 'IsPersonAccount', 'PersonContactId', 'IsClosed', 'CompletedDateTime', 'RecordTypeId', 'OwnerId']);

export class ConsoleCore {
  readonly windows = new Map<string, ConsoleWindow>();
  readonly log: LogEntry[] = [];
  readonly deliveries: DeliveryEntry[] = [];
  readonly lms: LmsEntry[] = [];
  private windowCounter = 0;
  private seq = 0;
  private subscriptionCounter = 0;
  /** After a standby switch, Lightning keeps the standby URL for the rest of the browser session. */
  standbyForSession = false;
  customerCall: { interactionId: string; from: string; fromName: string } | null = null;
  /** Sales Engagement work items started through the control API (`hvs.onWorkStart`). */
  readonly hvsWork = new Map<
    string,
    { workId: string; to: string; completed: { disposition: string; taskId: string; wasConnected: boolean } | null }
  >();
  notice: string | null = null;
  omni!: OmniPresence;

  constructor(readonly config: CoreConfig) {}

  get db(): Database {
    return this.config.db;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // ----------------------------------------------------------------------------------------------
  // Windows

  /** A console page opened: give it an id, a home tab and its softphone frame URL. */
  openWindow(consoleOrigin: string): ConsoleWindow {
    this.windowCounter += 1;
    const id = `w${this.windowCounter}`;
    const win: ConsoleWindow = {
      id,
      consoleOrigin,
      open: true,
      visible: true,
      stream: null,
      backlog: [],
      frame: { url: '', generation: 0, instanceId: null, apiVersion: 62, initialized: false, standby: false },
      standbyTimer: null,
      utility: this.defaultUtility(),
      clickToDialEnabled: false,
      tabs: [{ id: 'nav', view: { kind: 'home' } }],
      activeTabId: 'nav',
      modal: null,
      listeners: { clickToDial: [], navigation: [], workStart: [] },
      subscriptions: new Map(),
      ignoredMessages: [],
      tabCounter: 0,
    };
    this.windows.set(id, win);
    this.loadFrame(win, this.standbyForSession);
    return win;
  }

  /** Back to a fresh console page: home tab only, default utility item, the softphone reloaded. */
  resetWindow(win: ConsoleWindow): void {
    win.utility = this.defaultUtility();
    win.tabs = [{ id: 'nav', view: { kind: 'home' } }];
    win.activeTabId = 'nav';
    win.modal = null;
    win.ignoredMessages = [];
    win.tabCounter = 0;
    this.loadFrame(win, false);
    this.render(win);
  }

  private defaultUtility(): ConsoleWindow['utility'] {
    const general = (name: string): string | undefined => settingValue(this.config.callCenter, 'reqGeneralInfo', name);
    return {
      itemIcon: 'call',
      itemLabel: 'Phone',
      panelIcon: 'call',
      panelLabel: general('reqDisplayName') ?? 'Phone',
      panelOpen: false,
      height: Number(general('reqSoftphoneHeight') ?? 400),
      width: Number(general('reqSoftphoneWidth') ?? 300),
    };
  }

  /** The window control calls act on: the given one, else the most recently opened open one. */
  windowFor(id?: string): ConsoleWindow | undefined {
    if (id !== undefined) return this.windows.get(id);
    const open = [...this.windows.values()].filter((w) => w.open);
    return open[open.length - 1];
  }

  closeWindow(win: ConsoleWindow): void {
    win.open = false;
    win.stream = null;
    if (win.standbyTimer) this.config.clock.clearTimeout(win.standbyTimer);
    win.standbyTimer = null;
    win.listeners = { clickToDial: [], navigation: [], workStart: [] };
    win.subscriptions.clear();
  }

  /** Points the softphone frame at the adapter (or standby) URL with the utility bar's parameters. */
  loadFrame(win: ConsoleWindow, standby: boolean): void {
    const standbyUrl = settingValue(this.config.callCenter, 'reqGeneralInfo', 'reqStandbyUrl');
    const base = standby && standbyUrl ? standbyUrl : this.config.adapterUrl;
    const url = new URL(base, win.consoleOrigin);
    url.searchParams.set('mode', 'Lightning');
    url.searchParams.set('sfdcIframeOrigin', win.consoleOrigin);
    url.searchParams.set('nonce', `${win.id}-${win.frame.generation + 1}`);
    url.searchParams.set('isdtp', 'vw');
    url.searchParams.set('clc', '1');
    win.frame = {
      url: url.toString(),
      generation: win.frame.generation + 1,
      instanceId: null,
      apiVersion: 62,
      initialized: false,
      standby: standby && !!standbyUrl,
    };
    win.clickToDialEnabled = false;
    win.listeners = { clickToDial: [], navigation: [], workStart: [] };
    win.subscriptions.clear();
    this.startStandbyTimer(win);
  }

  private startStandbyTimer(win: ConsoleWindow): void {
    if (win.standbyTimer) this.config.clock.clearTimeout(win.standbyTimer);
    win.standbyTimer = null;
    const standbyUrl = settingValue(this.config.callCenter, 'reqGeneralInfo', 'reqStandbyUrl');
    const timeout = settingValue(this.config.callCenter, 'reqGeneralInfo', 'reqTimeout');
    if (!standbyUrl || !timeout || win.frame.standby) return;
    win.standbyTimer = this.config.clock.setTimeout(() => {
      win.standbyTimer = null;
      if (!win.open || win.frame.initialized) return;
      this.standbyForSession = true;
      this.loadFrame(win, true);
      this.render(win);
    }, Number(timeout));
  }

  /** A softphone document said hello: it is the frame's current instance; older ones lose their listeners. */
  frameHello(win: ConsoleWindow, instanceId: string, apiVersion: number): void {
    if (win.frame.instanceId === instanceId) return;
    win.frame.apiVersion = apiVersion;
    if (win.frame.instanceId !== null) {
      // The frame navigated or reloaded without the console knowing: a new document.
      win.clickToDialEnabled = false;
      win.listeners = { clickToDial: [], navigation: [], workStart: [] };
      win.subscriptions.clear();
      win.frame.initialized = false;
    }
    win.frame.instanceId = instanceId;
    this.render(win);
  }

  // ----------------------------------------------------------------------------------------------
  // Server-sent events to the console page

  attachStream(win: ConsoleWindow, res: ServerResponse): void {
    win.stream = res;
    const backlog = win.backlog;
    win.backlog = [];
    this.send(win, { type: 'state', state: this.view(win) });
    for (const event of backlog) if (event.type !== 'state') this.send(win, event);
  }

  send(win: ConsoleWindow, event: ServerEvent): void {
    if (!win.open) return;
    if (!win.stream) {
      win.backlog.push(event);
      return;
    }
    win.stream.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  render(win: ConsoleWindow): void {
    if (win.open && win.stream) this.send(win, { type: 'state', state: this.view(win) });
  }

  renderAll(): void {
    for (const win of this.windows.values()) this.render(win);
  }

  /** Calls a softphone listener (through the console page and postMessage). */
  deliver(win: ConsoleWindow, kind: DeliveryEntry['kind'], listeners: readonly ListenerRef[], payload: WireValue): void {
    this.deliveries.push({ seq: this.nextSeq(), window: win.id, kind, payload, listeners: listeners.length });
    for (const l of listeners) this.send(win, { type: 'deliver', instanceId: l.instanceId, listenerId: l.fnId, payload });
  }

  // ----------------------------------------------------------------------------------------------
  // Tabs and navigation

  activeTab(win: ConsoleWindow): WorkspaceTab {
    return win.tabs.find((t) => t.id === win.activeTabId) ?? (win.tabs[0] as WorkspaceTab);
  }

  /** Opens a view: records focus an existing tab for the same record or open a new one. */
  open(win: ConsoleWindow, view: View): WorkspaceTab {
    win.modal = null;
    let tab: WorkspaceTab | undefined;
    if (view.kind === 'home' || view.kind === 'objecthome' || view.kind === 'list') {
      tab = win.tabs[0] as WorkspaceTab;
      tab.view = view;
    } else if (view.kind === 'record') {
      tab = win.tabs.find((t) => t.view.kind === 'record' && t.view.recordId === view.recordId);
      if (tab) tab.view = { ...view, activity: this.activityFor(view.recordId) };
    } else if (view.kind === 'search') {
      tab = win.tabs.find((t) => t.view.kind === 'search' && t.view.searchString === view.searchString);
    }
    if (!tab) {
      win.tabCounter += 1;
      tab = { id: `tab-${win.tabCounter}`, view: view.kind === 'record' ? { ...view, activity: this.activityFor(view.recordId) } : view };
      win.tabs.push(tab);
    }
    win.activeTabId = tab.id;
    this.navigated(win);
    this.render(win);
    return tab;
  }

  openRecord(win: ConsoleWindow, recordId: string): WorkspaceTab {
    return this.open(win, { kind: 'record', recordId: this.canonicalRecordId(recordId), activity: [] });
  }

  /** Person-contact ids open their person account, as Lightning does. */
  canonicalRecordId(recordId: string): string {
    const norm = normalizeId(recordId) ?? recordId;
    const person = this.db.get(norm) ? undefined : this.db.personAccountForContact(norm);
    return person ? (person.fields['Id'] as string) : norm;
  }

  focusTab(win: ConsoleWindow, tabId: string): boolean {
    if (!win.tabs.some((t) => t.id === tabId)) return false;
    win.activeTabId = tabId;
    this.navigated(win);
    this.render(win);
    return true;
  }

  closeTab(win: ConsoleWindow, tabId: string): boolean {
    const index = win.tabs.findIndex((t) => t.id === tabId);
    if (index <= 0) return false;
    win.tabs.splice(index, 1);
    if (win.activeTabId === tabId) {
      win.activeTabId = (win.tabs[Math.min(index, win.tabs.length - 1)] as WorkspaceTab).id;
      this.navigated(win);
    }
    this.render(win);
    return true;
  }

  /** Console tab refresh: reloads the tab's data (activity) and counts as a navigation. */
  refreshTab(win: ConsoleWindow, tab: WorkspaceTab, fireNavigation: boolean): void {
    if (tab.view.kind === 'record') tab.view = { ...tab.view, activity: this.activityFor(tab.view.recordId) };
    if (fireNavigation && tab.id === win.activeTabId) this.navigated(win);
    this.render(win);
  }

  openModal(win: ConsoleWindow, entityName: string, defaults: Record<string, FieldValue>): void {
    win.modal = { entityName, defaults, error: null };
    // An internal navigation: the listener hears the new-record URL.
    this.deliver(win, 'navigation', win.listeners.navigation, {
      url: `${win.consoleOrigin}/lightning/o/${entityName}/new`,
      recordId: '',
      recordName: '',
      objectType: '',
    });
    this.render(win);
  }

  /** The page became visible again (the agent came back to this browser tab). */
  setVisible(win: ConsoleWindow, visible: boolean): void {
    const regained = visible && !win.visible;
    win.visible = visible;
    if (regained) this.navigated(win);
  }

  /**
   * `onNavigationChange` fires for record views (and the new-record modal). In console apps it
   * does not fire when the new view is not a record (a list view, search results, a URL page).
   */
  private navigated(win: ConsoleWindow): void {
    const info = this.appViewInfo(win);
    if (info.recordId === '') return;
    this.deliver(win, 'navigation', win.listeners.navigation, info);
  }

  /** What `getAppViewInfo` and `onNavigationChange` report for the active tab. */
  appViewInfo(win: ConsoleWindow): { [key: string]: WireValue; url: string; recordId: string; recordName: string; objectType: string } {
    const view = this.activeTab(win).view;
    const url = this.viewUrl(win, view);
    if (view.kind !== 'record') return { url, recordId: '', recordName: '', objectType: '' };
    const record = this.db.get(view.recordId);
    if (!record) return { url, recordId: '', recordName: '', objectType: '' };
    return { url, ...this.recordRef(record) };
  }

  /** recordId/recordName/objectType plus the person-account keys, as Open CTI payloads carry them. */
  recordRef(record: StoredRecord): { [key: string]: WireValue; recordId: string; recordName: string; objectType: string } {
    const ref: { [key: string]: WireValue; recordId: string; recordName: string; objectType: string } = {
      recordId: record.fields['Id'] as string,
      recordName: this.db.displayName(record),
      objectType: record.type,
    };
    if (record.type === 'Account' || record.type === 'Contact') {
      const person = this.db.isPersonAccount(record);
      ref['personAccount'] = person;
      if (person) {
        ref['accountId'] = record.fields['Id'] as string;
        ref['contactId'] = record.fields['PersonContactId'] as string;
      }
    }
    return ref;
  }

  viewUrl(win: ConsoleWindow, view: View): string {
    const o = win.consoleOrigin;
    switch (view.kind) {
      case 'home':
        return `${o}/lightning/page/home`;
      case 'record': {
        const type = this.db.get(view.recordId)?.type ?? 'sObject';
        return `${o}/lightning/r/${type}/${view.recordId}/view`;
      }
      case 'search':
        return `${o}/lightning/search?searchInput=${encodeURIComponent(view.searchString)}`;
      case 'objecthome':
        return `${o}/lightning/o/${view.scope}/home`;
      case 'list':
        return `${o}/lightning/o/${view.scope}/list?filterName=${encodeURIComponent(view.listViewId)}`;
      case 'url':
        return `${o}${view.url}`;
      case 'flow':
        return `${o}/flow/${view.flowDevName}`;
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Activity (saved Tasks on a record page)

  /** Tasks shown on a record's activity timeline, newest first. */
  activityFor(recordId: string): ActivityView[] {
    const record = this.db.get(recordId);
    if (!record) return [];
    const ids = new Set([recordId]);
    if (this.db.isPersonAccount(record)) ids.add(record.fields['PersonContactId'] as string);
    return this.db
      .list('Task')
      .filter((t) => ['WhoId', 'WhatId', 'AccountId'].some((f) => ids.has(t.fields[f] as string)))
      .sort((a, b) => String(b.fields['CreatedDate']).localeCompare(String(a.fields['CreatedDate'])))
      .map((t) => this.activityRow(t));
  }

  private activityRow(task: StoredRecord): ActivityView {
    const f = task.fields;
    const str = (v: FieldValue | undefined): string => (v === null || v === undefined ? '' : String(v));
    return {
      id: f['Id'] as string,
      subject: str(f['Subject']),
      status: str(f['Status']),
      callType: str(f['CallType']),
      durationSeconds: typeof f['CallDurationInSeconds'] === 'number' ? f['CallDurationInSeconds'] : null,
      disposition: str(f['CallDisposition']),
      comments: str(f['Description']),
      who: typeof f['WhoId'] === 'string' ? (this.db.nameOf(f['WhoId']) ?? f['WhoId']) : '',
      what: typeof f['WhatId'] === 'string' ? (this.db.nameOf(f['WhatId']) ?? f['WhatId']) : '',
      lastModified: str(f['LastModifiedDate']),
    };
  }

  // ----------------------------------------------------------------------------------------------
  // Search

  /** The search page's matches: phone search for numbers, name search otherwise. */
  searchAll(term: string, types?: readonly string[]): StoredRecord[] {
    const trimmed = term.trim();
    if (trimmed.length < 2) return [];
    return looksLikePhone(trimmed) ? this.db.searchPhone(trimmed, types) : this.db.searchText(trimmed, types);
  }

  // ----------------------------------------------------------------------------------------------
  // Lightning Message Service (per window)

  subscribe(win: ConsoleWindow, channelName: string, listener: ListenerRef): { subscriptionId: string; channelName: string } {
    this.subscriptionCounter += 1;
    const subscriptionId = `lms-sub-${this.subscriptionCounter}`;
    win.subscriptions.set(subscriptionId, { channelName, listener });
    return { subscriptionId, channelName };
  }

  /** Publishes on a window's bus: every subscriber on the channel hears it, the publisher included. */
  publish(win: ConsoleWindow, channelName: string, message: WireValue, source: LmsEntry['source']): void {
    this.lms.push({ seq: this.nextSeq(), window: win.id, channelName, message, source });
    const listeners = [...win.subscriptions.values()].filter((s) => s.channelName === channelName).map((s) => s.listener);
    if (listeners.length > 0) this.deliver(win, 'lms', listeners, message);
    if (channelName === this.config.omniBridgeChannel && source !== 'omni-bridge') this.onBridgeMessage?.(win, message);
  }

  /** Set by the Omni bridge: handles softphone requests published on the bridge channel. */
  onBridgeMessage: ((win: ConsoleWindow, message: WireValue) => void) | undefined;

  /** Omni toolkit events reach every open window's bridge, which publishes them. */
  omniEvent(event: OmniEvent): void {
    for (const win of this.windows.values()) {
      if (!win.open) continue;
      this.publish(win, this.config.omniBridgeChannel, { type: 'omni.event', name: event.name, params: event.params }, 'omni-bridge');
      this.render(win);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // View model

  view(win: ConsoleWindow): ConsoleView {
    const omni = this.omni;
    const current = omni.current();
    return {
      windowId: win.id,
      orgName: this.db.organization.Name,
      userName: `${this.db.currentUser.FirstName} ${this.db.currentUser.LastName}`,
      frame: { url: win.frame.url, generation: win.frame.generation, standby: win.frame.standby },
      utility: { ...win.utility, clickToDialEnabled: win.clickToDialEnabled },
      tabs: win.tabs.map((t, i) => ({
        id: t.id,
        label: this.tabLabel(t.view),
        kind: t.view.kind,
        closable: i > 0,
        active: t.id === win.activeTabId,
      })),
      page: this.pageView(this.activeTab(win).view),
      modal: win.modal ? this.modalView(win.modal) : null,
      omni: {
        loggedIn: omni.isLoggedIn,
        statusId: current?.statusId ?? null,
        statusName: current?.statusName ?? null,
        statuses: omni.statuses.map((s) => ({ statusId: s.statusId, statusName: s.statusName, statusApiName: s.statusApiName, away: s.channels.length === 0 })),
        configuredCapacity: omni.capacity(),
        workload: omni.workload(),
        works: omni.agentWorks().map((w) => ({ workId: w.workId, workItemId: w.workItemId, state: w.state })),
      },
      customers: this.config.customers.map((c) => ({ from: c.from, fromName: c.fromName, note: c.note ?? '' })),
      customerCall: this.customerCall,
      cicControlConfigured: this.config.cicControlConfigured,
      notice: this.notice,
    };
  }

  tabLabel(view: View): string {
    switch (view.kind) {
      case 'home':
        return 'Home';
      case 'record': {
        const r = this.db.get(view.recordId);
        return r ? this.db.displayName(r) : 'Record not found';
      }
      case 'search':
        return `Search: ${view.searchString}`;
      case 'objecthome':
        return objectDef(view.scope)?.labelPlural ?? view.scope;
      case 'list':
        return `${objectDef(view.scope)?.labelPlural ?? view.scope}: ${view.listViewId}`;
      case 'url':
        return view.url.startsWith('/apex/') ? (view.url.slice(6).split('?')[0] ?? 'Page') : view.url;
      case 'flow':
        return `Flow: ${view.flowDevName}`;
    }
  }

  private fieldView(record: StoredRecord, def: ObjectDef, name: string): FieldView {
    const field = fieldDef(def, name);
    const raw = record.fields[name];
    const value = raw === null || raw === undefined ? '' : String(raw);
    const view: FieldView = { name, label: field?.label ?? name, value };
    if (field?.type === 'phone' && field.dialable && value !== '') view.dial = { number: value };
    if (field?.type === 'reference' && typeof raw === 'string') {
      const target = this.db.get(raw) ?? this.db.personAccountForContact(raw);
      if (target) {
        view.value = this.db.displayName(target);
        view.link = { recordId: target.fields['Id'] as string };
      }
    }
    return view;
  }

  row(record: StoredRecord): RowView {
    const def = objectDef(record.type) as ObjectDef;
    return {
      recordId: record.fields['Id'] as string,
      objectType: record.type,
      name: this.db.displayName(record),
      fields: this.listFieldsOf(record, def).map((name) => this.fieldView(record, def, name)),
    };
  }

  private listFieldsOf(record: StoredRecord, def: ObjectDef): string[] {
    const fields = def.listFields.filter((f) => f !== def.nameField);
    // Every dialable number appears (search results and lists carry click-to-dial links too).
    for (const p of this.db.phoneFields(record)) if (p.field.dialable && !fields.includes(p.field.name)) fields.push(p.field.name);
    return fields;
  }

  private detailFieldsOf(record: StoredRecord, def: ObjectDef): string[] {
    const person = this.db.isPersonAccount(record);
    return def.fields
      .filter((f) => !SYSTEM_FIELDS.has(f.name))
      .filter((f) => f.accountKind === undefined || (f.accountKind === 'person') === person)
      .filter((f) => !(def.name === 'Task' && f.name === 'AccountId'))
      .map((f) => f.name);
  }

  pageView(view: View): PageView {
    switch (view.kind) {
      case 'home':
        return {
          kind: 'home',
          title: 'Home',
          recent: ['Contact', 'Account', 'Lead', 'Case', 'Opportunity'].flatMap((t) => this.db.list(t).map((r) => this.row(r))),
        };
      case 'record': {
        const record = this.db.get(view.recordId);
        if (!record) {
          return { kind: 'url', title: 'Record not found', url: `/lightning/r/${view.recordId}/view`, query: [] };
        }
        const def = objectDef(record.type) as ObjectDef;
        return {
          kind: 'record',
          title: this.db.displayName(record),
          objectType: record.type,
          objectLabel: this.db.isPersonAccount(record) ? 'Person Account' : def.label,
          recordId: view.recordId,
          personAccount: this.db.isPersonAccount(record),
          fields: this.detailFieldsOf(record, def).map((name) => this.fieldView(record, def, name)),
          related: this.relatedLists(record),
          activity: view.activity,
        };
      }
      case 'search': {
        const matches = this.searchAll(view.searchString);
        const groups = OBJECTS.filter((o) => matches.some((m) => m.type === o.name)).map((o) => ({
          objectType: o.name,
          label: o.labelPlural,
          rows: matches.filter((m) => m.type === o.name).map((m) => this.row(m)),
        }));
        return { kind: 'search', title: `Search results for "${view.searchString}"`, searchString: view.searchString, groups };
      }
      case 'objecthome':
      case 'list':
        return {
          kind: view.kind,
          title: this.tabLabel(view),
          scope: view.scope,
          listViewId: view.kind === 'list' ? view.listViewId : null,
          rows: this.db.list(objectDef(view.scope)?.name ?? view.scope).map((r) => this.row(r)),
        };
      case 'url': {
        const parsed = new URL(view.url, 'http://console.invalid');
        return { kind: 'url', title: this.tabLabel(view), url: view.url, query: [...parsed.searchParams.entries()] };
      }
      case 'flow':
        return { kind: 'flow', title: this.tabLabel(view), flowDevName: view.flowDevName, flowArgs: view.flowArgs };
    }
  }

  private relatedLists(record: StoredRecord): Array<{ label: string; rows: RowView[] }> {
    const id = record.fields['Id'] as string;
    const by = (type: string, field: string): RowView[] =>
      this.db
        .list(type)
        .filter((r) => r.fields[field] === id)
        .map((r) => this.row(r));
    switch (record.type) {
      case 'Account':
        return this.db.isPersonAccount(record)
          ? [
              { label: 'Cases', rows: by('Case', 'AccountId') },
              { label: 'Opportunities', rows: by('Opportunity', 'AccountId') },
            ]
          : [
              { label: 'Contacts', rows: by('Contact', 'AccountId') },
              { label: 'Cases', rows: by('Case', 'AccountId') },
              { label: 'Opportunities', rows: by('Opportunity', 'AccountId') },
            ];
      case 'Contact':
        return [{ label: 'Cases', rows: by('Case', 'ContactId') }];
      default:
        return [];
    }
  }

  private modalView(modal: ModalState): ConsoleView['modal'] {
    const def = objectDef(modal.entityName) as ObjectDef;
    const fields = def.fields
      .filter((f) => f.createable && !SYSTEM_FIELDS.has(f.name) && f.accountKind !== 'person')
      .map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        value: modal.defaults[f.name] === undefined || modal.defaults[f.name] === null ? '' : String(modal.defaults[f.name]),
        required: !!f.requiredOnCreate || (def.name === 'Account' && f.name === 'Name'),
      }));
    return { entityName: def.name, label: `New ${def.label}`, fields, error: modal.error };
  }

  /** Settings in the flat `getCallCenterSettings` form (the adapter URL is the one being framed). */
  callCenterSettings(): Record<string, string> {
    const flat = flattenCallCenter(this.config.callCenter);
    flat['/reqGeneralInfo/reqAdapterUrl'] = this.config.adapterUrl;
    return flat;
  }
}
