import type { Intent } from '../domain/index.js';

/** The one event the panel raises: a domain intent, for the runtime to dispatch. */
export const INTENT_EVENT = 'softphone-intent';

/**
 * What every component dispatches when the agent asks for something. It bubbles out of every
 * shadow root (`composed`), so one listener on the panel (or the document) receives them all.
 */
export class IntentEvent extends CustomEvent<Intent> {
  constructor(intent: Intent) {
    super(INTENT_EVENT, { detail: intent, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [INTENT_EVENT]: IntentEvent;
  }
}
