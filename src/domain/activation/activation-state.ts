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
