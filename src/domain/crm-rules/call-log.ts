/**
 * Call logs: the Task each connected interaction becomes, and which fields a write must carry.
 *
 * A Task is created when the interaction connects (`TaskSubtype` Call, `CallType`, Subject
 * "<type> <local date time>", `CallObject` = interaction id, Status Completed) and updated when
 * the duration (at disconnect), the wrap-up code (`CallDisposition`), the comments
 * (`Description`) or Name / Related To (`WhoId` / `WhatId`) change. The agent may edit until the
 * edit window after disconnect closes.
 */
import type { CallLogSettings } from './crm-config.js';
import { isLeadId } from './crm-records.js';
import type { CallLog, TaskFields, TaskValue } from './crm-state.js';

/** Fields only a create may carry. */
const CREATE_ONLY = new Set(['TaskSubtype']);
/** Fields an attribute mapping cannot override. */
const CORE_FIELDS = new Set(['TaskSubtype', 'Status', 'Subject', 'CallType', 'CallObject', 'CallDurationInSeconds', 'WhoId', 'WhatId', 'Id', 'entityApiName']);

function parts(at: number, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatPart[] {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).formatToParts(at);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).formatToParts(at);
  }
}

/** "Call 8/10/2015, 8:55:17 AM": the type and the local date and time in the agent's locale. */
export function callLogSubject(objectLabel: string, at: number, locale: string, timeZone: string): string {
  const text = parts(at, locale, timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  })
    .map((p) => p.value)
    .join('')
    .replace(/[\u00a0\u202f]/g, ' ');
  return `${objectLabel} ${text}`;
}

/** The local calendar date (`YYYY-MM-DD`) for `ActivityDate`. */
export function activityDate(at: number, timeZone: string): string {
  const p = parts(at, 'en-US', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string): string => p.find((x) => x.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole seconds from connect to disconnect; `null` while the call is live. */
export function callDurationSeconds(log: CallLog): number | null {
  if (log.connectedAt === null || log.disconnectedAt === null) return null;
  return Math.max(0, Math.round((log.disconnectedAt - log.connectedAt) / 1000));
}

/** Millisecond the log stops being editable; `null` while live (or never connected). */
export function editableUntil(log: CallLog, settings: CallLogSettings): number | null {
  return log.disconnectedAt === null ? null : log.disconnectedAt + settings.editWindowMs;
}

/** Whether the agent may still edit the log at `now`. */
export function isEditable(log: CallLog, settings: CallLogSettings, now: number): boolean {
  if (log.connectedAt === null) return false;
  const until = editableUntil(log, settings);
  return until === null || now < until;
}

/** Everything the Task should hold now. `null` values mean "empty". */
export function desiredTaskFields(log: CallLog, timeZone: string): TaskFields {
  const whoId = log.whoId;
  const fields: Record<string, TaskValue> = {};
  Object.assign(fields, {
    TaskSubtype: 'Call',
    Status: 'Completed',
    Subject: log.subject,
    CallType: log.callType,
    CallObject: log.interactionId,
    ActivityDate: log.connectedAt === null ? null : activityDate(log.connectedAt, timeZone),
    CallDurationInSeconds: callDurationSeconds(log),
    CallDisposition: log.disposition,
    Description: log.description === '' ? null : log.description,
    WhoId: whoId,
    WhatId: isLeadId(whoId) ? null : log.whatId,
  });
  // Mapped attributes fill fields the call itself leaves empty; they never replace call facts.
  for (const [key, value] of Object.entries(log.mapped)) {
    if (!CORE_FIELDS.has(key) && (fields[key] ?? null) === null) fields[key] = value;
  }
  return fields;
}

/** The fields a write must send: a create sends every non-empty field, an update what changed. */
export function taskWrite(desired: TaskFields, confirmed: TaskFields, create: boolean): TaskFields {
  const out: Record<string, TaskValue> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (create) {
      if (value !== null) out[key] = value;
    } else if (!CREATE_ONLY.has(key) && (confirmed[key] ?? null) !== value) {
      out[key] = value;
    }
  }
  return out;
}

/** Attribute-mapped fields: `attribute=Field`; keywords ANI, DNIS and Conference. */
export function mappedFields(
  attributes: Readonly<Record<string, string>>,
  map: readonly (readonly [string, string])[],
  conference: boolean,
): TaskFields {
  const lower = new Map(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, TaskValue> = {};
  for (const [attribute, field] of map) {
    let value: string | undefined;
    switch (attribute.toUpperCase()) {
      case 'ANI':
        value = lower.get('eic_remoteaddress');
        break;
      case 'DNIS':
        value = lower.get('eic_localaddress');
        break;
      case 'CONFERENCE':
        value = conference ? 'true' : 'false';
        break;
      default:
        value = lower.get(attribute.toLowerCase());
    }
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}
