import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import type { Effect } from './effects.js';
import type { SoftphoneState } from './softphone-state.js';

/** The result of one step: the next state, what to do, and what was odd. */
export interface Step<S = SoftphoneState> {
  readonly state: S;
  readonly effects: readonly Effect[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Collects effects and diagnostics while one input is stepped. Area step functions receive it
 * and append to it; the collection is local to the step, so the step stays a pure function.
 */
export interface StepOutput {
  readonly effects: Effect[];
  readonly diagnostics: Diagnostic[];
  emit(effect: Effect): void;
  report(code: DiagnosticCode, reason?: string | null, interactionId?: string | null): void;
}

/** A fresh collector for the input of the given kind. */
export function createStepOutput(inputKind: string): StepOutput {
  const effects: Effect[] = [];
  const diagnostics: Diagnostic[] = [];
  return {
    effects,
    diagnostics,
    emit(effect) {
      effects.push(effect);
    },
    report(code, reason = null, interactionId = null) {
      diagnostics.push(diagnostic(code, inputKind, reason, interactionId));
    },
  };
}

/** Reports a diagnostic and returns the state unchanged: the usual way to refuse an input. */
export function refuse<S>(
  state: S,
  out: StepOutput,
  code: DiagnosticCode,
  reason: string | null = null,
  interactionId: string | null = null,
): S {
  out.report(code, reason, interactionId);
  return state;
}
