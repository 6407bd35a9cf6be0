#!/usr/bin/env node
// `npm run bench:size`: raw and gzip size of the panel's initial JavaScript and of its CSS,
// compared with the budgets in docs/performance.md (JS ≤ 60 KB gzip, CSS ≤ 10 KB gzip).
//
// It measures the rollup output, `dist/softphone.js` (one ES module: the whole initial load).
// It builds only when that file is missing (`node scripts/build.mjs`). The panel has no
// stylesheet file: the purged SLDS CSS that scripts/gen-assets.mjs writes into
// src/generated/slds.ts is one string literal, `unsafeCSS("…")`, which rollup inlines into the
// bundle. This script finds that literal by parsing the bundle (rollup's own parser) and measures
// it on its own, as shipped inside the JS. Component styles written with Lit's `css` tag stay
// counted as JS.
//
//   node scripts/bench-size.mjs [--check] [--file dist/softphone.js] [--json FILE]
//
// --check   exit 1 when a budget is exceeded (without it, the script only reports)
// --file    measure another bundle (default dist/softphone.js)
// --json    also write the numbers to FILE
//
// KB = 1000 bytes; gzip is zlib level 9.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

const DEFAULT_BUNDLE = 'dist/softphone.js';
/** Text at the start of the purged SLDS CSS (the licence comment PurgeCSS keeps). */
const CSS_MARKER = '/*! Lightning Design System';
const BUDGETS = { js: 60_000, css: 10_000 };

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    file: { type: 'string' },
    json: { type: 'string' },
  },
});

const gzip = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function ensureBundle(file) {
  if (existsSync(file)) return;
  if (values.file !== undefined) {
    console.error(`bench:size: ${file} does not exist`);
    process.exit(2);
  }
  console.log(`bench:size: ${file} is missing; running node scripts/build.mjs`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(file)) {
    console.error('bench:size: the build failed');
    process.exit(2);
  }
}

/**
 * Newest source file under src/ (tests excluded), to warn when the bundle predates it.
 * src/generated is skipped: gen-assets rewrites it before every type-check; the CSS it holds is
 * compared by content instead.
 */
function newestSource(dir) {
  let newest = { path: '', mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path === join('src', 'generated')) continue;
      const inner = newestSource(path);
      if (inner.mtime > newest.mtime) newest = inner;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      const mtime = statSync(path).mtimeMs;
      if (mtime > newest.mtime) newest = { path, mtime };
    }
  }
  return newest;
}

/** Every string literal and template literal in the bundle, with its source range and value. */
function stringLiterals(code) {
  const found = [];
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node.type === 'Literal' && typeof node.value === 'string') {
      found.push({ start: node.start, end: node.end, value: node.value });
    } else if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
      found.push({ start: node.start, end: node.end, value: node.quasis[0].value.cooked ?? '' });
    }
    for (const key of Object.keys(node)) {
      if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key]);
    }
  };
  visit(parseAst(code));
  return found;
}

/** The CSS text that src/generated/slds.ts holds, when that file exists (null otherwise). */
function generatedCss() {
  const path = 'src/generated/slds.ts';
  if (!existsSync(path)) return null;
  const match = /unsafeCSS\(("(?:[^"\\]|\\.)*")\)/.exec(readFileSync(path, 'utf8'));
  return match ? JSON.parse(match[1]) : null;
}

const file = values.file ?? DEFAULT_BUNDLE;
ensureBundle(file);
const code = readFileSync(file, 'utf8');

const cssLiterals = stringLiterals(code).filter((literal) => literal.value.includes(CSS_MARKER));
if (cssLiterals.length !== 1) {
  console.error(
    `bench:size: expected one SLDS CSS string in ${file}, found ${cssLiterals.length}` +
      ' (is src/generated/slds.ts imported by the panel?)',
  );
  process.exit(2);
}
const [css] = cssLiterals;
const cssSource = code.slice(css.start, css.end);
const jsWithoutCss = code.slice(0, css.start) + '""' + code.slice(css.end);

const rows = [
  {
    id: 'js',
    what: `initial JS (${relative('.', file)}, CSS included)`,
    raw: bytes(code),
    gzip: gzip(code),
    budget: BUDGETS.js,
  },
  {
    id: 'css',
    what: 'CSS (purged SLDS string inside the JS)',
    raw: bytes(cssSource),
    gzip: gzip(cssSource),
    budget: BUDGETS.css,
  },
  {
    id: 'jsOnly',
    what: 'JS without the CSS string',
    raw: bytes(jsWithoutCss),
    gzip: gzip(jsWithoutCss),
    budget: null,
  },
];

const header = ['asset', 'raw bytes', 'gzip bytes', 'budget (gzip)', 'result'];
const table = rows.map((row) => [
  row.what,
  String(row.raw),
  String(row.gzip),
  row.budget === null ? '—' : `≤ ${kb(row.budget)}`,
  row.budget === null ? '' : row.gzip <= row.budget ? 'PASS' : 'FAIL',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(header));
for (const cells of table) console.log(line(cells).trimEnd());

const expected = generatedCss();
if (expected !== null && expected !== css.value) {
  console.log('note: the CSS in the bundle differs from src/generated/slds.ts; run npm run build');
}
const source = newestSource('src');
if (source.mtime > statSync(file).mtimeMs) {
  console.log(`note: ${file} is older than ${source.path}; run npm run build for current numbers`);
}

const over = rows.filter((row) => row.budget !== null && row.gzip > row.budget);
if (values.json !== undefined) {
  const numbers = Object.fromEntries(
    rows.map((row) => [row.id, { raw: row.raw, gzip: row.gzip, budget: row.budget }]),
  );
  writeFileSync(
    values.json,
    `${JSON.stringify({ bench: 'size', ok: over.length === 0, ...numbers }, null, 2)}\n`,
  );
}
if (over.length > 0) {
  console.log(`over budget: ${over.map((row) => row.id).join(', ')}`);
  if (values.check) process.exit(1);
}
