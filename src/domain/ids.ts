/**
 * Branded identifiers. They are plain strings at run time (so the state stays JSON data) but the
 * compiler keeps an interaction id from being passed where a user id is expected.
 */
declare const brand: unique symbol;

/** A value of type `T` tagged with the name `B` at compile time only. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A CIC interaction id (`Eic_CallId`), e.g. `"1001234567"`. */
export type InteractionId = Brand<string, 'InteractionId'>;
/** A CIC user id (the IC user name), e.g. `"jdoe"`. */
export type UserId = Brand<string, 'UserId'>;
/** A status message id (`statusId`), e.g. `"Available"`. Case-insensitive on the server. */
export type StatusId = Brand<string, 'StatusId'>;

/** Tags a wire string as an interaction id; the mapper in `src/cic` is the usual caller. */
export function interactionId(value: string): InteractionId {
  return value as InteractionId;
}

/** Tags a wire string as a user id. */
export function userId(value: string): UserId {
  return value as UserId;
}

/** Tags a wire string as a status id. */
export function statusId(value: string): StatusId {
  return value as StatusId;
}
