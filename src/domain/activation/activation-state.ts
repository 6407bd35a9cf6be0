import type { SoftphoneState } from '../softphone-state.js';

/** The agent's activation in one workgroup. */
export interface WorkgroupActivation {
  readonly workgroup: string;
  readonly active: boolean;
  /** Member, Activate Self right, workgroup active with an ACD queue. */
  readonly canActivate: boolean;
  /** A change we asked for (the new value), until the server reports it. */
  readonly pending: boolean | null;
}

/** Workgroup activation area, in the server's order. */
export interface ActivationArea {
  readonly workgroups: readonly WorkgroupActivation[];
}

/** Nothing known. */
export function initialActivationArea(): ActivationArea {
  return { workgroups: [] };
}

/** The Workgroup Activation dialog: only workgroups the agent may activate or deactivate. */
export function selectActivations(state: SoftphoneState): readonly WorkgroupActivation[] {
  return state.activations.workgroups.filter((w) => w.canActivate);
}

/** Workgroups the agent is active in (Advanced Dial's "dial on behalf of"). */
export function selectActiveWorkgroups(state: SoftphoneState): readonly string[] {
  return state.activations.workgroups.filter((w) => w.active).map((w) => w.workgroup);
}
