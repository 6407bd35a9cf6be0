import type { Intent } from './intents.js';
import type { Observation } from './observations.js';

/**
 * The domain's single input type: an intent from the UI, or an observation from a port (already
 * validated and mapped from the wire), or a clock tick. Discriminated by `kind`: `intent.*`,
 * `obs.*`, `clock.tick`.
 */
export type Input = Intent | Observation;

/** The `kind` strings of all inputs. */
export type InputKind = Input['kind'];

/** Whether the input came from the UI. */
export function isIntent(input: Input): input is Intent {
  return input.kind.startsWith('intent.');
}

/** A copy of the input safe to log or mirror: passwords are replaced with `"***"`. */
export function redactInput(input: Input): Input {
  switch (input.kind) {
    case 'intent.logon':
      return input.auth.type === 'ic' ? { ...input, auth: { ...input.auth, password: '***' } } : input;
    case 'intent.password.change':
      return { ...input, oldPassword: '***', newPassword: '***', confirmPassword: '***' };
    default:
      return input;
  }
}
