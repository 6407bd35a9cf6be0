/** Test support: the inputs that log an agent on, and states built from them. */
import type { Input } from '../inputs.js';
import { initialSoftphoneState, type SoftphoneState } from '../softphone-state.js';
import { added, ALL_LICENCES, ALL_RIGHTS, CATALOG, inbound, ME, run, T0 } from './fixtures.js';

/** Options for {@link loggedOn}. */
export interface AgentOptions {
  readonly rights?: readonly string[];
  readonly licences?: readonly string[];
  readonly station?: boolean;
  readonly pageHidden?: boolean;
  readonly agreement?: string | null;
}

/** The inputs that take a fresh panel to a logged-on agent. */
export function logonInputs(options: AgentOptions = {}): Input[] {
  const inputs: Input[] = [
    {
      kind: 'obs.panel.config',
      now: T0,
      config: {
        server: 'cic1.example.com',
        allowedIdentityProviders: null,
        alternateServers: [],
        allowedAuthTypes: { ic: true, sso: true },
        queueRetentionSeconds: 120,
        wrapUpPromptSeconds: 60,
        snippetRecordingEnabled: true,
        passwordWarningDays: 7,
      },
    },
    {
      kind: 'obs.serverInfo',
      server: 'cic1.example.com',
      info: {
        allowIcAuth: true,
        identityProviders: [{ id: 'okta', displayName: 'Okta' }],
        userAgreementText: options.agreement ?? null,
      },
    },
    { kind: 'intent.logon', auth: { type: 'ic', userId: ME, password: 'secret' }, alwaysUseAuthType: false },
    {
      kind: 'obs.session.connected',
      sessionId: 's1',
      user: { userId: ME, displayName: 'Agent One' },
      icServer: 'CIC1',
      features: { messaging: 2 },
      effectiveStation: null,
      alternateHosts: ['cic2.example.com'],
      serverTime: T0,
      daysUntilPasswordExpiration: 30,
    },
  ];
  if (options.agreement) inputs.push({ kind: 'intent.agreement.accept' });
  inputs.push(
    {
      kind: 'obs.user.rights',
      rights: options.rights ?? ALL_RIGHTS,
      licences: options.licences ?? ALL_LICENCES,
    },
    { kind: 'obs.storage.userPrefs', userId: ME, prefs: null },
  );
  if (options.station !== false) {
    inputs.push(
      { kind: 'intent.selectStation', choice: { kind: 'workstation', name: '7001' }, remember: false },
      {
        kind: 'obs.station.changed',
        station: {
          kind: 'workstation',
          id: '7001',
          displayName: '7001',
          remoteNumber: null,
          persistent: false,
        },
      },
    );
  }
  inputs.push(
    { kind: 'obs.status.catalog', isDelta: false, upserted: CATALOG, removed: [] },
    {
      kind: 'obs.status.access',
      userId: ME,
      isDelta: false,
      added: CATALOG.map((s) => s.statusId).filter((s) => s !== 'Gone Home'),
      removed: [],
    },
    {
      kind: 'obs.status.user',
      isDelta: false,
      statuses: [
        { userId: ME, statusId: 'Available', loggedIn: true, onPhone: false, changedAt: T0 - 60_000 },
      ],
    },
    {
      kind: 'obs.config.wrapUpCodes',
      workgroups: [
        {
          workgroup: 'Support',
          codes: [
            { id: 'W2', label: 'Sale', description: 'Sale made' },
            { id: 'W1', label: 'Billing', description: 'Billing question' },
          ],
        },
      ],
    },
    { kind: 'obs.queue.snapshot', interactions: [] },
  );
  if (options.pageHidden) inputs.push({ kind: 'obs.page.visibility', hidden: true });
  return inputs;
}

/** A logged-on agent (all rights and licences, workstation 7001, status Available, empty queue). */
export function loggedOn(options: AgentOptions = {}): SoftphoneState {
  return run(initialSoftphoneState(T0), ...logonInputs(options)).state;
}

/** A logged-on agent with one inbound call in the given state letter. */
export function withCall(
  id: string,
  letter: string,
  caps: number,
  options: AgentOptions = {},
  extra: Record<string, string> = {},
): SoftphoneState {
  return run(loggedOn(options), added(id, inbound(letter, caps, extra), T0 + 1000)).state;
}
