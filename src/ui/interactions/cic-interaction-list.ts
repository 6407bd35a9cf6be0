import { css, html, nothing } from 'lit';
import {
  interactionId,
  selectCallLogs,
  selectCrmStatus,
  selectInteractions,
  type InteractionRow,
} from '../../domain/index.js';
import { utility_edit, utility_muted } from '../../generated/icons.js';
import { requestPanel } from '../chrome/cic-header.js';
import { define } from '../define.js';
import { buttonIcon, icon } from '../icon.js';
import { t } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import { STATE_LOOK } from './state-look.js';

/** The name a row shows: the name rule's result, "Conference (n)" for a conference, else "Unknown". */
export function rowName(row: InteractionRow): string {
  if (row.isConference && row.parentId === null)
    return t('interactions.conference', { count: row.participants });
  return row.name === '' ? t('interactions.unknownName') : row.name;
}

const DRAG_TYPE = 'application/x-cic-interaction';

function talking(row: InteractionRow): boolean {
  return row.phase === 'connected' || row.phase === 'held';
}

/**
 * My Interactions: active and recently disconnected interactions with a state icon in the state's
 * colour, the name, number, the server's state text and the duration. A listbox: click or
 * arrows select; double-click or Enter picks up an alerting interaction or redials a
 * disconnected one; dragging a call onto another makes a conference. Inside Salesforce a pencil
 * on each row with a call log opens it (from the keyboard: Menu > Call Log shows the selected
 * interaction's log).
 */
export class CicInteractionList extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      [role='option'] {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.375rem 0.75rem;
        border-left: 3px solid transparent;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
        cursor: default;
        user-select: none;
      }
      [role='option'][aria-selected='true'] {
        background: var(--slds-g-color-brand-base-95, #eef4ff);
        border-left-color: var(--slds-g-color-brand-base-50, #0176d3);
      }
      [role='option'].cic-member {
        padding-left: 1.75rem;
      }
      [role='option'].cic-drop-target {
        outline: 2px dashed var(--slds-g-color-brand-base-50, #0176d3);
        outline-offset: -2px;
      }
      .cic-row-main {
        flex: 1 1 auto;
        min-width: 0;
      }
      .cic-row-name {
        font-weight: 700;
      }
      .cic-duration {
        font-variant-numeric: tabular-nums;
      }
      .cic-empty {
        padding: 1rem 0.75rem;
      }
      .cic-log-button {
        flex: none;
      }
    `,
  ];

  private dragging: string | null = null;
  private dropTarget: string | null = null;

  private rows(): readonly InteractionRow[] {
    return selectInteractions(this.state);
  }

  private select(row: InteractionRow): void {
    if (!row.selected) this.intent({ kind: 'intent.select', interactionId: interactionId(row.id) });
  }

  private activate(row: InteractionRow): void {
    this.intent({ kind: 'intent.activate', interactionId: interactionId(row.id) });
  }

  private async onKey(event: KeyboardEvent, row: InteractionRow, index: number): Promise<void> {
    const rows = this.rows();
    let next: InteractionRow | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = rows[Math.min(rows.length - 1, index + 1)];
        break;
      case 'ArrowUp':
        next = rows[Math.max(0, index - 1)];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      case 'Enter':
        event.preventDefault();
        this.activate(row);
        return;
      case ' ':
        event.preventDefault();
        this.select(row);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next === undefined) return;
    this.select(next);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.id)}"]`)?.focus();
  }

  private onDragStart(event: DragEvent, row: InteractionRow): void {
    if (!talking(row) || row.parentId !== null) {
      event.preventDefault();
      return;
    }
    this.dragging = row.id;
    event.dataTransfer?.setData(DRAG_TYPE, row.id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'link';
  }

  private canDrop(row: InteractionRow): boolean {
    return this.dragging !== null && this.dragging !== row.id && talking(row) && row.parentId === null;
  }

  private onDragOver(event: DragEvent, row: InteractionRow): void {
    if (!this.canDrop(row)) return;
    event.preventDefault();
    if (this.dropTarget !== row.id) {
      this.dropTarget = row.id;
      this.requestUpdate();
    }
  }

  private onDrop(event: DragEvent, row: InteractionRow): void {
    const dropped = event.dataTransfer?.getData(DRAG_TYPE) || this.dragging;
    event.preventDefault();
    this.onDragEnd();
    if (!dropped || dropped === row.id) return;
    this.intent({
      kind: 'intent.conference',
      targetId: interactionId(row.id),
      droppedId: interactionId(dropped),
    });
  }

  private onDragEnd(): void {
    this.dragging = null;
    this.dropTarget = null;
    this.requestUpdate();
  }

  /** Ids of the interactions whose call log the agent can open (only inside a CRM). */
  private logIds(): ReadonlySet<string> {
    if (selectCrmStatus(this.state).phase === 'waiting') return new Set();
    return new Set(selectCallLogs(this.state).map((l) => l.interactionId));
  }

  /**
   * The pencil: a mouse shortcut inside the option (kept out of the tab order so the listbox
   * stays one tab stop; keys and double-clicks on it do not reach the row).
   */
  private renderLogButton(row: InteractionRow) {
    const label = t('callLog.for', { name: rowName(row) });
    return html`<button
      class="slds-button slds-button_icon slds-button_icon-small cic-log-button"
      type="button"
      tabindex="-1"
      draggable="false"
      aria-label=${label}
      title=${label}
      data-call-log=${row.id}
      @click=${() => requestPanel(this, { kind: 'callLog', interactionId: row.id })}
      @dblclick=${(e: Event) => e.stopPropagation()}
      @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
    >
      ${buttonIcon(utility_edit)}
    </button>`;
  }

  private renderRow(row: InteractionRow, index: number, focusId: string | null, logIds: ReadonlySet<string>) {
    const look = STATE_LOOK[row.stateClass];
    const stateText = row.stateText === '' ? t(look.label) : row.stateText;
    const classes = [
      row.parentId === null ? '' : 'cic-member',
      this.dropTarget === row.id ? 'cic-drop-target' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<li
      role="option"
      class=${classes}
      data-id=${row.id}
      data-state=${row.stateClass}
      aria-selected=${row.selected ? 'true' : 'false'}
      tabindex=${row.id === focusId ? '0' : '-1'}
      draggable=${talking(row) && row.parentId === null ? 'true' : 'false'}
      @click=${() => this.select(row)}
      @dblclick=${() => this.activate(row)}
      @keydown=${(e: KeyboardEvent) => void this.onKey(e, row, index)}
      @dragstart=${(e: DragEvent) => this.onDragStart(e, row)}
      @dragover=${(e: DragEvent) => this.onDragOver(e, row)}
      @dragleave=${() => {
        if (this.dropTarget === row.id) {
          this.dropTarget = null;
          this.requestUpdate();
        }
      }}
      @drop=${(e: DragEvent) => this.onDrop(e, row)}
      @dragend=${this.onDragEnd}
    >
      <span class=${look.cls}>${icon(look.icon, { size: 'x-small' })}</span>
      <span class="cic-row-main">
        <span class="cic-row-name slds-truncate" style="display:block">${rowName(row)}</span>
        <span class="cic-small cic-muted slds-truncate" style="display:block">
          ${row.number !== '' && row.number !== row.name ? html`${row.number} · ` : nothing}<span
            class=${look.cls}
            >${stateText}</span
          >${row.muted ? html` · ${t('interactions.muted')}` : nothing}
        </span>
      </span>
      ${row.muted ? html`<span class="cic-muted">${icon(utility_muted, { size: 'xx-small' })}</span>` : nothing}
      <span class="cic-duration cic-small">${row.duration}</span>
      ${logIds.has(row.id) ? this.renderLogButton(row) : nothing}
    </li>`;
  }

  protected override render() {
    const rows = this.rows();
    if (rows.length === 0) return html`<p class="cic-empty cic-muted">${t('interactions.empty')}</p>`;
    const focusId = rows.find((r) => r.selected)?.id ?? rows[0]?.id ?? null;
    const logIds = this.logIds();
    return html`<ul role="listbox" aria-label=${t('interactions.title')} aria-describedby="list-hint">
        ${rows.map((row, i) => this.renderRow(row, i, focusId, logIds))}
      </ul>
      <p id="list-hint" class="slds-assistive-text">
        ${t('interactions.hint')} ${t('interactions.dragHint')}
      </p>`;
  }
}

define('cic-interaction-list', CicInteractionList);

declare global {
  interface HTMLElementTagNameMap {
    'cic-interaction-list': CicInteractionList;
  }
}
