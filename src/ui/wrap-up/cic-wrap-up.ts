import { html, nothing, type PropertyValues } from 'lit';
import { interactionId, selectWrapUpPrompt } from '../../domain/index.js';
import { define } from '../define.js';
import { formatCountdown, t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { notification, radio, spinner } from '../parts.js';

/**
 * The wrap-up prompt after a call on a workgroup with wrap-up codes: the codes, the time left, and
 * Assign. When the time runs out the prompt goes away and no code is assigned. A code set by
 * someone else (a supervisor) is only shown.
 */
export class CicWrapUp extends PanelElement {
  static override properties = { chosen: { state: true }, error: { state: true } };

  declare private chosen: string | null;
  declare private error: boolean;
  private promptFor: string | null = null;

  constructor() {
    super();
    this.chosen = null;
    this.error = false;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const prompt = selectWrapUpPrompt(this.state);
    const id = prompt?.interactionId ?? null;
    if (id !== this.promptFor) {
      this.promptFor = id;
      this.chosen = null;
      this.error = false;
    }
  }

  private assign(event: Event, id: string): void {
    event.preventDefault();
    if (this.chosen === null) {
      this.error = true;
      return;
    }
    this.intent({ kind: 'intent.assignWrapUp', interactionId: interactionId(id), codeId: this.chosen });
  }

  protected override render() {
    const prompt = selectWrapUpPrompt(this.state);
    if (prompt === null) return nothing;
    const who = t('wrapUp.for', { name: prompt.remoteName, number: prompt.remoteAddress }).trim();
    return html`<section
      class="cic-section slds-box slds-box_x-small slds-m-around_x-small"
      aria-labelledby="wrap-title"
    >
      <form class="cic-stack" novalidate @submit=${(e: Event) => this.assign(e, prompt.interactionId)}>
        <div class="cic-row">
          <h2 id="wrap-title" class="cic-heading cic-grow">${t('wrapUp.title')}</h2>
          <span class="cic-small" role="timer" aria-live="off">
            ${t('wrapUp.timeLeft', { time: formatCountdown(prompt.secondsLeft) })}
          </span>
        </div>
        <p class="cic-small cic-muted">${who}${prompt.workgroup === '' ? '' : ` · ${prompt.workgroup}`}</p>
        ${
          prompt.lockedCode !== null
            ? notification('info', t('wrapUp.locked', { code: prompt.lockedCode }))
            : html`<fieldset class="slds-form-element ${this.error ? 'slds-has-error' : ''}">
                  <legend class="slds-form-element__legend slds-form-element__label">
                    ${t('wrapUp.code')}
                  </legend>
                  <div class="slds-form-element__control">
                    ${prompt.codes.map((c) =>
                      radio({
                        id: `code-${c.id}`,
                        name: 'code',
                        label: c.description || c.label,
                        checked: this.chosen === c.id,
                        disabled: prompt.assigning,
                        onSelect: () => {
                          this.chosen = c.id;
                          this.error = false;
                        },
                      }),
                    )}
                  </div>
                  ${
                    this.error
                      ? html`<div class="slds-form-element__help" role="alert">
                          ${t('wrapUp.chooseCode')}
                        </div>`
                      : nothing
                  }
                </fieldset>
                <div class="cic-row">
                  <button class="slds-button slds-button_brand" type="submit" ?disabled=${prompt.assigning}>
                    ${t('wrapUp.assign')}
                  </button>
                  ${prompt.assigning ? spinner(t('wrapUp.assigning')) : nothing}
                </div>`
        }
      </form>
    </section>`;
  }
}

define('cic-wrap-up', CicWrapUp);

declare global {
  interface HTMLElementTagNameMap {
    'cic-wrap-up': CicWrapUp;
  }
}
