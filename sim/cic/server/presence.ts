/**
 * Per-user presence: status (with notes, forward number, until), on-phone flag, workgroup
 * activations and the remembered details of previously used statuses. Logged-in state and
 * stations come from the sessions, so `World` passes them in when it renders a `userStatus`.
 */
import type { Site, SiteUser } from '../site/site.js';
import { compactDate } from './wire.js';

export interface Until {
  readonly untilDateTime: number;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
}

export interface PreviousStatusInfo {
  readonly statusId: string;
  readonly notes: string;
  readonly forwardNumber?: string;
}

export interface Presence {
  readonly userId: string;
  statusId: string;
  notes: string;
  forwardNumber: string;
  until: Until | null;
  statusChanged: number;
  onPhone: boolean;
  onPhoneChanged: number;
  /** Workgroup name → activated. */
  readonly activations: Map<string, boolean>;
  /** Lower-case status id → what was last used with that status. */
  readonly previous: Map<string, PreviousStatusInfo>;
}

/** Every `userStatus` property name, in wire order. */
export const userStatusProperties = [
  'userId',
  'statusId',
  'notes',
  'forwardNumber',
  'until',
  'onPhone',
  'onPhoneChanged',
  'statusChanged',
  'stations',
  'icServers',
  'loggedIn',
] as const;
export type UserStatusProperty = (typeof userStatusProperties)[number];

export function initialPresence(site: Site, user: SiteUser, now: number): Presence {
  const fallback = site.status('Available') ?? site.statuses.find((s) => s.isSelectableStatus) ?? site.statuses[0];
  const initial = (user.initialStatusId !== undefined ? site.status(user.initialStatusId) : undefined) ?? fallback;
  const activations = new Map<string, boolean>();
  for (const name of user.memberOf) activations.set(name, site.workgroup(name)?.activeByDefault ?? true);
  return {
    userId: user.userId,
    statusId: initial?.statusId ?? 'Available',
    notes: '',
    forwardNumber: '',
    until: null,
    statusChanged: now,
    onPhone: false,
    onPhoneChanged: now,
    activations,
    previous: new Map(),
  };
}

export interface LiveInfo {
  readonly loggedIn: boolean;
  readonly stations: readonly string[];
  readonly icServer: string;
}

/** The full `status:userStatus` object. */
export function userStatusJson(p: Presence, live: LiveInfo): Record<UserStatusProperty, unknown> {
  return {
    userId: p.userId,
    statusId: p.statusId,
    notes: p.notes,
    forwardNumber: p.forwardNumber,
    until: p.until === null ? null : untilJson(p.until),
    onPhone: p.onPhone,
    onPhoneChanged: compactDate(p.onPhoneChanged),
    statusChanged: compactDate(p.statusChanged),
    stations: [...live.stations],
    icServers: live.loggedIn ? [live.icServer] : [],
    loggedIn: live.loggedIn,
  };
}

export function untilJson(until: Until): Record<string, unknown> {
  return { untilDateTime: compactDate(until.untilDateTime), hasDate: until.hasDate, hasTime: until.hasTime };
}

export function previousInfoJson(info: PreviousStatusInfo): Record<string, unknown> {
  return info.forwardNumber !== undefined && info.forwardNumber !== ''
    ? { statusId: info.statusId, notes: info.notes, forwardNumber: info.forwardNumber }
    : { statusId: info.statusId, notes: info.notes };
}
