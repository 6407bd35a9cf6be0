/**
 * `npm run bench` → bench:cold-load: cold load to interactive inside the console emulator's frame.
 *
 * Starts the servers of `npm start` (simulator, panel host serving `dist/`, console emulator
 * framing `/adapter.html`), builds first unless `--skip-build`, and loads the console page N
 * times in Debian's Chromium, each time in a fresh browser context (empty HTTP cache and
 * storage). Each run measures, in the browser's own clocks:
 *
 * - to interactive: from the console page's navigation start (its `performance.timeOrigin`) to
 *   the moment the log-on form's "User ID" field in the softphone frame is visible and enabled.
 *   A script installed in every frame before any page script observes every shadow root the
 *   panel creates (one MutationObserver) and checks the field after each batch of DOM changes;
 *   the moment is the frame's `performance.now()` in that callback, placed on the console's
 *   timeline through the two documents' `performance.timeOrigin`.
 * - the softphone frame's own navigation timing: when its navigation started (on the console's
 *   timeline), its response, DOMContentLoaded and load, and when `softphone.js` arrived, each
 *   relative to the frame's own navigation start.
 *
 * Prints p50/p95 of each and reports (no budget: issue 5 asks for the number).
 *
 *   node --import tsx test/bench/cold-load.ts [--runs 20] [--skip-build] [--json FILE]
 *
 * `--runs` falls back to the BENCH_COLD_RUNS environment variable. Exits 2 if the run broke.
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import {
  build,
  count,
  launchChromium,
  ms,
  newConsoleContext,
  softphoneFrame,
  startStack,
  stats,
  table,
  TIMEOUT,
  writeJson,
  type Stack,
} from './stack.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const RUNS = count(values.runs, 'BENCH_COLD_RUNS', 20);

interface FrameMarks {
  /** The frame's `performance.timeOrigin` (its navigation start), epoch ms. */
  readonly timeOrigin: number;
  /** `performance.now()` in the frame when the field was first visible and enabled. */
  readonly interactive: number;
  readonly responseEnd: number;
  readonly domContentLoaded: number;
  readonly load: number;
  /** `responseEnd` of `softphone.js`, or -1 when it is not in the resource timing buffer. */
  readonly entryScript: number;
}

/**
 * Runs in every frame before any of its scripts. In the softphone frame, watches for the log-on
 * form's User ID field (`cic-logon` → `input#user`) to be visible and enabled.
 */
function watchForLogOnForm(adapterPath: string): void {
  if (location.pathname !== adapterPath) return;
  const marks = { interactive: -1 };
  (window as unknown as { __benchMarks: typeof marks }).__benchMarks = marks;
  const roots: Node[] = [];
  const find = (root: ParentNode): HTMLInputElement | null => {
    for (const logon of root.querySelectorAll('cic-logon')) {
      const input = logon.shadowRoot?.querySelector<HTMLInputElement>('input#user');
      if (input) return input;
    }
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const found = find(el.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  const ready = (): boolean => {
    const input = find(document);
    if (input === null || input.disabled || !input.checkVisibility()) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (marks.interactive >= 0) return;
    if (ready()) {
      marks.interactive = performance.now();
      observer.disconnect();
    }
  });
  const watch = (root: Node): void => {
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const shadow = attachShadow.call(this, init);
    if (marks.interactive < 0) watch(shadow);
    return shadow;
  };
}

async function oneRun(
  browser: Browser,
  stack: Stack,
): Promise<{ total: number; frameStart: number; marks: FrameMarks }> {
  const context = await newConsoleContext(browser, stack);
  try {
    await context.addInitScript(watchForLogOnForm, '/adapter.html');
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(stack.consoleUrl);
    const frame = await softphoneFrame(page, stack);
    await frame.waitForFunction(
      () =>
        ((window as unknown as { __benchMarks?: { interactive: number } }).__benchMarks?.interactive ?? -1) >=
        0,
      undefined,
      { timeout: TIMEOUT, polling: 50 },
    );
    // The load event of the frame may come after the form is usable.
    await frame.waitForFunction(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
          ?.loadEventEnd ?? 0 > 0,
      undefined,
      {
        timeout: TIMEOUT,
        polling: 50,
      },
    );
    const consoleOrigin = await page.evaluate(() => performance.timeOrigin);
    const marks = await frame.evaluate((): FrameMarks => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname === '/softphone.js') as PerformanceResourceTiming | undefined;
      return {
        timeOrigin: performance.timeOrigin,
        interactive: (window as unknown as { __benchMarks: { interactive: number } }).__benchMarks
          .interactive,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        entryScript: entry?.responseEnd ?? -1,
      };
    });
    const frameStart = marks.timeOrigin - consoleOrigin;
    return { total: frameStart + marks.interactive, frameStart, marks };
  } finally {
    await context.close();
  }
}

build(values['skip-build'], 'bench:cold-load');
let exitCode = 0;
const stack = await startStack();
const browser = await launchChromium();
try {
  // One load first, not counted: Chromium's own first-use costs (processes, font caches).
  await oneRun(browser, stack);
  const runs: Awaited<ReturnType<typeof oneRun>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, stack));
  const rows = {
    total: stats(runs.map((r) => r.total)),
    frameStart: stats(runs.map((r) => r.frameStart)),
    inFrame: stats(runs.map((r) => r.marks.interactive)),
    responseEnd: stats(runs.map((r) => r.marks.responseEnd)),
    domContentLoaded: stats(runs.map((r) => r.marks.domContentLoaded)),
    entryScript: stats(runs.map((r) => r.marks.entryScript).filter((n) => n >= 0)),
    load: stats(runs.map((r) => r.marks.load)),
  };
  console.log(
    `cold load to interactive in the console emulator frame, ${RUNS} runs, fresh browser context each`,
  );
  console.log(
    table([
      ['measure', 'p50', 'p95', 'min', 'max'],
      ...(
        [
          ['console navigation start → User ID usable', rows.total],
          ['console navigation start → frame navigation start', rows.frameStart],
          ['frame: navigation start → User ID usable', rows.inFrame],
          ['frame: responseEnd (adapter.html)', rows.responseEnd],
          ['frame: softphone.js responseEnd', rows.entryScript],
          ['frame: DOMContentLoaded end', rows.domContentLoaded],
          ['frame: load event end', rows.load],
        ] as const
      ).map(([label, s]) => [label, ms(s.p50), ms(s.p95), ms(s.min), ms(s.max)]),
    ]),
  );
  console.log('budget: none (issue 5 reports this number); within');
  writeJson(values.json, { bench: 'cold-load', ok: true, runs: RUNS, ...rows });
} catch (error) {
  console.error(
    `bench:cold-load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  exitCode = 2;
} finally {
  await browser.close();
  await stack.close();
}
process.exitCode = exitCode;
