import type { UserPrefs } from '../effects.js';
import { currentUserId, type SoftphoneState } from '../softphone-state.js';
import type { StepOutput } from '../step-output.js';

/** Replaces the agent's preferences and asks storage to save them (keyed by user). */
export function savePrefs(state: SoftphoneState, value: UserPrefs, out: StepOutput): SoftphoneState {
  const userId = currentUserId(state);
  if (userId !== null) out.emit({ kind: 'storage.saveUserPrefs', userId, prefs: value });
  return { ...state, prefs: { ...state.prefs, value } };
}
