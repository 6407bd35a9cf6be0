/**
 * The scripted outside world for outbound calls: what an external number does when dialled, by
 * the number's last digits. Times run on the simulator's clock.
 *
 * | number ends with | far end |
 * |---|---|
 * | `0000` | busy (the call ends after {@link BUSY_AFTER_MS}) |
 * | `9999` | rings and never answers (the call ends as no answer after {@link NO_ANSWER_AFTER_MS}) |
 * | `5555` | answers after {@link SLOW_ANSWER_MS} |
 * | anything else | answers after {@link ANSWER_MS} |
 */

export const BUSY_AFTER_MS = 1_000;
export const NO_ANSWER_AFTER_MS = 60_000;
export const SLOW_ANSWER_MS = 30_000;
export const ANSWER_MS = 2_000;

export type FarEndScript =
  | { readonly kind: 'busy'; readonly afterMs: number }
  | { readonly kind: 'noAnswer'; readonly afterMs: number }
  | { readonly kind: 'answer'; readonly afterMs: number };

/** The far end's behaviour for a normalised number (see {@link normaliseNumber}). */
export function farEndFor(number: string): FarEndScript {
  const digits = number.replace(/\D/g, '');
  if (digits.endsWith('0000')) return { kind: 'busy', afterMs: BUSY_AFTER_MS };
  if (digits.endsWith('9999')) return { kind: 'noAnswer', afterMs: NO_ANSWER_AFTER_MS };
  if (digits.endsWith('5555')) return { kind: 'answer', afterMs: SLOW_ANSWER_MS };
  return { kind: 'answer', afterMs: ANSWER_MS };
}

/**
 * A dial string as a phone number: formatting characters (spaces, dashes, dots, brackets) and a
 * `tel:` prefix are dropped, one leading `+` is kept. `null` when it is not a number.
 */
export function normaliseNumber(target: string): string | null {
  const stripped = target
    .trim()
    .replace(/^tel:/i, '')
    .replace(/[\s().-]/g, '');
  return /^\+?\d{2,20}$/.test(stripped) ? stripped : null;
}

/** DTMF digits `send-digits` accepts: 0–9, `*`, `#`, A–D and `,` (a pause). */
export function isValidDtmf(digits: string): boolean {
  return /^[0-9*#A-Da-d,]{1,128}$/.test(digits);
}
