/**
 * Phone matching the way Salesforce search treats phone fields: punctuation and spaces are
 * ignored, and a number written with or without the country code matches (the last ten digits of
 * a North American number are what count).
 */

/** Characters a stored phone number may contain. */
export const PHONE_PATTERN = /^\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?$/i;

/** The digits of a number, without any extension. */
export function phoneDigits(value: string): string {
  const withoutExtension = value.replace(/\s*(?:x|ext\.?)\s*[0-9]+$/i, '');
  return withoutExtension.replace(/[^0-9]/g, '');
}

/** Does a search term (an ANI such as `+13175550101`) match a stored phone value? */
export function phoneMatches(searchTerm: string, stored: string): boolean {
  const a = phoneDigits(searchTerm);
  const b = phoneDigits(stored);
  if (a.length < 4 || b.length < 4) return false;
  if (a === b) return true;
  if (a.length >= 10 && b.length >= 10) return a.slice(-10) === b.slice(-10);
  // A shorter term matches the end of a longer number (a local number without area code).
  if (a.length >= 7 && a.length < b.length) return b.endsWith(a);
  return false;
}

/** Does a search term look like a phone number (mostly digits)? */
export function looksLikePhone(term: string): boolean {
  const digits = phoneDigits(term);
  return digits.length >= 4 && /^[+0-9 ().\-/]+$/.test(term.trim());
}
