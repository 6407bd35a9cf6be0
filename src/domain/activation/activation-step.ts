import { assertNever } from '../diagnostics.js';
import type { StatusIntent } from '../intents.js';
import type { StatusObservation } from '../observations.js';
import { currentUserId, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import type { WorkgroupActivation } from './activation-state.js';

type ActivationInput =
  | Extract<StatusIntent, { kind: 'intent.setActivation' }>
  | Extract<StatusObservation, { kind: 'obs.activations' }>;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Steps workgroup activation: the agent's request, the server's report. */
export function stepActivationInput(
  state: SoftphoneState,
  input: ActivationInput,
  out: StepOutput,
): SoftphoneState {
  const current = state.activations.workgroups;
  switch (input.kind) {
    case 'intent.setActivation': {
      const userId = currentUserId(state);
      const entry = current.find((w) => same(w.workgroup, input.workgroup));
      if (userId === null || entry === undefined) return refuse(state, out, 'invalid', 'unknownWorkgroup');
      if (!entry.canActivate) return refuse(state, out, 'forbidden', 'cannotActivate');
      if (entry.active === input.active && entry.pending === null)
        return refuse(state, out, 'duplicate', 'alreadySet');
      out.emit({ kind: 'cic.setActivation', userId, workgroup: entry.workgroup, active: input.active });
      const workgroups = current.map((w) => (w === entry ? { ...w, pending: input.active } : w));
      return { ...state, activations: { workgroups } };
    }
    case 'obs.activations': {
      let workgroups: WorkgroupActivation[] = input.isDelta ? [...current] : [];
      for (const report of input.workgroups) {
        const before = current.find((w) => same(w.workgroup, report.workgroup));
        const pending = before?.pending ?? null;
        const next: WorkgroupActivation = { ...report, pending: pending === report.active ? null : pending };
        const at = workgroups.findIndex((w) => same(w.workgroup, report.workgroup));
        workgroups = at === -1 ? [...workgroups, next] : workgroups.map((w, i) => (i === at ? next : w));
      }
      return { ...state, activations: { workgroups } };
    }
    default:
      return assertNever(input);
  }
}
