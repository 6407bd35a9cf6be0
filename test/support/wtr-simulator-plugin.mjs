// @ts-check
// A web-test-runner plugin that lets browser tests start and stop real CIC simulators (over
// HTTP, on their own origin, so CORS and cookies are exercised as in production) through
// `executeServerCommand('sim:start' | 'sim:stop')`.
import { setTimeout as sleep } from 'node:timers/promises';
import { tsImport } from 'tsx/esm/api';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function simulatorPlugin() {
  /** @type {Map<string, { close(): Promise<void> }>} */
  const running = new Map();
  let next = 1;
  let pageOrigin = '';
  /** @type {Promise<typeof import('../../sim/cic/index.ts')> | undefined} */
  let simModule;

  return {
    name: 'cic-simulator',
    serverStart({ config }) {
      pageOrigin = `${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`;
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'sim:popup-click') {
        // Clicks a link in a popup window the page opened on the simulator (the single sign-on
        // page of its demo identity provider), as the user would.
        const { url, text } = /** @type {{ url: string, text: string }} */ (payload);
        const browser = /** @type {{ getPage(id: string): import('playwright-core').Page }} */ (
          /** @type {unknown} */ (session.browser)
        );
        const context = browser.getPage(session.id).context();
        const deadline = Date.now() + 10000;
        for (;;) {
          const popup = context.pages().find((p) => p.url().startsWith(url));
          if (popup) {
            await popup.getByText(text).first().click({ timeout: 10000 });
            return true;
          }
          if (Date.now() > deadline) throw new Error(`no popup from ${url} opened`);
          await sleep(50);
        }
      }
      if (command === 'sim:start') {
        simModule ??= tsImport('../../sim/cic/index.ts', import.meta.url);
        const { startSimulator } = await simModule;
        const options = /** @type {Record<string, unknown>} */ (payload ?? {});
        // Same loopback host as the test page but another port: a different origin, so every
        // request is a real CORS request with credentials.
        const sim = await startSimulator({
          host: '127.0.0.2',
          port: 0,
          allowedOrigins: [pageOrigin],
          ...options,
        });
        const id = String(next++);
        running.set(id, sim);
        return { id, url: sim.url, backupUrl: sim.backupUrl, pageOrigin };
      }
      if (command === 'sim:stop') {
        const { id } = /** @type {{ id: string }} */ (payload);
        const sim = running.get(id);
        running.delete(id);
        await sim?.close();
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...running.values()].map((sim) => sim.close()));
      running.clear();
    },
  };
}
