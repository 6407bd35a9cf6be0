// @ts-check
// The panel bundle: minified ES modules built from `src/main.ts`. The entry is
// `dist/softphone.js`; code it loads later (the ICWS client, the views past log-on) is split into
// `dist/chunks/` (docs/decisions/0008-code-splitting.md). `dist/manifest.json` lists the entry,
// the chunks it imports statically (the initial load) and the lazy ones, with raw and gzip sizes.
// `npm run build` packs it all into the Salesforce static resource (never committed, see
// docs/decisions/0003-bundle-out-of-git.md).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'rollup-plugin-esbuild';

/** zod v4 and Lit trip two harmless warnings; everything else is shown. */
const quiet = new Set(['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION']);

/**
 * Writes `manifest.json` next to the entry once the files are on disk, measuring the files as
 * written (source-map comment included). KB budgets are checked by scripts/bench-size.mjs.
 * @returns {import('rollup').Plugin}
 */
function manifest() {
  return {
    name: 'softphone-manifest',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      /** @type {import('rollup').OutputChunk[]} */
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entries = chunks.filter((chunk) => chunk.isEntry);
      if (entries.length !== 1) throw new Error(`expected one entry chunk, got ${entries.length}`);
      const [entry] = entries;
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      // Everything the entry pulls in statically, transitively: the initial load.
      const initial = new Set([entry.fileName]);
      for (const name of initial)
        for (const imported of byName.get(name)?.imports ?? []) initial.add(imported);
      const describe = (/** @type {import('rollup').OutputChunk} */ chunk) => {
        const code = readFileSync(join(dir, chunk.fileName));
        return {
          file: chunk.fileName,
          raw: code.length,
          gzip: gzipSync(code, { level: 9 }).length,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).length,
        };
      };
      const list = (/** @type {(chunk: import('rollup').OutputChunk) => boolean} */ keep) =>
        chunks
          .filter(keep)
          .sort((a, b) => a.fileName.localeCompare(b.fileName))
          .map(describe);
      const result = {
        entry: describe(entry),
        initial: list((chunk) => initial.has(chunk.fileName) && chunk !== entry),
        lazy: list((chunk) => !initial.has(chunk.fileName)),
      };
      writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(result, null, 2)}\n`);
    },
  };
}

/**
 * Rollup puts each module in exactly one chunk, so the one generated icon module would carry
 * every icon any chunk uses into the entry. This serves `src/generated/icons.ts` as re-exports of
 * one virtual module per icon, letting each icon land in the chunk that needs it.
 * @returns {import('rollup').Plugin}
 */
function splitIcons() {
  const iconsFile = fileURLToPath(new URL('src/generated/icons.ts', import.meta.url));
  const prefix = '\0slds-icon:';
  /** @type {Map<string, string>} */
  const bodies = new Map();
  return {
    name: 'softphone-split-icons',
    async resolveId(source, importer) {
      if (source.startsWith(prefix)) return source;
      // Imports inside an icon module (lit) resolve as if from the generated file.
      if (importer?.startsWith(prefix)) return this.resolve(source, iconsFile, { skipSelf: true });
      return null;
    },
    load(id) {
      if (id === iconsFile) {
        const source = readFileSync(iconsFile, 'utf8');
        const pattern = /^export const (utility_\w+): SldsIcon = (\{[\s\S]*?\n\});$/gm;
        const names = [];
        for (const [, name, body] of source.matchAll(pattern)) {
          bodies.set(name, body);
          names.push(name);
        }
        if (names.length === 0) throw new Error(`no icons found in ${iconsFile}`);
        // No side effects: importers are linked straight to the icon modules they use.
        return {
          code: names.map((name) => `export { ${name} } from '${prefix}${name}';`).join('\n'),
          moduleSideEffects: false,
        };
      }
      if (id.startsWith(prefix)) {
        const name = id.slice(prefix.length);
        return {
          code: `import { svg } from 'lit';\nexport const ${name} = ${bodies.get(name)};\n`,
          moduleSideEffects: false,
        };
      }
      return null;
    },
  };
}

/** @type {import('rollup').RollupOptions} */
export default {
  input: 'src/main.ts',
  // The entry may also export what the chunks share with it (no facade module in front).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: 'softphone.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    splitIcons(),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
    manifest(),
  ],
  onwarn(warning, warn) {
    if (!quiet.has(warning.code ?? '')) warn(warning);
  },
};
