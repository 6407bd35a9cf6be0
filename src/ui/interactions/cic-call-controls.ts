import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  interactionId,
  selectControls,
  selectInteractions,
  selectSecurePause,
  type Control,
  type ControlState,
  type InteractionId,
} from '../../domain/index.js';
import {
  utility_answer,
  utility_end_call,
  utility_forward,
  utility_keypad,
  utility_merge,
  utility_muted,
  utility_pause,
  utility_record,
  utility_shield,
  utility_snippet,
  utility_voicemail_drop,
  type SldsIcon,
} from '../../generated/icons.js';
import { define } from '../define.js';
import '../dialog.js';
import { buttonIcon } from '../icon.js';
import { formatCountdown, t, type MessageId } from '../i18n/t.js';
import { baseStyles, PanelElement } from '../panel-element.js';
import './cic-dial-pad.js';
import { rowName } from './cic-interaction-list.js';
import '../transfer/cic-transfer-dialog.js';

type Shown = Exclude<Control, 'consult'>;

/** The controls in toolbar order; `toggle` ones show their state with `aria-pressed`. */
const CONTROLS: readonly {
  readonly id: Shown;
  readonly label: MessageId;
  readonly icon: SldsIcon;
  readonly toggle: boolean;
}[] = [
  { id: 'pickup', label: 'control.pickup', icon: utility_answer, toggle: false },
  { id: 'hold', label: 'control.hold', icon: utility_pause, toggle: true },
  { id: 'mute', label: 'control.mute', icon: utility_muted, toggle: true },
  { id: 'transfer', label: 'control.transfer', icon: utility_forward, toggle: false },
  { id: 'disconnect', label: 'control.disconnect', icon: utility_end_call, toggle: false },
  { id: 'record', label: 'control.record', icon: utility_record, toggle: true },
  { id: 'snip', label: 'control.snip', icon: utility_snippet, toggle: true },
  { id: 'securePause', label: 'control.securePause', icon: utility_shield, toggle: true },
  { id: 'voicemail', label: 'control.voicemail', icon: utility_voicemail_drop, toggle: false },
  { id: 'dialPad', label: 'control.dialPad', icon: utility_keypad, toggle: true },
  { id: 'conference', label: 'control.conference', icon: utility_merge, toggle: false },
];

/**
 * The call controls of the selected interaction, from `selectControls`: a control the agent's
 * rights or licences forbid is not shown; one the interaction's state forbids is dimmed
 * (disabled, with the reason as its tooltip); an active one (held, muted, recording…) is pressed.
 * Transfer opens the transfer dialog, Dial Pad the DTMF keypad, Conference a chooser of the other
 * connected call (the keyboard way to drop one call onto another).
 */
export class CicCallControls extends PanelElement {
  static override styles = [
    ...baseStyles,
    css`
      .cic-controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        padding: 0.5rem 0.75rem;
      }
      .cic-control {
        position: relative;
        width: 2.25rem;
        height: 2.25rem;
        margin: 0;
      }
      .cic-control[aria-pressed='true'] {
        border-color: var(--slds-g-color-brand-base-50, #0176d3);
        box-shadow: inset 0 -3px 0 var(--slds-g-color-brand-base-50, #0176d3);
        color: var(--slds-g-color-brand-base-40, #0b5cab);
      }
      .cic-control_disconnect:not([disabled]) {
        color: var(--slds-g-color-error-base-40, #ba0517);
      }
      .cic-control_pickup:not([disabled]) {
        color: var(--slds-g-color-success-base-50, #2e844a);
      }
      .cic-control .slds-button__icon {
        width: 1rem;
        height: 1rem;
      }
      .cic-control[disabled] {
        opacity: 0.45;
      }
      .cic-countdown {
        position: absolute;
        bottom: -0.125rem;
        left: 0;
        right: 0;
        font-size: 0.5625rem;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      .cic-pad-area {
        padding: 0 0.75rem 0.5rem;
      }
    `,
  ];

  static override properties = {
    padOpen: { state: true },
    transferFor: { state: true },
    conferenceOpen: { state: true },
  };

  declare private padOpen: boolean;
  /** The interaction the transfer dialog is open for. */
  declare private transferFor: string | null;
  declare private conferenceOpen: boolean;

  constructor() {
    super();
    this.padOpen = false;
    this.transferFor = null;
    this.conferenceOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The keypad closes when it can no longer send tones (call held, ended or another selected).
    if (
      changed.has('state') &&
      this.padOpen &&
      selectControls(this.state).dialPad.availability !== 'enabled'
    ) {
      this.padOpen = false;
    }
  }

  private selectedId(): InteractionId | null {
    const id = this.state.queue.selectedId;
    return id === null ? null : interactionId(id);
  }

  private run(control: Shown): void {
    const id = this.selectedId();
    if (id === null) return;
    switch (control) {
      case 'pickup':
        return this.intent({ kind: 'intent.pickup', interactionId: id });
      case 'hold':
        return this.intent({ kind: 'intent.hold', interactionId: id });
      case 'mute':
        return this.intent({ kind: 'intent.mute', interactionId: id });
      case 'disconnect':
        return this.intent({ kind: 'intent.disconnect', interactionId: id });
      case 'record':
        return this.intent({ kind: 'intent.record', interactionId: id });
      case 'snip':
        return this.intent({ kind: 'intent.snip', interactionId: id });
      case 'securePause':
        return this.intent({ kind: 'intent.securePause', interactionId: id });
      case 'voicemail':
        return this.intent({ kind: 'intent.voicemail', interactionId: id });
      case 'transfer':
        this.transferFor = id;
        return;
      case 'dialPad':
        this.padOpen = !this.padOpen;
        return;
      case 'conference':
        this.conferenceOpen = true;
        return;
    }
  }

  private renderControl(
    c: (typeof CONTROLS)[number],
    state: ControlState,
    countdown: number | null,
  ): TemplateResult {
    const label = t(c.label);
    const pressed = c.id === 'dialPad' ? this.padOpen : state.active;
    const reason = state.reason === null ? null : t(`control.reason.${state.reason}`);
    return html`<button
      class="slds-button slds-button_icon slds-button_icon-border-filled cic-control cic-control_${c.id}"
      type="button"
      data-control=${c.id}
      aria-label=${label}
      aria-pressed=${c.toggle ? (pressed ? 'true' : 'false') : nothing}
      title=${reason === null ? label : `${label}: ${reason}`}
      ?disabled=${state.availability === 'disabled'}
      @click=${() => this.run(c.id)}
    >
      ${buttonIcon(c.icon)}
      ${countdown === null ? nothing : html`<span class="cic-countdown" aria-hidden="true">${formatCountdown(countdown)}</span>`}
    </button>`;
  }

  private sendDigit(event: CustomEvent<string>): void {
    const id = this.selectedId();
    if (id !== null) this.intent({ kind: 'intent.dtmf', interactionId: id, digits: event.detail });
  }

  private renderConference() {
    const selected = this.state.queue.selectedId;
    const others = selectInteractions(this.state).filter(
      (r) => r.id !== selected && r.parentId === null && (r.phase === 'connected' || r.phase === 'held'),
    );
    return html`<cic-dialog
      heading=${t('conference.title')}
      ?open=${this.conferenceOpen}
      @cic-dialog-close=${() => (this.conferenceOpen = false)}
    >
      <p class="slds-m-bottom_x-small">${t('conference.with')}</p>
      <ul class="cic-list cic-stack">
        ${others.map(
          (r) =>
            html`<li>
              <button
                class="slds-button slds-button_neutral"
                type="button"
                @click=${() => {
                  this.conferenceOpen = false;
                  const dropped = this.selectedId();
                  if (dropped !== null)
                    this.intent({
                      kind: 'intent.conference',
                      targetId: interactionId(r.id),
                      droppedId: dropped,
                    });
                }}
              >
                ${t('conference.choose', { name: rowName(r) })}
              </button>
            </li>`,
        )}
      </ul>
    </cic-dialog>`;
  }

  protected override render() {
    const controls = selectControls(this.state);
    const selected = this.state.queue.selectedId;
    const pause = selected === null ? null : selectSecurePause(this.state, selected);
    const shown = CONTROLS.filter((c) => controls[c.id].availability !== 'hidden');
    return html`<div class="cic-controls" role="group" aria-label=${t('controls.label')}>
        ${shown.map((c) =>
          this.renderControl(
            c,
            controls[c.id],
            c.id === 'securePause' && pause?.active ? pause.secondsLeft : null,
          ),
        )}
      </div>
      ${
        this.padOpen
          ? html`<div class="cic-pad-area">
              <cic-dial-pad .state=${this.state} @cic-dial-key=${this.sendDigit}></cic-dial-pad>
            </div>`
          : nothing
      }
      <cic-transfer-dialog
        .state=${this.state}
        .interactionId=${this.transferFor}
        @cic-dialog-close=${() => (this.transferFor = null)}
      ></cic-transfer-dialog>
      ${this.renderConference()}`;
  }
}

define('cic-call-controls', CicCallControls);

declare global {
  interface HTMLElementTagNameMap {
    'cic-call-controls': CicCallControls;
  }
}
