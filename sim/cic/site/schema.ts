/**
 * The site file: the world the simulator starts from (users, stations, workgroups, statuses,
 * wrap-up and account codes, directory entries, demo callers). JSON validated with zod; every
 * cross reference (a workgroup member, a wrap-up code set, a status id) is checked too, and a bad
 * file is reported with the path of the offending field.
 */
import { z } from 'zod';
import { License, Right } from '../telephony/host.js';

const knownRights = new Set<string>(Object.values(Right));
const knownLicences = new Set<string>(Object.values(License));

const id = z.string().trim().min(1, 'must not be empty');
const extension = z.string().regex(/^\d{2,8}$/, 'must be 2 to 8 digits');
const phoneNumber = z.string().regex(/^\+?[0-9]{3,15}$/, 'must be a phone number (digits, optional leading +)');

export const statusMessageSchema = z.strictObject({
  statusId: id,
  messageText: id,
  iconUri: z.string().optional(),
  groupTag: z.string().default(''),
  canHaveDate: z.boolean().default(false),
  canHaveTime: z.boolean().default(false),
  isDoNotDisturbStatus: z.boolean().default(false),
  isSelectableStatus: z.boolean().default(true),
  isPersistentStatus: z.boolean().default(false),
  isForwardStatus: z.boolean().default(false),
  isAfterCallWorkStatus: z.boolean().default(false),
  isAcdStatus: z.boolean().default(false),
  isAllowFollowUpStatus: z.boolean().default(false),
  systemId: z.string().optional(),
  /** Simulator-only: whether direct calls go to voicemail in this status (default: anything but the three Available statuses). */
  sendsToVoicemail: z.boolean().optional(),
});

const rightsSchema = z
  .array(z.string())
  .superRefine((rights, ctx) => {
    rights.forEach((right, index) => {
      if (right !== '*' && !knownRights.has(right)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `unknown right "${right}" (use "*" or one of ${[...knownRights].join(', ')})` });
      }
    });
  });

const licencesSchema = z.array(z.string()).superRefine((licences, ctx) => {
  licences.forEach((licence, index) => {
    if (!knownLicences.has(licence)) {
      ctx.addIssue({ code: 'custom', path: [index], message: `unknown licence "${licence}" (one of ${[...knownLicences].join(', ')})` });
    }
  });
});

export const userSchema = z.strictObject({
  userId: id,
  password: z.string(),
  displayName: id,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  department: z.string().optional(),
  title: z.string().optional(),
  extension,
  mobilePhone: phoneNumber.optional(),
  businessEmail: z.string().optional(),
  rights: rightsSchema.default(['*']),
  licenses: licencesSchema.default([License.ClientAccess, License.BasicStation, License.RecorderAccess]),
  workgroups: z.array(id).default([]),
  supervisor: z.boolean().default(false),
  defaultWorkstation: z.string().optional(),
  /** Status the user has when the simulator starts (default `Available`). */
  initialStatusId: z.string().optional(),
  /** Statuses the user may select (default: every selectable status). */
  statusAccess: z.array(id).optional(),
  autoAnswerAcdInteractions: z.boolean().default(false),
  autoAnswerNonAcdInteractions: z.boolean().default(false),
  /** Days until the password expires (reported at logon). */
  daysUntilPasswordExpiration: z.number().int().optional(),
});

export const stationSchema = z.strictObject({
  stationId: id,
  extension,
  kind: z.enum(['workstation', 'remoteWorkstation']).default('workstation'),
  /** The configured number of a remote workstation. */
  remoteNumber: phoneNumber.optional(),
  /** "Interaction Station Connections are Persistent" (remote workstations). */
  persistent: z.boolean().default(false),
  /** Users allowed to log on to this station (default: everyone). */
  allowedUsers: z.array(id).optional(),
});

export const workgroupSchema = z.strictObject({
  name: id,
  extension,
  members: z.array(id).default([]),
  alertTimeoutSeconds: z.number().int().min(1).max(3600).default(15),
  wrapUpCodeSet: z.string().optional(),
  /** Members start activated unless false. */
  activeByDefault: z.boolean().default(true),
});

export const attendantProfileSchema = z.strictObject({
  name: id,
  extension,
  kind: z.enum(['inbound', 'operator', 'outbound']).default('inbound'),
});

export const wrapUpCodeSchema = z.strictObject({
  id,
  label: id,
  category: z.string().default(''),
  digits: z.string().default(''),
});

export const wrapUpCodeSetSchema = z.strictObject({
  id,
  codes: z.array(id).min(1, 'a wrap-up code set needs at least one code'),
});

export const accountCodeSchema = z.strictObject({
  id: z.string().regex(/^\d{1,50}$/, 'account codes are digits only (at most 50)'),
  description: z.string().default(''),
});

export const directoryEntrySchema = z.strictObject({
  entryId: id,
  displayName: id,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  department: z.string().optional(),
  company: z.string().optional(),
  businessPhone: phoneNumber.optional(),
  mobilePhone: phoneNumber.optional(),
  businessEmail: z.string().optional(),
});

export const demoCallerSchema = z.strictObject({
  number: phoneNumber,
  name: id,
});

export const identityProviderSchema = z.strictObject({
  id,
  displayName: id,
});

export const passwordPolicySchema = z.strictObject({
  minLength: z.number().int().min(0).default(4),
  minUpper: z.number().int().min(0).default(0),
  minLower: z.number().int().min(0).default(0),
  minNumeric: z.number().int().min(0).default(0),
  minSpecial: z.number().int().min(0).default(0),
  /** How many previous passwords may not be reused. */
  history: z.number().int().min(0).default(3),
  /** Forbid passwords that are all sequential digits (1234). */
  noSequentialDigits: z.boolean().default(false),
});

export const siteSchema = z.strictObject({
  name: z.string().default('CIC simulator site'),
  /** The IC server name reported at logon (`icServer`). */
  serverName: z.string().default('icsim'),
  languages: z
    .array(z.strictObject({ languageId: id, displayName: id }))
    .min(1)
    .default([{ languageId: 'en-us', displayName: 'English (United States)' }]),
  userAgreementText: z.string().default(''),
  allowIcAuth: z.boolean().default(true),
  identityProviders: z.array(identityProviderSchema).default([]),
  passwordPolicy: passwordPolicySchema.default({
    minLength: 4,
    minUpper: 0,
    minLower: 0,
    minNumeric: 0,
    minSpecial: 0,
    history: 3,
    noSequentialDigits: false,
  }),
  /** Omitted: the CIC default status list. */
  statuses: z.array(statusMessageSchema).min(1).optional(),
  notAnsweringStatusId: z.string().default('ACD - Agent Not Answering'),
  accountCodesEnabled: z.boolean().default(true),
  users: z.array(userSchema).min(1, 'a site needs at least one user'),
  stations: z.array(stationSchema).default([]),
  workgroups: z.array(workgroupSchema).default([]),
  attendantProfiles: z.array(attendantProfileSchema).default([]),
  wrapUpCodes: z.array(wrapUpCodeSchema).default([]),
  wrapUpCodeSets: z.array(wrapUpCodeSetSchema).default([]),
  accountCodes: z.array(accountCodeSchema).default([]),
  directoryEntries: z.array(directoryEntrySchema).default([]),
  demoCallers: z.array(demoCallerSchema).default([]),
});

export type SiteInput = z.input<typeof siteSchema>;
export type SiteFile = z.output<typeof siteSchema>;
export type StatusMessageDef = z.output<typeof statusMessageSchema>;
export type UserDef = z.output<typeof userSchema>;
export type StationDef = z.output<typeof stationSchema>;
export type WorkgroupDef = z.output<typeof workgroupSchema>;
export type AttendantProfileDef = z.output<typeof attendantProfileSchema>;
export type WrapUpCodeDef = z.output<typeof wrapUpCodeSchema>;
export type AccountCodeDef = z.output<typeof accountCodeSchema>;
export type DirectoryEntryDef = z.output<typeof directoryEntrySchema>;
export type DemoCallerDef = z.output<typeof demoCallerSchema>;
export type PasswordPolicy = z.output<typeof passwordPolicySchema>;
