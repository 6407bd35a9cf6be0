/**
 * Phone numbers: normalisation, display text, the `common:phoneNumber` object and
 * `POST /phone-numbers/query-details` (what a dial string reaches: a user, a workgroup, a station,
 * an attendant profile or an external number).
 */
import type { World } from './world.js';

/** Digits with an optional leading +. */
export function digitsOf(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** `+13175550101` → `+1 317-555-0101`; other numbers are shown as typed. */
export function displayNumber(number: string): string {
  const d = digitsOf(number);
  const nanp = /^\+?1?(\d{3})(\d{3})(\d{4})$/.exec(d);
  if (nanp && (d.startsWith('+1') || d.length === 10 || d.length === 11)) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  return number.trim();
}

export function phoneNumberJson(number: string): Record<string, unknown> {
  const standardized = digitsOf(number);
  return {
    standardizedNumber: standardized,
    displayString: displayNumber(number),
    numberInfo: { baseNumber: standardized, extension: '', autoDialable: standardized.length >= 2 },
    editNumber: number,
    dialable: standardized.length >= 2,
  };
}

/** `phoneNumbers:phoneNumberDetails` queue types. */
const DetailQueueType = { None: 0, User: 2, Station: 3, Workgroup: 4 } as const;

export function queryDetails(world: World, raw: string): Record<string, unknown> {
  const digits = digitsOf(raw);
  const base = {
    rawText: raw,
    autoDialExtension: '',
    classifications: [] as string[],
    editBase: raw,
  };
  const internal = (
    extension: string,
    displayText: string,
    queueType: number,
    queueName: string,
    voicemailCapable: boolean,
  ): Record<string, unknown> => ({
    ...base,
    defaultClassification: 'Intercom',
    classifications: ['Intercom'],
    dialCapable: true,
    displayText,
    extension,
    internal: true,
    normalizedText: extension,
    queueName,
    queueType,
    voicemailCapable,
  });
  const user = world.site.userByExtension(digits) ?? world.site.user(raw.trim());
  if (user) return internal(user.extension, user.displayName, DetailQueueType.User, user.userId, true);
  const workgroup = world.site.workgroupByExtension(digits) ?? world.site.workgroup(raw.trim());
  if (workgroup) return internal(workgroup.extension, workgroup.name, DetailQueueType.Workgroup, workgroup.name, true);
  const station = world.site.stationByExtension(digits);
  if (station) return internal(station.extension, station.stationId, DetailQueueType.Station, station.stationId, false);
  const profile = world.site.attendantProfile(digits) ?? world.site.attendantProfile(raw.trim());
  if (profile) return internal(profile.extension, profile.name, DetailQueueType.None, '', false);
  const dialable = /^\+?\d{3,15}$/.test(digits);
  const international = digits.startsWith('+') && !digits.startsWith('+1');
  return {
    ...base,
    defaultClassification: !dialable ? 'Unknown' : international ? 'International' : 'Long Distance',
    classifications: dialable ? [international ? 'International' : 'Long Distance'] : [],
    dialCapable: dialable,
    displayText: displayNumber(raw),
    internal: false,
    normalizedText: digits,
    queueType: DetailQueueType.None,
    voicemailCapable: false,
  };
}
