import { html, nothing, type PropertyValues } from 'lit';
import { selectSession } from '../../domain/index.js';
import '../dialog.js';
import { t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { spinner, textField } from '../parts.js';
import { define } from '../define.js';

/**
 * Change Password: open when the password expired at logon or when the agent chose it from the
 * menu. Shows each password-policy error the server reported, in plain language.
 */
export class CicPasswordDialog extends PanelElement {
  static override properties = {
    oldPassword: { state: true },
    newPassword: { state: true },
    confirmPassword: { state: true },
  };

  declare private oldPassword: string;
  declare private newPassword: string;
  declare private confirmPassword: string;

  constructor() {
    super();
    this.oldPassword = '';
    this.newPassword = '';
    this.confirmPassword = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A form that closed (or opened afresh) starts empty: passwords are never kept.
    const previous = changed.get('state');
    if (
      previous !== undefined &&
      previous.session.password === null &&
      this.state.session.password !== null
    ) {
      this.oldPassword = this.newPassword = this.confirmPassword = '';
    }
  }

  private submit(event: Event): void {
    event.preventDefault();
    this.intent({
      kind: 'intent.password.change',
      oldPassword: this.oldPassword,
      newPassword: this.newPassword,
      confirmPassword: this.confirmPassword,
    });
  }

  private cancel(): void {
    this.oldPassword = this.newPassword = this.confirmPassword = '';
    this.intent({ kind: 'intent.password.cancel' });
  }

  protected override render() {
    const form = selectSession(this.state).password;
    const busy = form?.status === 'submitting';
    const errors = form?.errors ?? [];
    return html`<cic-dialog
      heading=${t('password.title')}
      ?open=${form !== null}
      @cic-dialog-close=${this.cancel}
    >
      <form id="password-form" class="cic-stack" novalidate @submit=${this.submit}>
        ${form?.reason === 'expired' ? html`<p>${t('logon.error.passwordExpired')}</p>` : nothing}
        ${
          errors.length > 0
            ? html`<ul class="cic-list cic-error" role="alert" id="password-errors">
                ${errors.map((e) => html`<li>${t(e)}</li>`)}
              </ul>`
            : nothing
        }
        ${textField({
          id: 'old',
          label: t('password.old'),
          type: 'password',
          value: this.oldPassword,
          required: true,
          autocomplete: 'current-password',
          disabled: busy,
          onInput: (v) => (this.oldPassword = v),
        })}
        ${textField({
          id: 'new',
          label: t('password.new'),
          type: 'password',
          value: this.newPassword,
          required: true,
          autocomplete: 'new-password',
          disabled: busy,
          onInput: (v) => (this.newPassword = v),
        })}
        ${textField({
          id: 'confirm',
          label: t('password.confirm'),
          type: 'password',
          value: this.confirmPassword,
          required: true,
          autocomplete: 'new-password',
          disabled: busy,
          onInput: (v) => (this.confirmPassword = v),
        })}
        ${busy ? spinner(t('password.busy')) : nothing}
      </form>
      <button slot="footer" class="slds-button slds-button_neutral" type="button" @click=${this.cancel}>
        ${t('panel.cancel')}
      </button>
      <button
        slot="footer"
        class="slds-button slds-button_brand"
        type="submit"
        form="password-form"
        ?disabled=${busy}
      >
        ${t('password.submit')}
      </button>
    </cic-dialog>`;
  }
}

define('cic-password-dialog', CicPasswordDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cic-password-dialog': CicPasswordDialog;
  }
}
