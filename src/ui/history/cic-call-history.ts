import { css, html, nothing } from 'lit';
import { formatDuration, HistoryFilter, selectCallHistory, type HistoryRow } from '../../domain/index.js';
import {
  utility_forward,
  utility_incoming_call,
  utility_missed_call,
  utility_outbound_call,
  utility_call,
  type SldsIcon,
} from '../../generated/icons.js';
import { define } from '../define.js';
import { buttonIcon, icon } from '../icon.js';
import { formatDateTime, t, type MessageId } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';

const FILTERS: readonly { readonly id: HistoryFilter; readonly label: MessageId }[] = [
  { id: HistoryFilter.All, label: 'history.filter.all' },
  { id: HistoryFilter.Missed, label: 'history.filter.missed' },
  { id: HistoryFilter.Outgoing, label: 'history.filter.outgoing' },
  { id: HistoryFilter.Answered, label: 'history.filter.answered' },
  { id: HistoryFilter.Forwarded, label: 'history.filter.forwarded' },
];

function kindOf(row: HistoryRow): { icon: SldsIcon; label: MessageId; cls: string } {
  if (row.outcome === 'forwarded')
    return { icon: utility_forward, label: 'history.direction.forwarded', cls: '' };
  if (row.direction === 'outgoing')
    return { icon: utility_outbound_call, label: 'history.direction.outgoing', cls: '' };
  if (row.direction === 'incoming' && row.outcome === 'none')
    return { icon: utility_missed_call, label: 'history.direction.missed', cls: 'cic-error' };
  if (row.direction === 'incoming')
    return { icon: utility_incoming_call, label: 'history.direction.incoming', cls: '' };
  return { icon: utility_call, label: 'history.direction.none', cls: '' };
}

/**
 * Call History: recent calls with name, number, time, duration and interaction id, filtered by
 * missed, outgoing, answered or forwarded; a call button redials.
 */
export class CicCallHistory extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      .cic-filters .slds-button {
        margin: 0;
        padding: 0 0.5rem;
      }
      .cic-filters [aria-pressed='true'] {
        background: var(--slds-g-color-brand-base-50, #0176d3);
        border-color: var(--slds-g-color-brand-base-50, #0176d3);
        color: #fff;
      }
      .cic-calls li {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        padding: 0.375rem 0.75rem;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
      }
      .cic-call {
        flex: 1 1 auto;
        min-width: 0;
      }
    `,
  ];

  static override properties = { filter: { state: true } };
  declare private filter: HistoryFilter;

  constructor() {
    super();
    this.filter = HistoryFilter.All;
  }

  private renderRow(row: HistoryRow) {
    const kind = kindOf(row);
    const name = row.name === '' ? t('interactions.unknownName') : row.name;
    return html`<li data-id=${row.interactionId}>
      <span class=${kind.cls}>${icon(kind.icon, { size: 'x-small', label: t(kind.label) })}</span>
      <div class="cic-call">
        <div class="slds-truncate"><strong>${name}</strong></div>
        <div class="cic-small cic-muted slds-truncate">
          ${row.number !== '' && row.number !== name ? html`${row.number} · ` : nothing}${formatDateTime(row.startedAt)}${
            row.durationMs === null ? nothing : html` · ${formatDuration(row.durationMs)}`
          }
        </div>
        <div class="cic-small cic-muted">${t('history.id', { id: row.interactionId })}</div>
      </div>
      ${
        row.canDial
          ? html`<button
              class="slds-button slds-button_icon slds-button_icon-border-filled"
              type="button"
              aria-label=${t('history.call', { name })}
              title=${t('history.call', { name })}
              @click=${() => this.intent({ kind: 'intent.dial', number: row.number, source: 'history', advanced: null })}
            >
              ${buttonIcon(utility_call)}
            </button>`
          : nothing
      }
    </li>`;
  }

  protected override render() {
    const rows = selectCallHistory(this.state, this.filter);
    return html`<section aria-labelledby="history-title">
      <div class="cic-section cic-stack">
        <h2 id="history-title" class="cic-heading">${t('history.title')}</h2>
        <div class="cic-filters" role="group" aria-label=${t('history.filter')}>
          ${FILTERS.map(
            (f) =>
              html`<button
                class="slds-button slds-button_neutral"
                type="button"
                aria-pressed=${this.filter === f.id ? 'true' : 'false'}
                @click=${() => (this.filter = f.id)}
              >
                ${t(f.label)}
              </button>`,
          )}
        </div>
      </div>
      ${
        rows.length === 0
          ? html`<p class="cic-section cic-muted">${t('history.empty')}</p>`
          : html`<ul class="cic-list cic-calls" aria-label=${t('history.title')}>
              ${rows.map((r) => this.renderRow(r))}
            </ul>`
      }
    </section>`;
  }
}

define('cic-call-history', CicCallHistory);

declare global {
  interface HTMLElementTagNameMap {
    'cic-call-history': CicCallHistory;
  }
}
