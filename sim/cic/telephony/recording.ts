/**
 * Recording controls on one interaction: ad hoc record (agent and supervisor lists), snippets,
 * pause of one's own recording, secure pause with its auto-resume timer, and privacy.
 */
import type { TelephonyCore } from './core.js';
import type { SecurePauseType } from './engine-api.js';
import { invalidParameter, invalidState } from './errors.js';
import type { Interaction } from './model.js';

/** Secure pause type 1 ("default timeout") lasts this long before recording resumes by itself. */
export const SECURE_PAUSE_DEFAULT_SECONDS = 300;
/** The longest pause type 3 accepts. */
export const SECURE_PAUSE_MAX_SECONDS = 86_400;

function without(list: string[], userId: string): string[] {
  return list.filter((u) => u !== userId);
}

export function setRecording(
  core: TelephonyCore,
  ix: Interaction,
  userId: string,
  on: boolean,
  supervisor: boolean,
): void {
  const list = supervisor ? ix.supervisorRecorders : ix.recorders;
  const next = on ? (list.includes(userId) ? list : [...list, userId]) : without(list, userId);
  if (supervisor) ix.supervisorRecorders = next;
  else ix.recorders = next;
  if (!on && !ix.recorders.includes(userId) && !ix.supervisorRecorders.includes(userId))
    ix.pausedRecorders.delete(userId);
  core.touch(ix);
}

/** Starts or stops a snippet; a started snippet is reported as created. */
export function setSnippet(core: TelephonyCore, ix: Interaction, on: boolean): void {
  if (on === (ix.snippetId !== ''))
    throw invalidState(ix.id, on ? 'a snippet is already recording' : 'no snippet is recording');
  if (on) {
    const snippetId = core.newSnippetId();
    ix.snippetId = snippetId;
    core.notice(() => core.listener.snippetCreated(ix.id, snippetId));
  } else {
    ix.snippetId = '';
  }
  core.touch(ix);
}

export function setPaused(core: TelephonyCore, ix: Interaction, userId: string, on: boolean): void {
  if (on) ix.pausedRecorders.add(userId);
  else ix.pausedRecorders.delete(userId);
  core.touch(ix);
}

/** Whether the user's own recording of the interaction is paused. */
export function isPaused(ix: Interaction, userId: string): boolean {
  return ix.pausedRecorders.has(userId);
}

/**
 * Secure pause: 1 pauses for the default time, 2 until resumed, 3 for `durationSeconds`,
 * 4 resumes. Pausing again restarts the countdown from the full length.
 */
export function securePause(
  core: TelephonyCore,
  ix: Interaction,
  type: SecurePauseType,
  durationSeconds: number | undefined,
): void {
  let seconds: number | null;
  switch (type) {
    case 1:
      seconds = SECURE_PAUSE_DEFAULT_SECONDS;
      break;
    case 2:
      seconds = null;
      break;
    case 3:
      if (
        durationSeconds === undefined ||
        !Number.isInteger(durationSeconds) ||
        durationSeconds < 1 ||
        durationSeconds > SECURE_PAUSE_MAX_SECONDS
      )
        throw invalidParameter(
          `A secure pause of type 3 needs a duration of 1 to ${SECURE_PAUSE_MAX_SECONDS} seconds.`,
        );
      seconds = durationSeconds;
      break;
    case 4:
      core.cancel(ix, 'securePause');
      ix.securePause = null;
      core.touch(ix);
      return;
    default:
      throw invalidParameter(`Unknown secure pause type ${String(type)}.`);
  }
  const start = core.now();
  ix.securePause = { start, resume: seconds === null ? null : start + seconds * 1000 };
  if (seconds === null) core.cancel(ix, 'securePause');
  else
    core.after(ix, 'securePause', seconds * 1000, () => {
      ix.securePause = null;
      core.touch(ix);
    });
  core.touch(ix);
}

/** Private calls cannot be recorded: making one private stops the ad hoc recordings. */
export function setPrivate(core: TelephonyCore, ix: Interaction, on: boolean): void {
  ix.isPrivate = on;
  if (on) {
    ix.recorders = [];
    ix.supervisorRecorders = [];
    ix.pausedRecorders.clear();
  }
  core.touch(ix);
}
