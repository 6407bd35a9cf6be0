// @ts-check
// The panel bundle: one minified ES module, `dist/softphone.js`, built from `src/main.ts`.
// `npm run build` also copies it into the Salesforce static resource (never committed, see
// docs/decisions/0003-bundle-out-of-git.md).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

/** zod v4 and Lit trip two harmless warnings; everything else is shown. */
const quiet = new Set(['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION']);

/** @type {import('rollup').RollupOptions} */
export default {
  input: 'src/main.ts',
  output: { file: 'dist/softphone.js', format: 'es', sourcemap: true },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json' }),
  ],
  onwarn(warning, warn) {
    if (!quiet.has(warning.code ?? '')) warn(warning);
  },
};
