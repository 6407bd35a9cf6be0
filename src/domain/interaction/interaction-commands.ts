import { assertNever } from '../diagnostics.js';
import { Attr, attr, isFlagSet } from '../attributes.js';
import type { Effect } from '../effects.js';
import { interactionId as toId, type InteractionId } from '../ids.js';
import type { InteractionIntent } from '../intents.js';
import type { SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { redial } from '../dial/dial-step.js';
import { stepWrapUpInput } from '../wrap-up/wrap-up-step.js';
import { controlState, type Control } from './controls.js';
import type { CommandOp, InteractionRecord } from './interaction-state.js';
import { recordingBy } from './recording.js';
import { hasOwn, ownValue } from '../own.js';

type Out = StepOutput;

function setPending(
  state: SoftphoneState,
  ids: readonly string[],
  op: CommandOp,
  patch: { readonly suppressWrapUp?: boolean } = {},
): SoftphoneState {
  const byId = { ...state.queue.byId };
  for (const id of ids) {
    const record = ownValue(byId, id);
    if (record !== undefined) byId[id] = { ...record, ...patch, pending: { op, at: state.now } };
  }
  return { ...state, queue: { ...state.queue, byId } };
}

/**
 * Runs one call-control intent: the control must be enabled for the interaction (rights, licence,
 * station, capability bits, phase); then the command effect is emitted and the command marked as
 * pending. The interaction's phase is not touched: only the server's next delta changes it.
 */
function command(
  state: SoftphoneState,
  id: InteractionId,
  control: Control,
  out: Out,
  make: (r: InteractionRecord) => Effect,
): SoftphoneState {
  const record = ownValue(state.queue.byId, id);
  if (record === undefined) return refuse(state, out, 'unknownInteraction', control, id);
  const c = controlState(state, record, control);
  if (c.availability !== 'enabled')
    return refuse(state, out, c.reason === 'pending' ? 'duplicate' : 'forbidden', c.reason, id);
  out.emit(make(record));
  const op: CommandOp | null = control === 'dialPad' ? null : control === 'consult' ? 'transfer' : control;
  return op === null ? state : setPending(state, [id], op);
}

function conference(
  state: SoftphoneState,
  input: Extract<InteractionIntent, { kind: 'intent.conference' }>,
  out: Out,
): SoftphoneState {
  const { targetId, droppedId } = input;
  const target = ownValue(state.queue.byId, targetId);
  const dropped = ownValue(state.queue.byId, droppedId);
  if (target === undefined || dropped === undefined)
    return refuse(
      state,
      out,
      'unknownInteraction',
      'conference',
      target === undefined ? targetId : droppedId,
    );
  if (targetId === droppedId) return refuse(state, out, 'invalid', 'sameInteraction', targetId);
  for (const r of [target, dropped]) {
    const c = controlState(state, r, 'conference');
    if (c.availability !== 'enabled')
      return refuse(state, out, c.reason === 'pending' ? 'duplicate' : 'forbidden', c.reason, r.id);
  }
  const hasMembers = Object.values(state.queue.byId).some((r) => r.conferenceParentId === targetId);
  const conferenceId = hasMembers ? targetId : target.conferenceParentId;
  if (conferenceId !== null)
    out.emit({ kind: 'cic.conference.add', conferenceId: toId(conferenceId), interactionIds: [droppedId] });
  else out.emit({ kind: 'cic.conference.create', interactionIds: [targetId, droppedId] });
  // The call underneath (the target) keeps the wrap-up prompt; the dropped one does not get one.
  const next = setPending(state, [targetId], 'conference');
  return setPending(next, [droppedId], 'conference', { suppressWrapUp: true });
}

/** Steps intents on interactions of My Interactions. */
export function stepInteractionIntent(
  state: SoftphoneState,
  input: InteractionIntent,
  out: Out,
): SoftphoneState {
  if (state.session.current.phase !== 'active')
    return refuse(state, out, 'ignoredInPhase', state.session.current.phase);
  switch (input.kind) {
    case 'intent.select':
      if (!hasOwn(state.queue.byId, input.interactionId))
        return refuse(state, out, 'unknownInteraction', 'select', input.interactionId);
      return { ...state, queue: { ...state.queue, selectedId: input.interactionId } };
    case 'intent.activate': {
      const record = ownValue(state.queue.byId, input.interactionId);
      if (record === undefined)
        return refuse(state, out, 'unknownInteraction', 'activate', input.interactionId);
      const selected = { ...state, queue: { ...state.queue, selectedId: record.id } };
      if (record.phase === 'alerting')
        return command(selected, record.id, 'pickup', out, (r) => ({
          kind: 'cic.pickup',
          interactionId: r.id,
        }));
      if (record.phase === 'disconnected') return redial(selected, record.id, out);
      return selected;
    }
    case 'intent.pickup':
      return command(state, input.interactionId, 'pickup', out, (r) => ({
        kind: 'cic.pickup',
        interactionId: r.id,
      }));
    case 'intent.hold':
      return command(state, input.interactionId, 'hold', out, (r) => ({
        kind: 'cic.hold',
        interactionId: r.id,
        on: r.phase !== 'held',
      }));
    case 'intent.mute':
      return command(state, input.interactionId, 'mute', out, (r) => ({
        kind: 'cic.mute',
        interactionId: r.id,
        on: !isFlagSet(attr(r.attributes, Attr.Muted)),
      }));
    case 'intent.disconnect':
      return command(state, input.interactionId, 'disconnect', out, (r) => ({
        kind: 'cic.disconnect',
        interactionId: r.id,
      }));
    case 'intent.record':
      return command(state, input.interactionId, 'record', out, (r) => ({
        kind: 'cic.record',
        interactionId: r.id,
        // A merged recording (ad hoc absorbed by a snippet) is stopped from either button.
        on: !(
          r.recording === 'merged' ||
          recordingBy(
            r.attributes,
            state.session.current.phase === 'active' ? state.session.current.info.userId : '',
          )
        ),
      }));
    case 'intent.snip':
      return command(state, input.interactionId, 'snip', out, (r) => ({
        kind: 'cic.snip',
        interactionId: r.id,
        on: attr(r.attributes, Attr.SnippetRecordingId).trim() === '',
      }));
    case 'intent.securePause':
      return command(state, input.interactionId, 'securePause', out, (r) => ({
        kind: 'cic.securePause',
        interactionId: r.id,
      }));
    case 'intent.voicemail':
      return command(state, input.interactionId, 'voicemail', out, (r) => ({
        kind: 'cic.sendToVoicemail',
        interactionId: r.id,
      }));
    case 'intent.dtmf':
      if (!/^[0-9*#]+$/.test(input.digits))
        return refuse(state, out, 'invalid', 'digits', input.interactionId);
      return command(state, input.interactionId, 'dialPad', out, (r) => ({
        kind: 'cic.sendDigits',
        interactionId: r.id,
        digits: input.digits,
      }));
    case 'intent.conference':
      return conference(state, input, out);
    case 'intent.assignWrapUp':
      return stepWrapUpInput(state, input, out);
    default:
      return assertNever(input);
  }
}
