import type { SoftphoneState } from '../softphone-state.js';
import { codesFor } from './wrap-up-step.js';
import type { WrapUpCode } from './wrap-up-state.js';

/** The wrap-up prompt on screen. */
export interface WrapUpPromptView {
  readonly interactionId: string;
  readonly workgroup: string;
  readonly remoteName: string;
  readonly remoteAddress: string;
  /** Sorted by description. */
  readonly codes: readonly WrapUpCode[];
  readonly secondsLeft: number;
  readonly assigning: boolean;
  /** A code set by someone else; the prompt then only shows it. */
  readonly lockedCode: string | null;
}

/** The oldest open wrap-up prompt, or `null`. */
export function selectWrapUpPrompt(state: SoftphoneState): WrapUpPromptView | null {
  const prompt = state.wrapUp.prompts.find((p) => p.deadline > state.now || p.status === 'assigning');
  if (prompt === undefined) return null;
  return {
    interactionId: prompt.interactionId,
    workgroup: prompt.workgroup,
    remoteName: prompt.remoteName,
    remoteAddress: prompt.remoteAddress,
    codes: codesFor(state, prompt.workgroup),
    secondsLeft: Math.max(0, Math.ceil((prompt.deadline - state.now) / 1000)),
    assigning: prompt.status === 'assigning',
    lockedCode: prompt.lockedCode,
  };
}
