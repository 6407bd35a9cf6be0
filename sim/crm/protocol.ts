/**
 * Shapes shared by the emulator's server and the code it serves to browsers: the postMessage
 * protocol between `opencti_min.js` (in the softphone frame) and the console page, the Open CTI
 * response shape, the enums, and the view model the console page renders.
 */

export const PROTOCOL = 'cic-lightning-console-emulator/1';

/** Functions cannot cross postMessage: they travel as `{ [FN_MARKER]: id }`. */
export const FN_MARKER = '__openctiFunction';
/** Values JSON cannot carry (symbols, bigints, NaN, cycles) travel as `{ [UNSUPPORTED_MARKER]: kind }`. */
export const UNSUPPORTED_MARKER = '__openctiUnsupported';

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

/** `sforce.opencti.SCREENPOP_TYPE` values. */
export const SCREENPOP_TYPE = {
  SOBJECT: 'sobject',
  URL: 'url',
  OBJECTHOME: 'objecthome',
  LIST: 'list',
  SEARCH: 'search',
  NEW_RECORD_MODAL: 'newRecord',
  FLOW: 'flow',
} as const;
export type ScreenPopType = (typeof SCREENPOP_TYPE)[keyof typeof SCREENPOP_TYPE];

/** `sforce.opencti.CALL_TYPE` values. */
export const CALL_TYPE = { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' } as const;
export type CallTypeValue = (typeof CALL_TYPE)[keyof typeof CALL_TYPE];

export type OpenCtiErrorCode = 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR' | 'SOFTPHONE_CONTAINER_ERROR';

export interface OpenCtiError {
  code: OpenCtiErrorCode;
  description: string;
  details?: WireValue;
}

/** What a callback receives. `subscription` only for `subscribe`. */
export interface OpenCtiResponse {
  success: boolean;
  returnValue: WireValue;
  errors: OpenCtiError[] | null;
  subscription?: WireValue;
}

/** Every Lightning Open CTI method, with the API version it first appears in. */
export const OPENCTI_METHODS: ReadonlyArray<{ name: string; since: number }> = [
  { name: 'disableClickToDial', since: 38 },
  { name: 'enableClickToDial', since: 38 },
  { name: 'getAppViewInfo', since: 38 },
  { name: 'getCallCenterSettings', since: 38 },
  { name: 'getSoftphoneLayout', since: 38 },
  { name: 'isSoftphonePanelVisible', since: 38 },
  { name: 'notifyInitializationComplete', since: 38 },
  { name: 'onClickToDial', since: 38 },
  { name: 'onNavigationChange', since: 38 },
  { name: 'refreshView', since: 38 },
  { name: 'runApex', since: 38 },
  { name: 'saveLog', since: 38 },
  { name: 'screenPop', since: 38 },
  { name: 'searchAndScreenPop', since: 38 },
  { name: 'setSoftphoneItemIcon', since: 38 },
  { name: 'setSoftphoneItemLabel', since: 38 },
  { name: 'setSoftphonePanelHeight', since: 38 },
  { name: 'setSoftphonePanelIcon', since: 38 },
  { name: 'setSoftphonePanelLabel', since: 38 },
  { name: 'setSoftphonePanelVisibility', since: 38 },
  { name: 'setSoftphonePanelWidth', since: 38 },
  { name: 'hvs.onWorkStart', since: 46 },
  { name: 'hvs.completeWork', since: 46 },
  { name: 'publish', since: 47 },
  { name: 'subscribe', since: 47 },
  { name: 'unsubscribe', since: 47 },
];

/** Frame → console messages. */
export type FrameMessage =
  | { protocol: typeof PROTOCOL; kind: 'hello'; instanceId: string; apiVersion: string }
  | { protocol: typeof PROTOCOL; kind: 'call'; instanceId: string; requestId: number; method: string; args: WireValue };

/** Console → frame messages. */
export type ConsoleMessage =
  | { protocol: typeof PROTOCOL; kind: 'welcome'; instanceId: string }
  | { protocol: typeof PROTOCOL; kind: 'response'; instanceId: string; requestId: number; response: OpenCtiResponse }
  | { protocol: typeof PROTOCOL; kind: 'event'; instanceId: string; listenerId: string; payload: WireValue };

// ------------------------------------------------------------------------------------------------
// Console page view model (server → console page over server-sent events)

export interface FieldView {
  name: string;
  label: string;
  value: string;
  /** Present on dialable phone fields: a click-to-dial link when click-to-dial is enabled. */
  dial?: { number: string };
  /** Present on references: the record it points at. */
  link?: { recordId: string };
}

export interface RowView {
  recordId: string;
  objectType: string;
  name: string;
  fields: FieldView[];
}

export interface ActivityView {
  id: string;
  subject: string;
  status: string;
  callType: string;
  durationSeconds: number | null;
  disposition: string;
  comments: string;
  who: string;
  what: string;
  lastModified: string;
}

export type PageView =
  | { kind: 'home'; title: string; recent: RowView[] }
  | {
      kind: 'record';
      title: string;
      objectType: string;
      objectLabel: string;
      recordId: string;
      personAccount: boolean;
      fields: FieldView[];
      related: Array<{ label: string; rows: RowView[] }>;
      activity: ActivityView[];
    }
  | { kind: 'search'; title: string; searchString: string; groups: Array<{ objectType: string; label: string; rows: RowView[] }> }
  | { kind: 'objecthome' | 'list'; title: string; scope: string; listViewId: string | null; rows: RowView[] }
  | { kind: 'url'; title: string; url: string; query: Array<[string, string]> }
  | { kind: 'flow'; title: string; flowDevName: string; flowArgs: WireValue };

export interface TabView {
  id: string;
  label: string;
  kind: PageView['kind'];
  closable: boolean;
  active: boolean;
}

export interface ModalView {
  entityName: string;
  label: string;
  fields: Array<{ name: string; label: string; type: string; value: string; required: boolean }>;
  error: string | null;
}

export interface OmniView {
  loggedIn: boolean;
  statusId: string | null;
  statusName: string | null;
  statuses: Array<{ statusId: string; statusName: string; statusApiName: string; away: boolean }>;
  configuredCapacity: number;
  workload: number;
  works: Array<{ workId: string; workItemId: string; state: string }>;
}

export interface ConsoleView {
  windowId: string;
  orgName: string;
  userName: string;
  frame: { url: string; generation: number; standby: boolean };
  utility: {
    itemIcon: string;
    itemLabel: string;
    panelIcon: string;
    panelLabel: string;
    panelOpen: boolean;
    height: number;
    width: number;
    clickToDialEnabled: boolean;
  };
  tabs: TabView[];
  page: PageView;
  modal: ModalView | null;
  omni: OmniView;
  customers: Array<{ from: string; fromName: string; note: string }>;
  customerCall: { interactionId: string; from: string; fromName: string } | null;
  cicControlConfigured: boolean;
  notice: string | null;
}

export type ServerEvent =
  | { type: 'state'; state: ConsoleView }
  | { type: 'deliver'; instanceId: string; listenerId: string; payload: WireValue }
  | { type: 'reload' }
  /** Answers `POST /__console/v1/windows/{id}/sync`: everything sent before it has been received. */
  | { type: 'sync'; token: string };
