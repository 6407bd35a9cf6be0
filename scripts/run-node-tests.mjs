#!/usr/bin/env node
// Runs every Node test (`*.test.ts` outside test/browser, not `*.browser.test.ts`) with node:test,
// TypeScript loaded through tsx. Writes the counts to .tmp/results/node.json for scripts/test.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['src', 'sim', 'test'];
const SKIP_DIRS = new Set(['node_modules', 'browser', 'e2e', 'generated']);

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) collect(path, out);
    } else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) {
      out.push(relative(process.cwd(), path));
    }
  }
  return out;
}

const filter = process.argv.slice(2);
const files = ROOTS.flatMap((root) => collect(root, []))
  .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
  .sort();
mkdirSync('.tmp/results', { recursive: true });
const tapFile = '.tmp/results/node.tap';
if (files.length === 0) {
  writeFileSync('.tmp/results/node.json', JSON.stringify({ passed: 0, failed: 0 }));
  console.log('No Node test files found.');
  process.exit(0);
}

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-timeout=120000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
child.on('exit', (code) => {
  const tap = readFileSync(tapFile, 'utf8');
  const count = (name) => sumOf(tap, name);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  writeFileSync('.tmp/results/node.json', JSON.stringify({ passed, failed }));
  process.exit(code ?? 1);
});

function sumOf(text, name) {
  // The top-level summary is the last "# pass N" line in the TAP stream.
  const matches = [...text.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
  return matches.length ? Number(matches[matches.length - 1][1]) : 0;
}
