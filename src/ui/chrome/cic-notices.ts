import { html, nothing } from 'lit';
import { selectSession } from '../../domain/index.js';
import { utility_close } from '../../generated/icons.js';
import { buttonIcon } from '../icon.js';
import { t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { notification } from '../parts.js';
import { define } from '../define.js';

/**
 * Messages for the agent: commands the server refused (dismissable) and the password-expiry
 * reminder with a shortcut to Change Password.
 */
export class CicNotices extends PanelElement {
  protected override render() {
    const items = this.state.notices.items;
    const days = selectSession(this.state).passwordReminderDays;
    if (items.length === 0 && days === null) return nothing;
    return html`<div class="cic-section cic-stack" aria-label=${t('notices.label')} role="region">
      ${
        days === null
          ? nothing
          : notification(
              'warning',
              days === 0 ? t('password.reminderToday') : t('password.reminder', { days }),
              html`<button
                class="slds-button"
                type="button"
                @click=${() => this.intent({ kind: 'intent.password.open' })}
              >
                ${t('password.submit')}
              </button>`,
            )
      }
      ${items.map((n) =>
        notification(
          n.key.startsWith('command.error.') ? 'error' : 'info',
          t(n.key),
          html`<button
            class="slds-button slds-button_icon slds-button_icon-small"
            type="button"
            aria-label=${t('panel.dismiss')}
            title=${t('panel.dismiss')}
            data-notice=${n.id}
            @click=${() => this.intent({ kind: 'intent.notice.dismiss', id: n.id })}
          >
            ${buttonIcon(utility_close)}
          </button>`,
        ),
      )}
    </div>`;
  }
}

define('cic-notices', CicNotices);

declare global {
  interface HTMLElementTagNameMap {
    'cic-notices': CicNotices;
  }
}
