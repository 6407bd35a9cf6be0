/**
 * Salesforce wiring for the composition root: inside the Lightning softphone frame (the page URL
 * carries `mode=Lightning&sfdcIframeOrigin=…`) it provides the Open CTI CRM port, starts it once
 * the runtime runs, and hands the call-center settings the panel needs (CIC server, identity
 * providers) to the domain. Outside Salesforce it returns `null` and the panel runs standalone.
 * The adapter (src/crm) is its own chunk, loaded only inside Salesforce.
 *
 *   const crm = createCrmWiring(window, log);
 *   const runtime = startRuntime({ …, ports: { …, ...(crm ? { crm: crm.port } : {}) } });
 *   void crm?.start(runtime.dispatch);
 */
import { defaultPanelConfig, type CrmPort, type Input, type Observation } from '../domain/index.js';
import type { OpenCtiConfig, OpenCtiCrmPort } from '../crm/index.js';

export interface CrmWiring {
  readonly port: CrmPort;
  /** Initialises Open CTI; resolves with the configuration, or `null` when Open CTI is unusable. */
  start(dispatch: (input: Input) => void): Promise<OpenCtiConfig | null>;
}

/** The Salesforce origin when the page runs in the Lightning softphone frame. */
function sfdcOriginOf(win: Window): string | null {
  const params = new URLSearchParams(win.location.search);
  if (params.get('mode') !== 'Lightning') return null;
  try {
    const url = new URL(params.get('sfdcIframeOrigin') ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function createCrmWiring(
  win: Window,
  log: (line: string) => void = () => undefined,
): CrmWiring | null {
  const sfdcOrigin = sfdcOriginOf(win);
  if (sfdcOrigin === null) return null;
  const adapter: Promise<OpenCtiCrmPort> = import('../crm/index.js').then((m) =>
    m.createOpenCtiCrmPort({
      library: m.loadOpenCtiLibrary(win, sfdcOrigin),
      isVisible: () => win.document.visibilityState === 'visible',
      locale: win.navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      log: (line) => log(`[open-cti] ${line}`),
    }),
  );
  const port: CrmPort = {
    screenPop: async (request) => (await adapter).screenPop(request),
    interactionChanged: async (request) => (await adapter).interactionChanged(request),
    setPanelVisible: async (visible) => (await adapter).setPanelVisible(visible),
    saveLog: async (request) => (await adapter).saveLog(request),
    findLog: async (request) => (await adapter).findLog(request),
    openRecord: async (recordId) => (await adapter).openRecord(recordId),
    setUtility: async (item) => (await adapter).setUtility(item),
    observe(listener: (observation: Observation) => void) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void adapter.then((a) => {
        if (!stopped) stop = a.observe(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
  return {
    port,
    async start(dispatch) {
      let config: OpenCtiConfig | null;
      try {
        config = await (await adapter).start();
      } catch (error) {
        dispatch({
          kind: 'obs.crm.unavailable',
          reason: `the Open CTI adapter could not be loaded: ${String(error)}`,
        });
        return null;
      }
      if (config !== null) {
        dispatch({
          kind: 'obs.panel.config',
          config: {
            ...defaultPanelConfig(),
            server: config.cic.serverUrl,
            allowedIdentityProviders:
              config.cic.identityProviders.length === 0 ? null : config.cic.identityProviders,
            alternateServers: config.cic.alternateUrls,
            allowedAuthTypes: {
              ic: config.cic.authenticationTypes.includes('cic'),
              sso: config.cic.authenticationTypes.includes('sso'),
            },
          },
        });
      }
      return config;
    },
  };
}
