#!/usr/bin/env node
// `npm run bench`: every benchmark in sequence, each printing its own numbers and budget lines,
// then one summary line per benchmark. The results table lives in docs/performance.md.
// Benchmarks report; they are not timed tests.
//
//   node scripts/bench.mjs [--check]
//
// --check   exit 1 when any number is over its budget (without it, only a benchmark that could
//           not run makes the exit status non-zero).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const resultsDir = '.tmp/bench';

// Each benchmark takes `--json FILE` and writes `{ ok, … }` there (`ok`: every budget line passed).
// Issue 5 adds cold load, alert latency and heap growth here.
const benches = [
  { name: 'bench:size', cmd: [process.execPath, 'scripts/bench-size.mjs'] },
  { name: 'bench:sim', cmd: [process.execPath, '--import', 'tsx', 'test/bench/sim-load.ts'] },
];

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const summary = [];
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench.name} ===\n`);
  const json = join(resultsDir, `${bench.name.replace(':', '-')}.json`);
  const run = spawnSync(bench.cmd[0], [...bench.cmd.slice(1), '--json', json], { stdio: 'inherit' });
  const result = run.status === 0 && existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
  if (result === null)
    summary.push({
      name: bench.name,
      ran: false,
      ok: false,
      verdict: `did not run (exit ${run.status ?? run.signal})`,
    });
  else
    summary.push({
      name: bench.name,
      ran: true,
      ok: result.ok,
      verdict: result.ok ? 'within budget' : 'OVER BUDGET',
    });
}
process.stdout.write(`\n${summary.map((s) => `${s.name}: ${s.verdict}`).join('\n')}\n`);
const failed = summary.some((s) => !s.ran || (values.check && !s.ok));
process.exit(failed ? 1 : 0);
