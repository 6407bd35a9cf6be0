import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createStore,
  initialSoftphoneState,
  step,
  type Input,
  type SoftphoneState,
} from '../domain/index.js';
import { guardUnload, type UnloadEventLike, type UnloadTarget } from './unload-guard.js';

/** A window with just the listener list, and an event that records what the guard did. */
function fakeWindow() {
  const listeners = new Set<(event: UnloadEventLike) => void>();
  const win: UnloadTarget = {
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
  };
  const unload = () => {
    const event = {
      prevented: false,
      returnValue: undefined as unknown,
      preventDefault() {
        this.prevented = true;
      },
    };
    for (const listener of listeners) listener(event);
    return event;
  };
  return { win, listeners, unload };
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const call = (letter: string): Input => ({
  kind: 'obs.queue.snapshot',
  now: T0,
  interactions: [
    {
      interactionId: '100' as never,
      attributes: {
        Eic_State: letter,
        Eic_CallDirection: 'I',
        Eic_ObjectType: 'Call',
        Eic_RemoteAddress: '+13175551234',
      },
    },
  ],
});

function loggedOnStore() {
  const store = createStore<SoftphoneState, Input>(initialSoftphoneState(T0), step);
  const inputs: Input[] = [
    {
      kind: 'obs.panel.config',
      now: T0,
      config: {
        server: 'cic1.example.com',
        allowedIdentityProviders: null,
        queueRetentionSeconds: 120,
        wrapUpPromptSeconds: 60,
        snippetRecordingEnabled: true,
        passwordWarningDays: 7,
      },
    },
    {
      kind: 'obs.serverInfo',
      server: 'cic1.example.com',
      info: { allowIcAuth: true, identityProviders: [], userAgreementText: null },
    },
    { kind: 'intent.logon', auth: { type: 'ic', userId: 'agent1', password: 'x' }, alwaysUseAuthType: false },
    {
      kind: 'obs.session.connected',
      sessionId: 's1',
      user: { userId: 'agent1', displayName: 'Agent One' },
      icServer: 'CIC1',
      features: {},
      effectiveStation: { id: '7001', displayName: '7001' },
      alternateHosts: [],
      serverTime: T0,
      daysUntilPasswordExpiration: null,
    },
  ];
  for (const input of inputs) store.dispatch(input);
  assert.equal(store.getState().session.current.phase, 'active');
  return store;
}

describe('guardUnload', () => {
  it('asks the browser to confirm while a call is connected, held or alerting', () => {
    const store = loggedOnStore();
    const { win, unload } = fakeWindow();
    guardUnload(win, store);
    assert.equal(unload().prevented, false, 'no call: no prompt');
    for (const letter of ['C', 'H', 'A']) {
      store.dispatch(call(letter));
      const event = unload();
      assert.equal(event.prevented, true, `state ${letter}`);
      assert.equal(event.returnValue, '');
    }
  });

  it('lets the page go once the call is disconnected or gone, and when logged off', () => {
    const store = loggedOnStore();
    const { win, unload } = fakeWindow();
    guardUnload(win, store);
    store.dispatch(call('C'));
    assert.equal(unload().prevented, true);
    store.dispatch(call('I'));
    assert.equal(unload().prevented, false, 'disconnected');
    store.dispatch({ kind: 'obs.queue.snapshot', now: T0, interactions: [] });
    assert.equal(unload().prevented, false, 'gone');
    const fresh = createStore<SoftphoneState, Input>(initialSoftphoneState(T0), step);
    const other = fakeWindow();
    guardUnload(other.win, fresh);
    assert.equal(other.unload().prevented, false, 'signed out');
  });

  it('removes its listener', () => {
    const store = loggedOnStore();
    store.dispatch(call('C'));
    const { win, listeners, unload } = fakeWindow();
    const off = guardUnload(win, store);
    assert.equal(listeners.size, 1);
    off();
    assert.equal(listeners.size, 0);
    assert.equal(unload().prevented, false);
  });
});
