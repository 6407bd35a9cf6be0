import type { InteractionPhase } from './interaction-state.js';

/** `new` stands for "first seen in this message". */
export type PhaseOrNew = InteractionPhase | 'new';

/**
 * Side notifications a phase change triggers:
 * - `alert`: ring, ask for the panel, desktop notification when hidden, screen pop;
 * - `answered`: connected for the first time (screen pop for auto-answered inbound calls);
 * - `ended`: the agent's part ended after talking (wrap-up prompt);
 * - `missed`: ended without ever being connected (no pop, no wrap-up).
 */
export type Notification = 'alert' | 'answered' | 'ended' | 'missed';

/** One row of the transition table. */
export interface TransitionRule {
  readonly from: readonly PhaseOrNew[];
  readonly to: readonly InteractionPhase[];
  readonly notify: Notification;
  /** Only when the interaction was (or was never) connected before this change. */
  readonly everConnected?: boolean;
}

const BEFORE_TALKING: readonly PhaseOrNew[] = [
  'new',
  'initializing',
  'offering',
  'system',
  'proceeding',
  'alerting',
  'voicemail',
  'parked',
];
const TALKING: readonly PhaseOrNew[] = ['connected', 'held'];

/**
 * The declarative transition table (after Streams' contact event graph, typed). Phases that do
 * not change produce nothing, which is what makes replayed deltas harmless.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    from: [
      'new',
      'initializing',
      'offering',
      'system',
      'proceeding',
      'connected',
      'held',
      'voicemail',
      'parked',
    ],
    to: ['alerting'],
    notify: 'alert',
  },
  { from: BEFORE_TALKING, to: ['connected', 'held'], notify: 'answered', everConnected: false },
  { from: TALKING, to: ['disconnected'], notify: 'ended' },
  { from: BEFORE_TALKING, to: ['disconnected'], notify: 'ended', everConnected: true },
  { from: BEFORE_TALKING, to: ['disconnected'], notify: 'missed', everConnected: false },
];

/** The notifications for a change `from` → `to` (none when the phase did not change). */
export function notificationsFor(
  from: PhaseOrNew,
  to: InteractionPhase,
  everConnectedBefore: boolean,
): readonly Notification[] {
  if (from === to) return [];
  return TRANSITIONS.filter(
    (rule) =>
      rule.from.includes(from) &&
      rule.to.includes(to) &&
      (rule.everConnected === undefined || rule.everConnected === everConnectedBefore),
  ).map((rule) => rule.notify);
}
