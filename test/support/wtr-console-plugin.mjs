// @ts-check
// A web-test-runner plugin that lets browser tests start and stop real Lightning console emulators
// (sim/crm) on their own origin through `executeServerCommand('console:start' | 'console:stop')`.
// The softphone frame defaults to the test fixture adapter page served by the test runner itself,
// so console (emulator origin) and adapter (test page origin) differ, as in Salesforce.
// `console:dom` reads or clicks elements of a console page (a cross-origin frame the test page
// cannot script) through the Playwright page, as an agent's mouse would.
import { tsImport } from 'tsx/esm/api';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function consolePlugin() {
  /** @type {Map<string, { close(): Promise<void> }>} */
  const running = new Map();
  let next = 1;
  let pageOrigin = '';
  /** @type {Promise<typeof import('../../sim/crm/index.ts')> | undefined} */
  let crmModule;

  return {
    name: 'lightning-console-emulator',
    serverStart({ config }) {
      pageOrigin = `${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`;
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'console:start') {
        crmModule ??= tsImport('../../sim/crm/index.ts', import.meta.url);
        const { startConsoleEmulator } = await crmModule;
        const { adapterPath, ...options } = /** @type {Record<string, unknown>} */ (payload ?? {});
        const emulator = await startConsoleEmulator({
          host: '127.0.0.2',
          port: 0,
          clock: 'manual',
          adapterUrl: `${pageOrigin}${typeof adapterPath === 'string' ? adapterPath : '/test/browser/crm-emulator/fixtures/adapter.html'}`,
          ...options,
        });
        const id = String(next++);
        running.set(id, emulator);
        return { id, url: emulator.url, pageOrigin };
      }
      if (command === 'console:dom') {
        const { url, selector, action, attribute } =
          /** @type {{ url: string, selector: string, action: 'click' | 'count' | 'text' | 'attr', attribute?: string }} */ (
            payload
          );
        const browser = /** @type {{ getPage(id: string): import('playwright-core').Page }} */ (
          /** @type {unknown} */ (session.browser)
        );
        const page = browser.getPage(session.id);
        const frame = page.frames().find((f) => f.url().startsWith(`${url}/lightning/`));
        if (!frame) throw new Error(`no console page from ${url} is open`);
        const locator = frame.locator(selector);
        if (action === 'count') return locator.count();
        if (action === 'click') {
          await locator.first().click({ timeout: 5000 });
          return true;
        }
        if (action === 'attr') return locator.first().getAttribute(attribute ?? '', { timeout: 5000 });
        return locator.first().textContent({ timeout: 5000 });
      }
      if (command === 'console:softphone') {
        // Acts in the softphone frame the console's utility bar holds, by ARIA role and accessible
        // name (Playwright's role locators pierce the panel's shadow roots), as an agent would.
        const { url, role, name, action, value, exact, consoleIndex } =
          /** @type {{ url: string, role: string, name?: string, action: 'click' | 'fill' | 'count' | 'text', value?: string, exact?: boolean, consoleIndex?: number }} */ (
            payload
          );
        const browser = /** @type {{ getPage(id: string): import('playwright-core').Page }} */ (
          /** @type {unknown} */ (session.browser)
        );
        const page = browser.getPage(session.id);
        // With several console windows open, `consoleIndex` picks one (in page order).
        const consoleFrame = page
          .frames()
          .filter((f) => !f.isDetached() && f.url().startsWith(`${url}/lightning/`))[consoleIndex ?? 0];
        if (!consoleFrame) throw new Error(`no console page from ${url} is open`);
        const frame = consoleFrame.childFrames()[0];
        if (!frame) throw new Error('the console holds no softphone frame');
        // `role: 'label'` finds a form field by its label (password fields have no ARIA role);
        // `role: 'text'` finds visible text (the label SLDS draws for a radio or checkbox).
        const locator =
          role === 'label'
            ? frame.getByLabel(name ?? '', { exact: exact ?? false })
            : role === 'text'
              ? frame.getByText(name ?? '', { exact: exact ?? false })
              : frame.getByRole(
                  /** @type {Parameters<import('playwright-core').Frame['getByRole']>[0]} */ (role),
                  name === undefined ? {} : { name, exact: exact ?? false },
                );
        if (action === 'count') return locator.count();
        if (action === 'text') return locator.first().textContent({ timeout: 10000 });
        if (action === 'fill') {
          await locator.first().fill(value ?? '', { timeout: 10000 });
          return true;
        }
        await locator.first().click({ timeout: 10000 });
        return true;
      }
      if (command === 'console:stop') {
        const { id } = /** @type {{ id: string }} */ (payload);
        const emulator = running.get(id);
        running.delete(id);
        await emulator?.close();
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...running.values()].map((e) => e.close()));
      running.clear();
    },
  };
}
