import { css, html, LitElement, type PropertyValues } from 'lit';
import { utility_close } from '../generated/icons.js';
import { sldsStyles } from '../generated/slds.js';
import { buttonIcon } from './icon.js';
import { t } from './i18n/t.js';
import { panelStyles } from './styles.js';
import { define } from './define.js';

/** Fired (bubbling inside the owner's shadow root only) when the agent closes a dialog. */
export const DIALOG_CLOSE = 'cic-dialog-close';

/**
 * A modal dialog on the native `<dialog>` element (focus trap, Esc and focus return come from the
 * browser) with an SLDS header and footer. The owner decides: Esc or the close button only fire
 * {@link DIALOG_CLOSE}; the dialog closes when the owner sets `open` to false.
 */
export class CicDialog extends LitElement {
  static override styles = [
    sldsStyles,
    panelStyles,
    css`
      dialog {
        padding: 0;
        border: 0;
        border-radius: 0.25rem;
        width: calc(100% - 1rem);
        max-width: 24rem;
        max-height: calc(100% - 1rem);
        box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
      }
      dialog::backdrop {
        background: rgba(8, 7, 7, 0.4);
      }
      .cic-dialog__header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 0.5rem 0.5rem 0.75rem;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
      }
      .cic-dialog__title {
        flex: 1;
        font-size: 1rem;
        font-weight: 700;
        margin: 0;
      }
      .cic-dialog__content {
        padding: 0.75rem;
        overflow: auto;
      }
      .cic-dialog__footer {
        display: flex;
        justify-content: flex-end;
        flex-wrap: wrap;
        gap: 0.25rem;
        padding: 0.5rem 0.75rem;
        border-top: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
        background: var(--slds-g-color-neutral-base-95, #f3f3f3);
      }
      .cic-dialog__footer:not(.has-content) {
        display: none;
      }
    `,
  ];

  static override properties = {
    heading: {},
    open: { type: Boolean },
  };

  declare heading: string;
  declare open: boolean;

  constructor() {
    super();
    this.heading = '';
    this.open = false;
  }
  private get dialogEl(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog') as HTMLDialogElement;
  }

  private hasFooter = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialogEl.open) this.dialogEl.showModal();
    if (!this.open && this.dialogEl.open) this.dialogEl.close();
  }

  private requestClose = (event?: Event): void => {
    event?.preventDefault();
    this.dispatchEvent(new CustomEvent(DIALOG_CLOSE, { bubbles: true }));
  };

  private footerChanged(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasFooter = slot.assignedElements().length > 0;
    this.requestUpdate();
  }

  protected override render() {
    return html`<dialog aria-labelledby="title" @cancel=${this.requestClose}>
      <div class="cic-dialog__header">
        <h2 id="title" class="cic-dialog__title">${this.heading}</h2>
        <button
          class="slds-button slds-button_icon slds-button_icon-small"
          type="button"
          aria-label=${t('panel.close')}
          title=${t('panel.close')}
          @click=${() => this.requestClose()}
        >
          ${buttonIcon(utility_close)}
        </button>
      </div>
      <div class="cic-dialog__content"><slot></slot></div>
      <footer class="cic-dialog__footer ${this.hasFooter ? 'has-content' : ''}">
        <slot name="footer" @slotchange=${this.footerChanged}></slot>
      </footer>
    </dialog>`;
  }
}

define('cic-dialog', CicDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cic-dialog': CicDialog;
  }
}
