/**
 * The sObject types the emulator knows, with the fields it stores. One definition feeds record
 * validation, DML (saveLog, REST create/update), REST describe, SOQL and SOSL, so all of them agree.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'picklist'
  | 'combobox'
  | 'reference'
  | 'int'
  | 'currency'
  | 'boolean'
  | 'date'
  | 'datetime';

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly length?: number;
  readonly picklist?: readonly string[];
  /** Restricted picklist: values outside `picklist` are rejected. */
  readonly restricted?: boolean;
  readonly defaultValue?: string;
  readonly referenceTo?: readonly string[];
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Must be present (or defaulted) on create. */
  readonly requiredOnCreate?: boolean;
  /** Shown as a phone number (and a click-to-dial link) on record pages. */
  readonly dialable?: boolean;
  /** Only on person accounts (Account) or only on business accounts. */
  readonly accountKind?: 'person' | 'business';
}

export interface ObjectDef {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  /** Field shown as the record's name; `Name` is computed for people (First + Last). */
  readonly nameField: string;
  readonly fields: readonly FieldDef[];
  /** Fields listed on search results and list views. */
  readonly listFields: readonly string[];
}

const rw = { createable: true, updateable: true } as const;
const ro = { createable: false, updateable: false } as const;

function text(name: string, label: string, length = 255, extra: Partial<FieldDef> = {}): FieldDef {
  return { name, label, type: 'string', length, ...rw, ...extra };
}
function phone(name: string, label: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { name, label, type: 'phone', length: 40, dialable: true, ...rw, ...extra };
}
function ref(name: string, label: string, referenceTo: readonly string[], extra: Partial<FieldDef> = {}): FieldDef {
  return { name, label, type: 'reference', referenceTo, ...rw, ...extra };
}
function system(): FieldDef[] {
  return [
    { name: 'Id', label: 'Record ID', type: 'id', ...ro },
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', ...ro },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', ...ro },
    { name: 'CreatedById', label: 'Created By ID', type: 'reference', referenceTo: ['User'], ...ro },
    { name: 'LastModifiedById', label: 'Last Modified By ID', type: 'reference', referenceTo: ['User'], ...ro },
  ];
}

export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];

export const OBJECTS: readonly ObjectDef[] = [
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    nameField: 'Name',
    listFields: ['Name', 'Phone', 'Type'],
    fields: [
      ...system(),
      text('Name', 'Account Name', 255),
      { name: 'IsPersonAccount', label: 'Is Person Account', type: 'boolean', ...ro },
      text('FirstName', 'First Name', 40, { accountKind: 'person' }),
      text('LastName', 'Last Name', 80, { accountKind: 'person' }),
      ref('PersonContactId', 'Person Contact ID', ['Contact'], { createable: false, updateable: false, accountKind: 'person' }),
      phone('Phone', 'Phone'),
      phone('Fax', 'Fax', { dialable: false }),
      phone('PersonMobilePhone', 'Mobile', { accountKind: 'person' }),
      phone('PersonHomePhone', 'Home Phone', { accountKind: 'person' }),
      { name: 'PersonEmail', label: 'Email', type: 'email', length: 80, ...rw, accountKind: 'person' },
      {
        name: 'Type',
        label: 'Type',
        type: 'picklist',
        picklist: ['Customer', 'Partner', 'Prospect', 'Other'],
        ...rw,
      },
      text('Industry', 'Industry', 40),
      text('BillingCity', 'Billing City', 40),
    ],
  },
  {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    nameField: 'Name',
    listFields: ['Name', 'Phone', 'Email'],
    fields: [
      ...system(),
      { name: 'Name', label: 'Full Name', type: 'string', length: 121, ...ro },
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { requiredOnCreate: true }),
      text('Title', 'Title', 128),
      ref('AccountId', 'Account ID', ['Account']),
      phone('Phone', 'Business Phone'),
      phone('MobilePhone', 'Mobile Phone'),
      phone('HomePhone', 'Home Phone'),
      { name: 'Email', label: 'Email', type: 'email', length: 80, ...rw },
    ],
  },
  {
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    nameField: 'Name',
    listFields: ['Name', 'Company', 'Phone'],
    fields: [
      ...system(),
      { name: 'Name', label: 'Full Name', type: 'string', length: 121, ...ro },
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { requiredOnCreate: true }),
      text('Company', 'Company', 255, { requiredOnCreate: true }),
      phone('Phone', 'Phone'),
      phone('MobilePhone', 'Mobile Phone'),
      { name: 'Email', label: 'Email', type: 'email', length: 80, ...rw },
      {
        name: 'Status',
        label: 'Lead Status',
        type: 'picklist',
        picklist: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
        restricted: true,
        defaultValue: 'Open - Not Contacted',
        ...rw,
      },
    ],
  },
  {
    name: 'Case',
    label: 'Case',
    labelPlural: 'Cases',
    keyPrefix: '500',
    nameField: 'CaseNumber',
    listFields: ['CaseNumber', 'Subject', 'Status'],
    fields: [
      ...system(),
      { name: 'CaseNumber', label: 'Case Number', type: 'string', length: 30, ...ro },
      text('Subject', 'Subject'),
      { name: 'Description', label: 'Description', type: 'textarea', length: 32000, ...rw },
      {
        name: 'Status',
        label: 'Status',
        type: 'picklist',
        picklist: ['New', 'Working', 'Escalated', 'Closed'],
        restricted: true,
        defaultValue: 'New',
        ...rw,
      },
      {
        name: 'Priority',
        label: 'Priority',
        type: 'picklist',
        picklist: ['High', 'Medium', 'Low'],
        defaultValue: 'Medium',
        ...rw,
      },
      {
        name: 'Origin',
        label: 'Case Origin',
        type: 'picklist',
        picklist: ['Phone', 'Email', 'Web'],
        ...rw,
      },
      ref('ContactId', 'Contact ID', ['Contact']),
      ref('AccountId', 'Account ID', ['Account']),
    ],
  },
  {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    nameField: 'Name',
    listFields: ['Name', 'StageName', 'Amount'],
    fields: [
      ...system(),
      text('Name', 'Name', 120, { requiredOnCreate: true }),
      ref('AccountId', 'Account ID', ['Account']),
      {
        name: 'StageName',
        label: 'Stage',
        type: 'picklist',
        picklist: ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'],
        restricted: true,
        requiredOnCreate: true,
        ...rw,
      },
      { name: 'CloseDate', label: 'Close Date', type: 'date', requiredOnCreate: true, ...rw },
      { name: 'Amount', label: 'Amount', type: 'currency', ...rw },
    ],
  },
  {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: '00T',
    nameField: 'Subject',
    listFields: ['Subject', 'CallType', 'Status'],
    fields: [
      ...system(),
      { name: 'Subject', label: 'Subject', type: 'combobox', length: 255, picklist: ['Call', 'Send Letter', 'Send Quote', 'Other'], ...rw },
      {
        name: 'Status',
        label: 'Status',
        type: 'picklist',
        picklist: TASK_STATUSES,
        restricted: true,
        defaultValue: 'Not Started',
        ...rw,
      },
      {
        name: 'Priority',
        label: 'Priority',
        type: 'picklist',
        picklist: ['High', 'Normal', 'Low'],
        restricted: true,
        defaultValue: 'Normal',
        ...rw,
      },
      {
        name: 'TaskSubtype',
        label: 'Task Subtype',
        type: 'picklist',
        picklist: ['Task', 'Email', 'List Email', 'Call', 'LinkedIn'],
        restricted: true,
        createable: true,
        updateable: false,
      },
      { name: 'Type', label: 'Type', type: 'picklist', picklist: ['Call', 'Email', 'Meeting', 'Other'], ...rw },
      {
        name: 'CallType',
        label: 'Call Type',
        type: 'picklist',
        picklist: ['Inbound', 'Internal', 'Outbound'],
        restricted: true,
        ...rw,
      },
      { name: 'CallDurationInSeconds', label: 'Call Duration', type: 'int', ...rw },
      text('CallObject', 'Call Object Identifier'),
      text('CallDisposition', 'Call Result'),
      { name: 'Description', label: 'Comments', type: 'textarea', length: 32000, ...rw },
      { name: 'ActivityDate', label: 'Due Date Only', type: 'date', ...rw },
      ref('WhoId', 'Name ID', ['Contact', 'Lead']),
      ref('WhatId', 'Related To ID', ['Account', 'Opportunity', 'Case']),
      ref('OwnerId', 'Assigned To ID', ['User']),
      ref('AccountId', 'Account ID', ['Account'], { createable: false, updateable: false }),
      { name: 'IsClosed', label: 'Closed', type: 'boolean', ...ro },
      { name: 'CompletedDateTime', label: 'Completed Date/Time', type: 'datetime', ...ro },
      { name: 'RecordTypeId', label: 'Record Type ID', type: 'reference', referenceTo: ['RecordType'], ...rw },
    ],
  },
  {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    nameField: 'Name',
    listFields: ['Name', 'Username'],
    fields: [
      ...system(),
      { name: 'Name', label: 'Full Name', type: 'string', length: 121, ...ro },
      { name: 'Username', label: 'Username', type: 'string', length: 80, ...ro },
      { name: 'Email', label: 'Email', type: 'email', length: 128, ...ro },
      { name: 'LanguageLocaleKey', label: 'Language', type: 'string', length: 40, ...ro },
    ],
  },
  {
    name: 'ServicePresenceStatus',
    label: 'Presence Status',
    labelPlural: 'Presence Statuses',
    keyPrefix: '0N5',
    nameField: 'MasterLabel',
    listFields: ['MasterLabel', 'DeveloperName'],
    fields: [
      ...system(),
      { name: 'DeveloperName', label: 'Developer Name', type: 'string', length: 80, ...ro },
      { name: 'MasterLabel', label: 'Label', type: 'string', length: 80, ...ro },
    ],
  },
];

const BY_NAME = new Map(OBJECTS.map((o) => [o.name.toLowerCase(), o]));
const BY_PREFIX = new Map(OBJECTS.map((o) => [o.keyPrefix, o]));

/** Object definition by API name (case-insensitive, as SOQL is). */
export function objectDef(name: string): ObjectDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Object definition by the key prefix of an id. */
export function objectForId(id: string): ObjectDef | undefined {
  return BY_PREFIX.get(id.slice(0, 3));
}

/** Field definition by name (case-insensitive). */
export function fieldDef(object: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The objects a person can open as a record page in the console. */
export const RECORD_OBJECTS = ['Account', 'Contact', 'Lead', 'Case', 'Opportunity'] as const;
export type RecordObject = (typeof RECORD_OBJECTS)[number];

export function isRecordObject(name: string): name is RecordObject {
  return (RECORD_OBJECTS as readonly string[]).includes(name);
}
