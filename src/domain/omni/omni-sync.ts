/**
 * Omni-Channel status sync as a pure step function: `omniSyncStep(state, input)` returns the next
 * state and the commands to send (set an Omni status, log out of Omni, set a CIC status).
 *
 * No loops: every change carries its origin. Each command we send is remembered as an expected
 * echo on its side; when that side then reports the status we asked for (or reports it with
 * origin `sync`), the report only updates what we know and never causes a command. Changes made
 * by the sync never cascade either (a CIC status set from Omni is not mapped back to Omni).
 *
 * Holds: while the agent is on an ACD interaction, Omni is held in the busy status and a CIC
 * change only updates where Omni goes back to afterwards; while Omni workload is above zero, CIC
 * is held in the workload status likewise. A change the agent (or a supervisor) makes on the held
 * side releases the hold: nothing is restored over it.
 *
 * State is plain JSON data.
 */
import { OMNI_LOGGED_OUT, statusNameKey, type OmniSyncConfig } from './omni-settings.js';

/**
 * Where a reported change came from:
 * - `user`: the agent changed it (Omni widget, CIC status list): never our echo;
 * - `server`: someone else did (a supervisor, a push timeout, the CIC server): never our echo;
 * - `sync`: known to be our own change (the echo of a command we sent);
 * - `unattributed`: could be our echo or someone else's change (e.g. any `OmniToolkitStatusChange`,
 *   a CIC status update the panel did not ask for): it is our echo if it matches one we expect;
 * - `snapshot`: a reading, not a change (start, reconnect); never causes a command.
 */
export type ChangeOrigin = 'user' | 'server' | 'unattributed' | 'sync' | 'snapshot';

export type OmniSyncInput =
  | { readonly kind: 'cic.status'; readonly statusId: string; readonly origin: ChangeOrigin }
  | { readonly kind: 'omni.status'; readonly statusApiName: string; readonly origin: ChangeOrigin }
  | { readonly kind: 'omni.loggedOut'; readonly origin: ChangeOrigin }
  | { readonly kind: 'omni.workload'; readonly workload: number }
  | { readonly kind: 'cic.acd'; readonly busy: boolean }
  /** The agent logged off CIC: the sync pauses and starts again (reconciles) at the next logon. */
  | { readonly kind: 'cic.loggedOff' }
  /** A command we sent failed (refused or timed out): its echo will not come. */
  | { readonly kind: 'command.failed'; readonly command: OmniSyncCommand };

/** Why a command is sent (for logs and tests). */
export type CommandCause = 'start' | 'map' | 'acdBusy' | 'acdBusyEnded' | 'workload' | 'workloadEnded';

export type OmniSyncCommand =
  | {
      readonly kind: 'omni.setStatus';
      readonly statusApiName: string;
      readonly cause: CommandCause;
      readonly line: number | null;
    }
  | { readonly kind: 'omni.logout'; readonly cause: CommandCause; readonly line: number | null }
  | {
      readonly kind: 'cic.setStatus';
      readonly statusId: string;
      readonly cause: CommandCause;
      readonly line: number | null;
    };

/** A hold: the status we put a side in, and where it goes back to (`null`: stay). */
interface Hold {
  readonly status: string;
  readonly restore: string | null;
  readonly restoreLine: number | null;
}

export interface OmniSyncState {
  readonly config: OmniSyncConfig;
  /** Last reported CIC status id (`null` until known). */
  readonly cic: string | null;
  /** Last reported Omni status API name, {@link OMNI_LOGGED_OUT}, or `null` until known. */
  readonly omni: string | null;
  /** Whether the first reconciliation (once both sides are known) has run. */
  readonly started: boolean;
  readonly acdBusy: boolean;
  readonly workload: number;
  /** Omni held in the busy status while on an ACD interaction. */
  readonly busyHold: Hold | null;
  /** CIC held in the workload status while Omni workload is above zero. */
  readonly workloadHold: Hold | null;
  /** Statuses we asked each side for and whose echo has not come yet, oldest first. */
  readonly pendingOmni: readonly string[];
  readonly pendingCic: readonly string[];
}

/** At most this many unconfirmed commands are remembered per side. */
export const MAX_PENDING = 16;

export interface OmniSyncStepResult {
  readonly state: OmniSyncState;
  readonly commands: readonly OmniSyncCommand[];
}

export function initialOmniSyncState(config: OmniSyncConfig): OmniSyncState {
  return {
    config,
    cic: null,
    omni: null,
    started: false,
    acdBusy: false,
    workload: 0,
    busyHold: null,
    workloadHold: null,
    pendingOmni: [],
    pendingCic: [],
  };
}

const same = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && statusNameKey(a) === statusNameKey(b);

/** The status a side will be in once our commands land. */
const expectedOmni = (s: OmniSyncState): string | null => s.pendingOmni[s.pendingOmni.length - 1] ?? s.omni;
const expectedCic = (s: OmniSyncState): string | null => s.pendingCic[s.pendingCic.length - 1] ?? s.cic;

/** The Omni status a CIC status maps to (exact map first, then `cic:*`). */
export function omniTargetFor(
  config: OmniSyncConfig,
  cicStatus: string,
): { omni: string; line: number } | null {
  const m =
    config.toOmni.find((x) => x.cic !== '*' && same(x.cic, cicStatus)) ??
    config.toOmni.find((x) => x.cic === '*');
  return m ? { omni: m.omni, line: m.line } : null;
}

/** The CIC status an Omni status (or logged out) maps to (exact map first, then `omni:*`). */
export function cicTargetFor(
  config: OmniSyncConfig,
  omniStatus: string,
): { cic: string; line: number } | null {
  const m =
    config.toCic.find((x) => x.omni !== '*' && same(x.omni, omniStatus)) ??
    (omniStatus === OMNI_LOGGED_OUT ? undefined : config.toCic.find((x) => x.omni === '*'));
  return m ? { cic: m.cic, line: m.line } : null;
}

/**
 * If `value` is one we asked for, drops it and every older expectation (each side applies our
 * commands in order, so older echoes have come or never will); else `null`. Only `sync` and
 * `unattributed` reports are matched: a change the agent made is never taken for our echo.
 */
function consumeEcho(pending: readonly string[], value: string): readonly string[] | null {
  const at = pending.findIndex((p) => same(p, value));
  return at < 0 ? null : pending.slice(at + 1);
}

const push = (pending: readonly string[], value: string): readonly string[] =>
  [...pending, value].slice(-MAX_PENDING);

interface Out {
  state: OmniSyncState;
  readonly commands: OmniSyncCommand[];
}

/** Sends Omni to `target` unless it is (about to be) there or may not be touched. */
function commandOmni(out: Out, target: string, cause: CommandCause, line: number | null): boolean {
  const s = out.state;
  const now = expectedOmni(s);
  if (same(now, target)) return false;
  if (
    target !== OMNI_LOGGED_OUT &&
    (now === null || now === OMNI_LOGGED_OUT) &&
    s.config.omniLogin !== 'auto'
  ) {
    return false;
  }
  if (target === OMNI_LOGGED_OUT && now === null) return false;
  out.commands.push(
    target === OMNI_LOGGED_OUT
      ? { kind: 'omni.logout', cause, line }
      : { kind: 'omni.setStatus', statusApiName: target, cause, line },
  );
  out.state = { ...s, pendingOmni: push(s.pendingOmni, target) };
  return true;
}

function commandCic(out: Out, target: string, cause: CommandCause, line: number | null): boolean {
  const s = out.state;
  if (same(expectedCic(s), target)) return false;
  out.commands.push({ kind: 'cic.setStatus', statusId: target, cause, line });
  out.state = { ...s, pendingCic: push(s.pendingCic, target) };
  return true;
}

/** Puts Omni in the busy status for an ACD interaction (if mapped and Omni is logged in). */
function startBusyHold(out: Out): void {
  const busy = out.state.config.acdBusy;
  const current = expectedOmni(out.state);
  if (busy === null || current === null || current === OMNI_LOGGED_OUT || out.state.busyHold !== null) return;
  out.state = { ...out.state, busyHold: { status: busy.omni, restore: current, restoreLine: null } };
  commandOmni(out, busy.omni, 'acdBusy', busy.line);
}

/** Puts CIC in the workload status while Omni work is assigned (if mapped). */
function startWorkloadHold(out: Out): void {
  const map = out.state.config.workload;
  const current = expectedCic(out.state);
  if (map === null || current === null || out.state.workloadHold !== null) return;
  out.state = { ...out.state, workloadHold: { status: map.cic, restore: current, restoreLine: null } };
  commandCic(out, map.cic, 'workload', map.line);
}

/**
 * First sync once both sides are known. The side whose real change completed the picture wins
 * (the agent just acted there); after plain readings CIC wins. The losing side's map is used only
 * when the winner has none.
 */
function reconcile(out: Out, preferred: 'cic' | 'omni'): void {
  const s = out.state;
  if (s.started || s.cic === null || s.omni === null) return;
  out.state = { ...s, started: true };
  const mappedOmni = omniTargetFor(s.config, s.cic);
  const mappedCic = cicTargetFor(s.config, s.omni);
  const omniWins = mappedCic !== null && (preferred === 'omni' || mappedOmni === null);
  const toOmni = omniWins ? null : mappedOmni;
  const toCic = omniWins ? mappedCic : null;
  if (s.acdBusy) startBusyHold(out);
  if (out.state.busyHold !== null) {
    if (toOmni)
      out.state = {
        ...out.state,
        busyHold: { ...out.state.busyHold, restore: toOmni.omni, restoreLine: toOmni.line },
      };
  } else if (toOmni) {
    commandOmni(out, toOmni.omni, 'start', toOmni.line);
  }
  if (s.workload > 0) startWorkloadHold(out);
  if (out.state.workloadHold !== null) {
    if (toCic)
      out.state = {
        ...out.state,
        workloadHold: { ...out.state.workloadHold, restore: toCic.cic, restoreLine: toCic.line },
      };
  } else if (toCic) {
    commandCic(out, toCic.cic, 'start', toCic.line);
  }
}

function cicChanged(out: Out, statusId: string, origin: ChangeOrigin): void {
  const s = out.state;
  const echo = origin === 'sync' || origin === 'unattributed' ? consumeEcho(s.pendingCic, statusId) : null;
  if (echo !== null) {
    out.state = { ...s, cic: statusId, pendingCic: echo };
    return;
  }
  out.state = { ...s, cic: statusId };
  if (origin === 'sync' || origin === 'snapshot' || !s.started) {
    reconcile(out, 'cic');
    return;
  }
  // The agent (or a supervisor, or the server) changed CIC: a workload hold is released.
  if (out.state.workloadHold !== null) out.state = { ...out.state, workloadHold: null };
  const target = omniTargetFor(s.config, statusId);
  if (target === null) return;
  const hold = out.state.busyHold;
  if (hold !== null) {
    out.state = { ...out.state, busyHold: { ...hold, restore: target.omni, restoreLine: target.line } };
    return;
  }
  commandOmni(out, target.omni, 'map', target.line);
}

function omniChanged(out: Out, status: string, origin: ChangeOrigin): void {
  const s = out.state;
  const echo = origin === 'sync' || origin === 'unattributed' ? consumeEcho(s.pendingOmni, status) : null;
  if (echo !== null) {
    out.state = { ...s, omni: status, pendingOmni: echo };
    return;
  }
  out.state = { ...s, omni: status };
  if (origin === 'sync' || origin === 'snapshot' || !s.started) {
    reconcile(out, origin === 'sync' || origin === 'snapshot' ? 'cic' : 'omni');
    return;
  }
  if (out.state.busyHold !== null) out.state = { ...out.state, busyHold: null };
  const target = cicTargetFor(s.config, status);
  if (target === null) return;
  const hold = out.state.workloadHold;
  if (hold !== null) {
    out.state = { ...out.state, workloadHold: { ...hold, restore: target.cic, restoreLine: target.line } };
    return;
  }
  commandCic(out, target.cic, 'map', target.line);
}

function acdChanged(out: Out, busy: boolean): void {
  const s = out.state;
  if (s.acdBusy === busy) return;
  out.state = { ...s, acdBusy: busy };
  if (!s.started) return;
  if (busy) {
    startBusyHold(out);
    return;
  }
  const hold = s.busyHold;
  if (hold === null) return;
  out.state = { ...out.state, busyHold: null };
  if (hold.restore !== null && same(expectedOmni(out.state), hold.status)) {
    commandOmni(out, hold.restore, 'acdBusyEnded', hold.restoreLine);
  }
}

function workloadChanged(out: Out, raw: number): void {
  const workload = Number.isFinite(raw) && raw > 0 ? raw : 0;
  const s = out.state;
  out.state = { ...s, workload };
  if (!s.started || s.workload > 0 === workload > 0) return;
  if (workload > 0) {
    startWorkloadHold(out);
    return;
  }
  const hold = s.workloadHold;
  if (hold === null) return;
  out.state = { ...out.state, workloadHold: null };
  if (hold.restore !== null && same(expectedCic(out.state), hold.status)) {
    commandCic(out, hold.restore, 'workloadEnded', hold.restoreLine);
  }
}

/** Forgets the expectation of a failed command (its latest occurrence). */
function commandFailed(out: Out, command: OmniSyncCommand): void {
  const s = out.state;
  const drop = (pending: readonly string[], value: string): readonly string[] => {
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      if (same(pending[i] ?? null, value)) return [...pending.slice(0, i), ...pending.slice(i + 1)];
    }
    return pending;
  };
  switch (command.kind) {
    case 'omni.setStatus':
      out.state = { ...s, pendingOmni: drop(s.pendingOmni, command.statusApiName) };
      return;
    case 'omni.logout':
      out.state = { ...s, pendingOmni: drop(s.pendingOmni, OMNI_LOGGED_OUT) };
      return;
    case 'cic.setStatus':
      out.state = { ...s, pendingCic: drop(s.pendingCic, command.statusId) };
      return;
  }
}

/** One step of the sync. Pure: same state and input, same result. */
export function omniSyncStep(state: OmniSyncState, input: OmniSyncInput): OmniSyncStepResult {
  const out: Out = { state, commands: [] };
  switch (input.kind) {
    case 'cic.status':
      cicChanged(out, input.statusId, input.origin);
      break;
    case 'omni.status':
      omniChanged(out, input.statusApiName, input.origin);
      break;
    case 'omni.loggedOut':
      omniChanged(out, OMNI_LOGGED_OUT, input.origin);
      break;
    case 'omni.workload':
      workloadChanged(out, input.workload);
      break;
    case 'cic.acd':
      acdChanged(out, input.busy);
      break;
    case 'command.failed':
      commandFailed(out, input.command);
      break;
    case 'cic.loggedOff':
      // Interactions are gone with the session: Omni leaves the busy status first.
      acdChanged(out, false);
      out.state = { ...out.state, cic: null, started: false, pendingCic: [], workloadHold: null };
      break;
  }
  return { state: out.state, commands: out.commands };
}
