// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { execFileSync } from 'node:child_process';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { consolePlugin } from './test/support/wtr-console-plugin.mjs';
import { simulatorPlugin } from './test/support/wtr-simulator-plugin.mjs';

const executablePath = execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();

/** Flags every headless Chromium here needs (the machine has no outside network). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.browser.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // Not localhost/127.0.0.1: with those @web/dev-server listens on every interface.
  hostname: '127.0.0.2',
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.browser-tests.json', target: 'auto' }), simulatorPlugin(), consolePlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
