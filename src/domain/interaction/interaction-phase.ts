import { assertNever } from '../diagnostics.js';
import { InteractionPhase } from './interaction-state.js';

/**
 * Maps an `Eic_State` letter to a phase: `A` alerting, `C` connected, `H` held, `X` suspended
 * (auto-held, shown as held), `M` voicemail (messaging), `O` offering, `P` parked, `R` proceeding,
 * `S` system (dialing, IVR, station audio), `I`/`E` disconnected locally/remotely, `""` not set
 * yet. Returns `null` for a letter the domain does not know.
 */
export function phaseFromStateLetter(letter: string): InteractionPhase | null {
  switch (letter.trim().toUpperCase()) {
    case '':
      return InteractionPhase.Initializing;
    case 'O':
      return InteractionPhase.Offering;
    case 'A':
      return InteractionPhase.Alerting;
    case 'C':
      return InteractionPhase.Connected;
    case 'H':
    case 'X':
      return InteractionPhase.Held;
    case 'M':
      return InteractionPhase.Voicemail;
    case 'P':
      return InteractionPhase.Parked;
    case 'R':
      return InteractionPhase.Proceeding;
    case 'S':
      return InteractionPhase.System;
    case 'I':
    case 'E':
      return InteractionPhase.Disconnected;
    default:
      return null;
  }
}

/** Who ended a disconnected interaction, from its state letter. */
export function disconnectCause(letter: string): 'local' | 'remote' {
  return letter.trim().toUpperCase() === 'I' ? 'local' : 'remote';
}

/** The icon class the interaction list shows for a phase. */
export const StateClass = {
  Alerting: 'alerting',
  Offering: 'offering',
  Dialing: 'dialing',
  Connected: 'connected',
  Held: 'held',
  Voicemail: 'voicemail',
  Parked: 'parked',
  Disconnected: 'disconnected',
} as const;
export type StateClass = (typeof StateClass)[keyof typeof StateClass];

/** The icon class for a phase. */
export function stateClass(phase: InteractionPhase): StateClass {
  switch (phase) {
    case 'alerting':
      return StateClass.Alerting;
    case 'offering':
      return StateClass.Offering;
    case 'initializing':
    case 'system':
    case 'proceeding':
      return StateClass.Dialing;
    case 'connected':
      return StateClass.Connected;
    case 'held':
      return StateClass.Held;
    case 'voicemail':
      return StateClass.Voicemail;
    case 'parked':
      return StateClass.Parked;
    case 'disconnected':
      return StateClass.Disconnected;
    default:
      return assertNever(phase);
  }
}
