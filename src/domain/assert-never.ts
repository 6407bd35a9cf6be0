/**
 * Marks a branch the compiler must prove unreachable. Put it in the `default:` of a switch over a
 * union so that adding a member fails to compile until every switch handles it. If it is reached
 * at run time anyway (a value from outside that skipped validation), it throws: that is a
 * programming error, not a late server update.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
