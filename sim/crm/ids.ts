/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix first) or the
 * 18-character case-insensitive form with a 3-character checksum suffix. The emulator stores the
 * 18-character form and accepts either on input, as the platform does.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_CHARS = /^[0-9A-Za-z]+$/;

/** The checksum suffix of a 15-character id: one letter per 5-character chunk, encoding which chars are upper case. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * Normalises an id to its 18-character form. Returns null for anything that is not a well-formed
 * 15- or 18-character id (wrong length, bad characters, or an 18-character id whose suffix does not
 * match its first 15 characters).
 */
export function normalizeId(value: string): string | null {
  if (!ID_CHARS.test(value)) return null;
  if (value.length === 15) return value + checksumSuffix(value);
  if (value.length === 18) {
    const head = value.slice(0, 15);
    return checksumSuffix(head) === value.slice(15).toUpperCase() ? head + checksumSuffix(head) : null;
  }
  return null;
}

/** Builds a valid 18-character id from a key prefix, a 3-character pod/marker part and a counter. */
export function makeId(keyPrefix: string, counter: number, marker = 'Dm0'): string {
  if (keyPrefix.length !== 3 || marker.length !== 3) throw new Error('key prefix and marker are 3 characters');
  let n = counter;
  let digits = '';
  while (n > 0) {
    digits = BASE62.charAt(n % 62) + digits;
    n = Math.floor(n / 62);
  }
  const body = digits.padStart(9, '0');
  if (body.length > 9) throw new Error('id counter overflow');
  const id15 = keyPrefix + marker + body;
  return id15 + checksumSuffix(id15);
}

/** Same record? Compares ids by their 18-character forms. */
export function sameId(a: string, b: string): boolean {
  const na = normalizeId(a);
  return na !== null && na === normalizeId(b);
}
