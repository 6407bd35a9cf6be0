/**
 * Omni-Channel presence as `lightning:omniToolkitAPI` sees it: service presence statuses (with
 * their channels; none means "away"), login/logout, status changes with the documented `reason`
 * values, agent work (assign/accept/decline/close) and workload/capacity. Every change is kept in
 * a history so tests can count changes (no echo loops) and every toolkit event is reported to a
 * sink (the LMS bridge publishes it to the softphone).
 */
import { z } from 'zod';
import { makeId } from './ids.js';

export const OMNI_REASONS = [
  'OmniToolkitStatusChange',
  'OmniPushTimeout',
  'OmniDeclineWork',
  'OmniManualStatusChange',
  'OmniSupervisorStatusChange',
  'OmniLoginStatusChange',
] as const;
export type OmniReason = (typeof OMNI_REASONS)[number];

export const presenceStatusSchema = z
  .object({
    statusId: z.string().regex(/^0N5[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/, 'a ServicePresenceStatus id starts with 0N5'),
    statusApiName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    statusName: z.string().min(1),
    channels: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)),
  })
  .strict();
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

function channelId(developerName: string, index: number): string {
  return makeId('0N9', index + 1, developerName === 'sfdc_phone' ? 'Ph0' : 'Ch0');
}

/** Demo statuses: two routable, two away (Busy for CIC calls, Break). */
export const DEMO_PRESENCE_STATUSES: PresenceStatus[] = [
  { statusId: makeId('0N5', 1), statusApiName: 'Available', statusName: 'Available', channels: ['sfdc_case', 'sfdc_chat'] },
  { statusId: makeId('0N5', 2), statusApiName: 'Available_Cases', statusName: 'Available - Cases Only', channels: ['sfdc_case'] },
  { statusId: makeId('0N5', 3), statusApiName: 'Busy_On_Phone', statusName: 'Busy - On Phone', channels: [] },
  { statusId: makeId('0N5', 4), statusApiName: 'Break', statusName: 'Break', channels: [] },
];

export interface OmniEvent {
  readonly name: string;
  readonly params: Record<string, string | number | null>;
}

export interface AgentWork {
  workId: string;
  workItemId: string;
  capacityWeight: number;
  state: 'Assigned' | 'Opened' | 'Declined' | 'Closed';
  flagged: boolean;
}

export interface OmniChange {
  readonly seq: number;
  readonly at: string;
  readonly kind: 'login' | 'status' | 'logout';
  readonly fromStatusApiName: string | null;
  readonly toStatusApiName: string | null;
  readonly reason: OmniReason | null;
  /** Who asked: the toolkit (a bridge/softphone), the agent in the widget, or a test/supervisor control. */
  readonly origin: 'toolkit' | 'agent' | 'control';
}

export class OmniError extends Error {}

export class OmniPresence {
  private loggedIn = false;
  private statusId: string | null = null;
  private baseWorkload = 0;
  private works: AgentWork[] = [];
  private workCounter = 0;
  private seq = 0;
  readonly history: OmniChange[] = [];
  readonly events: Array<OmniEvent & { seq: number }> = [];
  private eventSeq = 0;

  constructor(
    readonly statuses: readonly PresenceStatus[],
    private configuredCapacity: number,
    private readonly now: () => number,
    private readonly sink: (event: OmniEvent) => void,
  ) {}

  // --- queries -----------------------------------------------------------------------------------

  get isLoggedIn(): boolean {
    return this.loggedIn;
  }

  current(): PresenceStatus | null {
    return this.statuses.find((s) => s.statusId === this.statusId) ?? null;
  }

  workload(): number {
    return this.baseWorkload + this.works.filter((w) => w.state === 'Assigned' || w.state === 'Opened').reduce((n, w) => n + w.capacityWeight, 0);
  }

  capacity(): number {
    return this.configuredCapacity;
  }

  agentWorks(): readonly AgentWork[] {
    return this.works;
  }

  findStatus(ref: { statusId?: string; statusApiName?: string }): PresenceStatus | undefined {
    return this.statuses.find(
      (s) => (ref.statusId !== undefined && s.statusId.slice(0, 15) === ref.statusId.slice(0, 15)) || (ref.statusApiName !== undefined && s.statusApiName === ref.statusApiName),
    );
  }

  channelsJson(status: PresenceStatus | null): string {
    return JSON.stringify((status?.channels ?? []).map((developerName, i) => ({ channelId: channelId(developerName, i), developerName })));
  }

  // --- changes -----------------------------------------------------------------------------------

  /** Log in (or change status while logged in) to a status. */
  setStatus(status: PresenceStatus, reason: OmniReason, origin: OmniChange['origin']): void {
    const before = this.current();
    if (!this.loggedIn) {
      this.loggedIn = true;
      this.statusId = status.statusId;
      this.record('login', before, status, reason, origin);
      this.emit('omniChannelLoginSuccess', { statusId: status.statusId });
    } else {
      this.statusId = status.statusId;
      this.record('status', before, status, reason, origin);
    }
    this.emit('omniChannelStatusChanged', {
      statusId: status.statusId,
      channels: this.channelsJson(status),
      statusName: status.statusName,
      statusApiName: status.statusApiName,
      reason,
    });
  }

  logout(origin: OmniChange['origin']): void {
    if (!this.loggedIn) return;
    const before = this.current();
    this.loggedIn = false;
    this.statusId = null;
    this.record('logout', before, null, null, origin);
    this.emit('omniChannelLogout', {});
  }

  setWorkload(workload: number, configuredCapacity?: number): void {
    const previous = this.workload();
    const derived = previous - this.baseWorkload;
    this.baseWorkload = Math.max(0, workload - derived);
    if (configuredCapacity !== undefined) this.configuredCapacity = configuredCapacity;
    this.emitWorkload(previous);
  }

  assignWork(capacityWeight: number, workItemId?: string): AgentWork {
    if (!this.loggedIn) throw new OmniError('the agent is not logged in to Omni-Channel');
    const previous = this.workload();
    this.workCounter += 1;
    const work: AgentWork = {
      workId: makeId('0Bz', this.workCounter),
      workItemId: workItemId ?? makeId('500', 900 + this.workCounter, 'Wk0'),
      capacityWeight,
      state: 'Assigned',
      flagged: false,
    };
    this.works.push(work);
    this.emit('omniChannelWorkAssigned', { workItemId: work.workItemId, workId: work.workId });
    this.emitWorkload(previous);
    return work;
  }

  acceptWork(workId: string): void {
    const work = this.work(workId, ['Assigned']);
    work.state = 'Opened';
    this.emit('omniChannelWorkAccepted', { workItemId: work.workItemId, workId: work.workId });
  }

  declineWork(workId: string): void {
    const work = this.work(workId, ['Assigned']);
    const previous = this.workload();
    work.state = 'Declined';
    this.emit('omniChannelWorkDeclined', { workItemId: work.workItemId, workId: work.workId });
    this.emitWorkload(previous);
  }

  closeWork(workId: string): void {
    const work = this.work(workId, ['Assigned', 'Opened']);
    const previous = this.workload();
    work.state = 'Closed';
    this.emit('omniChannelWorkClosed', { workItemId: work.workItemId, workId: work.workId });
    this.emitWorkload(previous);
  }

  flagWork(workId: string, raised: boolean): void {
    const work = this.work(workId, ['Assigned', 'Opened']);
    work.flagged = raised;
    this.emit('omniChannelWorkFlagUpdated', { workItemId: work.workItemId, workId: work.workId, isFlagged: String(raised) });
  }

  private work(workId: string, states: AgentWork['state'][]): AgentWork {
    const work = this.works.find((w) => w.workId.slice(0, 15) === workId.slice(0, 15));
    if (!work) throw new OmniError(`no agent work ${workId}`);
    if (!states.includes(work.state)) throw new OmniError(`agent work ${workId} is ${work.state}`);
    return work;
  }

  private emitWorkload(previous: number): void {
    const next = this.workload();
    if (next === previous) return;
    this.emit('omniChannelWorkloadChanged', {
      configuredCapacity: this.configuredCapacity,
      previousWorkload: previous,
      newWorkload: next,
      configuredInterruptibleCapacity: 0,
      previousInterruptibleWorkload: 0,
      newInterruptibleWorkload: 0,
    });
  }

  private record(
    kind: OmniChange['kind'],
    before: PresenceStatus | null,
    after: PresenceStatus | null,
    reason: OmniReason | null,
    origin: OmniChange['origin'],
  ): void {
    this.seq += 1;
    this.history.push({
      seq: this.seq,
      at: new Date(this.now()).toISOString(),
      kind,
      fromStatusApiName: before?.statusApiName ?? null,
      toStatusApiName: after?.statusApiName ?? null,
      reason,
      origin,
    });
  }

  private emit(name: string, params: OmniEvent['params']): void {
    this.eventSeq += 1;
    this.events.push({ seq: this.eventSeq, name, params });
    this.sink({ name, params });
  }
}
