/**
 * Reads a record entry only if the record has it as its own property: keys come from the wire
 * (interaction ids, workgroup names), and `constructor` or `__proto__` must not find
 * `Object.prototype`'s members.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
