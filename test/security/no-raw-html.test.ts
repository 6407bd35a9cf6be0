/**
 * The UI renders remote text only through Lit's escaping templates: no source file under src/ui
 * or src/app (or the entry point) parses strings as markup or code. There are no documented
 * exceptions; adding one means listing the file and the reason in ALLOWED below.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOTS = ['src/ui', 'src/app', 'src/main.ts'];
const SINKS: readonly [string, RegExp][] = [
  ['unsafeHTML', /\bunsafeHTML\b/],
  ['unsafeSVG', /\bunsafeSVG\b/],
  ['unsafeStatic', /\bunsafeStatic\b/],
  ['innerHTML', /\.innerHTML\s*[+]?=/],
  ['outerHTML', /\.outerHTML\s*[+]?=/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['DOMParser', /\bDOMParser\b/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];
/** `file: reason` for sinks that are justified; none today. */
const ALLOWED: Readonly<Record<string, string>> = {};

function sources(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return sources(child);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [child] : [];
  });
}

/** Where `text` uses a sink, as `file:line sink`. */
export function sinkUses(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) =>
    SINKS.filter(([, pattern]) => pattern.test(line)).map(([name]) => `${file}:${i + 1} ${name}`),
  );
}

describe('no raw HTML or code sinks in the UI', () => {
  it('the scan finds sinks when they are there', () => {
    assert.deepEqual(sinkUses('x.ts', "el.innerHTML = name;\nhtml`${unsafeHTML(t)}`\neval('1')"), [
      'x.ts:1 innerHTML',
      'x.ts:2 unsafeHTML',
      'x.ts:3 eval',
    ]);
  });

  it('src/ui, src/app and src/main.ts use none', () => {
    const files = ROOTS.flatMap(sources);
    assert.ok(files.length > 20, `scanned ${files.length} files`);
    const found = files
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) => sinkUses(file, readFileSync(file, 'utf8')));
    assert.deepEqual(found, []);
  });
});
