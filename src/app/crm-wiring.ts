/**
 * Salesforce wiring for the composition root: inside the Lightning softphone frame (the page URL
 * carries `mode=Lightning&sfdcIframeOrigin=…`) it builds the Open CTI CRM port, starts it once the
 * runtime runs, and hands the call-center settings the panel needs (CIC server, identity
 * providers) to the domain. Outside Salesforce it returns `null` and the panel runs standalone.
 *
 *   const crm = createCrmWiring(window, log);
 *   const runtime = startRuntime({ …, ports: { …, ...(crm ? { crm: crm.port } : {}) } });
 *   crm?.start(runtime.dispatch);
 */
import { defaultPanelConfig, type CrmPort, type Input } from '../domain/index.js';
import { createOpenCtiCrmPort, detectOpenCti, loadOpenCtiLibrary, type OpenCtiConfig } from '../crm/index.js';

export interface CrmWiring {
  readonly port: CrmPort;
  /** Initialises Open CTI; resolves with the configuration, or `null` when Open CTI is unusable. */
  start(dispatch: (input: Input) => void): Promise<OpenCtiConfig | null>;
}

export function createCrmWiring(win: Window, log: (line: string) => void = () => undefined): CrmWiring | null {
  const sfdcOrigin = detectOpenCti(win.location);
  if (sfdcOrigin === null) return null;
  const port = createOpenCtiCrmPort({
    library: loadOpenCtiLibrary(win, sfdcOrigin),
    isVisible: () => win.document.visibilityState === 'visible',
    locale: win.navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    log: (line) => log(`[open-cti] ${line}`),
  });
  return {
    port,
    async start(dispatch) {
      const config = await port.start();
      if (config !== null && (config.cic.serverUrl !== null || config.cic.identityProviders.length > 0)) {
        dispatch({
          kind: 'obs.panel.config',
          config: {
            ...defaultPanelConfig(),
            server: config.cic.serverUrl,
            allowedIdentityProviders: config.cic.identityProviders.length === 0 ? null : config.cic.identityProviders,
          },
        });
      }
      return config;
    },
  };
}
