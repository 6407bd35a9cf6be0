/**
 * The emulator's HTTP server: the console page and its assets, `opencti_min.js`, the Salesforce
 * REST subset, and the `/__console/v1` API (the console page's own calls plus the control
 * endpoints tests use). See docs/console-emulator.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { ManualClock, systemClock, type Clock } from '../cic/clock.js';
import { bundle, CONSOLE_HTML, sldsAsset, TEST_ADAPTER_HTML, utilityIconNames } from './assets.js';
import { demoCallCenter, loadCallCenter, withSetting, type CallCenterDefinition } from './call-center.js';
import { ConsoleCore, type ConsoleWindow, type Flow } from './console-core.js';
import type { Database } from './db.js';
import { HttpError, readJson, sendJson, sendText } from './http.js';
import { normalizeId } from './ids.js';
import { OmniError, OmniPresence, OMNI_REASONS, DEMO_PRESENCE_STATUSES, presenceStatusSchema, type PresenceStatus } from './omni.js';
import { installOmniBridge } from './omni-bridge.js';
import { failure, handleOpenCti } from './opencti.js';
import type { OpenCtiErrorCode, WireValue } from './protocol.js';
import { openDatabase, type DemoCustomer } from './records.js';
import { RestApi } from './rest.js';
import { DEMO_SOFTPHONE_LAYOUT, softphoneLayoutSchema, type SoftphoneLayout } from './softphone-layout.js';
import { objectDef } from './sobjects.js';

export type ApexMethod = (params: Record<string, string>, db: Database) => string;

export interface ConsoleEmulatorOptions {
  host?: string;
  port?: number;
  /** The softphone page the utility bar frames (absolute, or relative to the console origin). */
  adapterUrl: string;
  /** Records: a JSON file path or an object in the records-file shape; default the demo records. */
  records?: string | unknown;
  /** Call center definition: JSON object, `.json` file or import-format `.xml` file; default a demo one. */
  callCenterSettings?: string | unknown;
  /** Sets `/cicServer/cicServerUrl` in the call center settings. */
  cicServerUrl?: string;
  /** Other `/section/item` values to set in the call center settings. */
  settingOverrides?: Record<string, string>;
  /** The CIC simulator's control API base URL ("Ring agent", "Hang up as customer"). */
  cicControlUrl?: string;
  /** Workgroup the demo customer calls. Default `Support`. */
  ringWorkgroup?: string;
  softphoneLayout?: unknown;
  /** Active screen flows that FLOW pops may open. */
  flows?: Flow[];
  presenceStatuses?: PresenceStatus[];
  omniCapacity?: number;
  /** Message channel the Omni-Channel bridge listens and publishes on. Default `CIC_Omni_Bridge__c`. */
  omniBridgeChannel?: string;
  /** If given, only these message channels exist (others are INVALID_PARAM). */
  messageChannels?: string[];
  /** Extra Apex classes for `runApex`: class → method → implementation. */
  apexClasses?: Record<string, Record<string, ApexMethod>>;
  /** Origins allowed to call the REST API from a browser. */
  restCorsOrigins?: string[];
  /** Time source; `'manual'` gives a ManualClock driven by `POST /__console/v1/clock/advance`. */
  clock?: Clock | 'manual';
  log?: (line: string) => void;
}

export interface ConsoleEmulator {
  readonly url: string;
  readonly core: ConsoleCore;
  readonly clock: Clock;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_FLOWS: Flow[] = [
  { name: 'CIC_Caller_Details', label: 'Caller Details', inputs: [{ name: 'ani', type: 'String' }, { name: 'interactionId', type: 'String' }] },
];

function builtinApex(): Record<string, Record<string, ApexMethod>> {
  return {
    CICSoftphoneController: {
      findCallLogs: (params, db) =>
        JSON.stringify(
          db
            .list('Task')
            .filter((t) => t.fields['CallObject'] === params['callObject'])
            .map((t) => ({ Id: t.fields['Id'], LastModifiedDate: t.fields['LastModifiedDate'] })),
        ),
      searchPhone: (params, db) =>
        JSON.stringify(db.searchPhone(params['phone'] ?? '').map((r) => ({ Id: r.fields['Id'], Name: db.displayName(r), RecordType: r.type }))),
    },
    // The package's force-app/main/default/classes/CicCallLogLookup.cls: the running user's call
    // Tasks with this CallObject, oldest first (the panel's check before re-sending a lost create).
    CicCallLogLookup: {
      findByCallObject: (params, db) => {
        const callObject = params['callObject'] ?? '';
        const owner = db.currentUser.Id.slice(0, 15);
        return JSON.stringify(
          db
            .list('Task')
            .filter(
              (t) =>
                callObject !== '' &&
                t.fields['CallObject'] === callObject &&
                t.fields['TaskSubtype'] === 'Call' &&
                String(t.fields['OwnerId'] ?? '').slice(0, 15) === owner,
            )
            .sort((a, b) => String(a.fields['CreatedDate']).localeCompare(String(b.fields['CreatedDate'])))
            .slice(0, 10)
            .map((t) => ({ Id: t.fields['Id'], CreatedDate: t.fields['CreatedDate'] })),
        );
      },
    },
  };
}

interface Fault {
  method: string;
  code: OpenCtiErrorCode;
  description: string;
  remaining: number;
}

const faultSchema = z
  .object({
    window: z.string().optional(),
    method: z.string().min(1),
    code: z.enum(['GENERIC_ERROR', 'SERVER_ERROR', 'SOFTPHONE_CONTAINER_ERROR']),
    description: z.string().optional(),
    times: z.number().int().min(1).default(1),
  })
  .strict();

const windowRef = { window: z.string().optional() };

export async function startConsoleEmulator(options: ConsoleEmulatorOptions): Promise<ConsoleEmulator> {
  const log = options.log ?? (() => undefined);
  const clock: Clock = options.clock === 'manual' ? new ManualClock() : (options.clock ?? systemClock());
  const layout = options.softphoneLayout === undefined ? DEMO_SOFTPHONE_LAYOUT : parseLayout(options.softphoneLayout);
  const statuses = (options.presenceStatuses ?? DEMO_PRESENCE_STATUSES).map((s) => presenceStatusSchema.parse(s));
  const apex = { ...builtinApex(), ...(options.apexClasses ?? {}) };

  let baseUrl = '';
  const loadDb = (): { db: Database; customers: DemoCustomer[] } => {
    const { db, file } = openDatabase(options.records, () => clock.now());
    for (const s of statuses) db.addSystemRecord('ServicePresenceStatus', { Id: normalizeId(s.statusId) as string, DeveloperName: s.statusApiName, MasterLabel: s.statusName });
    return { db, customers: file.customers };
  };
  const first = loadDb();
  const core = new ConsoleCore({
    db: first.db,
    callCenter: buildCallCenter(options),
    layout,
    flows: options.flows ?? DEFAULT_FLOWS,
    customers: first.customers,
    adapterUrl: options.adapterUrl,
    clock,
    utilityIcons: utilityIconNames(),
    omniBridgeChannel: options.omniBridgeChannel ?? 'CIC_Omni_Bridge__c',
    messageChannels: options.messageChannels ?? null,
    cicControlConfigured: options.cicControlUrl !== undefined,
  });
  const newOmni = (): OmniPresence => new OmniPresence(statuses, options.omniCapacity ?? 5, () => clock.now(), (e) => core.omniEvent(e));
  core.omni = newOmni();
  installOmniBridge(core);
  let faults: Fault[] = [];

  const rest = new RestApi({ db: () => core.db, baseUrl: () => baseUrl, onWrite: () => core.renderAll(), corsOrigins: options.restCorsOrigins ?? [] });

  const reset = (): void => {
    const fresh = loadDb();
    core.config.db = fresh.db;
    core.omni = newOmni();
    core.log.length = 0;
    core.deliveries.length = 0;
    core.lms.length = 0;
    core.hvsWork.clear();
    core.customerCall = null;
    core.notice = null;
    core.standbyForSession = false;
    faults = [];
    rest.reset();
    for (const win of core.windows.values()) if (win.open) core.resetWindow(win);
  };

  const runApex = (apexClass: string, methodName: string, params: Record<string, string>) => {
    const cls = apex[apexClass];
    if (!cls) return { ok: false as const, description: `Could not load Apex class: ${apexClass}` };
    const method = cls[methodName];
    if (!method) return { ok: false as const, description: `Could not find webservice method ${methodName} in class ${apexClass}` };
    try {
      return { ok: true as const, value: method(params, core.db) };
    } catch (error) {
      return { ok: false as const, description: `Apex error in ${apexClass}.${methodName}: ${(error as Error).message}` };
    }
  };
  const takeFault = (method: string): { code: OpenCtiErrorCode; description: string } | null => {
    const fault = faults.find((f) => f.method === method && f.remaining > 0);
    if (!fault) return null;
    fault.remaining -= 1;
    return { code: fault.code, description: fault.description };
  };

  const controlHandler = makeControl({ core, options, log, reset, runApex, takeFault, clock, addFault: (f) => faults.push(f), listFaults: () => faults });

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, error.body, { 'access-control-allow-origin': '*' });
        else res.end();
        return;
      }
      log(`console emulator: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    if (await rest.handle(req, res, url)) return;
    if (path.startsWith('/__console/v1/')) {
      await controlHandler(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { error: 'method not allowed' });
    if (path === '/') {
      res.writeHead(302, { location: '/lightning/page/home' });
      res.end();
      return;
    }
    if (path.startsWith('/lightning/')) {
      sendText(res, 200, 'text/html; charset=utf-8', CONSOLE_HTML);
      return;
    }
    const lib = /^\/support\/api\/(\d{2})\.0\/lightning\/(opencti_min|opencti)\.js$/.exec(path);
    if (lib) {
      const major = Number(lib[1]);
      if (major < 38) throw new HttpError(404, { error: 'Open CTI for Lightning Experience needs API version 38.0 or later' });
      const js = await bundle('opencti', { apiVersion: `${major}.0`, minify: lib[2] === 'opencti_min' });
      sendText(res, 200, 'application/javascript; charset=utf-8', js, { 'access-control-allow-origin': '*' });
      return;
    }
    if (path === '/__console/assets/console.js' || path === '/__console/assets/test-adapter.js') {
      const js = await bundle(path.endsWith('console.js') ? 'console' : 'test-adapter');
      sendText(res, 200, 'application/javascript; charset=utf-8', js);
      return;
    }
    if (path === '/__console/test-adapter.html') {
      sendText(res, 200, 'text/html; charset=utf-8', TEST_ADAPTER_HTML);
      return;
    }
    if (path.startsWith('/__console/slds/assets/')) {
      const asset = await sldsAsset(decodeURIComponent(path.slice('/__console/slds/assets/'.length)));
      if (!asset) throw new HttpError(404, { error: 'not found' });
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'max-age=3600' });
      res.end(asset.body);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    throw new HttpError(404, { error: `no such page ${path}` });
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host}:${port}`;
  log(`console emulator on ${baseUrl}`);

  return {
    url: baseUrl,
    core,
    clock,
    reset,
    async close() {
      for (const win of core.windows.values()) {
        win.stream?.end();
        core.closeWindow(win);
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function parseLayout(raw: unknown): SoftphoneLayout {
  const parsed = softphoneLayoutSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid softphone layout: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function buildCallCenter(options: ConsoleEmulatorOptions): CallCenterDefinition {
  let def = options.callCenterSettings === undefined ? demoCallCenter(options.adapterUrl, options.cicServerUrl ?? 'http://127.0.0.1:8018') : loadCallCenter(options.callCenterSettings);
  if (options.cicServerUrl !== undefined) def = withSetting(def, '/cicServer/cicServerUrl', options.cicServerUrl, 'CIC server URL');
  for (const [path, value] of Object.entries(options.settingOverrides ?? {})) def = withSetting(def, path, value);
  return def;
}

// --------------------------------------------------------------------------------------------------
// /__console/v1

interface ControlDeps {
  core: ConsoleCore;
  options: ConsoleEmulatorOptions;
  log: (line: string) => void;
  reset: () => void;
  runApex: Parameters<typeof handleOpenCti>[0]['runApex'];
  takeFault: Parameters<typeof handleOpenCti>[0]['takeFault'];
  clock: Clock;
  addFault: (fault: Fault) => void;
  listFaults: () => readonly Fault[];
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE',
  'access-control-allow-headers': 'content-type',
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, { error: r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') });
  return r.data;
}

function makeControl(deps: ControlDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const { core } = deps;
  const win = (id?: string): ConsoleWindow => {
    const w = core.windowFor(id);
    if (!w || !w.open) throw new HttpError(404, { error: id ? `no open console window ${id}` : 'no console page is open' });
    return w;
  };
  const reply = (res: ServerResponse, status: number, body: unknown): void => sendJson(res, status, body, CORS);

  return async (req, res, url) => {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'access-control-max-age': '600' });
      res.end();
      return;
    }
    const path = url.pathname.slice('/__console/v1'.length);
    const body = method === 'POST' ? await readJson(req) : {};

    // --- the console page's own calls ----------------------------------------------------------
    if (method === 'POST' && path === '/windows') {
      const { origin } = parse(z.object({ origin: z.string().url() }).strict(), body);
      const w = core.openWindow(new URL(origin).origin);
      reply(res, 201, { windowId: w.id, state: core.view(w) });
      return;
    }
    const winPath = /^\/windows\/([^/]+)\/(events|hello|opencti|ignored|visibility|sync)$/.exec(path);
    if (winPath) {
      const w = core.windows.get(winPath[1] as string);
      if (!w || !w.open) throw new HttpError(404, { error: 'no such window' });
      const action = winPath[2];
      if (action === 'events' && method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': console emulator\n\n');
        core.attachStream(w, res);
        req.on('close', () => {
          if (w.stream === res) core.closeWindow(w);
        });
        return;
      }
      if (method !== 'POST') throw new HttpError(405, { error: 'POST only' });
      if (action === 'hello') {
        const b = parse(z.object({ instanceId: z.string().min(1), apiVersion: z.string().regex(/^\d{2}\.\d$/) }).strict(), body);
        core.frameHello(w, b.instanceId, Number.parseInt(b.apiVersion, 10));
        reply(res, 200, { ok: true });
        return;
      }
      if (action === 'opencti') {
        const b = parse(z.object({ instanceId: z.string(), method: z.string(), args: z.unknown() }).strict(), body);
        if (b.instanceId !== w.frame.instanceId) {
          reply(res, 409, { error: 'not the current softphone document', response: failure('SOFTPHONE_CONTAINER_ERROR', 'The softphone container is not initialized for this document (sendPostMessage).') });
          return;
        }
        const response = handleOpenCti(
          { core, win: w, instanceId: b.instanceId, apiVersion: w.frame.apiVersion, runApex: deps.runApex, takeFault: deps.takeFault },
          b.method,
          (b.args ?? null) as WireValue,
        );
        reply(res, 200, { response });
        return;
      }
      if (action === 'sync') {
        const b = parse(z.object({ ...windowRef, token: z.string().min(1) }).strict(), body);
        core.send(w, { type: 'sync', token: b.token });
        reply(res, 200, { ok: true });
        return;
      }
      if (action === 'ignored') {
        const b = parse(z.object({ ...windowRef, origin: z.string(), reason: z.string() }).strict(), body);
        w.ignoredMessages.push({ origin: b.origin, reason: b.reason });
        reply(res, 200, { ok: true });
        return;
      }
      const b = parse(z.object({ ...windowRef, visible: z.boolean() }).strict(), body);
      core.setVisible(w, b.visible);
      reply(res, 200, { ok: true });
      return;
    }

    // --- observation ------------------------------------------------------------------------
    if (method === 'GET') {
      switch (path) {
        case '/opencti-log': {
          const m = url.searchParams.get('method');
          const wid = url.searchParams.get('window');
          reply(res, 200, { entries: core.log.filter((e) => (!m || e.method === m) && (!wid || e.window === wid)) });
          return;
        }
        case '/deliveries':
          reply(res, 200, { entries: core.deliveries });
          return;
        case '/lms':
          reply(res, 200, { messages: core.lms });
          return;
        case '/tasks':
          reply(res, 200, { tasks: core.db.list('Task').map((t) => ({ ...t.fields })) });
          return;
        case '/records': {
          const type = url.searchParams.get('type');
          const types = type ? [type] : ['Account', 'Contact', 'Lead', 'Case', 'Opportunity', 'Task'];
          reply(res, 200, { records: types.flatMap((t) => core.db.list(t).map((r) => ({ type: r.type, ...r.fields }))) });
          return;
        }
        case '/omni':
          reply(res, 200, {
            ...core.view(win()).omni,
            history: core.omni.history,
            events: core.omni.events,
          });
          return;
        case '/state':
          reply(res, 200, {
            windows: [...core.windows.values()].map((w) => ({
              id: w.id,
              open: w.open,
              visible: w.visible,
              frame: w.frame,
              clickToDialEnabled: w.clickToDialEnabled,
              utility: w.utility,
              activeTabId: w.activeTabId,
              tabs: w.tabs.map((t) => ({ id: t.id, label: core.tabLabel(t.view), view: t.view })),
              page: core.pageView(core.activeTab(w).view),
              appViewInfo: core.appViewInfo(w),
              modal: w.modal,
              listeners: { clickToDial: w.listeners.clickToDial.length, navigation: w.listeners.navigation.length, workStart: w.listeners.workStart.length },
              subscriptions: [...w.subscriptions.entries()].map(([id, s]) => ({ subscriptionId: id, channelName: s.channelName })),
              ignoredMessages: w.ignoredMessages,
            })),
            standbyForSession: core.standbyForSession,
            customerCall: core.customerCall,
            faults: deps.listFaults(),
          });
          return;
        case '/hvs':
          reply(res, 200, { work: [...core.hvsWork.values()] });
          return;
        case '/call-center':
          reply(res, 200, { settings: core.callCenterSettings(), layout: core.config.layout });
          return;
      }
      throw new HttpError(404, { error: `no such control endpoint GET ${path}` });
    }
    if (method !== 'POST') throw new HttpError(405, { error: 'GET or POST' });

    // --- control ----------------------------------------------------------------------------
    switch (path) {
      case '/reset':
        deps.reset();
        reply(res, 200, { ok: true });
        return;
      case '/navigate': {
        const b = parse(
          z
            .object({
              ...windowRef,
              recordId: z.string().optional(),
              kind: z.enum(['home', 'objecthome', 'list', 'search']).optional(),
              scope: z.string().optional(),
              listViewId: z.string().optional(),
              searchString: z.string().optional(),
            })
            .strict(),
          body,
        );
        const w = win(b.window);
        if (b.recordId !== undefined) {
          const id = normalizeId(b.recordId);
          if (!id || !(core.db.get(id) ?? core.db.personAccountForContact(id))) throw new HttpError(404, { error: `no record ${b.recordId}` });
          const tab = core.openRecord(w, id);
          reply(res, 200, { tabId: tab.id, appViewInfo: core.appViewInfo(w) });
          return;
        }
        const scope = objectDef(b.scope ?? '')?.name;
        let tab;
        if (b.kind === 'home') tab = core.open(w, { kind: 'home' });
        else if (b.kind === 'search' && b.searchString && b.searchString.trim().length >= 2) tab = core.open(w, { kind: 'search', searchString: b.searchString.trim() });
        else if (b.kind === 'objecthome' && scope) tab = core.open(w, { kind: 'objecthome', scope });
        else if (b.kind === 'list' && scope && b.listViewId) tab = core.open(w, { kind: 'list', scope, listViewId: b.listViewId });
        else throw new HttpError(400, { error: 'give recordId, or kind home | search (searchString) | objecthome (scope) | list (scope, listViewId)' });
        reply(res, 200, { tabId: tab.id, appViewInfo: core.appViewInfo(w) });
        return;
      }
      case '/search': {
        const b = parse(z.object({ ...windowRef, searchString: z.string().min(2) }).strict(), body);
        const tab = core.open(win(b.window), { kind: 'search', searchString: b.searchString.trim() });
        reply(res, 200, { tabId: tab.id });
        return;
      }
      case '/tabs/focus':
      case '/tabs/close':
      case '/tabs/refresh': {
        const b = parse(z.object({ ...windowRef, tabId: z.string() }).strict(), body);
        const w = win(b.window);
        const tab = w.tabs.find((t) => t.id === b.tabId);
        if (!tab) throw new HttpError(404, { error: `no tab ${b.tabId}` });
        if (path === '/tabs/focus') core.focusTab(w, tab.id);
        else if (path === '/tabs/refresh') core.refreshTab(w, tab, true);
        else if (!core.closeTab(w, tab.id)) throw new HttpError(409, { error: 'the navigation tab cannot be closed' });
        reply(res, 200, { activeTabId: w.activeTabId });
        return;
      }
      case '/click-to-dial': {
        const b = parse(z.object({ ...windowRef, recordId: z.string(), field: z.string().optional() }).strict(), body);
        const w = win(b.window);
        if (!w.clickToDialEnabled) throw new HttpError(409, { error: 'click-to-dial is not enabled: phone numbers are plain text' });
        const id = normalizeId(b.recordId);
        const page = core.pageView(core.activeTab(w).view);
        const rows =
          page.kind === 'record'
            ? [{ recordId: page.recordId, fields: page.fields }, ...page.related.flatMap((r) => r.rows)]
            : page.kind === 'search'
              ? page.groups.flatMap((g) => g.rows)
              : page.kind === 'home'
                ? page.recent
                : page.kind === 'objecthome' || page.kind === 'list'
                  ? page.rows
                  : [];
        const row = rows.find((r) => r.recordId === id);
        if (!row || !id) throw new HttpError(409, { error: `record ${b.recordId} is not shown on the active tab` });
        const field = row.fields.find((f) => f.dial && (b.field === undefined || f.name === b.field));
        if (!field?.dial) throw new HttpError(409, { error: `no click-to-dial number${b.field ? ` in ${b.field}` : ''} for ${b.recordId} on the active tab` });
        const record = core.db.get(id);
        if (!record) throw new HttpError(404, { error: `no record ${b.recordId}` });
        const payload = { number: field.dial.number, ...core.recordRef(record) };
        core.deliver(w, 'clickToDial', w.listeners.clickToDial, payload);
        reply(res, 200, { payload, listeners: w.listeners.clickToDial.length });
        return;
      }
      case '/utility/toggle': {
        const b = parse(z.object({ ...windowRef, open: z.boolean().optional() }).strict(), body);
        const w = win(b.window);
        w.utility.panelOpen = b.open ?? !w.utility.panelOpen;
        core.render(w);
        reply(res, 200, { panelOpen: w.utility.panelOpen });
        return;
      }
      case '/modal/save': {
        const b = parse(z.object({ ...windowRef, fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional() }).strict(), body);
        const w = win(b.window);
        if (!w.modal) throw new HttpError(409, { error: 'no new-record modal is open' });
        const result = core.db.create(w.modal.entityName, { ...w.modal.defaults, ...(b.fields ?? {}) });
        if (!result.success) {
          w.modal.error = result.errors.map((e) => e.message).join('; ');
          core.render(w);
          reply(res, 400, { errors: result.errors });
          return;
        }
        core.openRecord(w, result.id);
        reply(res, 201, { recordId: result.id });
        return;
      }
      case '/modal/cancel': {
        const b = parse(z.object(windowRef).strict(), body);
        const w = win(b.window);
        w.modal = null;
        core.render(w);
        reply(res, 200, { ok: true });
        return;
      }
      case '/omni/status': {
        const b = parse(
          z
            .object({
              statusApiName: z.string().nullable().optional(),
              statusId: z.string().optional(),
              reason: z.enum(OMNI_REASONS).optional(),
              window: z.string().optional(),
            })
            .strict(),
          body,
        );
        if (b.statusApiName === null) core.omni.logout(b.reason === 'OmniSupervisorStatusChange' ? 'control' : 'agent');
        else {
          const status = core.omni.findStatus({ statusApiName: b.statusApiName ?? undefined, statusId: b.statusId });
          if (!status) throw new HttpError(404, { error: 'no such presence status' });
          const reason = b.reason ?? (core.omni.isLoggedIn ? 'OmniManualStatusChange' : 'OmniLoginStatusChange');
          core.omni.setStatus(status, reason, b.reason && b.reason !== 'OmniManualStatusChange' ? 'control' : 'agent');
        }
        core.renderAll();
        reply(res, 200, { statusApiName: core.omni.current()?.statusApiName ?? null, changes: core.omni.history.length });
        return;
      }
      case '/omni/workload': {
        const b = parse(z.object({ ...windowRef, workload: z.number().int().min(0), configuredCapacity: z.number().int().min(1).optional() }).strict(), body);
        core.omni.setWorkload(b.workload, b.configuredCapacity);
        core.renderAll();
        reply(res, 200, { workload: core.omni.workload(), configuredCapacity: core.omni.capacity() });
        return;
      }
      case '/omni/work': {
        const b = parse(
          z
            .object({
              ...windowRef,
              action: z.enum(['assign', 'accept', 'decline', 'close']),
              workId: z.string().optional(),
              workItemId: z.string().optional(),
              capacityWeight: z.number().int().min(1).default(1),
            })
            .strict(),
          body,
        );
        try {
          if (b.action === 'assign') {
            const work = core.omni.assignWork(b.capacityWeight, b.workItemId);
            core.renderAll();
            reply(res, 201, work);
            return;
          }
          if (!b.workId) throw new HttpError(400, { error: 'workId is required' });
          if (b.action === 'accept') core.omni.acceptWork(b.workId);
          else if (b.action === 'decline') core.omni.declineWork(b.workId);
          else core.omni.closeWork(b.workId);
        } catch (error) {
          if (error instanceof OmniError) throw new HttpError(409, { error: error.message });
          throw error;
        }
        core.renderAll();
        reply(res, 200, { workload: core.omni.workload() });
        return;
      }
      case '/lms/publish': {
        const b = parse(z.object({ ...windowRef, channelName: z.string().min(1), message: z.record(z.string(), z.unknown()) }).strict(), body);
        core.publish(win(b.window), b.channelName, b.message as WireValue, 'control');
        reply(res, 200, { ok: true });
        return;
      }
      case '/faults': {
        const b = parse(faultSchema, body);
        deps.addFault({ method: b.method, code: b.code, description: b.description ?? defaultFaultText(b.code), remaining: b.times });
        reply(res, 201, { ok: true });
        return;
      }
      case '/hvs/work-start': {
        const b = parse(z.object({ ...windowRef, to: z.string().min(1), workId: z.string().optional() }).strict(), body);
        const w = win(b.window);
        const workId = b.workId ?? `0TT${String(core.hvsWork.size + 1).padStart(12, '0')}`;
        core.hvsWork.set(workId, { workId, to: b.to, completed: null });
        const payload = { workId, completeWorkWhen: 'TaskSaved', attributes: { to: b.to } };
        core.deliver(w, 'workStart', w.listeners.workStart, payload);
        reply(res, 201, { payload, listeners: w.listeners.workStart.length });
        return;
      }
      case '/clock/advance': {
        const b = parse(z.object({ window: z.string().optional(), ms: z.number().min(0) }).strict(), body);
        if (!(deps.clock instanceof ManualClock)) throw new HttpError(409, { error: 'the emulator runs on the system clock (start it with clock: "manual")' });
        deps.clock.advance(b.ms);
        reply(res, 200, { now: deps.clock.now() });
        return;
      }
      case '/customer/ring':
      case '/customer/hangup':
        await customerCall(deps, path === '/customer/ring', body, res);
        return;
    }
    throw new HttpError(404, { error: `no such control endpoint POST ${path}` });
  };
}

function defaultFaultText(code: OpenCtiErrorCode): string {
  switch (code) {
    case 'SERVER_ERROR':
      return 'An internal server error occurred.';
    case 'SOFTPHONE_CONTAINER_ERROR':
      return 'The softphone container is not initialized (sendPostMessage failed).';
    default:
      return 'Something went wrong.';
  }
}

async function customerCall(deps: ControlDeps, ring: boolean, body: unknown, res: ServerResponse): Promise<void> {
  const { core, options } = deps;
  const base = options.cicControlUrl?.replace(/\/$/, '');
  if (!base) throw new HttpError(409, { error: 'no CIC simulator control URL configured (cicControlUrl)' });
  const fail = (message: string): never => {
    core.notice = message;
    core.renderAll();
    throw new HttpError(502, { error: message });
  };
  if (ring) {
    const b = parse(
      z.object({ window: z.string().optional(), from: z.string().optional(), fromName: z.string().optional(), attributes: z.record(z.string(), z.string()).optional() }).strict(),
      body,
    );
    const customer = core.config.customers.find((c) => c.from === b.from) ?? core.config.customers[0];
    const from = b.from ?? customer?.from;
    if (!from) throw new HttpError(400, { error: 'no demo customer to call from' });
    const fromName = b.fromName ?? customer?.fromName ?? from;
    const request: Record<string, unknown> = { from, fromName, to: { workgroup: options.ringWorkgroup ?? 'Support' } };
    if (b.attributes) request['attributes'] = b.attributes;
    let response: Response;
    try {
      response = await fetch(`${base}/sim/v1/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    } catch (error) {
      return fail(`Ring agent failed: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) return fail(`Ring agent failed: CIC simulator answered ${response.status} ${text}`);
    const interactionId = (JSON.parse(text) as { interactionId?: string }).interactionId;
    if (!interactionId) return fail('Ring agent failed: the CIC simulator returned no interactionId');
    core.customerCall = { interactionId, from, fromName };
    core.notice = null;
    core.renderAll();
    deps.log(`demo customer ${fromName} (${from}) is calling: ${interactionId}`);
    sendJson(res, 201, { interactionId, from, fromName }, CORS);
    return;
  }
  const call = core.customerCall;
  if (!call) throw new HttpError(409, { error: 'no demo customer call to hang up' });
  let response: Response;
  try {
    response = await fetch(`${base}/sim/v1/interactions/${encodeURIComponent(call.interactionId)}/remote-hangup`, { method: 'POST' });
  } catch (error) {
    return fail(`Hang up failed: ${(error as Error).message}`);
  }
  // Gone already (the agent hung up first) is fine: the customer's side is over either way.
  if (!response.ok && response.status !== 404) return fail(`Hang up failed: CIC simulator answered ${response.status}`);
  core.customerCall = null;
  core.notice = null;
  core.renderAll();
  sendJson(res, 200, { interactionId: call.interactionId }, CORS);
}
