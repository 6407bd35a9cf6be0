/**
 * The CRM rules as a step: CRM observations and call-log intents change the CRM area, and
 * {@link reconcileCrm} — run after every input — keeps the call logs in line with My
 * Interactions, sends Task writes through the outbox, and keeps the utility item current.
 *
 * Outbox rules (one interaction is never two Tasks):
 * - at most one write per interaction is in flight;
 * - a create is sent only while no Task id is known; every later write is an update with the id;
 * - a write stays in the outbox until Salesforce confirms it; a failure is shown on the log and
 *   retried with backoff (or at once on `intent.callLog.retry`), recomputed from the latest log;
 * - a create whose answer was lost (reload, crash, takeover: `crm-restore.ts`) is `uncertain`: the
 *   Task is looked up by `CallObject` first and updated if it exists.
 */
import { Attr, attr } from '../attributes.js';
import { interactionId } from '../ids.js';
import type { CrmIntent } from '../intents.js';
import type { Input } from '../inputs.js';
import type { CrmObservation } from '../observations.js';
import type { SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { stepDialInput } from '../dial/dial-step.js';
import { crmInteraction, isConference } from '../interaction/alerting.js';
import type { InteractionRecord } from '../interaction/interaction-state.js';
import { DEFAULT_EDIT_WINDOW_MS, type CrmSettings } from './crm-config.js';
import { associationsOf, mergeRecords, sameId, type CrmRecord } from './crm-records.js';
import type { CallLog, ClickToDialState, CrmArea, OutboxEntry, UtilityItem } from './crm-state.js';
import { callLogSubject, desiredTaskFields, isEditable, mappedFields, taskWrite } from './call-log.js';
import { callTypeOf } from './screen-pop.js';
import { holdRestored, inheritOutbox, lookedUp, mergeRestored } from './crm-restore.js';
import { own } from './own.js';

type Out = StepOutput;

/** How long a click-to-dial call counts as "dialing" at most, if no interaction ever shows up. */
export const CLICK_TO_DIAL_GUARD_MS = 30_000;
/** Retry delays after failed Task writes (the last repeats). */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000] as const;

function withCrm(state: SoftphoneState, patch: Partial<CrmArea>): SoftphoneState {
  return { ...state, crm: { ...state.crm, ...patch } };
}

/** The settings once Open CTI answered; `null` before. */
export function crmSettings(crm: CrmArea): CrmSettings | null {
  return crm.connection.phase === 'ready' ? crm.connection.settings : null;
}

const KEYWORDS = new Set(['ANI', 'DNIS', 'CONFERENCE']);

/**
 * Custom interaction attributes the CRM settings read (the screen-pop attribute, attribute-mapped
 * Task fields): My Interactions must be subscribed with them or they never arrive.
 */
export function watchedAttributes(crm: CrmArea): readonly string[] {
  const settings = crmSettings(crm);
  if (settings === null) return [];
  const names = [
    settings.screenPop.attributeName,
    ...settings.callLog.attributeMap
      .map(([attribute]) => attribute)
      .filter((a) => !KEYWORDS.has(a.toUpperCase())),
  ].filter((name) => name.trim() !== '');
  return [...new Set(names)];
}

function setLog(state: SoftphoneState, log: CallLog): SoftphoneState {
  return withCrm(state, { logs: { ...state.crm.logs, [log.interactionId]: log } });
}

function objectLabel(record: InteractionRecord, parent: boolean): string {
  if (parent) return 'Conference';
  const type = attr(record.attributes, Attr.ObjectType).trim();
  return type === '' ? 'Call' : type;
}

function newLog(record: InteractionRecord): CallLog {
  const facts = crmInteraction(record);
  return {
    interactionId: record.id,
    callType: callTypeOf(facts),
    objectLabel: objectLabel(record, false),
    conference: false,
    remoteAddress: facts.remoteAddress,
    remoteName: facts.remoteName,
    connectedAt: null,
    disconnectedAt: null,
    subject: null,
    description: '',
    disposition: null,
    names: [],
    related: [],
    whoId: null,
    whatId: null,
    whoChosen: false,
    whatChosen: false,
    mapped: {},
    taskId: null,
    confirmed: {},
    openWhenSaved: false,
  };
}

/** Adds candidates; selects the first name / related record when nothing is chosen yet. */
function associate(
  log: CallLog,
  names: readonly CrmRecord[],
  related: readonly CrmRecord[],
  select: 'ifEmpty' | 'newest',
): CallLog {
  const pick = (current: string | null, chosen: boolean, list: readonly CrmRecord[]): string | null => {
    if (chosen || list.length === 0) return current;
    if (select === 'newest') return (list[list.length - 1] as CrmRecord).id;
    return current ?? (list.length === 1 ? (list[0] as CrmRecord).id : null);
  };
  return {
    ...log,
    names: mergeRecords(log.names, names),
    related: mergeRecords(log.related, related),
    whoId: pick(log.whoId, log.whoChosen, names),
    whatId: pick(log.whatId, log.whatChosen, related),
  };
}

function wrapUpLabel(state: SoftphoneState, record: InteractionRecord, codeId: string): string {
  const workgroup = attr(record.attributes, Attr.WorkgroupName).toLowerCase();
  const lists = [
    own(state.wrapUp.codesByWorkgroup, workgroup) ?? [],
    ...Object.values(state.wrapUp.codesByWorkgroup),
  ];
  for (const codes of lists) {
    const code = codes.find((c) => c.id === codeId);
    if (code !== undefined) return code.label;
  }
  return codeId;
}

/** Brings one log up to date with its interaction. */
function syncLog(
  state: SoftphoneState,
  log: CallLog,
  record: InteractionRecord,
  settings: CrmSettings | null,
): CallLog {
  const parent =
    attr(record.attributes, Attr.ObjectType) === 'Conference' ||
    Object.values(state.queue.byId).some((r) => r.conferenceParentId === record.id);
  const conference = parent || isConference(record, state.queue);
  const facts = crmInteraction(record);
  let next: CallLog = {
    ...log,
    conference,
    objectLabel: objectLabel(record, parent),
    remoteAddress: facts.remoteAddress || log.remoteAddress,
    remoteName: facts.remoteName || log.remoteName,
  };
  if (next.connectedAt === null && (record.phase === 'connected' || record.phase === 'held')) {
    next = { ...next, connectedAt: record.connectedAt };
  }
  if (next.connectedAt !== null && next.disconnectedAt === null && record.phase === 'disconnected') {
    next = { ...next, disconnectedAt: record.disconnectedAt };
  }
  const code = attr(record.attributes, Attr.WrapUpCode).trim();
  if (code !== '') next = { ...next, disposition: wrapUpLabel(state, record, code) };
  if (settings !== null) {
    next = { ...next, mapped: mappedFields(record.attributes, settings.callLog.attributeMap, conference) };
    if (next.subject === null && next.connectedAt !== null) {
      next = {
        ...next,
        subject: callLogSubject(next.objectLabel, next.connectedAt, settings.locale, settings.timeZone),
      };
    }
  }
  if (parent) {
    for (const member of Object.values(state.queue.byId)) {
      const memberLog = member.conferenceParentId === record.id ? own(state.crm.logs, member.id) : undefined;
      if (memberLog !== undefined) next = associate(next, memberLog.names, memberLog.related, 'ifEmpty');
    }
  }
  const dialing = state.crm.dialing;
  if (dialing !== null && dialing.interactionId === record.id)
    next = associate(next, dialing.names, dialing.related, 'ifEmpty');
  // Unchanged logs keep their identity, so a step that changes nothing changes no state.
  return JSON.stringify(next) === JSON.stringify(log) ? log : next;
}

function retryDelay(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts - 1, 0), RETRY_DELAYS_MS.length - 1)] as number;
}

/** Sends the next Task write for a log if one is due. */
function flush(state: SoftphoneState, log: CallLog, settings: CrmSettings, out: Out): SoftphoneState {
  if (!settings.callLog.enabled || log.connectedAt === null) return state;
  const entry = own(state.crm.outbox, log.interactionId);
  if (entry !== undefined && entry.status === 'sending') return state;
  if (entry !== undefined && entry.retryAt !== null && entry.retryAt > state.now) return state;
  if (entry !== undefined && entry.uncertain && log.taskId === null) {
    // A create may already have made the Task: look it up before creating one.
    const seq = state.crm.nextSeq;
    out.emit({ kind: 'crm.findLog', interactionId: interactionId(log.interactionId), seq, callObject: log.interactionId });
    const looking: OutboxEntry = { ...entry, seq, status: 'sending', retryAt: null };
    return withCrm(state, { outbox: { ...state.crm.outbox, [log.interactionId]: looking }, nextSeq: seq + 1 });
  }
  const create = log.taskId === null;
  const fields = taskWrite(desiredTaskFields(log, settings.timeZone), log.confirmed, create);
  if (!create && Object.keys(fields).length === 0) {
    if (entry === undefined) return state;
    const { [log.interactionId]: _dropped, ...outbox } = state.crm.outbox;
    return withCrm(state, { outbox });
  }
  const seq = state.crm.nextSeq;
  const next: OutboxEntry = {
    interactionId: log.interactionId,
    seq,
    taskId: log.taskId,
    fields,
    status: 'sending',
    uncertain: false,
    attempts: entry?.attempts ?? 0,
    error: entry?.error ?? null,
    retryAt: null,
  };
  out.emit({
    kind: 'crm.saveLog',
    interactionId: interactionId(log.interactionId),
    seq,
    taskId: log.taskId,
    fields,
  });
  return withCrm(state, { outbox: { ...state.crm.outbox, [log.interactionId]: next }, nextSeq: seq + 1 });
}

function desiredUtility(state: SoftphoneState): UtilityItem {
  if (state.session.current.phase !== 'active') return { icon: 'offline', status: 'loggedOut', count: 0 };
  const live = Object.values(state.queue.byId).filter(
    (r) => r.phase !== 'disconnected' && r.conferenceParentId === null,
  );
  if (live.some((r) => r.phase === 'alerting'))
    return { icon: 'incoming_call', status: 'alerting', count: live.length };
  if (live.some((r) => r.phase === 'connected' || r.phase === 'held'))
    return { icon: 'end_call', status: 'onCall', count: live.length };
  return { icon: 'call', status: 'idle', count: live.length };
}

function clickToDialDone(state: SoftphoneState, dialing: ClickToDialState): boolean {
  if (dialing.interactionId !== null) {
    const record = own(state.queue.byId, dialing.interactionId);
    if (record !== undefined)
      return record.phase === 'connected' || record.phase === 'held' || record.phase === 'disconnected';
  }
  return state.now - dialing.at > CLICK_TO_DIAL_GUARD_MS;
}

/** Reactions to inputs other areas own (dial replies, wrap-up codes). */
function observeOthers(state: SoftphoneState, input: Input): SoftphoneState {
  const dialing = state.crm.dialing;
  switch (input.kind) {
    case 'obs.call.created':
      if (dialing !== null && dialing.requestId === input.requestId)
        return withCrm(state, { dialing: { ...dialing, interactionId: input.interactionId } });
      return state;
    case 'obs.command.failed':
      if (dialing !== null && input.operation === 'createCall' && input.requestId === dialing.requestId)
        return withCrm(state, { dialing: null });
      return state;
    case 'intent.dial': {
      const prefill = state.crm.prefill;
      const pending = state.dial.pending;
      if (prefill === null || pending === null || pending.at !== state.now) return state;
      return withCrm(state, {
        prefill: null,
        dialing: {
          number: pending.number,
          names: prefill.names,
          related: prefill.related,
          requestId: pending.requestId,
          interactionId: null,
          at: state.now,
        },
      });
    }
    case 'obs.wrapUp.assigned': {
      const log = own(state.crm.logs, input.interactionId);
      const record = own(state.queue.byId, input.interactionId);
      if (log === undefined || record === undefined) return state;
      return setLog(state, { ...log, disposition: wrapUpLabel(state, record, input.codeId) });
    }
    default:
      return state;
  }
}

/**
 * Runs after every input: follows other areas' results, syncs logs with My Interactions, sends due
 * Task writes, forgets finished logs, ends the click-to-dial guard and updates the utility item.
 */
export function reconcileCrm(state: SoftphoneState, input: Input, out: Out): SoftphoneState {
  let next = mergeRestored(observeOthers(state, input), out);
  const settings = crmSettings(next.crm);
  for (const id of next.queue.order) {
    const record = own(next.queue.byId, id);
    if (record === undefined) continue;
    const log = own(next.crm.logs, id) ?? newLog(record);
    const synced = syncLog(next, log, record, settings);
    if (synced !== own(next.crm.logs, id)) next = setLog(next, synced);
  }
  for (const log of Object.values(next.crm.logs)) {
    if (
      own(next.queue.byId, log.interactionId) === undefined &&
      log.connectedAt !== null &&
      log.disconnectedAt === null
    ) {
      next = setLog(next, { ...log, disconnectedAt: next.now });
    }
  }
  if (settings !== null) {
    for (const log of Object.values(next.crm.logs)) next = flush(next, log, settings, out);
    next = openSavedTasks(next, out);
  }
  const logs = Object.fromEntries(
    Object.entries(next.crm.logs).filter(([id, log]) => {
      if (own(next.queue.byId, id) !== undefined || own(next.crm.outbox, id) !== undefined) return true;
      if (log.connectedAt === null) return false;
      // Before Open CTI answers (or outside Salesforce) a finished log waits one default window.
      if (settings === null)
        return log.disconnectedAt === null || next.now < log.disconnectedAt + DEFAULT_EDIT_WINDOW_MS;
      return isEditable(log, settings.callLog, next.now);
    }),
  );
  if (Object.keys(logs).length !== Object.keys(next.crm.logs).length) next = withCrm(next, { logs });
  if (next.crm.dialing !== null && clickToDialDone(next, next.crm.dialing))
    next = withCrm(next, { dialing: null });
  if (next.crm.connection.phase === 'ready') {
    const utility = desiredUtility(next);
    const last = next.crm.utility;
    if (
      last === null ||
      last.icon !== utility.icon ||
      last.status !== utility.status ||
      last.count !== utility.count
    ) {
      out.emit({ kind: 'crm.utility', ...utility });
      next = withCrm(next, { utility });
    }
  }
  return next;
}

function liveLogs(state: SoftphoneState): CallLog[] {
  return Object.values(state.crm.logs).filter((log) => {
    const record = own(state.queue.byId, log.interactionId);
    return record !== undefined && record.phase !== 'disconnected';
  });
}

function clickToDial(
  state: SoftphoneState,
  input: Extract<CrmObservation, { kind: 'obs.crm.clickToDial' }>,
  out: Out,
): SoftphoneState {
  if (state.crm.dialing !== null) return refuse(state, out, 'duplicate', 'clickToDialDialing');
  const number = input.number.trim();
  if (number === '') return refuse(state, out, 'invalid', 'numberRequired');
  const { names, related } =
    input.record === null ? { names: [], related: [] } : associationsOf(input.record);
  if (state.crm.advancedDial) return withCrm(state, { prefill: { number, names, related } });
  const before = state.dial.pending;
  const next = stepDialInput(state, { kind: 'intent.dial', number, source: 'crm', advanced: null }, out);
  const pending = next.dial.pending;
  if (pending === null || pending === before) return next;
  return withCrm(next, {
    dialing: { number, names, related, requestId: pending.requestId, interactionId: null, at: next.now },
  });
}

function saved(
  state: SoftphoneState,
  input: Extract<CrmObservation, { kind: 'obs.crm.logSaved' }>,
  out: Out,
): SoftphoneState {
  const entry = own(state.crm.outbox, input.interactionId);
  if (entry === undefined || entry.seq !== input.seq)
    return refuse(state, out, 'stale', 'logSaved', input.interactionId);
  const { [input.interactionId]: _done, ...outbox } = state.crm.outbox;
  let next = withCrm(state, { outbox });
  const log = own(next.crm.logs, input.interactionId);
  if (log === undefined) return next;
  const taskId = log.taskId ?? input.taskId;
  const updated: CallLog = { ...log, taskId, confirmed: { ...log.confirmed, ...entry.fields } };
  next = setLog(next, updated);
  return next;
}

function failed(
  state: SoftphoneState,
  input: Extract<CrmObservation, { kind: 'obs.crm.logFailed' }>,
  out: Out,
): SoftphoneState {
  const entry = own(state.crm.outbox, input.interactionId);
  if (entry === undefined || entry.seq !== input.seq)
    return refuse(state, out, 'stale', 'logFailed', input.interactionId);
  const attempts = entry.attempts + 1;
  const failedEntry: OutboxEntry = {
    ...entry,
    status: 'failed',
    attempts,
    error: input.message,
    retryAt: state.now + retryDelay(attempts),
  };
  return withCrm(state, { outbox: { ...state.crm.outbox, [input.interactionId]: failedEntry } });
}

/** Steps Open CTI observations. */
export function stepCrmObservation(state: SoftphoneState, input: CrmObservation, out: Out): SoftphoneState {
  switch (input.kind) {
    case 'obs.crm.ready': {
      const next = withCrm(state, {
        connection: { phase: 'ready', settings: input.settings, problems: input.problems },
        utility: null,
      });
      // Settings that arrive after log-on may name attributes the subscription lacks: widen it.
      const attributes = watchedAttributes(next.crm);
      const current = state.session.current;
      if (
        current.phase === 'active' &&
        attributes.join('\n') !== watchedAttributes(state.crm).join('\n') &&
        attributes.length > 0
      )
        out.emit({
          kind: 'cic.subscribe',
          userId: current.info.userId,
          topics: ['myInteractions'],
          attributes,
        });
      return next;
    }
    case 'obs.crm.unavailable':
      return withCrm(state, { connection: { phase: 'unavailable', reason: input.reason } });
    case 'obs.crm.matches': {
      const record = own(state.queue.byId, input.interactionId);
      const log =
        own(state.crm.logs, input.interactionId) ?? (record === undefined ? undefined : newLog(record));
      if (log === undefined) return refuse(state, out, 'unknownInteraction', 'matches', input.interactionId);
      const names: CrmRecord[] = [];
      const related: CrmRecord[] = [];
      for (const ref of input.records) {
        const a = associationsOf(ref);
        names.push(...a.names);
        related.push(...a.related);
      }
      return setLog(state, associate(log, names, related, 'ifEmpty'));
    }
    case 'obs.crm.navigation': {
      let next = withCrm(state, {
        view:
          input.record === null || input.record.id === ''
            ? null
            : { id: input.record.id, name: input.record.name, objectType: input.record.objectType },
      });
      const settings = crmSettings(state.crm);
      if (input.record === null || settings === null || !settings.callLog.autoAssociateOnNavigation)
        return next;
      const { names, related } = associationsOf(input.record);
      if (names.length === 0 && related.length === 0) return next;
      for (const log of liveLogs(next)) next = setLog(next, associate(log, names, related, 'newest'));
      return next;
    }
    case 'obs.crm.clickToDial':
      return clickToDial(state, input, out);
    case 'obs.crm.logSaved':
      return saved(state, input, out);
    case 'obs.crm.logFailed':
      return failed(state, input, out);
    case 'obs.crm.logFound':
      return lookedUp(state, input, out);
    case 'obs.crm.logsRestored':
      return holdRestored(state, input, out);
    case 'obs.crm.outboxInherited':
      return inheritOutbox(state);
    default:
      return state;
  }
}

function knows(list: readonly CrmRecord[], id: string): boolean {
  return list.some((r) => sameId(r.id, id));
}

/** Steps call-log and click-to-dial intents. */
export function stepCrmIntent(state: SoftphoneState, input: CrmIntent, out: Out): SoftphoneState {
  if (input.kind === 'intent.clickToDial.advanced')
    return withCrm(state, { advancedDial: input.open, prefill: input.open ? state.crm.prefill : null });
  const log = own(state.crm.logs, input.interactionId);
  if (log === undefined) return refuse(state, out, 'unknownInteraction', input.kind, input.interactionId);
  const settings = crmSettings(state.crm);
  switch (input.kind) {
    case 'intent.callLog.edit': {
      if (settings === null) return refuse(state, out, 'ignoredInPhase', 'crmNotReady', input.interactionId);
      if (!isEditable(log, settings.callLog, state.now))
        return refuse(state, out, 'forbidden', 'editWindowClosed', input.interactionId);
      if (input.whoId !== undefined && input.whoId !== null && !knows(log.names, input.whoId))
        return refuse(state, out, 'invalid', 'unknownName', input.interactionId);
      if (input.whatId !== undefined && input.whatId !== null && !knows(log.related, input.whatId))
        return refuse(state, out, 'invalid', 'unknownRelatedTo', input.interactionId);
      let next: CallLog = log;
      if (input.subject !== undefined) next = { ...next, subject: input.subject.slice(0, 255) };
      if (input.description !== undefined) next = { ...next, description: input.description.slice(0, 32000) };
      if (input.whoId !== undefined) next = { ...next, whoId: input.whoId, whoChosen: true };
      if (input.whatId !== undefined) next = { ...next, whatId: input.whatId, whatChosen: true };
      return setLog(state, next);
    }
    case 'intent.callLog.retry': {
      const entry = own(state.crm.outbox, input.interactionId);
      if (entry === undefined || entry.status !== 'failed')
        return refuse(state, out, 'ignoredInPhase', 'notFailed', input.interactionId);
      return withCrm(state, {
        outbox: { ...state.crm.outbox, [input.interactionId]: { ...entry, retryAt: state.now } },
      });
    }
    case 'intent.callLog.open': {
      if (log.taskId !== null && own(state.crm.outbox, input.interactionId) === undefined) {
        out.emit({ kind: 'crm.openRecord', recordId: log.taskId });
        return state;
      }
      return setLog(state, { ...log, openWhenSaved: true });
    }
    default:
      return state;
  }
}

/** After saves: pops Tasks the agent asked to see ("View in Salesforce") once nothing is pending. */
export function openSavedTasks(state: SoftphoneState, out: Out): SoftphoneState {
  let next = state;
  for (const log of Object.values(state.crm.logs)) {
    if (!log.openWhenSaved || log.taskId === null || own(state.crm.outbox, log.interactionId) !== undefined)
      continue;
    out.emit({ kind: 'crm.openRecord', recordId: log.taskId });
    next = setLog(next, { ...log, openWhenSaved: false });
  }
  return next;
}
