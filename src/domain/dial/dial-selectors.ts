import { selectActiveWorkgroups } from '../activation/activation-state.js';
import type { Availability } from '../interaction/controls.js';
import type { SoftphoneState } from '../softphone-state.js';
import type { AccountCode } from './dial-state.js';
import { accountCodeRequired, dialBlocker } from './dial-step.js';

/** The Make a Call form. */
export interface DialView {
  /** `hidden` without a Client Access licence; `disabled` without a station (Limited Agent). */
  readonly availability: Availability;
  readonly reason: 'notLoggedOn' | 'loading' | 'missingLicence' | 'noStation' | null;
  readonly dialing: boolean;
  readonly accountCodes: {
    readonly enabled: boolean;
    readonly required: boolean;
    readonly codes: readonly AccountCode[];
    readonly defaultId: string | null;
  };
  /** "Dial on behalf of": only workgroups the agent is active in. */
  readonly workgroups: readonly string[];
}

/** The Make a Call / Advanced Dial form. */
export function selectDial(state: SoftphoneState): DialView {
  const reason = dialBlocker(state);
  const availability: Availability =
    reason === null ? 'enabled' : reason === 'missingLicence' ? 'hidden' : 'disabled';
  const codes = state.dial.accountCodes;
  const enabled = codes?.enabled ?? false;
  return {
    availability,
    reason,
    dialing: state.dial.pending !== null,
    accountCodes: {
      enabled,
      required: accountCodeRequired(state),
      codes: enabled ? (codes?.codes ?? []) : [],
      defaultId: enabled ? state.dial.lastAccountCodeId : null,
    },
    workgroups: selectActiveWorkgroups(state),
  };
}
