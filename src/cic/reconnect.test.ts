import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  backoffCeiling,
  backoffDelay,
  Reconnector,
  type LogonAttempt,
  type ProbeResult,
  type ReconnectHost,
} from './reconnect.js';

/** mulberry32: a small seeded generator in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('backoff schedule', () => {
  it('doubles from the base up to the cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffCeiling(n)),
      [500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000],
    );
    assert.deepEqual(
      [0, 1, 2, 3].map((n) => backoffCeiling(n, { baseMs: 100, capMs: 250 })),
      [100, 200, 250, 250],
    );
  });

  it('full jitter: every delay lies in [0, ceiling) and the spread covers the range', () => {
    const random = seeded(42);
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = backoffCeiling(attempt);
      const delays = Array.from({ length: 400 }, () => backoffDelay(attempt, random));
      for (const d of delays) {
        assert.ok(
          Number.isInteger(d) && d >= 0 && d < ceiling,
          `attempt ${attempt}: ${d} not in [0, ${ceiling})`,
        );
      }
      assert.ok(Math.min(...delays) < ceiling * 0.1, `attempt ${attempt}: some short delays`);
      assert.ok(Math.max(...delays) > ceiling * 0.9, `attempt ${attempt}: some long delays`);
    }
  });

  it('is deterministic for a seed, and clamps a random source out of range', () => {
    const a = seeded(7);
    const b = seeded(7);
    const first = Array.from({ length: 8 }, (_, i) => backoffDelay(i, a));
    assert.deepEqual(
      first,
      Array.from({ length: 8 }, (_, i) => backoffDelay(i, b)),
    );
    assert.equal(
      backoffDelay(3, () => -1),
      0,
    );
    assert.equal(
      backoffDelay(3, () => 5),
      3999,
    );
  });
});

/** A scripted host: records every call; probe and logon answers come from lists. */
function scriptedHost(script: {
  alternates?: boolean;
  probes?: ProbeResult[];
  logons?: LogonAttempt[];
  canLogOn?: boolean;
  resumeFails?: number;
}) {
  const calls: string[] = [];
  let resumeFails = script.resumeFails ?? 0;
  const host: ReconnectHost = {
    linkDown: (reason) => void calls.push(`linkDown ${reason}`),
    probe: () => {
      const next = script.probes?.shift() ?? { kind: 'unreachable' };
      calls.push(`probe ${next.kind}`);
      return Promise.resolve(next);
    },
    resume: () => {
      calls.push('resume');
      if (resumeFails > 0) {
        resumeFails--;
        return Promise.reject(new Error('network'));
      }
      return Promise.resolve();
    },
    sessionGone: (reason) => void calls.push(`sessionGone ${reason}`),
    canLogOn: () => script.canLogOn ?? true,
    hasAlternates: () => script.alternates ?? false,
    logOn: () => {
      const next = script.logons?.shift() ?? { kind: 'retry', reason: 'unreachable' };
      calls.push(`logOn ${next.kind}`);
      return Promise.resolve(next);
    },
    giveUp: (reason) => void calls.push(`giveUp ${reason}`),
  };
  const waits: number[] = [];
  let now = 0;
  const options = {
    random: seeded(1),
    now: () => now,
    wait: (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  return { host, calls, waits, options };
}

describe('Reconnector', () => {
  it('probes with backoff while unreachable, then resumes an alive session', async () => {
    const s = scriptedHost({ probes: [{ kind: 'unreachable' }, { kind: 'unreachable' }, { kind: 'alive' }] });
    const r = new Reconnector(s.host, s.options);
    r.linkFailed('network');
    assert.equal(r.phase, 'probing');
    r.linkFailed('again');
    await r.settled();
    assert.deepEqual(s.calls, [
      'linkDown network',
      'probe unreachable',
      'probe unreachable',
      'probe alive',
      'resume',
    ]);
    assert.equal(s.waits.length, 3);
    s.waits.forEach((ms, i) => assert.ok(ms < backoffCeiling(i), `wait ${i}`));
    assert.equal(r.phase, 'idle');
  });

  it('keeps probing when resuming fails at the network level', async () => {
    const s = scriptedHost({ probes: [{ kind: 'alive' }, { kind: 'alive' }], resumeFails: 1 });
    const r = new Reconnector(s.host, s.options);
    r.linkFailed('network');
    await r.settled();
    assert.deepEqual(s.calls, ['linkDown network', 'probe alive', 'resume', 'probe alive', 'resume']);
  });

  it('logs on again when the probe finds the session gone; retries refusals that pass', async () => {
    const s = scriptedHost({
      probes: [{ kind: 'gone', reason: 'timed out', shouldReconnect: true }],
      logons: [{ kind: 'retry', reason: '503' }, { kind: 'ok' }],
    });
    const r = new Reconnector(s.host, s.options);
    r.linkFailed('network');
    await r.settled();
    assert.deepEqual(s.calls, [
      'linkDown network',
      'probe gone',
      'sessionGone timed out',
      'logOn retry',
      'logOn ok',
    ]);
    assert.equal(r.phase, 'idle');
  });

  it('a server that stays unreachable: after 3 probes each round also tries a logon via the alternates', async () => {
    const s = scriptedHost({
      alternates: true,
      logons: [{ kind: 'retry', reason: 'unreachable' }, { kind: 'ok' }],
    });
    const r = new Reconnector(s.host, s.options);
    r.linkFailed('network');
    await r.settled();
    assert.deepEqual(s.calls, [
      'linkDown network',
      'probe unreachable',
      'probe unreachable',
      'probe unreachable',
      'logOn retry',
      'probe unreachable',
      'logOn ok',
    ]);
    assert.equal(r.phase, 'idle');

    const alone = scriptedHost({
      alternates: false,
      probes: [
        { kind: 'unreachable' },
        { kind: 'unreachable' },
        { kind: 'unreachable' },
        { kind: 'unreachable' },
        { kind: 'alive' },
      ],
    });
    const single = new Reconnector(alone.host, alone.options);
    single.linkFailed('network');
    await single.settled();
    assert.ok(!alone.calls.some((c) => c.startsWith('logOn')), 'no alternates: only probing');
  });

  it('a lost session logs on at once (no wait before the first attempt)', async () => {
    const s = scriptedHost({ logons: [{ kind: 'ok' }] });
    const r = new Reconnector(s.host, s.options);
    r.sessionLost('switchover', true);
    assert.equal(r.phase, 'loggingOn');
    await r.settled();
    assert.deepEqual(s.calls, ['sessionGone switchover', 'logOn ok']);
    assert.deepEqual(s.waits, []);
  });

  it('gives up without credentials (SSO), when told not to reconnect, and on a fatal refusal', async () => {
    const sso = scriptedHost({ canLogOn: false });
    new Reconnector(sso.host, sso.options).sessionLost('401', null);
    await Promise.resolve();
    assert.deepEqual(sso.calls, ['giveUp 401']);

    const replaced = scriptedHost({});
    new Reconnector(replaced.host, replaced.options).sessionLost('logged on elsewhere', false);
    assert.deepEqual(replaced.calls, ['giveUp logged on elsewhere']);

    const fatal = scriptedHost({ logons: [{ kind: 'fatal', reason: 'bad credentials' }] });
    const r = new Reconnector(fatal.host, fatal.options);
    r.sessionLost('dropped', true);
    await r.settled();
    assert.deepEqual(fatal.calls, ['sessionGone dropped', 'logOn fatal', 'giveUp bad credentials']);
  });

  it('gives up after giveUpAfterMs of trying', async () => {
    const s = scriptedHost({});
    const r = new Reconnector(s.host, { ...s.options, giveUpAfterMs: 30_000 });
    r.linkFailed('network');
    await r.settled();
    assert.equal(s.calls.at(-1), 'giveUp no answer from the server');
    assert.ok(s.waits.reduce((a, b) => a + b, 0) >= 30_000);
    assert.ok(s.calls.filter((c) => c === 'probe unreachable').length > 3);
  });

  it('a session loss during probing switches to logging on; stop() ends an episode', async () => {
    const s = scriptedHost({ logons: [{ kind: 'ok' }] });
    let release: () => void = () => undefined;
    const r = new Reconnector(s.host, {
      ...s.options,
      wait: (_ms, signal) =>
        new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
    });
    r.linkFailed('network');
    r.sessionLost('401', null);
    await r.settled();
    assert.deepEqual(s.calls, ['linkDown network', 'sessionGone 401', 'logOn ok']);

    const t = scriptedHost({});
    const stopped = new Reconnector(t.host, {
      ...t.options,
      wait: (_ms, signal) =>
        new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    });
    stopped.linkFailed('network');
    stopped.stop();
    await stopped.settled();
    assert.equal(stopped.phase, 'idle');
    assert.deepEqual(t.calls, ['linkDown network']);
    release();
  });
});
