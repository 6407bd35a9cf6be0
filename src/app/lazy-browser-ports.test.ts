import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NotifierPort, StoragePort } from '../domain/index.js';
import { lazyNotifier, lazyStoragePort } from './lazy-browser-ports.js';

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('lazy browser ports', () => {
  it('storage calls made before the port loads are answered by it once it has', async () => {
    const d = deferred<StoragePort>();
    const lazy = lazyStoragePort(d.promise);
    const pending = lazy.loadLogonPrefs();
    const saved: string[] = [];
    d.resolve({
      loadUserPrefs: (userId) => Promise.resolve({ kind: 'obs.storage.userPrefs', userId, prefs: null }),
      saveUserPrefs: (userId) => {
        saved.push(userId);
        return Promise.resolve();
      },
      loadLogonPrefs: () => Promise.resolve({ kind: 'obs.storage.logonPrefs', prefs: { alwaysUse: null } }),
      saveLogonPrefs: () => Promise.resolve(),
    });
    assert.deepEqual(await pending, { kind: 'obs.storage.logonPrefs', prefs: { alwaysUse: null } });
    await lazy.saveUserPrefs('agent1', { favourites: [], station: null, ringMuted: false });
    assert.deepEqual(saved, ['agent1']);
  });

  it('ring and notifications asked for early reach the notifier in order; a stopped ring stays stopped', async () => {
    const calls: string[] = [];
    const real: NotifierPort = {
      startRing: () => calls.push('start'),
      stopRing: () => calls.push('stop'),
      notify: (r) => calls.push(`notify ${r.remoteName}`),
    };
    const early = deferred<NotifierPort>();
    const a = lazyNotifier(early.promise);
    a.startRing();
    a.notify({ interactionId: '1' as never, remoteName: 'Pat Doe', remoteAddress: '+1', objectType: 'Call' });
    a.stopRing();
    early.resolve(real);
    await early.promise;
    await Promise.resolve();
    assert.deepEqual(calls, ['stop', 'notify Pat Doe']);
    a.startRing();
    assert.deepEqual(calls, ['stop', 'notify Pat Doe', 'start']);
  });
});
