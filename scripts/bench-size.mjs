#!/usr/bin/env node
// `npm run bench:size`: raw and gzip sizes of the panel's JavaScript and of its CSS, compared
// with the budgets in docs/performance.md (initial JS ≤ 60 KB gzip, CSS ≤ 10 KB gzip).
//
// The bundle is split (docs/decisions/0008-code-splitting.md): `dist/manifest.json`, written by
// the rollup build, names the entry (`softphone.js`), the chunks it imports statically and the
// chunks loaded later. The initial JS is the entry plus its static imports: what the browser must
// fetch before the panel can render its log-on form. Each file is gzipped on its own, as a server
// sends it, and the sizes are added up. Lazy chunks and the total are reported without a budget.
//
// The panel has no stylesheet file: the purged SLDS CSS that scripts/gen-assets.mjs writes into
// src/generated/slds.ts is one string literal, `unsafeCSS("…")`, which rollup inlines into a
// chunk. This script finds that literal by parsing every chunk (rollup's own parser) and measures
// it on its own, as shipped inside the JS; it also reports the initial JS without it. Component
// styles written with Lit's `css` tag stay counted as JS.
//
//   node scripts/bench-size.mjs [--check] [--build] [--dist DIR] [--json FILE]
//
// --check   exit 1 when a budget is exceeded (without it, the script only reports)
// --build   run `node scripts/build.mjs` first (otherwise only when the manifest is missing)
// --dist    measure another build folder (default dist)
// --json    also write the numbers to FILE
//
// KB = 1000 bytes; gzip is zlib level 9.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

/** Text at the start of the purged SLDS CSS (the licence comment PurgeCSS keeps). */
const CSS_MARKER = '/*! Lightning Design System';
const BUDGETS = { js: 60_000, css: 10_000 };

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    dist: { type: 'string' },
    json: { type: 'string' },
  },
});

const gzip = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

const dist = values.dist ?? 'dist';
const manifestFile = join(dist, 'manifest.json');

function build() {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(manifestFile)) {
    console.error('bench:size: the build failed');
    process.exit(2);
  }
}

if (values.build) {
  if (values.dist !== undefined) {
    console.error('bench:size: --build always builds into dist; leave out --dist');
    process.exit(2);
  }
  build();
} else if (!existsSync(manifestFile)) {
  if (values.dist !== undefined) {
    console.error(`bench:size: ${manifestFile} does not exist`);
    process.exit(2);
  }
  console.log(`bench:size: ${manifestFile} is missing; running node scripts/build.mjs`);
  build();
}

/**
 * Newest source file under src/ (tests excluded), to warn when the build predates it.
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

/** Every string literal and template literal in a chunk, with its source range and value. */
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

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
/** One measured file: its name, whether it is in the initial load, its code and sizes. */
const files = [
  ...[manifest.entry, ...manifest.initial].map((item) => ({ file: item.file, initial: true })),
  ...manifest.lazy.map((item) => ({ file: item.file, initial: false })),
].map(({ file, initial }) => {
  const code = readFileSync(join(dist, file), 'utf8');
  return { file, initial, code, raw: bytes(code), gzip: gzip(code) };
});

const cssHits = files.flatMap((f) =>
  stringLiterals(f.code)
    .filter((literal) => literal.value.includes(CSS_MARKER))
    .map((literal) => ({ ...literal, owner: f })),
);
if (cssHits.length !== 1) {
  console.error(
    `bench:size: expected one SLDS CSS string in ${dist}, found ${cssHits.length}` +
      ' (is src/generated/slds.ts imported by the panel?)',
  );
  process.exit(2);
}
const [css] = cssHits;
const cssSource = css.owner.code.slice(css.start, css.end);
const withoutCss = (f) =>
  f === css.owner ? gzip(f.code.slice(0, css.start) + '""' + f.code.slice(css.end)) : f.gzip;
const withoutCssRaw = (f) => (f === css.owner ? f.raw - bytes(cssSource) + 2 : f.raw);

const initial = files.filter((f) => f.initial);
const lazy = files.filter((f) => !f.initial);
const sum = (list, pick) => list.reduce((total, f) => total + pick(f), 0);

const rows = [
  {
    id: 'js',
    what: `initial JS (${initial.map((f) => f.file).join(' + ')}, CSS included)`,
    raw: sum(initial, (f) => f.raw),
    gzip: sum(initial, (f) => f.gzip),
    budget: BUDGETS.js,
  },
  {
    id: 'css',
    what: `CSS (purged SLDS string inside ${css.owner.file}${css.owner.initial ? ', initial' : ', lazy'})`,
    raw: bytes(cssSource),
    gzip: gzip(cssSource),
    budget: BUDGETS.css,
  },
  {
    id: 'jsOnly',
    what: 'initial JS without the CSS string',
    raw: sum(initial, withoutCssRaw),
    gzip: sum(initial, withoutCss),
    budget: null,
  },
  ...lazy.map((f) => ({
    id: `lazy:${f.file}`,
    what: `lazy ${f.file}`,
    raw: f.raw,
    gzip: f.gzip,
    budget: null,
  })),
  {
    id: 'lazy',
    what: `lazy JS (${lazy.length} chunks)`,
    raw: sum(lazy, (f) => f.raw),
    gzip: sum(lazy, (f) => f.gzip),
    budget: null,
  },
  {
    id: 'total',
    what: `total JS (${files.length} files)`,
    raw: sum(files, (f) => f.raw),
    gzip: sum(files, (f) => f.gzip),
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
if (source.mtime > statSync(manifestFile).mtimeMs) {
  console.log(`note: ${manifestFile} is older than ${source.path}; run npm run build for current numbers`);
}

const over = rows.filter((row) => row.budget !== null && row.gzip > row.budget);
if (values.json !== undefined) {
  const numbers = Object.fromEntries(
    rows
      .filter((row) => !row.id.startsWith('lazy:'))
      .map((row) => [row.id, { raw: row.raw, gzip: row.gzip, budget: row.budget }]),
  );
  const chunks = files.map((f) => ({ file: f.file, initial: f.initial, raw: f.raw, gzip: f.gzip }));
  writeFileSync(
    values.json,
    `${JSON.stringify({ bench: 'size', ok: over.length === 0, ...numbers, chunks }, null, 2)}\n`,
  );
}
if (over.length > 0) {
  console.log(`over budget: ${over.map((row) => row.id).join(', ')}`);
  if (values.check) process.exit(1);
}
