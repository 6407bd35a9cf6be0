import type { CallOptions } from '../call-options.js';
import type { CicSession } from '../session.js';
import { seg } from '../session.js';

/** `POST …/interactions/{id}/{action}` with a body (`{}` for bodiless commands, reference §4). */
export async function interactionCommand(
  session: CicSession,
  id: string,
  action: string,
  body: unknown,
  options: CallOptions,
): Promise<void> {
  await session.call({
    method: 'POST',
    path: `interactions/${seg(id)}/${action}`,
    operation: `POST interactions/{id}/${action}`,
    body: body ?? {},
    signal: options.signal,
  });
}
