/**
 * Browser implementations of the small ports: preferences in `localStorage` (never credentials,
 * validated when read back because another tab, an extension or an older version may have
 * written them), the ring tone and desktop notifications, and the wall clock.
 */
import * as z from 'zod/mini';
import type { LogonPrefs, NotifierPort, StoragePort, UserPrefs } from '../domain/index.js';

const stationChoice = z.union([
  z.object({ kind: z.literal('workstation'), name: z.string() }),
  z.object({ kind: z.literal('remoteWorkstation'), name: z.string() }),
  z.object({ kind: z.literal('remoteNumber'), number: z.string(), persistent: z.boolean() }),
  z.object({ kind: z.literal('webBasedPhone') }),
]);

const userPrefsSchema = z.object({
  favourites: z.optional(z.array(z.string())),
  station: z.optional(z.nullable(stationChoice)),
  ringMuted: z.optional(z.boolean()),
});

const logonPrefsSchema = z.object({
  alwaysUse: z.nullable(
    z.union([
      z.object({ type: z.literal('ic') }),
      z.object({ type: z.literal('sso'), identityProviderId: z.string() }),
    ]),
  ),
});

/** Key prefix; one entry per user plus one for the logon page. */
const PREFIX = 'cic-softphone:';

/** Reads `key` as JSON and checks it; anything unreadable counts as absent (and is reported). */
function read<T>(
  storage: Pick<Storage, 'getItem'>,
  key: string,
  schema: z.ZodMiniType<T>,
  report: (line: string) => void,
): T | null {
  const raw = storage.getItem(PREFIX + key);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    report(`stored ${key} is not JSON; ignoring it`);
    return null;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    report(`stored ${key} is invalid at ${where}; ignoring it`);
    return null;
  }
  return parsed.data;
}

export function createLocalStoragePort(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  report: (line: string) => void = () => undefined,
): StoragePort {
  return {
    async loadUserPrefs(userId) {
      return {
        kind: 'obs.storage.userPrefs',
        userId,
        prefs: read(storage, `user:${userId}`, userPrefsSchema, report),
      };
    },
    async saveUserPrefs(userId, prefs: UserPrefs) {
      storage.setItem(`${PREFIX}user:${userId}`, JSON.stringify(prefs));
    },
    async loadLogonPrefs() {
      return { kind: 'obs.storage.logonPrefs', prefs: read(storage, 'logon', logonPrefsSchema, report) };
    },
    async saveLogonPrefs(prefs: LogonPrefs) {
      storage.setItem(`${PREFIX}logon`, JSON.stringify(prefs));
    },
  };
}

/**
 * Ring tone from a Web Audio oscillator (two short bursts every three seconds, as a phone does)
 * and desktop notifications. The `Notification` permission is only ever requested from a user
 * gesture (see {@link requestNotificationPermission}); without it `notify` does nothing.
 */
export function createBrowserNotifier(win: Window & typeof globalThis = window): NotifierPort {
  let context: AudioContext | null = null;
  let timer: number | null = null;

  const burst = (ctx: AudioContext, at: number): void => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 440;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.4);
  };

  return {
    startRing() {
      if (timer !== null || typeof win.AudioContext !== 'function') return;
      context ??= new win.AudioContext();
      const ring = (): void => {
        if (!context) return;
        burst(context, context.currentTime);
        burst(context, context.currentTime + 0.6);
      };
      ring();
      timer = win.setInterval(ring, 3000);
    },
    stopRing() {
      if (timer !== null) win.clearInterval(timer);
      timer = null;
    },
    notify({ remoteName, remoteAddress }) {
      if (typeof win.Notification !== 'function' || win.Notification.permission !== 'granted') return;
      new win.Notification(remoteName || remoteAddress, {
        body: remoteName ? remoteAddress : '',
        tag: 'cic-alert',
      });
    },
  };
}

/** Asks for desktop-notification permission; call it only from a click or key handler. */
export async function requestNotificationPermission(
  win: Window & typeof globalThis = window,
): Promise<boolean> {
  if (typeof win.Notification !== 'function') return false;
  if (win.Notification.permission === 'default') await win.Notification.requestPermission();
  return win.Notification.permission === 'granted';
}

export { browserClock } from './clock.js';
