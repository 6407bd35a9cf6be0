/**
 * Diagnostics are how the step function reports something it refused or found odd, instead of
 * throwing: the domain mirrors a remote system that can report late, twice or out of order, and
 * the UI can send an intent the current state no longer allows. The runtime logs them; tests
 * assert on them.
 */
export const DiagnosticCode = {
  /** The input makes no sense in the current session phase (e.g. a queue delta while signed out). */
  IgnoredInPhase: 'ignoredInPhase',
  /** A queue delta arrived before the first snapshot; it was applied on a best-effort basis. */
  DeltaBeforeSnapshot: 'deltaBeforeSnapshot',
  /** `interactionsAdded` for an interaction already known; merged. */
  DuplicateAdd: 'duplicateAdd',
  /** A change or removal for an interaction the panel does not know; ignored. */
  UnknownInteraction: 'unknownInteraction',
  /** A state update that would revive a disconnected interaction; ignored. */
  LateUpdate: 'lateUpdate',
  /** An `Eic_State` letter the domain does not know; the phase was kept. */
  UnknownStateLetter: 'unknownStateLetter',
  /** The intent is not allowed now (capability bit, right, licence, station or state). */
  Forbidden: 'forbidden',
  /** The same command is already in flight. */
  Duplicate: 'duplicate',
  /** The intent's own data is incomplete or inconsistent (e.g. a forward status without number). */
  Invalid: 'invalid',
  /** A reply for a request that is no longer current (older search, page…); ignored. */
  Stale: 'stale',
  /** A reply nobody asked for; ignored. */
  Unexpected: 'unexpected',
  /** A wrap-up prompt closed because time ran out; no code was assigned. */
  WrapUpTimedOut: 'wrapUpTimedOut',
} as const;
export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

/** One diagnostic record. `reason` is a short machine-readable detail, never UI text. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  /** The `kind` of the input being stepped. */
  readonly input: string;
  readonly interactionId: string | null;
  readonly reason: string | null;
}

/** Builds a diagnostic. */
export function diagnostic(
  code: DiagnosticCode,
  input: string,
  reason: string | null = null,
  interactionId: string | null = null,
): Diagnostic {
  return { code, input, interactionId, reason };
}

/**
 * Marks a branch the compiler must prove unreachable. Put it in the `default:` of a switch over a
 * union so that adding a member fails to compile until every switch handles it. If it is reached
 * at run time anyway (a value from outside that skipped validation), it throws: that is a
 * programming error, not a late server update.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
