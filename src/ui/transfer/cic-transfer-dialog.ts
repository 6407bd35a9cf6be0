import { css, html, nothing, type PropertyValues } from 'lit';
import {
  canConsult,
  displayName,
  interactionId as toInteractionId,
  selectControls,
  selectTransfer,
  type TransferCandidate,
  type TransferTarget,
} from '../../domain/index.js';
import { utility_call, utility_close } from '../../generated/icons.js';
import { define } from '../define.js';
import '../dialog.js';
import { icon } from '../icon.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { spinner, textField } from '../parts.js';

/** The name a transfer target shows. */
export function targetName(target: TransferTarget, candidate?: TransferCandidate): string {
  switch (target.kind) {
    case 'user':
      return (
        displayName({
          displayName: target.displayName,
          firstName: candidate?.firstName ?? null,
          lastName: candidate?.lastName ?? null,
          userId: target.userId,
        }) || target.userId
      );
    case 'workgroup':
    case 'attendantProfile':
      return target.name;
    case 'station':
      return target.stationId;
    case 'number':
      return target.number;
  }
}

interface Option {
  readonly key: string;
  readonly target: TransferTarget;
  readonly candidate: TransferCandidate | null;
}

/**
 * The Transfer dialog: type a name or number; matching users, workgroups, attendant profiles and
 * stations appear as you type, with their status and an on-the-phone mark; "Dial … as digits"
 * transfers to exactly what was typed. Blind transfers at once; Consult calls the recipient
 * first (calls only, never a workgroup queue or attendant profile).
 */
export class CicTransferDialog extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-results {
        max-height: 14rem;
        overflow: auto;
      }
      .cic-results .slds-radio {
        display: flex;
        align-items: flex-start;
        gap: 0.25rem;
        padding: 0.25rem 0;
      }
      .cic-result-detail {
        display: flex;
        align-items: center;
        gap: 0.25rem;
        padding-left: 1.5rem;
      }
      .cic-on-phone {
        color: var(--slds-g-color-success-base-50, #2e844a);
      }
      .cic-logged-out {
        color: var(--slds-g-color-error-base-40, #ba0517);
      }
    `,
  ];

  static override properties = {
    interactionId: { attribute: false },
    text: { state: true },
    chosen: { state: true },
  };

  /** The interaction to transfer; `null` closes the dialog. */
  declare interactionId: string | null;
  declare private text: string;
  declare private chosen: string | null;

  constructor() {
    super();
    this.interactionId = null;
    this.text = '';
    this.chosen = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interactionId')) {
      this.text = '';
      this.chosen = null;
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('cic-dialog-close', { bubbles: true }));
  }

  private search(text: string): void {
    this.text = text;
    this.chosen = null;
    if (this.interactionId === null) return;
    this.intent({
      kind: 'intent.transfer.search',
      interactionId: toInteractionId(this.interactionId),
      text,
      targetTypes: ['user', 'workgroup', 'attendantProfile', 'station'],
    });
  }

  private options(): Option[] {
    const view = selectTransfer(this.state);
    const options: Option[] =
      view.interactionId === this.interactionId
        ? view.results.map((r, i) => ({ key: `r${i}`, target: r.candidate.target, candidate: r.candidate }))
        : [];
    const typed = this.text.trim();
    if (typed !== '')
      options.push({ key: 'digits', target: { kind: 'number', number: typed }, candidate: null });
    return options;
  }

  private statusText(statusId: string | null): string | null {
    if (statusId === null) return null;
    return this.state.status.catalog[statusId.toLowerCase()]?.messageText ?? statusId;
  }

  private renderOption(o: Option, index: number) {
    const c = o.candidate;
    const label =
      c === null ? t('transfer.asDigits', { number: targetName(o.target) }) : targetName(o.target, c);
    const kindText =
      o.target.kind === 'workgroup'
        ? t('transfer.workgroup')
        : o.target.kind === 'attendantProfile'
          ? t('transfer.attendantProfile')
          : o.target.kind === 'station'
            ? t('transfer.station')
            : null;
    const status = c === null ? null : this.statusText(c.statusId);
    return html`<li>
      <span class="slds-radio">
        <input
          type="radio"
          id="target-${index}"
          name="target"
          .checked=${this.chosen === o.key}
          aria-describedby="target-${index}-detail"
          @change=${() => (this.chosen = o.key)}
        />
        <label class="slds-radio__label" for="target-${index}">
          <span class="slds-radio_faux"></span>
          <span class="slds-form-element__label">${label}</span>
        </label>
      </span>
      <div class="cic-result-detail cic-small cic-muted" id="target-${index}-detail">
        ${c !== null && c.extension !== '' ? html`<span>${c.extension}</span>` : nothing}
        ${kindText === null ? nothing : html`<span>${kindText}</span>`}
        ${status === null ? nothing : html`<span>${status}</span>`}
        ${
          c?.onPhone
            ? html`<span class="cic-on-phone"
                >${icon(utility_call, { size: 'xx-small', label: t('transfer.onPhone') })}</span
              >`
            : nothing
        }
        ${
          c?.loggedIn === false
            ? html`<span class="cic-logged-out"
                >${icon(utility_close, { size: 'xx-small', label: t('transfer.loggedOut') })}</span
              >`
            : nothing
        }
        ${canConsult(o.target) ? nothing : html`<span>${t('transfer.blindOnly')}</span>`}
      </div>
    </li>`;
  }

  private act(kind: 'blind' | 'consult', option: Option | undefined): void {
    if (option === undefined || this.interactionId === null) return;
    const id = toInteractionId(this.interactionId);
    this.intent(
      kind === 'blind'
        ? { kind: 'intent.transfer.blind', interactionId: id, target: option.target }
        : { kind: 'intent.consult.start', interactionId: id, target: option.target },
    );
    this.close();
  }

  protected override render() {
    const open = this.interactionId !== null;
    const view = selectTransfer(this.state);
    const options = open ? this.options() : [];
    const chosen = options.find((o) => o.key === this.chosen);
    const consultAllowed =
      open && selectControls(this.state, this.interactionId).consult.availability === 'enabled';
    return html`<cic-dialog
      heading=${t('transfer.title')}
      ?open=${open}
      @cic-dialog-close=${(e: Event) => {
        e.stopPropagation();
        this.close();
      }}
    >
      ${
        open
          ? html`<div class="cic-stack">
              ${textField({
                id: 'transfer-search',
                label: t('transfer.search'),
                type: 'search',
                autocomplete: 'off',
                value: this.text,
                onInput: (v) => this.search(v),
              })}
              ${view.searching && view.interactionId === this.interactionId ? spinner(t('transfer.searching')) : nothing}
              ${
                options.length > 0
                  ? html`<fieldset class="slds-form-element">
                      <legend class="slds-assistive-text">${t('transfer.results')}</legend>
                      <ul class="cic-list cic-results">
                        ${options.map((o, i) => this.renderOption(o, i))}
                      </ul>
                    </fieldset>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <button
        slot="footer"
        class="slds-button slds-button_neutral"
        type="button"
        ?disabled=${chosen === undefined || !consultAllowed || !canConsult(chosen.target)}
        @click=${() => this.act('consult', chosen)}
      >
        ${t('transfer.consult')}
      </button>
      <button
        slot="footer"
        class="slds-button slds-button_brand"
        type="button"
        ?disabled=${chosen === undefined}
        @click=${() => this.act('blind', chosen)}
      >
        ${t('transfer.blind')}
      </button>
    </cic-dialog>`;
  }
}

define('cic-transfer-dialog', CicTransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cic-transfer-dialog': CicTransferDialog;
  }
}
