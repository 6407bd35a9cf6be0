import { assertNever } from './diagnostics.js';
import { CommandErrorKey, PasswordErrorKey } from './messages.js';
import { pushNotice } from './notices.js';
import type { QueueObservation } from './observations.js';
import { endSession } from './session/session-step.js';
import type { SoftphoneState } from './softphone-state.js';
import { reopenWrapUpPrompt } from './wrap-up/wrap-up-step.js';
import { ownValue } from './own.js';

function clearPending(state: SoftphoneState, interactionId: string | null): SoftphoneState {
  if (interactionId === null) return state;
  const record = ownValue(state.queue.byId, interactionId);
  if (record === undefined || record.pending === null) return state;
  return {
    ...state,
    queue: { ...state.queue, byId: { ...state.queue.byId, [interactionId]: { ...record, pending: null } } },
  };
}

/**
 * A command the server refused or that never reached it: undo the "in flight" marks so the agent
 * can try again, and show a plain-language notice. Nothing the server owns is changed.
 */
export function stepCommandFailed(
  state: SoftphoneState,
  input: Extract<QueueObservation, { kind: 'obs.command.failed' }>,
): SoftphoneState {
  const notice = (s: SoftphoneState): SoftphoneState => ({
    ...s,
    notices: pushNotice(s.notices, CommandErrorKey[input.errorKind], s.now, input.interactionId),
  });
  const id = input.interactionId;
  switch (input.operation) {
    case 'pickup':
    case 'hold':
    case 'mute':
    case 'disconnect':
    case 'record':
    case 'snip':
    case 'securePause':
    case 'voicemail':
    case 'dtmf':
    case 'blindTransfer':
    case 'conference':
    case 'consultAudience':
      return notice(clearPending(state, id));
    case 'consultStart':
      return notice({ ...clearPending(state, id), transfer: { ...state.transfer, consult: null } });
    case 'consultConclude':
    case 'consultCancel': {
      const consult = state.transfer.consult;
      const reopened =
        consult !== null && consult.status === 'closing'
          ? { ...consult, status: 'active' as const }
          : consult;
      return notice({ ...state, transfer: { ...state.transfer, consult: reopened } });
    }
    case 'createCall': {
      const pending = state.dial.pending;
      const mine = pending !== null && (input.requestId === null || input.requestId === pending.requestId);
      return notice(mine ? { ...state, dial: { ...state.dial, pending: null } } : state);
    }
    case 'assignWrapUp':
      return notice(id === null ? state : reopenWrapUpPrompt(state, id));
    case 'setStatus':
      return notice({ ...state, status: { ...state.status, pending: null } });
    case 'setActivation':
      return notice({
        ...state,
        activations: { workgroups: state.activations.workgroups.map((w) => ({ ...w, pending: null })) },
      });
    case 'directoryPage':
      return notice({ ...state, directory: { ...state.directory, requestId: null } });
    case 'transferSearch': {
      const search = state.transfer.search;
      return notice(
        search === null
          ? state
          : { ...state, transfer: { ...state.transfer, search: { ...search, status: 'done' } } },
      );
    }
    case 'changePassword': {
      const form = state.session.password;
      if (form === null) return notice(state);
      return {
        ...state,
        session: {
          ...state.session,
          password: { ...form, status: 'editing', errors: [PasswordErrorKey.unknown] },
        },
      };
    }
    case 'logoff':
      // The server may still hold the session, but the agent asked to leave: show the logon screen.
      return endSession(state, null);
    default:
      return assertNever(input.operation);
  }
}
