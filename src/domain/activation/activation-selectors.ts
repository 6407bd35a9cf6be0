import type { SoftphoneState } from '../softphone-state.js';
import type { WorkgroupActivation } from './activation-state.js';

/** The Workgroup Activation dialog: only workgroups the agent may activate or deactivate. */
export function selectActivations(state: SoftphoneState): readonly WorkgroupActivation[] {
  return state.activations.workgroups.filter((w) => w.canActivate);
}

/** Workgroups the agent is active in (Advanced Dial's "dial on behalf of"). */
export function selectActiveWorkgroups(state: SoftphoneState): readonly string[] {
  return state.activations.workgroups.filter((w) => w.active).map((w) => w.workgroup);
}
