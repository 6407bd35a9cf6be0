import { define } from '../define.js';
import { html, nothing, type PropertyValues } from 'lit';
import {
  selectStationForm,
  type StationChoice,
  type StationFormView,
  type StationKind,
} from '../../domain/index.js';
import { t, type MessageId } from '../i18n/t.js';
import { PanelElement } from '../panel-element.js';
import { checkbox, notification, radio, spinner, textField } from '../parts.js';

const KIND_LABEL: Readonly<Record<StationKind, MessageId>> = {
  workstation: 'station.workstation',
  remoteWorkstation: 'station.remoteWorkstation',
  remoteNumber: 'station.remoteNumber',
  webBasedPhone: 'station.webBasedPhone',
};

interface Draft {
  kind: StationKind;
  workstation: string;
  remoteWorkstation: string;
  number: string;
  persistent: boolean;
  remember: boolean;
}

function draftFrom(view: StationFormView): Draft {
  const draft: Draft = {
    kind: 'workstation',
    workstation: '',
    remoteWorkstation: '',
    number: '',
    persistent: false,
    remember: view.rememberChecked,
  };
  const p = view.prefill;
  if (p === null) return draft;
  switch (p.kind) {
    case 'workstation':
      return { ...draft, kind: p.kind, workstation: p.name };
    case 'remoteWorkstation':
      return { ...draft, kind: p.kind, remoteWorkstation: p.name };
    case 'remoteNumber':
      return { ...draft, kind: p.kind, number: p.number, persistent: p.persistent };
    case 'webBasedPhone':
      return draft;
  }
}

/**
 * Select Station: Workstation, Remote Workstation or Remote Number (Persistent only with the
 * Persistent Connections right), Remember Station, and a visible but disabled Web-Based Phone.
 * Shown after logon when the server reports no station, and from the menu's Change Station.
 */
export class CicStationForm extends PanelElement {
  static override properties = {
    draft: { state: true },
  };

  declare private draft: Draft | null;

  constructor() {
    super();
    this.draft = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const view = selectStationForm(this.state);
    const before = changed.get('state');
    const reopened = before !== undefined && !selectStationForm(before).visible && view.visible;
    if (this.draft === null || reopened) this.draft = draftFrom(view);
  }

  private patch(patch: Partial<Draft>): void {
    if (this.draft !== null) this.draft = { ...this.draft, ...patch };
  }

  private choice(d: Draft, view: StationFormView): StationChoice {
    switch (d.kind) {
      case 'workstation':
        return { kind: 'workstation', name: d.workstation };
      case 'remoteWorkstation':
        return { kind: 'remoteWorkstation', name: d.remoteWorkstation };
      case 'remoteNumber':
        return { kind: 'remoteNumber', number: d.number, persistent: view.showPersistent && d.persistent };
      case 'webBasedPhone':
        return { kind: 'webBasedPhone' };
    }
  }

  private submit(event: Event, view: StationFormView): void {
    event.preventDefault();
    if (this.draft === null) return;
    this.intent({
      kind: 'intent.selectStation',
      choice: this.choice(this.draft, view),
      remember: this.draft.remember,
    });
  }

  private renderField(d: Draft, view: StationFormView) {
    const busy = view.busy;
    switch (d.kind) {
      case 'workstation':
        return textField({
          id: 'station-name',
          label: t('station.workstationName'),
          value: d.workstation,
          required: true,
          disabled: busy,
          onInput: (v) => this.patch({ workstation: v }),
        });
      case 'remoteWorkstation':
        return textField({
          id: 'station-name',
          label: t('station.remoteWorkstationName'),
          value: d.remoteWorkstation,
          required: true,
          disabled: busy,
          onInput: (v) => this.patch({ remoteWorkstation: v }),
        });
      case 'remoteNumber':
        return html`${textField({
          id: 'station-number',
          label: t('station.number'),
          type: 'tel',
          inputmode: 'tel',
          autocomplete: 'tel',
          value: d.number,
          required: true,
          disabled: busy,
          onInput: (v) => this.patch({ number: v }),
        })}
        ${
          view.showPersistent
            ? checkbox({
                id: 'persistent',
                label: t('station.persistent'),
                checked: d.persistent,
                disabled: busy,
                help: t('station.persistentHint'),
                onChange: (c) => this.patch({ persistent: c }),
              })
            : nothing
        }`;
      case 'webBasedPhone':
        return nothing;
    }
  }

  protected override render() {
    const view = selectStationForm(this.state);
    const d = this.draft;
    if (d === null) return nothing;
    return html`<section class="cic-section" aria-labelledby="station-title">
      <form class="cic-stack" novalidate @submit=${(e: Event) => this.submit(e, view)}>
        <h1 id="station-title" class="cic-heading">${t('station.title')}</h1>
        ${
          view.current !== null
            ? html`<p class="cic-muted cic-small">
                ${t('station.current', { name: view.current.displayName })}
              </p>`
            : nothing
        }
        ${view.error === null ? nothing : notification('error', t(view.error))}
        <fieldset class="slds-form-element">
          <legend class="slds-form-element__legend slds-form-element__label">${t('station.type')}</legend>
          <div class="slds-form-element__control">
            ${view.options.map((o) =>
              radio({
                id: `kind-${o.kind}`,
                name: 'kind',
                label: t(KIND_LABEL[o.kind]),
                checked: d.kind === o.kind,
                disabled: o.availability !== 'enabled' || view.busy,
                note: o.reason === null ? null : t(`station.unavailable.${o.reason}`),
                onSelect: () => this.patch({ kind: o.kind }),
              }),
            )}
          </div>
        </fieldset>
        ${this.renderField(d, view)}
        ${checkbox({
          id: 'remember',
          label: t('station.remember'),
          checked: d.remember,
          disabled: view.busy,
          onChange: (c) => this.patch({ remember: c }),
        })}
        <div class="cic-row cic-row_wrap">
          <button class="slds-button slds-button_brand" type="submit" ?disabled=${view.busy}>
            ${t('station.select')}
          </button>
          ${
            view.canCancel
              ? html`<button
                  class="slds-button slds-button_neutral"
                  type="button"
                  @click=${() => this.intent({ kind: 'intent.changeStation.cancel' })}
                >
                  ${t('panel.cancel')}
                </button>`
              : nothing
          }
        </div>
        ${view.busy ? spinner(t('station.busy')) : nothing}
      </form>
    </section>`;
  }
}

define('cic-station-form', CicStationForm);

declare global {
  interface HTMLElementTagNameMap {
    'cic-station-form': CicStationForm;
  }
}
