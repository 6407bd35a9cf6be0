/**
 * Storage and notifier ports that stand in for the browser ones (src/app/browser-ports.ts) while
 * that module — with the zod schemas that check stored preferences — loads in its own chunk, so
 * the log-on form renders without it (docs/decisions/0008-code-splitting.md). Storage calls wait
 * for the real port; ring and notification requests made before it arrives are applied in order
 * once it does (only the last ring request matters).
 */
import type { NotifierPort, StoragePort } from '../domain/index.js';

export function lazyStoragePort(loading: Promise<StoragePort>): StoragePort {
  return {
    loadUserPrefs: async (userId) => (await loading).loadUserPrefs(userId),
    saveUserPrefs: async (userId, prefs) => (await loading).saveUserPrefs(userId, prefs),
    loadLogonPrefs: async () => (await loading).loadLogonPrefs(),
    saveLogonPrefs: async (prefs) => (await loading).saveLogonPrefs(prefs),
  };
}

export function lazyNotifier(loading: Promise<NotifierPort>): NotifierPort {
  let port: NotifierPort | null = null;
  let ringing: boolean | null = null;
  const notifications: Parameters<NotifierPort['notify']>[0][] = [];
  void loading.then((loaded) => {
    port = loaded;
    if (ringing === true) loaded.startRing();
    if (ringing === false) loaded.stopRing();
    for (const request of notifications.splice(0)) loaded.notify(request);
  });
  return {
    startRing() {
      if (port) port.startRing();
      else ringing = true;
    },
    stopRing() {
      if (port) port.stopRing();
      else ringing = false;
    },
    notify(request) {
      if (port) port.notify(request);
      else notifications.push(request);
    },
  };
}
