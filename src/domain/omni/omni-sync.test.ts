import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  OMNI_LOGGED_OUT,
  parseOmniSyncSettings,
  statusNameKey,
  type OmniSyncConfig,
} from './omni-settings.js';
import {
  MAX_PENDING,
  initialOmniSyncState,
  omniSyncStep,
  omniTargetFor,
  type ChangeOrigin,
  type OmniSyncCommand,
  type OmniSyncInput,
  type OmniSyncState,
} from './omni-sync.js';

function config(text: string): OmniSyncConfig {
  const r = parseOmniSyncSettings(text);
  if (!r.ok) assert.fail(JSON.stringify(r.errors));
  return r.config;
}

const MAPS = [
  'cic:Available <-> omni:Available',
  'cic:"At Lunch" <-> omni:Break',
  'cic:"Available, Forward" -> omni:Available_Cases',
  'omni:Available_Cases -> cic:"Available"',
  'cic:"Gone Home" -> omni:(logged out)',
  'omni:(logged out) -> cic:"Gone Home"',
  'busy on ACD -> omni:Busy_On_Phone',
  'omni workload -> cic:"Do Not Disturb"',
].join('\n');

/** Feeds inputs one by one; returns the final state and every command with the input index. */
function feed(
  state: OmniSyncState,
  ...inputs: OmniSyncInput[]
): { state: OmniSyncState; commands: OmniSyncCommand[] } {
  const commands: OmniSyncCommand[] = [];
  let s = state;
  for (const input of inputs) {
    const r = omniSyncStep(s, input);
    s = r.state;
    commands.push(...r.commands);
  }
  return { state: s, commands };
}

const cic = (statusId: string, origin: ChangeOrigin = 'user'): OmniSyncInput => ({
  kind: 'cic.status',
  statusId,
  origin,
});
const omni = (statusApiName: string, origin: ChangeOrigin = 'user'): OmniSyncInput => ({
  kind: 'omni.status',
  statusApiName,
  origin,
});
const short = (c: OmniSyncCommand): string =>
  c.kind === 'omni.setStatus'
    ? `omni:${c.statusApiName}`
    : c.kind === 'omni.logout'
      ? 'omni:logout'
      : `cic:${c.statusId}`;

/** Started: CIC Available, Omni Available, nothing pending. */
function started(text = MAPS): OmniSyncState {
  const r = feed(
    initialOmniSyncState(config(text)),
    cic('Available', 'snapshot'),
    omni('Available', 'snapshot'),
  );
  assert.deepEqual(r.commands, []);
  assert.equal(r.state.started, true);
  return r.state;
}

describe('omniSyncStep: start', () => {
  it('waits until both sides are known, then CIC wins where it has a map', () => {
    const s0 = initialOmniSyncState(config(MAPS));
    const a = omniSyncStep(s0, cic('At Lunch', 'snapshot'));
    assert.deepEqual(a.commands, []);
    assert.equal(a.state.started, false);
    const b = omniSyncStep(a.state, omni('Available', 'snapshot'));
    assert.deepEqual(b.commands, [
      { kind: 'omni.setStatus', statusApiName: 'Break', cause: 'start', line: 2 },
    ]);
    assert.deepEqual(b.state.pendingOmni, ['Break']);
  });
  it('a real Omni change that completes the picture wins over the CIC reading', () => {
    const r = feed(initialOmniSyncState(config(MAPS)), cic('Available', 'snapshot'), omni('Break', 'user'));
    assert.deepEqual(r.commands.map(short), ['cic:At Lunch']);
    // With no Omni → CIC map for that status, CIC's map applies.
    const r2 = feed(
      initialOmniSyncState(config(MAPS)),
      cic('At Lunch', 'snapshot'),
      omni('Busy_On_Phone', 'user'),
    );
    assert.deepEqual(r2.commands.map(short), ['omni:Break']);
  });
  it('maps Omni to CIC at start when the CIC status has no map', () => {
    const r = feed(
      initialOmniSyncState(config(MAPS)),
      omni('Available_Cases', 'snapshot'),
      cic('Out of the Office', 'snapshot'),
    );
    assert.deepEqual(r.commands.map(short), ['cic:Available']);
  });
  it('does not log the agent in to Omni unless "set omni login = auto"', () => {
    const manual = feed(initialOmniSyncState(config(MAPS)), cic('Available', 'snapshot'), {
      kind: 'omni.loggedOut',
      origin: 'snapshot',
    });
    assert.deepEqual(manual.commands, []);
    const auto = feed(
      initialOmniSyncState(config(`${MAPS}\nset omni login = auto`)),
      cic('Available', 'snapshot'),
      { kind: 'omni.loggedOut', origin: 'snapshot' },
    );
    assert.deepEqual(auto.commands.map(short), ['omni:Available']);
  });
  it('applies ACD busy and workload that were known before the start', () => {
    const r = feed(
      initialOmniSyncState(config(MAPS)),
      { kind: 'cic.acd', busy: true },
      { kind: 'omni.workload', workload: 2 },
      cic('At Lunch', 'snapshot'),
      omni('Available', 'snapshot'),
    );
    assert.deepEqual(r.commands.map(short), ['omni:Busy_On_Phone', 'cic:Do Not Disturb']);
    assert.equal(r.state.busyHold?.restore, 'Break');
    assert.equal(r.state.workloadHold?.restore, 'At Lunch');
  });
  it('changes before the start are readings, not commands', () => {
    const r = feed(initialOmniSyncState(config(MAPS)), cic('At Lunch', 'user'), cic('Available', 'server'));
    assert.deepEqual(r.commands, []);
  });
});

describe('omniSyncStep: maps', () => {
  it('two-way map: CIC → Omni and Omni → CIC, the echo of each is not sent back', () => {
    let s = started();
    let r = omniSyncStep(s, cic('At Lunch'));
    assert.deepEqual(r.commands, [{ kind: 'omni.setStatus', statusApiName: 'Break', cause: 'map', line: 2 }]);
    s = r.state;
    r = omniSyncStep(s, omni('Break', 'unattributed')); // the toolkit echo: the transport cannot tell whose it is
    assert.deepEqual(r.commands, []);
    assert.deepEqual(r.state.pendingOmni, []);
    s = r.state;
    r = omniSyncStep(s, omni('Available'));
    assert.deepEqual(r.commands, [{ kind: 'cic.setStatus', statusId: 'Available', cause: 'map', line: 1 }]);
    r = omniSyncStep(r.state, cic('available', 'unattributed')); // the server's confirmation, other case
    assert.deepEqual(r.commands, []);
    assert.deepEqual(r.state.pendingCic, []);
  });
  it('one-way maps do not flow back', () => {
    const s = started();
    assert.deepEqual(feed(s, cic('Available, Forward')).commands.map(short), ['omni:Available_Cases']);
    // Omni Available_Cases → CIC Available (another one-way map), not back to Available, Forward.
    const r = feed(s, omni('Available_Cases'));
    assert.deepEqual(r.commands, []); // CIC is already Available
    const r2 = feed(s, cic('At Lunch'), omni('Break', 'sync'), omni('Available_Cases'));
    assert.deepEqual(r2.commands.map(short), ['omni:Break', 'cic:Available']);
  });
  it('an unmapped status changes nothing; a wildcard catches it', () => {
    assert.deepEqual(feed(started(), cic('Out of the Office')).commands, []);
    const withWildcard = started(`${MAPS}\ncic:* -> omni:Break`);
    assert.deepEqual(feed(withWildcard, cic('Out of the Office')).commands.map(short), ['omni:Break']);
    assert.deepEqual(feed(withWildcard, cic('Available')).commands, []); // exact map wins, already there
    assert.equal(omniTargetFor(withWildcard.config, 'At Lunch')?.line, 2);
  });
  it('origin sync never causes a command, even with nothing pending', () => {
    const s = started();
    assert.deepEqual(
      feed(s, cic('At Lunch', 'sync'), omni('Break', 'sync'), omni('Available', 'sync')).commands,
      [],
    );
  });
  it('a supervisor (server) change is synced like the agent’s own', () => {
    assert.deepEqual(feed(started(), cic('At Lunch', 'server')).commands.map(short), ['omni:Break']);
  });
  it('maps to and from Omni logout', () => {
    const s = started();
    const out = feed(s, cic('Gone Home'));
    assert.deepEqual(out.commands, [{ kind: 'omni.logout', cause: 'map', line: 5 }]);
    assert.deepEqual(feed(out.state, { kind: 'omni.loggedOut', origin: 'unattributed' }).commands, []);
    const logout = feed(s, { kind: 'omni.loggedOut', origin: 'user' });
    assert.deepEqual(logout.commands.map(short), ['cic:Gone Home']);
    // Logged out and login manual: CIC Available does not log the agent back in.
    assert.deepEqual(feed(logout.state, cic('Gone Home', 'unattributed'), cic('Available')).commands, []);
    // The agent logs in to Omni: that maps to CIC.
    assert.deepEqual(
      feed(logout.state, cic('Gone Home', 'unattributed'), omni('Break')).commands.map(short),
      ['cic:At Lunch'],
    );
  });
  it('does not send a status a side is already in or about to be in', () => {
    const s = started();
    assert.deepEqual(feed(s, cic('Available')).commands, []);
    const r = feed(s, cic('At Lunch'), cic('At Lunch'));
    assert.deepEqual(r.commands.map(short), ['omni:Break']);
  });
  it('keeps several expectations in order and drops older ones when a newer echo arrives', () => {
    const s = started();
    const r = feed(s, cic('At Lunch'), cic('Available'), cic('At Lunch'));
    assert.deepEqual(r.commands.map(short), ['omni:Break', 'omni:Available', 'omni:Break']);
    assert.deepEqual(r.state.pendingOmni, ['Break', 'Available', 'Break']);
    const echo = omniSyncStep(r.state, omni('Available', 'unattributed'));
    assert.deepEqual(echo.commands, []);
    assert.deepEqual(echo.state.pendingOmni, ['Break']);
  });
  it('a change the agent makes is never taken for our echo, even with the same value', () => {
    const r = feed(started(), cic('At Lunch'));
    const user = omniSyncStep(r.state, omni('Break', 'user'));
    assert.deepEqual(user.commands, []); // CIC is already At Lunch
    assert.deepEqual(user.state.pendingOmni, ['Break']); // our echo is still to come
    assert.deepEqual(omniSyncStep(user.state, omni('Break', 'unattributed')).state.pendingOmni, []);
  });
  it('remembers at most MAX_PENDING expectations', () => {
    let s = started();
    for (let i = 0; i < MAX_PENDING + 3; i += 1)
      s = omniSyncStep(s, cic(i % 2 === 0 ? 'At Lunch' : 'Available')).state;
    assert.equal(s.pendingOmni.length, MAX_PENDING);
  });
  it('a failed command is forgotten, so the same status later is a real change', () => {
    const s = started();
    const r = feed(s, cic('At Lunch'));
    const failed = feed(r.state, { kind: 'command.failed', command: r.commands[0] as OmniSyncCommand });
    assert.deepEqual(failed.state.pendingOmni, []);
    const oneWay = started('cic:"At Lunch" -> omni:Break\nomni:Break -> cic:"Out of the Office"');
    const sent = feed(oneWay, cic('At Lunch'));
    assert.deepEqual(sent.commands.map(short), ['omni:Break']);
    // Without the failure, an unattributed Break is our echo; after it, someone else's change.
    assert.deepEqual(feed(sent.state, omni('Break', 'unattributed')).commands, []);
    const lost = feed(sent.state, { kind: 'command.failed', command: sent.commands[0] as OmniSyncCommand });
    assert.deepEqual(feed(lost.state, omni('Break', 'unattributed')).commands.map(short), [
      'cic:Out of the Office',
    ]);
    const c = feed(s, omni('Break'));
    assert.deepEqual(
      feed(c.state, { kind: 'command.failed', command: c.commands[0] as OmniSyncCommand }).state.pendingCic,
      [],
    );
    const l = feed(s, cic('Gone Home'));
    assert.deepEqual(
      feed(l.state, { kind: 'command.failed', command: l.commands[0] as OmniSyncCommand }).state.pendingOmni,
      [],
    );
  });
});

describe('omniSyncStep: busy on an ACD interaction', () => {
  it('puts Omni in the busy status and back to the previous status afterwards', () => {
    let r = feed(started(), omni('Break'), cic('At Lunch', 'unattributed'), { kind: 'cic.acd', busy: true });
    assert.deepEqual(r.commands.map(short), ['cic:At Lunch', 'omni:Busy_On_Phone']);
    assert.equal(r.commands[1]?.cause, 'acdBusy');
    r = feed(r.state, omni('Busy_On_Phone', 'unattributed'), { kind: 'cic.acd', busy: true });
    assert.deepEqual(r.commands, []);
    r = feed(r.state, { kind: 'cic.acd', busy: false });
    assert.deepEqual(r.commands, [
      { kind: 'omni.setStatus', statusApiName: 'Break', cause: 'acdBusyEnded', line: null },
    ]);
  });
  it('a CIC change during the call moves where Omni goes back to, without a command now', () => {
    let r = feed(
      started(),
      { kind: 'cic.acd', busy: true },
      omni('Busy_On_Phone', 'unattributed'),
      cic('At Lunch'),
    );
    assert.deepEqual(r.commands.map(short), ['omni:Busy_On_Phone']);
    r = feed(r.state, { kind: 'cic.acd', busy: false });
    assert.deepEqual(r.commands, [
      { kind: 'omni.setStatus', statusApiName: 'Break', cause: 'acdBusyEnded', line: 2 },
    ]);
  });
  it('an Omni change by the agent during the call releases the hold: nothing is restored', () => {
    const r = feed(
      started(),
      { kind: 'cic.acd', busy: true },
      omni('Busy_On_Phone', 'unattributed'),
      omni('Available_Cases'),
      { kind: 'cic.acd', busy: false },
    );
    assert.deepEqual(r.commands.map(short), ['omni:Busy_On_Phone']); // CIC already Available
  });
  it('does nothing while Omni is logged out, or without a busy map', () => {
    const out = feed(started(), { kind: 'omni.loggedOut', origin: 'user' }, cic('Gone Home', 'sync'));
    assert.deepEqual(
      feed(out.state, { kind: 'cic.acd', busy: true }, { kind: 'cic.acd', busy: false }).commands,
      [],
    );
    const noBusy = started('cic:Available <-> omni:Available');
    assert.deepEqual(
      feed(noBusy, { kind: 'cic.acd', busy: true }, { kind: 'cic.acd', busy: false }).commands,
      [],
    );
  });
  it('already in the busy status: no command at either end', () => {
    const s = feed(started(), omni('Busy_On_Phone', 'user')).state;
    assert.deepEqual(feed(s, { kind: 'cic.acd', busy: true }, { kind: 'cic.acd', busy: false }).commands, []);
  });
});

describe('omniSyncStep: Omni workload', () => {
  it('puts CIC in the workload status while workload > 0, and back afterwards', () => {
    let r = feed(started(), { kind: 'omni.workload', workload: 1 });
    assert.deepEqual(r.commands, [
      { kind: 'cic.setStatus', statusId: 'Do Not Disturb', cause: 'workload', line: 8 },
    ]);
    r = feed(
      r.state,
      cic('Do Not Disturb', 'unattributed'),
      { kind: 'omni.workload', workload: 3 },
      { kind: 'omni.workload', workload: 2 },
    );
    assert.deepEqual(r.commands, []);
    r = feed(r.state, { kind: 'omni.workload', workload: 0 });
    assert.deepEqual(r.commands, [
      { kind: 'cic.setStatus', statusId: 'Available', cause: 'workloadEnded', line: null },
    ]);
  });
  it('an Omni status change during the work moves where CIC goes back to', () => {
    const r = feed(
      started(),
      { kind: 'omni.workload', workload: 1 },
      cic('Do Not Disturb', 'unattributed'),
      omni('Break'),
      { kind: 'omni.workload', workload: 0 },
    );
    assert.deepEqual(r.commands.map(short), ['cic:Do Not Disturb', 'cic:At Lunch']);
  });
  it('a CIC change by the agent during the work releases the hold', () => {
    const r = feed(
      started(),
      { kind: 'omni.workload', workload: 1 },
      cic('Do Not Disturb', 'unattributed'),
      cic('At Lunch'),
      omni('Break', 'unattributed'),
      { kind: 'omni.workload', workload: 0 },
    );
    assert.deepEqual(r.commands.map(short), ['cic:Do Not Disturb', 'omni:Break']);
  });
  it('treats negative or non-numeric workload as zero', () => {
    assert.deepEqual(
      feed(
        started(),
        { kind: 'omni.workload', workload: -1 },
        { kind: 'omni.workload', workload: Number.NaN },
      ).commands,
      [],
    );
  });
});

describe('omniSyncStep: CIC logoff', () => {
  it('releases the busy hold, pauses, and reconciles again at the next logon', () => {
    let r = feed(started(), { kind: 'cic.acd', busy: true }, omni('Busy_On_Phone', 'unattributed'), {
      kind: 'cic.loggedOff',
    });
    assert.deepEqual(r.commands.map(short), ['omni:Busy_On_Phone', 'omni:Available']);
    r = feed(r.state, omni('Available', 'unattributed'), omni('Break'));
    assert.deepEqual(r.commands, []); // paused: no CIC session to set
    assert.equal(r.state.started, false);
    r = feed(r.state, cic('Available', 'snapshot'));
    assert.deepEqual(r.commands.map(short), ['omni:Available']); // CIC reading after logon wins
  });
});

describe('omniSyncStep: state', () => {
  it('is JSON data and the step is pure', () => {
    const s = feed(
      started(),
      { kind: 'cic.acd', busy: true },
      { kind: 'omni.workload', workload: 2 },
      cic('At Lunch'),
    ).state;
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    const frozen = JSON.stringify(s);
    const a = omniSyncStep(s, omni('Break'));
    const b = omniSyncStep(s, omni('Break'));
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(s), frozen);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random event sequences against a model of both systems. The model applies each
// command some time later and reports it back (an echo, with origin `sync` or `server`); the agent,
// a supervisor, ACD calls and Omni work interleave at random. For every sequence:
//  - no echo of our own change ever produces a command;
//  - a step produces at most one command per side (two only at the first reconciliation);
//  - commands never exceed the number of real (non-echo) events + 2;
//  - once events stop and all echoes are delivered, the sync is quiet (no ping-pong), and with a
//    two-way map the two sides agree.

/** Mulberry32: a small seeded PRNG so failures can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CIC_STATUSES = [
  'Available',
  'At Lunch',
  'Available, Forward',
  'Gone Home',
  'Do Not Disturb',
  'Out of the Office',
];
const OMNI_STATUSES = ['Available', 'Break', 'Available_Cases', 'Busy_On_Phone'];
const CONFIGS = [
  MAPS,
  `${MAPS}\ncic:* -> omni:Break\nomni:* -> cic:"At Lunch"\nset omni login = auto`,
  'cic:Available <-> omni:Available\ncic:"At Lunch" <-> omni:Break',
];

interface Echo {
  side: 'cic' | 'omni';
  value: string;
  origin: 'sync' | 'unattributed';
}

function runSequence(seed: number, length: number): void {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const cfg = config(pick(CONFIGS));
  let state = initialOmniSyncState(cfg);
  let commandCount = 0;
  let realEvents = 0;
  const inFlight: Echo[] = [];
  const where = `seed ${seed}`;

  const step = (input: OmniSyncInput, isEcho: boolean): void => {
    const r = omniSyncStep(state, input);
    state = r.state;
    if (isEcho)
      assert.deepEqual(r.commands, [], `${where}: an echo produced commands ${JSON.stringify(r.commands)}`);
    const perSide = { cic: 0, omni: 0 };
    for (const c of r.commands) perSide[c.kind === 'cic.setStatus' ? 'cic' : 'omni'] += 1;
    assert.ok(perSide.cic <= 1 && perSide.omni <= 1, `${where}: more than one command per side in one step`);
    commandCount += r.commands.length;
    for (const c of r.commands) {
      // The systems apply our command later; some lose it (the transport reports a failure).
      if (rand() < 0.05) {
        step({ kind: 'command.failed', command: c }, true);
        continue;
      }
      inFlight.push(
        c.kind === 'cic.setStatus'
          ? { side: 'cic', value: c.statusId, origin: rand() < 0.5 ? 'sync' : 'unattributed' }
          : {
              side: 'omni',
              value: c.kind === 'omni.logout' ? OMNI_LOGGED_OUT : c.statusApiName,
              origin: rand() < 0.5 ? 'sync' : 'unattributed',
            },
      );
    }
  };
  const deliver = (echo: Echo): void => {
    if (echo.side === 'cic') step({ kind: 'cic.status', statusId: echo.value, origin: echo.origin }, true);
    else if (echo.value === OMNI_LOGGED_OUT) step({ kind: 'omni.loggedOut', origin: echo.origin }, true);
    else step({ kind: 'omni.status', statusApiName: echo.value, origin: echo.origin }, true);
  };

  let cicOn = true;
  realEvents += 2;
  step(cic(pick(CIC_STATUSES), 'snapshot'), false);
  step(
    rand() < 0.2 ? { kind: 'omni.loggedOut', origin: 'snapshot' } : omni(pick(OMNI_STATUSES), 'snapshot'),
    false,
  );
  for (let i = 0; i < length; i += 1) {
    // Echoes arrive in order per side (both systems process requests in order), possibly late,
    // but no side lags more than MAX_PENDING commands behind (the sync remembers that many).
    const lagging = (['cic', 'omni'] as const).find(
      (side) => inFlight.filter((e) => e.side === side).length >= MAX_PENDING - 1,
    );
    if (lagging !== undefined) {
      deliver(
        inFlight.splice(
          inFlight.findIndex((e) => e.side === lagging),
          1,
        )[0] as Echo,
      );
      continue;
    }
    if (inFlight.length > 0 && rand() < 0.55) {
      const side = rand() < 0.5 ? 'cic' : 'omni';
      const at = inFlight.findIndex((e) => e.side === side);
      if (at >= 0) {
        deliver(inFlight.splice(at, 1)[0] as Echo);
        continue;
      }
    }
    realEvents += 1;
    const r = rand();
    if (r < 0.03 && cicOn) {
      // The agent logs off CIC: its session (and any status echo still to come) is gone.
      cicOn = false;
      for (let k = inFlight.length - 1; k >= 0; k -= 1)
        if (inFlight[k]?.side === 'cic') inFlight.splice(k, 1);
      step({ kind: 'cic.loggedOff' }, false);
    } else if (r < 0.3) {
      step(cic(pick(CIC_STATUSES), cicOn ? pick(['user', 'server'] as const) : 'snapshot'), false);
      cicOn = true;
    } else if (r < 0.55) step(omni(pick(OMNI_STATUSES), pick(['user', 'server'] as const)), false);
    else if (r < 0.62) step({ kind: 'omni.loggedOut', origin: pick(['user', 'server'] as const) }, false);
    else if (r < 0.8) step({ kind: 'cic.acd', busy: rand() < 0.5 }, false);
    else step({ kind: 'omni.workload', workload: pick([0, 0, 1, 2]) }, false);
  }
  // Quiesce: deliver every remaining echo; none may cause a command.
  while (inFlight.length > 0) deliver(inFlight.shift() as Echo);
  assert.ok(commandCount <= realEvents + 2, `${where}: ${commandCount} commands for ${realEvents} events`);
  assert.deepEqual(state.pendingCic, [], `${where}: CIC expectations left`);
  assert.deepEqual(state.pendingOmni, [], `${where}: Omni expectations left`);
}

/** Without races (each command's echo delivered at once), a two-way map keeps both sides equal. */
function runSettled(seed: number, length: number): void {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const cfg = config(
    'cic:Available <-> omni:Available\ncic:"At Lunch" <-> omni:Break\nset omni login = auto',
  );
  let state = initialOmniSyncState(cfg);
  let cicNow = pick(['Available', 'At Lunch']);
  let omniNow = pick(['Available', 'Break']);
  const apply = (input: OmniSyncInput): void => {
    const queue: OmniSyncInput[] = [input];
    let steps = 0;
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      steps += 1;
      assert.ok(steps < 10, `seed ${seed}: ping-pong`);
      const r = omniSyncStep(state, next);
      state = r.state;
      for (const c of r.commands) {
        if (c.kind === 'cic.setStatus') {
          cicNow = c.statusId;
          queue.push(cic(c.statusId, 'unattributed'));
        } else if (c.kind === 'omni.setStatus') {
          omniNow = c.statusApiName;
          queue.push(omni(c.statusApiName, 'unattributed'));
        }
      }
    }
  };
  apply(cic(cicNow, 'snapshot'));
  apply(omni(omniNow, 'snapshot'));
  for (let i = 0; i < length; i += 1) {
    if (rand() < 0.5) {
      cicNow = pick(['Available', 'At Lunch']);
      apply(cic(cicNow, 'user'));
    } else {
      omniNow = pick(['Available', 'Break']);
      apply(omni(omniNow, 'user'));
    }
    const expected = cfg.toOmni.find((m) => statusNameKey(m.cic) === statusNameKey(cicNow))?.omni;
    assert.equal(omniNow, expected, `seed ${seed} step ${i}: CIC ${cicNow} but Omni ${omniNow}`);
  }
}

describe('omniSyncStep: property (seeded random sequences)', () => {
  it('never answers an echo, stays bounded and goes quiet, for 500 random sequences', () => {
    for (let seed = 1; seed <= 500; seed += 1) runSequence(seed, 60);
  });
  it('keeps two-way-mapped sides equal when echoes are prompt, for 200 random sequences', () => {
    for (let seed = 1; seed <= 200; seed += 1) runSettled(seed, 40);
  });
});
