import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { Intent, SoftphoneState } from '../domain/index.js';
import { sldsStyles } from '../generated/slds.js';
import { IntentEvent } from './intent-event.js';
import { panelStyles } from './styles.js';

/** SLDS plus the panel rules: what every shadow root starts with. */
export const baseStyles = [sldsStyles, panelStyles] as const;

/**
 * Base of every panel component: SLDS and the panel rules inside its shadow root, the current
 * domain state as a property, and `intent()` to raise the one typed intent event. Components
 * render selector output from `state`; they never change it.
 */
export class PanelElement extends LitElement {
  static override styles: CSSResultGroup = [...baseStyles];

  static override properties: PropertyDeclarations = { state: { attribute: false } };

  /** The whole domain state; components read it through the domain's selectors. */
  declare state: SoftphoneState;

  /** Raises `intent` as a bubbling, composed {@link IntentEvent}. */
  protected intent(intent: Intent): void {
    this.dispatchEvent(new IntentEvent(intent));
  }
}
