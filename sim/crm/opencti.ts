/**
 * The Lightning Open CTI methods, as the console answers them: strict argument schemas (a wrong,
 * missing or unexpected parameter is `INVALID_PARAM`), then the behaviour, then the documented
 * response `{ success, returnValue, errors }`. Every call is logged, valid or not.
 */
import { z } from 'zod';
import type { ConsoleCore, ConsoleWindow, ListenerRef, View } from './console-core.js';
import type { FieldValue, StoredRecord } from './db.js';
import { normalizeId } from './ids.js';
import {
  CALL_TYPE,
  FN_MARKER,
  OPENCTI_METHODS,
  SCREENPOP_TYPE,
  UNSUPPORTED_MARKER,
  type OpenCtiError,
  type OpenCtiErrorCode,
  type OpenCtiResponse,
  type WireValue,
} from './protocol.js';
import { fieldDef, isRecordObject, objectDef } from './sobjects.js';
import type { CallTypeName } from './softphone-layout.js';

// ------------------------------------------------------------------------------------------------
// Argument schemas

const fnRef = z.object({ [FN_MARKER]: z.string() }).strict();
const callback = { callback: fnRef.optional() };

/** The first non-JSON thing inside a value (a function, symbol, NaN…), or null. */
export function findNonJson(value: unknown, path = ''): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(value)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonJson(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object') {
    if (FN_MARKER in value || UNSUPPORTED_MARKER in value) return path || '(value)';
    for (const [k, v] of Object.entries(value)) {
      const bad = findNonJson(v, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
    return null;
  }
  return path || '(value)';
}

const jsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const bad = findNonJson(value);
  if (bad) ctx.addIssue({ code: 'custom', message: `must be serialisable JSON (no functions or symbols); not at ${bad}` });
});
const primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldValues = z.record(z.string(), primitive);
const callTypeValue = z.enum([CALL_TYPE.INBOUND, CALL_TYPE.OUTBOUND, CALL_TYPE.INTERNAL]);
const screenPopType = z.enum(Object.values(SCREENPOP_TYPE) as [string, ...string[]]);
const flowArgs = z.array(z.object({ name: z.string().min(1), type: z.string().min(1), value: z.unknown() }).strict());
const channelName = z
  .string()
  .regex(/^(?:[A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9_]*__c$/, 'must be a message channel API name such as My_Channel__c');

const noArgs = z.object(callback).strict().optional();
const withListener = z.object({ listener: fnRef }).strict();

const SCHEMAS: Record<string, z.ZodType> = {
  disableClickToDial: noArgs,
  enableClickToDial: noArgs,
  getAppViewInfo: noArgs,
  getCallCenterSettings: noArgs,
  getSoftphoneLayout: noArgs,
  isSoftphonePanelVisible: noArgs,
  notifyInitializationComplete: noArgs,
  refreshView: noArgs,
  onClickToDial: withListener,
  onNavigationChange: withListener,
  'hvs.onWorkStart': withListener,
  setSoftphonePanelVisibility: z.object({ visible: z.boolean(), ...callback }).strict(),
  setSoftphoneItemIcon: z.object({ key: z.string().min(1), ...callback }).strict(),
  setSoftphonePanelIcon: z.object({ key: z.string().min(1), ...callback }).strict(),
  setSoftphoneItemLabel: z.object({ label: z.string().max(255), ...callback }).strict(),
  setSoftphonePanelLabel: z.object({ label: z.string().max(255), ...callback }).strict(),
  setSoftphonePanelHeight: z.object({ heightPX: z.number().min(240).max(2560), ...callback }).strict(),
  setSoftphonePanelWidth: z.object({ widthPX: z.number().min(200).max(1920), ...callback }).strict(),
  screenPop: z
    .object({ type: screenPopType, params: z.record(z.string(), z.unknown()), defaultFieldValues: fieldValues.optional(), ...callback })
    .strict(),
  searchAndScreenPop: z
    .object({
      searchParams: z.string().optional(),
      queryParams: z.string().optional(),
      params: z.object({ FLOW: z.object({ flowArgs }).strict() }).strict().optional(),
      defaultFieldValues: fieldValues.optional(),
      callType: callTypeValue,
      deferred: z.boolean().optional(),
      ...callback,
    })
    .strict(),
  saveLog: z.object({ value: jsonObject, ...callback }).strict(),
  runApex: z.object({ apexClass: z.string().min(1), methodName: z.string().min(1), methodParams: z.string(), ...callback }).strict(),
  'hvs.completeWork': z
    .object({
      workId: z.string().min(1),
      attributes: z.object({ disposition: z.string().optional(), taskId: z.string().optional(), wasConnected: z.boolean().optional() }).strict(),
      ...callback,
    })
    .strict(),
  subscribe: z.object({ channelName, listener: fnRef, ...callback }).strict(),
  unsubscribe: z.object({ subscription: z.object({ subscriptionId: z.string(), channelName: z.string() }).strict(), ...callback }).strict(),
  publish: z.object({ channelName, message: jsonObject, ...callback }).strict(),
};

/** Screen pop `params` per type. */
const POP_PARAMS: Record<string, z.ZodType> = {
  [SCREENPOP_TYPE.SOBJECT]: z.object({ recordId: z.string() }).strict(),
  [SCREENPOP_TYPE.URL]: z.object({ url: z.string() }).strict(),
  [SCREENPOP_TYPE.OBJECTHOME]: z.object({ scope: z.string() }).strict(),
  [SCREENPOP_TYPE.LIST]: z.object({ listViewId: z.string().min(1), scope: z.string() }).strict(),
  [SCREENPOP_TYPE.SEARCH]: z.object({ searchString: z.string() }).strict(),
  [SCREENPOP_TYPE.NEW_RECORD_MODAL]: z.object({ entityName: z.string(), defaultFieldValues: fieldValues.optional() }).strict(),
  [SCREENPOP_TYPE.FLOW]: z.object({ flowDevName: z.string().min(1), flowArgs: flowArgs.optional() }).strict(),
};

// ------------------------------------------------------------------------------------------------
// Responses

export class ParamError extends Error {}

function ok(returnValue: WireValue = null): OpenCtiResponse {
  return { success: true, returnValue, errors: null };
}

export function failure(code: OpenCtiErrorCode, description: string, details?: WireValue): OpenCtiResponse {
  const error: OpenCtiError = { code, description };
  if (details !== undefined) error.details = details;
  return { success: false, returnValue: null, errors: [error] };
}

/** The value at a path inside the raw arguments (to tell a missing parameter from a wrong one). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix = ''): string {
  const issue = issues[0];
  if (!issue) return 'Invalid parameter';
  const path = prefix + issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
    return `Unexpected parameter: ${keys.join(', ')}`;
  }
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined && issue.code !== 'custom') {
    return `Missing required parameter: ${path}`;
  }
  return `Invalid parameter ${path || '(arguments)'}: ${issue.message}`;
}

function param(description: string): never {
  throw new ParamError(description);
}

// ------------------------------------------------------------------------------------------------
// Dispatch

export interface CallContext {
  core: ConsoleCore;
  win: ConsoleWindow;
  instanceId: string;
  apiVersion: number;
  runApex: (apexClass: string, methodName: string, params: Record<string, string>) => { ok: true; value: string } | { ok: false; description: string };
  takeFault: (method: string) => { code: OpenCtiErrorCode; description: string } | null;
}

/** Handles one call from the softphone frame: validates, runs, logs and returns the response. */
export function handleOpenCti(ctx: CallContext, method: string, args: WireValue): OpenCtiResponse {
  const win = ctx.win;
  const seq = ctx.core.nextSeq();
  const tab = win.activeTabId;
  const response = run(ctx, method, args);
  ctx.core.log.push({
    seq,
    at: new Date(ctx.core.config.clock.now()).toISOString(),
    window: win.id,
    tab,
    instanceId: ctx.instanceId,
    method,
    args: readableArgs(args),
    response,
  });
  return response;
}

/** Functions show as "[function]" in the log. */
function readableArgs(value: WireValue): WireValue {
  if (Array.isArray(value)) return value.map(readableArgs);
  if (value !== null && typeof value === 'object') {
    if (FN_MARKER in value) return '[function]';
    if (UNSUPPORTED_MARKER in value) return `[unsupported ${String(value[UNSUPPORTED_MARKER])}]`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readableArgs(v)]));
  }
  return value;
}

function run(ctx: CallContext, method: string, args: WireValue): OpenCtiResponse {
  const known = OPENCTI_METHODS.find((m) => m.name === method);
  if (!known || known.since > ctx.apiVersion) return failure('GENERIC_ERROR', `Unknown method ${method} for API version ${ctx.apiVersion}.0`);
  const schema = SCHEMAS[method] as z.ZodType;
  const parsed = schema.safeParse(args ?? undefined);
  if (!parsed.success) return failure('INVALID_PARAM', describeIssues(parsed.error.issues, args));
  try {
    const pre = validateDeep(ctx, method, parsed.data as Record<string, unknown> | undefined);
    const fault = ctx.takeFault(method);
    if (fault) return failure(fault.code, fault.description);
    return execute(ctx, method, (parsed.data ?? {}) as Record<string, unknown>, pre);
  } catch (error) {
    if (error instanceof ParamError) return failure('INVALID_PARAM', error.message);
    throw error;
  }
}

interface Prepared {
  view?: View;
  modal?: { entityName: string; defaults: Record<string, FieldValue> };
  listener?: ListenerRef;
}

/** Checks that depend on the org (ids, objects, icons, channels) — still INVALID_PARAM. */
function validateDeep(ctx: CallContext, method: string, a: Record<string, unknown> | undefined): Prepared {
  const { core } = ctx;
  const args = a ?? {};
  const listenerOf = (v: unknown): ListenerRef => ({ instanceId: ctx.instanceId, fnId: (v as Record<string, string>)[FN_MARKER] as string });
  switch (method) {
    case 'setSoftphoneItemIcon':
    case 'setSoftphonePanelIcon':
      if (!core.config.utilityIcons.has(args['key'] as string)) param(`Invalid parameter key: "${String(args['key'])}" is not an SLDS utility icon name`);
      return {};
    case 'onClickToDial':
    case 'onNavigationChange':
    case 'hvs.onWorkStart':
      return { listener: listenerOf(args['listener']) };
    case 'subscribe':
    case 'publish': {
      const channels = core.config.messageChannels;
      if (channels && !channels.includes(args['channelName'] as string)) param(`Invalid parameter channelName: no message channel ${String(args['channelName'])}`);
      return method === 'subscribe' ? { listener: listenerOf(args['listener']) } : {};
    }
    case 'screenPop':
      return preparePop(ctx, args['type'] as string, args['params'] as Record<string, unknown>, args['defaultFieldValues'] as Record<string, FieldValue> | undefined);
    case 'searchAndScreenPop': {
      const defaults = args['defaultFieldValues'] as Record<string, FieldValue> | undefined;
      if (defaults) for (const k of Object.keys(defaults)) if (!k) param('Invalid parameter defaultFieldValues: empty field name');
      return {};
    }
    default:
      return {};
  }
}

/** Validates a screen pop and works out the view (or modal) it opens. */
function preparePop(
  ctx: CallContext,
  type: string,
  rawParams: Record<string, unknown>,
  topDefaults: Record<string, FieldValue> | undefined,
): Prepared {
  const schema = POP_PARAMS[type] as z.ZodType;
  const parsed = schema.safeParse(rawParams);
  if (!parsed.success) param(describeIssues(parsed.error.issues, rawParams, 'params.'));
  const p = parsed.data as Record<string, unknown>;
  if (topDefaults !== undefined && type !== SCREENPOP_TYPE.NEW_RECORD_MODAL) {
    param('Invalid parameter defaultFieldValues: only used with SCREENPOP_TYPE.NEW_RECORD_MODAL');
  }
  const scopeOf = (value: unknown, name: string): string => {
    const def = objectDef(String(value));
    if (!def || !(isRecordObject(def.name) || def.name === 'Task')) param(`Invalid parameter params.${name}: unknown object ${String(value)}`);
    return def.name;
  };
  switch (type) {
    case SCREENPOP_TYPE.SOBJECT: {
      const id = normalizeId(p['recordId'] as string);
      if (!id) param(`Invalid parameter params.recordId: "${String(p['recordId'])}" is not a record id`);
      return { view: { kind: 'record', recordId: ctx.core.canonicalRecordId(id), activity: [] } };
    }
    case SCREENPOP_TYPE.URL: {
      const url = p['url'] as string;
      if (!url.startsWith('/') || url.startsWith('//')) param('Invalid parameter params.url: must be a relative URL starting with "/"');
      const record = /^\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([0-9A-Za-z]{15,18})\/view$/.exec(url);
      const id = record ? normalizeId(record[1] as string) : null;
      if (id) return { view: { kind: 'record', recordId: ctx.core.canonicalRecordId(id), activity: [] } };
      const home = /^\/lightning\/o\/([A-Za-z0-9_]+)\/home$/.exec(url);
      if (home && objectDef(home[1] as string)) return { view: { kind: 'objecthome', scope: (objectDef(home[1] as string) as { name: string }).name } };
      return { view: { kind: 'url', url } };
    }
    case SCREENPOP_TYPE.OBJECTHOME:
      return { view: { kind: 'objecthome', scope: scopeOf(p['scope'], 'scope') } };
    case SCREENPOP_TYPE.LIST:
      return { view: { kind: 'list', scope: scopeOf(p['scope'], 'scope'), listViewId: p['listViewId'] as string } };
    case SCREENPOP_TYPE.SEARCH: {
      const s = (p['searchString'] as string).trim();
      if (s.length < 3) param('Invalid parameter params.searchString: must be at least 3 characters');
      return { view: { kind: 'search', searchString: s } };
    }
    case SCREENPOP_TYPE.NEW_RECORD_MODAL: {
      const def = objectDef(p['entityName'] as string);
      if (!def || !(isRecordObject(def.name) || def.name === 'Task')) param(`Invalid parameter params.entityName: unknown object ${String(p['entityName'])}`);
      const defaults = { ...(topDefaults ?? {}), ...((p['defaultFieldValues'] as Record<string, FieldValue> | undefined) ?? {}) };
      for (const key of Object.keys(defaults)) {
        const field = fieldDef(def, key);
        if (!field || !field.createable) param(`Invalid parameter defaultFieldValues: ${def.name} has no createable field ${key}`);
      }
      const canonical: Record<string, FieldValue> = {};
      for (const [k, v] of Object.entries(defaults)) canonical[(fieldDef(def, k) as { name: string }).name] = v;
      return { modal: { entityName: def.name, defaults: canonical } };
    }
    case SCREENPOP_TYPE.FLOW: {
      const flow = ctx.core.config.flows.find((f) => f.name === p['flowDevName']);
      const args = (p['flowArgs'] as Array<{ name: string; type: string; value: unknown }> | undefined) ?? [];
      if (!flow) return { view: { kind: 'flow', flowDevName: `!${String(p['flowDevName'])}`, flowArgs: [] } };
      // Arguments that match no input variable are ignored, as documented.
      const accepted = args.filter((a) => flow.inputs.some((i) => i.name === a.name && i.type === a.type)) as unknown as WireValue;
      return { view: { kind: 'flow', flowDevName: flow.name, flowArgs: accepted } };
    }
    default:
      return param(`Invalid parameter type: ${type}`);
  }
}

/** Applies a prepared pop to the window. */
function applyPop(ctx: CallContext, prepared: Prepared): OpenCtiResponse {
  if (prepared.modal) {
    ctx.core.openModal(ctx.win, prepared.modal.entityName, prepared.modal.defaults);
    return ok();
  }
  const view = prepared.view as View;
  if (view.kind === 'flow' && view.flowDevName.startsWith('!')) {
    return failure('GENERIC_ERROR', `The flow ${view.flowDevName.slice(1)} isn't an active screen flow.`);
  }
  ctx.core.open(ctx.win, view);
  return ok();
}

function execute(ctx: CallContext, method: string, args: Record<string, unknown>, prepared: Prepared): OpenCtiResponse {
  const { core, win } = ctx;
  switch (method) {
    case 'enableClickToDial':
    case 'disableClickToDial':
      win.clickToDialEnabled = method === 'enableClickToDial';
      core.render(win);
      return ok();
    case 'getAppViewInfo':
      return ok(core.appViewInfo(win));
    case 'getCallCenterSettings':
      return ok(core.callCenterSettings());
    case 'getSoftphoneLayout':
      return ok(core.config.layout as unknown as WireValue);
    case 'isSoftphonePanelVisible':
      return ok({ visible: win.utility.panelOpen });
    case 'setSoftphonePanelVisibility':
      win.utility.panelOpen = args['visible'] as boolean;
      core.render(win);
      return ok();
    case 'setSoftphoneItemIcon':
      win.utility.itemIcon = args['key'] as string;
      core.render(win);
      return ok();
    case 'setSoftphonePanelIcon':
      win.utility.panelIcon = args['key'] as string;
      core.render(win);
      return ok();
    case 'setSoftphoneItemLabel':
      win.utility.itemLabel = args['label'] as string;
      core.render(win);
      return ok();
    case 'setSoftphonePanelLabel':
      win.utility.panelLabel = args['label'] as string;
      core.render(win);
      return ok();
    case 'setSoftphonePanelHeight':
      win.utility.height = Math.round(args['heightPX'] as number);
      core.render(win);
      return ok();
    case 'setSoftphonePanelWidth':
      win.utility.width = Math.round(args['widthPX'] as number);
      core.render(win);
      return ok();
    case 'notifyInitializationComplete':
      win.frame.initialized = true;
      if (win.standbyTimer) core.config.clock.clearTimeout(win.standbyTimer);
      win.standbyTimer = null;
      return ok();
    case 'refreshView':
      core.refreshTab(win, core.activeTab(win), false);
      return ok();
    case 'onClickToDial':
      win.listeners.clickToDial.push(prepared.listener as ListenerRef);
      return ok();
    case 'onNavigationChange':
      win.listeners.navigation.push(prepared.listener as ListenerRef);
      return ok();
    case 'hvs.onWorkStart':
      win.listeners.workStart.push(prepared.listener as ListenerRef);
      return ok();
    case 'screenPop':
      return applyPop(ctx, prepared);
    case 'searchAndScreenPop':
      return searchAndScreenPop(ctx, args);
    case 'saveLog':
      return saveLog(ctx, args['value'] as Record<string, unknown>);
    case 'runApex': {
      const raw = (args['methodParams'] as string).trim();
      const params: Record<string, string> = {};
      if (raw !== '' && raw !== 'none' && raw !== '{}') for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
      const result = ctx.runApex(args['apexClass'] as string, args['methodName'] as string, params);
      return result.ok ? ok({ runApex: result.value }) : failure('SERVER_ERROR', result.description);
    }
    case 'hvs.completeWork':
      return completeWork(ctx, args);
    case 'subscribe': {
      const subscription = core.subscribe(win, args['channelName'] as string, prepared.listener as ListenerRef);
      return { ...ok(), subscription };
    }
    case 'unsubscribe': {
      const sub = args['subscription'] as { subscriptionId: string };
      if (!win.subscriptions.delete(sub.subscriptionId)) return failure('INVALID_PARAM', 'Invalid parameter subscription: not an active subscription');
      return ok();
    }
    case 'publish':
      core.publish(win, args['channelName'] as string, args['message'] as WireValue, 'softphone');
      return ok();
    default:
      return failure('GENERIC_ERROR', `Unknown method ${method}`);
  }
}

// ------------------------------------------------------------------------------------------------
// searchAndScreenPop

const LAYOUT_SECTION: Record<string, CallTypeName> = {
  [CALL_TYPE.INBOUND]: 'Inbound',
  [CALL_TYPE.OUTBOUND]: 'Outbound',
  [CALL_TYPE.INTERNAL]: 'Internal',
};

function searchAndScreenPop(ctx: CallContext, args: Record<string, unknown>): OpenCtiResponse {
  const { core } = ctx;
  const section = core.config.layout[LAYOUT_SECTION[args['callType'] as string] as CallTypeName];
  const term = (args['searchParams'] as string | undefined) ?? '';
  const layoutObjects = Object.keys(section.objects);
  const matches = core.searchAll(term, layoutObjects);
  const returnValue: Record<string, WireValue> = {};
  for (const record of matches) returnValue[record.fields['Id'] as string] = searchEntry(ctx, record, section.objects[record.type] ?? []);

  const settings = section.screenPopSettings;
  const setting = matches.length === 0 ? settings.NoMatch : matches.length === 1 ? settings.SingleMatch : settings.MultipleMatches;
  let pop: { type: string; params: Record<string, WireValue> } | null = null;
  if (setting) {
    const queryParams = (args['queryParams'] as string | undefined) ?? '';
    const flowArgs = ((args['params'] as { FLOW?: { flowArgs: WireValue } } | undefined)?.FLOW?.flowArgs ?? []) as WireValue;
    switch (setting.screenPopType) {
      case 'PopToEntity':
        pop =
          matches.length === 0
            ? {
                type: 'newRecord',
                params: {
                  entityName: setting.screenPopData as string,
                  defaultFieldValues: (args['defaultFieldValues'] as Record<string, WireValue> | undefined) ?? {},
                },
              }
            : { type: 'sobject', params: { recordId: (matches[0] as StoredRecord).fields['Id'] as string } };
        break;
      case 'PopToSearch':
        pop = { type: 'search', params: { searchString: term } };
        break;
      case 'PopToVisualforce':
        pop = { type: 'url', params: { url: `/apex/${setting.screenPopData as string}${queryParams ? `?${queryParams.replace(/^\?/, '')}` : ''}` } };
        break;
      case 'PopToFlow':
        pop = { type: 'flow', params: { flowDevName: setting.screenPopData as string, flowArgs } };
        break;
    }
  }
  if (pop && args['deferred'] === true) {
    returnValue['SCREEN_POP_DATA'] = pop as unknown as WireValue;
    return ok(returnValue);
  }
  if (pop) {
    let prepared: Prepared;
    try {
      prepared = preparePop(ctx, pop.type, pop.params, undefined);
    } catch (error) {
      if (error instanceof ParamError && pop.type === 'newRecord') {
        return failure('INVALID_PARAM', error.message.replace('params.', ''));
      }
      if (error instanceof ParamError && pop.type === 'search') prepared = {};
      else throw error;
    }
    if (prepared.view || prepared.modal) {
      const result = applyPop(ctx, prepared);
      if (!result.success) return result;
    }
  }
  return ok(returnValue);
}

function searchEntry(ctx: CallContext, record: StoredRecord, fields: ReadonlyArray<{ apiName: string }>): WireValue {
  const db = ctx.core.db;
  const entry: Record<string, WireValue> = {
    Id: record.fields['Id'] as string,
    Name: db.displayName(record),
    RecordType: record.type,
    LastModifiedDate: (record.fields['LastModifiedDate'] as string | undefined) ?? null,
  };
  for (const f of fields) {
    if (f.apiName === 'Name') continue;
    const v = record.fields[f.apiName];
    if (v !== undefined) entry[f.apiName] = v;
  }
  if (record.type === 'Account') {
    entry['IsPersonAccount'] = db.isPersonAccount(record);
    if (db.isPersonAccount(record)) entry['PersonContactId'] = record.fields['PersonContactId'] as string;
  }
  if (record.type === 'Contact' && typeof record.fields['AccountId'] === 'string') entry['AccountId'] = record.fields['AccountId'];
  return entry;
}

// ------------------------------------------------------------------------------------------------
// saveLog and hvs.completeWork

function saveLog(ctx: CallContext, value: Record<string, unknown>): OpenCtiResponse {
  const { db } = ctx.core;
  const { entityApiName, Id, ...fields } = value;
  if (Id !== undefined && entityApiName !== undefined) {
    return failure('INVALID_PARAM', 'Invalid parameter value: give Id to update or entityApiName to create, not both');
  }
  let result;
  if (Id !== undefined) {
    if (typeof Id !== 'string') return failure('INVALID_PARAM', 'Invalid parameter value.Id: must be a record id string');
    result = db.update(Id, fields);
  } else {
    if (typeof entityApiName !== 'string') return failure('INVALID_PARAM', 'Missing required parameter: value.entityApiName (or value.Id to update)');
    const def = objectDef(entityApiName);
    if (!def || def.name !== entityApiName) return failure('INVALID_PARAM', `Invalid parameter value.entityApiName: unknown object ${entityApiName}`);
    result = db.create(entityApiName, fields);
  }
  if (!result.success) {
    return failure(
      'GENERIC_ERROR',
      result.errors.map((e) => e.message).join('; '),
      result.errors.map((e) => ({ message: e.message, errorCode: e.errorCode, fields: e.fields })),
    );
  }
  ctx.core.renderAll();
  return ok({ recordId: result.id });
}

function completeWork(ctx: CallContext, args: Record<string, unknown>): OpenCtiResponse {
  const work = ctx.core.hvsWork.get(args['workId'] as string);
  if (!work || work.completed) return failure('INVALID_PARAM', `Invalid parameter workId: no open work ${String(args['workId'])}`);
  const attributes = args['attributes'] as { disposition?: string; taskId?: string; wasConnected?: boolean };
  if (attributes.disposition === undefined) return failure('INVALID_PARAM', 'Missing required parameter: attributes.disposition');
  if (attributes.taskId === undefined) return failure('INVALID_PARAM', 'Missing required parameter: attributes.taskId');
  const task = ctx.core.db.get(attributes.taskId);
  if (!task || task.type !== 'Task') return failure('INVALID_PARAM', `Invalid parameter attributes.taskId: no Task ${attributes.taskId}`);
  work.completed = { disposition: attributes.disposition, taskId: task.fields['Id'] as string, wasConnected: attributes.wasConnected ?? true };
  return ok();
}
