/**
 * The panel's public surface: importing this module defines `<cic-softphone>` and its log-on
 * screens; the views past log-on are a chunk of their own that the panel loads after its first
 * render (await {@link whenViewsLoaded} to have every `cic-*` element defined). Mount
 * `<cic-softphone>` with a store and listen for `softphone-intent` (see {@link IntentEvent}).
 */
export { CicSoftphone, whenViewsLoaded, type MainView } from './cic-softphone.js';
export { IntentEvent, INTENT_EVENT } from './intent-event.js';
export { t, useCatalog, type MessageId } from './i18n/t.js';
