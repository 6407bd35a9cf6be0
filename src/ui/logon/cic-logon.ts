import { html, nothing, type PropertyValues } from 'lit';
import { selectSession, type AuthChoice, type SessionView } from '../../domain/index.js';
import { t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { checkbox, notification, radio, spinner, textField } from '../parts.js';
import { define } from '../define.js';

/** `ic` or an identity provider id. */
type AuthOption = { readonly value: string; readonly label: string; readonly auth: AuthChoice };

/**
 * The log-on form: the server (only when configuration does not fix it), the authentication type
 * when the server offers more than one (CIC user/password or an SSO identity provider), "Always
 * use this authentication type", and the plain-language reason the last logon failed.
 */
export class CicLogon extends PanelElement {
  static override properties = {
    serverText: { state: true },
    userId: { state: true },
    password: { state: true },
    chosen: { state: true },
    alwaysUse: { state: true },
  };

  declare private serverText: string;
  declare private userId: string;
  declare private password: string;
  declare private chosen: string | null;
  declare private alwaysUse: boolean | null;

  constructor() {
    super();
    this.serverText = '';
    this.userId = '';
    this.password = '';
    this.chosen = null;
    this.alwaysUse = null;
  }

  private options(view: SessionView): AuthOption[] {
    const options: AuthOption[] = [];
    if (view.allowIcAuth) options.push({ value: 'ic', label: t('logon.icAuth'), auth: { type: 'ic' } });
    for (const p of view.identityProviders) {
      options.push({
        value: `sso:${p.id}`,
        label: p.displayName,
        auth: { type: 'sso', identityProviderId: p.id },
      });
    }
    return options;
  }

  private authValue(auth: AuthChoice): string {
    return auth.type === 'ic' ? 'ic' : `sso:${auth.identityProviderId}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') && this.serverText === '' && this.state.session.server !== null) {
      this.serverText = this.state.session.server;
    }
  }

  private current(view: SessionView, options: readonly AuthOption[]): AuthOption | null {
    const preferred = this.chosen ?? (view.alwaysUse === null ? null : this.authValue(view.alwaysUse));
    return options.find((o) => o.value === preferred) ?? options[0] ?? null;
  }

  private selectServer(event: Event): void {
    event.preventDefault();
    this.intent({ kind: 'intent.server.select', server: this.serverText });
  }

  private logon(event: Event, view: SessionView, option: AuthOption | null): void {
    event.preventDefault();
    if (option === null) return;
    const alwaysUseAuthType = this.alwaysUse ?? view.alwaysUse !== null;
    if (option.auth.type === 'ic') {
      this.intent({
        kind: 'intent.logon',
        auth: { type: 'ic', userId: this.userId, password: this.password },
        alwaysUseAuthType,
      });
      this.password = '';
    } else {
      this.intent({ kind: 'intent.logon', auth: option.auth, alwaysUseAuthType });
    }
  }

  private renderServer(view: SessionView) {
    if (!view.showServerField) return nothing;
    return html`<form class="cic-row cic-row_wrap cic-server" @submit=${this.selectServer}>
      <div class="cic-grow">
        ${textField({
          id: 'server',
          label: t('logon.server'),
          value: this.serverText,
          required: true,
          autocomplete: 'url',
          onInput: (v) => (this.serverText = v),
          disabled: view.phase !== 'signedOut',
        })}
      </div>
      <button
        class="slds-button slds-button_neutral cic-server__button"
        type="submit"
        ?disabled=${view.phase !== 'signedOut'}
      >
        ${t('logon.selectServer')}
      </button>
    </form>`;
  }

  private renderAuth(view: SessionView) {
    if (view.server === null) return html`<p class="cic-muted">${t('logon.serverNeeded')}</p>`;
    const options = this.options(view);
    if (options.length === 0) return notification('warning', t('logon.noAuth'));
    const option = this.current(view, options);
    const busy = view.phase === 'loggingOn';
    const always = this.alwaysUse ?? view.alwaysUse !== null;
    return html`<form class="cic-stack" @submit=${(e: Event) => this.logon(e, view, option)}>
      ${
        options.length > 1
          ? html`<fieldset class="slds-form-element">
              <legend class="slds-form-element__legend slds-form-element__label">
                ${t('logon.authType')}
              </legend>
              <div class="slds-form-element__control">
                ${options.map((o, i) =>
                  radio({
                    id: `auth-${i}`,
                    name: 'auth',
                    label: o.label,
                    checked: o.value === option?.value,
                    disabled: busy,
                    onSelect: () => (this.chosen = o.value),
                  }),
                )}
              </div>
            </fieldset>`
          : nothing
      }
      ${
        option?.auth.type === 'ic'
          ? html`${textField({
              id: 'user',
              label: t('logon.userId'),
              value: this.userId,
              required: true,
              autocomplete: 'username',
              disabled: busy,
              onInput: (v) => (this.userId = v),
            })}
            ${textField({
              id: 'password',
              label: t('logon.password'),
              type: 'password',
              value: this.password,
              required: true,
              autocomplete: 'current-password',
              disabled: busy,
              onInput: (v) => (this.password = v),
            })}`
          : html`<p class="cic-muted cic-small">${t('logon.ssoHint', { provider: option?.label ?? '' })}</p>`
      }
      ${
        options.length > 1
          ? checkbox({
              id: 'always',
              label: t('logon.alwaysUse'),
              checked: always,
              disabled: busy,
              onChange: (c) => (this.alwaysUse = c),
            })
          : nothing
      }
      <div class="cic-row">
        <button class="slds-button slds-button_brand cic-grow" type="submit" ?disabled=${busy}>
          ${t('logon.submit')}
        </button>
      </div>
      ${busy ? spinner(t('logon.busy')) : nothing}
    </form>`;
  }

  protected override render() {
    const view = selectSession(this.state);
    return html`<section class="cic-section cic-stack" aria-labelledby="logon-title">
      <h1 id="logon-title" class="cic-heading">${t('logon.title')}</h1>
      ${view.notice === null ? nothing : notification('info', t(view.notice))}
      ${view.error === null ? nothing : notification('error', t(view.error))} ${this.renderServer(view)}
      ${this.renderAuth(view)}
    </section>`;
  }
}

define('cic-logon', CicLogon);

declare global {
  interface HTMLElementTagNameMap {
    'cic-logon': CicLogon;
  }
}
