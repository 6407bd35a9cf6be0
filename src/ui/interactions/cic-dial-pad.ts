import { css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../define.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';

/** Fired with the key pressed ("0"–"9", "*", "#"). Stays inside the owner's shadow root. */
export const DIAL_KEY = 'cic-dial-key';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const LETTERS: Readonly<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
};

/**
 * A telephone keypad. It only reports keys ({@link DIAL_KEY}); the owner sends them as DTMF to
 * the connected call or adds them to the number being dialled.
 */
export class CicDialPad extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-pad {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.25rem;
        max-width: 14rem;
        margin: 0 auto;
      }
      .cic-pad button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        line-height: 1.1;
        padding: 0.25rem 0;
        min-height: 2.25rem;
        font-size: 1rem;
        margin: 0;
      }
      .cic-pad small {
        font-size: 0.5625rem;
        letter-spacing: 0.05em;
        color: var(--slds-g-color-neutral-base-50, #747474);
      }
    `,
  ];

  private press(key: string): void {
    this.dispatchEvent(new CustomEvent<string>(DIAL_KEY, { detail: key, bubbles: true }));
  }

  private label(key: string): string {
    if (key === '*') return t('dialpad.key.star');
    if (key === '#') return t('dialpad.key.pound');
    return key;
  }

  protected override render() {
    return html`<div class="cic-pad" role="group" aria-label=${t('dialpad.label')}>
      ${KEYS.map(
        (key) =>
          // Digits are named by their visible digit (the letters are decoration); * and # get
          // a spoken name, since a symbol alone is read inconsistently.
          html`<button
            class="slds-button slds-button_neutral"
            type="button"
            aria-label=${ifDefined(/^\d$/.test(key) ? undefined : this.label(key))}
            @click=${() => this.press(key)}
          >
            <span>${key}</span><small aria-hidden="true">${LETTERS[key] ?? '\u00a0'}</small>
          </button>`,
      )}
    </div>`;
  }
}

define('cic-dial-pad', CicDialPad);

declare global {
  interface HTMLElementTagNameMap {
    'cic-dial-pad': CicDialPad;
  }
  interface HTMLElementEventMap {
    [DIAL_KEY]: CustomEvent<string>;
  }
}
