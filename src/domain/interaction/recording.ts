import { Attr, attr, recorderList, type Attributes } from '../attributes.js';
import type { RecordingOrder } from './interaction-state.js';

/** Whether an ad hoc recording is running (anyone's), from `Eic_Recorders`. */
export function adHocActive(attributes: Attributes): boolean {
  return recorderList(attr(attributes, Attr.Recorders)).length > 0;
}

/** Whether the given user is one of the ad hoc recorders (the Record button shows pressed). */
export function recordingBy(attributes: Attributes, userId: string): boolean {
  const me = userId.toLowerCase();
  return recorderList(attr(attributes, Attr.Recorders)).some((r) => r.toLowerCase() === me);
}

/** Whether a snippet recording is running, from `Eic_IRSnippetRecordingId`. */
export function snippetActive(attributes: Attributes): boolean {
  return attr(attributes, Attr.SnippetRecordingId).trim() !== '';
}

/**
 * Snippet recording precedence. The order in which recordings were seen to start decides:
 * ad hoc then snippet → `merged` (the snippet absorbs it; Record or Snip stops it); snippet first
 * (or both at once, when the order is unknown) → `snippet` (Record unavailable).
 */
export function nextRecordingOrder(previous: RecordingOrder, attributes: Attributes): RecordingOrder {
  const adHoc = adHocActive(attributes);
  const snippet = snippetActive(attributes);
  if (!snippet) return adHoc ? 'adHoc' : 'none';
  if (previous === 'adHoc' || previous === 'merged') return 'merged';
  return 'snippet';
}
