/**
 * Omni-Channel status sync wiring (its own chunk: main.ts imports it only inside Salesforce, once
 * Open CTI is ready). The mapping logic is the pure module in src/domain/omni; the transport is
 * Lightning Message Service through Open CTI (src/crm/open-cti/omni-transport.ts).
 */
import { parseOmniSyncSettingItems, type Input, type Store } from '../domain/index.js';
import type { OpenCtiConfig } from '../crm/index.js';
import type { OpenCtiLms } from '../crm/open-cti/omni-transport.js';

/**
 * Starts the Omni-Channel status sync once Open CTI is ready and the settings enable it (only in
 * the tab that leads, so each command is sent once). Map errors are logged with their line and
 * the sync stays off; nothing else is affected. Resolves with a stop function.
 */
export async function startOmniWiring(options: {
  readonly win: Window;
  readonly config: OpenCtiConfig;
  readonly store: Store;
  readonly dispatch: (input: Input) => void;
  readonly log: (line: string) => void;
}): Promise<() => Promise<void>> {
  const { win, config, log } = options;
  const none = async (): Promise<void> => undefined;
  if (!config.statusSync.enabled) return none;
  const parsed = parseOmniSyncSettingItems(config.statusSync);
  if (!parsed.ok) {
    for (const e of parsed.errors)
      log(`[omni] /omniSync/statusMaps line ${e.line}: ${e.message}; status sync is off`);
    return none;
  }
  const lib = (win as unknown as { sforce?: { opencti?: OpenCtiLms } }).sforce?.opencti;
  if (lib === undefined) {
    log('[omni] Open CTI is not loaded; status sync is off');
    return none;
  }
  const [{ createOmniTransport, lmsBusFromOpenCti }, { startOmniSync }] = await Promise.all([
    import('../crm/open-cti/omni-transport.js'),
    import('./omni-sync.js'),
  ]);
  const transport = createOmniTransport({
    bus: lmsBusFromOpenCti(lib),
    clock: {
      setTimeout: (cb, ms) => win.setTimeout(cb, ms),
      clearTimeout: (h) => win.clearTimeout(h as number),
    },
    onDiagnostic: (d) => log(`[omni] ${JSON.stringify(d)}`),
  });
  const sync = await startOmniSync({
    store: options.store,
    dispatch: options.dispatch,
    transport,
    config: parsed.config,
    clock: { now: () => Date.now() },
    log: (line) => log(`[omni] ${line}`),
  });
  return () => sync.stop();
}
