/**
 * Records files: the org data the emulator starts with (users, demo customers, and records of
 * Account, Contact, Lead, Case, Opportunity and Task). Shape-checked with zod here; field rules
 * and references are checked by the Database when it loads them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Database, RecordsError, type RecordsData } from './db.js';
import { RECORD_OBJECTS } from './sobjects.js';

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const record = z.record(z.string(), fieldValue);

export const customerSchema = z
  .object({
    from: z.string().regex(/^\+?[0-9]{4,15}$/, 'from must be a dialable number such as +13175550101'),
    fromName: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();
export type DemoCustomer = z.infer<typeof customerSchema>;

export const recordsFileSchema = z
  .object({
    organization: z.object({ Id: z.string().regex(/^00D[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/), Name: z.string().min(1) }).strict(),
    users: z
      .array(
        z
          .object({
            Id: z.string(),
            Username: z.string().min(3),
            Password: z.string().min(1),
            FirstName: z.string().min(1),
            LastName: z.string().min(1),
            Email: z.email(),
            LanguageLocaleKey: z.string().default('en_US'),
          })
          .strict(),
      )
      .min(1, 'at least one user (the demo admin) is required'),
    customers: z.array(customerSchema).default([]),
    records: z
      .object({
        Account: z.array(record).default([]),
        Contact: z.array(record).default([]),
        Lead: z.array(record).default([]),
        Case: z.array(record).default([]),
        Opportunity: z.array(record).default([]),
        Task: z.array(record).default([]),
      })
      .strict(),
  })
  .strict();
export type RecordsFile = z.infer<typeof recordsFileSchema>;

export const DEMO_RECORDS_PATH = fileURLToPath(new URL('./data/demo-records.json', import.meta.url));

/**
 * Parses and validates records: a path to a JSON file, an object, or nothing (the built-in demo
 * records). Throws RecordsError listing every problem.
 */
export function loadRecordsFile(source?: string | unknown): RecordsFile {
  let raw: unknown = source;
  if (source === undefined) raw = JSON.parse(readFileSync(DEMO_RECORDS_PATH, 'utf8'));
  else if (typeof source === 'string') {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new RecordsError([`cannot read records file ${source}: ${(error as Error).message}`]);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new RecordsError([`records file ${source} is not JSON: ${(error as Error).message}`]);
    }
  }
  const parsed = recordsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RecordsError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}

export function toRecordsData(file: RecordsFile): RecordsData {
  const records: Record<string, RecordsData['records'][string]> = {};
  // Parents first, so the order of a file's sections does not matter for readers.
  for (const type of [...RECORD_OBJECTS, 'Task'] as const) records[type] = file.records[type];
  return { organization: file.organization, users: file.users, records };
}

/** Loads and validates records into a fresh Database. */
export function openDatabase(source?: string | unknown, now?: () => number): { db: Database; file: RecordsFile } {
  const file = loadRecordsFile(source);
  return { db: new Database(toRecordsData(file), now), file };
}
