/**
 * Everything the panel shows once the agent is logged on — header and notices, station form,
 * My Interactions with its call controls, transfer, consult, wrap-up and dial pad, make a call,
 * directory, call history, the call log, status bar and details, workgroup activation — plus the
 * change-password dialog. None of it is needed to render the log-on form, so it is a chunk of its own that
 * `<cic-softphone>` starts loading right after its first render ({@link whenViewsLoaded}); until
 * it arrives Lit leaves these tags as empty unknown elements, which upgrade in place once defined.
 * See docs/decisions/0008-code-splitting.md.
 */
import './activation/cic-activation-dialog.js';
import './call-log/cic-call-log.js';
import './chrome/cic-header.js';
import './chrome/cic-notices.js';
import './dial/cic-make-call.js';
import './directory/cic-directory.js';
import './history/cic-call-history.js';
import './interactions/cic-alert-bar.js';
import './interactions/cic-interactions-view.js';
import './interactions/cic-secure-pause.js';
import './logon/cic-password-dialog.js';
import './station/cic-station-form.js';
import './status/cic-status-bar.js';
