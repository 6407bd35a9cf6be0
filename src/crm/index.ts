/** The CRM adapters: Salesforce Lightning Open CTI. */
export {
  OPEN_CTI_API_VERSION,
  OpenCti,
  OpenCtiError,
  openCtiScriptUrl,
  detectOpenCti,
  loadOpenCtiLibrary,
  type OpenCtiLibrary,
  type OpenCtiMethod,
  type OpenCtiErrorItem,
} from './open-cti/api.js';
export { loadOpenCtiConfig, flatSettings, type OpenCtiConfig, type LoadedConfig, type AuthenticationType } from './open-cti/settings.js';
export {
  createOpenCtiCrmPort,
  defaultUtilityLabel,
  recordFromPayload,
  recordsFromSearch,
  toCrmSettings,
  type OpenCtiCrmPort,
  type OpenCtiPortOptions,
} from './open-cti/port.js';
