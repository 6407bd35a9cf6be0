import { assertNever } from '../diagnostics.js';
import type { SubscriptionTopic, UserPrefs } from '../effects.js';
import type { SessionIntent } from '../intents.js';
import type { SessionObservation } from '../observations.js';
import { currentUserId, defaultUserPrefs, savePrefs, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import { onPrefsLoaded } from '../station/station-step.js';
import type { StationChoice } from '../station/station-state.js';

/** Every subscription the panel needs once the session is active. */
export const SUBSCRIPTION_TOPICS: readonly SubscriptionTopic[] = [
  'myInteractions',
  'statusCatalog',
  'statusAccess',
  'userStatuses',
  'previousStatus',
  'station',
  'history',
  'activations',
  'wrapUpCodes',
  'accountCodes',
  'rights',
];

function isStationChoice(value: unknown): value is StationChoice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v['kind']) {
    case 'workstation':
    case 'remoteWorkstation':
      return typeof v['name'] === 'string';
    case 'remoteNumber':
      return typeof v['number'] === 'string' && typeof v['persistent'] === 'boolean';
    case 'webBasedPhone':
      return true;
    default:
      return false;
  }
}

type PrefsInput =
  | Extract<SessionIntent, { kind: 'intent.setRingMuted' }>
  | Extract<SessionObservation, { kind: 'obs.storage.userPrefs' }>;

/** Steps preference inputs: stored preferences arriving, the ring-mute setting. */
export function stepPrefsInput(state: SoftphoneState, input: PrefsInput, out: StepOutput): SoftphoneState {
  switch (input.kind) {
    case 'intent.setRingMuted':
      return savePrefs(state, { ...state.prefs.value, ringMuted: input.muted }, out);
    case 'obs.storage.userPrefs': {
      const userId = currentUserId(state);
      if (userId === null || userId.toLowerCase() !== input.userId.toLowerCase())
        return refuse(state, out, 'stale', 'userPrefs');
      // Stored data is outside input: keep only well-formed parts.
      const raw = input.prefs;
      const defaults = defaultUserPrefs();
      const value: UserPrefs = {
        favourites: Array.isArray(raw?.favourites)
          ? raw.favourites.filter((f): f is string => typeof f === 'string')
          : defaults.favourites,
        station: isStationChoice(raw?.station) ? raw.station : null,
        ringMuted: typeof raw?.ringMuted === 'boolean' ? raw.ringMuted : defaults.ringMuted,
      };
      return onPrefsLoaded({ ...state, prefs: { loaded: true, value } }, out);
    }
    default:
      return assertNever(input);
  }
}
