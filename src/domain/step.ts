import { assertNever } from './diagnostics.js';
import { stepCommandFailed } from './command-failure.js';
import { stepDialInput } from './dial/dial-step.js';
import { stepDirectoryInput } from './directory/directory-step.js';
import { stepHistory } from './history/history-step.js';
import type { Input } from './inputs.js';
import { reconcileRing } from './interaction/alerting.js';
import { stepInteractionIntent } from './interaction/interaction-commands.js';
import { stepQueueMessage } from './interaction/queue-step.js';
import { stepSessionIntent, stepSessionObservation } from './session/session-step.js';
import type { SoftphoneState } from './softphone-state.js';
import { stepStatusInput } from './status/status-step.js';
import { createStepOutput, type Step, type StepOutput } from './step-output.js';
import { stepTransferInput } from './transfer/transfer-step.js';
import { expireWrapUpPrompts, stepWrapUpInput } from './wrap-up/wrap-up-step.js';
import { reconcileCrm, stepCrmIntent, stepCrmObservation } from './crm-rules/crm-step.js';

function route(state: SoftphoneState, input: Input, out: StepOutput): SoftphoneState {
  switch (input.kind) {
    case 'intent.server.select':
    case 'intent.logon':
    case 'intent.agreement.accept':
    case 'intent.agreement.reject':
    case 'intent.password.open':
    case 'intent.password.change':
    case 'intent.password.cancel':
    case 'intent.logout':
    case 'intent.selectStation':
    case 'intent.changeStation':
    case 'intent.changeStation.cancel':
    case 'intent.setRingMuted':
    case 'intent.notice.dismiss':
      return stepSessionIntent(state, input, out);
    case 'obs.panel.config':
    case 'obs.serverInfo':
    case 'obs.storage.logonPrefs':
    case 'obs.storage.userPrefs':
    case 'obs.session.connected':
    case 'obs.logon.failed':
    case 'obs.session.ended':
    case 'obs.connection.state':
    case 'obs.password.changed':
    case 'obs.password.rejected':
    case 'obs.user.rights':
    case 'obs.station.changed':
    case 'obs.page.visibility':
      return stepSessionObservation(state, input, out);
    case 'intent.setStatus':
    case 'intent.toggleFavourite':
    case 'intent.setActivation':
    case 'obs.status.catalog':
    case 'obs.status.access':
    case 'obs.status.user':
    case 'obs.status.previous':
    case 'obs.activations':
      return stepStatusInput(state, input, out);
    case 'intent.select':
    case 'intent.activate':
    case 'intent.pickup':
    case 'intent.hold':
    case 'intent.mute':
    case 'intent.disconnect':
    case 'intent.record':
    case 'intent.snip':
    case 'intent.securePause':
    case 'intent.voicemail':
    case 'intent.dtmf':
    case 'intent.conference':
    case 'intent.assignWrapUp':
      return stepInteractionIntent(state, input, out);
    case 'obs.queue.snapshot':
    case 'obs.queue.delta':
      return stepQueueMessage(state, input, out);
    case 'obs.command.failed':
      return stepCommandFailed(state, input);
    case 'intent.transfer.search':
    case 'intent.transfer.blind':
    case 'intent.consult.start':
    case 'intent.consult.complete':
    case 'intent.consult.both':
    case 'intent.consult.neither':
    case 'intent.consult.talkToCaller':
    case 'intent.consult.talkToConsultant':
    case 'intent.consult.disconnectConsultant':
    case 'intent.consult.cancel':
    case 'obs.transfer.results':
    case 'obs.consult.started':
    case 'obs.consult.audience':
    case 'obs.consult.ended':
      return stepTransferInput(state, input, out);
    case 'intent.dial':
    case 'intent.redial':
    case 'obs.call.created':
    case 'obs.config.accountCodes':
      return stepDialInput(state, input, out);
    case 'intent.directory.search':
    case 'intent.directory.page':
    case 'obs.directory.page':
      return stepDirectoryInput(state, input, out);
    case 'obs.wrapUp.assigned':
    case 'obs.config.wrapUpCodes':
      return stepWrapUpInput(state, input, out);
    case 'obs.history':
      return stepHistory(state, input);
    case 'obs.crm.ready':
    case 'obs.crm.unavailable':
    case 'obs.crm.matches':
    case 'obs.crm.navigation':
    case 'obs.crm.clickToDial':
    case 'obs.crm.logSaved':
    case 'obs.crm.logFailed':
    case 'obs.crm.logFound':
    case 'obs.crm.logsRestored':
    case 'obs.crm.outboxInherited':
      return stepCrmObservation(state, input, out);
    case 'intent.callLog.edit':
    case 'intent.callLog.retry':
    case 'intent.callLog.open':
    case 'intent.clickToDial.advanced':
      return stepCrmIntent(state, input, out);
    case 'clock.tick':
      return state;
    default:
      return assertNever(input);
  }
}

/**
 * The domain's one transition function: `(state, input) → { state, effects, diagnostics }`.
 *
 * Pure: no clock, no I/O; time comes from `input.now` (every input may carry it; `clock.tick`
 * always does) and never goes backwards. It never throws for late, duplicate or out-of-order
 * observations or for intents the state no longer allows: those leave the state as it was and
 * add a diagnostic. After routing, time-based rules run (wrap-up prompts expiring) and the ring
 * is reconciled with what is alerting.
 */
export function step(state: SoftphoneState, input: Input): Step {
  const out = createStepOutput(input.kind);
  const now =
    input.now !== undefined && Number.isFinite(input.now) && input.now > state.now ? input.now : state.now;
  let next: SoftphoneState = now === state.now ? state : { ...state, now };
  next = route(next, input, out);
  next = expireWrapUpPrompts(next, out);
  next = reconcileRing(next, out);
  next = reconcileCrm(next, input, out);
  return { state: next, effects: out.effects, diagnostics: out.diagnostics };
}
