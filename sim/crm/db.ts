/**
 * The emulator's org data: records of every known sObject type, in memory, with the DML rules
 * that Open CTI `saveLog` and the REST API share (field existence and access, types, lengths,
 * restricted picklists, references, required fields, a few cross-field rules).
 */
import { makeId, normalizeId } from './ids.js';
import { PHONE_PATTERN, phoneMatches } from './phone.js';
import { fieldDef, objectDef, objectForId, type FieldDef, type ObjectDef } from './sobjects.js';

export type FieldValue = string | number | boolean | null;
export type RecordFields = Record<string, FieldValue>;

export interface StoredRecord {
  readonly type: string;
  readonly fields: RecordFields;
}

export interface DmlError {
  readonly errorCode: string;
  readonly message: string;
  readonly fields: string[];
}

export type DmlResult = { success: true; id: string } | { success: false; errors: DmlError[] };

export interface DemoUser {
  readonly Id: string;
  readonly Username: string;
  readonly Password: string;
  readonly FirstName: string;
  readonly LastName: string;
  readonly Email: string;
  readonly LanguageLocaleKey: string;
}

/** Records data as loaded from a records file (already shape-checked). */
export interface RecordsData {
  readonly organization: { readonly Id: string; readonly Name: string };
  readonly users: readonly DemoUser[];
  readonly records: Readonly<Record<string, readonly RecordFields[]>>;
}

type Mode = 'load' | 'create' | 'update';

/** Read-only fields a records file may still set (they describe pre-existing data). */
const LOADABLE_READ_ONLY = new Set(['Id', 'CreatedDate', 'LastModifiedDate', 'IsPersonAccount', 'PersonContactId', 'CaseNumber']);
/** Fields always computed by the emulator. */
const COMPUTED: Record<string, readonly string[]> = {
  Contact: ['Name'],
  Lead: ['Name'],
  Task: ['AccountId', 'IsClosed', 'CompletedDateTime'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Salesforce's datetime format: 2024-01-15T10:20:30.000+0000. */
export function sfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export class Database {
  private readonly byId = new Map<string, StoredRecord>();
  private readonly order: string[] = [];
  private readonly counters = new Map<string, number>();
  private caseNumber = 1000;
  readonly organization: RecordsData['organization'];
  readonly users: readonly DemoUser[];

  constructor(
    data: RecordsData,
    private readonly now: () => number = Date.now,
  ) {
    this.organization = data.organization;
    this.users = data.users;
    const problems = this.load(data);
    if (problems.length > 0) throw new RecordsError(problems);
  }

  /** The demo admin: the user every Open CTI and REST write runs as. */
  get currentUser(): DemoUser {
    const user = this.users[0];
    if (!user) throw new Error('records data has no user');
    return user;
  }

  private load(data: RecordsData): string[] {
    const problems: string[] = [];
    const loaded: Array<{ type: string; fields: RecordFields; path: string }> = [];
    for (const user of data.users) {
      const id = normalizeId(user.Id);
      if (!id || !id.startsWith('005')) {
        problems.push(`users: ${user.Id} is not a User id (005…)`);
        continue;
      }
      this.insert('User', {
        Id: id,
        Name: `${user.FirstName} ${user.LastName}`,
        Username: user.Username,
        Email: user.Email,
        LanguageLocaleKey: user.LanguageLocaleKey,
      });
    }
    // Insert everything first (so references can point forwards), then check the references.
    for (const [type, list] of Object.entries(data.records)) {
      const def = objectDef(type);
      if (!def || def.name !== type) {
        problems.push(`${type}: unknown object`);
        continue;
      }
      list.forEach((input, index) => {
        const path = `${type}[${index}]`;
        const rawId = input['Id'];
        const id = typeof rawId === 'string' ? normalizeId(rawId) : null;
        if (!id) {
          problems.push(`${path}.Id: missing or not a valid Salesforce id`);
          return;
        }
        if (!id.startsWith(def.keyPrefix)) {
          problems.push(`${path}.Id: ${String(rawId)} does not start with the ${type} key prefix ${def.keyPrefix}`);
          return;
        }
        if (this.byId.has(id)) {
          problems.push(`${path}.Id: duplicate id ${String(rawId)}`);
          return;
        }
        const checked = this.checkFields(def, input, 'load', undefined);
        for (const e of checked.errors) problems.push(`${path}: ${e.message}`);
        if (checked.errors.length > 0) return;
        const fields: RecordFields = { ...checked.values, Id: id };
        this.applyDefaults(def, fields);
        fields['CreatedDate'] ??= sfDateTime(this.now());
        fields['LastModifiedDate'] ??= fields['CreatedDate'];
        fields['CreatedById'] = this.currentUserIdOrNull();
        fields['LastModifiedById'] = this.currentUserIdOrNull();
        if (type === 'Case' && fields['CaseNumber'] === undefined) fields['CaseNumber'] = this.nextCaseNumber();
        if (type === 'Task') fields['OwnerId'] ??= this.currentUserIdOrNull();
        this.insert(type, fields);
        loaded.push({ type, fields, path });
      });
    }
    const personContacts = new Set<string>();
    for (const { type, fields, path } of loaded) {
      if (type === 'Account' && fields['IsPersonAccount'] === true) {
        const pc = fields['PersonContactId'];
        if (typeof pc !== 'string') problems.push(`${path}: a person account needs PersonContactId (003…)`);
        else if (this.byId.has(pc) || personContacts.has(pc)) problems.push(`${path}.PersonContactId: ${pc} is already used`);
        else personContacts.add(pc);
        if (typeof fields['LastName'] !== 'string') problems.push(`${path}: a person account needs LastName`);
      } else if (type === 'Account') {
        if (typeof fields['Name'] !== 'string') problems.push(`${path}: a business account needs Name`);
      }
    }
    for (const { type, fields, path } of loaded) {
      for (const e of this.checkReferences(objectDef(type) as ObjectDef, fields)) problems.push(`${path}: ${e.message}`);
      if (problems.length === 0) this.computeFields(type, fields);
    }
    return problems;
  }

  private currentUserIdOrNull(): string | null {
    const user = this.users[0];
    return user ? (normalizeId(user.Id) ?? null) : null;
  }

  private insert(type: string, fields: RecordFields): void {
    const id = fields['Id'] as string;
    this.byId.set(id, { type, fields });
    this.order.push(id);
  }

  private nextCaseNumber(): string {
    this.caseNumber += 1;
    return String(this.caseNumber).padStart(8, '0');
  }

  private newId(def: ObjectDef): string {
    let n = this.counters.get(def.name) ?? 0;
    let id: string;
    do {
      n += 1;
      id = makeId(def.keyPrefix, n, 'Em0');
    } while (this.byId.has(id));
    this.counters.set(def.name, n);
    return id;
  }

  private applyDefaults(def: ObjectDef, fields: RecordFields): void {
    for (const f of def.fields) {
      if (f.defaultValue !== undefined && fields[f.name] === undefined) fields[f.name] = f.defaultValue;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  get(id: string): StoredRecord | undefined {
    const norm = normalizeId(id);
    return norm ? this.byId.get(norm) : undefined;
  }

  /** Every record of a type, in insertion order. */
  list(type: string): StoredRecord[] {
    return this.order.map((id) => this.byId.get(id)).filter((r): r is StoredRecord => r !== undefined && r.type === type);
  }

  /** The person account whose hidden contact has this id. */
  personAccountForContact(contactId: string): StoredRecord | undefined {
    const norm = normalizeId(contactId);
    if (!norm) return undefined;
    return this.list('Account').find((a) => a.fields['PersonContactId'] === norm);
  }

  isPersonAccount(record: StoredRecord): boolean {
    return record.type === 'Account' && record.fields['IsPersonAccount'] === true;
  }

  /** The name a record shows as (Name, or CaseNumber for cases, Subject for tasks). */
  displayName(record: StoredRecord): string {
    const def = objectDef(record.type);
    const value = def ? record.fields[def.nameField] : undefined;
    return typeof value === 'string' ? value : String(record.fields['Id']);
  }

  /** A record's name by id, resolving person-contact ids to their account. */
  nameOf(id: string): string | undefined {
    const record = this.get(id) ?? this.personAccountForContact(id);
    return record ? this.displayName(record) : undefined;
  }

  /** Records whose dialable phone fields match a number (the "IN PHONE FIELDS" search). */
  searchPhone(term: string, types?: readonly string[]): StoredRecord[] {
    return this.order
      .map((id) => this.byId.get(id) as StoredRecord)
      .filter((r) => (types ? types.includes(r.type) : r.type !== 'User' && r.type !== 'ServicePresenceStatus'))
      .filter((r) => this.phoneFields(r).some((f) => phoneMatches(term, f.value)));
  }

  /** Records whose name, email or company contains every word of a search term (case-insensitive). */
  searchText(term: string, types?: readonly string[]): StoredRecord[] {
    const words = term
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/\*$/, ''))
      .filter((w) => w.length > 0);
    if (words.length === 0) return [];
    const textFields = ['Name', 'FirstName', 'LastName', 'Email', 'PersonEmail', 'Company', 'Subject', 'CaseNumber', 'Title'];
    return this.order
      .map((id) => this.byId.get(id) as StoredRecord)
      .filter((r) => (types ? types.includes(r.type) : ['Account', 'Contact', 'Lead', 'Case', 'Opportunity'].includes(r.type)))
      .filter((r) => {
        const haystack = textFields
          .map((f) => r.fields[f])
          .filter((v): v is string => typeof v === 'string')
          .join(' ')
          .toLowerCase();
        return words.every((w) => haystack.includes(w));
      });
  }

  /** The dialable phone fields of a record that hold a value. */
  phoneFields(record: StoredRecord): Array<{ field: FieldDef; value: string }> {
    const def = objectDef(record.type);
    if (!def) return [];
    return def.fields
      .filter((f) => f.type === 'phone')
      .map((f) => ({ field: f, value: record.fields[f.name] }))
      .filter((x): x is { field: FieldDef; value: string } => typeof x.value === 'string' && x.value.length > 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  create(type: string, input: Record<string, unknown>): DmlResult {
    const def = objectDef(type);
    if (!def || def.name === 'User' || def.name === 'ServicePresenceStatus') {
      return fail('NOT_FOUND', `The requested resource does not exist: sObject type '${type}' is not supported`, []);
    }
    const checked = this.checkFields(def, input, 'create', undefined);
    if (checked.errors.length > 0) return { success: false, errors: checked.errors };
    const fields: RecordFields = { ...checked.values };
    this.applyDefaults(def, fields);
    const missing = def.fields.filter((f) => f.requiredOnCreate && (fields[f.name] === undefined || fields[f.name] === null));
    if (def.name === 'Account' && (fields['Name'] === undefined || fields['Name'] === null)) {
      missing.push(fieldDef(def, 'Name') as FieldDef);
    }
    if (missing.length > 0) {
      return fail(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
        missing.map((f) => f.name),
      );
    }
    const refErrors = this.checkReferences(def, fields);
    if (refErrors.length > 0) return { success: false, errors: refErrors };
    const id = this.newId(def);
    const stamp = sfDateTime(this.now());
    Object.assign(fields, {
      Id: id,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      CreatedById: this.currentUserIdOrNull(),
      LastModifiedById: this.currentUserIdOrNull(),
    });
    if (def.name === 'Case') fields['CaseNumber'] = this.nextCaseNumber();
    if (def.name === 'Task') fields['OwnerId'] ??= this.currentUserIdOrNull();
    this.computeFields(def.name, fields);
    this.insert(def.name, fields);
    return { success: true, id };
  }

  update(id: string, input: Record<string, unknown>): DmlResult {
    const norm = normalizeId(id);
    const existing = norm ? this.byId.get(norm) : undefined;
    if (!norm || !existing) {
      const malformed = !norm;
      return fail(
        malformed ? 'MALFORMED_ID' : 'ENTITY_IS_DELETED',
        malformed ? `Id: malformed id ${id}` : `entity is deleted or does not exist: ${id}`,
        ['Id'],
      );
    }
    const def = objectDef(existing.type) as ObjectDef;
    if (def.name === 'User' || def.name === 'ServicePresenceStatus') {
      return fail('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id ${norm}`, []);
    }
    const checked = this.checkFields(def, input, 'update', existing);
    if (checked.errors.length > 0) return { success: false, errors: checked.errors };
    const next: RecordFields = { ...existing.fields, ...checked.values };
    const requiredCleared = def.fields.filter((f) => (f.requiredOnCreate || f.defaultValue !== undefined) && next[f.name] === null);
    if (requiredCleared.length > 0) {
      return fail(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${requiredCleared.map((f) => f.name).join(', ')}]`,
        requiredCleared.map((f) => f.name),
      );
    }
    const refErrors = this.checkReferences(def, next);
    if (refErrors.length > 0) return { success: false, errors: refErrors };
    next['LastModifiedDate'] = sfDateTime(this.now());
    next['LastModifiedById'] = this.currentUserIdOrNull();
    this.computeFields(def.name, next);
    Object.assign(existing.fields, next);
    return { success: true, id: norm };
  }

  delete(id: string): DmlResult {
    const norm = normalizeId(id);
    const existing = norm ? this.byId.get(norm) : undefined;
    if (!norm || !existing || existing.type === 'User' || existing.type === 'ServicePresenceStatus') {
      return fail('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`, []);
    }
    this.byId.delete(norm);
    this.order.splice(this.order.indexOf(norm), 1);
    return { success: true, id: norm };
  }

  /** Adds read-only records (presence statuses) that are not part of the records file. */
  addSystemRecord(type: string, fields: RecordFields): void {
    const id = fields['Id'];
    if (typeof id !== 'string' || this.byId.has(id)) return;
    this.insert(type, { ...fields });
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  /** Checks field names, access and value types; returns the coerced values and any errors. */
  private checkFields(
    def: ObjectDef,
    input: Record<string, unknown>,
    mode: Mode,
    existing: StoredRecord | undefined,
  ): { values: RecordFields; errors: DmlError[] } {
    const values: RecordFields = {};
    const errors: DmlError[] = [];
    const isPerson =
      def.name === 'Account' && (mode === 'load' ? input['IsPersonAccount'] === true : existing?.fields['IsPersonAccount'] === true);
    for (const [key, raw] of Object.entries(input)) {
      if (key === 'attributes' || (key === 'Id' && mode !== 'load')) continue;
      const field = fieldDef(def, key);
      if (!field) {
        errors.push(dml('INVALID_FIELD', `No such column '${key}' on sobject of type ${def.name}`, [key]));
        continue;
      }
      const computed = COMPUTED[def.name]?.includes(field.name) || (def.name === 'Account' && field.name === 'Name' && isPerson);
      const writable =
        mode === 'load'
          ? !computed && (field.createable || LOADABLE_READ_ONLY.has(field.name))
          : !computed && (mode === 'create' ? field.createable : field.updateable);
      if (!writable) {
        errors.push(
          dml(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Unable to ${mode === 'update' ? 'update' : 'create'} fields: ${field.name}. Check that the field is writable.`,
            [field.name],
          ),
        );
        continue;
      }
      if (def.name === 'Account' && field.accountKind !== undefined && (field.accountKind === 'person') !== isPerson) {
        errors.push(
          dml(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `${field.label}: only on ${field.accountKind} accounts`,
            [field.name],
          ),
        );
        continue;
      }
      const coerced = coerceValue(field, raw);
      if ('error' in coerced) errors.push(coerced.error);
      else values[field.name] = coerced.value;
    }
    return { values, errors };
  }

  /** Reference fields point at existing records of an allowed type; Task rules. */
  private checkReferences(def: ObjectDef, fields: RecordFields): DmlError[] {
    const errors: DmlError[] = [];
    for (const field of def.fields) {
      if (field.type !== 'reference' || !field.createable) continue;
      const value = fields[field.name];
      if (value === undefined || value === null) continue;
      const id = value as string;
      if (field.name === 'RecordTypeId') {
        errors.push(dml('INVALID_CROSS_REFERENCE_KEY', `Record Type ID: this ID value isn't valid for the user: ${id}`, [field.name]));
        continue;
      }
      const target = this.byId.get(id);
      const personAccount = target ? undefined : this.personAccountForContact(id);
      const targetType = target?.type ?? (personAccount ? 'Contact' : undefined);
      if (!targetType) {
        errors.push(dml('INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id ${id}`, [field.name]));
      } else if (!(field.referenceTo ?? []).includes(targetType)) {
        errors.push(dml('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [field.name]));
      } else if (def.name === 'Contact' && field.name === 'AccountId' && target && this.isPersonAccount(target)) {
        errors.push(dml('FIELD_INTEGRITY_EXCEPTION', `${field.label}: a contact can't belong to a person account`, [field.name]));
      }
    }
    if (def.name === 'Task') {
      const who = fields['WhoId'];
      const what = fields['WhatId'];
      if (typeof who === 'string' && who.startsWith('00Q') && typeof what === 'string') {
        errors.push(
          dml('FIELD_INTEGRITY_EXCEPTION', 'Related To ID: a task whose Name is a lead cannot also be related to a record', ['WhatId']),
        );
      }
    }
    return errors;
  }

  /** Derived fields: names, Task.AccountId, IsClosed, CompletedDateTime. */
  private computeFields(type: string, fields: RecordFields): void {
    if (type === 'Contact' || type === 'Lead' || (type === 'Account' && fields['IsPersonAccount'] === true)) {
      fields['Name'] = [fields['FirstName'], fields['LastName']].filter((v) => typeof v === 'string' && v !== '').join(' ');
    }
    if (type === 'Account') fields['IsPersonAccount'] = fields['IsPersonAccount'] === true;
    if (type === 'Task') {
      fields['AccountId'] = this.taskAccount(fields);
      const closed = fields['Status'] === 'Completed';
      if (closed && !fields['IsClosed']) fields['CompletedDateTime'] = fields['LastModifiedDate'] ?? sfDateTime(this.now());
      if (!closed) fields['CompletedDateTime'] = null;
      fields['IsClosed'] = closed;
    }
  }

  private taskAccount(fields: RecordFields): string | null {
    const what = fields['WhatId'];
    if (typeof what === 'string') {
      const target = this.byId.get(what);
      if (target?.type === 'Account') return what;
      const acc = target?.fields['AccountId'];
      if (typeof acc === 'string') return acc;
    }
    const who = fields['WhoId'];
    if (typeof who === 'string') {
      const contact = this.byId.get(who);
      if (contact?.type === 'Contact' && typeof contact.fields['AccountId'] === 'string') return contact.fields['AccountId'];
      const person = this.personAccountForContact(who);
      if (person) return person.fields['Id'] as string;
    }
    return null;
  }
}

function dml(errorCode: string, message: string, fields: string[]): DmlError {
  return { errorCode, message, fields };
}

function fail(errorCode: string, message: string, fields: string[]): DmlResult {
  return { success: false, errors: [dml(errorCode, message, fields)] };
}

/** Coerces one input value to the field's stored form, as the API does for JSON input. */
function coerceValue(field: FieldDef, raw: unknown): { value: FieldValue } | { error: DmlError } {
  const bad = (why: string): { error: DmlError } => ({
    error: dml('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: ${why}: ${JSON.stringify(raw)}`, [field.name]),
  });
  if (raw === null) return { value: null };
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'combobox':
    case 'phone':
    case 'email':
    case 'picklist': {
      if (typeof raw !== 'string') return bad('value not of required type');
      if (field.length !== undefined && raw.length > field.length) {
        return { error: dml('STRING_TOO_LONG', `${field.label}: data value too large (max length=${field.length})`, [field.name]) };
      }
      if (field.type === 'email' && raw !== '' && !EMAIL.test(raw)) {
        return { error: dml('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${raw}`, [field.name]) };
      }
      if (field.type === 'phone' && raw !== '' && !PHONE_PATTERN.test(raw)) return bad('not a phone number');
      if (field.type === 'picklist' && field.restricted && !(field.picklist ?? []).includes(raw)) {
        return {
          error: dml(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${field.label}: bad value for restricted picklist field: ${raw}`,
            [field.name],
          ),
        };
      }
      return { value: raw === '' ? null : raw };
    }
    case 'int': {
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) return bad('value not of required type');
      return { value: n };
    }
    case 'currency': {
      const n = typeof raw === 'string' && /^-?\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return bad('value not of required type');
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return bad('value not of required type');
    }
    case 'date':
      if (typeof raw !== 'string' || !isValidDate(raw)) return bad('value not a valid date (YYYY-MM-DD)');
      return { value: raw };
    case 'datetime':
      if (typeof raw !== 'string' || !DATETIME.test(raw) || Number.isNaN(Date.parse(raw))) return bad('value not a valid dateTime');
      return { value: raw };
    case 'reference':
    case 'id': {
      if (typeof raw !== 'string') return bad('value not of required type');
      if (raw === '') return { value: null };
      const id = normalizeId(raw);
      if (!id) return { error: dml('MALFORMED_ID', `${field.label}: id value of incorrect type: ${raw}`, [field.name]) };
      const target = objectForId(id);
      if (field.type === 'reference' && field.name !== 'RecordTypeId' && target && !(field.referenceTo ?? []).includes(target.name)) {
        return { error: dml('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${raw}`, [field.name]) };
      }
      return { value: id };
    }
  }
}

/** A records file that breaks the rules; `problems` lists every issue with its path. */
export class RecordsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid records data:\n- ${problems.join('\n- ')}`);
    this.name = 'RecordsError';
  }
}
