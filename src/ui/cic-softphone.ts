import { define } from './define.js';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  selectSession,
  selectStationForm,
  type Input,
  type SoftphoneState,
  type Store,
} from '../domain/index.js';
import { t } from './i18n/t.js';
import { baseStyles } from './panel-element.js';
import { spinner } from './parts.js';
import { StoreController } from './store-controller.js';
import './chrome/cic-header.js';
import './chrome/cic-notices.js';
import './logon/cic-agreement.js';
import './logon/cic-logon.js';
import './logon/cic-password-dialog.js';
import './station/cic-station-form.js';

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
        container-type: inline-size;
        min-width: 200px;
        background: var(--slds-g-color-neutral-base-100, #fff);
      }
      .cic-panel {
        display: flex;
        flex-direction: column;
        min-height: 100%;
      }
      .cic-main {
        flex: 1 1 auto;
        min-height: 0;
      }
    `,
  ];

  /** The domain store to render. */
  static override properties = {
    store: { attribute: false },
    view: { state: true },
  };

  declare store: Store<SoftphoneState, Input> | null;

  private readonly controller = new StoreController(this);

  declare protected view: MainView;

  constructor() {
    super();
    this.store = null;
    this.view = 'interactions';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.controller.setStore(this.store);
  }

  /** What the panel currently renders (the latest state from the store). */
  get snapshot(): SoftphoneState | null {
    return this.controller.value;
  }

  protected override render() {
    const s = this.controller.value;
    if (s === null) return html`<div class="cic-section">${spinner()}</div>`;
    return html`<div class="cic-panel">${this.renderPhase(s)}</div>`;
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
    return html`<cic-header .state=${s} mode=${ready ? 'full' : 'minimal'}></cic-header>
      <cic-notices .state=${s}></cic-notices>
      ${signingOut ? html`<div class="cic-section">${spinner(t('session.signingOut'))}</div>` : nothing}
      <div class="cic-main">
        ${
          station.visible && !auto
            ? html`<cic-station-form .state=${s}></cic-station-form>`
            : auto
              ? html`<div class="cic-section">${spinner(t('station.busy'))}</div>`
              : ready
                ? this.renderMain(s)
                : html`<div class="cic-section">${spinner()}</div>`
        }
      </div>
      <cic-password-dialog .state=${s}></cic-password-dialog>`;
  }

  protected renderMain(_s: SoftphoneState): TemplateResult {
    return html``;
  }
}

/** The views of the main screen. */
export type MainView = 'interactions' | 'makeCall' | 'directory' | 'history';

define('cic-softphone', CicSoftphone);

declare global {
  interface HTMLElementTagNameMap {
    'cic-softphone': CicSoftphone;
  }
}
