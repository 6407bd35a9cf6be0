import { css, html, nothing } from 'lit';
import { selectDirectory, type DirectoryRow } from '../../domain/index.js';
import { utility_call, utility_check, utility_close } from '../../generated/icons.js';
import { define } from '../define.js';
import { icon } from '../icon.js';
import { formatDateTime, t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { spinner, textField } from '../parts.js';

/**
 * The company directory, paged: search by the start of a name or an extension; each person shows
 * logged in (check) or out (X), status with notes and "until", an on-the-phone mark, and the
 * extension, which calls them.
 */
export class CicDirectory extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-people li {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        padding: 0.375rem 0.75rem;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
      }
      .cic-in {
        color: var(--slds-g-color-success-base-50, #2e844a);
      }
      .cic-out {
        color: var(--slds-g-color-error-base-40, #ba0517);
      }
      .cic-person {
        flex: 1 1 auto;
        min-width: 0;
      }
      .cic-paging {
        justify-content: space-between;
        padding: 0.5rem 0.75rem;
      }
    `,
  ];

  static override properties = { search: { state: true } };
  declare private search: string;

  constructor() {
    super();
    this.search = '';
  }

  protected override firstUpdated(): void {
    // Opening the directory loads its first page (or keeps the search the agent left).
    const d = this.state.directory;
    this.search = d.search;
    if (d.requestId === null && d.entries.length === 0) {
      this.intent({ kind: 'intent.directory.search', text: d.search });
    }
  }

  private renderPerson(row: DirectoryRow) {
    const number = row.extension || row.number;
    return html`<li data-entry=${row.entryId}>
      <span class=${row.loggedIn === false ? 'cic-out' : 'cic-in'}>
        ${
          row.loggedIn === null
            ? nothing
            : row.loggedIn
              ? icon(utility_check, { size: 'xx-small', label: t('directory.loggedIn') })
              : icon(utility_close, { size: 'xx-small', label: t('directory.loggedOut') })
        }
      </span>
      <div class="cic-person">
        <div class="slds-truncate">
          <strong>${row.name}</strong>
          ${row.onPhone ? html`<span class="cic-in">${icon(utility_call, { size: 'xx-small', label: t('directory.onPhone') })}</span>` : nothing}
        </div>
        ${
          row.statusText === null
            ? nothing
            : html`<div class="cic-small cic-muted">
                ${row.statusText}${row.statusNotes === '' ? nothing : html` – ${row.statusNotes}`}${
                  row.until === null
                    ? nothing
                    : html` · ${t('directory.until', { time: formatDateTime(row.until.at) })}`
                }
              </div>`
        }
      </div>
      ${
        number === ''
          ? nothing
          : html`<button
              class="slds-button"
              type="button"
              aria-label=${t('directory.call', { name: row.name, number })}
              title=${t('directory.call', { name: row.name, number })}
              @click=${() => this.intent({ kind: 'intent.dial', number, source: 'directory', advanced: null })}
            >
              ${number}
            </button>`
      }
    </li>`;
  }

  protected override render() {
    const view = selectDirectory(this.state);
    const from = view.filteredCount === 0 ? 0 : view.index + 1;
    const to = Math.min(view.filteredCount, view.index + view.pageSize);
    return html`<section aria-labelledby="dir-title">
      <div class="cic-section cic-stack">
        <h2 id="dir-title" class="cic-heading">${t('directory.title')}</h2>
        ${textField({
          id: 'dir-search',
          label: t('directory.search'),
          type: 'search',
          autocomplete: 'off',
          help: t('directory.searchHint'),
          value: this.search,
          onInput: (v) => {
            this.search = v;
            this.intent({ kind: 'intent.directory.search', text: v });
          },
        })}
        ${view.loading ? spinner(t('directory.loading')) : nothing}
      </div>
      ${
        view.rows.length === 0 && !view.loading
          ? html`<p class="cic-section cic-muted">${t('directory.empty')}</p>`
          : html`<ul class="cic-list cic-people" aria-label=${t('directory.title')}>
              ${view.rows.map((r) => this.renderPerson(r))}
            </ul>`
      }
      ${
        view.filteredCount > view.pageSize
          ? html`<div class="cic-row cic-paging">
              <button
                class="slds-button slds-button_neutral"
                type="button"
                ?disabled=${view.index === 0 || view.loading}
                @click=${() =>
                  this.intent({
                    kind: 'intent.directory.page',
                    index: Math.max(0, view.index - view.pageSize),
                  })}
              >
                ${t('directory.previous')}
              </button>
              <span class="cic-small">${t('directory.page', { from, to, total: view.filteredCount })}</span>
              <button
                class="slds-button slds-button_neutral"
                type="button"
                ?disabled=${to >= view.filteredCount || view.loading}
                @click=${() => this.intent({ kind: 'intent.directory.page', index: view.index + view.pageSize })}
              >
                ${t('directory.next')}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }
}

define('cic-directory', CicDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'cic-directory': CicDirectory;
  }
}
