import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { utility_error, utility_info, utility_success, utility_warning } from '../generated/icons.js';
import { icon } from './icon.js';
import { t } from './i18n/t.js';

/** Small SLDS building blocks shared by the panel's components. */

export type NoticeKind = 'error' | 'warning' | 'info' | 'success';

const THEME: Readonly<Record<NoticeKind, string>> = {
  error: 'slds-theme_error',
  warning: 'slds-theme_warning',
  info: 'slds-theme_info',
  success: 'slds-theme_success',
};
const NOTICE_ICON = {
  error: utility_error,
  warning: utility_warning,
  info: utility_info,
  success: utility_success,
};

/** A scoped notification. Errors are announced at once (`role="alert"`), the rest politely. */
export function notification(
  kind: NoticeKind,
  content: TemplateResult | string,
  action: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<div
    class="slds-scoped-notification slds-media slds-media_center ${THEME[kind]} cic-notice"
    role=${kind === 'error' ? 'alert' : 'status'}
  >
    <div class="slds-media__figure">${icon(NOTICE_ICON[kind], { size: 'xx-small' })}</div>
    <div class="slds-media__body">${content}</div>
    ${action}
  </div>`;
}

/** An inline spinner with a spoken label. */
export function spinner(label: string = t('panel.loading')): TemplateResult {
  return html`<span class="cic-spinner" role="status">
    <span class="slds-spinner slds-spinner_x-small slds-spinner_inline slds-spinner_brand">
      <span class="slds-spinner__dot-a"></span><span class="slds-spinner__dot-b"></span>
    </span>
    <span class="cic-spinner__label">${label}</span>
  </span>`;
}

/** Options of {@link textField}. */
export interface TextFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'password' | 'tel' | 'search' | 'date' | 'time';
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly autocomplete?: string;
  readonly inputmode?: 'tel' | 'numeric' | 'text' | 'search';
  readonly error?: string | null;
  readonly help?: string | null;
  readonly placeholder?: string;
}

/** An SLDS text input with its label (and error or help text wired with `aria-describedby`). */
export function textField(o: TextFieldOptions): TemplateResult {
  const error = o.error ?? null;
  const help = o.help ?? null;
  const describedBy = error !== null ? `${o.id}-error` : help !== null ? `${o.id}-help` : undefined;
  return html`<div class="slds-form-element ${error !== null ? 'slds-has-error' : ''}">
    <label class="slds-form-element__label" for=${o.id}>
      ${o.required ? html`<abbr class="slds-required" title=${t('panel.required')} aria-hidden="true">*</abbr>` : nothing}${o.label}
    </label>
    <div class="slds-form-element__control">
      <input
        id=${o.id}
        class="slds-input"
        type=${o.type ?? 'text'}
        .value=${live(o.value)}
        ?required=${o.required ?? false}
        ?disabled=${o.disabled ?? false}
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        placeholder=${ifDefined(o.placeholder)}
        aria-invalid=${error !== null ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />
    </div>
    ${
      error !== null
        ? html`<div class="slds-form-element__help" id="${o.id}-error">${error}</div>`
        : help !== null
          ? html`<div class="slds-form-element__help" id="${o.id}-help">${help}</div>`
          : nothing
    }
  </div>`;
}

/** An SLDS checkbox. */
export function checkbox(o: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
  readonly help?: string;
}): TemplateResult {
  return html`<div class="slds-form-element">
    <div class="slds-form-element__control">
      <div class="slds-checkbox">
        <input
          type="checkbox"
          id=${o.id}
          .checked=${live(o.checked)}
          ?disabled=${o.disabled ?? false}
          aria-describedby=${ifDefined(o.help === undefined ? undefined : `${o.id}-help`)}
          @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
        />
        <label class="slds-checkbox__label" for=${o.id}>
          <span class="slds-checkbox_faux"></span>
          <span class="slds-form-element__label">${o.label}</span>
        </label>
      </div>
    </div>
    ${
      o.help === undefined
        ? nothing
        : html`<div class="slds-form-element__help cic-small" id="${o.id}-help">${o.help}</div>`
    }
  </div>`;
}

/** One SLDS radio button of a group. */
export function radio(o: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  readonly note?: string | null;
}): TemplateResult {
  const note = o.note ?? null;
  return html`<span class="slds-radio">
    <input
      type="radio"
      id=${o.id}
      name=${o.name}
      .checked=${live(o.checked)}
      ?disabled=${o.disabled ?? false}
      aria-describedby=${ifDefined(note === null ? undefined : `${o.id}-note`)}
      @change=${() => o.onSelect()}
    />
    <label class="slds-radio__label" for=${o.id}>
      <span class="slds-radio_faux"></span>
      <span class="slds-form-element__label">${o.label}</span>
    </label>
    ${note === null ? nothing : html`<span class="cic-small cic-muted" id="${o.id}-note">${note}</span>`}
  </span>`;
}
