/** A wrap-up code configured for a workgroup. */
export interface WrapUpCode {
  readonly id: string;
  readonly label: string;
  /** Shown and sorted on; falls back to the label. */
  readonly description: string;
}

/**
 * An open wrap-up prompt.
 *
 * ```
 *  connected ─disconnect─▶ open ─intent.assignWrapUp─▶ assigning ─obs.wrapUp.assigned─▶ (closed, code)
 *                           │  ▲ supervisor sets a code: locked           │ failed → open
 *                           └──┴─ clock.tick ≥ deadline or removed from queue ─▶ (closed, no code)
 * ```
 */
export interface WrapUpPrompt {
  readonly interactionId: string;
  readonly workgroup: string;
  readonly remoteName: string;
  readonly remoteAddress: string;
  readonly openedAt: number;
  /** Local epoch ms at which the prompt closes without a code. */
  readonly deadline: number;
  readonly status: 'open' | 'assigning';
  /** The code we sent (while `assigning`). */
  readonly requestedCodeId: string | null;
  /** A code someone else (a supervisor) set: shown, and the prompt is locked. */
  readonly lockedCode: string | null;
}

/** Wrap-up area. Workgroup keys are lower-case. */
export interface WrapUpArea {
  readonly codesByWorkgroup: Readonly<Record<string, readonly WrapUpCode[]>>;
  readonly prompts: readonly WrapUpPrompt[];
}

/** No codes, no prompts. */
export function initialWrapUpArea(): WrapUpArea {
  return { codesByWorkgroup: {}, prompts: [] };
}
