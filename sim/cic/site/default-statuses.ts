/**
 * The CIC default status list, spelled as Interaction Connect lists it ("Possible Status Values"),
 * with the flags ICWS reports for each status message. The flags are the simulator's reading of
 * the vendor help: only `Available` is ACD-available; `Available, Forward` needs a forward number;
 * `Follow Up` is the after-call-work status; `ACD - Agent Not Answering` is set by the system and
 * cannot be selected; `Working at Home` is the one away status that is not do-not-disturb.
 */
import type { SiteInput } from './schema.js';

type StatusInput = NonNullable<SiteInput['statuses']>[number];

function status(statusId: string, groupTag: string, flags: Partial<StatusInput> = {}): StatusInput {
  return {
    statusId,
    messageText: statusId,
    groupTag,
    canHaveDate: false,
    canHaveTime: false,
    isDoNotDisturbStatus: false,
    isSelectableStatus: true,
    isPersistentStatus: false,
    isForwardStatus: false,
    isAfterCallWorkStatus: false,
    isAcdStatus: false,
    isAllowFollowUpStatus: false,
    ...flags,
  };
}

const dated = { canHaveDate: true, canHaveTime: true };
const timed = { canHaveTime: true };
const dnd = { isDoNotDisturbStatus: true };

export const defaultStatuses: readonly StatusInput[] = [
  status('ACD - Agent Not Answering', 'Unavailable', { isSelectableStatus: false }),
  status('At a Training Session', 'Unavailable', { ...dnd, ...dated }),
  status('At Lunch', 'Unavailable', { ...dnd, ...timed }),
  status('Available', 'Available', { isAcdStatus: true, isAllowFollowUpStatus: true }),
  status('Available, Follow-Me', 'Available', { isAllowFollowUpStatus: true }),
  status('Available, Forward', 'Available', { isForwardStatus: true, isAllowFollowUpStatus: true }),
  status('Available, No ACD', 'Available', { isAllowFollowUpStatus: true }),
  status('Away From Desk', 'Unavailable', { ...dnd, ...timed }),
  status('Do Not Disturb', 'Unavailable', { ...dnd, ...timed }),
  status('Follow Up', 'FollowUp', { isAfterCallWorkStatus: true }),
  status('Gone Home', 'Unavailable', { ...dnd, ...dated }),
  status('In a Meeting', 'Unavailable', { ...dnd, ...timed }),
  status('On Vacation', 'Unavailable', { ...dnd, ...dated }),
  status('Out of the Office', 'Unavailable', { ...dnd, ...dated }),
  status('Out of Town', 'Unavailable', { ...dnd, ...dated }),
  status('Working at Home', 'Available', { ...dated }),
];

/** The statuses that keep direct calls ringing (every other status sends them to voicemail). */
export const ringingStatuses: ReadonlySet<string> = new Set(['Available', 'Available, Forward', 'Available, No ACD']);
