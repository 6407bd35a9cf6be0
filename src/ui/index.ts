/**
 * The panel's public surface: importing this module defines every `cic-*` element. Mount
 * `<cic-softphone>` with a store and listen for `softphone-intent` (see {@link IntentEvent}).
 */
export { CicSoftphone, whenViewsLoaded, type MainView } from './cic-softphone.js';
export { IntentEvent, INTENT_EVENT } from './intent-event.js';
export { t, useCatalog, type MessageId } from './i18n/t.js';
