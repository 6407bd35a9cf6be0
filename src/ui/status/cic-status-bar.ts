import { css, html, nothing, type TemplateResult } from 'lit';
import { selectStatusBar, selectStatusChoices, statusId, type StatusChoice } from '../../domain/index.js';
import {
  utility_chevronup,
  utility_favorite,
  utility_favorite_alt,
  utility_info,
  utility_user,
} from '../../generated/icons.js';
import { define } from '../define.js';
import '../dialog.js';
import { buttonIcon, icon } from '../icon.js';
import { formatDateTime, t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { textField } from '../parts.js';
import './cic-status-details.js';

/** A status icon: the server's image when its address is absolute, else a generic person. */
export function statusIcon(uri: string): TemplateResult {
  return /^(https?:|data:)/.test(uri)
    ? html`<img class="cic-status-icon" src=${uri} alt="" width="16" height="16" />`
    : icon(utility_user, { size: 'xx-small' });
}

/**
 * The status bar at the bottom of the panel: the agent's status with its icon and the time in it
 * (hh:mm:ss, server clock), the Change Status list (search, favourites with stars) and the Status
 * Details dialog. A change the server reports (a supervisor, another client) shows at once.
 */
export class CicStatusBar extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-bar {
        display: flex;
        align-items: center;
        gap: 0.25rem;
        padding: 0.25rem 0.5rem;
        border-top: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
        background: var(--slds-g-color-neutral-base-95, #f3f3f3);
      }
      .cic-status-button {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        flex: 1 1 auto;
        min-width: 0;
        justify-content: flex-start;
        padding: 0 0.25rem;
        /* Brand blue dark enough for text on the grey bar (WCAG AA). */
        color: var(--slds-g-color-brand-base-40, #0b5cab);
      }
      .cic-status-time {
        font-variant-numeric: tabular-nums;
      }
      .cic-status-list li {
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .cic-status-list .cic-status-choice {
        flex: 1 1 auto;
        justify-content: flex-start;
        gap: 0.375rem;
        min-width: 0;
        text-align: left;
      }
      .cic-favourite {
        color: var(--slds-g-color-warning-base-60, #dd7a01);
      }
      .cic-status-list {
        max-height: 16rem;
        overflow: auto;
      }
      .cic-status-current {
        font-weight: 700;
      }
    `,
  ];

  static override properties = {
    listOpen: { state: true },
    search: { state: true },
    detailsFor: { state: true },
  };

  declare private listOpen: boolean;
  declare private search: string;
  /** The status whose details dialog is open. */
  declare private detailsFor: string | null;

  constructor() {
    super();
    this.listOpen = false;
    this.search = '';
    this.detailsFor = null;
  }

  private choose(choice: StatusChoice): void {
    this.listOpen = false;
    this.search = '';
    if (choice.needsDetails) {
      this.detailsFor = choice.statusId;
      return;
    }
    this.intent({ kind: 'intent.setStatus', statusId: statusId(choice.statusId) });
  }

  private renderChoice(choice: StatusChoice) {
    const star = choice.favourite
      ? t('status.removeFavourite', { status: choice.text })
      : t('status.addFavourite', { status: choice.text });
    return html`<li>
      <button
        class="slds-button cic-status-choice ${choice.current ? 'cic-status-current' : ''}"
        type="button"
        aria-current=${choice.current ? 'true' : 'false'}
        @click=${() => this.choose(choice)}
      >
        ${statusIcon(choice.iconUri)}<span class="slds-truncate">${choice.text}</span>
      </button>
      <button
        class="slds-button slds-button_icon slds-button_icon-small ${choice.favourite ? 'cic-favourite' : ''}"
        type="button"
        aria-pressed=${choice.favourite ? 'true' : 'false'}
        aria-label=${star}
        title=${star}
        @click=${() => this.intent({ kind: 'intent.toggleFavourite', statusId: statusId(choice.statusId) })}
      >
        ${buttonIcon(choice.favourite ? utility_favorite : utility_favorite_alt)}
      </button>
    </li>`;
  }

  private renderList() {
    const { favourites, list } = selectStatusChoices(this.state, this.search);
    return html`<cic-dialog
      heading=${t('status.listTitle')}
      ?open=${this.listOpen}
      @cic-dialog-close=${() => {
        this.listOpen = false;
        this.search = '';
      }}
    >
      <div class="cic-stack">
        ${textField({
          id: 'status-search',
          label: t('status.search'),
          type: 'search',
          value: this.search,
          onInput: (v) => (this.search = v),
        })}
        ${
          favourites.length === 0
            ? nothing
            : html`<div class="cic-row cic-row_wrap" role="group" aria-label=${t('status.favourites')}>
                ${favourites.map(
                  (f) =>
                    html`<button
                      class="slds-button slds-button_neutral"
                      type="button"
                      aria-current=${f.current ? 'true' : 'false'}
                      @click=${() => this.choose(f)}
                    >
                      ${statusIcon(f.iconUri)}<span class="slds-p-left_xx-small">${f.text}</span>
                    </button>`,
                )}
              </div>`
        }
        ${
          list.length === 0
            ? html`<p class="cic-muted">${t('status.noMatch')}</p>`
            : html`<ul class="cic-list cic-status-list" aria-label=${t('status.all')}>
                ${list.map((c) => this.renderChoice(c))}
              </ul>`
        }
      </div>
    </cic-dialog>`;
  }

  private detailsTitle(): string {
    const bar = selectStatusBar(this.state);
    const parts = [];
    if (bar !== null && bar.notes !== '') parts.push(t('status.detailsSummary', { notes: bar.notes }));
    if (bar !== null && bar.forwardNumber !== '')
      parts.push(t('status.forwardSummary', { number: bar.forwardNumber }));
    if (bar?.until) parts.push(t('directory.until', { time: formatDateTime(bar.until.at) }));
    return parts.length === 0 ? t('status.details') : `${t('status.details')}: ${parts.join('; ')}`;
  }

  protected override render() {
    const bar = selectStatusBar(this.state);
    const pending =
      bar?.pendingStatusId === null || bar === null
        ? null
        : (this.state.status.catalog[bar.pendingStatusId.toLowerCase()]?.messageText ?? bar.pendingStatusId);
    return html`<section class="cic-bar" aria-label=${t('status.region')}>
        <button
          class="slds-button cic-status-button"
          type="button"
          aria-haspopup="dialog"
          aria-label=${bar === null ? t('status.unknown') : t('status.change', { status: bar.text })}
          ?disabled=${bar === null}
          @click=${() => (this.listOpen = true)}
        >
          ${bar === null ? nothing : statusIcon(bar.iconUri)}
          <span class="slds-truncate">${bar === null ? t('status.unknown') : bar.text}</span>
          ${buttonIcon(utility_chevronup)}
        </button>
        ${
          pending === null
            ? nothing
            : html`<span class="cic-small cic-muted" role="status"
                >${t('status.pending', { status: pending })}</span
              >`
        }
        ${
          bar === null
            ? nothing
            : html`<span
                class="cic-status-time cic-small"
                title=${t('status.timeInStatus', { time: bar.timeInStatus })}
                >${bar.timeInStatus}</span
              >`
        }
        <button
          class="slds-button slds-button_icon slds-button_icon-small"
          type="button"
          aria-label=${t('status.details')}
          title=${this.detailsTitle()}
          ?disabled=${bar === null}
          @click=${() => (this.detailsFor = bar?.statusId ?? null)}
        >
          ${buttonIcon(utility_info)}
        </button>
      </section>
      ${this.renderList()}
      <cic-status-details
        .state=${this.state}
        .statusId=${this.detailsFor}
        @cic-dialog-close=${() => (this.detailsFor = null)}
        @softphone-intent=${() => (this.detailsFor = null)}
      ></cic-status-details>`;
  }
}

define('cic-status-bar', CicStatusBar);

declare global {
  interface HTMLElementTagNameMap {
    'cic-status-bar': CicStatusBar;
  }
}
