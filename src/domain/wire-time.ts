/**
 * ICWS sends times as compact ISO-8601 UTC strings (`20130808T211625Z`); some builds send the
 * extended form (`2013-08-08T21:16:25Z`) or fractional seconds. The domain keeps times as epoch
 * milliseconds, so it parses them here rather than importing the client.
 */

const COMPACT = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,](\d{1,9}))?Z$/;

/**
 * Parses a wire time into epoch milliseconds, or returns `null` for an empty, malformed or
 * impossible value (month 13, 31 February…). Never throws.
 */
export function parseWireTime(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = COMPACT.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = match[7] ?? '';
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return ms;
}

/** Formats epoch milliseconds as a compact wire time (`yyyyMMddTHHmmssZ`, whole seconds). */
export function formatWireTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/**
 * Formats a duration as `hh:mm:ss` (hours keep growing past 99). Negative or non-finite input
 * shows `00:00:00`, which is what a clock that is slightly behind the server should display.
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
}
