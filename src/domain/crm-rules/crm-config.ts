/**
 * The CRM settings the domain's rules read, already validated (the adapter parses the call-center
 * settings; see `src/crm/open-cti/settings.ts`). Plain JSON data.
 */

/** Where a custom interaction attribute sends the screen pop. */
export type AttributePopType = 'url' | 'search';

export interface ScreenPopSettings {
  readonly enabled: boolean;
  /** Object of the new-record modal when the search finds nothing (e.g. `Contact`). */
  readonly newRecordObject: string;
  /** Interaction attribute that drives the pop instead of the caller number; `''` = off. */
  readonly attributeName: string;
  readonly attributePopType: AttributePopType;
  /** Relative URL popped for `url`; `{key}` is replaced, a Visualforce page gets `?key=`. */
  readonly attributePopUrl: string;
}

export interface CallLogSettings {
  readonly enabled: boolean;
  /** How long a log stays editable after disconnect (ms). */
  readonly editWindowMs: number;
  /** Interaction attribute (or keyword ANI, DNIS, Conference) → Task field. */
  readonly attributeMap: readonly (readonly [string, string])[];
  /** Records the agent navigates to during a call join Name / Related To. */
  readonly autoAssociateOnNavigation: boolean;
}

export interface CrmSettings {
  readonly screenPop: ScreenPopSettings;
  readonly callLog: CallLogSettings;
  /** Open the panel when an interaction starts alerting. */
  readonly showOnAlerting: boolean;
  /** BCP 47 tag for subjects and labels (`en-US`). */
  readonly locale: string;
  /** IANA time zone for subjects (`Europe/Paris`). */
  readonly timeZone: string;
}

/** Default edit window after disconnect: two minutes. */
export const DEFAULT_EDIT_WINDOW_MS = 2 * 60 * 1000;

/** The settings used when the call center says nothing. */
export function defaultCrmSettings(): CrmSettings {
  return {
    screenPop: {
      enabled: true,
      newRecordObject: 'Contact',
      attributeName: '',
      attributePopType: 'url',
      attributePopUrl: '',
    },
    callLog: {
      enabled: true,
      editWindowMs: DEFAULT_EDIT_WINDOW_MS,
      attributeMap: [],
      autoAssociateOnNavigation: true,
    },
    showOnAlerting: true,
    locale: 'en-US',
    timeZone: 'UTC',
  };
}
