/**
 * A subscription made with `PUT /icws/{sessionId}/messaging/subscriptions/...`. `start` queues the
 * full snapshot (`isDelta: false`); `handle` queues deltas (`isDelta: true`) for the events that
 * concern it. A PUT on the same key replaces the subscription (and sends a fresh snapshot).
 */
import type { WorldEvent } from '../events.js';
import type { Session } from '../session.js';
import type { World } from '../world.js';

export interface Subscription {
  readonly key: string;
  /** Short description for `GET /sim/v1/state`. */
  readonly describe: string;
  start(): void;
  handle(event: WorldEvent): void;
}

export interface SubscriptionContext {
  readonly world: World;
  readonly session: Session;
}

/** Case-insensitive attribute lookup, keyed by the names the client asked for. */
export function pickAttributes(
  attributes: Readonly<Record<string, string>>,
  names: readonly string[],
): Record<string, string> {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(attributes)) lower.set(name.toLowerCase(), value);
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = lower.get(name.toLowerCase());
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The attributes of `next` whose value differs from `sent` (and records them as sent). */
export function diffAttributes(sent: Record<string, string>, next: Record<string, string>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [name, value] of Object.entries(next)) {
    if (sent[name] !== value) {
      changed[name] = value;
      sent[name] = value;
    }
  }
  return changed;
}
