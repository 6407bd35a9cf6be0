/**
 * A small site for the engine's tests: users with rights, two workgroups, an attendant profile,
 * mutable agent presence on a ManualClock, and a listener that records everything it is told.
 * Used only by `*.test.ts` beside it.
 */
import { ManualClock } from '../clock.js';
import { createTelephonyEngine } from './engine.js';
import type { TelephonyEngine } from './engine-api.js';
import {
  License,
  QueueType,
  Right,
  type AgentState,
  type AttendantProfileInfo,
  type HistoryEntry,
  type QueueChange,
  type QueueEntry,
  type QueueId,
  type TelephonyHost,
  type TelephonyListener,
  type UserInfo,
  type WorkgroupInfo,
} from './host.js';

export const ALL_RIGHTS: readonly string[] = Object.values(Right);
export const NOT_ANSWERING = 'ACD - Agent Not Answering';
export const DEALLOCATE_MS = 120_000;

export interface UserSpec {
  userId: string;
  extension: string;
  rights?: readonly string[];
  licenses?: readonly string[];
  workgroups?: readonly string[];
  isSupervisor?: boolean;
}

function userInfo(spec: UserSpec): UserInfo {
  return {
    userId: spec.userId,
    displayName: `${spec.userId[0]?.toUpperCase() ?? ''}${spec.userId.slice(1)} Name`,
    extension: spec.extension,
    rights: new Set(spec.rights ?? ALL_RIGHTS),
    licenses: new Set(spec.licenses ?? [License.ClientAccess, License.BasicStation, License.RecorderAccess]),
    workgroups: spec.workgroups ?? [],
    isSupervisor: spec.isSupervisor ?? false,
  };
}

export const USERS: readonly UserSpec[] = [
  { userId: 'agent1', extension: '1001', workgroups: ['Support'] },
  { userId: 'agent2', extension: '1002', workgroups: ['Support'] },
  { userId: 'agent3', extension: '1003', workgroups: ['Support', 'Sales'] },
  { userId: 'agent4', extension: '1004', workgroups: ['Sales'] },
  { userId: 'limited', extension: '1005', rights: [Right.PickupInteractions], licenses: [] },
  { userId: 'sup', extension: '1009', isSupervisor: true },
];

export const WORKGROUPS: readonly WorkgroupInfo[] = [
  {
    name: 'Support',
    extension: '7000',
    members: ['agent1', 'agent2', 'agent3'],
    alertTimeoutSeconds: 10,
    wrapUpCodes: ['Resolved', 'Escalated'],
  },
  {
    name: 'Sales',
    extension: '7100',
    members: ['agent3', 'agent4'],
    alertTimeoutSeconds: 15,
    wrapUpCodes: [],
  },
];

export const ATTENDANT: AttendantProfileInfo = { name: 'Main Menu', extension: '7500' };

type MutableAgent = { -readonly [K in keyof AgentState]: AgentState[K] };

export class FakeHost implements TelephonyHost {
  readonly clock = new ManualClock();
  readonly notAnsweringStatusId = NOT_ANSWERING;
  readonly deallocateAfterMs = DEALLOCATE_MS;
  readonly users = new Map<string, UserInfo>();
  readonly workgroups = new Map<string, WorkgroupInfo>();
  readonly agents = new Map<string, MutableAgent>();
  readonly statusSets: { userId: string; statusId: string }[] = [];
  /** Set by the kit: the session layer would tell the engine about the status change. */
  onStatusSet: (userId: string) => void = () => undefined;

  constructor(users: readonly UserSpec[] = USERS) {
    for (const spec of users) this.users.set(spec.userId.toLowerCase(), userInfo(spec));
    for (const wg of WORKGROUPS) this.workgroups.set(wg.name.toLowerCase(), wg);
  }

  user(userId: string): UserInfo | undefined {
    return this.users.get(userId.toLowerCase());
  }
  userByExtension(extension: string): UserInfo | undefined {
    return [...this.users.values()].find((u) => u.extension === extension);
  }
  workgroup(name: string): WorkgroupInfo | undefined {
    return this.workgroups.get(name.toLowerCase());
  }
  workgroupByExtension(extension: string): WorkgroupInfo | undefined {
    return [...this.workgroups.values()].find((w) => w.extension === extension);
  }
  attendantProfile(nameOrExtension: string): AttendantProfileInfo | undefined {
    const key = nameOrExtension.toLowerCase();
    return key === ATTENDANT.name.toLowerCase() || key === ATTENDANT.extension ? ATTENDANT : undefined;
  }
  agent(userId: string): AgentState | undefined {
    return this.agents.get(userId.toLowerCase());
  }
  setSystemStatus(userId: string, statusId: string): void {
    this.statusSets.push({ userId, statusId });
    const agent = this.agents.get(userId.toLowerCase());
    if (agent !== undefined) {
      agent.statusId = statusId;
      agent.statusIsAcd = false;
      agent.statusSendsToVoicemail = true;
    }
    this.onStatusSet(userId);
  }
}

export class RecordingListener implements TelephonyListener {
  readonly changes: QueueChange[] = [];
  readonly history: { userId: string; entry: HistoryEntry }[] = [];
  readonly phone: { userId: string; onPhone: boolean }[] = [];
  readonly snippets: { interactionId: string; recordingSnippetId: string }[] = [];
  readonly deallocated: string[] = [];

  queueChanged(change: QueueChange): void {
    this.changes.push(change);
  }
  historyAdded(userId: string, entry: HistoryEntry): void {
    this.history.push({ userId, entry });
  }
  onPhoneChanged(userId: string, onPhone: boolean): void {
    this.phone.push({ userId, onPhone });
  }
  snippetCreated(interactionId: string, recordingSnippetId: string): void {
    this.snippets.push({ interactionId, recordingSnippetId });
  }
  interactionDeallocated(interactionId: string): void {
    this.deallocated.push(interactionId);
  }
  clear(): void {
    this.changes.length = 0;
    this.history.length = 0;
    this.phone.length = 0;
    this.snippets.length = 0;
    this.deallocated.length = 0;
  }
}

export const userQueue = (userId: string): QueueId => ({ queueType: QueueType.User, queueName: userId });
export const workgroupQueue = (name: string): QueueId => ({
  queueType: QueueType.Workgroup,
  queueName: name,
});

export interface Kit {
  readonly host: FakeHost;
  readonly clock: ManualClock;
  readonly listener: RecordingListener;
  readonly engine: TelephonyEngine;
  /** Logs the agent on to a workstation with a status; `available` makes it an ACD status. */
  login(userId: string, options?: { available?: boolean; activated?: readonly string[] }): void;
  /** Changes presence and tells the engine, as the session layer does. */
  setAgent(userId: string, patch: Partial<MutableAgent>): void;
  /** The attributes the user's queue shows for the interaction (`undefined` when absent). */
  attrs(userId: string, interactionId: string): Readonly<Record<string, string>> | undefined;
  entry(queue: QueueId, interactionId: string): QueueEntry | undefined;
  state(userId: string, interactionId: string): string | undefined;
}

export function makeKit(users?: readonly UserSpec[]): Kit {
  const host = new FakeHost(users);
  const listener = new RecordingListener();
  const engine = createTelephonyEngine(host, listener);
  host.onStatusSet = (userId) => engine.agentChanged(userId);
  const entry = (queue: QueueId, id: string): QueueEntry | undefined =>
    engine.queueContents(queue).find((e) => e.interactionId === id);
  return {
    host,
    clock: host.clock,
    listener,
    engine,
    login(userId, options = {}) {
      const user = host.user(userId);
      const available = options.available ?? true;
      host.agents.set(userId.toLowerCase(), {
        userId,
        loggedIn: true,
        station: {
          stationId: `station-${userId}`,
          extension: user?.extension ?? '',
          kind: 'workstation',
          persistent: false,
        },
        statusId: available ? 'Available' : 'Do Not Disturb',
        statusIsAcd: available,
        statusSendsToVoicemail: !available,
        activatedWorkgroups: new Set(options.activated ?? user?.workgroups ?? []),
      });
      engine.agentChanged(userId);
    },
    setAgent(userId, patch) {
      const agent = host.agents.get(userId.toLowerCase());
      if (agent === undefined) throw new Error(`${userId} is not logged in`);
      Object.assign(agent, patch);
      engine.agentChanged(userId);
    },
    attrs: (userId, id) => entry(userQueue(userId), id)?.attributes,
    entry,
    state: (userId, id) => entry(userQueue(userId), id)?.attributes['Eic_State'],
  };
}
