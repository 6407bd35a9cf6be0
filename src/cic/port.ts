/**
 * The domain's {@link CicPort} on top of the typed ICWS client: each port call is one or a few
 * ICWS requests, and every pushed message is validated (by the client) and mapped here onto the
 * domain's observations. Nothing in this file decides agent behaviour; it only translates.
 */
import {
  Attr,
  LogonFailure,
  parseWireTime,
  type CicPort,
  type CommandErrorKind,
  type InteractionCommand,
  type Observation,
  type PortFailure,
} from '../domain/index.js';
import { CicClient } from './client.js';
import type { CicClientOptions } from './client.js';
import { CicSession } from './session.js';
import type { ConnectionResponse } from './schemas/connection.js';
import { CicConnector } from './connector.js';
import type { LogonAuth as WireAuth } from './connector.js';
import { CicError, isCicError, toPortFailure } from './errors.js';
import type { FetchLike } from './http.js';
import type { MessagingOptions } from './messaging.js';
import { Reconnector } from './reconnect.js';
import type { LogonAttempt, ProbeResult, ReconnectHost, ReconnectOptions } from './reconnect.js';
import type { StationChoice as WireStation } from './api/station-api.js';
import type { TransferTarget as WireTarget } from './api/transfers-api.js';
import { QueueType } from './schemas/common.js';
import type { ConfigurationItem } from './schemas/configuration.js';
import { isDownState } from './schemas/connection.js';
import type { StationInformation } from './schemas/station.js';
import { StationSetting } from './schemas/station.js';
import type { ContactEntry, LookupEntry } from './schemas/directories.js';
import { LookupComparisonType, LookupEntryProperty, LookupEntryType } from './schemas/directories.js';
import { HistoryDirection, HistoryStatus, isUnrecognized } from './schemas/messages.js';
import type { CicMessage, KnownMessage, MessageOf } from './schemas/messages.js';
import { PasswordPolicyErrorId } from './schemas/connection.js';

type Obs<K extends Observation['kind']> = Extract<Observation, { kind: K }>;
type PortArgs<M extends keyof CicPort> = CicPort[M] extends (arg: infer A) => unknown ? A : never;
type Msg<T extends string> = MessageOf<Extract<KnownMessage['__type'], `urn:inin.com:${T}`>>;

export interface CicPortOptions {
  /** `applicationName` of every logon (shown to supervisors). */
  readonly applicationName: string;
  /** `Accept-Language` for the session. */
  readonly language?: string;
  readonly fetch?: FetchLike;
  readonly messaging?: MessagingOptions;
  /** Interaction attributes to watch besides the `Eic_*` set the domain reads (screen-pop keys). */
  readonly extraAttributes?: readonly string[];
  /**
   * Runs the single sign-on dance for an identity provider (a popup on the CIC server that posts
   * back `icwsSsoComplete`) and resolves with the token. Without it SSO is reported unavailable.
   */
  readonly singleSignOn?: (server: string, identityProviderId: string) => Promise<string>;
  /** Alternates remembered from an earlier logon (switchover peers). */
  readonly rememberedAlternates?: readonly string[];
  /** Backoff, clock and randomness of reconnecting (see reconnect.ts); defaults are real. */
  readonly reconnect?: ReconnectOptions;
}

/** The port plus what the composition root needs to see (the live client, for diagnostics). */
export interface IcwsCicPort extends CicPort {
  readonly client: CicClient | null;
  /** The live session as plain data for another tab of this origin (kept in memory, never stored). */
  sharedSession(): SharedCicSession | null;
  /**
   * Continues a session another tab logged on (no new logon): checks it is alive, starts messaging
   * and answers like a logon; the domain then re-subscribes. Rejects when the session is gone.
   */
  adoptSession(shared: SharedCicSession): Promise<Obs<'obs.session.connected'>>;
}

/** What a tab hands the next leading tab (the `icws_<id>` cookie stays with the browser). */
export interface SharedCicSession {
  readonly baseUrl: string;
  readonly language: string;
  readonly response: ConnectionResponse;
  readonly alternates: readonly string[];
}

const MY_INTERACTIONS = 'my-interactions';
const USER_CONFIG = 'own-user';
const WORKGROUP_CONFIG = 'own-workgroups';
const WRAP_UP_CONFIG = 'wrap-up-codes';
const ACCOUNT_CONFIG = 'account-codes';
const ACTIVATIONS = 'own-activations';
const DIRECTORY_ID = 'CompanyDirectory';
/** `PasswordPolicyErrorId` numbers to the domain's names (`TooShort` → `tooShort`). */
const PASSWORD_ERRORS = Object.fromEntries(
  Object.entries(PasswordPolicyErrorId).map(([name, id]) => [
    id,
    `${name[0]?.toLowerCase() ?? ''}${name.slice(1)}`,
  ]),
) as Readonly<Record<number, string>>;

/** A port failure carrying the domain's error kind (`portKind`), whatever threw. */
class PortError extends Error implements PortFailure {
  readonly kind: CommandErrorKind;
  readonly portKind: CommandErrorKind;
  readonly errorId: string | null;
  constructor(failure: PortFailure) {
    super(failure.message ?? failure.kind);
    this.kind = failure.kind;
    this.portKind = failure.kind;
    this.errorId = failure.errorId;
  }
}

function fail(error: unknown): never {
  throw new PortError(toPortFailure(error));
}

/** Logon failures by the server's `errorId` (and HTTP status when there is none). */
function logonFailure(error: unknown): Obs<'obs.logon.failed'> {
  const reason = ((): LogonFailure => {
    if (!isCicError(error)) return LogonFailure.Unknown;
    if (error.kind === 'network') return LogonFailure.Unreachable;
    if (error.kind !== 'http') return LogonFailure.Unknown;
    const id = (error.errorId ?? '').toLowerCase();
    if (id.includes('authenticationfailure')) return LogonFailure.BadCredentials;
    if (id.includes('singlesignon')) return LogonFailure.SsoFailed;
    if (id.includes('stationinuse')) return LogonFailure.StationInUse;
    if (id.includes('stationaccessdenied')) return LogonFailure.StationAccessDenied;
    if (id === '-2147221496' || id.includes('stationnotfound')) return LogonFailure.StationNotFound;
    if (id.includes('licenseunavailable')) return LogonFailure.LicenceUnavailable;
    if (id.includes('notacceptingconnections') || error.status === 503)
      return LogonFailure.SwitchoverRedirect;
    if (error.status !== null && error.status >= 500) return LogonFailure.ServerUnavailable;
    return LogonFailure.Unknown;
  })();
  return { kind: 'obs.logon.failed', reason, errorId: isCicError(error) ? error.errorId : null };
}

function wireStation(choice: PortArgs<'setStation'>['choice']): WireStation | null {
  switch (choice.kind) {
    case 'workstation':
      return { kind: 'workstation', workstation: choice.name };
    case 'remoteWorkstation':
      return { kind: 'remoteWorkstation', workstation: choice.name };
    case 'remoteNumber':
      return { kind: 'remoteNumber', remoteNumber: choice.number, persistentConnection: choice.persistent };
    case 'webBasedPhone':
      return null;
  }
}

function stationInfo(info: StationInformation | null): Obs<'obs.station.changed'>['station'] {
  if (info === null || (!info.id && !info.remoteNumber)) return null;
  const kind =
    info.stationSetting === StationSetting.Workstation
      ? 'workstation'
      : info.stationSetting === StationSetting.RemoteWorkstation
        ? 'remoteWorkstation'
        : info.stationSetting === StationSetting.RemoteNumber
          ? 'remoteNumber'
          : 'existing';
  const id = info.id ?? info.remoteNumber ?? '';
  return {
    kind,
    id,
    displayName: id,
    remoteNumber: info.remoteNumber ?? null,
    persistent: false,
  };
}

function wireTarget(target: PortArgs<'startConsult'>['target']): WireTarget {
  switch (target.kind) {
    case 'user':
      return { queue: { queueType: QueueType.User, queueName: target.userId } };
    case 'workgroup':
      return { queue: { queueType: QueueType.Workgroup, queueName: target.name } };
    case 'station':
      return { queue: { queueType: QueueType.Station, queueName: target.stationId } };
    case 'attendantProfile':
      return { target: target.name };
    case 'number':
      return { target: target.number };
  }
}

function wireAudience(audience: Obs<'obs.consult.audience'>['audience']): {
  originalParty: boolean;
  consultedParty: boolean;
} {
  return {
    originalParty: audience === 'caller' || audience === 'both',
    consultedParty: audience === 'consultant' || audience === 'both',
  };
}

/** Reads one property of a configuration item (the schema keeps unknown properties loosely). */
function prop(item: ConfigurationItem, name: string): unknown {
  return (item as Record<string, unknown>)[name];
}

function refIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry === 'object' && entry !== null) {
      const id = (entry as { id?: unknown }).id;
      if (typeof id === 'string' && id !== '') return [id];
    }
    return [];
  });
}

function refLabels(value: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  if (!Array.isArray(value)) return labels;
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, displayName } = entry as { id?: unknown; displayName?: unknown };
    if (typeof id === 'string') labels.set(id, typeof displayName === 'string' ? displayName : id);
  }
  return labels;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function phone(
  value: { displayString?: string | undefined; standardizedNumber?: string | undefined } | undefined,
): string {
  return value?.displayString ?? value?.standardizedNumber ?? '';
}

/** The port. One instance serves one panel; a logoff or lost session leaves it ready for the next logon. */
export function createCicPort(options: CicPortOptions): IcwsCicPort {
  const listeners = new Set<(observation: Observation) => void>();
  const emit = (observation: Observation): void => {
    for (const listener of [...listeners]) listener(observation);
  };

  let client: CicClient | null = null;
  let server: URL | null = null;
  /**
   * The IC credentials of the current logon, for a silent logon after the session is lost. Held
   * only in this closure (never in state, storage, logs or anything shared with other tabs) and
   * dropped on logoff, on giving up and when the agent logs on again. SSO tokens are single-use:
   * an SSO session that is lost cannot come back without the agent.
   */
  let credentials: { readonly userId: string; readonly password: string } | null = null;
  /** The last subscription request, replayed when a session resumes after a network break. */
  let lastSubscribe: PortArgs<'subscribe'> | null = null;
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  /** Every request goes through here: a network failure on a live session starts reconnecting. */
  const watchedFetch: FetchLike = async (input, init) => {
    try {
      return await baseFetch(input, init);
    } catch (error) {
      if (init?.signal?.aborted !== true) linkFailed('network');
      throw error;
    }
  };
  const linkFailed = (reason: string): void => {
    if (client !== null && !client.session.ended) reconnector.linkFailed(reason);
  };
  let alternates: readonly string[] = options.rememberedAlternates ?? [];
  let detach: (() => void)[] = [];
  /** A session whose password has expired: kept only to change the password, then closed. */
  let expired: CicClient | null = null;
  let watched: readonly string[] = [];
  let ownUserId = '';
  let rights: readonly string[] = [];
  let workgroups: readonly string[] = [];
  let wrapUpByWorkgroup = new Map<string, readonly string[]>();
  let wrapUpLabels = new Map<string, string>();
  let accountCodes = new Map<string, string>();
  const pendingDirectory = new Map<string, (message: Msg<'directories:directoryMessage'>) => void>();
  let directorySequence = 0;

  const connector = (base: string | null): CicConnector => {
    const target = base ?? server?.href ?? null;
    if (target === null) throw new CicError({ kind: 'network', operation: 'POST connection' });
    const clientOptions: Omit<CicClientOptions, 'fetch'> = options.messaging
      ? { messaging: options.messaging }
      : {};
    return new CicConnector({
      server: target,
      applicationName: options.applicationName,
      ...(options.language ? { language: options.language } : {}),
      fetch: watchedFetch,
      rememberedAlternates: alternates,
      client: clientOptions,
    });
  };

  const live = (operation: string): CicClient => {
    if (client === null) throw new CicError({ kind: 'session-lost', operation, reason: 'not logged on' });
    return client;
  };

  const iconUrl = (uri: string): string => {
    if (uri === '' || client === null) return uri;
    try {
      return new URL(uri, client.session.url('').origin).href;
    } catch {
      return uri;
    }
  };

  const closeClient = (): void => {
    for (const off of detach) off();
    detach = [];
    const old = client;
    client = null;
    if (old) void old.stopMessaging();
    for (const resolve of pendingDirectory.values())
      resolve({
        __type: 'urn:inin.com:directories:directoryMessage',
        isDelta: false,
        subscriptionId: '',
      });
    pendingDirectory.clear();
  };

  const emitWrapUpCodes = (): void => {
    emit({
      kind: 'obs.config.wrapUpCodes',
      workgroups: [...wrapUpByWorkgroup].map(([workgroup, ids]) => ({
        workgroup,
        codes: ids.map((id) => {
          const label = wrapUpLabels.get(id) ?? id;
          return { id, label, description: label };
        }),
      })),
    });
  };

  const onUser = (message: Msg<'configuration.people:usersMessage'>): void => {
    const items = [...(message.added ?? []), ...(message.changed ?? [])];
    const own = items.find((item) => item.configurationId.id.toLowerCase() === ownUserId.toLowerCase());
    if (own === undefined) return;
    rights = refIds(prop(own, 'securityRights'));
    const licence = prop(own, 'licenseProperties') as { additionalLicenses?: unknown } | undefined;
    const licences = refIds(licence?.additionalLicenses);
    emit({ kind: 'obs.user.rights', rights: [...rights], licences });
    const groups = refIds(prop(own, 'workgroups'));
    if (groups.join('\n') !== workgroups.join('\n')) {
      workgroups = groups;
      void subscribeWorkgroups();
    }
  };

  const subscribeWorkgroups = async (): Promise<void> => {
    const session = client;
    if (session === null || workgroups.length === 0) return;
    await Promise.allSettled([
      session.subscriptions.configuration('workgroups', WORKGROUP_CONFIG, {
        configurationIds: [...workgroups],
        properties: ['wrapUpCodes'],
      }),
      session.subscriptions.userActivations(ACTIVATIONS, ownUserId, [...workgroups]),
    ]);
  };

  const onMessage = (message: CicMessage): void => {
    if (isUnrecognized(message)) return;
    translate(message);
  };

  const translate = (message: KnownMessage): void => {
    switch (message.__type) {
      case 'urn:inin.com:connection:connectionStateChangeMessage': {
        const down = isDownState(message.newConnectionState);
        emit({
          kind: 'obs.connection.state',
          state: down ? 'down' : 'up',
          reason: message.reason ?? null,
          shouldReconnect: message.shouldReconnect ?? false,
        });
        return;
      }
      case 'urn:inin.com:connection:stationConnectionStateChangeMessage':
        emit({ kind: 'obs.station.changed', station: stationInfo(message.newStationInfo) });
        return;
      case 'urn:inin.com:queues:queueContentsMessage': {
        if (message.subscriptionId !== MY_INTERACTIONS) return;
        const item = (entry: {
          interactionId: string;
          attributes: Record<string, string>;
          conferenceParentId?: string | null | undefined;
        }) => ({
          interactionId:
            entry.interactionId as Obs<'obs.queue.snapshot'>['interactions'][number]['interactionId'],
          attributes: entry.attributes,
          ...(entry.conferenceParentId !== undefined ? { conferenceParentId: entry.conferenceParentId } : {}),
        });
        if (!message.isDelta) {
          emit({ kind: 'obs.queue.snapshot', interactions: (message.interactionsAdded ?? []).map(item) });
        } else {
          emit({
            kind: 'obs.queue.delta',
            added: (message.interactionsAdded ?? []).map(item),
            changed: (message.interactionsChanged ?? []).map(item),
            removed: (message.interactionsRemoved ?? []) as Obs<'obs.queue.delta'>['removed'][number][],
          });
        }
        return;
      }
      case 'urn:inin.com:interactions:historyMessage':
        emit({
          kind: 'obs.history',
          isDelta: message.isDelta,
          entries: message.interactionHistory.map((entry) => ({
            interactionId: entry.interactionId,
            direction:
              entry.direction === HistoryDirection.Incoming
                ? 'incoming'
                : entry.direction === HistoryDirection.Outgoing
                  ? 'outgoing'
                  : 'none',
            outcome:
              entry.interactionHistoryStatus === HistoryStatus.Connected
                ? 'connected'
                : entry.interactionHistoryStatus === HistoryStatus.Forwarded
                  ? 'forwarded'
                  : 'none',
            initiatedAt: parseWireTime(entry.initiationTime) ?? 0,
            terminatedAt: parseWireTime(entry.terminationTime ?? null),
            remoteAddress: entry.remoteAddress ?? '',
            remoteName: entry.remoteName ?? '',
            remoteId: entry.remoteId ?? '',
          })),
        });
        return;
      case 'urn:inin.com:status:userStatusMessage':
        emit({
          kind: 'obs.status.user',
          isDelta: message.isDelta,
          statuses: message.userStatusList.map((s) => ({
            userId: s.userId,
            ...(s.statusId !== undefined ? { statusId: s.statusId } : {}),
            ...(s.notes !== undefined ? { notes: s.notes ?? '' } : {}),
            ...(s.forwardNumber !== undefined ? { forwardNumber: s.forwardNumber ?? '' } : {}),
            ...(s.until !== undefined
              ? {
                  until:
                    s.until === null
                      ? null
                      : {
                          at: parseWireTime(s.until.untilDateTime) ?? 0,
                          hasDate: s.until.hasDate,
                          hasTime: s.until.hasTime,
                        },
                }
              : {}),
            ...(s.loggedIn !== undefined ? { loggedIn: s.loggedIn } : {}),
            ...(s.onPhone !== undefined ? { onPhone: s.onPhone } : {}),
            ...(s.statusChanged !== undefined ? { changedAt: parseWireTime(s.statusChanged) } : {}),
          })),
        });
        return;
      case 'urn:inin.com:status:statusMessagesMessage':
        emit({
          kind: 'obs.status.catalog',
          isDelta: message.isDelta,
          upserted: [...(message.statusMessagesAdded ?? []), ...(message.statusMessagesChanged ?? [])].map(
            (s) => ({
              statusId: s.statusId,
              messageText: s.messageText,
              iconUri: iconUrl(s.iconUri),
              groupTag: s.groupTag,
              canHaveDate: s.canHaveDate,
              canHaveTime: s.canHaveTime,
              isDoNotDisturbStatus: s.isDoNotDisturbStatus,
              isSelectableStatus: s.isSelectableStatus,
              isForwardStatus: s.isForwardStatus,
              isAcdStatus: s.isAcdStatus,
              isAfterCallWorkStatus: s.isAfterCallWorkStatus,
              isPersistentStatus: s.isPersistentStatus,
            }),
          ),
          removed: message.statusMessagesRemoved ?? [],
        });
        return;
      case 'urn:inin.com:status:statusMessagesUserAccessMessage':
        for (const change of message.statusMessagesUserAccessChanges) {
          emit({
            kind: 'obs.status.access',
            userId: change.userId,
            isDelta: message.isDelta,
            added: change.statusMessagesAdded ?? [],
            removed: change.statusMessagesRemoved ?? [],
          });
        }
        return;
      case 'urn:inin.com:status:userStatusPreviousInfoMessage':
        emit({
          kind: 'obs.status.previous',
          entries: message.userStatusPreviousInfoList.map((p) => ({
            statusId: p.statusId,
            notes: p.notes ?? '',
            forwardNumber: p.forwardNumber ?? '',
          })),
        });
        return;
      case 'urn:inin.com:activations:userActivationMessage': {
        const canActivate = rights.some((r) => r.toLowerCase() === 'activateself');
        emit({
          kind: 'obs.activations',
          isDelta: message.isDelta,
          workgroups: Object.entries(message.activationsChanged).map(([workgroup, active]) => ({
            workgroup,
            active,
            canActivate,
          })),
        });
        return;
      }
      case 'urn:inin.com:directories:directoryMessage':
        pendingDirectory.get(message.subscriptionId)?.(message);
        return;
      case 'urn:inin.com:configuration.people:usersMessage':
        if (message.subscriptionId === USER_CONFIG) onUser(message);
        return;
      case 'urn:inin.com:configuration.people:workgroupsMessage': {
        if (message.subscriptionId !== WORKGROUP_CONFIG) return;
        const next = message.isDelta ? new Map(wrapUpByWorkgroup) : new Map<string, readonly string[]>();
        for (const item of [...(message.added ?? []), ...(message.changed ?? [])]) {
          const codes = prop(item, 'wrapUpCodes');
          next.set(item.configurationId.id, refIds(codes));
          for (const [id, label] of refLabels(codes)) if (!wrapUpLabels.has(id)) wrapUpLabels.set(id, label);
        }
        for (const removed of message.removed ?? [])
          next.delete(typeof removed === 'string' ? removed : removed.id);
        wrapUpByWorkgroup = next;
        emitWrapUpCodes();
        return;
      }
      case 'urn:inin.com:configuration.people:wrapUpCodesMessage': {
        if (message.subscriptionId !== WRAP_UP_CONFIG) return;
        const next = message.isDelta ? new Map(wrapUpLabels) : new Map<string, string>();
        for (const item of [...(message.added ?? []), ...(message.changed ?? [])]) {
          const label =
            text(prop(item, 'label')) || item.configurationId.displayName || item.configurationId.id;
          next.set(item.configurationId.id, label);
        }
        wrapUpLabels = next;
        emitWrapUpCodes();
        return;
      }
      case 'urn:inin.com:configuration.people:accountCodesMessage': {
        if (message.subscriptionId !== ACCOUNT_CONFIG) return;
        const next = message.isDelta ? new Map(accountCodes) : new Map<string, string>();
        for (const item of [...(message.added ?? []), ...(message.changed ?? [])]) {
          next.set(
            item.configurationId.id,
            text(prop(item, 'description')) || item.configurationId.displayName || '',
          );
        }
        for (const removed of message.removed ?? [])
          next.delete(typeof removed === 'string' ? removed : removed.id);
        accountCodes = next;
        // The simulator models no `account-codes-configuration` object: codes present means enabled.
        emit({
          kind: 'obs.config.accountCodes',
          enabled: next.size > 0,
          codes: [...next].map(([id, description]) => ({ id, description })),
        });
        return;
      }
      default:
        return;
    }
  };

  const attach = (next: CicClient): void => {
    client = next;
    ownUserId = next.userId;
    // A new session has none of the old one's subscriptions: the workgroup ones follow the user's.
    workgroups = [];
    detach = [
      next.onMessage(onMessage),
      next.onMessageError((error) => {
        if (client === next && error.kind === 'network') linkFailed('network');
      }),
      next.onSessionLost((loss) => {
        if (client !== next) return;
        reconnector.sessionLost(loss.reason, loss.shouldReconnect);
      }),
    ];
    next.startMessaging();
  };

  /** Replays the subscriptions on the same session: every one answers with a fresh snapshot. */
  const resubscribe = async (): Promise<void> => {
    if (lastSubscribe !== null) await port.subscribe(lastSubscribe);
    await subscribeWorkgroups();
  };

  const silentLogon = async (signal: AbortSignal): Promise<LogonAttempt> => {
    const held = credentials;
    if (held === null) return { kind: 'fatal', reason: 'no credentials' };
    const via = connector(null);
    let next: CicClient;
    try {
      next = await via.logon({ kind: 'ic', userId: held.userId, password: held.password }, { signal });
    } catch (error) {
      const failed = logonFailure(error);
      const passes: readonly LogonFailure[] = [
        LogonFailure.Unreachable,
        LogonFailure.ServerUnavailable,
        LogonFailure.SwitchoverRedirect,
      ];
      return passes.includes(failed.reason)
        ? { kind: 'retry', reason: failed.reason }
        : { kind: 'fatal', reason: failed.reason };
    }
    if (signal.aborted) {
      void next.logoff().catch(() => undefined);
      return { kind: 'retry', reason: 'stopped' };
    }
    alternates = via.rememberedAlternates;
    server = new URL(next.session.url('').origin);
    const days = next.session.info.daysUntilPasswordExpiration;
    if (days !== undefined && days <= 0) {
      void next.logoff().catch(() => undefined);
      return { kind: 'fatal', reason: LogonFailure.PasswordExpired };
    }
    // The old session (if the server still has it) is left to its idle timeout.
    closeClient();
    attach(next);
    emit(sessionObservation(next));
    return { kind: 'ok' };
  };

  const reconnectHost: ReconnectHost = {
    linkDown(reason) {
      void client?.stopMessaging();
      emit({ kind: 'obs.connection.state', state: 'reconnecting', reason, shouldReconnect: true });
    },
    async probe(signal): Promise<ProbeResult> {
      const current = client;
      if (current === null) return { kind: 'gone', reason: null, shouldReconnect: null };
      try {
        const state = await current.connection.state({ signal });
        return isDownState(state.connectionState)
          ? { kind: 'gone', reason: state.reason ?? null, shouldReconnect: state.shouldReconnect ?? null }
          : { kind: 'alive' };
      } catch (error) {
        if (isCicError(error) && error.kind === 'session-lost')
          return { kind: 'gone', reason: error.reason, shouldReconnect: null };
        return { kind: 'unreachable' };
      }
    },
    async resume() {
      const current = client;
      if (current === null)
        throw new CicError({ kind: 'session-lost', operation: 'resume', reason: 'no session' });
      current.startMessaging();
      await resubscribe();
      if (client !== current) return;
      emit({ kind: 'obs.connection.state', state: 'up', reason: null, shouldReconnect: false });
    },
    sessionGone(reason) {
      closeClient();
      emit({ kind: 'obs.connection.state', state: 'down', reason, shouldReconnect: true });
    },
    canLogOn: () => credentials !== null,
    hasAlternates: () => alternates.length > 0,
    logOn: silentLogon,
    giveUp() {
      closeClient();
      credentials = null;
      emit({ kind: 'obs.session.ended', reason: 'lost' });
    },
  };
  const reconnector = new Reconnector(reconnectHost, options.reconnect);

  const sessionObservation = (next: CicClient): Obs<'obs.session.connected'> => {
    const info = next.session.info;
    const station = info.effectiveStation?.stationId ?? null;
    return {
      kind: 'obs.session.connected',
      sessionId: next.sessionId,
      user: { userId: info.userID ?? '', displayName: info.userDisplayName ?? info.userID ?? '' },
      icServer: info.icServer ?? '',
      features: Object.fromEntries((info.features ?? []).map((f) => [f.featureId, f.version])),
      effectiveStation: station ? { id: station.id, displayName: station.displayName ?? station.id } : null,
      alternateHosts: [...alternates],
      serverTime: parseWireTime(info.serverTimeInfo?.serverUtcTime ?? null),
      daysUntilPasswordExpiration: info.daysUntilPasswordExpiration ?? null,
    };
  };

  const queueAttributes = [...new Set([...Object.values(Attr), ...(options.extraAttributes ?? [])])];

  const port: IcwsCicPort = {
    get client() {
      return client;
    },

    async fetchServerInfo(address) {
      const reply = await connector(address).serverInfo();
      server = new URL(address);
      return {
        kind: 'obs.serverInfo',
        server: address,
        info: {
          allowIcAuth: reply.authentication?.allowIcAuth ?? true,
          identityProviders: (reply.authentication?.identityProviders ?? []).map((p) => ({
            id: p.identityProviderId,
            displayName: p.displayName,
          })),
          userAgreementText: reply.authentication?.userAgreementText ?? null,
        },
      } as Obs<'obs.serverInfo'>;
    },

    async logon(request) {
      if (request.server !== null) server = new URL(request.server);
      // Alternates the deployment names come first in the walk; ones learnt from the server stay.
      alternates = [...new Set([...request.alternates, ...alternates])];
      reconnector.stop();
      closeClient();
      credentials = null;
      lastSubscribe = null;
      let auth: WireAuth;
      if (request.auth.type === 'ic') {
        auth = { kind: 'ic', userId: request.auth.userId, password: request.auth.password };
      } else {
        if (options.singleSignOn === undefined || server === null)
          return { kind: 'obs.logon.failed', reason: LogonFailure.SsoUnavailable, errorId: null };
        try {
          auth = {
            kind: 'sso',
            token: await options.singleSignOn(server.href, request.auth.identityProviderId),
          };
        } catch (error) {
          return {
            kind: 'obs.logon.failed',
            reason: LogonFailure.SsoFailed,
            errorId: isCicError(error) ? error.errorId : null,
          };
        }
      }
      const via = connector(null);
      let next: CicClient;
      try {
        next = await via.logon(auth);
      } catch (error) {
        return logonFailure(error);
      }
      alternates = via.rememberedAlternates;
      server = new URL(next.session.url('').origin);
      const days = next.session.info.daysUntilPasswordExpiration;
      if (days !== undefined && days <= 0) {
        expired = next;
        return { kind: 'obs.logon.failed', reason: LogonFailure.PasswordExpired, errorId: null };
      }
      if (auth.kind === 'ic') credentials = { userId: auth.userId, password: auth.password };
      attach(next);
      return sessionObservation(next);
    },

    async logoff() {
      const current = client;
      reconnector.stop();
      credentials = null;
      lastSubscribe = null;
      closeClient();
      if (current) await current.logoff().catch(() => undefined);
      return { kind: 'obs.session.ended', reason: 'loggedOff' };
    },

    async changePassword(request) {
      const session = expired ?? live('PUT connection/password');
      const result = await session.connection
        .changePassword(request.oldPassword, request.newPassword)
        .catch(fail);
      if (result.changed) {
        if (session === client && credentials !== null)
          credentials = { ...credentials, password: request.newPassword };
        if (session === expired) {
          expired = null;
          await session.logoff().catch(() => undefined);
        }
        return { kind: 'obs.password.changed' };
      }
      return {
        kind: 'obs.password.rejected',
        errors: result.errors.map(
          (e) => (PASSWORD_ERRORS[e.id] ?? 'unknown') as Obs<'obs.password.rejected'>['errors'][number],
        ),
      };
    },

    async subscribe(request) {
      const session = live('subscribe');
      ownUserId = request.userId;
      lastSubscribe = request;
      const subs = session.subscriptions;
      const jobs = request.topics.map((topic): Promise<unknown> => {
        switch (topic) {
          case 'myInteractions':
            return subs.queue(
              MY_INTERACTIONS,
              [{ queueType: QueueType.User, queueName: request.userId }],
              [...new Set([...queueAttributes, ...request.attributes])],
            );
          case 'statusCatalog':
            return subs.statusMessages();
          case 'statusAccess':
            return subs.statusMessagesUserAccess([request.userId]);
          case 'userStatuses':
            return subs.userStatuses([...new Set([request.userId, ...watched])]);
          case 'previousStatus':
            return subs.previousStatusInfo();
          case 'station':
            return subs.station();
          case 'history':
            return subs.interactionHistory();
          case 'activations':
            return Promise.resolve();
          case 'wrapUpCodes':
            return subs.configuration('wrap-up-codes', WRAP_UP_CONFIG, {
              configurationIds: ['*'],
              properties: ['label'],
            });
          case 'accountCodes':
            return subs.configuration('account-codes', ACCOUNT_CONFIG, {
              configurationIds: ['*'],
              properties: ['description'],
            });
          case 'rights':
            return subs.configuration('users', USER_CONFIG, {
              configurationIds: [request.userId],
              properties: ['securityRights', 'licenseProperties', 'workgroups'],
            });
        }
      });
      const results = await Promise.allSettled(jobs);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) fail(failed.reason);
    },

    async watchUserStatuses(request) {
      watched = [...request.userIds];
      const session = live('PUT status/user-statuses');
      await session.subscriptions
        .userStatuses([...new Set([ownUserId, ...watched].filter((id) => id !== ''))])
        .catch(fail);
    },

    async setStation(request) {
      const session = live('PUT connection/station');
      const choice = wireStation(request.choice);
      if (choice === null)
        return { kind: 'obs.logon.failed', reason: LogonFailure.NoStationLicence, errorId: null };
      try {
        await session.station.set(choice);
        const info = await session.station.get();
        const station = stationInfo(info);
        return {
          kind: 'obs.station.changed',
          station:
            station && request.choice.kind === 'remoteNumber'
              ? { ...station, kind: 'remoteNumber', persistent: request.choice.persistent }
              : station,
        };
      } catch (error) {
        return logonFailure(error);
      }
    },

    async setStatus(request) {
      const session = live('PUT status/user-statuses/{userId}');
      const operation = await session.status
        .set(request.userId, {
          statusId: request.statusId,
          ...(request.notes !== null ? { notes: request.notes } : {}),
          ...(request.forwardNumber !== null ? { forwardNumber: request.forwardNumber } : {}),
          ...(request.until !== null
            ? {
                until: {
                  untilDateTime: new Date(request.until.at).toISOString().replace(/[-:]|\.\d+/g, ''),
                  hasDate: request.until.hasDate,
                  hasTime: request.until.hasTime,
                },
              }
            : {}),
        })
        .catch(fail);
      await operation.completion().catch(fail);
    },

    async setActivation(request) {
      await live('PUT activations/users/{userId}')
        .activations.set(request.userId, { [request.workgroup]: request.active })
        .catch(fail);
    },

    async interactionCommand(command: InteractionCommand) {
      const session = live(command.kind);
      const id = command.interactionId;
      const api = session.interactions;
      const run = (): Promise<void> => {
        switch (command.kind) {
          case 'cic.pickup':
            return api.pickup(id);
          case 'cic.hold':
            return api.hold(id, command.on);
          case 'cic.mute':
            return api.mute(id, command.on);
          case 'cic.disconnect':
            return api.disconnect(id);
          case 'cic.record':
            return api.record(id, command.on);
          case 'cic.snip':
            return api.recordSnippet(id, command.on);
          case 'cic.securePause':
            return api.securePause(id, { type: 'default' });
          case 'cic.sendToVoicemail':
            return api.sendToVoicemail(id);
          case 'cic.sendDigits':
            return api.sendDigits(id, command.digits);
          case 'cic.blindTransfer':
            return session.transfers.blindTransfer(id, wireTarget(command.target));
        }
      };
      await run().catch(fail);
    },

    async createCall(request) {
      const id = await live('POST interactions')
        .interactions.createCall({
          target: request.target,
          ...(request.workgroup !== null ? { workgroup: request.workgroup } : {}),
          ...(request.accountCodeId !== null ? { accountCodeId: request.accountCodeId } : {}),
        })
        .catch(fail);
      return {
        kind: 'obs.call.created',
        requestId: request.requestId,
        interactionId: id as Obs<'obs.call.created'>['interactionId'],
      };
    },

    async startConsult(request) {
      const result = await live('POST interactions/{id}/consult')
        .transfers.startConsult(request.interactionId, wireTarget(request.target))
        .catch(fail);
      return {
        kind: 'obs.consult.started',
        interactionId: request.interactionId,
        consultId: result.consultId,
        consultInteractionId:
          result.consultInteractionId as Obs<'obs.consult.started'>['consultInteractionId'],
      };
    },

    async changeConsultAudience(request) {
      await live('change-audience')
        .transfers.changeConsultAudience(
          request.interactionId,
          request.consultId,
          wireAudience(request.audience),
        )
        .catch(fail);
      return { kind: 'obs.consult.audience', consultId: request.consultId, audience: request.audience };
    },

    async concludeConsult(request) {
      await live('conclude').transfers.concludeConsult(request.interactionId, request.consultId).catch(fail);
      return { kind: 'obs.consult.ended', consultId: request.consultId };
    },

    async cancelConsult(request) {
      await live('cancel consult')
        .transfers.cancelConsult(request.interactionId, request.consultId)
        .catch(fail);
      return { kind: 'obs.consult.ended', consultId: request.consultId };
    },

    async conference(request) {
      const transfers = live('conference').transfers;
      if (request.kind === 'cic.conference.create')
        await transfers.createConference(request.interactionIds).catch(fail);
      else await transfers.addToConference(request.conferenceId, request.interactionIds).catch(fail);
    },

    async assignWrapUp(request) {
      await live('wrap-up-assignments')
        .interactions.assignWrapUp(request.interactionId, {
          code: request.codeId,
          segmentId: 1,
          time: new Date().toISOString().replace(/[-:]|\.\d+/g, ''),
          user: request.userId,
          sourceInteractionId: request.interactionId,
        })
        .catch(fail);
      return { kind: 'obs.wrapUp.assigned', interactionId: request.interactionId, codeId: request.codeId };
    },

    async directoryPage(request) {
      const session = live('PUT messaging/subscriptions/directories/{id}');
      directorySequence += 1;
      const subscriptionId = `directory-page-${directorySequence}`;
      const search = request.search.trim();
      const filterItems =
        search === ''
          ? []
          : [
              {
                contactProperty: /^\d+$/.test(search) ? 3 : 26,
                filterType: 1 as const,
                filterExpressions: [search],
              },
            ];
      const arrived = new Promise<Msg<'directories:directoryMessage'>>((resolve) =>
        pendingDirectory.set(subscriptionId, resolve),
      );
      try {
        await session.subscriptions.directory(subscriptionId, {
          directoryID: DIRECTORY_ID,
          index: request.index,
          count: request.count,
          ...(filterItems.length > 0 ? { filterItems } : {}),
        });
      } catch (error) {
        pendingDirectory.delete(subscriptionId);
        fail(error);
      }
      const message = await arrived;
      pendingDirectory.delete(subscriptionId);
      void session.subscriptions.unsubscribeDirectory(subscriptionId).catch(() => undefined);
      if (message.subscriptionId === '')
        fail(new CicError({ kind: 'session-lost', operation: 'directory', reason: 'logged off' }));
      const entries = (message.contactsAdded ?? []).map((c: ContactEntry) => ({
        entryId: c.entryID,
        userId: c.userID ?? null,
        displayName: c.displayName ?? '',
        firstName: c.firstName ?? '',
        lastName: c.lastName ?? '',
        extension: c.extension ?? '',
        number: phone(c.businessPhone) || phone(c.mobilePhone),
      }));
      return {
        kind: 'obs.directory.page',
        requestId: request.requestId,
        index: request.index,
        totalCount: message.totalCount ?? entries.length,
        filteredCount: message.filteredCount ?? entries.length,
        entries,
      };
    },

    async transferSearch(request) {
      const session = live('POST directories/lookup-entries');
      const types = request.targetTypes.map((t) =>
        t === 'user'
          ? LookupEntryType.User
          : t === 'workgroup'
            ? LookupEntryType.Workgroup
            : t === 'attendantProfile'
              ? LookupEntryType.AttendantProfile
              : LookupEntryType.Station,
      );
      const reply = await session.directory
        .lookup({
          lookupEntryTypes: types.length > 0 ? types : [LookupEntryType.User],
          lookupEntryProperties: [
            LookupEntryProperty.DisplayName,
            LookupEntryProperty.FirstName,
            LookupEntryProperty.LastName,
            LookupEntryProperty.Extension,
          ],
          lookupComparisonType: LookupComparisonType.StartsWith,
          lookupString: request.text,
          maxEntries: 25,
        })
        .catch(fail);
      const candidates = reply.lookupEntriesList.flatMap((entry: LookupEntry) => {
        const target = candidateTarget(entry);
        return target === null ? [] : [{ entry, target }];
      });
      const statuses = await Promise.all(
        candidates.map(({ target }) =>
          target.kind === 'user'
            ? session.status.get(target.userId).catch(() => null)
            : Promise.resolve(null),
        ),
      );
      return {
        kind: 'obs.transfer.results',
        requestId: request.requestId,
        candidates: candidates.map(({ entry, target }, i) => {
          const status = statuses[i] ?? null;
          return {
            target,
            extension: entry.extension ?? '',
            firstName: entry.firstName ?? '',
            lastName: entry.lastName ?? '',
            statusId: status?.statusId ?? null,
            loggedIn: status?.loggedIn ?? null,
            onPhone: status?.onPhone ?? null,
          };
        }),
      };
    },

    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    sharedSession() {
      if (client === null) return null;
      const { session } = client;
      return {
        baseUrl: session.baseUrl.href,
        language: session.language,
        response: session.info,
        alternates: [...alternates],
      };
    },

    async adoptSession(shared) {
      reconnector.stop();
      closeClient();
      credentials = null;
      const session = new CicSession({
        baseUrl: new URL(shared.baseUrl),
        response: shared.response,
        cookie: null,
        language: shared.language,
        fetch: watchedFetch,
      });
      const next = new CicClient(session, {
        ...(options.messaging ? { messaging: options.messaging } : {}),
        fetch: watchedFetch,
      });
      const station = stationInfo(await next.station.get().catch(fail));
      server = new URL(shared.baseUrl);
      alternates = shared.alternates;
      attach(next);
      return {
        ...sessionObservation(next),
        effectiveStation: station ? { id: station.id, displayName: station.displayName } : null,
      };
    },
  };
  return port;
}

function candidateTarget(
  entry: LookupEntry,
): Obs<'obs.transfer.results'>['candidates'][number]['target'] | null {
  const name = entry.displayName ?? entry.entryID ?? '';
  switch (entry.lookupEntryType) {
    case LookupEntryType.User: {
      const userId = entry.queueID?.queueName ?? entry.entryID ?? '';
      return userId === '' ? null : { kind: 'user', userId, displayName: name || userId };
    }
    case LookupEntryType.Workgroup: {
      const workgroup = entry.queueID?.queueName ?? name;
      return workgroup === '' ? null : { kind: 'workgroup', name: workgroup };
    }
    case LookupEntryType.AttendantProfile:
      return name === '' ? null : { kind: 'attendantProfile', name };
    case LookupEntryType.Station: {
      const stationId = entry.queueID?.queueName ?? entry.entryID ?? name;
      return stationId === '' ? null : { kind: 'station', stationId };
    }
    default:
      return null;
  }
}
