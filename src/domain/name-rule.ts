/** The name parts a directory entry, user or interaction may carry; any of them may be missing. */
export interface NameParts {
  readonly displayName?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly userId?: string | null;
  readonly number?: string | null;
}

function clean(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/**
 * The product's name rule, in order: the display name; else "last, first"; else the last name;
 * else the first name; else the user id; else the number. Blank parts count as missing. Returns
 * `""` when nothing is known (the UI then shows its own "unknown" text).
 */
export function displayName(parts: NameParts): string {
  const display = clean(parts.displayName);
  if (display) return display;
  const first = clean(parts.firstName);
  const last = clean(parts.lastName);
  if (last && first) return `${last}, ${first}`;
  if (last) return last;
  if (first) return first;
  return clean(parts.userId) || clean(parts.number);
}
