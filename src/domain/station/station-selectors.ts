import type { MessageKey } from '../messages.js';
import { hasRight, Right } from '../rights.js';
import type { SoftphoneState } from '../softphone-state.js';
import type { Availability } from '../interaction/controls.js';
import type { StationChoice, StationInfo, StationKind, StationStep } from './station-state.js';

/** One station type in the chooser. */
export interface StationOption {
  readonly kind: StationKind;
  readonly availability: Availability;
  readonly reason: 'missingRight' | 'notAvailable' | null;
}

/** The Select Station form. */
export interface StationFormView {
  readonly step: StationStep;
  readonly visible: boolean;
  readonly busy: boolean;
  readonly error: MessageKey | null;
  readonly options: readonly StationOption[];
  /** The Persistent box shows only with the Persistent Connections right. */
  readonly showPersistent: boolean;
  /** Pre-fill: the remembered station, else nothing. */
  readonly prefill: StationChoice | null;
  readonly rememberChecked: boolean;
  /** The agent can go back to the current station instead of choosing another. */
  readonly canCancel: boolean;
  readonly current: StationInfo | null;
}

/** The station chooser (shown while choosing or applying). */
export function selectStationForm(state: SoftphoneState): StationFormView {
  const e = state.entitlements;
  const remote: Availability =
    e !== null && !hasRight(e, Right.UserDefinedTelephoneNumber) ? 'disabled' : 'enabled';
  const step = state.station.step;
  return {
    step,
    visible: step === 'choosing' || step === 'applying',
    busy: step === 'applying',
    error: state.station.error,
    options: [
      { kind: 'workstation', availability: 'enabled', reason: null },
      { kind: 'remoteWorkstation', availability: 'enabled', reason: null },
      { kind: 'remoteNumber', availability: remote, reason: remote === 'enabled' ? null : 'missingRight' },
      { kind: 'webBasedPhone', availability: 'disabled', reason: 'notAvailable' },
    ],
    showPersistent: e !== null && hasRight(e, Right.PersistentConnections),
    prefill: state.prefs.value.station,
    rememberChecked: state.prefs.value.station !== null,
    canCancel: step === 'choosing' && state.station.current !== null,
    current: state.station.current,
  };
}
