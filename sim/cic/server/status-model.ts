/**
 * Status messages as ICWS reports them, which statuses a user may pick, and validation of a
 * status change (`PUT /status/user-statuses/{userId}`).
 */
import { Right } from '../telephony/host.js';
import type { SiteUser, StatusMessage } from '../site/site.js';
import { SimErrorId } from './errors.js';
import { ErrorId, HttpError } from './http-util.js';
import type { Until } from './presence.js';
import type { StatusUpdate, World } from './world.js';

export function statusMessageJson(s: StatusMessage): Record<string, unknown> {
  return {
    statusId: s.statusId,
    messageText: s.messageText,
    iconUri: s.iconUri,
    groupTag: s.groupTag,
    canHaveDate: s.canHaveDate,
    canHaveTime: s.canHaveTime,
    isDoNotDisturbStatus: s.isDoNotDisturbStatus,
    isSelectableStatus: s.isSelectableStatus,
    isPersistentStatus: s.isPersistentStatus,
    isForwardStatus: s.isForwardStatus,
    isAfterCallWorkStatus: s.isAfterCallWorkStatus,
    isAcdStatus: s.isAcdStatus,
    isAllowFollowUpStatus: s.isAllowFollowUpStatus,
    systemId: s.systemId,
  };
}

/** Status ids the user may select. */
export function selectableStatusIds(world: World, user: SiteUser): string[] {
  const allowed = user.statusAccess?.map((s) => s.toLowerCase());
  return world.site.statuses
    .filter((s) => s.isSelectableStatus && (allowed === undefined || allowed.includes(s.statusId.toLowerCase())))
    .map((s) => s.statusId);
}

export interface StatusRequest {
  readonly statusId: string;
  readonly notes?: string | undefined;
  readonly forwardNumber?: string | undefined;
  readonly until?: Until | null | undefined;
}

/**
 * Checks a status change made by `actor` (a session's user) for `target`. Another user's status
 * needs the supervisor flag; the status must be selectable for the target; a forward status needs a
 * forward number (the last one used counts); notes need the Status Notes right; `until` needs a
 * status that can have a date or time.
 */
export function validateStatusChange(world: World, actor: SiteUser | null, target: SiteUser, request: StatusRequest): StatusUpdate {
  const status = world.site.status(request.statusId);
  if (status === undefined) {
    throw new HttpError(400, SimErrorId.unknownStatus, `There is no status "${request.statusId}".`, { propertyName: 'statusId' });
  }
  if (actor !== null) {
    const self = actor.userId.toLowerCase() === target.userId.toLowerCase();
    if (!self && !actor.supervisor) {
      throw new HttpError(403, ErrorId.accessDenied, `You are not allowed to change the status of ${target.userId}.`);
    }
    if (!selectableStatusIds(world, target).some((id) => id.toLowerCase() === status.statusId.toLowerCase())) {
      throw new HttpError(403, SimErrorId.statusNotAllowed, `The status "${status.statusId}" cannot be selected.`, {
        propertyName: 'statusId',
      });
    }
    if (request.notes !== undefined && request.notes !== '' && !actor.rightSet.has(Right.StatusNotes)) {
      throw new HttpError(403, ErrorId.accessDenied, 'You are not allowed to set status notes.', { propertyName: 'notes' });
    }
  }
  let forwardNumber = request.forwardNumber;
  if (status.isForwardStatus) {
    forwardNumber ??= world.presenceOf(target.userId).previous.get(status.statusId.toLowerCase())?.forwardNumber;
    if (forwardNumber === undefined || forwardNumber.trim() === '') {
      throw new HttpError(400, ErrorId.missingProperty, `The status "${status.statusId}" needs a forwardNumber.`, {
        propertyName: 'forwardNumber',
      });
    }
  }
  if (request.until && !status.canHaveDate && !status.canHaveTime) {
    throw new HttpError(400, ErrorId.invalidProperty, `The status "${status.statusId}" cannot have an until date or time.`, {
      propertyName: 'until',
    });
  }
  return {
    statusId: status.statusId,
    notes: request.notes,
    forwardNumber,
    until: request.until ?? null,
  };
}
