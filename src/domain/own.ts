/**
 * Lookups in records keyed by text from the server (interaction ids, status ids, workgroup names).
 * State records are plain objects, so `record[key]` and `key in record` also see
 * `Object.prototype` (`"constructor"`, `"toString"`, `"__proto__"`…); these read own keys only.
 */

/** Whether `key` is an own property of `record`. */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** `record[key]` when it is an own property, else `undefined`. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as an own data property (even for `"__proto__"`, which `=` would not). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
