/**
 * Fuzz test of the message path: ≥ 10 000 random and mutated ICWS messages go through the real
 * pipeline — `MessagePump.deliver` (parse + schema) → the CIC port's translation → the domain
 * store with the real `step` — starting from a logged-on agent. After every message: nothing
 * escaped, the state invariants hold, every selector works and the state is plain JSON. At the end
 * a normal call (offered → connected → disconnected → removed) still works.
 *
 * Deterministic: a fixed seed by default; `FUZZ_SEED=<n>` replays another run (the seed is
 * printed). `FUZZ_COUNT=<n>` changes the number of messages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCicPort, type IcwsCicPort } from '../../src/cic/port.js';
import { isUnrecognized, knownMessageTypes, parseMessage } from '../../src/cic/schemas/messages.js';
import { fakeFetch, jsonResponse, sessionRoutes } from '../../src/cic/testing/fake-fetch.js';
import type { MessagePump } from '../../src/cic/messaging.js';
import {
  createStore,
  selectInteractions,
  step,
  type Input,
  type Observation,
  type SoftphoneState,
  type Store,
} from '../../src/domain/index.js';
import { loggedOn } from '../../src/domain/testing/agent.js';
import { T0 } from '../../src/domain/testing/fixtures.js';
import { checkInvariants } from '../../src/domain/testing/invariants.js';
import { ME, sampleTypes, validMessage, type Message } from './icws-samples.js';
import { deeplyNested, mutate, randomJson, type Json } from './mutate.js';
import { createRng, seedFromEnv, type Rng } from './prng.js';

const DEFAULT_SEED = 0x5eed_2024;
const COUNT = Number(process.env['FUZZ_COUNT'] ?? 10_000);
const SERVER = 'http://127.0.0.1:8018';

/** A fetch that logs on and answers every other request with an empty success. */
function serverFetch() {
  return fakeFetch(
    sessionRoutes(
      new Proxy(
        {},
        {
          get: (_target, key) =>
            typeof key === 'string' && key === 'GET messaging/messages'
              ? () => jsonResponse(200, [])
              : () => jsonResponse(200, {}),
        },
      ),
    ),
  );
}

/** Waits until aborted: the pump polls once, then idles; messages come only through `deliver`. */
const idle = (_ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

interface Rig {
  readonly port: IcwsCicPort;
  store: Store<SoftphoneState, Input>;
  now: number;
  readonly failures: string[];
  readonly counts: {
    parsed: number;
    unrecognized: number;
    rejected: number;
    observations: number;
    relogons: number;
  };
  pump(): MessagePump;
  logon(): Promise<void>;
}

async function createRig(): Promise<Rig> {
  const port = createCicPort({
    applicationName: 'Fuzz',
    fetch: serverFetch(),
    messaging: { mode: 'poll', wait: idle, heartbeatIntervalMs: 0 },
  });
  const rig: Rig = {
    port,
    store: createStore<SoftphoneState, Input>(loggedOn(), step),
    now: T0 + 60_000,
    failures: [],
    counts: { parsed: 0, unrecognized: 0, rejected: 0, observations: 0, relogons: 0 },
    pump() {
      const client = port.client;
      if (client === null) throw new Error('the port is not logged on');
      return client.messages;
    },
    async logon() {
      const result = await port.logon({
        server: SERVER,
        auth: { type: 'ic', userId: ME, password: 'secret' },
        alternates: [],
      });
      assert.equal(result.kind, 'obs.session.connected', JSON.stringify(result));
      const pump = rig.pump();
      pump.onMessage((message) => {
        if (isUnrecognized(message)) rig.counts.unrecognized += 1;
        else rig.counts.parsed += 1;
      });
      pump.onError(() => {
        rig.counts.rejected += 1;
      });
    },
  };
  // What the runtime does with pushed observations: stamp them with the local time, dispatch.
  port.observe((observation: Observation) => {
    rig.counts.observations += 1;
    try {
      rig.store.dispatch({ ...observation, now: rig.now } as Input);
    } catch (error) {
      rig.failures.push(`dispatch of ${observation.kind} threw: ${explain(error)}`);
    }
  });
  await rig.logon();
  return rig;
}

function explain(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** What arrives on the wire: the JSON text of `value`, parsed again. */
function wire(value: Json): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** One fuzz input: random JSON, a valid message, or a mutated valid message. */
function nextMessage(rng: Rng): Json {
  const roll = rng.next();
  if (roll < 0.1) return randomJson(rng, 4);
  if (roll < 0.12)
    return { __type: rng.pick(sampleTypes()), isDelta: rng.chance(0.5), payload: deeplyNested(rng, 1500) };
  if (roll < 0.14)
    return { __type: `urn:inin.com:unknown:${rng.int(5)}Message`, isDelta: true, data: randomJson(rng, 2) };
  const message: Message = validMessage(rng);
  if (roll < 0.45) return message;
  return mutate(rng, message);
}

/** Intents the agent might raise between messages, on whatever is in the queue. */
function nextIntent(rng: Rng, state: SoftphoneState): Input {
  const ids = [...state.queue.order, '1001', 'constructor'];
  const interactionId = rng.pick(ids) as never;
  return rng.pick<Input>([
    { kind: 'intent.select', interactionId },
    { kind: 'intent.pickup', interactionId },
    { kind: 'intent.hold', interactionId },
    { kind: 'intent.disconnect', interactionId },
    { kind: 'intent.assignWrapUp', interactionId, codeId: rng.pick(['W1', 'W2', 'W3']) },
    {
      kind: 'intent.setStatus',
      statusId: rng.pick(['Available', 'At Lunch', 'constructor']) as never,
      notes: null,
      forwardNumber: null,
      until: null,
    } as unknown as Input,
  ]);
}

function checkState(rig: Rig, label: string): void {
  const state = rig.store.getState();
  const problems = checkInvariants(state);
  let text: string;
  try {
    text = JSON.stringify(state);
  } catch (error) {
    problems.push(`JSON.stringify(state) threw: ${explain(error)}`);
    text = 'null';
  }
  if (problems.length === 0) {
    try {
      assert.deepStrictEqual(JSON.parse(text), state);
    } catch {
      problems.push('state does not survive a JSON round trip unchanged');
    }
  }
  for (const problem of problems) rig.failures.push(`${label}: ${problem}`);
}

describe('ICWS message fuzz', () => {
  const seed = seedFromEnv(DEFAULT_SEED);
  const uncaught: string[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(explain(error));
  };
  let rig: Rig;

  before(async () => {
    process.on('uncaughtException', onUncaught);
    rig = await createRig();
  });
  after(async () => {
    process.off('uncaughtException', onUncaught);
    await rig.port.client?.stopMessaging();
  });

  it('has a valid sample for every message type the client parses', () => {
    const rng = createRng(seed);
    assert.deepEqual([...sampleTypes()].sort(), [...knownMessageTypes()].sort());
    for (const type of sampleTypes()) {
      for (let i = 0; i < 50; i++) {
        const parsed = parseMessage(wire(validMessage(rng, type)));
        assert.ok(
          parsed.ok && !isUnrecognized(parsed.message),
          `${type}: ${JSON.stringify(parsed.ok ? null : parsed.issues)}`,
        );
      }
    }
  });

  it(`survives ${COUNT} random and mutated messages with the invariants intact`, async () => {
    // eslint-disable-next-line no-console -- the seed and counts are the report of a fuzz run
    console.log(`ICWS fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${COUNT} messages`);
    const rng = createRng(seed);
    checkState(rig, 'initial state');
    assert.equal(rig.failures.length, 0, rig.failures.join('\n'));
    let delivered = 0;
    for (let i = 0; i < COUNT && rig.failures.length === 0 && uncaught.length === 0; i++) {
      const raw = wire(nextMessage(rng));
      rig.now += rng.chance(0.05) ? rng.int(600_000) : rng.int(2_000);
      try {
        rig.pump().deliver(raw);
        delivered += 1;
      } catch (error) {
        rig.failures.push(`deliver threw: ${explain(error)}`);
      }
      if (rng.chance(0.05)) rig.store.dispatch({ kind: 'clock.tick', now: rig.now });
      if (rng.chance(0.05)) {
        const intent = nextIntent(rng, rig.store.getState());
        try {
          rig.store.dispatch({ ...intent, now: rig.now } as Input);
        } catch (error) {
          rig.failures.push(`${intent.kind} threw: ${explain(error)}`);
        }
      }
      // Let any error the pump isolated (re-thrown on a microtask) surface here, next to its message.
      await Promise.resolve();
      checkState(rig, `message #${i} (seed ${seed})`);
      if (rig.failures.length > 0 || uncaught.length > 0) {
        rig.failures.push(`offending message #${i}: ${JSON.stringify(raw).slice(0, 2000)}`);
        break;
      }
      // A "connection down" message ends the session: log on again, as the panel would.
      if (rig.port.client === null) {
        rig.counts.relogons += 1;
        rig.store = createStore<SoftphoneState, Input>(loggedOn(), step);
        await rig.logon();
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    const { parsed, unrecognized, rejected, observations, relogons } = rig.counts;
    // eslint-disable-next-line no-console -- the seed and counts are the report of a fuzz run
    console.log(
      `ICWS fuzz: ${delivered} messages delivered: ${parsed} parsed, ${rejected} rejected by schema, ` +
        `${unrecognized} unrecognized; ${observations} observations; ${relogons} sessions ended and re-established`,
    );
    assert.deepEqual(uncaught, [], 'no exception escaped');
    assert.deepEqual(rig.failures, []);
    assert.equal(delivered, COUNT);
    assert.equal(
      parsed + rejected + unrecognized,
      COUNT,
      'every message was parsed, rejected or unrecognized',
    );
    assert.ok(parsed > COUNT / 4 && rejected > COUNT / 10, 'the mix reaches both the schema and the domain');
  });

  it('still handles a normal call afterwards (offered → connected → disconnected → removed)', () => {
    if (rig.store.getState().session.current.phase !== 'active')
      rig.store = createStore<SoftphoneState, Input>(loggedOn(), step);
    const earlier = rig.failures.length;
    const id = 'final-call-1';
    const attributes = (letter: string, text: string): Record<string, string> => ({
      Eic_State: letter,
      Eic_CallStateString: text,
      Eic_CallDirection: 'I',
      Eic_CallType: 'E',
      Eic_ObjectType: 'Call',
      Eic_RemoteAddress: '+13175559876',
      Eic_RemoteName: 'Final Caller',
      Eic_WorkgroupName: 'Support',
      Eic_Capabilities: '65535',
    });
    const deliver = (body: Record<string, unknown>): void => {
      rig.now += 1_000;
      rig
        .pump()
        .deliver({
          __type: 'urn:inin.com:queues:queueContentsMessage',
          isDelta: true,
          subscriptionId: 'my-interactions',
          ...body,
        });
      checkState(rig, `final call ${JSON.stringify(body).slice(0, 80)}`);
    };
    const row = () => selectInteractions(rig.store.getState()).find((r) => r.id === id);

    deliver({ interactionsAdded: [{ interactionId: id, attributes: attributes('A', 'Alerting') }] });
    assert.equal(row()?.phase, 'alerting');
    assert.equal(row()?.name, 'Final Caller');
    deliver({ interactionsChanged: [{ interactionId: id, attributes: attributes('C', 'Connected') }] });
    assert.equal(row()?.phase, 'connected');
    deliver({ interactionsChanged: [{ interactionId: id, attributes: attributes('I', 'Disconnected') }] });
    assert.equal(row()?.phase, 'disconnected');
    deliver({ interactionsRemoved: [id] });
    assert.equal(row(), undefined);
    assert.deepEqual(rig.failures.slice(earlier), []);
  });
});
