/**
 * The CRM area of the softphone state: whether Salesforce (Open CTI) is there and configured,
 * one call log per interaction (the Task it becomes, its Name / Related To candidates, edit
 * window), the outbox of Task writes Salesforce has not confirmed, click-to-dial, and the
 * utility-bar item. Plain JSON, like all state; the leading tab stores the logs and the outbox
 * (`src/app/outbox-storage.ts`) and a reload restores them (`crm-restore.ts`).
 */
import type { CrmSettings } from './crm-config.js';
import type { CrmRecord } from './crm-records.js';
import type { CallType } from './screen-pop.js';

/** A Task field value as `saveLog` takes it. */
export type TaskValue = string | number | null;
/** Task fields by API name. */
export type TaskFields = Readonly<Record<string, TaskValue>>;

/** One problem in the call-center settings, for the admin. */
export interface CrmSettingProblem {
  /** `/section/item` path. */
  readonly setting: string;
  readonly message: string;
}

/** How Salesforce answered (or not) so far. */
export type CrmConnection =
  /** Waiting for Open CTI (or not inside Salesforce at all). */
  | { readonly phase: 'waiting' }
  | { readonly phase: 'ready'; readonly settings: CrmSettings; readonly problems: readonly CrmSettingProblem[] }
  | { readonly phase: 'unavailable'; readonly reason: string };

/** One interaction's call log (what the call-log view shows and the Task it becomes). */
export interface CallLog {
  readonly interactionId: string;
  readonly callType: CallType;
  /** `Call`, `Chat`, `Email`…, `Conference` for a conference. */
  readonly objectLabel: string;
  readonly conference: boolean;
  /** Remote number/address (the view's "Interaction" line). */
  readonly remoteAddress: string;
  readonly remoteName: string;
  /** First connect (local epoch ms); `null` until connected — no Task before that. */
  readonly connectedAt: number | null;
  readonly disconnectedAt: number | null;
  /** Subject; fixed at connect, the agent may edit it. */
  readonly subject: string | null;
  readonly description: string;
  /** Wrap-up code label (CallDisposition). */
  readonly disposition: string | null;
  readonly names: readonly CrmRecord[];
  readonly related: readonly CrmRecord[];
  readonly whoId: string | null;
  readonly whatId: string | null;
  /** The agent picked Name / Related To: later pops and navigation do not change the choice. */
  readonly whoChosen: boolean;
  readonly whatChosen: boolean;
  /** Attribute-mapped Task fields (setting `attributeMap`), refreshed from the interaction. */
  readonly mapped: TaskFields;
  /** The Task id once Salesforce created it. */
  readonly taskId: string | null;
  /** Fields Salesforce has confirmed (what the Task holds as far as we know). */
  readonly confirmed: TaskFields;
  /** "View in Salesforce": pop the Task once it is saved. */
  readonly openWhenSaved: boolean;
}

/** A Task write Salesforce has not confirmed. At most one per interaction. */
export interface OutboxEntry {
  readonly interactionId: string;
  /** Increases with every attempt; keys the effect. */
  readonly seq: number;
  /** `null`: create; otherwise update this Task. */
  readonly taskId: string | null;
  readonly fields: TaskFields;
  /**
   * `pending`: due, nothing in flight (e.g. restored after a reload); `sending`: a write (or, for
   * an uncertain create, the lookup) is in flight; `failed`: Salesforce refused, retried later.
   */
  readonly status: 'pending' | 'sending' | 'failed';
  /**
   * A create may have reached Salesforce without its answer reaching the panel (the page died, or
   * another tab took over, while it was in flight): the Task is looked up by `CallObject` before
   * anything is created again, so one interaction never becomes two Tasks.
   */
  readonly uncertain: boolean;
  readonly attempts: number;
  readonly error: string | null;
  /** Local epoch ms of the next attempt after a failure. */
  readonly retryAt: number | null;
}

/** Stored call logs waiting to be merged (after the first My Interactions snapshot). */
export interface RestoredCallLogs {
  readonly userId: string;
  readonly logs: readonly CallLog[];
  readonly outbox: readonly OutboxEntry[];
}

/** A click-to-dial call on its way. Repeated clicks are ignored while it dials. */
export interface ClickToDialState {
  readonly number: string;
  readonly names: readonly CrmRecord[];
  readonly related: readonly CrmRecord[];
  readonly requestId: string | null;
  readonly interactionId: string | null;
  readonly at: number;
}

export interface UtilityItem {
  /** SLDS utility icon name. */
  readonly icon: 'call' | 'incoming_call' | 'end_call' | 'offline';
  readonly status: 'loggedOut' | 'idle' | 'alerting' | 'onCall';
  /** Live interactions. */
  readonly count: number;
}

export interface CrmArea {
  readonly connection: CrmConnection;
  readonly logs: Readonly<Record<string, CallLog>>;
  readonly outbox: Readonly<Record<string, OutboxEntry>>;
  readonly nextSeq: number;
  /** Call logs restored from storage, held until My Interactions' snapshot says which calls live. */
  readonly restored: RestoredCallLogs | null;
  readonly dialing: ClickToDialState | null;
  /** Advanced Dial is open in Make a Call: click-to-dial prefills instead of dialing. */
  readonly advancedDial: boolean;
  /** A click-to-dial number waiting in Make a Call (Advanced Dial on). */
  readonly prefill: { readonly number: string; readonly names: readonly CrmRecord[]; readonly related: readonly CrmRecord[] } | null;
  /** The record the agent is looking at in Salesforce (navigation), if any. */
  readonly view: CrmRecord | null;
  /** What the utility-bar item last showed (changes emit `crm.utility`). */
  readonly utility: UtilityItem | null;
}

export function initialCrmArea(): CrmArea {
  return {
    connection: { phase: 'waiting' },
    logs: {},
    outbox: {},
    nextSeq: 1,
    restored: null,
    dialing: null,
    advancedDial: false,
    prefill: null,
    view: null,
    utility: null,
  };
}
