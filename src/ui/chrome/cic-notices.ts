import { css, html, nothing } from 'lit';
import { selectCrmStatus, selectSession, type CrmSettingProblem } from '../../domain/index.js';
import { utility_close } from '../../generated/icons.js';
import { buttonIcon } from '../icon.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { notification } from '../parts.js';
import { define } from '../define.js';

/**
 * Messages for the agent: commands the server refused (dismissable), the password-expiry
 * reminder with a shortcut to Change Password, and inside Salesforce the call-center setting
 * problems (each setting, what is wrong and the default used, for the admin; dismissable until
 * the settings change) or why Open CTI is not available.
 */
export class CicNotices extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-problems {
        margin: 0.25rem 0 0;
        padding-left: 1rem;
        list-style: disc;
      }
      .cic-problems code {
        font-family: ui-monospace, Menlo, Consolas, monospace;
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = { dismissedProblems: { state: true } };

  /** The problem list the agent dismissed (a new list from Salesforce shows again). */
  declare private dismissedProblems: readonly CrmSettingProblem[] | null;

  constructor() {
    super();
    this.dismissedProblems = null;
  }

  private renderCrm() {
    const crm = selectCrmStatus(this.state);
    if (crm.unavailableReason !== null)
      return notification('warning', t('crm.unavailable', { reason: crm.unavailableReason }));
    const problems = crm.problems;
    if (problems.length === 0 || problems === this.dismissedProblems) return nothing;
    return html`<div data-notice="crm-settings">
      ${notification(
        'warning',
        html`<div>${t('crm.problems')}</div>
          <ul class="cic-problems">
            ${problems.map((p) => html`<li><code>${p.setting}</code>: ${p.message}</li>`)}
          </ul>`,
        html`<button
          class="slds-button slds-button_icon slds-button_icon-small"
          type="button"
          aria-label=${t('panel.dismiss')}
          title=${t('panel.dismiss')}
          @click=${() => (this.dismissedProblems = problems)}
        >
          ${buttonIcon(utility_close)}
        </button>`,
      )}
    </div>`;
  }

  protected override render() {
    const items = this.state.notices.items;
    const days = selectSession(this.state).passwordReminderDays;
    const crm = this.renderCrm();
    if (items.length === 0 && days === null && crm === nothing) return nothing;
    return html`<div class="cic-section cic-stack" aria-label=${t('notices.label')} role="region">
      ${crm}
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
