import type { StateClass } from '../../domain/index.js';
import {
  utility_call,
  utility_dialing,
  utility_end_call,
  utility_incoming_call,
  utility_pause,
  utility_voicemail_drop,
  type SldsIcon,
} from '../../generated/icons.js';
import type { MessageId } from '../i18n/t.js';

/** How each interaction state looks: icon, colour class (alerting black, connected green, held orange) and words. */
export const STATE_LOOK: Readonly<Record<StateClass, { icon: SldsIcon; cls: string; label: MessageId }>> = {
  alerting: { icon: utility_incoming_call, cls: 'cic-state_alerting', label: 'state.alerting' },
  offering: { icon: utility_incoming_call, cls: 'cic-state_offering', label: 'state.offering' },
  dialing: { icon: utility_dialing, cls: 'cic-state_dialing', label: 'state.dialing' },
  connected: { icon: utility_call, cls: 'cic-state_connected', label: 'state.connected' },
  held: { icon: utility_pause, cls: 'cic-state_held', label: 'state.held' },
  voicemail: { icon: utility_voicemail_drop, cls: 'cic-state_voicemail', label: 'state.voicemail' },
  parked: { icon: utility_pause, cls: 'cic-state_parked', label: 'state.parked' },
  disconnected: { icon: utility_end_call, cls: 'cic-state_disconnected', label: 'state.disconnected' },
};
