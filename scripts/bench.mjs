#!/usr/bin/env node
// `npm run bench`: every benchmark in sequence, each printing its own numbers and budget lines,
// then one summary line per benchmark. The results table lives in docs/performance.md.
// Benchmarks report; they are not timed tests.
//
//   node scripts/bench.mjs [--check] [--skip-build]
//
// --check        exit 1 when any number is over its budget (without it, only a benchmark that
//                could not run makes the exit status non-zero).
// --skip-build   measure dist/ as it is (otherwise `node scripts/build.mjs` runs once first, and
//                every benchmark measures that build).
//
// Sample sizes (defaults as issue 5 asks; CI sets smaller ones, see .ci/run):
//   BENCH_COLD_RUNS (20), BENCH_ALERT_CALLS (200 per transport), BENCH_HEAP_CALLS (500).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, 'skip-build': { type: 'boolean', default: false } },
});
const resultsDir = '.tmp/bench';

// Each benchmark takes `--json FILE` and writes `{ ok, … }` there (`ok`: every budget line passed).
// The browser benchmarks (Debian's Chromium through playwright-core) measure the build made here.
const tsx = (file) => [process.execPath, '--import', 'tsx', file, '--skip-build'];
const benches = [
  { name: 'bench:size', cmd: [process.execPath, 'scripts/bench-size.mjs'] },
  { name: 'bench:sim', cmd: [process.execPath, '--import', 'tsx', 'test/bench/sim-load.ts'] },
  { name: 'bench:cold-load', cmd: tsx('test/bench/cold-load.ts') },
  { name: 'bench:alert', cmd: tsx('test/bench/alert-latency.ts') },
  { name: 'bench:heap', cmd: tsx('test/bench/heap-growth.ts') },
];

if (!values['skip-build']) {
  process.stdout.write('bench: building the panel (node scripts/build.mjs)\n');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('bench: the build failed\n');
    process.exit(1);
  }
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const summary = [];
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench.name} ===\n`);
  const json = join(resultsDir, `${bench.name.replace(':', '-')}.json`);
  const started = Date.now();
  const run = spawnSync(bench.cmd[0], [...bench.cmd.slice(1), '--json', json], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const result = run.status === 0 && existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
  if (result === null)
    summary.push({
      name: bench.name,
      ran: false,
      ok: false,
      verdict: `did not run (exit ${run.status ?? run.signal}, ${seconds} s)`,
    });
  else
    summary.push({
      name: bench.name,
      ran: true,
      ok: result.ok,
      verdict: `${result.ok ? 'within budget' : 'OVER BUDGET'} (${seconds} s)`,
    });
}
process.stdout.write(`\n${summary.map((s) => `${s.name}: ${s.verdict}`).join('\n')}\n`);
const failed = summary.some((s) => !s.ran || (values.check && !s.ok));
process.exit(failed ? 1 : 0);
