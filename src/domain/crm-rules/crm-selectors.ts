/**
 * What the call-log view and the panel's CRM notices read. The call-log view itself is a later
 * task; everything it needs is here.
 */
import type { SoftphoneState } from '../softphone-state.js';
import { callDurationSeconds, callLogSubject, editableUntil, isEditable } from './call-log.js';
import type { CrmRecord } from './crm-records.js';
import type { CallLog, CrmSettingProblem, UtilityItem } from './crm-state.js';
import { crmSettings } from './crm-step.js';
import type { CallType } from './screen-pop.js';
import { own } from './own.js';

export interface CallLogView {
  readonly interactionId: string;
  readonly callType: CallType;
  readonly objectLabel: string;
  readonly conference: boolean;
  /** The "Interaction" line: caller id. */
  readonly remoteAddress: string;
  readonly remoteName: string;
  readonly subject: string;
  readonly description: string;
  readonly disposition: string | null;
  readonly durationSeconds: number | null;
  readonly names: readonly CrmRecord[];
  readonly related: readonly CrmRecord[];
  readonly whoId: string | null;
  readonly whatId: string | null;
  /** Related To cannot be chosen while the Name is a Lead. */
  readonly relatedAllowed: boolean;
  readonly editable: boolean;
  /** Milliseconds left to edit after disconnect; `null` while live (or not connected yet). */
  readonly editRemainingMs: number | null;
  readonly taskId: string | null;
  readonly save:
    | { readonly status: 'disabled' | 'notConnected' | 'saved' | 'pending' | 'saving' }
    | { readonly status: 'failed'; readonly error: string; readonly attempts: number; readonly retryAt: number | null };
}

export interface CrmStatusView {
  readonly phase: 'waiting' | 'ready' | 'unavailable';
  /** Admin-readable problems in the call-center settings (the panel shows them). */
  readonly problems: readonly CrmSettingProblem[];
  readonly unavailableReason: string | null;
  readonly utility: UtilityItem | null;
  readonly dialing: { readonly number: string } | null;
  /** A click-to-dial number for Make a Call (Advanced Dial on). */
  readonly prefill: string | null;
  readonly pendingWrites: number;
  readonly failedWrites: number;
}

function view(state: SoftphoneState, log: CallLog): CallLogView {
  const settings = crmSettings(state.crm);
  const entry = own(state.crm.outbox, log.interactionId);
  const until = settings === null ? null : editableUntil(log, settings.callLog);
  let save: CallLogView['save'];
  if (settings !== null && !settings.callLog.enabled) save = { status: 'disabled' };
  else if (log.connectedAt === null) save = { status: 'notConnected' };
  else if (entry?.status === 'failed')
    save = { status: 'failed', error: entry.error ?? '', attempts: entry.attempts, retryAt: entry.retryAt };
  else if (entry?.status === 'sending' || (entry?.status === 'pending' && log.taskId !== null)) save = { status: 'saving' };
  else if (log.taskId === null) save = { status: 'pending' };
  else save = { status: 'saved' };
  const subject =
    log.subject ??
    (log.connectedAt === null || settings === null
      ? log.objectLabel
      : callLogSubject(log.objectLabel, log.connectedAt, settings.locale, settings.timeZone));
  return {
    interactionId: log.interactionId,
    callType: log.callType,
    objectLabel: log.objectLabel,
    conference: log.conference,
    remoteAddress: log.remoteAddress,
    remoteName: log.remoteName,
    subject,
    description: log.description,
    disposition: log.disposition,
    durationSeconds: callDurationSeconds(log),
    names: log.names,
    related: log.related,
    whoId: log.whoId,
    whatId: log.whatId,
    relatedAllowed: !(log.whoId?.startsWith('00Q') ?? false),
    editable: settings !== null && isEditable(log, settings.callLog, state.now),
    editRemainingMs: until === null ? null : Math.max(0, until - state.now),
    taskId: log.taskId,
    save,
  };
}

/** Every call log, in My Interactions order, then logs of interactions already gone. */
export function selectCallLogs(state: SoftphoneState): readonly CallLogView[] {
  const ids = [...state.queue.order, ...Object.keys(state.crm.logs).filter((id) => !state.queue.order.includes(id))];
  return ids.flatMap((id) => {
    const log = own(state.crm.logs, id);
    return log === undefined ? [] : [view(state, log)];
  });
}

export function selectCallLog(state: SoftphoneState, interactionId: string): CallLogView | null {
  const log = own(state.crm.logs, interactionId);
  return log === undefined ? null : view(state, log);
}

export function selectCrmStatus(state: SoftphoneState): CrmStatusView {
  const c = state.crm.connection;
  const outbox = Object.values(state.crm.outbox);
  return {
    phase: c.phase,
    problems: c.phase === 'ready' ? c.problems : [],
    unavailableReason: c.phase === 'unavailable' ? c.reason : null,
    utility: state.crm.utility,
    dialing: state.crm.dialing === null ? null : { number: state.crm.dialing.number },
    prefill: state.crm.prefill?.number ?? null,
    pendingWrites: outbox.length,
    failedWrites: outbox.filter((e) => e.status === 'failed').length,
  };
}
