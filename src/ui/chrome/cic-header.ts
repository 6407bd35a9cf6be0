import { define } from '../define.js';
import { css, html, nothing } from 'lit';
import {
  selectCallLogs,
  selectCrmStatus,
  selectSession,
  type ConnectionStatus,
  type Intent,
} from '../../domain/index.js';
import {
  utility_edit,
  utility_groups,
  utility_key,
  utility_logout,
  utility_offline,
  utility_success,
  utility_sync,
  utility_threedots,
  utility_volume_high,
  utility_volume_off,
  type SldsIcon,
} from '../../generated/icons.js';
import { buttonIcon, icon } from '../icon.js';
import { t, type MessageId } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';

/** Panel-only requests the header and rows hand to the panel (not domain intents). */
export const PANEL_REQUEST = 'cic-panel-request';
export type PanelRequest =
  | { readonly kind: 'activation' }
  /** Show the call-log view; `null`: the selected interaction's log. */
  | { readonly kind: 'callLog'; readonly interactionId: string | null };

/** Raises a {@link PanelRequest} from `from` (bubbles out of shadow roots). */
export function requestPanel(from: EventTarget, detail: PanelRequest): void {
  from.dispatchEvent(new CustomEvent<PanelRequest>(PANEL_REQUEST, { detail, bubbles: true, composed: true }));
}

const CONNECTION: Readonly<Record<ConnectionStatus, { key: MessageId; icon: SldsIcon; cls: string }>> = {
  connected: { key: 'connection.connected', icon: utility_success, cls: 'cic-connection_ok' },
  reconnecting: { key: 'connection.reconnecting', icon: utility_sync, cls: 'cic-connection_warn' },
  lost: { key: 'connection.lost', icon: utility_offline, cls: 'cic-connection_lost' },
};

interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly icon: SldsIcon;
  readonly run: () => void;
}

/**
 * The top of the panel: who is logged on, the station, the connection state, and the profile
 * menu (Workgroup Activation, Call Log inside Salesforce, Change Station, Change Password, ring
 * mute, Log Out).
 */
export class CicHeader extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.25rem 0.5rem 0.25rem 0.75rem;
        border-bottom: 1px solid var(--slds-g-color-neutral-base-90, #e5e5e5);
        background: var(--slds-g-color-neutral-base-100, #fff);
      }
      .cic-header__user {
        font-weight: 700;
      }
      .cic-connection_ok {
        color: var(--slds-g-color-success-base-50, #2e844a);
      }
      .cic-connection_warn {
        color: var(--slds-g-color-warning-base-60, #a96404);
      }
      .cic-connection_lost {
        color: var(--slds-g-color-error-base-40, #ba0517);
      }
      .cic-menu {
        position: relative;
      }
      .slds-dropdown {
        right: 0;
        left: auto;
        min-width: 12rem;
        max-width: calc(100vw - 1rem);
        transform: none;
      }
      .cic-menu__item {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        width: 100%;
        padding: 0.5rem 0.75rem;
        border: 0;
        background: none;
        text-align: left;
        font: inherit;
        color: inherit;
        cursor: pointer;
      }
      .cic-menu__item:hover,
      .cic-menu__item:focus {
        background: var(--slds-g-color-neutral-base-95, #f3f3f3);
      }
    `,
  ];

  /** `minimal` before a station is ready: only Change Password and Log Out make sense. */
  static override properties = {
    mode: {},
    menuOpen: { state: true },
  };

  declare mode: 'full' | 'minimal';
  declare private menuOpen: boolean;

  constructor() {
    super();
    this.mode = 'full';
    this.menuOpen = false;
  }
  private get menuButton(): HTMLButtonElement {
    return this.renderRoot.querySelector('#menu-button') as HTMLButtonElement;
  }

  private items(): MenuItem[] {
    const run = (intent: Intent) => () => this.intent(intent);
    const muted = this.state.prefs.value.ringMuted;
    const items: MenuItem[] = [];
    if (this.mode === 'full') {
      // Inside Salesforce, once an interaction has a call log.
      if (selectCrmStatus(this.state).phase !== 'waiting' && selectCallLogs(this.state).length > 0) {
        items.push({
          id: 'callLog',
          label: t('menu.callLog'),
          icon: utility_edit,
          run: () => requestPanel(this, { kind: 'callLog', interactionId: null }),
        });
      }
      items.push(
        {
          id: 'activation',
          label: t('menu.activation'),
          icon: utility_groups,
          run: () => requestPanel(this, { kind: 'activation' }),
        },
        {
          id: 'station',
          label: t('menu.changeStation'),
          icon: utility_edit,
          run: run({ kind: 'intent.changeStation' }),
        },
      );
    }
    items.push({
      id: 'password',
      label: t('menu.changePassword'),
      icon: utility_key,
      run: run({ kind: 'intent.password.open' }),
    });
    if (this.mode === 'full') {
      items.push({
        id: 'ring',
        label: muted ? t('menu.unmuteRing') : t('menu.muteRing'),
        icon: muted ? utility_volume_high : utility_volume_off,
        run: run({ kind: 'intent.setRingMuted', muted: !muted }),
      });
    }
    items.push({
      id: 'logout',
      label: t('menu.logout'),
      icon: utility_logout,
      run: run({ kind: 'intent.logout' }),
    });
    return items;
  }

  private menuItems(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  private async openMenu(): Promise<void> {
    this.menuOpen = true;
    await this.updateComplete;
    this.menuItems()[0]?.focus();
  }

  private closeMenu(returnFocus: boolean): void {
    this.menuOpen = false;
    if (returnFocus) this.menuButton.focus();
  }

  private onMenuKey(event: KeyboardEvent): void {
    const items = this.menuItems();
    const focused = this.renderRoot.querySelector<HTMLElement>(':focus');
    const index = focused === null ? 0 : Math.max(0, items.indexOf(focused));
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        return this.closeMenu(true);
      case 'Tab':
        return this.closeMenu(false);
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.menuOpen && (next === null || !this.renderRoot.contains(next))) this.menuOpen = false;
  }

  private choose(item: MenuItem): void {
    this.closeMenu(true);
    item.run();
  }

  protected override render() {
    const session = selectSession(this.state);
    const station = this.state.station.current;
    const connection = session.connection === null ? null : CONNECTION[session.connection];
    return html`<header>
      <div class="cic-grow">
        <div class="slds-truncate cic-header__user">${session.userDisplayName ?? ''}</div>
        <div class="cic-row cic-row_wrap cic-small cic-muted">
          <span class="slds-truncate">
            ${station === null ? t('header.noStation') : t('header.station', { name: station.displayName })}
          </span>
          ${
            connection === null
              ? nothing
              : html`<span
                  class="cic-row ${connection.cls}"
                  role="status"
                  data-connection=${session.connection ?? ''}
                >
                  ${icon(connection.icon, { size: 'xx-small' })}${t(connection.key)}
                </span>`
          }
        </div>
      </div>
      <div
        class="cic-menu slds-dropdown-trigger ${this.menuOpen ? 'slds-is-open' : ''}"
        @focusout=${this.onFocusOut}
      >
        <button
          id="menu-button"
          class="slds-button slds-button_icon slds-button_icon-border-filled"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-label=${t('menu.label')}
          title=${t('menu.label')}
          @click=${() => (this.menuOpen ? this.closeMenu(false) : void this.openMenu())}
        >
          ${buttonIcon(utility_threedots)}
        </button>
        ${
          this.menuOpen
            ? html`<div
                class="slds-dropdown"
                role="menu"
                aria-label=${t('menu.label')}
                @keydown=${this.onMenuKey}
              >
                ${this.items().map(
                  (item) =>
                    html`<button
                      class="cic-menu__item"
                      role="menuitem"
                      tabindex="-1"
                      type="button"
                      data-item=${item.id}
                      @click=${() => this.choose(item)}
                    >
                      ${icon(item.icon, { size: 'xx-small' })}<span>${item.label}</span>
                    </button>`,
                )}
              </div>`
            : nothing
        }
      </div>
    </header>`;
  }
}

define('cic-header', CicHeader);

declare global {
  interface HTMLElementTagNameMap {
    'cic-header': CicHeader;
  }
  interface HTMLElementEventMap {
    [PANEL_REQUEST]: CustomEvent<PanelRequest>;
  }
}
