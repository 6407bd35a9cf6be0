import { html } from 'lit';
import { selectActivations } from '../../domain/index.js';
import { define } from '../define.js';
import '../dialog.js';
import { t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { checkbox } from '../parts.js';

/**
 * Workgroup Activation: a check box per workgroup the agent may activate in (member, Activate
 * Self right, workgroup active with an ACD queue). A change shows as pending until the server
 * confirms it.
 */
export class CicActivationDialog extends PanelElement {
  static override properties = { open: { type: Boolean } };
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('cic-dialog-close', { bubbles: true }));
  }

  protected override render() {
    const workgroups = selectActivations(this.state);
    return html`<cic-dialog
      heading=${t('activation.title')}
      ?open=${this.open}
      @cic-dialog-close=${(e: Event) => {
        e.stopPropagation();
        this.close();
      }}
    >
      ${
        workgroups.length === 0
          ? html`<p class="cic-muted">${t('activation.empty')}</p>`
          : html`<p class="cic-small cic-muted slds-m-bottom_x-small">${t('activation.hint')}</p>
              <div class="cic-stack">
                ${workgroups.map((w, i) =>
                  checkbox({
                    id: `wg-${i}`,
                    label: w.workgroup,
                    checked: w.pending ?? w.active,
                    disabled: w.pending !== null,
                    ...(w.pending === null ? {} : { help: t('activation.pending') }),
                    onChange: (active) =>
                      this.intent({ kind: 'intent.setActivation', workgroup: w.workgroup, active }),
                  }),
                )}
              </div>`
      }
    </cic-dialog>`;
  }
}

define('cic-activation-dialog', CicActivationDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cic-activation-dialog': CicActivationDialog;
  }
}
