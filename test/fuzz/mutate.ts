/**
 * Mutations of JSON messages and random JSON, for the ICWS message fuzz test. Values are plain
 * JSON; own `__proto__` keys are created with `defineProperty` so they survive `JSON.stringify`
 * as they would arrive from `JSON.parse` on the wire.
 */
import { HOSTILE_TEXT } from './icws-samples.js';
import type { Rng } from './prng.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Sets an own enumerable property, even for `__proto__`. */
export function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function randomString(rng: Rng): string {
  switch (rng.int(6)) {
    case 0:
      return rng.pick(HOSTILE_TEXT);
    case 1:
      return rng.pick(PROTO_KEYS);
    case 2:
      return 'x'.repeat(rng.pick([1, 100, 5_000, 50_000]));
    case 3:
      return String.fromCodePoint(...Array.from({ length: 1 + rng.int(12) }, () => rng.int(0x10ffff + 1)).filter((c) => c < 0xd800 || c > 0xdfff));
    case 4:
      return String(rng.pick([0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -0]));
    default:
      return rng.int(1_000_000).toString(36);
  }
}

function randomNumber(rng: Rng): number {
  return rng.pick([0, -1, 1, 2, 3, 7, 255, 65535, 2 ** 31, -(2 ** 31), 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2, 1e-300]);
}

/** A random JSON value, at most `depth` levels deep. */
export function randomJson(rng: Rng, depth = 3): Json {
  const kind = depth <= 0 ? rng.int(4) : rng.int(6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return randomNumber(rng);
    case 3:
      return randomString(rng);
    case 4:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
    default: {
      const out: { [key: string]: Json } = {};
      const keys = ['__type', 'isDelta', 'interactionId', 'attributes', 'subscriptionId', ...PROTO_KEYS];
      for (let i = rng.int(5); i > 0; i--)
        setOwn(out, rng.chance(0.5) ? rng.pick(keys) : randomString(rng), randomJson(rng, depth - 1));
      return out;
    }
  }
}

/** `depth` nested arrays or objects around a value. */
export function deeplyNested(rng: Rng, depth: number): Json {
  let value: Json = rng.pick(HOSTILE_TEXT);
  const asObject = rng.chance(0.5);
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** A value of the "wrong" kind for `value`. */
function wrongType(rng: Rng, value: Json): Json {
  if (typeof value === 'string') {
    const n = Number(value);
    return rng.chance(0.5) && value !== '' && Number.isFinite(n) ? n : rng.pick<Json>([null, 0, true, [], {}, [value], { value }]);
  }
  if (typeof value === 'number') return rng.pick<Json>([String(value), null, true, [value], {}, 'NaN', 'Infinity']);
  if (typeof value === 'boolean') return rng.pick<Json>([String(value), 1, 0, null, 'yes']);
  if (Array.isArray(value)) return rng.pick<Json>([{ ...value }, null, 'array', 0, { length: value.length }]);
  if (value === null) return rng.pick<Json>([{}, [], '', 0, false, 'null']);
  return rng.pick<Json>([[value], null, 'object', 0, Object.values(value)]);
}

/** Every container inside `root` (objects and arrays), with the path to reach it. */
function containers(root: Json, limit = 400): Json[] {
  const out: Json[] = [];
  const walk = (value: Json, depth: number): void => {
    if (out.length >= limit || depth > 12 || value === null || typeof value !== 'object') return;
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

function replaceIn(rng: Rng, container: Json, make: (old: Json) => Json): void {
  if (Array.isArray(container)) {
    if (container.length === 0) {
      container.push(make(null));
      return;
    }
    const i = rng.int(container.length);
    container[i] = make(container[i] as Json);
  } else if (container !== null && typeof container === 'object') {
    const keys = Object.keys(container);
    if (keys.length === 0) {
      setOwn(container, randomString(rng), make(null));
      return;
    }
    const key = rng.pick(keys);
    setOwn(container, key, make(container[key] as Json));
  }
}

const MUTATIONS: readonly ((rng: Rng, target: Json) => void)[] = [
  // drop a field
  (rng, target) => {
    if (target === null || typeof target !== 'object') return;
    if (Array.isArray(target)) target.splice(rng.int(target.length), 1);
    else {
      const keys = Object.keys(target);
      if (keys.length > 0) Reflect.deleteProperty(target, rng.pick(keys));
    }
  },
  // add a field
  (rng, target) => {
    if (Array.isArray(target)) target.push(randomJson(rng, 2));
    else if (target !== null && typeof target === 'object')
      setOwn(target, rng.chance(0.5) ? rng.pick(PROTO_KEYS) : randomString(rng), randomJson(rng, 2));
  },
  // wrong type
  (rng, target) => replaceIn(rng, target, (old) => wrongType(rng, old)),
  // null
  (rng, target) => replaceIn(rng, target, () => null),
  // huge or strange string
  (rng, target) => replaceIn(rng, target, () => randomString(rng)),
  // hostile text
  (rng, target) => replaceIn(rng, target, () => rng.pick(HOSTILE_TEXT)),
  // number as string / string as number
  (rng, target) =>
    replaceIn(rng, target, (old) => (typeof old === 'number' ? String(old) : typeof old === 'string' ? Number(old) || 0 : old)),
  // deep nesting
  (rng, target) => replaceIn(rng, target, () => deeplyNested(rng, rng.pick([10, 100, 400]))),
  // prototype-pollution keys with object values
  (rng, target) => {
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      setOwn(target, rng.pick(PROTO_KEYS), rng.pick<Json>([{ polluted: true, Eic_State: 'C' }, 'x', [], null]));
  },
  // enormous array
  (rng, target) =>
    replaceIn(rng, target, (old) => {
      const n = rng.chance(0.2) ? rng.pick([1000, 3000]) : rng.pick([20, 200]);
      return Array.from({ length: n }, (_, i) => (old !== null && typeof old === 'object' && !Array.isArray(old) && i > 0 ? { ...old } : old));
    }),
  // an array element repeated (duplicates within one message)
  (rng, target) => {
    if (Array.isArray(target) && target.length > 0) target.push(target[rng.int(target.length)] as Json);
  },
  // a random JSON value
  (rng, target) => replaceIn(rng, target, () => randomJson(rng, 3)),
];

/** Applies 1–3 random mutations somewhere inside `message` (in place) and returns it. */
export function mutate(rng: Rng, message: Json): Json {
  const times = 1 + rng.int(3);
  for (let i = 0; i < times; i++) {
    const targets = containers(message);
    if (targets.length === 0) return message;
    const target = rng.chance(0.3) ? message : rng.pick(targets);
    rng.pick(MUTATIONS)(rng, target);
  }
  return message;
}
