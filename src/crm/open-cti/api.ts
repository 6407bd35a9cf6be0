/**
 * The one place that talks to `sforce.opencti` (Lightning Open CTI): every method goes through
 * {@link OpenCti.call}, which turns the library's `callback({success, returnValue, errors})` into
 * a promise that resolves with `returnValue` or rejects with an {@link OpenCtiError}. Open CTI is
 * being retired (2028): keeping it behind this seam lets a successor connector replace it.
 */

/** The Open CTI API version the panel loads and is written against (the VF page pins the same). */
export const OPEN_CTI_API_VERSION = '62.0';

/** The library's path on the Salesforce origin for the pinned version. */
export function openCtiScriptUrl(sfdcOrigin: string): string {
  return `${sfdcOrigin}/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js`;
}

export interface OpenCtiErrorItem {
  readonly code: string;
  readonly description: string;
  readonly details?: unknown;
}

/** A failed Open CTI call: the first error's code and description, all errors kept. */
export class OpenCtiError extends Error {
  readonly code: string;
  constructor(
    readonly method: string,
    readonly errors: readonly OpenCtiErrorItem[],
  ) {
    const first = errors[0];
    super(`${method}: ${first ? `${first.code} ${first.description}` : 'failed without an error'}`);
    this.name = 'OpenCtiError';
    this.code = first?.code ?? 'GENERIC_ERROR';
  }
  /** What an agent or admin can read: the descriptions, or DML messages for saveLog. */
  get description(): string {
    return this.errors.map((e) => e.description).join('; ');
  }
}

/** Methods this panel uses (arguments are checked by Salesforce; we pass the documented shapes). */
export type OpenCtiMethod =
  | 'getCallCenterSettings'
  | 'notifyInitializationComplete'
  | 'enableClickToDial'
  | 'disableClickToDial'
  | 'screenPop'
  | 'searchAndScreenPop'
  | 'saveLog'
  | 'runApex'
  | 'refreshView'
  | 'getAppViewInfo'
  | 'setSoftphonePanelVisibility'
  | 'isSoftphonePanelVisible'
  | 'setSoftphoneItemIcon'
  | 'setSoftphoneItemLabel'
  | 'setSoftphonePanelHeight'
  | 'setSoftphonePanelWidth'
  | 'publish';

export type OpenCtiListenerMethod = 'onClickToDial' | 'onNavigationChange';

/** The shape of `window.sforce.opencti` we rely on. */
export interface OpenCtiLibrary {
  readonly SCREENPOP_TYPE: Readonly<Record<string, string>>;
  readonly CALL_TYPE: Readonly<Record<string, string>>;
  readonly [method: string]: unknown;
}

interface RawResponse {
  readonly success?: unknown;
  readonly returnValue?: unknown;
  readonly errors?: unknown;
}

function errorsOf(raw: unknown): OpenCtiErrorItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((e: unknown) => {
    const item = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; description?: unknown; details?: unknown };
    return {
      code: typeof item.code === 'string' ? item.code : 'GENERIC_ERROR',
      description: typeof item.description === 'string' ? item.description : String(e),
      ...(item.details === undefined ? {} : { details: item.details }),
    };
  });
}

export class OpenCti {
  constructor(private readonly lib: OpenCtiLibrary) {}

  /** Calls `method` with `args` plus a callback; resolves with `returnValue`. */
  call<T = unknown>(method: OpenCtiMethod, args: Readonly<Record<string, unknown>> = {}): Promise<T> {
    const fn = this.lib[method];
    if (typeof fn !== 'function') {
      return Promise.reject(new OpenCtiError(method, [{ code: 'GENERIC_ERROR', description: `sforce.opencti.${method} is not available` }]));
    }
    return new Promise<T>((resolve, reject) => {
      const callback = (response: RawResponse | undefined): void => {
        if (response?.success === true) resolve(response.returnValue as T);
        else reject(new OpenCtiError(method, errorsOf(response?.errors)));
      };
      try {
        (fn as (a: unknown) => void).call(this.lib, { ...args, callback });
      } catch (error) {
        reject(new OpenCtiError(method, [{ code: 'GENERIC_ERROR', description: error instanceof Error ? error.message : String(error) }]));
      }
    });
  }

  /** Registers a listener (`onClickToDial`, `onNavigationChange`): they take `listener` only. */
  listen(method: OpenCtiListenerMethod, listener: (payload: unknown) => void): void {
    const fn = this.lib[method];
    if (typeof fn !== 'function') throw new OpenCtiError(method, [{ code: 'GENERIC_ERROR', description: `sforce.opencti.${method} is not available` }]);
    (fn as (a: unknown) => void).call(this.lib, { listener });
  }

  /** `sforce.opencti.SCREENPOP_TYPE[name]` (values are not documented: always read them). */
  popType(name: 'SOBJECT' | 'URL' | 'SEARCH' | 'NEW_RECORD_MODAL'): string {
    const value = this.lib.SCREENPOP_TYPE[name];
    if (value === undefined) throw new OpenCtiError('screenPop', [{ code: 'GENERIC_ERROR', description: `SCREENPOP_TYPE.${name} is not defined` }]);
    return value;
  }

  /** `sforce.opencti.CALL_TYPE[name]`. */
  callType(name: 'INBOUND' | 'OUTBOUND' | 'INTERNAL'): string {
    const value = this.lib.CALL_TYPE[name];
    if (value === undefined) throw new OpenCtiError('searchAndScreenPop', [{ code: 'GENERIC_ERROR', description: `CALL_TYPE.${name} is not defined` }]);
    return value;
  }
}

/** The Salesforce origin when this page runs in the Lightning softphone frame (`null` otherwise). */
export function detectOpenCti(location: Pick<Location, 'search'>): string | null {
  const params = new URLSearchParams(location.search);
  if (params.get('mode') !== 'Lightning') return null;
  const origin = params.get('sfdcIframeOrigin');
  if (origin === null) return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

type WindowWithSforce = Window & { sforce?: { opencti?: OpenCtiLibrary } };

/**
 * `sforce.opencti` from the page (the Visualforce page loads `opencti_min.js` first); an
 * externally hosted page gets the pinned version injected from the Salesforce origin.
 */
export function loadOpenCtiLibrary(win: Window, sfdcOrigin: string): Promise<OpenCtiLibrary> {
  const existing = (win as WindowWithSforce).sforce?.opencti;
  if (existing !== undefined) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = openCtiScriptUrl(sfdcOrigin);
    script.onload = () => {
      const lib = (win as WindowWithSforce).sforce?.opencti;
      if (lib === undefined) reject(new Error('opencti_min.js loaded but sforce.opencti is missing'));
      else resolve(lib);
    };
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    win.document.head.append(script);
  });
}
