import { html, nothing, type PropertyValues } from 'lit';
import { selectStatusDetails, statusId as toStatusId, type StatusUntil } from '../../domain/index.js';
import { define } from '../define.js';
import '../dialog.js';
import { t } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { textField } from '../parts.js';

interface Draft {
  notes: string;
  forwardNumber: string;
  date: string;
  time: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-mm-dd` and `hh:mm` in local time, as date and time inputs want them. */
function localParts(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** Epoch ms of a local date (default: the day of `today`) and time (default: midnight). */
function untilFrom(date: string, time: string, today: number): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date === '' ? localParts(today).date : date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time === '' ? '00:00' : time);
  if (day === null || clock === null) return null;
  const [y, m, d, hh, mm] = [day[1], day[2], day[3], clock[1], clock[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(y, m - 1, d, hh, mm).getTime();
}

/**
 * Status Details for one status: Notes (with the Status Notes right, prefilled from the last time
 * the status was used), Forward Number (forward statuses only, required), Until Date and Until
 * Time where the status allows them. Save sets the status with its details.
 */
export class CicStatusDetails extends PanelElement {
  static override properties = {
    statusId: { attribute: false },
    draft: { state: true },
    error: { state: true },
  };

  /** The status whose details are edited; `null` closes the dialog. */
  declare statusId: string | null;
  declare private draft: Draft;
  declare private error: string | null;

  constructor() {
    super();
    this.statusId = null;
    this.draft = { notes: '', forwardNumber: '', date: '', time: '' };
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('statusId') || this.statusId === null) return;
    const view = selectStatusDetails(this.state, this.statusId);
    const mine = this.state.status.mine;
    const current = mine !== null && mine.statusId.toLowerCase() === this.statusId.toLowerCase();
    const until = current && mine.until !== null ? localParts(mine.until.at) : { date: '', time: '' };
    this.draft = {
      notes: view?.notes.value ?? '',
      forwardNumber: view?.forwardNumber.value ?? '',
      date: view?.until.date ? until.date : '',
      time: view?.until.time ? until.time : '',
    };
    this.error = null;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('cic-dialog-close', { bubbles: true }));
  }

  private save(event: Event): void {
    event.preventDefault();
    if (this.statusId === null) return;
    const view = selectStatusDetails(this.state, this.statusId);
    if (view === null) return;
    const d = this.draft;
    if (view.forwardNumber.required && d.forwardNumber.trim() === '') {
      this.error = t('status.forwardRequired');
      return;
    }
    let until: StatusUntil | undefined;
    const hasDate = view.until.date && d.date !== '';
    const hasTime = view.until.time && d.time !== '';
    if (hasDate || hasTime) {
      const at = untilFrom(hasDate ? d.date : '', hasTime ? d.time : '', this.state.now);
      if (at !== null) until = { at, hasDate, hasTime };
    }
    this.intent({
      kind: 'intent.setStatus',
      statusId: toStatusId(view.statusId),
      ...(view.notes.allowed ? { notes: d.notes } : {}),
      ...(view.forwardNumber.enabled ? { forwardNumber: d.forwardNumber.trim() } : {}),
      ...(until === undefined ? {} : { until }),
    });
  }

  protected override render() {
    const view = this.statusId === null ? null : selectStatusDetails(this.state, this.statusId);
    const text =
      view === null
        ? ''
        : (this.state.status.catalog[view.statusId.toLowerCase()]?.messageText ?? view.statusId);
    const d = this.draft;
    return html`<cic-dialog
      heading=${t('status.detailsFor', { status: text })}
      ?open=${view !== null}
      @cic-dialog-close=${(e: Event) => {
        e.stopPropagation();
        this.close();
      }}
    >
      ${
        view === null
          ? nothing
          : html`<form id="details-form" class="cic-stack" novalidate @submit=${this.save}>
              ${
                view.notes.allowed
                  ? html`<div class="slds-form-element">
                      <label class="slds-form-element__label" for="notes">${t('status.notes')}</label>
                      <div class="slds-form-element__control">
                        <textarea
                          id="notes"
                          class="slds-input cic-textarea"
                          rows="2"
                          .value=${d.notes}
                          @input=${(e: Event) => (this.draft = { ...this.draft, notes: (e.target as HTMLTextAreaElement).value })}
                        ></textarea>
                      </div>
                    </div>`
                  : nothing
              }
              ${
                view.forwardNumber.enabled
                  ? textField({
                      id: 'forward',
                      label: t('status.forwardNumber'),
                      type: 'tel',
                      inputmode: 'tel',
                      required: view.forwardNumber.required,
                      value: d.forwardNumber,
                      error: this.error,
                      onInput: (v) => (this.draft = { ...this.draft, forwardNumber: v }),
                    })
                  : nothing
              }
              ${
                view.until.date
                  ? textField({
                      id: 'until-date',
                      label: t('status.untilDate'),
                      type: 'date',
                      value: d.date,
                      onInput: (v) => (this.draft = { ...this.draft, date: v }),
                    })
                  : nothing
              }
              ${
                view.until.time
                  ? textField({
                      id: 'until-time',
                      label: t('status.untilTime'),
                      type: 'time',
                      value: d.time,
                      onInput: (v) => (this.draft = { ...this.draft, time: v }),
                    })
                  : nothing
              }
            </form>`
      }
      <button slot="footer" class="slds-button slds-button_neutral" type="button" @click=${this.close}>
        ${t('panel.cancel')}
      </button>
      <button slot="footer" class="slds-button slds-button_brand" type="submit" form="details-form">
        ${t('panel.save')}
      </button>
    </cic-dialog>`;
  }
}

define('cic-status-details', CicStatusDetails);

declare global {
  interface HTMLElementTagNameMap {
    'cic-status-details': CicStatusDetails;
  }
}
