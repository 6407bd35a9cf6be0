import { css, html, nothing, type PropertyValues } from 'lit';
import { selectCrmStatus, selectDial, type DialView } from '../../domain/index.js';
import {
  utility_call,
  utility_chevrondown,
  utility_chevronup,
  utility_keypad,
} from '../../generated/icons.js';
import { define } from '../define.js';
import { buttonIcon } from '../icon.js';
import { t } from '../i18n/t.js';
import '../interactions/cic-dial-pad.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { notification, spinner, textField } from '../parts.js';

/**
 * Make a Call: type the number (or use the dial pad) and press Enter or Call. Advanced Dial,
 * when expanded, adds the account code (required when account codes are enforced) and the
 * workgroup to dial on behalf of (only workgroups the agent is active in). While Advanced Dial is
 * open a Salesforce click-to-dial fills the number in instead of dialing at once.
 */
export class CicMakeCall extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-dial-row {
        display: flex;
        align-items: flex-end;
        gap: 0.25rem;
      }
      .cic-dial-row .slds-form-element {
        flex: 1 1 auto;
        min-width: 0;
      }
      .cic-call-button {
        color: var(--slds-g-color-success-base-50, #2e844a);
      }
    `,
  ];

  static override properties = {
    number: { state: true },
    padOpen: { state: true },
    advancedOpen: { state: true },
    accountCodeId: { state: true },
    workgroup: { state: true },
    error: { state: true },
  };

  declare private number: string;
  declare private padOpen: boolean;
  declare private advancedOpen: boolean;
  /** `null`: not chosen yet (the view's default applies). */
  declare private accountCodeId: string | null;
  declare private workgroup: string;
  declare private error: string | null;
  /** The click-to-dial number last filled in. */
  private prefillSeen: string | null = null;
  /** Whether the open/closed state of Advanced Dial was read from the store yet. */
  private advancedSynced = false;

  constructor() {
    super();
    this.number = '';
    this.padOpen = false;
    this.advancedOpen = false;
    this.accountCodeId = null;
    this.workgroup = '';
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    // The section stays as the agent left it when the view comes back.
    if (!this.advancedSynced) {
      this.advancedSynced = true;
      this.advancedOpen = this.state.crm.advancedDial;
    }
    const prefill = selectCrmStatus(this.state).prefill;
    if (prefill !== this.prefillSeen) {
      this.prefillSeen = prefill;
      if (prefill !== null) {
        this.number = prefill;
        this.error = null;
      }
    }
  }

  private toggleAdvanced(): void {
    this.advancedOpen = !this.advancedOpen;
    this.intent({ kind: 'intent.clickToDial.advanced', open: this.advancedOpen });
  }

  private accountCode(view: DialView): string {
    return this.accountCodeId ?? view.accountCodes.defaultId ?? '';
  }

  private submit(event: Event, view: DialView): void {
    event.preventDefault();
    if (this.number.trim() === '') {
      this.error = t('dial.numberRequired');
      return;
    }
    const code = this.accountCode(view);
    if (this.advancedOpen && view.accountCodes.required && code === '') {
      this.error = t('dial.accountCodeRequired');
      return;
    }
    this.error = null;
    this.intent({
      kind: 'intent.dial',
      number: this.number.trim(),
      source: 'keypad',
      advanced: this.advancedOpen
        ? {
            accountCodeId: code === '' ? null : code,
            workgroup: this.workgroup === '' ? null : this.workgroup,
          }
        : null,
    });
    this.number = '';
  }

  private renderAdvanced(view: DialView) {
    const code = this.accountCode(view);
    return html`<div id="advanced" class="cic-stack">
      ${
        view.accountCodes.enabled
          ? html`<div class="slds-form-element">
              <label class="slds-form-element__label" for="account-code">
                ${
                  view.accountCodes.required
                    ? html`<abbr class="slds-required" title=${t('panel.required')} aria-hidden="true"
                        >*</abbr
                      >`
                    : nothing
                }${t('dial.accountCode')}
              </label>
              <div class="slds-form-element__control">
                <div class="slds-select_container">
                  <select
                    id="account-code"
                    class="slds-select"
                    ?required=${view.accountCodes.required}
                    @change=${(e: Event) => (this.accountCodeId = (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${code === ''}>${t('dial.chooseAccountCode')}</option>
                    ${view.accountCodes.codes.map(
                      (c) =>
                        html`<option value=${c.id} ?selected=${code === c.id}>
                          ${c.id} – ${c.description}
                        </option>`,
                    )}
                  </select>
                </div>
              </div>
            </div>`
          : nothing
      }
      <div class="slds-form-element">
        <label class="slds-form-element__label" for="workgroup">${t('dial.workgroup')}</label>
        <div class="slds-form-element__control">
          <div class="slds-select_container">
            <select
              id="workgroup"
              class="slds-select"
              @change=${(e: Event) => (this.workgroup = (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${this.workgroup === ''}>${t('dial.noWorkgroup')}</option>
              ${view.workgroups.map(
                (w) => html`<option value=${w} ?selected=${this.workgroup === w}>${w}</option>`,
              )}
            </select>
          </div>
        </div>
      </div>
    </div>`;
  }

  protected override render() {
    const view = selectDial(this.state);
    if (view.availability === 'hidden') return nothing;
    const disabled = view.availability === 'disabled';
    const prefill = selectCrmStatus(this.state).prefill;
    return html`<section class="cic-section cic-stack" aria-labelledby="dial-title">
      <h2 id="dial-title" class="cic-heading">${t('dial.title')}</h2>
      ${disabled && view.reason !== null ? notification('warning', t(`dial.reason.${view.reason}`)) : nothing}
      <form class="cic-stack" novalidate @submit=${(e: Event) => this.submit(e, view)}>
        <div class="cic-dial-row">
          ${textField({
            id: 'dial-number',
            label: t('dial.number'),
            type: 'tel',
            inputmode: 'tel',
            autocomplete: 'off',
            value: this.number,
            disabled,
            error: this.error,
            help: prefill !== null && prefill === this.number ? t('dial.prefilled') : null,
            onInput: (v) => {
              this.number = v;
              this.error = null;
            },
          })}
          <button
            class="slds-button slds-button_icon slds-button_icon-border-filled cic-call-button"
            type="submit"
            aria-label=${t('dial.submit')}
            title=${t('dial.submit')}
            ?disabled=${disabled}
          >
            ${buttonIcon(utility_call)}
          </button>
          <button
            class="slds-button slds-button_icon slds-button_icon-border-filled"
            type="button"
            aria-label=${t('control.dialPad')}
            title=${t('control.dialPad')}
            aria-expanded=${this.padOpen ? 'true' : 'false'}
            ?disabled=${disabled}
            @click=${() => (this.padOpen = !this.padOpen)}
          >
            ${buttonIcon(utility_keypad)}
          </button>
        </div>
        ${
          this.padOpen && !disabled
            ? html`<cic-dial-pad
                .state=${this.state}
                @cic-dial-key=${(e: CustomEvent<string>) => (this.number += e.detail)}
              ></cic-dial-pad>`
            : nothing
        }
        <div>
          <button
            class="slds-button"
            type="button"
            aria-expanded=${this.advancedOpen ? 'true' : 'false'}
            aria-controls=${this.advancedOpen ? 'advanced' : nothing}
            ?disabled=${disabled}
            @click=${() => this.toggleAdvanced()}
          >
            ${buttonIcon(this.advancedOpen ? utility_chevronup : utility_chevrondown, 'slds-button__icon_left')}
            ${t('dial.advanced')}
          </button>
        </div>
        ${this.advancedOpen && !disabled ? this.renderAdvanced(view) : nothing}
        ${view.dialing ? spinner(t('dial.dialing')) : nothing}
      </form>
    </section>`;
  }
}

define('cic-make-call', CicMakeCall);

declare global {
  interface HTMLElementTagNameMap {
    'cic-make-call': CicMakeCall;
  }
}
