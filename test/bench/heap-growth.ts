/**
 * `npm run bench` → bench:heap: JS heap and DOM-node growth over 500 calls, after GC.
 *
 * The servers of `npm start` (the simulator deallocates a disconnected call after 50 ms instead of
 * 2 minutes, so each call leaves the panel quickly); agent1 logs on through the console
 * emulator's softphone frame and is made Available. Each call is offered to the Support
 * workgroup, alerts, is picked up with the alert bar's Pickup button and disconnected with the
 * call controls' Disconnect button (clicked inside the frame, see `oneCall`), then is deallocated and
 * leaves the panel's store (the workgroup's wrap-up prompt shows until the deallocation and goes
 * with it). Twenty calls run first (lazy chunks, caches, the first call log), then the baseline is
 * taken; after the N calls the same measures are taken again:
 *
 * - JS heap: CDP `HeapProfiler.collectGarbage` (three times), then `Runtime.getHeapUsage`
 *   (`usedSize`) of the renderer's isolate. The console page and the softphone frame are
 *   same-site, so one isolate holds both: the console page's own growth (its Tasks, the Open CTI
 *   traffic) is counted too. The frame's `performance.memory.usedJSHeapSize` (same isolate,
 *   coarse) is printed beside it.
 * - DOM nodes: elements in the softphone frame's document and every shadow root in it
 *   (`querySelectorAll('*')`, recursively), and CDP `Memory.getDOMCounters` (nodes, documents,
 *   listeners of the whole renderer, detached nodes not yet collected included).
 *
 * Budget (issue 5): heap growth ≤ 5 MB per 500 calls (1 MB = 1,000,000 bytes; a run with fewer
 * calls is scaled to 500). DOM growth is reported.
 *
 *   node --import tsx test/bench/heap-growth.ts [--calls 500] [--skip-build] [--check] [--json FILE]
 *
 * `--calls` falls back to the BENCH_HEAP_CALLS environment variable.
 */
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Frame } from 'playwright-core';
import {
  build,
  budget,
  control,
  count,
  launchChromium,
  openAndLogOn,
  startStack,
  table,
  writeJson,
  type Stack,
} from './stack.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const CALLS = count(values.calls, 'BENCH_HEAP_CALLS', 500);
const WARM_UP = 20;
const BUDGET_BYTES = 5_000_000;
const PER = 500;

interface Sample {
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly frameHeapUsed: number;
  readonly frameElements: number;
  readonly nodes: number;
  readonly documents: number;
  readonly listeners: number;
}

type PanelState = {
  queue: { byId: Record<string, unknown> };
  wrapUp: { prompts: readonly unknown[] };
};
type AppElement = HTMLElement & { store: { getState(): PanelState } };

async function sample(cdp: CDPSession, frame: Frame): Promise<Sample> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const inFrame = await frame.evaluate(() => {
    const countAll = (root: ParentNode): number => {
      let n = 0;
      for (const el of root.querySelectorAll('*')) {
        n++;
        if (el.shadowRoot) n += countAll(el.shadowRoot);
      }
      return n;
    };
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return { elements: countAll(document), heap: memory?.usedJSHeapSize ?? NaN };
  });
  return {
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    frameHeapUsed: inFrame.heap,
    frameElements: inFrame.elements,
    nodes: counters.nodes,
    documents: counters.documents,
    listeners: counters.jsEventListeners,
  };
}

/**
 * One call: offer, Pickup in the alert bar, Disconnect in the call controls, removal. The agent's
 * side runs inside the frame (one `evaluate` per call): it finds each button through the shadow
 * roots and calls `click()` on it, which runs the same handlers a mouse click does. Playwright's
 * own clicks would spend about 100 ms each on actionability checks and round trips.
 */
async function oneCall(stack: Stack, frame: Frame): Promise<string> {
  const { interactionId } = await control<{ interactionId: string }>(stack.sim.url, 'POST', '/sim/v1/calls', {
    from: '+13175550101',
    fromName: 'Pat Doe',
    to: { workgroup: 'Support' },
  });
  await frame.evaluate(async (id) => {
    const deep = (root: ParentNode, selector: string): Element | null => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) {
        const found = el.shadowRoot ? deep(el.shadowRoot, selector) : null;
        if (found) return found;
      }
      return null;
    };
    const wait = async <T>(what: string, test: () => T | null | false | undefined): Promise<T> => {
      const deadline = performance.now() + 15_000;
      for (;;) {
        const value = test();
        if (value) return value;
        if (performance.now() > deadline) throw new Error(`never happened: ${what} (${id})`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const state = (): PanelState =>
      (document.querySelector('cic-softphone-app') as AppElement).store.getState();
    const button = (element: Element | null): HTMLButtonElement | null =>
      element instanceof HTMLButtonElement && !element.disabled ? element : null;
    (
      await wait('the alert', () =>
        button(deep(document, `section.cic-alert[data-id="${id}"] button[aria-label="Pickup"]`)),
      )
    ).click();
    await wait('connected in the panel', () => {
      const record = state().queue.byId[id] as { attributes?: Record<string, string> } | undefined;
      return record?.attributes?.['Eic_State'] === 'C';
    });
    const disconnect = await wait('the Disconnect button', () =>
      button(
        deep(document, '[role="group"][aria-label="Call controls"]')?.querySelector(
          'button[aria-label="Disconnect"]',
        ) ?? null,
      ),
    );
    disconnect.click();
    // The Support workgroup's wrap-up prompt shows until the call is deallocated (50 ms here),
    // then the call leaves the store.
    await wait('the call removed', () => {
      const s = state();
      return !(id in s.queue.byId) && s.wrapUp.prompts.length === 0;
    });
  }, interactionId);
  return interactionId;
}

/** Calls among `ids` that have a Task (call log) in the emulator. */
async function logged(stack: Stack, ids: ReadonlySet<string>): Promise<number> {
  const { tasks } = await control<{ tasks: { CallObject?: string }[] }>(
    stack.crm.url,
    'GET',
    '/__console/v1/tasks',
  );
  return new Set(tasks.map((t) => t.CallObject).filter((id): id is string => id !== undefined && ids.has(id)))
    .size;
}

/** Waits (up to 60 s) until every call has its Task: the panel's call-log outbox has drained. */
async function settle(stack: Stack, ids: ReadonlySet<string>): Promise<{ logged: number; waitedMs: number }> {
  const started = performance.now();
  let n = await logged(stack, ids);
  while (n < ids.size && performance.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    n = await logged(stack, ids);
  }
  return { logged: n, waitedMs: performance.now() - started };
}

const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;

build(values['skip-build'], 'bench:heap');
let exitCode = 0;
const stack = await startStack({ deallocateAfterMs: 50 });
const browser = await launchChromium();
let context: BrowserContext | undefined;
try {
  const opened = await openAndLogOn(browser, stack);
  context = opened.context;
  const { page, frame } = opened;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const warmUp = new Set<string>();
  for (let i = 0; i < WARM_UP; i++) warmUp.add(await oneCall(stack, frame));
  await settle(stack, warmUp);
  const before = await sample(cdp, frame);
  const started = performance.now();
  const ids = new Set<string>();
  for (let i = 0; i < CALLS; i++) {
    ids.add(await oneCall(stack, frame));
    if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${CALLS} calls`);
  }
  const seconds = (performance.now() - started) / 1000;
  // Measure once the call logs are written, so a pending outbox is not counted as growth.
  const logs = await settle(stack, ids);
  const after = await sample(cdp, frame);
  const growth = after.heapUsed - before.heapUsed;
  const per500 = (growth * PER) / CALLS;
  console.log(
    `heap and DOM after GC, before and after ${CALLS} calls (alert → Pickup → Disconnect → removal); ${seconds.toFixed(1)} s; call logs: ${logs.logged}/${CALLS} calls have their Task (the last written ${(logs.waitedMs / 1000).toFixed(1)} s after the last call)`,
  );
  const row = (label: string, pick: (s: Sample) => number, fmt: (n: number) => string): string[] => [
    label,
    fmt(pick(before)),
    fmt(pick(after)),
    `${pick(after) - pick(before) >= 0 ? '+' : ''}${fmt(pick(after) - pick(before))}`,
  ];
  const plain = (n: number): string => String(n);
  console.log(
    table([
      ['measure', 'before', 'after', 'growth'],
      row('JS heap used (isolate, CDP)', (s) => s.heapUsed, mb),
      row('JS heap total (isolate, CDP)', (s) => s.heapTotal, mb),
      row('performance.memory used (frame)', (s) => s.frameHeapUsed, mb),
      row('elements in the frame incl. shadow roots', (s) => s.frameElements, plain),
      row('DOM nodes (renderer, CDP)', (s) => s.nodes, plain),
      row('documents (renderer, CDP)', (s) => s.documents, plain),
      row('JS event listeners (renderer, CDP)', (s) => s.listeners, plain),
    ]),
  );
  const ok = budget('heap growth ≤ 5 MB per 500 calls', [
    [`heap growth ${mb(per500)} per ${PER} calls ≤ ${mb(BUDGET_BYTES)}`, per500 <= BUDGET_BYTES],
  ]);
  writeJson(values.json, {
    bench: 'heap',
    ok,
    calls: CALLS,
    seconds,
    heapGrowthPer500: per500,
    before,
    after,
  });
  if (!ok && values.check) exitCode = 1;
} catch (error) {
  console.error(
    `bench:heap failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  exitCode = 2;
} finally {
  await context?.close();
  await browser.close();
  await stack.close();
}
process.exit(exitCode);
