#!/usr/bin/env node
// `npm test`: type-check, lint, Node tests, browser tests (Chromium), the size budget, then one
// summary line "N passed, N failed" across every runner. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  // Generated UI assets (SLDS CSS, icons) come first: type-check, lint and tests import them.
  { name: 'generate assets', cmd: ['node', 'scripts/gen-assets.mjs'] },
  { name: 'typecheck', cmd: ['node', 'scripts/typecheck.mjs'], env: { CIC_ASSETS_FRESH: '1' } },
  { name: 'lint', cmd: ['npx', '--no-install', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'node tests', cmd: ['node', 'scripts/run-node-tests.mjs'], results: '.tmp/results/node.json' },
  {
    name: 'browser tests',
    cmd: ['npx', '--no-install', 'web-test-runner'],
    results: '.tmp/results/browser.json',
  },
  // A fresh build, then initial JS ≤ 60 KB gzip and CSS ≤ 10 KB gzip (one test: pass or fail).
  { name: 'size budget', cmd: ['node', 'scripts/bench-size.mjs', '--check', '--build'] },
];

rmSync('.tmp/results', { recursive: true, force: true });
let passed = 0;
let failed = 0;
const lines = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  if (step.results) {
    const counts = existsSync(step.results) ? JSON.parse(readFileSync(step.results, 'utf8')) : null;
    const stepPassed = counts?.passed ?? 0;
    // A runner that died without reporting, or failed without a failing test, still counts as a failure.
    const stepFailed = Math.max(counts?.failed ?? 0, ok ? 0 : 1);
    passed += stepPassed;
    failed += stepFailed;
    lines.push(`${step.name}: ${stepPassed} passed, ${stepFailed} failed`);
  } else {
    if (ok) passed += 1;
    else failed += 1;
    lines.push(`${step.name}: ${ok ? 'ok' : 'FAILED'}`);
  }
}
process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
