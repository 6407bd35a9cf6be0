import { Attr, attr, normaliseAttributes } from '../attributes.js';
import type { QueueItem } from '../observations.js';
import type { StepOutput } from '../step-output.js';
import { parseWireTime } from '../wire-time.js';
import { disconnectCause, phaseFromStateLetter } from './interaction-phase.js';
import { InteractionPhase, type InteractionRecord, type PhaseState } from './interaction-state.js';
import { nextRecordingOrder } from './recording.js';
import type { PhaseOrNew } from './transitions.js';

/** Attributes whose change confirms a pending command (phase changes confirm every command). */
const CONFIRMED_BY: Readonly<Record<string, readonly string[]>> = {
  mute: [Attr.Muted],
  record: [Attr.Recorders],
  snip: [Attr.SnippetRecordingId, Attr.Recorders],
  securePause: [Attr.SecurePauseStart, Attr.RecordingsAutoResume],
  conference: [Attr.ConferenceId],
};

/** The outcome of merging one queue item: the new record and the phase change it made. */
export interface MergeResult {
  readonly record: InteractionRecord;
  readonly from: PhaseOrNew;
  readonly everConnectedBefore: boolean;
}

function phaseState(
  phase: InteractionPhase,
  previous: InteractionRecord | null,
  attributes: Record<string, string>,
  now: number,
  skewMs: number,
): PhaseState {
  const serverTime = (name: typeof Attr.ConnectTime | typeof Attr.TerminationTime): number | null => {
    const t = parseWireTime(attr(attributes, name));
    return t === null ? null : t - skewMs;
  };
  switch (phase) {
    case 'connected':
    case 'held': {
      if (previous !== null && (previous.phase === 'connected' || previous.phase === 'held'))
        return { phase, connectedAt: previous.connectedAt };
      return { phase, connectedAt: previous === null ? (serverTime(Attr.ConnectTime) ?? now) : now };
    }
    case 'disconnected':
      return {
        phase,
        disconnectedAt: previous === null ? (serverTime(Attr.TerminationTime) ?? now) : now,
        cause: disconnectCause(attr(attributes, Attr.State)),
      };
    default:
      return { phase };
  }
}

function initiated(attributes: Record<string, string>, skewMs: number): number | null {
  const t = parseWireTime(attr(attributes, Attr.InitiationTime));
  return t === null ? null : t - skewMs;
}

/**
 * Merges one queue item into the interaction it describes (`previous` null for a new one).
 * `replace` takes the item's attributes as the full set (snapshots); otherwise they are merged.
 * Returns `null` when the item must be ignored (it would revive a disconnected interaction).
 */
export function mergeInteraction(
  previous: InteractionRecord | null,
  item: QueueItem,
  mode: 'replace' | 'merge',
  now: number,
  skewMs: number,
  out: StepOutput,
): MergeResult | null {
  const incoming = normaliseAttributes(item.attributes);
  const attributes =
    mode === 'replace' || previous === null ? incoming : { ...previous.attributes, ...incoming };
  let phase: InteractionPhase = previous?.phase ?? InteractionPhase.Initializing;
  if (Attr.State in incoming || previous === null) {
    const mapped = phaseFromStateLetter(attr(attributes, Attr.State));
    if (mapped === null) out.report('unknownStateLetter', attr(attributes, Attr.State), item.interactionId);
    else phase = mapped;
  }
  if (previous !== null && previous.phase === 'disconnected' && phase !== 'disconnected') {
    out.report('lateUpdate', phase, item.interactionId);
    return null;
  }
  const changed = previous === null || previous.phase !== phase;
  const conferenceParentId =
    item.conferenceParentId !== undefined
      ? item.conferenceParentId || null
      : (previous?.conferenceParentId ?? null);
  const confirmers = previous?.pending ? (CONFIRMED_BY[previous.pending.op] ?? []) : [];
  const joined = previous?.pending?.op === 'conference' && conferenceParentId !== previous.conferenceParentId;
  const confirmed = changed || joined || confirmers.some((name) => name in incoming);
  const record: InteractionRecord = {
    ...phaseState(phase, previous, attributes, now, skewMs),
    id: item.interactionId,
    attributes,
    conferenceParentId,
    firstSeenAt: previous?.firstSeenAt ?? now,
    startedAt: previous?.startedAt ?? Math.min(now, initiated(attributes, skewMs) ?? now),
    phaseSince: changed ? now : (previous?.phaseSince ?? now),
    revision: changed ? (previous?.revision ?? 0) + 1 : (previous?.revision ?? 1),
    everConnected: (previous?.everConnected ?? false) || phase === 'connected' || phase === 'held',
    pending: confirmed ? null : (previous?.pending ?? null),
    suppressWrapUp: previous?.suppressWrapUp ?? false,
    recording: nextRecordingOrder(previous?.recording ?? 'none', attributes),
  };
  return { record, from: previous?.phase ?? 'new', everConnectedBefore: previous?.everConnected ?? false };
}
