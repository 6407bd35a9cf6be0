/**
 * Test support: structural invariants of {@link SoftphoneState} that must hold after every step,
 * whatever the inputs were (used by the ICWS fuzz test and by regression tests). Selectors are run
 * too: none may throw, and every number they derive must be finite.
 */
import { selectActivations, selectActiveWorkgroups } from '../activation/activation-state.js';
import { selectCallLogs, selectCrmStatus } from '../crm-rules/crm-selectors.js';
import { selectDial } from '../dial/dial-selectors.js';
import { selectDirectory } from '../directory/directory-selectors.js';
import { HISTORY_MAX_ENTRIES } from '../history/history-state.js';
import { selectCallHistory } from '../history/history-selectors.js';
import { selectControls } from '../interaction/controls.js';
import { ALERT_MEMORY, InteractionPhase, type InteractionRecord } from '../interaction/interaction-state.js';
import { selectAlerting, selectInteractions } from '../interaction/interaction-selectors.js';
import { selectSecurePause } from '../interaction/secure-pause.js';
import { MAX_NOTICES } from '../notices.js';
import { selectSession } from '../session/session-selectors.js';
import type { SoftphoneState } from '../softphone-state.js';
import { selectStationForm } from '../station/station-selectors.js';
import { selectStatusBar, selectStatusChoices, selectStatusDetails } from '../status/status-selectors.js';
import { statusKey } from '../status/status-state.js';
import { selectConsult, selectTransfer } from '../transfer/transfer-selectors.js';
import { selectWrapUpPrompt } from '../wrap-up/wrap-up-selectors.js';

const PHASES: ReadonlySet<string> = new Set(Object.values(InteractionPhase));

function own(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item) ? true : (seen.add(item), false)));
}

/**
 * Where `value` is not plain JSON data: `undefined`, non-finite numbers, functions, class
 * instances, or objects whose prototype is not `Object.prototype` (what prototype pollution or a
 * `__proto__` key assigned with `obj[key] = …` leaves behind).
 */
export function plainDataProblems(value: unknown, path = 'state', out: string[] = [], depth = 0): string[] {
  if (out.length > 20) return out;
  if (depth > 64) {
    out.push(`${path}: nested deeper than 64 levels`);
    return out;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}: non-finite number ${String(value)}`);
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => plainDataProblems(item, `${path}[${i}]`, out, depth + 1));
    return out;
  }
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) out.push(`${path}: not a plain object`);
    for (const key of Object.keys(value))
      plainDataProblems((value as Record<string, unknown>)[key], `${path}.${key}`, out, depth + 1);
    return out;
  }
  out.push(`${path}: ${typeof value} is not JSON data`);
  return out;
}

function checkRecord(state: SoftphoneState, key: string, r: InteractionRecord, problems: string[]): void {
  const where = `queue.byId[${JSON.stringify(key)}]`;
  if (r.id !== key) problems.push(`${where}.id is ${JSON.stringify(r.id)}`);
  if (!PHASES.has(r.phase)) problems.push(`${where}.phase ${JSON.stringify(r.phase)} is unknown`);
  const times: [string, number][] = [
    ['firstSeenAt', r.firstSeenAt],
    ['startedAt', r.startedAt],
    ['phaseSince', r.phaseSince],
    ['revision', r.revision],
  ];
  if (r.phase === 'connected' || r.phase === 'held') times.push(['connectedAt', r.connectedAt]);
  if (r.phase === 'disconnected') times.push(['disconnectedAt', r.disconnectedAt]);
  if (r.pending !== null) times.push(['pending.at', r.pending.at]);
  for (const [name, value] of times)
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${where}.${name} is ${String(value)}`);
  for (const [name, value] of Object.entries(r.attributes))
    if (typeof value !== 'string') problems.push(`${where}.attributes.${name} is not a string`);
  if (r.conferenceParentId !== null && typeof r.conferenceParentId !== 'string')
    problems.push(`${where}.conferenceParentId is not a string`);
  if (r.startedAt > state.now + 1) problems.push(`${where}.startedAt is in the future`);
}

/** Problems with the state's structure (empty when every invariant holds). */
export function checkInvariants(state: SoftphoneState): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(state.now)) problems.push(`now is ${String(state.now)}`);
  if (!Number.isSafeInteger(state.nextRequest) || state.nextRequest < 1)
    problems.push(`nextRequest is ${String(state.nextRequest)}`);

  // My Interactions.
  const { queue } = state;
  if (Object.getPrototypeOf(queue.byId) !== Object.prototype) problems.push('queue.byId has a foreign prototype');
  for (const id of duplicates(queue.order)) problems.push(`queue.order lists ${JSON.stringify(id)} twice`);
  for (const id of queue.order)
    if (!own(queue.byId, id)) problems.push(`queue.order lists ${JSON.stringify(id)} missing from byId`);
  const order = new Set(queue.order);
  for (const [key, record] of Object.entries(queue.byId)) {
    if (!order.has(key)) problems.push(`queue.byId has ${JSON.stringify(key)} missing from order`);
    checkRecord(state, key, record, problems);
  }
  try {
    const shown = selectInteractions(state).map((row) => row.id);
    for (const id of duplicates(shown)) problems.push(`My Interactions shows ${JSON.stringify(id)} twice`);
    const visible = new Set(shown);
    for (const id of queue.order)
      if (!visible.has(id)) problems.push(`My Interactions does not show ${JSON.stringify(id)}`);
  } catch {
    // reported by selectorProblems
  }
  if (queue.selectedId !== null && !own(queue.byId, queue.selectedId))
    problems.push(`queue.selectedId ${JSON.stringify(queue.selectedId)} is not in the queue`);
  if (queue.alerted.length > ALERT_MEMORY) problems.push('queue.alerted is over its bound');
  if (queue.popped.length > ALERT_MEMORY) problems.push('queue.popped is over its bound');

  // Wrap-up prompts belong to disconnected interactions still in the queue, one prompt each.
  for (const id of duplicates(state.wrapUp.prompts.map((p) => p.interactionId)))
    problems.push(`two wrap-up prompts for ${JSON.stringify(id)}`);
  for (const prompt of state.wrapUp.prompts) {
    const where = `wrap-up prompt ${JSON.stringify(prompt.interactionId)}`;
    const record = own(queue.byId, prompt.interactionId) ? queue.byId[prompt.interactionId] : undefined;
    if (record === undefined) problems.push(`${where} refers to an interaction no longer in the queue`);
    else if (record.phase !== 'disconnected') problems.push(`${where} is open on a ${record.phase} interaction`);
    if (!Number.isFinite(prompt.deadline) || !Number.isFinite(prompt.openedAt)) problems.push(`${where} has a bad time`);
    if (prompt.status === 'assigning' && prompt.requestedCodeId === null)
      problems.push(`${where} is assigning no code`);
  }
  for (const [workgroup, codes] of Object.entries(state.wrapUp.codesByWorkgroup))
    if (!Array.isArray(codes)) problems.push(`wrap-up codes of ${JSON.stringify(workgroup)} are not a list`);

  // Status.
  const { status } = state;
  for (const id of duplicates(status.order)) problems.push(`status.order lists ${JSON.stringify(id)} twice`);
  for (const key of status.order)
    if (!own(status.catalog, key)) problems.push(`status.order lists ${JSON.stringify(key)} missing from the catalog`);
  for (const [key, entry] of Object.entries(status.catalog))
    if (statusKey(entry.statusId) !== key) problems.push(`status.catalog key ${JSON.stringify(key)} does not match its id`);
  if (status.pending !== null) {
    if (typeof status.pending.statusId !== 'string' || status.pending.statusId === '')
      problems.push('status.pending has no status id');
    if (!Number.isFinite(status.pending.requestedAt) || status.pending.requestedAt > state.now)
      problems.push(`status.pending.requestedAt is ${String(status.pending.requestedAt)}`);
  }
  if (status.mine !== null && typeof status.mine.statusId !== 'string') problems.push('status.mine.statusId is not a string');

  // Transfer, dial, directory, history, notices.
  const consult = state.transfer.consult;
  if (consult !== null && !own(queue.byId, consult.interactionId))
    problems.push(`consult on ${JSON.stringify(consult.interactionId)}, which is not in the queue`);
  if (state.dial.pending !== null && !Number.isFinite(state.dial.pending.at)) problems.push('dial.pending.at is not finite');
  const { directory } = state;
  for (const [name, value] of [
    ['index', directory.index],
    ['totalCount', directory.totalCount],
    ['filteredCount', directory.filteredCount],
  ] as const)
    if (!Number.isFinite(value) || value < 0) problems.push(`directory.${name} is ${String(value)}`);
  if (state.history.entries.length > HISTORY_MAX_ENTRIES) problems.push('history is over its bound');
  for (const entry of state.history.entries)
    if (!Number.isFinite(entry.initiatedAt) || (entry.terminatedAt !== null && !Number.isFinite(entry.terminatedAt)))
      problems.push(`history entry ${JSON.stringify(entry.interactionId)} has a bad time`);
  if (state.notices.items.length > MAX_NOTICES) problems.push('notices are over their bound');

  problems.push(...plainDataProblems(state));
  problems.push(...selectorProblems(state));
  return problems;
}

/** Runs every selector; reports throws and non-finite derived numbers. */
export function selectorProblems(state: SoftphoneState): string[] {
  const problems: string[] = [];
  const run = (name: string, select: () => unknown): void => {
    try {
      const view = select();
      for (const problem of numberProblems(view, name)) problems.push(problem);
    } catch (error) {
      problems.push(`${name} threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error)}`);
    }
  };
  run('selectInteractions', () => selectInteractions(state));
  run('selectAlerting', () => selectAlerting(state));
  run('selectControls(selected)', () => selectControls(state));
  run('selectControls(null)', () => selectControls(state, null));
  for (const id of [...state.queue.order, 'constructor', '__proto__']) {
    run(`selectControls(${id})`, () => selectControls(state, id));
    run(`selectSecurePause(${id})`, () => selectSecurePause(state, id));
  }
  run('selectStatusBar', () => selectStatusBar(state));
  run('selectStatusChoices', () => selectStatusChoices(state, 'a'));
  for (const key of [...state.status.order, 'constructor'])
    run(`selectStatusDetails(${key})`, () => selectStatusDetails(state, key));
  run('selectCallHistory', () => selectCallHistory(state));
  run('selectWrapUpPrompt', () => selectWrapUpPrompt(state));
  run('selectTransfer', () => selectTransfer(state));
  run('selectConsult', () => selectConsult(state));
  run('selectDial', () => selectDial(state));
  run('selectDirectory', () => selectDirectory(state));
  run('selectSession', () => selectSession(state));
  run('selectStationForm', () => selectStationForm(state));
  run('selectActivations', () => selectActivations(state));
  run('selectActiveWorkgroups', () => selectActiveWorkgroups(state));
  run('selectCallLogs', () => selectCallLogs(state));
  run('selectCrmStatus', () => selectCrmStatus(state));
  return problems;
}

function numberProblems(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12 || out.length > 10) return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${String(value)}`);
  } else if (typeof value === 'string') {
    if (/\bNaN\b|Infinity/.test(value) && /duration|time/i.test(path)) out.push(`${path} shows ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => numberProblems(item, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) numberProblems(item, `${path}.${key}`, out, depth + 1);
  }
  return out;
}
