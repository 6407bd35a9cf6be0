/**
 * Salesforce records as the CRM rules see them: what a search match, a click-to-dial link or a
 * navigation names, and whether it belongs in a call log's Name (WhoId) or Related To (WhatId).
 */

/** A record named by Open CTI. `objectType` is the API name (`Contact`, `Account`…). */
export interface CrmRecord {
  readonly id: string;
  readonly name: string;
  readonly objectType: string;
}

/**
 * A record reference as Open CTI payloads carry it (click-to-dial, navigation, view info, search
 * results): person accounts name both their account and their person contact.
 */
export interface CrmRecordRef extends CrmRecord {
  readonly personAccount: boolean;
  /** Person accounts: the account id. */
  readonly accountId: string | null;
  /** Person accounts: the person contact id. */
  readonly contactId: string | null;
}

/** Objects Task.WhoId can name. */
const NAME_OBJECTS = new Set(['Contact', 'Lead']);
/** Objects never associated with a call log (a User cannot be a Task's Name or Related To). */
const NEVER = new Set(['User', 'Task', 'Event', '']);

/** The Name / Related To candidates a record contributes. */
export function associationsOf(ref: CrmRecordRef): { names: CrmRecord[]; related: CrmRecord[] } {
  if (ref.personAccount) {
    const names: CrmRecord[] = ref.contactId ? [{ id: ref.contactId, name: ref.name, objectType: 'Contact' }] : [];
    const accountId = ref.accountId ?? (ref.objectType === 'Account' ? ref.id : null);
    const related: CrmRecord[] = accountId ? [{ id: accountId, name: ref.name, objectType: 'Account' }] : [];
    return { names, related };
  }
  if (ref.id === '' || NEVER.has(ref.objectType)) return { names: [], related: [] };
  const record: CrmRecord = { id: ref.id, name: ref.name, objectType: ref.objectType };
  return NAME_OBJECTS.has(ref.objectType) ? { names: [record], related: [] } : { names: [], related: [record] };
}

/** Whether a Name id is a Lead (key prefix `00Q`): then the Task cannot have a Related To. */
export function isLeadId(id: string | null): boolean {
  return id !== null && id.startsWith('00Q');
}

/** Appends records not already in the list (same id), keeping order. */
export function mergeRecords(list: readonly CrmRecord[], more: readonly CrmRecord[]): readonly CrmRecord[] {
  const out = [...list];
  for (const r of more) if (!out.some((x) => sameId(x.id, r.id))) out.push(r);
  return out;
}

/** Salesforce ids compare equal in their 15- and 18-character forms. */
export function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}
