#!/usr/bin/env node
// `npm run bench`: every benchmark in sequence, each printing its own numbers and budget lines,
// then one summary line per benchmark. The results table lives in docs/performance.md.
// Benchmarks report; they are not timed tests.
//
//   node scripts/bench.mjs [--check]
//
// --check   passed to every benchmark: exit 1 when any number is over its budget.
// Exit status: 0 when every benchmark ran (and, with --check, stayed in budget); 1 otherwise.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const check = values.check ? ['--check'] : [];

// Issue 5 adds cold load, alert latency and heap growth here.
const benches = [
  { name: 'bench:size', cmd: [process.execPath, 'scripts/bench-size.mjs', ...check] },
  { name: 'bench:sim', cmd: [process.execPath, '--import', 'tsx', 'test/bench/sim-load.ts', ...check] },
];

const summary = [];
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench.name} ===\n`);
  const run = spawnSync(bench.cmd[0], bench.cmd.slice(1), { stdio: 'inherit' });
  const status = run.status ?? 1;
  const verdict =
    status === 0 ? 'ok' : status === 1 && values.check ? 'over budget' : `failed (exit ${run.status ?? run.signal})`;
  summary.push({ name: bench.name, ok: status === 0, verdict });
}
process.stdout.write(`\n${summary.map((s) => `${s.name}: ${s.verdict}`).join('\n')}\n`);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
