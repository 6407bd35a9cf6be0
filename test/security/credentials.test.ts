/**
 * No credential is ever written to browser storage or to the log. The real store, runtime, CIC
 * port (over a scripted fetch) and the real `localStorage` port (over a recording Storage) go
 * through a full logon with an IC password and with single sign-on, remembering the auth type and
 * the station, and saving a favourite; every StoragePort call, every `setItem` and every log line
 * is then searched for the password and the SSO token. Redaction and the failed-effect log line are
 * checked directly too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalStoragePort } from '../../src/app/browser-ports.js';
import { startRuntime } from '../../src/app/runtime.js';
import { createCicPort } from '../../src/cic/port.js';
import {
  fakeFetch,
  jsonResponse,
  logonReply,
  type RecordedRequest,
} from '../../src/cic/testing/fake-fetch.js';
import {
  createStore,
  initialSoftphoneState,
  redactEffect,
  redactInput,
  step,
  type CicPort,
  type Clock,
  type Effect,
  type Input,
  type SoftphoneState,
  type StoragePort,
} from '../../src/domain/index.js';

const PASSWORD = 'Pa55-word!secret';
const SSO_TOKEN = 'sso-token-3f9a1c7e';
const SERVER = 'http://127.0.0.1:8018';

/** The wire: server info, logon (201), station, subscriptions; messages come back empty. */
function server(): ReturnType<typeof fakeFetch> {
  return fakeFetch((request: RecordedRequest) => {
    const path = request.url.pathname;
    if (path.endsWith('/icws/connection/server-info'))
      return jsonResponse(200, {
        authentication: {
          allowIcAuth: true,
          identityProviders: [{ identityProviderId: 'okta', displayName: 'Okta' }],
        },
      });
    if (path === '/icws/connection' && request.method === 'POST') return logonReply();
    if (path.endsWith('/messaging/messages')) return jsonResponse(200, []);
    if (path.endsWith('/connection/station') && request.method === 'GET')
      return jsonResponse(200, { id: '7001', stationSetting: 1 });
    return jsonResponse(request.method === 'GET' ? 200 : 204, request.method === 'GET' ? {} : undefined);
  });
}

const idle = (_ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
  );

const clock: Clock = { now: () => Date.UTC(2024, 0, 15, 9, 0, 0), every: () => () => undefined };
const notifier = { startRing() {}, stopRing() {}, notify() {} };

/** A Storage that keeps every write. */
function recordingStorage() {
  const items = new Map<string, string>();
  const writes: [string, string][] = [];
  return {
    items,
    writes,
    storage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        writes.push([key, value]);
        items.set(key, value);
      },
    },
  };
}

/** Wraps a StoragePort and records each call's method and arguments. */
function recordingPort(inner: StoragePort, calls: unknown[]): StoragePort {
  return {
    loadUserPrefs: (userId) => (calls.push(['loadUserPrefs', userId]), inner.loadUserPrefs(userId)),
    saveUserPrefs: (userId, prefs) => (
      calls.push(['saveUserPrefs', userId, prefs]),
      inner.saveUserPrefs(userId, prefs)
    ),
    loadLogonPrefs: () => (calls.push(['loadLogonPrefs']), inner.loadLogonPrefs()),
    saveLogonPrefs: (prefs) => (calls.push(['saveLogonPrefs', prefs]), inner.saveLogonPrefs(prefs)),
  };
}

interface Panel {
  readonly store: ReturnType<typeof createStore<SoftphoneState, Input>>;
  readonly storageCalls: unknown[];
  readonly writes: [string, string][];
  readonly logs: string[];
  readonly cic: ReturnType<typeof createCicPort>;
  readonly wire: ReturnType<typeof fakeFetch>;
  intent(input: Input): Promise<void>;
  close(): Promise<void>;
}

function panel(): Panel {
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(clock.now()), step);
  const recorded = recordingStorage();
  const storageCalls: unknown[] = [];
  const logs: string[] = [];
  const wire = server();
  const cic = createCicPort({
    applicationName: 'Credentials test',
    fetch: wire,
    messaging: { mode: 'poll', wait: idle, heartbeatIntervalMs: 0 },
    singleSignOn: async () => SSO_TOKEN,
  });
  const runtime = startRuntime({
    store,
    ports: {
      cic,
      storage: recordingPort(
        createLocalStoragePort(recorded.storage, (l) => logs.push(l)),
        storageCalls,
      ),
      notifier,
    },
    clock,
    log: (line) => logs.push(line),
  });
  return {
    store,
    storageCalls,
    writes: recorded.writes,
    logs,
    cic,
    wire,
    async intent(input) {
      runtime.dispatch(input);
      await runtime.idle();
    },
    async close() {
      runtime.stop();
      await cic.client?.stopMessaging();
    },
  };
}

async function logOn(p: Panel, auth: Extract<Input, { kind: 'intent.logon' }>['auth']): Promise<void> {
  await p.intent({ kind: 'intent.server.select', server: SERVER });
  await p.intent({ kind: 'intent.logon', auth, alwaysUseAuthType: true });
  assert.equal(
    p.store.getState().session.current.phase,
    'active',
    JSON.stringify(p.store.getState().session.current),
  );
  await p.intent({
    kind: 'intent.selectStation',
    choice: { kind: 'workstation', name: '7001' },
    remember: true,
  });
  await p.intent({ kind: 'intent.setRingMuted', muted: true });
}

function assertNoSecret(what: string, value: unknown): void {
  const text = JSON.stringify(value);
  assert.ok(!text.includes(PASSWORD), `${what} contains the password: ${text}`);
  assert.ok(!text.includes(SSO_TOKEN), `${what} contains the SSO token: ${text}`);
}

describe('credentials never reach storage or logs', () => {
  for (const [name, auth] of [
    ['IC password', { type: 'ic', userId: 'agent1', password: PASSWORD }],
    ['single sign-on', { type: 'sso', identityProviderId: 'okta' }],
  ] as const) {
    it(`a full logon with ${name} writes preferences but no credential`, async () => {
      const p = panel();
      try {
        await logOn(p, auth);
        // The logon did happen, with the credential, on the wire only.
        assert.ok(p.cic.client !== null);
        const secret = auth.type === 'ic' ? PASSWORD : SSO_TOKEN;
        assert.ok(
          JSON.stringify(p.wire.calls.map((c) => c.body)).includes(secret),
          'the credential went to the server',
        );
        assert.ok(
          p.storageCalls.some((c) => Array.isArray(c) && c[0] === 'saveLogonPrefs'),
          'the auth type was remembered',
        );
        assert.ok(
          p.storageCalls.some((c) => Array.isArray(c) && c[0] === 'saveUserPrefs'),
          'user preferences were saved',
        );
        assert.ok(p.writes.length >= 2, 'localStorage was written');
        assertNoSecret('a StoragePort call', p.storageCalls);
        assertNoSecret('a localStorage write', p.writes);
        assertNoSecret('a log line', p.logs);
      } finally {
        await p.close();
      }
    });
  }

  it('redactInput and redactEffect hide passwords', () => {
    const inputs: Input[] = [
      {
        kind: 'intent.logon',
        auth: { type: 'ic', userId: 'agent1', password: PASSWORD },
        alwaysUseAuthType: false,
      },
      {
        kind: 'intent.password.change',
        oldPassword: PASSWORD,
        newPassword: `${PASSWORD}2`,
        confirmPassword: `${PASSWORD}2`,
      } as Input,
    ];
    for (const input of inputs) {
      assertNoSecret(input.kind, redactInput(input));
      assert.ok(JSON.stringify(input).includes(PASSWORD), 'the original is untouched');
    }
    const effects: Effect[] = [
      {
        kind: 'cic.logon',
        server: SERVER,
        auth: { type: 'ic', userId: 'agent1', password: PASSWORD },
        alternates: [],
      },
      { kind: 'cic.changePassword', oldPassword: PASSWORD, newPassword: `${PASSWORD}2` },
    ];
    for (const effect of effects) assertNoSecret(effect.kind, redactEffect(effect));
  });

  it('the log line of a failed logon effect shows the effect redacted', async () => {
    const logs: string[] = [];
    const store = createStore<SoftphoneState, Input>(initialSoftphoneState(clock.now()), step);
    // A port whose logon throws outright (not a rejected promise): the runtime logs the effect.
    const cic = new Proxy({} as CicPort, {
      get: (_target, key) => {
        if (key === 'observe') return () => () => undefined;
        if (key === 'logon')
          return () => {
            throw new Error('socket hang up');
          };
        if (key === 'fetchServerInfo')
          return async (server: string) => ({
            kind: 'obs.serverInfo',
            server,
            info: { allowIcAuth: true, identityProviders: [], userAgreementText: null },
          });
        return async () => undefined;
      },
    });
    const storage = createLocalStoragePort(recordingStorage().storage);
    const runtime = startRuntime({
      store,
      ports: { cic, storage, notifier },
      clock,
      log: (line) => logs.push(line),
    });
    runtime.dispatch({ kind: 'intent.server.select', server: SERVER });
    await runtime.idle();
    runtime.dispatch({
      kind: 'intent.logon',
      auth: { type: 'ic', userId: 'agent1', password: PASSWORD },
      alwaysUseAuthType: false,
    });
    await runtime.idle();
    runtime.stop();
    const line = logs.find((l) => l.includes('cic.logon'));
    assert.ok(line !== undefined, `a log line for the failed logon: ${JSON.stringify(logs)}`);
    assert.ok(line.includes('socket hang up') && line.includes('***'), line);
    assertNoSecret('the failed-logon log line', logs);
  });
});
