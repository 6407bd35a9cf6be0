/**
 * The engine's state and its change-reporting machinery.
 *
 * Every public engine call runs inside {@link TelephonyCore.run}: it mutates interactions and
 * marks them dirty; when the outermost call finishes, `flush` re-derives each dirty interaction's
 * queues and attributes, reports the differences through `queueChanged`, re-runs ACD routing when
 * asked, updates `onPhone`, then delivers notices (history, snippets, deallocation) in order.
 * Listener callbacks may call back into the engine; such calls join the running flush.
 */
import type { TimerHandle } from '../clock.js';
import { isDisconnected, type ObjectType, type State } from './attributes.js';
import type { QueueChange, QueueEntry, TelephonyHost, TelephonyListener, UserInfo } from './host.js';
import {
  isVoice,
  newInteraction,
  queueKey,
  type Consult,
  type Interaction,
  type TimerKind,
} from './model.js';
import { attributesFor, baseAttributes, desiredQueues, type ViewContext } from './view.js';

/** States in which a voice leg occupies its agent (no ACD offer while one exists). */
const BUSY_STATES = 'ACHRSX';
/** States in which the agent is on the phone (`onPhone`). */
const ON_PHONE_STATES = 'CHRSX';

/** Removes and returns the oldest member of a non-empty set. */
function takeFirst(set: Set<string>): string {
  const [value] = set;
  if (value === undefined) throw new Error('takeFirst on an empty set');
  set.delete(value);
  return value;
}

interface AgentMemo {
  onPhone: boolean;
  busy: boolean;
  /** When the agent last came off the phone (their last call ended or left them). */
  lastVoiceEnd: number;
  /** Whether the agent was last seen ready for ACD, and since when. */
  ready: boolean | null;
  readySince: number;
}

export class TelephonyCore implements ViewContext {
  readonly interactions = new Map<string, Interaction>();
  readonly consults = new Map<string, Consult>();
  /** Queue key → interaction ids in the order they joined the queue. */
  readonly queueIndex = new Map<string, Set<string>>();
  /** User id → interactions they own. */
  readonly ownerIndex = new Map<string, Set<string>>();
  readonly agents = new Map<string, AgentMemo>();
  /** ACD routing, installed by the routing module. */
  router: () => void = () => undefined;

  #nextId = 1_001_000_001;
  #nextConsult = 1;
  #nextSnippet = 1;
  #acdSeq = 0;
  #depth = 0;
  #needRoute = false;
  readonly #dirty = new Set<string>();
  readonly #dirtyUsers = new Set<string>();
  readonly #notices: (() => void)[] = [];
  readonly #timers = new Map<number, TimerHandle>();

  constructor(
    readonly host: TelephonyHost,
    readonly listener: TelephonyListener,
  ) {}

  now(): number {
    return this.host.clock.now();
  }

  get(id: string): Interaction | undefined {
    return this.interactions.get(id);
  }

  /** The user with the host's canonical id spelling. */
  user(userId: string): UserInfo | undefined {
    return this.host.user(userId);
  }

  create(objectType: ObjectType): Interaction {
    const ix = newInteraction(String(this.#nextId++), objectType, this.now());
    this.interactions.set(ix.id, ix);
    this.touch(ix);
    return ix;
  }

  newConsultId(): string {
    return String(7_000_000 + this.#nextConsult++);
  }

  newSnippetId(): string {
    return `00000000-0000-4000-8000-${String(this.#nextSnippet++).padStart(12, '0')}`;
  }

  nextAcdSeq(): number {
    return this.#acdSeq++;
  }

  /** Marks an interaction (and the leg it talks to) for re-reporting at the next flush. */
  touch(ix: Interaction): void {
    this.#dirty.add(ix.id);
    if (ix.owner !== null) this.#dirtyUsers.add(ix.owner);
    if (ix.peerId !== null) this.#dirty.add(ix.peerId);
  }

  touchUser(userId: string): void {
    this.#dirtyUsers.add(userId);
    for (const id of this.ownerIndex.get(userId) ?? []) this.#dirty.add(id);
  }

  requestRoute(): void {
    this.#needRoute = true;
  }

  setState(ix: Interaction, state: State, text: string): void {
    ix.state = state;
    ix.stateText = text;
    this.touch(ix);
  }

  setOwner(ix: Interaction, userId: string | null): void {
    if (ix.owner === userId) return;
    if (ix.owner !== null) {
      this.ownerIndex.get(ix.owner)?.delete(ix.id);
      this.#dirtyUsers.add(ix.owner);
    }
    ix.owner = userId;
    ix.ownerConnected = false;
    if (userId !== null) {
      let owned = this.ownerIndex.get(userId);
      if (owned === undefined) this.ownerIndex.set(userId, (owned = new Set()));
      owned.add(ix.id);
    }
    this.touch(ix);
  }

  /** Live interactions the user owns, oldest first. */
  owned(userId: string): Interaction[] {
    const out: Interaction[] = [];
    for (const id of this.ownerIndex.get(userId) ?? []) {
      const ix = this.interactions.get(id);
      if (ix !== undefined && !isDisconnected(ix.state) && !ix.deallocated) out.push(ix);
    }
    return out;
  }

  /** Whether the agent has a voice leg that keeps ACD away (alerting, talking, held, dialing). */
  isBusy(userId: string): boolean {
    return this.owned(userId).some((ix) => isVoice(ix) && BUSY_STATES.includes(ix.state));
  }

  memo(userId: string): AgentMemo {
    let memo = this.agents.get(userId);
    if (memo === undefined) {
      memo = { onPhone: false, busy: false, lastVoiceEnd: 0, ready: null, readySince: 0 };
      this.agents.set(userId, memo);
    }
    return memo;
  }

  // Timers -------------------------------------------------------------------------------

  /** Starts (or restarts) the interaction's timer of this kind; it fires inside `run`. */
  after(ix: Interaction, kind: TimerKind, ms: number, fire: () => void): void {
    this.cancel(ix, kind);
    const handle = this.host.clock.setTimeout(() => {
      this.#timers.delete(handle.id);
      if (ix.timers.get(kind) !== handle) return;
      ix.timers.delete(kind);
      try {
        this.run(fire);
      } catch (error) {
        // A timer has no request to fail; keep the simulator running and say what went wrong.
        console.error(`telephony: ${kind} timer of interaction ${ix.id} failed`, error);
      }
    }, ms);
    ix.timers.set(kind, handle);
    this.#timers.set(handle.id, handle);
  }

  cancel(ix: Interaction, kind: TimerKind): void {
    const handle = ix.timers.get(kind);
    if (handle === undefined) return;
    this.host.clock.clearTimeout(handle);
    this.#timers.delete(handle.id);
    ix.timers.delete(kind);
  }

  cancelAll(ix: Interaction): void {
    for (const kind of [...ix.timers.keys()]) this.cancel(ix, kind);
  }

  // Running and flushing -----------------------------------------------------------------

  notice(deliver: () => void): void {
    this.#notices.push(deliver);
  }

  run<T>(work: () => T): T {
    this.#depth++;
    try {
      return work();
    } finally {
      try {
        if (this.#depth === 1) this.#flush();
      } finally {
        this.#depth--;
      }
    }
  }

  #flush(): void {
    for (;;) {
      if (this.#dirtyUsers.size > 0) {
        const userId = takeFirst(this.#dirtyUsers);
        this.#updateAgent(userId);
      } else if (this.#needRoute) {
        this.#needRoute = false;
        this.router();
      } else if (this.#dirty.size > 0) {
        const ix = this.interactions.get(takeFirst(this.#dirty));
        if (ix !== undefined) this.#sync(ix);
      } else if (this.#notices.length > 0) {
        this.#notices.shift()?.();
      } else {
        return;
      }
    }
  }

  #updateAgent(userId: string): void {
    const memo = this.memo(userId);
    const legs = this.owned(userId).filter(isVoice);
    const busy = legs.some((ix) => BUSY_STATES.includes(ix.state));
    const onPhone = legs.some((ix) => ON_PHONE_STATES.includes(ix.state));
    // A freed agent may take the next ACD call; idle time starts when a call (not an alert) ends.
    if (memo.busy && !busy) this.#needRoute = true;
    memo.busy = busy;
    if (memo.onPhone && !onPhone) memo.lastVoiceEnd = this.now();
    if (memo.onPhone !== onPhone) {
      memo.onPhone = onPhone;
      this.notice(() => this.listener.onPhoneChanged(userId, onPhone));
    }
  }

  /** Reports the difference between what each queue was told and what it should show now. */
  #sync(ix: Interaction): void {
    const desired = new Map(desiredQueues(this, ix).map((d) => [queueKey(d.queue), d]));
    for (const [key, membership] of [...ix.memberships]) {
      if (desired.has(key)) continue;
      ix.memberships.delete(key);
      this.queueIndex.get(key)?.delete(ix.id);
      this.#emit({
        queue: membership.queue,
        kind: 'removed',
        entry: membership.entry,
        changedAttributes: [],
      });
    }
    if (desired.size === 0) return;
    const base = baseAttributes(this, ix);
    const parent = ix.conferenceId ?? undefined;
    for (const [key, { queue, viewer }] of desired) {
      const attributes = attributesFor(this, ix, viewer, base);
      const entry: QueueEntry =
        parent === undefined
          ? { interactionId: ix.id, attributes }
          : { interactionId: ix.id, attributes, conferenceParentId: parent };
      const existing = ix.memberships.get(key);
      if (existing === undefined) {
        ix.memberships.set(key, { queue, viewer, entry });
        let members = this.queueIndex.get(key);
        if (members === undefined) this.queueIndex.set(key, (members = new Set()));
        members.add(ix.id);
        this.#emit({ queue, kind: 'added', entry, changedAttributes: [] });
        continue;
      }
      const before = existing.entry.attributes;
      const changed = [...new Set([...Object.keys(before), ...Object.keys(attributes)])].filter(
        (name) => before[name] !== attributes[name],
      );
      if (changed.length === 0 && existing.entry.conferenceParentId === parent) continue;
      existing.entry = entry;
      this.#emit({ queue: existing.queue, kind: 'changed', entry, changedAttributes: changed });
    }
  }

  #emit(change: QueueChange): void {
    this.listener.queueChanged(change);
  }

  /** Drops every interaction and timer without reporting anything. */
  reset(): void {
    for (const handle of this.#timers.values()) this.host.clock.clearTimeout(handle);
    this.#timers.clear();
    this.interactions.clear();
    this.consults.clear();
    this.queueIndex.clear();
    this.ownerIndex.clear();
    this.agents.clear();
    this.#dirty.clear();
    this.#dirtyUsers.clear();
    this.#notices.length = 0;
    this.#needRoute = false;
  }
}
