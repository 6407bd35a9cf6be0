/**
 * The domain's CrmPort over Lightning Open CTI.
 *
 * `start()` reads the call-center settings, calls `notifyInitializationComplete`, registers the
 * click-to-dial and navigation listeners, enables click-to-dial, sizes the panel and reports
 * `obs.crm.ready`. Effects the runtime runs before that wait for it (queued, not lost); if Open
 * CTI never becomes usable they resolve as no-ops and `obs.crm.unavailable` says why.
 */
import {
  planScreenPop,
  type CrmPort,
  type CrmRecordRef,
  type CrmSettings,
  type Observation,
  type UtilityItem,
} from '../../domain/index.js';
import { OpenCti, OpenCtiError, type OpenCtiLibrary } from './api.js';
import { loadOpenCtiConfig, type OpenCtiConfig } from './settings.js';

export interface OpenCtiPortOptions {
  /** `sforce.opencti`, or a promise of it while `opencti_min.js` loads. */
  readonly library: OpenCtiLibrary | Promise<OpenCtiLibrary>;
  /** Whether this browser tab is the one the agent looks at (only that tab pops). */
  readonly isVisible?: () => boolean;
  /** Locale and time zone for call-log subjects. */
  readonly locale?: string;
  readonly timeZone?: string;
  /** Utility-item label for a state (default: English). */
  readonly utilityLabel?: (item: UtilityItem) => string;
  readonly log?: (line: string) => void;
}

export interface OpenCtiCrmPort extends CrmPort {
  /** Looks a Task up by `CallObject` (`runApex` `CicCallLogLookup.findByCallObject`). */
  findLog: NonNullable<CrmPort['findLog']>;
  /** Initialises Open CTI; resolves with the configuration (or `null` when unavailable). */
  start(): Promise<OpenCtiConfig | null>;
}

export function defaultUtilityLabel(item: UtilityItem): string {
  switch (item.status) {
    case 'loggedOut':
      return 'Phone (logged off)';
    case 'alerting':
      return 'Incoming call';
    case 'onCall':
      return item.count > 1 ? `On call (${item.count})` : 'On call';
    default:
      return 'Phone';
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** A record named by an `onClickToDial` / `onNavigationChange` / `getAppViewInfo` payload. */
export function recordFromPayload(payload: unknown): CrmRecordRef | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const id = str(p['recordId']);
  if (id === '') return null;
  const personAccount = p['personAccount'] === true;
  return {
    id,
    name: str(p['recordName']),
    objectType: str(p['objectType']),
    personAccount,
    accountId: personAccount ? str(p['accountId']) || null : null,
    contactId: personAccount ? str(p['contactId']) || null : null,
  };
}

/** The records of a `searchAndScreenPop` result (keyed by Id; `SCREEN_POP_DATA` is not one). */
export function recordsFromSearch(returnValue: unknown): CrmRecordRef[] {
  if (typeof returnValue !== 'object' || returnValue === null) return [];
  const out: CrmRecordRef[] = [];
  for (const [key, value] of Object.entries(returnValue as Record<string, unknown>)) {
    if (key === 'SCREEN_POP_DATA' || typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const id = str(v['Id']) || key;
    const objectType = str(v['RecordType']) || str(v['object']);
    const name = str(v['Name']) || str(v['displayName']);
    const person = objectType === 'Account' && v['IsPersonAccount'] === true;
    out.push({
      id,
      name,
      objectType,
      personAccount: person,
      accountId: person ? id : null,
      contactId: person ? str(v['PersonContactId']) || null : null,
    });
  }
  return out;
}

function screenPopData(returnValue: unknown): { type: string; params: Record<string, unknown> } | null {
  if (typeof returnValue !== 'object' || returnValue === null) return null;
  const data = (returnValue as Record<string, unknown>)['SCREEN_POP_DATA'];
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d['type'] !== 'string' || typeof d['params'] !== 'object' || d['params'] === null) return null;
  return { type: d['type'], params: d['params'] as Record<string, unknown> };
}

/** `saveLog` answers with the id as a string or as `{recordId}` depending on the org: accept both. */
function savedId(returnValue: unknown): string | null {
  if (typeof returnValue === 'string' && returnValue !== '') return returnValue;
  if (typeof returnValue === 'object' && returnValue !== null) {
    const id = (returnValue as Record<string, unknown>)['recordId'];
    if (typeof id === 'string' && id !== '') return id;
  }
  return null;
}

/** The package's Apex lookup (`force-app/main/default/classes/CicCallLogLookup.cls`), run through `runApex`. */
export const CALL_LOG_LOOKUP = { apexClass: 'CicCallLogLookup', methodName: 'findByCallObject' } as const;

/**
 * The Task id in a `CicCallLogLookup.findByCallObject` answer (`{runApex: '[{"Id": …}, …]'}`,
 * oldest first); `null` when there is none. Anything else is an error: guessing "none" could
 * create a second Task.
 */
export function foundTaskId(returnValue: unknown): string | null {
  const raw = typeof returnValue === 'object' && returnValue !== null ? (returnValue as Record<string, unknown>)['runApex'] : undefined;
  if (typeof raw !== 'string') throw new Error('the call-log lookup returned no result');
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new Error('the call-log lookup returned no JSON');
  }
  if (!Array.isArray(list)) throw new Error('the call-log lookup did not return a list');
  if (list.length === 0) return null;
  const first: unknown = list[0];
  const id = typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['Id'] : undefined;
  if (typeof id !== 'string' || id === '') throw new Error('the call-log lookup returned a Task without an Id');
  return id;
}

export function toCrmSettings(config: OpenCtiConfig, locale: string, timeZone: string): CrmSettings {
  return {
    screenPop: config.screenPop,
    callLog: config.callLog,
    showOnAlerting: config.panel.showOnAlerting,
    locale: config.panel.language ?? locale,
    timeZone,
  };
}

export function createOpenCtiCrmPort(options: OpenCtiPortOptions): OpenCtiCrmPort {
  let loadedCti: OpenCti | null = null;
  /** The wrapper; only used once `init` loaded the library (every caller waits for `ready`). */
  const api = (): OpenCti => {
    if (loadedCti === null) throw new OpenCtiError('init', [{ code: 'SOFTPHONE_CONTAINER_ERROR', description: 'Open CTI is not initialised' }]);
    return loadedCti;
  };
  const log = options.log ?? (() => undefined);
  const isVisible = options.isVisible ?? (() => true);
  const label = options.utilityLabel ?? defaultUtilityLabel;
  const locale = options.locale ?? 'en-US';
  const timeZone = options.timeZone ?? 'UTC';
  const listeners = new Set<(o: Observation) => void>();
  /** Observations raised before anyone listens are kept for the first listener. */
  const early: Observation[] = [];
  let settings: CrmSettings | null = null;
  let started: Promise<OpenCtiConfig | null> | null = null;
  let markReady: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    markReady = resolve;
  });

  const emit = (observation: Observation): void => {
    if (listeners.size === 0) early.push(observation);
    for (const l of listeners) l(observation);
  };
  const quietly = (what: string, p: Promise<unknown>): Promise<void> =>
    p.then(
      () => undefined,
      (error: unknown) => log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  /** Runs `fn` once Open CTI is ready; a no-op (resolving `fallback`) if it never is. */
  const whenReady = async <T>(fallback: T, fn: () => Promise<T>): Promise<T> => ((await ready) ? fn() : fallback);

  const init = async (): Promise<OpenCtiConfig | null> => {
    try {
      loadedCti = new OpenCti(await options.library);
    } catch (error) {
      emit({ kind: 'obs.crm.unavailable', reason: `Open CTI could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      markReady(false);
      return null;
    }
    const cti = loadedCti;
    let loaded;
    try {
      loaded = loadOpenCtiConfig(await cti.call('getCallCenterSettings'));
    } catch (error) {
      await quietly('notifyInitializationComplete', cti.call('notifyInitializationComplete'));
      const reason = error instanceof OpenCtiError ? error.description : String(error);
      emit({ kind: 'obs.crm.unavailable', reason: `getCallCenterSettings failed: ${reason}` });
      markReady(false);
      return null;
    }
    const { config, problems } = loaded;
    for (const p of problems) log(`call center setting ${p.setting}: ${p.message}`);
    settings = toCrmSettings(config, locale, timeZone);
    await quietly('notifyInitializationComplete', cti.call('notifyInitializationComplete'));
    try {
      cti.listen('onClickToDial', (payload) => {
        const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
        void quietly('setSoftphonePanelVisibility', cti.call('setSoftphonePanelVisibility', { visible: true }));
        emit({ kind: 'obs.crm.clickToDial', number: str(p['number']), record: recordFromPayload(payload) });
      });
      cti.listen('onNavigationChange', (payload) => emit({ kind: 'obs.crm.navigation', record: recordFromPayload(payload) }));
    } catch (error) {
      log(`Open CTI listeners: ${String(error)}`);
    }
    await quietly('enableClickToDial', cti.call('enableClickToDial'));
    if (config.panel.heightPx !== null) await quietly('setSoftphonePanelHeight', cti.call('setSoftphonePanelHeight', { heightPX: config.panel.heightPx }));
    if (config.panel.widthPx !== null) await quietly('setSoftphonePanelWidth', cti.call('setSoftphonePanelWidth', { widthPX: config.panel.widthPx }));
    emit({ kind: 'obs.crm.ready', settings, problems });
    markReady(true);
    try {
      emit({ kind: 'obs.crm.navigation', record: recordFromPayload(await cti.call('getAppViewInfo')) });
    } catch (error) {
      log(`getAppViewInfo failed: ${String(error)}`);
    }
    return config;
  };

  const pop = (type: 'SOBJECT' | 'URL' | 'SEARCH' | 'NEW_RECORD_MODAL', params: Record<string, unknown>): Promise<void> =>
    quietly('screenPop', api().call('screenPop', { type: api().popType(type), params }));

  return {
    start() {
      started ??= init();
      return started;
    },
    screenPop(interaction) {
      return whenReady(null, async () => {
        if (settings === null) return null;
        const plan = planScreenPop(interaction, settings.screenPop, isVisible());
        if (plan === null) return null;
        if (plan.kind === 'url') {
          await pop('URL', { url: plan.url });
          return null;
        }
        const callType = api().callType(plan.callType === 'Inbound' ? 'INBOUND' : plan.callType === 'Outbound' ? 'OUTBOUND' : 'INTERNAL');
        let result: unknown;
        try {
          result = await api().call('searchAndScreenPop', { searchParams: plan.searchParams, callType, deferred: true });
        } catch (error) {
          log(`searchAndScreenPop failed: ${String(error)}`);
          return null;
        }
        const records = recordsFromSearch(result);
        if (plan.pop) {
          const deferred = screenPopData(result);
          if (plan.searchPage !== null) await pop('SEARCH', { searchString: plan.searchPage });
          else if (records.length === 0) {
            if (plan.noMatch !== null) await pop('NEW_RECORD_MODAL', { entityName: plan.noMatch.entityName, defaultFieldValues: plan.noMatch.defaultFieldValues });
          } else if (deferred !== null) await quietly('screenPop', api().call('screenPop', deferred));
          else if (records.length === 1) await pop('SOBJECT', { recordId: (records[0] as CrmRecordRef).id });
          else if (plan.searchParams.length >= 3) await pop('SEARCH', { searchString: plan.searchParams });
        }
        return { kind: 'obs.crm.matches', interactionId: interaction.interactionId, records };
      });
    },
    async interactionChanged() {
      // Call logs follow interactions in the domain (crm.saveLog); nothing to do per change.
    },
    setPanelVisible(visible) {
      return whenReady(undefined, () => quietly('setSoftphonePanelVisibility', api().call('setSoftphonePanelVisibility', { visible })));
    },
    saveLog(request) {
      return whenReady(
        { kind: 'obs.crm.logFailed', interactionId: request.interactionId, seq: request.seq, message: 'Salesforce Open CTI is not available' },
        async () => {
          const value = request.taskId === null ? { entityApiName: 'Task', ...request.fields } : { Id: request.taskId, ...request.fields };
          try {
            const id = savedId(await api().call('saveLog', { value })) ?? request.taskId;
            if (id === null) throw new OpenCtiError('saveLog', [{ code: 'GENERIC_ERROR', description: 'Salesforce returned no record id' }]);
            await quietly('refreshView', api().call('refreshView'));
            return { kind: 'obs.crm.logSaved', interactionId: request.interactionId, seq: request.seq, taskId: id };
          } catch (error) {
            const message = error instanceof OpenCtiError ? error.description : String(error);
            return { kind: 'obs.crm.logFailed', interactionId: request.interactionId, seq: request.seq, message };
          }
        },
      );
    },
    findLog(request) {
      return whenReady(
        { kind: 'obs.crm.logFailed', interactionId: request.interactionId, seq: request.seq, message: 'Salesforce Open CTI is not available' },
        async () => {
          try {
            const answer = await api().call('runApex', {
              ...CALL_LOG_LOOKUP,
              methodParams: new URLSearchParams({ callObject: request.callObject }).toString(),
            });
            return { kind: 'obs.crm.logFound', interactionId: request.interactionId, seq: request.seq, taskId: foundTaskId(answer) };
          } catch (error) {
            const message = error instanceof OpenCtiError ? error.description : error instanceof Error ? error.message : String(error);
            return { kind: 'obs.crm.logFailed', interactionId: request.interactionId, seq: request.seq, message };
          }
        },
      );
    },
    openRecord(recordId) {
      return whenReady(undefined, () => pop('SOBJECT', { recordId }));
    },
    setUtility(item) {
      return whenReady(undefined, async () => {
        await quietly('setSoftphoneItemIcon', api().call('setSoftphoneItemIcon', { key: item.icon }));
        await quietly('setSoftphoneItemLabel', api().call('setSoftphoneItemLabel', { label: label(item) }));
      });
    },
    observe(listener) {
      listeners.add(listener);
      for (const o of early.splice(0)) listener(o);
      return () => listeners.delete(listener);
    },
  };
}
