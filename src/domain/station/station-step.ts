import { assertNever } from '../diagnostics.js';
import type { SessionIntent } from '../intents.js';
import { StationErrorKey } from '../messages.js';
import type { SessionObservation } from '../observations.js';
import { hasRight, Right } from '../rights.js';
import { logonErrorKey, isStationFailure } from '../session/logon-errors.js';
import { savePrefs, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import type { StationArea, StationChoice, StationInfo } from './station-state.js';

type Out = StepOutput;

function withStation(state: SoftphoneState, patch: Partial<StationArea>): SoftphoneState {
  return { ...state, station: { ...state.station, ...patch } };
}

/** Why a station choice cannot be requested, or `null` when it can. */
export function stationChoiceProblem(
  state: SoftphoneState,
  choice: StationChoice,
): {
  code: 'invalid' | 'forbidden';
  reason: string;
  key: (typeof StationErrorKey)[keyof typeof StationErrorKey] | null;
} | null {
  const rights = state.entitlements;
  switch (choice.kind) {
    case 'workstation':
    case 'remoteWorkstation':
      return choice.name.trim() === ''
        ? { code: 'invalid', reason: 'nameRequired', key: StationErrorKey.nameRequired }
        : null;
    case 'remoteNumber':
      if (choice.number.trim() === '')
        return { code: 'invalid', reason: 'numberRequired', key: StationErrorKey.numberRequired };
      if (rights !== null && !hasRight(rights, Right.UserDefinedTelephoneNumber))
        return { code: 'forbidden', reason: 'missingRight', key: null };
      if (choice.persistent && (rights === null || !hasRight(rights, Right.PersistentConnections))) {
        return { code: 'forbidden', reason: 'persistentNeedsRight', key: null };
      }
      return null;
    case 'webBasedPhone':
      return {
        code: 'forbidden',
        reason: 'webBasedPhoneUnavailable',
        key: StationErrorKey.webBasedPhoneUnavailable,
      };
    default:
      return assertNever(choice);
  }
}

function trimChoice(choice: StationChoice): StationChoice {
  switch (choice.kind) {
    case 'workstation':
    case 'remoteWorkstation':
      return { ...choice, name: choice.name.trim() };
    case 'remoteNumber':
      return { ...choice, number: choice.number.trim() };
    case 'webBasedPhone':
      return choice;
    default:
      return assertNever(choice);
  }
}

function request(
  state: SoftphoneState,
  choice: StationChoice,
  remember: boolean,
  auto: boolean,
  out: Out,
): SoftphoneState {
  out.emit({ kind: 'cic.setStation', choice });
  return withStation(state, { step: 'applying', requested: { choice, remember, auto }, error: null });
}

/**
 * Starts the station step when the session becomes active: a station the server already has for
 * the user skips it; otherwise the step waits for the stored preferences (remembered station).
 */
export function startStationStep(
  state: SoftphoneState,
  effective: { id: string; displayName: string } | null,
): SoftphoneState {
  if (effective !== null) {
    return withStation(state, {
      step: 'ready',
      current: {
        kind: 'existing',
        id: effective.id,
        displayName: effective.displayName,
        remoteNumber: null,
        persistent: false,
      },
      requested: null,
      error: null,
    });
  }
  return withStation(state, { step: 'waitingForPrefs', requested: null, error: null });
}

/** The choice that re-creates a station the panel set before (`null` for one it did not set). */
export function choiceFor(info: StationInfo): StationChoice | null {
  switch (info.kind) {
    case 'workstation':
    case 'remoteWorkstation':
      return { kind: info.kind, name: info.id };
    case 'remoteNumber':
      return {
        kind: 'remoteNumber',
        number: info.remoteNumber ?? info.displayName,
        persistent: info.persistent,
      };
    case 'existing':
      return null;
    default:
      return assertNever(info.kind);
  }
}

/**
 * After a new session for the same agent (switchover, lost link): stations do not survive
 * sessions, so the station the agent had is requested again, unless the server already reports
 * one. A station the panel did not set itself cannot be re-created: the agent chooses again.
 */
export function restoreStation(
  state: SoftphoneState,
  effective: { id: string; displayName: string } | null,
  out: Out,
): SoftphoneState {
  const current = state.station.current;
  if (effective !== null) {
    // The server still has the station the panel set: keep what the panel knows about it (its
    // type), so a later reconnect can re-create it if the server has dropped it by then.
    if (
      current !== null &&
      current.kind !== 'existing' &&
      current.id.toLowerCase() === effective.id.toLowerCase()
    )
      return withStation(state, { step: 'ready', current, requested: null, error: null });
    return startStationStep(state, effective);
  }
  const previous = current === null ? null : choiceFor(current);
  if (previous !== null) return request(state, previous, false, true, out);
  return withStation(state, { step: 'choosing', current: null, requested: null });
}

/** Once preferences are known: use the remembered station automatically, else ask. */
export function onPrefsLoaded(state: SoftphoneState, out: Out): SoftphoneState {
  if (state.station.step !== 'waitingForPrefs') return state;
  const remembered = state.prefs.value.station;
  if (remembered !== null && stationChoiceProblem(state, remembered) === null)
    return request(state, remembered, true, true, out);
  return withStation(state, { step: 'choosing' });
}

type StationInput =
  | Extract<
      SessionIntent,
      { kind: 'intent.selectStation' | 'intent.changeStation' | 'intent.changeStation.cancel' }
    >
  | Extract<SessionObservation, { kind: 'obs.station.changed' | 'obs.logon.failed' }>;

function stationConnected(
  state: SoftphoneState,
  input: Extract<StationInput, { kind: 'obs.station.changed' }>,
  out: Out,
): SoftphoneState {
  const { station } = state;
  if (input.station === null) {
    // Losing the station while applying is the server tearing down the old one: wait for the new.
    if (station.step === 'applying') return withStation(state, { current: null });
    return withStation(state, { current: null, step: station.step === 'ready' ? 'choosing' : station.step });
  }
  let next = withStation(state, { current: input.station, step: 'ready', requested: null, error: null });
  const requested = station.step === 'applying' ? station.requested : null;
  if (requested !== null && !requested.auto) {
    const remembered = requested.remember ? requested.choice : null;
    if (JSON.stringify(remembered) !== JSON.stringify(state.prefs.value.station)) {
      next = savePrefs(next, { ...state.prefs.value, station: remembered }, out);
    }
  }
  return next;
}

/** Steps station intents and station observations. */
export function stepStationInput(state: SoftphoneState, input: StationInput, out: Out): SoftphoneState {
  const { station } = state;
  const active = state.session.current.phase === 'active';
  switch (input.kind) {
    case 'intent.selectStation': {
      if (!active || station.step !== 'choosing') return refuse(state, out, 'ignoredInPhase', station.step);
      const problem = stationChoiceProblem(state, input.choice);
      if (problem !== null) {
        out.report(problem.code, problem.reason);
        return problem.key === null ? state : withStation(state, { error: problem.key });
      }
      return request(state, trimChoice(input.choice), input.remember, false, out);
    }
    case 'intent.changeStation':
      if (!active || station.step !== 'ready') return refuse(state, out, 'ignoredInPhase', station.step);
      return withStation(state, { step: 'choosing', error: null });
    case 'intent.changeStation.cancel':
      if (station.step !== 'choosing' || station.current === null)
        return refuse(state, out, 'ignoredInPhase', station.step);
      return withStation(state, { step: 'ready', error: null });
    case 'obs.station.changed':
      if (!active) return refuse(state, out, 'ignoredInPhase', state.session.current.phase);
      return stationConnected(state, input, out);
    case 'obs.logon.failed':
      if (station.step !== 'applying') return refuse(state, out, 'unexpected', input.reason);
      if (!isStationFailure(input.reason)) out.report('unexpected', input.reason);
      return withStation(state, { step: 'choosing', requested: null, error: logonErrorKey(input.reason) });
    default:
      return assertNever(input);
  }
}
