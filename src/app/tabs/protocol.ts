/**
 * The messages the panel's tabs exchange over one same-origin channel (a `BroadcastChannel` in
 * browsers). One tab leads: it runs the runtime and the ports. The others mirror its state and
 * forward what the agent does. See docs/decisions/0009-one-session-many-tabs.md.
 *
 * Every message names its sender (`from`, a random tab id). Messages meant for one tab carry
 * `to`. The leader's messages carry its `epoch`, which grows with every change of leader, so a
 * late message from a leader that has gone is recognised and dropped.
 */
import type { CrmPort, Input, SoftphoneState } from '../../domain/index.js';

/** How much of the agent's attention a tab has. */
export interface TabVisibility {
  /** `document.visibilityState === 'visible'`. */
  readonly visible: boolean;
  /** The tab's document has focus. */
  readonly focused: boolean;
}

/**
 * A CRM port call the leader asks another tab to make: the ones that show the agent something
 * (screen pop, the panel, a record) go to the tab the agent looks at; the utility-bar item is
 * set in every tab (each Salesforce tab has its own utility bar).
 */
export type CrmCall =
  | { readonly op: 'screenPop'; readonly request: Parameters<CrmPort['screenPop']>[0] }
  | { readonly op: 'setPanelVisible'; readonly visible: boolean }
  | { readonly op: 'openRecord'; readonly recordId: string }
  | { readonly op: 'setUtility'; readonly request: Parameters<CrmPort['setUtility']>[0] };

/** `to` of a message for every tab. */
export const EVERY_TAB = '*';

export type TabMessage<S = unknown> =
  /** A tab opened: the leader answers with its state and the shared session. */
  | { readonly type: 'hello'; readonly from: string }
  /** A tab is closing (best effort: a crashed tab sends nothing; its lock tells instead). */
  | { readonly type: 'bye'; readonly from: string }
  /** A tab became leader. Followers re-send what the old leader had not applied. */
  | { readonly type: 'leader'; readonly from: string; readonly epoch: number }
  /**
   * The leader's state after one or more steps. `applied` lists the latest forwarded input ids the
   * leader has stepped, so followers know which of theirs arrived.
   */
  | {
      readonly type: 'state';
      readonly from: string;
      readonly epoch: number;
      readonly seq: number;
      readonly state: SoftphoneState;
      readonly applied: readonly string[];
    }
  /** The live CIC session for the next leader to adopt (`null` once logged off). In memory only. */
  | { readonly type: 'session'; readonly from: string; readonly epoch: number; readonly shared: S | null }
  /** An intent (or a tab's own CRM observation) for the leader to step. */
  | { readonly type: 'input'; readonly from: string; readonly id: string; readonly input: Input }
  /** A tab's visibility, sent on every change and whenever a leader asks. */
  | ({ readonly type: 'visibility'; readonly from: string } & TabVisibility)
  /** The leader asks tab `to` (or {@link EVERY_TAB}) to make a CRM call; one tab answers with `result`. */
  | { readonly type: 'run'; readonly from: string; readonly to: string; readonly id: string; readonly call: CrmCall }
  /** What running the effect gave (`value` is what the CRM port resolved with). */
  | {
      readonly type: 'result';
      readonly from: string;
      readonly to: string;
      readonly id: string;
      readonly ok: boolean;
      readonly value: unknown;
      readonly error: string | null;
    };

export type TabMessageType = TabMessage['type'];

const TYPES: ReadonlySet<string> = new Set<TabMessageType>([
  'hello',
  'bye',
  'leader',
  'state',
  'session',
  'input',
  'visibility',
  'run',
  'result',
]);

/**
 * Whether `data` looks like one of our messages. The channel is same-origin only, so this is a
 * guard against other code on the origin sharing the channel name, not against an attacker.
 */
export function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, from } = data as { type?: unknown; from?: unknown };
  return typeof type === 'string' && TYPES.has(type) && typeof from === 'string' && from !== '';
}

/** The same-origin channel the tabs talk over (a `BroadcastChannel`, or a fake in tests). */
export interface TabChannel {
  /** Sends to every other tab (never back to this one). */
  post(message: TabMessage): void;
  /** Calls `listener` with each message from another tab; returns an unsubscribe function. */
  listen(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

/** The part of `navigator.locks` the tabs use (Web Locks; a fake in Node tests). */
export interface LockManagerLike {
  request(
    name: string,
    options: { readonly signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
  /** Names of the locks held right now, by any tab of the origin. */
  query?(): Promise<{ readonly held?: readonly { readonly name?: string }[] }>;
}

/** Where a tab learns whether the agent is looking at it (injectable: headless tabs are all "visible"). */
export interface VisibilitySource {
  current(): TabVisibility;
  /** Calls `listener` after every change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
