import { assertNever } from '../diagnostics.js';
import { Attr, attr } from '../attributes.js';
import { interactionId as toInteractionId } from '../ids.js';
import type { InteractionIntent } from '../intents.js';
import type { InteractionRecord } from '../interaction/interaction-state.js';
import type { DataObservation, QueueObservation } from '../observations.js';
import { hasLicence, Licence } from '../rights.js';
import { currentUserId, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import type { WrapUpArea, WrapUpCode, WrapUpPrompt } from './wrap-up-state.js';
import { ownValue } from '../own.js';

type Out = StepOutput;

function withWrapUp(state: SoftphoneState, patch: Partial<WrapUpArea>): SoftphoneState {
  return { ...state, wrapUp: { ...state.wrapUp, ...patch } };
}

/** The codes configured for a workgroup (empty when none or unknown), sorted by description. */
export function codesFor(state: SoftphoneState, workgroup: string): readonly WrapUpCode[] {
  return ownValue(state.wrapUp.codesByWorkgroup, workgroup.trim().toLowerCase()) ?? [];
}

/**
 * Opens a wrap-up prompt for an interaction whose talking part just ended, when: its workgroup
 * has wrap-up codes; no code is set yet; it was not merged into a conference as the dropped call
 * (the call underneath keeps the prompt); and the agent holds a Client Access licence. The prompt
 * closes at the configured prompt time, and never after the interaction is deallocated.
 */
export function openWrapUpPrompt(state: SoftphoneState, record: InteractionRecord): SoftphoneState {
  if (record.phase !== 'disconnected' || record.suppressWrapUp) return state;
  if (state.wrapUp.prompts.some((p) => p.interactionId === record.id)) return state;
  const workgroup = attr(record.attributes, Attr.WorkgroupName).trim();
  if (workgroup === '' || codesFor(state, workgroup).length === 0) return state;
  if (attr(record.attributes, Attr.WrapUpCode).trim() !== '') return state;
  if (state.entitlements !== null && !hasLicence(state.entitlements, Licence.ClientAccess)) return state;
  const retentionEnd = record.disconnectedAt + state.config.queueRetentionSeconds * 1000;
  const promptSeconds = state.config.wrapUpPromptSeconds ?? state.config.queueRetentionSeconds;
  const prompt: WrapUpPrompt = {
    interactionId: record.id,
    workgroup,
    remoteName: attr(record.attributes, Attr.RemoteName),
    remoteAddress: attr(record.attributes, Attr.RemoteAddress),
    openedAt: state.now,
    deadline: Math.min(state.now + promptSeconds * 1000, retentionEnd),
    status: 'open',
    requestedCodeId: null,
    lockedCode: null,
  };
  return withWrapUp(state, { prompts: [...state.wrapUp.prompts, prompt] });
}

/** Closes the prompt of an interaction (assigned, timed out, or deallocated). */
export function closeWrapUpPrompt(state: SoftphoneState, interactionId: string): SoftphoneState {
  if (!state.wrapUp.prompts.some((p) => p.interactionId === interactionId)) return state;
  return withWrapUp(state, {
    prompts: state.wrapUp.prompts.filter((p) => p.interactionId !== interactionId),
  });
}

/**
 * Follows `Eic_WrapUpCode` on an interaction with a prompt: our own assignment arriving closes
 * it; a code set by someone else (a supervisor) is shown and locks the prompt.
 */
export function syncWrapUpCode(state: SoftphoneState, record: InteractionRecord): SoftphoneState {
  const prompt = state.wrapUp.prompts.find((p) => p.interactionId === record.id);
  const code = attr(record.attributes, Attr.WrapUpCode).trim();
  if (prompt === undefined || code === '' || code === prompt.lockedCode) return state;
  if (prompt.status === 'assigning' && prompt.requestedCodeId === code)
    return closeWrapUpPrompt(state, record.id);
  return withWrapUp(state, {
    prompts: state.wrapUp.prompts.map((p) => (p === prompt ? { ...p, lockedCode: code } : p)),
  });
}

/** Closes prompts whose time ran out; no code is assigned (there is no default code). */
export function expireWrapUpPrompts(state: SoftphoneState, out: Out): SoftphoneState {
  const expired = state.wrapUp.prompts.filter((p) => p.status === 'open' && p.deadline <= state.now);
  for (const p of expired) out.report('wrapUpTimedOut', null, p.interactionId);
  if (expired.length === 0) return state;
  return withWrapUp(state, { prompts: state.wrapUp.prompts.filter((p) => !expired.includes(p)) });
}

type WrapUpInput =
  | Extract<InteractionIntent, { kind: 'intent.assignWrapUp' }>
  | Extract<QueueObservation, { kind: 'obs.wrapUp.assigned' }>
  | Extract<DataObservation, { kind: 'obs.config.wrapUpCodes' }>;

/** Steps wrap-up intents and observations. */
export function stepWrapUpInput(state: SoftphoneState, input: WrapUpInput, out: Out): SoftphoneState {
  switch (input.kind) {
    case 'obs.config.wrapUpCodes': {
      const codesByWorkgroup = Object.fromEntries(
        input.workgroups.map((w) => [
          w.workgroup.trim().toLowerCase(),
          [...w.codes]
            .map((c) => ({ ...c, description: c.description.trim() || c.label }))
            .sort((a, b) => a.description.localeCompare(b.description)),
        ]),
      );
      return withWrapUp(state, { codesByWorkgroup });
    }
    case 'intent.assignWrapUp': {
      const prompt = state.wrapUp.prompts.find((p) => p.interactionId === input.interactionId);
      const userId = currentUserId(state);
      if (prompt === undefined || userId === null)
        return refuse(state, out, 'ignoredInPhase', 'noPrompt', input.interactionId);
      if (prompt.deadline <= state.now)
        return refuse(
          closeWrapUpPrompt(state, prompt.interactionId),
          out,
          'wrapUpTimedOut',
          null,
          input.interactionId,
        );
      if (prompt.status !== 'open') return refuse(state, out, 'duplicate', 'assigning', input.interactionId);
      if (prompt.lockedCode !== null)
        return refuse(state, out, 'forbidden', 'lockedBySupervisor', input.interactionId);
      if (!codesFor(state, prompt.workgroup).some((c) => c.id === input.codeId))
        return refuse(state, out, 'invalid', 'unknownCode', input.interactionId);
      out.emit({
        kind: 'cic.assignWrapUp',
        interactionId: toInteractionId(prompt.interactionId),
        codeId: input.codeId,
        workgroup: prompt.workgroup,
        userId,
      });
      return withWrapUp(state, {
        prompts: state.wrapUp.prompts.map((p) =>
          p === prompt ? { ...p, status: 'assigning' as const, requestedCodeId: input.codeId } : p,
        ),
      });
    }
    case 'obs.wrapUp.assigned':
      if (!state.wrapUp.prompts.some((p) => p.interactionId === input.interactionId))
        return refuse(state, out, 'unexpected', 'noPrompt', input.interactionId);
      return closeWrapUpPrompt(state, input.interactionId);
    default:
      return assertNever(input);
  }
}

/** A failed assignment re-opens the prompt so the agent can try again. */
export function reopenWrapUpPrompt(state: SoftphoneState, interactionId: string): SoftphoneState {
  return withWrapUp(state, {
    prompts: state.wrapUp.prompts.map((p) =>
      p.interactionId === interactionId ? { ...p, status: 'open' as const, requestedCodeId: null } : p,
    ),
  });
}
