import { css } from 'lit';

/**
 * Panel-wide rules on top of SLDS: the document-level typography SLDS puts on `html`/`body`
 * (which never reaches a shadow root), icon colour, focus rings, the interaction state colours
 * and the narrow-panel layout helpers (the panel is 200–400 px wide).
 */
export const panelStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    font-size: 0.8125rem;
    line-height: 1.5;
    color: var(--slds-g-color-neutral-base-10, #181818);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .cic-icon {
    fill: currentColor;
    flex: none;
  }
  .slds-icon_xx-small.cic-icon {
    width: 0.875rem;
    height: 0.875rem;
  }
  .slds-icon_x-small.cic-icon {
    width: 1rem;
    height: 1rem;
  }
  .slds-icon_small.cic-icon {
    width: 1.5rem;
    height: 1.5rem;
  }
  .slds-button__icon {
    fill: currentColor;
  }
  :focus-visible {
    outline: 2px solid var(--slds-g-color-brand-base-50, #0176d3);
    outline-offset: 1px;
  }
  .cic-stack > * + * {
    margin-top: 0.5rem;
  }
  .cic-row {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    min-width: 0;
  }
  .cic-row_wrap {
    flex-wrap: wrap;
  }
  .cic-grow {
    flex: 1 1 auto;
    min-width: 0;
  }
  .cic-muted {
    color: var(--slds-g-color-neutral-base-30, #444);
  }
  .cic-small {
    font-size: 0.75rem;
  }
  .cic-section {
    padding: 0.5rem 0.75rem;
  }
  .cic-heading {
    font-size: 0.875rem;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .cic-error {
    color: var(--slds-g-color-error-base-40, #ba0517);
  }
  .cic-textarea {
    min-height: 3.5rem;
    padding-top: 0.25rem;
    line-height: 1.4;
    resize: vertical;
  }
  .cic-spinner {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .cic-spinner .slds-spinner_inline {
    position: relative;
    display: inline-block;
    top: auto;
    left: auto;
    transform: none;
    width: 1rem;
    height: 1rem;
  }
  .cic-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .cic-state_alerting {
    color: #000;
  }
  /* State colours dark enough for small text on white and on a selected row (WCAG AA). */
  .cic-state_connected {
    color: var(--slds-g-color-success-base-40, #22683e);
  }
  .cic-state_held {
    color: #8c4b02;
  }
  .cic-state_disconnected {
    color: var(--slds-g-color-neutral-base-50, #747474);
  }
  .cic-state_dialing,
  .cic-state_offering,
  .cic-state_voicemail,
  .cic-state_parked {
    color: var(--slds-g-color-brand-base-50, #0176d3);
  }
`;
