import { html } from 'lit';
import { define } from '../define.js';
import { PanelElement } from '../panel-element.js';
import '../transfer/cic-consult-panel.js';
import '../wrap-up/cic-wrap-up.js';
import './cic-call-controls.js';
import './cic-interaction-list.js';

/** My Interactions: the wrap-up prompt, the consult in progress, the list and the call controls. */
export class CicInteractionsView extends PanelElement {
  protected override render() {
    const s = this.state;
    return html`<cic-wrap-up .state=${s}></cic-wrap-up>
      <cic-consult-panel .state=${s}></cic-consult-panel>
      <cic-call-controls .state=${s}></cic-call-controls>
      <cic-interaction-list .state=${s}></cic-interaction-list>`;
  }
}

define('cic-interactions-view', CicInteractionsView);

declare global {
  interface HTMLElementTagNameMap {
    'cic-interactions-view': CicInteractionsView;
  }
}
