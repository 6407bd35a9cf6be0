import { css, html } from 'lit';
import { selectSession } from '../../domain/index.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { define } from '../define.js';

/** The server's user agreement, shown after authentication: Accept continues, Reject logs off. */
export class CicAgreement extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-agreement__box {
        max-height: 16rem;
        overflow: auto;
      }
      /* Only the server's text keeps its line breaks (not the template's indentation). */
      .cic-agreement__text {
        white-space: pre-wrap;
      }
    `,
  ];

  protected override render() {
    const text = selectSession(this.state).agreementText ?? '';
    return html`<section class="cic-section cic-stack" aria-labelledby="agreement-title">
      <h1 id="agreement-title" class="cic-heading">${t('agreement.title')}</h1>
      <div
        class="cic-agreement__box slds-box slds-box_x-small"
        tabindex="0"
        role="document"
        aria-labelledby="agreement-title"
      >
        <span class="cic-agreement__text">${text.trim()}</span>
      </div>
      <div class="cic-row cic-row_wrap">
        <button
          class="slds-button slds-button_brand"
          type="button"
          @click=${() => this.intent({ kind: 'intent.agreement.accept' })}
        >
          ${t('agreement.accept')}
        </button>
        <button
          class="slds-button slds-button_neutral"
          type="button"
          @click=${() => this.intent({ kind: 'intent.agreement.reject' })}
        >
          ${t('agreement.reject')}
        </button>
      </div>
    </section>`;
  }
}

define('cic-agreement', CicAgreement);

declare global {
  interface HTMLElementTagNameMap {
    'cic-agreement': CicAgreement;
  }
}
