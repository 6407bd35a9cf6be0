/**
 * What happens in the world, as the subscriptions see it. `World.emit` hands every event to every
 * live session, and each of the session's subscriptions picks what concerns it.
 */
import type { HistoryEntry, QueueChange } from '../telephony/host.js';
import type { PreviousStatusInfo, UserStatusProperty } from './presence.js';
import type { StationInfo } from './station-model.js';

export type WorldEvent =
  | { readonly kind: 'queue'; readonly change: QueueChange }
  | { readonly kind: 'userStatus'; readonly userId: string; readonly changed: readonly UserStatusProperty[] }
  | { readonly kind: 'previousStatus'; readonly userId: string; readonly info: PreviousStatusInfo }
  | { readonly kind: 'history'; readonly userId: string; readonly entry: HistoryEntry }
  | { readonly kind: 'activation'; readonly userId: string; readonly workgroup: string; readonly active: boolean }
  | {
      readonly kind: 'station';
      readonly sessionId: string;
      readonly userId: string;
      readonly previous: StationInfo | null;
      readonly current: StationInfo | null;
    }
  | { readonly kind: 'snippet'; readonly interactionId: string; readonly recordingSnippetId: string }
  | { readonly kind: 'deallocated'; readonly interactionId: string };
