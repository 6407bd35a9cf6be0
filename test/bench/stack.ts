/**
 * What the browser benchmarks share: the three servers wired as `npm start` wires them (CIC
 * simulator, panel host serving `dist/`, Lightning console emulator framing `/adapter.html`), all
 * on 127.0.0.1; Debian's Chromium through playwright-core; the agent's log-on through the
 * softphone frame; percentiles and a plain-text table.
 *
 * Benchmarks report; they are not timed tests (docs/performance.md).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../sim/cic/index.js';
import { startConsoleEmulator, type ConsoleEmulator } from '../../sim/crm/index.js';
import { startPanelHost, type PanelHost } from '../../sim/panel/host.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
export const TIMEOUT = 15_000;

/** Runs `node scripts/build.mjs` so the benchmark measures the current tree; exits 2 on failure. */
export function build(skip: boolean, name: string): void {
  if (skip) return;
  console.log(`${name}: building the panel (node scripts/build.mjs; --skip-build to measure dist/ as it is)`);
  const run = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) {
    console.error(`${name}: the build failed`);
    process.exit(2);
  }
}

/** A free loopback port: the simulator must know the panel's origin before the panel host starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface Stack {
  readonly sim: RunningSimulator;
  readonly panel: PanelHost;
  readonly crm: ConsoleEmulator;
  /** The console page that frames the softphone. */
  readonly consoleUrl: string;
  close(): Promise<void>;
}

export type StackOptions = Pick<SimulatorOptions, 'messagingVersion' | 'deallocateAfterMs' | 'log'>;

/** The servers of `npm start` (sim/start.ts), on free loopback ports, quiet. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const panelPort = await freePort();
  const panelOrigin = `http://127.0.0.1:${panelPort}`;
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, allowedOrigins: [panelOrigin], ...options });
  const panel = await startPanelHost({
    host: '127.0.0.1',
    port: panelPort,
    distDir: `${root}dist`,
    cicUrl: sim.url,
  });
  const crm = await startConsoleEmulator({
    host: '127.0.0.1',
    port: 0,
    adapterUrl: `${panel.url}/adapter.html`,
    callCenterSettings: `${root}docs/call-center/CIC_Softphone_import.xml`,
    cicServerUrl: sim.url,
    cicControlUrl: sim.url,
  });
  return {
    sim,
    panel,
    crm,
    consoleUrl: `${crm.url}/lightning/page/home`,
    async close() {
      await Promise.allSettled([crm.close(), panel.close(), sim.close()]);
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/**
 * A fresh browser context (empty cache and storage) whose console pages show the Phone utility
 * panel from the start. The emulator opens every console window with the panel minimized
 * (`display: none`), as Lightning does; the softphone still loads in it. A style added before the
 * console's own script runs keeps the panel shown, so the agent can see and use the form at once.
 */
export async function newConsoleContext(browser: Browser, stack: Stack): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(TIMEOUT);
  // tsx compiles functions with esbuild's keep-names helper; functions handed to the browser
  // (init scripts, evaluate) call it, so every frame gets a no-op one first.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript((consoleOrigin: string) => {
    if (location.origin !== consoleOrigin) return;
    const style = document.createElement('style');
    style.textContent = '#softphone-panel.minimized { display: block !important; }';
    document.addEventListener('DOMContentLoaded', () => document.head.append(style), { once: true });
  }, stack.crm.url);
  return context;
}

/** The softphone frame of a console page (the panel host's `/adapter.html`). */
export async function softphoneFrame(page: Page, stack: Stack): Promise<Frame> {
  const prefix = `${stack.panel.url}/adapter.html`;
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the console never framed the softphone');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** JSON over HTTP against a control API (the simulator's `/sim/v1`, the emulator's `/__console/v1`). */
export async function control<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Waits until `test` holds, checking every 20 ms, or throws naming `what`. */
export async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  timeoutMs = TIMEOUT,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Opens the console page in a fresh context and logs agent1 on at WS01 through the softphone
 * frame (User ID, Password, Log On, Accept, Workstation name, Select), then makes agent1
 * Available through the simulator's control API and waits for Open CTI to be ready.
 */
export async function openAndLogOn(
  browser: Browser,
  stack: Stack,
  prepare: (context: BrowserContext) => Promise<unknown> = async () => undefined,
): Promise<{ context: BrowserContext; page: Page; frame: Frame }> {
  const context = await newConsoleContext(browser, stack);
  await prepare(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(stack.consoleUrl);
  const frame = await softphoneFrame(page, stack);
  await frame.getByLabel('User ID').fill('agent1');
  // A password field has no ARIA role; it is the log-on form's only one.
  await frame.locator('cic-logon input[type="password"]').fill('1234');
  await frame.getByRole('button', { name: 'Log On' }).click();
  await frame.getByRole('button', { name: 'Accept' }).click();
  await frame.getByRole('textbox', { name: 'Workstation name' }).fill('WS01');
  await frame.getByRole('button', { name: 'Select', exact: true }).click();
  await until('agent1 logged on at WS01', () => {
    const state = stack.sim.state() as { sessions: { userId: string; station: { id: string } | null }[] };
    return state.sessions.some((s) => s.userId === 'agent1' && s.station?.id === 'WS01');
  });
  await control(stack.sim.url, 'PUT', '/sim/v1/users/agent1/status', { statusId: 'Available' });
  await until('Open CTI ready (click-to-dial enabled)', () =>
    stack.crm.core.log.some((e) => e.method === 'enableClickToDial' && e.response.success),
  );
  await frame.getByRole('button', { name: /^Status: / }).waitFor();
  return { context, page, frame };
}

export interface Stats {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles. */
export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    p50: rank(50),
    p95: rank(95),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.length === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

/** A left-aligned plain-text table: the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

/** Prints the budget lines (PASS/FAIL) and returns whether all passed. */
export function budget(title: string, lines: readonly (readonly [string, boolean])[]): boolean {
  console.log(`budget (${title})`);
  for (const [text, ok] of lines) console.log(`  ${ok ? 'within' : 'OVER  '}  ${text}`);
  return lines.every(([, ok]) => ok);
}

export function writeJson(file: string | undefined, value: object): void {
  if (file !== undefined) writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A positive integer from a flag, else from an environment variable, else the default. */
export function count(flag: string | undefined, env: string, fallback: number): number {
  const text = flag ?? process.env[env];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${flag === undefined ? env : 'the count'} must be a positive integer, got "${text}"`);
    process.exit(2);
  }
  return n;
}
