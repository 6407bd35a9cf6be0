import type { Entitlements } from './rights.js';
import type { UserPrefs } from './effects.js';
import type { StepOutput } from './step-output.js';
import { defaultPanelConfig, type PanelConfig } from './panel-config.js';
import { initialSessionArea, sessionInfo, type SessionArea } from './session/session-state.js';
import { initialStationArea, type StationArea } from './station/station-state.js';
import { initialStatusArea, type StatusArea } from './status/status-state.js';
import { initialQueueArea, type QueueArea } from './interaction/interaction-state.js';
import { initialTransferArea, type TransferArea } from './transfer/transfer-state.js';
import { initialDialArea, type DialArea } from './dial/dial-state.js';
import { initialWrapUpArea, type WrapUpArea } from './wrap-up/wrap-up-state.js';
import { initialDirectoryArea, type DirectoryArea } from './directory/directory-state.js';
import { initialHistoryArea, type HistoryArea } from './history/history-state.js';
import { initialActivationArea, type ActivationArea } from './activation/activation-state.js';
import { initialNoticeArea, type NoticeArea } from './notices.js';
import { initialCrmArea, type CrmArea } from './crm-rules/crm-state.js';

/**
 * All agent state, as plain JSON data: records and arrays, times as epoch ms, no `undefined`
 * values (absent things are `null`), no Map/Set/Date/class instances. A mirroring tab can receive
 * it with `JSON.parse(JSON.stringify(state))` and render the same thing.
 */
export interface SoftphoneState {
  /** The latest local time the domain has been told (epoch ms). */
  readonly now: number;
  readonly config: PanelConfig;
  readonly pageHidden: boolean;
  readonly session: SessionArea;
  /** Rights and licences from configuration; `null` until read. */
  readonly entitlements: Entitlements | null;
  readonly prefs: { readonly loaded: boolean; readonly value: UserPrefs };
  readonly station: StationArea;
  readonly status: StatusArea;
  readonly queue: QueueArea;
  readonly transfer: TransferArea;
  readonly dial: DialArea;
  readonly wrapUp: WrapUpArea;
  readonly directory: DirectoryArea;
  readonly history: HistoryArea;
  readonly activations: ActivationArea;
  readonly notices: NoticeArea;
  /** Salesforce: call logs, their outbox, click-to-dial, the utility item. Survives logoff. */
  readonly crm: CrmArea;
  /** Whether the ring sound is playing (kept so start/stop effects are emitted on change only). */
  readonly ringing: boolean;
  /** Counter for request ids (`r1`, `r2`…) that correlate replies with requests. */
  readonly nextRequest: number;
}

/** Preferences before the agent's own are loaded. */
export function defaultUserPrefs(): UserPrefs {
  return { favourites: [], station: null, ringMuted: false };
}

/** The state of a panel that has just started, at local time `now`. */
export function initialSoftphoneState(now = 0): SoftphoneState {
  return {
    now,
    config: defaultPanelConfig(),
    pageHidden: false,
    session: initialSessionArea(),
    entitlements: null,
    prefs: { loaded: false, value: defaultUserPrefs() },
    station: initialStationArea(),
    status: initialStatusArea(),
    queue: initialQueueArea(),
    transfer: initialTransferArea(),
    dial: initialDialArea(),
    wrapUp: initialWrapUpArea(),
    directory: initialDirectoryArea(),
    history: initialHistoryArea(),
    activations: initialActivationArea(),
    notices: initialNoticeArea(),
    crm: initialCrmArea(),
    ringing: false,
    nextRequest: 1,
  };
}

/**
 * Drops everything that belonged to the agent's session (interactions, statuses, station,
 * preferences…) and keeps what belongs to the panel (configuration, server, page visibility,
 * notices, the request counter).
 */
export function clearAgentData(state: SoftphoneState): SoftphoneState {
  const fresh = initialSoftphoneState(state.now);
  return {
    ...fresh,
    config: state.config,
    pageHidden: state.pageHidden,
    session: state.session,
    notices: state.notices,
    crm: state.crm,
    ringing: state.ringing,
    nextRequest: state.nextRequest,
  };
}

/** The logged-on user's id, or `null` before authentication. */
export function currentUserId(state: SoftphoneState): string | null {
  return sessionInfo(state.session.current)?.userId ?? null;
}

/** Allocates a request id; returns it with the state that remembers the counter. */
export function allocateRequestId(state: SoftphoneState): [string, SoftphoneState] {
  return [`r${state.nextRequest}`, { ...state, nextRequest: state.nextRequest + 1 }];
}

/** Replaces the agent's preferences and asks storage to save them (keyed by user). */
export function savePrefs(state: SoftphoneState, value: UserPrefs, out: StepOutput): SoftphoneState {
  const userId = currentUserId(state);
  if (userId !== null) out.emit({ kind: 'storage.saveUserPrefs', userId, prefs: value });
  return { ...state, prefs: { ...state.prefs, value } };
}
