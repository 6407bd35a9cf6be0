import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  interactionId,
  selectCallLogs,
  selectCrmStatus,
  selectInteractions,
  type CallLogView,
  type CrmRecord,
} from '../../domain/index.js';
import { utility_forward, utility_sync } from '../../generated/icons.js';
import { define } from '../define.js';
import { buttonIcon } from '../icon.js';
import { formatCountdown, t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { notification, spinner, textField } from '../parts.js';

/** What the agent changed in one call log and has not saved yet (absent: unchanged). */
interface Draft {
  subject?: string;
  description?: string;
  whoId?: string | null;
  whatId?: string | null;
}

/** Salesforce Lead ids start with `00Q`: a Task naming a Lead cannot have a Related To. */
function isLead(id: string | null): boolean {
  return id !== null && id.startsWith('00Q');
}

/** The "Interaction" text: the caller id (name and number), or "Conference". */
export function callLogLabel(log: CallLogView): string {
  if (log.conference) return t('callLog.conference');
  const parts = [log.remoteName, log.remoteAddress].filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  return parts.length === 0 ? t('interactions.unknownName') : parts.join(' ');
}

/**
 * The call log of an interaction — the Salesforce Task it becomes. Shows the interaction (a
 * chooser when there are several), Subject, Comments, Name and Related To (the records screen pop,
 * click-to-dial and navigation found), Call Result and duration. Save raises one
 * `intent.callLog.edit` with the changed fields only; View in Salesforce saves and pops the Task.
 * After disconnect the log stays editable for the call center's edit window (a countdown), then
 * it is read-only. The save state follows the outbox: saving, saved, or failed with the error and
 * Retry.
 */
export class CicCallLog extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-textarea {
        display: block;
        min-height: 4.5rem;
        padding-top: 0.25rem;
        padding-bottom: 0.25rem;
        line-height: 1.5;
        resize: vertical;
      }
      .cic-static {
        overflow-wrap: anywhere;
      }
      .cic-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .cic-actions .slds-button {
        margin: 0;
      }
    `,
  ];

  static override properties = {
    target: { attribute: false },
    chosen: { state: true },
  };

  /**
   * Which log the panel asked for (a new object per request, so asking again for the same log
   * after the agent chose another one still shows it); `null`: the selected interaction's.
   */
  declare target: { readonly interactionId: string | null };
  /** The log shown; `null` (or a log that is gone): the selected interaction's, else the first. */
  declare private chosen: string | null;

  private readonly drafts = new Map<string, Draft>();

  constructor() {
    super();
    this.target = { interactionId: null };
    this.chosen = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) this.chosen = this.target.interactionId;
  }

  private current(logs: readonly CallLogView[]): CallLogView | null {
    const find = (id: string | null | undefined) =>
      id === null || id === undefined ? undefined : logs.find((l) => l.interactionId === id);
    const selected = selectInteractions(this.state).find((r) => r.selected)?.id;
    return find(this.chosen) ?? find(selected) ?? logs[0] ?? null;
  }

  private draft(id: string): Draft {
    return this.drafts.get(id) ?? {};
  }

  private change(id: string, patch: Draft): void {
    this.drafts.set(id, { ...this.draft(id), ...patch });
    this.requestUpdate();
  }

  /** The fields the agent changed (compared with the log as it is now). */
  private changes(log: CallLogView): Draft {
    const d = this.draft(log.interactionId);
    const out: Draft = {};
    if (d.subject !== undefined && d.subject !== log.subject) out.subject = d.subject;
    if (d.description !== undefined && d.description !== log.description) out.description = d.description;
    if (d.whoId !== undefined && d.whoId !== log.whoId) out.whoId = d.whoId;
    if (d.whatId !== undefined && d.whatId !== log.whatId && this.relatedAllowed(log)) out.whatId = d.whatId;
    return out;
  }

  private relatedAllowed(log: CallLogView): boolean {
    const who = this.draft(log.interactionId).whoId;
    return who === undefined ? log.relatedAllowed : !isLead(who);
  }

  /** Raises the edit with the changed fields; returns whether there was anything to save. */
  private saveChanges(log: CallLogView): boolean {
    const changes = this.changes(log);
    this.drafts.delete(log.interactionId);
    if (Object.keys(changes).length === 0) return false;
    this.intent({ kind: 'intent.callLog.edit', interactionId: interactionId(log.interactionId), ...changes });
    return true;
  }

  private onSubmit(event: Event, log: CallLogView): void {
    event.preventDefault();
    if (log.editable) this.saveChanges(log);
  }

  private viewInSalesforce(log: CallLogView): void {
    if (log.editable) this.saveChanges(log);
    this.intent({ kind: 'intent.callLog.open', interactionId: interactionId(log.interactionId) });
  }

  private renderChooser(logs: readonly CallLogView[], log: CallLogView): TemplateResult {
    if (logs.length < 2) {
      return html`<div class="slds-form-element">
        <span class="slds-form-element__label">${t('callLog.interaction')}</span>
        <div class="cic-static" data-field="interaction">${callLogLabel(log)}</div>
      </div>`;
    }
    return html`<div class="slds-form-element">
      <label class="slds-form-element__label" for="call-log-interaction">${t('callLog.interaction')}</label>
      <div class="slds-form-element__control">
        <div class="slds-select_container">
          <select
            id="call-log-interaction"
            class="slds-select"
            @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}
          >
            ${logs.map(
              (l) =>
                html`<option value=${l.interactionId} ?selected=${l.interactionId === log.interactionId}>
                  ${callLogLabel(l)}
                </option>`,
            )}
          </select>
        </div>
      </div>
    </div>`;
  }

  private renderRecordSelect(o: {
    id: string;
    label: string;
    records: readonly CrmRecord[];
    value: string | null;
    disabled: boolean;
    help: string | null;
    onChange: (value: string | null) => void;
  }): TemplateResult {
    return html`<div class="slds-form-element">
      <label class="slds-form-element__label" for=${o.id}>${o.label}</label>
      <div class="slds-form-element__control">
        <div class="slds-select_container">
          <select
            id=${o.id}
            class="slds-select"
            ?disabled=${o.disabled}
            aria-describedby=${o.help === null ? nothing : `${o.id}-help`}
            @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              o.onChange(v === '' ? null : v);
            }}
          >
            <option value="" ?selected=${o.value === null}>${t('callLog.none')}</option>
            ${o.records.map(
              (r) =>
                html`<option value=${r.id} ?selected=${r.id === o.value}>
                  ${r.name} (${r.objectType})
                </option>`,
            )}
          </select>
        </div>
      </div>
      ${
        o.help === null
          ? nothing
          : html`<div class="slds-form-element__help cic-small" id="${o.id}-help">${o.help}</div>`
      }
    </div>`;
  }

  private renderStatic(label: string, value: string, field: string): TemplateResult {
    return html`<div class="slds-form-element">
      <span class="slds-form-element__label">${label}</span>
      <div class="cic-static" data-field=${field}>${value}</div>
    </div>`;
  }

  private renderSaveState(log: CallLogView): TemplateResult | typeof nothing {
    const save = log.save;
    switch (save.status) {
      case 'saving':
        return spinner(t('callLog.saving'));
      case 'saved':
        return html`<p class="cic-small cic-muted" role="status">${t('callLog.saved')}</p>`;
      case 'pending':
        return html`<p class="cic-small cic-muted" role="status">${t('callLog.pending')}</p>`;
      case 'notConnected':
        return html`<p class="cic-small cic-muted" role="status">${t('callLog.notConnected')}</p>`;
      case 'disabled':
        return notification('info', t('callLog.disabled'));
      case 'failed': {
        const retry =
          save.retryAt === null
            ? ''
            : ` ${t('callLog.retryAt', {
                attempts: save.attempts,
                time: formatCountdown(Math.ceil(Math.max(0, save.retryAt - this.state.now) / 1000)),
              })}`;
        return notification(
          'error',
          `${t('callLog.failed', { error: save.error })}${retry}`,
          html`<button
            class="slds-button slds-button_neutral"
            type="button"
            @click=${() => this.intent({ kind: 'intent.callLog.retry', interactionId: interactionId(log.interactionId) })}
          >
            ${buttonIcon(utility_sync, 'slds-button__icon_left')}${t('callLog.retry')}
          </button>`,
        );
      }
    }
  }

  private renderLog(logs: readonly CallLogView[], log: CallLogView, ready: boolean): TemplateResult {
    const id = log.interactionId;
    const d = this.draft(id);
    const readOnly = !log.editable;
    const relatedAllowed = this.relatedAllowed(log);
    const who = d.whoId === undefined ? log.whoId : d.whoId;
    const what = relatedAllowed ? (d.whatId === undefined ? log.whatId : d.whatId) : null;
    const dirty = Object.keys(this.changes(log)).length > 0;
    const canView = ready && log.save.status !== 'disabled' && log.save.status !== 'notConnected';
    const meta = [log.objectLabel, log.callType].filter((p) => p !== '').join(' · ');
    return html`<form class="cic-stack" novalidate @submit=${(e: Event) => this.onSubmit(e, log)}>
      ${this.renderChooser(logs, log)}
      <p class="cic-small cic-muted">${meta}</p>
      ${textField({
        id: 'call-log-subject',
        label: t('callLog.subject'),
        value: d.subject ?? log.subject,
        disabled: readOnly,
        onInput: (v) => this.change(id, { subject: v }),
      })}
      <div class="slds-form-element">
        <label class="slds-form-element__label" for="call-log-comments">${t('callLog.comments')}</label>
        <div class="slds-form-element__control">
          <textarea
            id="call-log-comments"
            class="slds-input cic-textarea"
            rows="3"
            maxlength="32000"
            ?disabled=${readOnly}
            .value=${live(d.description ?? log.description)}
            @input=${(e: Event) => this.change(id, { description: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
        </div>
      </div>
      ${this.renderRecordSelect({
        id: 'call-log-name',
        label: t('callLog.name'),
        records: log.names,
        value: who,
        disabled: readOnly,
        help: null,
        onChange: (v) => this.change(id, { whoId: v }),
      })}
      ${this.renderRecordSelect({
        id: 'call-log-related',
        label: t('callLog.relatedTo'),
        records: log.related,
        value: what,
        disabled: readOnly || !relatedAllowed,
        help: relatedAllowed ? null : t('callLog.leadNoRelated'),
        onChange: (v) => this.change(id, { whatId: v }),
      })}
      ${this.renderStatic(t('callLog.callResult'), log.disposition ?? t('callLog.none'), 'callResult')}
      ${
        log.durationSeconds === null
          ? nothing
          : this.renderStatic(t('callLog.duration'), formatCountdown(log.durationSeconds), 'duration')
      }
      ${
        readOnly
          ? html`<p class="cic-small cic-muted" data-edit="closed">${t('callLog.readOnly')}</p>`
          : log.editRemainingMs === null
            ? nothing
            : html`<p class="cic-small" data-edit="countdown">
                ${t('callLog.editFor', { time: formatCountdown(Math.ceil(log.editRemainingMs / 1000)) })}
              </p>`
      }
      ${this.renderSaveState(log)}
      <div class="cic-actions">
        ${
          readOnly
            ? nothing
            : html`<button class="slds-button slds-button_brand" type="submit" ?disabled=${!dirty || !ready}>
                ${t('panel.save')}
              </button>`
        }
        <button
          class="slds-button slds-button_neutral"
          type="button"
          ?disabled=${!canView}
          @click=${() => this.viewInSalesforce(log)}
        >
          ${buttonIcon(utility_forward, 'slds-button__icon_left')}${t('callLog.view')}
        </button>
      </div>
    </form>`;
  }

  protected override render() {
    const crm = selectCrmStatus(this.state);
    const logs = selectCallLogs(this.state);
    const log = this.current(logs);
    return html`<section class="cic-section cic-stack" aria-labelledby="call-log-title">
      <h2 id="call-log-title" class="cic-heading">${t('callLog.title')}</h2>
      ${crm.phase === 'waiting' ? notification('info', t('crm.waiting')) : nothing}
      ${
        log === null
          ? html`<p class="cic-muted">${t('callLog.empty')}</p>`
          : this.renderLog(logs, log, crm.phase === 'ready')
      }
    </section>`;
  }
}

define('cic-call-log', CicCallLog);

declare global {
  interface HTMLElementTagNameMap {
    'cic-call-log': CicCallLog;
  }
}
