/**
 * Settings that come from the deployment rather than from CIC: the call-center definition in
 * Salesforce, read by the runtime and handed to the domain as `obs.panel.config`.
 */
export interface PanelConfig {
  /** The CIC server; when set, the server field is hidden and the agent cannot change it. */
  readonly server: string | null;
  /** Identity providers the call center allows (ids); `null` allows every one the server offers. */
  readonly allowedIdentityProviders: readonly string[] | null;
  /** Alternate CIC servers (switchover peer, other Session Managers) to try after `server`. */
  readonly alternateServers: readonly string[];
  /** Authentication types the call center allows (the server's own offer still applies). */
  readonly allowedAuthTypes: { readonly ic: boolean; readonly sso: boolean };
  /** How long disconnected interactions stay in My Interactions before deallocation. */
  readonly queueRetentionSeconds: number;
  /** How long the wrap-up prompt stays open; `null` means "until the interaction is deallocated". */
  readonly wrapUpPromptSeconds: number | null;
  /** Interaction Recorder "Enable Snippet Recordings"; without it the Snip control is hidden. */
  readonly snippetRecordingEnabled: boolean;
  /** Days before password expiry from which the panel reminds the agent. */
  readonly passwordWarningDays: number;
}

/** Disconnected interactions stay about two minutes (PureConnect for Salesforce help). */
export const DEFAULT_QUEUE_RETENTION_SECONDS = 120;

/** Defaults used until the runtime reports the call-center settings. */
export function defaultPanelConfig(): PanelConfig {
  return {
    server: null,
    allowedIdentityProviders: null,
    alternateServers: [],
    allowedAuthTypes: { ic: true, sso: true },
    queueRetentionSeconds: DEFAULT_QUEUE_RETENTION_SECONDS,
    wrapUpPromptSeconds: null,
    snippetRecordingEnabled: true,
    passwordWarningDays: 7,
  };
}
