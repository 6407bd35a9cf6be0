import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  selectDial,
  selectSession,
  selectStationForm,
  type Input,
  type SoftphoneState,
  type Store,
} from '../domain/index.js';
import {
  utility_call,
  utility_list,
  utility_people,
  utility_recent,
  type SldsIcon,
} from '../generated/icons.js';
import { define } from './define.js';
import { icon } from './icon.js';
import { t, type MessageId } from './i18n/t.js';
import type { PanelRequest } from './chrome/cic-header.js';
import type { IntentEvent } from './intent-event.js';
import { baseStyles } from './panel-element.js';
import { spinner } from './parts.js';
import { StoreController } from './store-controller.js';
import './logon/cic-agreement.js';
import './logon/cic-logon.js';

let sessionViews: Promise<void> | null = null;

/**
 * Loads the views past log-on (./session-views.ts, a chunk of its own) and resolves once their
 * elements are defined. The panel calls it after every render, so loading starts right after the
 * first one and a failed download is tried again on the next render; tests may await it.
 */
export function whenViewsLoaded(): Promise<void> {
  sessionViews ??= import('./session-views.js').then(
    () => undefined,
    (error: unknown) => {
      sessionViews = null;
      throw error;
    },
  );
  return sessionViews;
}

/** The views of the main screen (the call log opens from the menu or a row's pencil, not the bar). */
export type MainView = 'interactions' | 'makeCall' | 'directory' | 'history' | 'callLog';

const VIEWS: readonly {
  readonly id: Exclude<MainView, 'callLog'>;
  readonly label: MessageId;
  readonly icon: SldsIcon;
}[] = [
  { id: 'interactions', label: 'menu.interactions', icon: utility_list },
  { id: 'makeCall', label: 'menu.makeCall', icon: utility_call },
  { id: 'directory', label: 'menu.directory', icon: utility_people },
  { id: 'history', label: 'menu.history', icon: utility_recent },
];

/**
 * The softphone panel. Give it the domain store; it renders the screen the session phase calls
 * for (log on, user agreement, station, then the main view) and raises every request of the
 * agent as one `softphone-intent` event whose detail is a domain intent. It never changes state
 * itself: whoever owns the store (the runtime) dispatches the intents.
 */
export class CicSoftphone extends LitElement {
  static override styles = [
    ...baseStyles,
    css`
      :host {
        display: block;
        height: 100%;
        container-type: inline-size;
        min-width: 200px;
        background: var(--slds-g-color-neutral-base-100, #fff);
      }
      /* Header and status bar stay in place; only the view between them scrolls. */
      .cic-panel {
        display: flex;
        flex-direction: column;
        height: 100%;
      }
      .cic-main {
        flex: 1 1 auto;
        min-height: 0;
        overflow-y: auto;
      }
      .cic-nav {
        display: flex;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
      }
      .cic-nav button {
        flex: 1 1 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.125rem;
        min-width: 0;
        padding: 0.375rem 0.125rem;
        border: 0;
        border-bottom: 3px solid transparent;
        background: none;
        font: inherit;
        font-size: 0.6875rem;
        color: var(--slds-g-color-neutral-base-30, #444);
        cursor: pointer;
      }
      .cic-nav button[aria-current='page'] {
        border-bottom-color: var(--slds-g-color-brand-base-50, #0176d3);
        color: var(--slds-g-color-brand-base-40, #0b5cab);
        font-weight: 700;
      }
      .cic-nav__label {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      @container (max-width: 259px) {
        .cic-nav__label {
          display: none;
        }
      }
    `,
  ];

  static override properties = {
    store: { attribute: false },
    view: { state: true },
    activationOpen: { state: true },
    callLogTarget: { state: true },
  };

  /** The domain store to render. */
  declare store: Store<SoftphoneState, Input> | null;
  /** The view shown in the main screen. */
  declare view: MainView;
  declare private activationOpen: boolean;
  /** The call log asked for (a new object per request). */
  declare private callLogTarget: { readonly interactionId: string | null };
  /** The click-to-dial number last shown in Make a Call. */
  private prefillSeen: string | null = null;

  private readonly controller = new StoreController(this);

  constructor() {
    super();
    this.store = null;
    this.view = 'interactions';
    this.activationOpen = false;
    this.callLogTarget = { interactionId: null };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.controller.setStore(this.store);
    // A click-to-dial number for Advanced Dial: show it in Make a Call. (Read from the state, not
    // through selectCrmStatus: the CRM selectors are not needed before log-on, so they stay out
    // of the initial chunk.)
    const prefill = this.controller.value?.crm.prefill?.number ?? null;
    if (prefill !== this.prefillSeen) {
      this.prefillSeen = prefill;
      if (prefill !== null) this.view = 'makeCall';
    }
  }

  private onPanelRequest = (event: CustomEvent<PanelRequest>): void => {
    const request = event.detail;
    if (request.kind === 'activation') this.activationOpen = true;
    else {
      this.callLogTarget = { interactionId: request.interactionId };
      this.view = 'callLog';
    }
  };

  protected override updated(): void {
    // Unknown tags render empty and upgrade in place once their chunk defines them.
    whenViewsLoaded().catch(() => undefined);
  }

  /** Also waits for the session views, so a settled panel has every element it shows defined. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await whenViewsLoaded().catch(() => undefined);
    return complete;
  }

  /** What the panel currently renders (the latest state from the store). */
  get snapshot(): SoftphoneState | null {
    return this.controller.value;
  }

  /** After a call is placed, My Interactions shows it. */
  private onIntent = (event: IntentEvent): void => {
    const kind = event.detail.kind;
    if (kind === 'intent.dial' || kind === 'intent.redial') this.view = 'interactions';
  };

  protected override render() {
    const s = this.controller.value;
    if (s === null) return html`<div class="cic-section">${spinner()}</div>`;
    return html`<div
      class="cic-panel"
      @softphone-intent=${this.onIntent}
      @cic-panel-request=${this.onPanelRequest}
    >
      ${this.renderPhase(s)}
    </div>`;
  }

  private renderPhase(s: SoftphoneState): TemplateResult {
    const phase = selectSession(s).phase;
    switch (phase) {
      case 'signedOut':
      case 'loggingOn':
      case 'passwordExpired':
        return html`<cic-logon .state=${s}></cic-logon
          ><cic-password-dialog .state=${s}></cic-password-dialog>`;
      case 'agreement':
        return html`<cic-agreement .state=${s}></cic-agreement>`;
      case 'active':
      case 'signingOut':
        return this.renderSession(s, phase === 'signingOut');
    }
  }

  private renderSession(s: SoftphoneState, signingOut: boolean): TemplateResult {
    const station = selectStationForm(s);
    const ready = station.step === 'ready';
    // A remembered station is applied without asking: show progress, not the form.
    const auto = s.station.requested?.auto === true;
    let body: TemplateResult;
    if (station.visible && !auto) body = html`<cic-station-form .state=${s}></cic-station-form>`;
    else if (auto) body = html`<div class="cic-section">${spinner(t('station.busy'))}</div>`;
    else if (ready) body = this.renderMain(s);
    else body = html`<div class="cic-section">${spinner()}</div>`;
    return html`<cic-header .state=${s} mode=${ready ? 'full' : 'minimal'}></cic-header>
      <cic-notices .state=${s}></cic-notices>
      ${signingOut ? html`<div class="cic-section">${spinner(t('session.signingOut'))}</div>` : nothing}
      <div class="cic-main">${body}</div>
      ${ready ? html`<cic-alert-bar .state=${s}></cic-alert-bar>` : nothing}
      <cic-status-bar .state=${s}></cic-status-bar>
      <cic-password-dialog .state=${s}></cic-password-dialog>
      <cic-activation-dialog
        .state=${s}
        ?open=${this.activationOpen && ready}
        @cic-dialog-close=${() => (this.activationOpen = false)}
      ></cic-activation-dialog>`;
  }

  private renderMain(s: SoftphoneState): TemplateResult {
    const dialHidden = selectDial(s).availability === 'hidden';
    const views = VIEWS.filter((v) => !(dialHidden && v.id === 'makeCall'));
    const view = dialHidden && this.view === 'makeCall' ? 'interactions' : this.view;
    return html`<nav class="cic-nav" aria-label=${t('views.label')}>
        ${views.map(
          (v) =>
            html`<button
              type="button"
              aria-current=${v.id === view ? 'page' : 'false'}
              aria-label=${t(v.label)}
              title=${t(v.label)}
              data-view=${v.id}
              @click=${() => (this.view = v.id)}
            >
              ${icon(v.icon, { size: 'xx-small' })}<span class="cic-nav__label" aria-hidden="true"
                >${t(v.label)}</span
              >
            </button>`,
        )}
      </nav>
      <cic-secure-pause .state=${s}></cic-secure-pause>
      ${this.renderView(s, view)}`;
  }

  private renderView(s: SoftphoneState, view: MainView): TemplateResult {
    switch (view) {
      case 'interactions':
        return html`<cic-interactions-view .state=${s}></cic-interactions-view>`;
      case 'makeCall':
        return html`<cic-make-call .state=${s}></cic-make-call>`;
      case 'directory':
        return html`<cic-directory .state=${s}></cic-directory>`;
      case 'history':
        return html`<cic-call-history .state=${s}></cic-call-history>`;
      case 'callLog':
        return html`<cic-call-log .state=${s} .target=${this.callLogTarget}></cic-call-log>`;
    }
  }
}

define('cic-softphone', CicSoftphone);

declare global {
  interface HTMLElementTagNameMap {
    'cic-softphone': CicSoftphone;
  }
}
