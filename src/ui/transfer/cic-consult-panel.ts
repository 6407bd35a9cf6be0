import { html, nothing } from 'lit';
import { selectConsult, type Intent } from '../../domain/index.js';
import { define } from '../define.js';
import { t, type MessageId } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { notification, spinner } from '../parts.js';
import { targetName } from './cic-transfer-dialog.js';

type Action = keyof NonNullable<ReturnType<typeof selectConsult>>['actions'];

const ACTIONS: readonly {
  readonly id: Action;
  readonly label: MessageId;
  readonly intent: Intent;
  readonly brand?: boolean;
}[] = [
  { id: 'complete', label: 'consult.complete', intent: { kind: 'intent.consult.complete' }, brand: true },
  { id: 'both', label: 'consult.both', intent: { kind: 'intent.consult.both' } },
  { id: 'neither', label: 'consult.neither', intent: { kind: 'intent.consult.neither' } },
  { id: 'talkToCaller', label: 'consult.talkToCaller', intent: { kind: 'intent.consult.talkToCaller' } },
  {
    id: 'talkToConsultant',
    label: 'consult.talkToConsultant',
    intent: { kind: 'intent.consult.talkToConsultant' },
  },
  {
    id: 'disconnectConsultant',
    label: 'consult.disconnectConsultant',
    intent: { kind: 'intent.consult.disconnectConsultant' },
  },
  { id: 'cancel', label: 'consult.cancel', intent: { kind: 'intent.consult.cancel' } },
];

/**
 * The consult in progress: who is talking to whom, and Complete / Both / Neither / Caller /
 * Consultant / Disconnect Consultant / Cancel Transfer as the consult's state allows.
 */
export class CicConsultPanel extends PanelElement {
  protected override render() {
    const consult = selectConsult(this.state);
    if (consult === null) return nothing;
    const target = targetName(consult.target);
    const message =
      consult.status === 'starting'
        ? t('consult.starting', { target })
        : consult.status === 'closing'
          ? t('consult.closing')
          : `${t('consult.active', { target })}. ${consult.audience === null ? '' : t(`consult.audience.${consult.audience}`, { target })}`;
    return html`<section class="cic-section cic-stack" aria-label=${t('consult.region')}>
      ${notification('info', message)}
      ${
        consult.status === 'active'
          ? html`<div class="cic-row cic-row_wrap">
              ${ACTIONS.filter((a) => consult.actions[a.id]).map(
                (a) =>
                  html`<button
                    class="slds-button ${a.brand ? 'slds-button_brand' : 'slds-button_neutral'}"
                    type="button"
                    @click=${() => this.intent(a.intent)}
                  >
                    ${t(a.label)}
                  </button>`,
              )}
            </div>`
          : spinner(message)
      }
    </section>`;
  }
}

define('cic-consult-panel', CicConsultPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cic-consult-panel': CicConsultPanel;
  }
}
