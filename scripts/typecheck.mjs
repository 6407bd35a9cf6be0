#!/usr/bin/env node
// Type-checks every TypeScript project: the pure domain (no DOM, no Node), the browser source,
// Node code (simulators, tests, scripts) and the browser tests.
import { spawnSync } from 'node:child_process';

// The browser projects import src/generated (SLDS CSS, icons), which a clean clone lacks.
if (process.env.CIC_ASSETS_FRESH !== '1') {
  const gen = spawnSync(process.execPath, ['scripts/gen-assets.mjs'], { stdio: 'inherit' });
  if (gen.status !== 0) process.exit(1);
}

const projects = ['src/domain/tsconfig.json', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.browser-tests.json'];
let failed = false;
for (const project of projects) {
  const run = spawnSync('npx', ['--no-install', 'tsc', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed = true;
    console.error(`typecheck failed: ${project}`);
  }
}
process.exit(failed ? 1 : 0);
