import { html, nothing, type TemplateResult } from 'lit';
import type { SldsIcon } from '../generated/icons.js';

export type IconSize = 'xx-small' | 'x-small' | 'small';

/** Written out in full so the CSS purge sees every class. */
const SIZE_CLASS: Readonly<Record<IconSize, string>> = {
  'xx-small': 'slds-icon_xx-small',
  'x-small': 'slds-icon_x-small',
  small: 'slds-icon_small',
};

/**
 * An SLDS utility icon. Decorative (hidden from assistive technology) unless `label` is given,
 * in which case the label is read instead. Colour comes from CSS (`fill: currentColor`).
 */
export function icon(
  which: SldsIcon,
  options: { size?: IconSize; label?: string; className?: string } = {},
): TemplateResult {
  const size = options.size ?? 'x-small';
  return html`<svg
      class="slds-icon ${SIZE_CLASS[size]} cic-icon ${options.className ?? ''}"
      viewBox=${which.viewBox}
      aria-hidden="true"
      focusable="false"
      data-icon=${which.name}
    >
      ${which.body}</svg
    >${
      options.label === undefined ? nothing : html`<span class="slds-assistive-text">${options.label}</span>`
    }`;
}

/** An icon inside an SLDS button (`slds-button__icon`). */
export function buttonIcon(which: SldsIcon, className = ''): TemplateResult {
  return html`<svg
    class="slds-button__icon ${className}"
    viewBox=${which.viewBox}
    aria-hidden="true"
    focusable="false"
    data-icon=${which.name}
  >
    ${which.body}
  </svg>`;
}
