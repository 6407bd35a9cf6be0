/**
 * Keeps the package's Aura Omni-Channel bridge (force-app/.../aura/CicOmniBridge) in step with the
 * console emulator's stand-in (sim/crm/omni-bridge.ts). Every request the emulator's bridge
 * answers is sent to both: the emulator answers with its real Omni-Channel state, then the Aura
 * controller and helper run in a vm sandbox against a fake omniToolkitAPI that resolves with what
 * the emulator resolved (and fires the same lightning:omniChannel* events). Both must publish the
 * same messages in the same order, and the Aura code must hand the toolkit exactly the arguments.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import type { ConsoleWindow } from '../../sim/crm/console-core.js';
import { DEMO_PRESENCE_STATUSES } from '../../sim/crm/omni.js';
import type { WireValue } from '../../sim/crm/protocol.js';
import type { ConsoleEmulator } from '../../sim/crm/server.js';
import { startTestEmulator } from '../../sim/crm/test-support.js';
import { DEFAULT_DIR, ROOT } from './project-copy.js';

const BUNDLE = `${ROOT}${DEFAULT_DIR}/aura/CicOmniBridge/`;
const CHANNEL = 'CIC_Omni_Bridge__c';
type Json = Record<string, unknown>;
type AuraAction = (component: FakeComponent, eventOrMessage: unknown, helper: Json) => void;

/** Evaluates an Aura JS file (one object literal) in a sandbox with a fake `$A`. */
function loadAura(file: string): Json {
  const sandbox = vm.createContext({
    Promise,
    $A: {
      getCallback: (fn: unknown) => fn,
      enqueueAction: (action: { run: () => void }) => action.run(),
    },
  });
  return vm.runInContext(readFileSync(`${BUNDLE}${file}`, 'utf8'), sandbox, { filename: file }) as Json;
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** What the toolkit does for one call: resolve with a value or reject, after firing events. */
interface Scripted {
  ok: boolean;
  value: unknown;
  events: Array<{ name: string; params: unknown }>;
}

class FakeComponent {
  readonly published: unknown[] = [];
  readonly toolkitCalls: Array<{ method: string; args: unknown[] }> = [];
  readonly attributes = new Map<string, unknown>();
  next: Scripted | null = null;

  constructor(
    private readonly controller: Json,
    private readonly helper: Json,
  ) {}

  private play(): Promise<unknown> {
    const script = this.next;
    this.next = null;
    if (!script) return Promise.reject(new Error('the test did not expect a toolkit call'));
    for (const e of script.events)
      (this.controller[e.name] as AuraAction)(this, { getParams: () => e.params }, this.helper);
    return script.ok ? Promise.resolve(script.value) : Promise.reject(new Error(String(script.value)));
  }

  find(id: string): unknown {
    if (id === 'bridge') return { publish: (message: unknown) => this.published.push(plain(message)) };
    if (id !== 'omniToolkit') return undefined;
    return new Proxy(
      {},
      {
        get:
          (_t, method: string) =>
          (...args: unknown[]) => {
            this.toolkitCalls.push({ method, args: plain(args) as unknown[] });
            return this.play();
          },
      },
    );
  }

  get(name: string): unknown {
    if (name.startsWith('v.')) return this.attributes.get(name);
    assert.equal(name, 'c.getServicePresenceStatuses', 'the only Apex action');
    let callback: ((response: unknown) => void) | null = null;
    return {
      setCallback: (_scope: unknown, cb: (response: unknown) => void) => {
        callback = cb;
      },
      run: () => {
        this.toolkitCalls.push({ method: 'apex:getServicePresenceStatuses', args: [] });
        void this.play().then(
          (value) =>
            callback?.({ getState: () => 'SUCCESS', getReturnValue: () => value, getError: () => [] }),
          (error: Error) =>
            callback?.({
              getState: () => 'ERROR',
              getReturnValue: () => null,
              getError: () => [{ message: error.message }],
            }),
        );
      },
    };
  }

  set(name: string, value: unknown): void {
    this.attributes.set(name, value);
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Aura Omni-Channel bridge vs the emulator bridge', () => {
  let emulator: ConsoleEmulator;
  let win: ConsoleWindow;
  const controller = loadAura('CicOmniBridgeController.js');
  const helper = loadAura('CicOmniBridgeHelper.js');
  const markup = readFileSync(`${BUNDLE}CicOmniBridge.cmp`, 'utf8');
  const emulatorMethods = [
    ...readFileSync(`${ROOT}sim/crm/omni-bridge.ts`, 'utf8').matchAll(/case '(\w+)':/g),
  ].map((m) => m[1] ?? '');
  const emulatorEvents = [
    ...new Set(
      [...readFileSync(`${ROOT}sim/crm/omni.ts`, 'utf8').matchAll(/this\.emit\('(\w+)'/g)].map(
        (m) => m[1] ?? '',
      ),
    ),
  ];
  const covered = new Set<string>();

  before(async () => {
    emulator = await startTestEmulator();
    win = emulator.core.openWindow('http://console.test:1');
  });
  after(() => emulator.close());

  /** Sends one request through both bridges and compares what each published. */
  async function both(
    request: Json,
    expect: 'ok' | 'toolkit-error' | 'refused',
    expectedArgs?: unknown[],
  ): Promise<Json> {
    const core = emulator.core;
    const mark = core.lms.length;
    core.publish(win, CHANNEL, request as WireValue, 'softphone');
    const fromEmulator = core.lms
      .slice(mark)
      .filter((e) => e.source === 'omni-bridge')
      .map((e) => plain(e.message) as Json);
    const reply = fromEmulator.at(-1);
    assert.ok(reply && reply['type'] === 'omni.response', `the emulator answered ${JSON.stringify(request)}`);
    assert.equal(
      reply['ok'],
      expect === 'ok',
      `emulator outcome for ${JSON.stringify(request)}: ${JSON.stringify(reply)}`,
    );

    const component = new FakeComponent(controller, helper);
    const events = fromEmulator.slice(0, -1).map((e) => ({ name: String(e['name']), params: e['params'] }));
    component.next = {
      ok: expect === 'ok',
      value: expect === 'ok' ? reply['result'] : reply['error'],
      events,
    };
    (controller['onBridgeMessage'] as AuraAction)(component, { getParams: () => request }, helper);
    await settle();
    await settle();
    if (expect === 'refused') {
      assert.deepEqual(component.toolkitCalls, [], 'refused before the toolkit');
      assert.equal(component.published.length, 1);
      const aura = component.published[0] as Json;
      assert.equal(typeof aura['error'], 'string');
      assert.ok(String(aura['error']).length > 0);
      assert.deepEqual({ ...aura, error: '…' }, { ...reply, error: '…' });
    } else {
      assert.deepEqual(component.published, fromEmulator, `same messages for ${JSON.stringify(request)}`);
      const method = String(request['method']);
      const call = component.toolkitCalls[0];
      assert.equal(component.toolkitCalls.length, 1);
      assert.equal(
        call?.method,
        method === 'getServicePresenceStatuses' ? 'apex:getServicePresenceStatuses' : method,
      );
      assert.deepEqual(call?.args, expectedArgs ?? (request['args'] === undefined ? [] : [request['args']]));
      covered.add(method);
    }
    return reply;
  }

  it('answers every request type the emulator defines, with the same envelope, results and events', async () => {
    const [available, cases, busy] = DEMO_PRESENCE_STATUSES;
    let n = 0;
    const req = (method: string, args?: Json): Json => ({
      type: 'omni.request',
      requestId: `r${++n}`,
      method,
      ...(args ? { args } : {}),
    });
    await both(req('getServicePresenceStatuses'), 'ok');
    await both(req('login', { statusId: available?.statusId }), 'ok');
    await both(req('getServicePresenceStatusId'), 'ok');
    await both(req('setServicePresenceStatus', { statusId: cases?.statusId }), 'ok');
    await both(req('getServicePresenceStatusChannels', {}), 'ok', []);
    const first = emulator.core.omni.assignWork(2);
    await both(req('getAgentWorks'), 'ok');
    await both(req('getAgentWorkload'), 'ok');
    await both(req('acceptAgentWork', { workId: first.workId }), 'ok');
    await both(req('raiseAgentWorkFlag', { workId: first.workId, message: 'supervisor please' }), 'ok');
    await both(req('lowerAgentWorkFlag', { workId: first.workId }), 'ok');
    await both(req('closeAgentWork', { workId: first.workId }), 'ok');
    const second = emulator.core.omni.assignWork(1);
    await both(req('declineAgentWork', { workId: second.workId, declineReason: 'on a CIC call' }), 'ok');
    await both(req('setServicePresenceStatus', { statusId: busy?.statusId }), 'ok');
    await both(req('logout'), 'ok');
    assert.deepEqual(
      [...covered].sort(),
      [...new Set(emulatorMethods)].sort(),
      'every emulator bridge method went through both',
    );
  });

  it('fails the same way: toolkit errors pass through, bad requests are refused before the toolkit', async () => {
    await both(
      {
        type: 'omni.request',
        requestId: 'e1',
        method: 'setServicePresenceStatus',
        args: { statusId: '0N5000000000999' },
      },
      'toolkit-error',
    );
    await both(
      {
        type: 'omni.request',
        requestId: 'e2',
        method: 'acceptAgentWork',
        args: { workId: '0Bz000000000999' },
      },
      'toolkit-error',
    );
    await both(
      { type: 'omni.request', requestId: 'e3', method: 'getServicePresenceStatusId' },
      'toolkit-error',
    );
    await both({ type: 'omni.request', requestId: 'e4', method: 'openTheDoor' }, 'refused');
    await both({ type: 'omni.request', requestId: 'e5', method: 'login', args: {} }, 'refused');
    await both({ type: 'omni.request', requestId: 'e6', method: 'logout', args: { now: 'true' } }, 'refused');
    await both(
      { type: 'omni.request', requestId: 'e7', method: 'closeAgentWork', args: { workId: 42 } },
      'refused',
    );
    const malformed = await both({ type: 'omni.request', method: 'logout' }, 'refused');
    assert.equal(malformed['requestId'], null);
    await both({ type: 'omni.request', requestId: 'e8', method: 'logout', extra: true }, 'refused');
    await both({ type: 'omni.request', requestId: 'e9', method: 'logout', args: ['x'] }, 'refused');
  });

  it('ignores its own responses and events on the channel', async () => {
    const component = new FakeComponent(controller, helper);
    for (const message of [
      { type: 'omni.response', requestId: 'x', ok: true, result: true },
      { type: 'omni.event', name: 'omniChannelLogout', params: {} },
      { type: 'other' },
    ]) {
      (controller['onBridgeMessage'] as AuraAction)(component, { getParams: () => message }, helper);
    }
    await settle();
    assert.deepEqual(component.published, []);
    assert.deepEqual(component.toolkitCalls, []);
  });

  it('forwards every Omni-Channel event the emulator emits, declared in the markup', () => {
    assert.ok(emulatorEvents.length >= 9, emulatorEvents.join());
    for (const name of emulatorEvents) {
      assert.match(
        markup,
        new RegExp(`<aura:handler event="lightning:${name}" action="\\{!c\\.${name}\\}"/>`),
        `handler for ${name}`,
      );
      const component = new FakeComponent(controller, helper);
      const params = { statusId: '0N5000000000001', reason: 'OmniManualStatusChange', newWorkload: 2 };
      (controller[name] as AuraAction)(component, { getParams: () => params }, helper);
      assert.deepEqual(component.published, [{ type: 'omni.event', name, params }]);
    }
    assert.match(
      markup,
      new RegExp(
        `<lightning:messageChannel type="${CHANNEL}" aura:id="bridge" onMessage="\\{!c\\.onBridgeMessage\\}" scope="APPLICATION"/>`,
      ),
    );
    assert.match(markup, /<lightning:omniToolkitAPI aura:id="omniToolkit"\/>/);
  });

  it('knows exactly the emulator bridge methods', () => {
    const methodSpec = helper['methodSpec'] as (name: string) => unknown;
    for (const method of emulatorMethods)
      assert.ok(methodSpec.call(helper, method), `Aura supports ${method}`);
    const auraMethods = [
      ...readFileSync(`${BUNDLE}CicOmniBridgeHelper.js`, 'utf8').matchAll(
        /^\s+(\w+): (?:none|status|work|\{ allowed)/gm,
      ),
    ].map((m) => m[1] ?? '');
    assert.deepEqual(auraMethods.sort(), [...new Set(emulatorMethods)].sort());
  });
});
