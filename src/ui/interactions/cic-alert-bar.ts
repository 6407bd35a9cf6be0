import { css, html, nothing } from 'lit';
import { interactionId, selectAlerting } from '../../domain/index.js';
import { utility_answer, utility_close, utility_incoming_call } from '../../generated/icons.js';
import { define } from '../define.js';
import { buttonIcon, icon } from '../icon.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { rowName } from './cic-interaction-list.js';

/**
 * The alert bar across the bottom while an interaction is alerting: who is calling and a Pickup
 * button. Dismissing it hides it for that interaction only; the call control still picks it up.
 */
export class CicAlertBar extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-alert {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 0.5rem 0.5rem 0.75rem;
        background: var(--slds-g-color-neutral-base-10, #181818);
        color: #fff;
      }
      .cic-alert .slds-button_icon {
        color: #fff;
      }
      .cic-alert-name {
        font-weight: 700;
      }
    `,
  ];

  static override properties = { dismissed: { state: true } };
  declare private dismissed: readonly string[];

  constructor() {
    super();
    this.dismissed = [];
  }

  protected override render() {
    const row = selectAlerting(this.state);
    if (row === null || this.dismissed.includes(row.id)) return nothing;
    const name = rowName(row);
    return html`<section class="cic-alert" aria-label=${t('alert.region')} data-id=${row.id}>
      ${icon(utility_incoming_call, { size: 'x-small' })}
      <div class="cic-grow">
        <div class="cic-alert-name slds-truncate">${name}</div>
        <div class="cic-small slds-truncate">
          ${row.number !== name ? row.number : ''}${
            row.workgroup === '' ? nothing : html` ${t('alert.workgroup', { workgroup: row.workgroup })}`
          }
        </div>
      </div>
      <button
        class="slds-button slds-button_success"
        type="button"
        aria-label=${t('control.pickup')}
        @click=${() => this.intent({ kind: 'intent.pickup', interactionId: interactionId(row.id) })}
      >
        ${buttonIcon(utility_answer, 'slds-button__icon_left')}${t('control.pickup')}
      </button>
      <button
        class="slds-button slds-button_icon slds-button_icon-small"
        type="button"
        aria-label=${t('panel.dismiss')}
        title=${t('panel.dismiss')}
        @click=${() => (this.dismissed = [...this.dismissed.slice(-50), row.id])}
      >
        ${buttonIcon(utility_close)}
      </button>
    </section>`;
  }
}

define('cic-alert-bar', CicAlertBar);

declare global {
  interface HTMLElementTagNameMap {
    'cic-alert-bar': CicAlertBar;
  }
}
