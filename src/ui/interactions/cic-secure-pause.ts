import { html, nothing } from 'lit';
import { selectInteractions, selectSecurePause } from '../../domain/index.js';
import { utility_shield } from '../../generated/icons.js';
import { define } from '../define.js';
import { icon } from '../icon.js';
import { formatCountdown, t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { rowName } from './cic-interaction-list.js';

/**
 * The secure-pause countdown, shown on every view of the main screen while any call's recording
 * is securely paused (pressing Secure Pause again restarts it at its maximum).
 */
export class CicSecurePause extends PanelElement {
  protected override render() {
    const paused = selectInteractions(this.state)
      .map((row) => ({ row, pause: selectSecurePause(this.state, row.id) }))
      .filter((p) => p.pause?.active === true);
    if (paused.length === 0) return nothing;
    return html`${paused.map(
      ({ row, pause }) =>
        html`<div
          class="slds-scoped-notification slds-media slds-media_center slds-theme_info cic-section"
          role="timer"
          aria-label=${t('securePause.label')}
          data-id=${row.id}
        >
          <div class="slds-media__figure">${icon(utility_shield, { size: 'xx-small' })}</div>
          <div class="slds-media__body">
            ${t('securePause.countdown', { time: formatCountdown(pause?.secondsLeft ?? 0) })}
            ${paused.length > 1 ? html`<span class="cic-small"> (${rowName(row)})</span>` : nothing}
          </div>
        </div>`,
    )}`;
  }
}

define('cic-secure-pause', CicSecurePause);

declare global {
  interface HTMLElementTagNameMap {
    'cic-secure-pause': CicSecurePause;
  }
}
