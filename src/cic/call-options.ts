import type * as z from 'zod/mini';
import { decode } from './http.js';

/** Options every client call accepts. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Validates a request body with its schema before it is sent (a `schema` CicError otherwise). */
export function requestBody<S extends z.ZodMiniType>(
  schema: S,
  value: z.input<S>,
  operation: string,
): z.output<S> {
  return decode(schema, value, `${operation} (request)`);
}
