import { Attr, attr } from '../attributes.js';
import { sessionInfo } from '../session/session-state.js';
import type { SoftphoneState } from '../softphone-state.js';
import { parseWireTime } from '../wire-time.js';
import type { InteractionRecord } from './interaction-state.js';
import { ownValue } from '../own.js';

/** A secure pause's countdown. */
export interface SecurePauseView {
  readonly active: boolean;
  /** Whole seconds until recording resumes (never more than `maxSeconds`). */
  readonly secondsLeft: number;
  /** The pause length the server configured (auto-resume minus start). */
  readonly maxSeconds: number;
}

const NONE: SecurePauseView = { active: false, secondsLeft: 0, maxSeconds: 0 };

/**
 * The countdown from `Eic_SecureRecordingPauseStartTime` and `Eic_RecordingsAutoResumeTime`
 * (server times). Pressing Secure Pause again makes the server restart the pause, which moves
 * both times; the countdown then shows the maximum again. It never shows more than the maximum.
 */
export function securePauseView(state: SoftphoneState, record: InteractionRecord): SecurePauseView {
  const start = parseWireTime(attr(record.attributes, Attr.SecurePauseStart));
  const resume = parseWireTime(attr(record.attributes, Attr.RecordingsAutoResume));
  if (start === null || resume === null || resume <= start || record.phase === 'disconnected') return NONE;
  const serverNow = state.now + (sessionInfo(state.session.current)?.clockSkewMs ?? 0);
  const maxSeconds = Math.round((resume - start) / 1000);
  const secondsLeft = Math.min(maxSeconds, Math.max(0, Math.ceil((resume - serverNow) / 1000)));
  return { active: secondsLeft > 0, secondsLeft, maxSeconds };
}

/** The countdown for an interaction (`null` when unknown). */
export function selectSecurePause(state: SoftphoneState, interactionId: string): SecurePauseView | null {
  const record = ownValue(state.queue.byId, interactionId);
  return record === undefined ? null : securePauseView(state, record);
}
