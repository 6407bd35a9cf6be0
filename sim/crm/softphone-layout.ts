/**
 * The softphone layout (Setup → Softphone Layouts): per call type, which objects and fields a
 * `searchAndScreenPop` searches and returns, and what to pop for no, one or several matches.
 * Returned as-is by `getSoftphoneLayout`.
 */
import { z } from 'zod';
import { isRecordObject } from './sobjects.js';

const popSetting = z
  .object({
    screenPopType: z.enum(['PopToEntity', 'PopToVisualforce', 'PopToSearch', 'PopToFlow']),
    screenPopData: z.string().optional(),
  })
  .strict();

const section = z
  .object({
    callRelatedFields: z.array(z.enum(['ANI', 'DNIS', 'SEGMENT', 'QUEUE'])),
    objects: z
      .record(z.string(), z.array(z.object({ displayName: z.string(), apiName: z.string() }).strict()))
      .superRefine((objects, ctx) => {
        for (const name of Object.keys(objects)) {
          if (!isRecordObject(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'objects must be Account, Contact, Lead, Case or Opportunity' });
        }
      }),
    screenPopSettings: z
      .object({
        screenPopsOpenWithin: z.enum(['ExistingWindow', 'NewWindow']),
        NoMatch: popSetting.optional(),
        SingleMatch: popSetting.optional(),
        MultipleMatches: popSetting.optional(),
      })
      .strict(),
  })
  .strict();

export const softphoneLayoutSchema = z
  .object({ Inbound: section, Outbound: section, Internal: section })
  .strict()
  .superRefine((layout, ctx) => {
    for (const [callType, s] of Object.entries(layout)) {
      const { NoMatch, SingleMatch, MultipleMatches } = s.screenPopSettings;
      if (NoMatch?.screenPopType === 'PopToSearch') {
        ctx.addIssue({ code: 'custom', path: [callType, 'screenPopSettings', 'NoMatch'], message: 'NoMatch cannot pop to search' });
      }
      if (SingleMatch?.screenPopType === 'PopToSearch' || MultipleMatches?.screenPopType === 'PopToEntity') {
        ctx.addIssue({ code: 'custom', path: [callType, 'screenPopSettings'], message: 'PopToEntity is for no/single match, PopToSearch for multiple matches' });
      }
      for (const [key, setting] of Object.entries({ NoMatch, SingleMatch, MultipleMatches })) {
        if (!setting) continue;
        const needsData = setting.screenPopType === 'PopToVisualforce' || setting.screenPopType === 'PopToFlow' || (key === 'NoMatch' && setting.screenPopType === 'PopToEntity');
        if (needsData && !setting.screenPopData) {
          ctx.addIssue({ code: 'custom', path: [callType, 'screenPopSettings', key, 'screenPopData'], message: `${setting.screenPopType} needs screenPopData` });
        }
        if (key === 'NoMatch' && setting.screenPopType === 'PopToEntity' && setting.screenPopData && !isRecordObject(setting.screenPopData)) {
          ctx.addIssue({ code: 'custom', path: [callType, 'screenPopSettings', key, 'screenPopData'], message: 'NoMatch PopToEntity names an object (e.g. Contact)' });
        }
      }
    }
  });
export type SoftphoneLayout = z.infer<typeof softphoneLayoutSchema>;
export type CallTypeName = keyof SoftphoneLayout;

const people = {
  Contact: [
    { displayName: 'Name', apiName: 'Name' },
    { displayName: 'Business Phone', apiName: 'Phone' },
    { displayName: 'Mobile Phone', apiName: 'MobilePhone' },
    { displayName: 'Account ID', apiName: 'AccountId' },
  ],
  Account: [
    { displayName: 'Account Name', apiName: 'Name' },
    { displayName: 'Phone', apiName: 'Phone' },
  ],
  Lead: [
    { displayName: 'Name', apiName: 'Name' },
    { displayName: 'Company', apiName: 'Company' },
    { displayName: 'Phone', apiName: 'Phone' },
  ],
};

/** Demo layout: Contacts, Accounts (incl. person accounts) and Leads; new Contact on no match. */
export const DEMO_SOFTPHONE_LAYOUT: SoftphoneLayout = {
  Inbound: {
    callRelatedFields: ['ANI', 'DNIS', 'QUEUE'],
    objects: people,
    screenPopSettings: {
      screenPopsOpenWithin: 'ExistingWindow',
      NoMatch: { screenPopType: 'PopToEntity', screenPopData: 'Contact' },
      SingleMatch: { screenPopType: 'PopToEntity' },
      MultipleMatches: { screenPopType: 'PopToSearch' },
    },
  },
  Outbound: {
    callRelatedFields: ['DNIS'],
    objects: people,
    screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' },
  },
  Internal: {
    callRelatedFields: ['ANI'],
    objects: { Contact: people.Contact },
    screenPopSettings: { screenPopsOpenWithin: 'ExistingWindow' },
  },
};
