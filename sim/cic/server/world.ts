/**
 * The shared world of one simulator (both servers of a switchover pair): the site, user
 * presence, every session, station occupancy, interaction history, faults and the telephony
 * engine. It is the engine's `TelephonyHost` and `TelephonyListener`, and it fans every change out
 * to the sessions as `WorldEvent`s.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock.js';
import type { Site, SiteUser } from '../site/site.js';
import type { TelephonyEngine } from '../telephony/engine-api.js';
import type {
  AgentState,
  AttendantProfileInfo,
  HistoryEntry,
  QueueChange,
  TelephonyHost,
  TelephonyListener,
  UserInfo,
  WorkgroupInfo,
} from '../telephony/host.js';
import { SimErrorId } from './errors.js';
import type { WorldEvent } from './events.js';
import { HttpError } from './http-util.js';
import {
  initialPresence,
  userStatusJson,
  type LiveInfo,
  type Presence,
  type Until,
  type UserStatusProperty,
} from './presence.js';
import { Session, type EndInfo } from './session.js';
import type { StationInfo } from './station-model.js';
import { ConnectionState } from './wire.js';

export type EngineFactory = (host: TelephonyHost, listener: TelephonyListener) => TelephonyEngine;

export type ServerRole = 'primary' | 'backup';

export interface WorldOptions {
  readonly site: Site;
  readonly clock: Clock;
  readonly engineFactory: EngineFactory;
  readonly idleTimeoutMs: number;
  readonly deallocateAfterMs: number;
  readonly pingIntervalMs: number;
  readonly messagingVersion: number;
  /** How long a dropped session's station stays logged on, waiting for the agent to reconnect. */
  readonly reconnectGraceMs: number;
  readonly log: (line: string) => void;
}

interface Tombstone {
  readonly cookieValue: string;
  readonly csrfToken: string;
  readonly userId: string;
  readonly end: EndInfo;
}

interface Orphan {
  readonly station: StationInfo;
  readonly timer: TimerHandle;
}

interface PasswordState {
  current: string;
  history: string[];
}

export interface StatusUpdate {
  readonly statusId: string;
  readonly notes?: string | undefined;
  readonly forwardNumber?: string | undefined;
  readonly until?: Until | null | undefined;
}

const MAX_TOMBSTONES = 5000;
const MAX_HISTORY = 300;

export class World implements TelephonyHost, TelephonyListener {
  readonly clock: Clock;
  readonly site: Site;
  readonly engine: TelephonyEngine;
  readonly deallocateAfterMs: number;
  readonly notAnsweringStatusId: string;
  readonly options: WorldOptions;
  readonly sessions = new Map<string, Session>();
  /** Which server each session belongs to. */
  readonly sessionRoles = new Map<string, ServerRole>();
  /** Live sessions by lower-case user id. */
  readonly #liveByUser = new Map<string, Set<Session>>();
  readonly presence = new Map<string, Presence>();
  readonly history = new Map<string, HistoryEntry[]>();
  readonly servers = new Map<ServerRole, string>();
  active: ServerRole = 'primary';
  latencyMs = 0;
  /** Until when (simulator clock, epoch ms) every `/icws` connection is cut; null without an outage. */
  outageUntil: number | null = null;
  /** The one server an outage cuts off; null for both. */
  outageServer: ServerRole | null = null;
  readonly #tombstones = new Map<string, Tombstone>();
  /** Occupancy key → holder; `sessionId` null while an orphaned station waits for a reconnect. */
  readonly #stationHolders = new Map<string, { userId: string; sessionId: string | null }>();
  readonly #orphans = new Map<string, Orphan>();
  /** Ended sessions whose final messages nobody fetched yet: buried after a while anyway. */
  readonly #drainTimers = new Map<string, TimerHandle>();
  readonly #passwords = new Map<string, PasswordState>();
  readonly #ssoTokens = new Map<string, string>();
  readonly #authTokens = new Map<string, { userId: string; sourceSessionId: string; expires: number }>();
  readonly #userInfo = new Map<string, UserInfo>();
  readonly #workgroupInfo = new Map<string, WorkgroupInfo>();
  #nextSessionId: number;
  #nextRequestId = 1;

  constructor(options: WorldOptions) {
    this.options = options;
    this.clock = options.clock;
    this.site = options.site;
    this.deallocateAfterMs = options.deallocateAfterMs;
    this.notAnsweringStatusId = this.site.status(this.site.file.notAnsweringStatusId)?.statusId ?? this.site.file.notAnsweringStatusId;
    this.#nextSessionId = 10_000_000 + Math.floor(Math.random() * 80_000_000);
    for (const user of this.site.users) {
      this.#userInfo.set(user.userId.toLowerCase(), {
        userId: user.userId,
        displayName: user.displayName,
        ...(user.firstName !== undefined ? { firstName: user.firstName } : {}),
        ...(user.lastName !== undefined ? { lastName: user.lastName } : {}),
        extension: user.extension,
        rights: user.rightSet,
        licenses: user.licenseSet,
        workgroups: user.memberOf,
        isSupervisor: user.supervisor,
      });
    }
    for (const w of this.site.workgroups) {
      this.#workgroupInfo.set(w.name.toLowerCase(), {
        name: w.name,
        extension: w.extension,
        members: w.memberIds,
        alertTimeoutSeconds: w.alertTimeoutSeconds,
        wrapUpCodes: w.wrapUpCodeIds,
      });
    }
    this.#resetPeople();
    this.engine = options.engineFactory(this, this);
  }

  log(line: string): void {
    this.options.log(line);
  }

  // ---------------------------------------------------------------- TelephonyHost

  user(userId: string): UserInfo | undefined {
    return this.#userInfo.get(userId.toLowerCase());
  }

  userByExtension(extension: string): UserInfo | undefined {
    const user = this.site.userByExtension(extension);
    return user === undefined ? undefined : this.user(user.userId);
  }

  workgroup(name: string): WorkgroupInfo | undefined {
    return this.#workgroupInfo.get(name.toLowerCase());
  }

  workgroupByExtension(extension: string): WorkgroupInfo | undefined {
    const w = this.site.workgroupByExtension(extension);
    return w === undefined ? undefined : this.workgroup(w.name);
  }

  attendantProfile(nameOrExtension: string): AttendantProfileInfo | undefined {
    const p = this.site.attendantProfile(nameOrExtension);
    return p === undefined ? undefined : { name: p.name, extension: p.extension };
  }

  agent(userId: string): AgentState | undefined {
    const presence = this.presence.get(userId.toLowerCase());
    if (presence === undefined) return undefined;
    const status = this.site.status(presence.statusId);
    const station = this.#agentStation(presence.userId);
    const activated = new Set<string>();
    for (const [name, on] of presence.activations) if (on) activated.add(name);
    return {
      userId: presence.userId,
      loggedIn: this.isLoggedIn(presence.userId),
      station: station?.agent ?? null,
      statusId: presence.statusId,
      statusIsAcd: status?.isAcdStatus ?? false,
      statusSendsToVoicemail: status?.sendsToVoicemail ?? true,
      activatedWorkgroups: activated,
    };
  }

  setSystemStatus(userId: string, statusId: string): void {
    this.applyStatus(userId, { statusId }, { notifyEngine: false });
  }

  // ---------------------------------------------------------------- TelephonyListener

  queueChanged(change: QueueChange): void {
    this.emit({ kind: 'queue', change });
  }

  historyAdded(userId: string, entry: HistoryEntry): void {
    const key = userId.toLowerCase();
    const list = this.history.get(key) ?? [];
    list.push(entry);
    if (list.length > MAX_HISTORY) list.splice(0, list.length - MAX_HISTORY);
    this.history.set(key, list);
    this.emit({ kind: 'history', userId: this.user(userId)?.userId ?? userId, entry });
  }

  onPhoneChanged(userId: string, onPhone: boolean): void {
    const presence = this.presence.get(userId.toLowerCase());
    if (presence === undefined || presence.onPhone === onPhone) return;
    presence.onPhone = onPhone;
    presence.onPhoneChanged = this.clock.now();
    this.emit({ kind: 'userStatus', userId: presence.userId, changed: ['onPhone', 'onPhoneChanged'] });
  }

  snippetCreated(interactionId: string, recordingSnippetId: string): void {
    this.emit({ kind: 'snippet', interactionId, recordingSnippetId });
  }

  interactionDeallocated(interactionId: string): void {
    this.emit({ kind: 'deallocated', interactionId });
  }

  // ---------------------------------------------------------------- events

  emit(event: WorldEvent): void {
    for (const session of this.sessions.values()) session.handle(event);
  }

  // ---------------------------------------------------------------- users and presence

  siteUser(userId: string): SiteUser | undefined {
    return this.site.user(userId);
  }

  requireUser(userId: string): SiteUser {
    const user = this.site.user(userId);
    if (user === undefined) throw new HttpError(404, SimErrorId.unknownUser, `There is no user "${userId}".`);
    return user;
  }

  presenceOf(userId: string): Presence {
    const presence = this.presence.get(userId.toLowerCase());
    if (presence === undefined) throw new HttpError(404, SimErrorId.unknownUser, `There is no user "${userId}".`);
    return presence;
  }

  isLoggedIn(userId: string): boolean {
    const key = userId.toLowerCase();
    return this.#orphans.has(key) || (this.#liveByUser.get(key)?.size ?? 0) > 0;
  }

  liveInfo(userId: string): LiveInfo {
    const key = userId.toLowerCase();
    const stations: string[] = [];
    let loggedIn = false;
    let icServer = this.site.file.serverName;
    for (const s of this.#liveByUser.get(key) ?? []) {
      loggedIn = true;
      icServer = s.serverName;
      if (s.station?.agent) stations.push(s.station.agent.stationId);
    }
    const orphan = this.#orphans.get(key);
    if (orphan !== undefined) {
      loggedIn = true;
      if (orphan.station.agent) stations.push(orphan.station.agent.stationId);
    }
    return { loggedIn, stations, icServer };
  }

  userStatus(userId: string): Record<UserStatusProperty, unknown> {
    const presence = this.presenceOf(userId);
    return userStatusJson(presence, this.liveInfo(presence.userId));
  }

  /** Applies a status change (validation is the caller's job) and tells every subscriber. */
  applyStatus(userId: string, update: StatusUpdate, opts: { notifyEngine: boolean }): void {
    const presence = this.presenceOf(userId);
    const status = this.site.status(update.statusId);
    if (status === undefined) throw new HttpError(400, SimErrorId.unknownStatus, `There is no status "${update.statusId}".`);
    const changed: UserStatusProperty[] = [];
    const previousStatus = presence.statusId;
    if (presence.statusId !== status.statusId) {
      presence.statusId = status.statusId;
      changed.push('statusId');
    }
    const notes = update.notes ?? '';
    if (presence.notes !== notes) {
      presence.notes = notes;
      changed.push('notes');
    }
    const forwardNumber = status.isForwardStatus ? (update.forwardNumber ?? '') : '';
    if (presence.forwardNumber !== forwardNumber) {
      presence.forwardNumber = forwardNumber;
      changed.push('forwardNumber');
    }
    const until = update.until ?? null;
    if (JSON.stringify(presence.until) !== JSON.stringify(until)) {
      presence.until = until;
      changed.push('until');
    }
    // Setting the same status again restarts its timer, as CIC does.
    presence.statusChanged = this.clock.now();
    changed.push('statusChanged');
    const info = {
      statusId: status.statusId,
      notes,
      ...(status.isForwardStatus ? { forwardNumber } : {}),
    };
    presence.previous.set(status.statusId.toLowerCase(), info);
    this.log(`status ${presence.userId}: ${previousStatus} -> ${status.statusId}`);
    this.emit({ kind: 'userStatus', userId: presence.userId, changed });
    this.emit({ kind: 'previousStatus', userId: presence.userId, info });
    if (opts.notifyEngine) this.engine.agentChanged(presence.userId);
  }

  setActivations(userId: string, changes: Readonly<Record<string, boolean>>): void {
    const presence = this.presenceOf(userId);
    let any = false;
    for (const [workgroup, active] of Object.entries(changes)) {
      const name = this.site.workgroup(workgroup)?.name ?? workgroup;
      if (!presence.activations.has(name) || presence.activations.get(name) === active) continue;
      presence.activations.set(name, active);
      any = true;
      this.emit({ kind: 'activation', userId: presence.userId, workgroup: name, active });
    }
    if (any) this.engine.agentChanged(presence.userId);
  }

  nextRequestId(): string {
    return `req-${this.#nextRequestId++}`;
  }

  // ---------------------------------------------------------------- credentials

  checkPassword(userId: string, password: string): SiteUser | undefined {
    const user = this.site.user(userId);
    if (user === undefined) return undefined;
    return this.#passwords.get(user.userId.toLowerCase())?.current === password ? user : undefined;
  }

  passwordState(userId: string): PasswordState {
    const key = userId.toLowerCase();
    const state = this.#passwords.get(key);
    if (state === undefined) throw new HttpError(404, SimErrorId.unknownUser, `There is no user "${userId}".`);
    return state;
  }

  setPassword(userId: string, password: string): void {
    const state = this.passwordState(userId);
    state.history.unshift(state.current);
    state.current = password;
  }

  mintSsoToken(userId: string): string {
    const user = this.requireUser(userId);
    const token = randomBytes(18).toString('base64url');
    this.#ssoTokens.set(token, user.userId);
    return token;
  }

  /** Single use: the token is gone after this call. */
  consumeSsoToken(token: string): SiteUser | undefined {
    const userId = this.#ssoTokens.get(token);
    this.#ssoTokens.delete(token);
    return userId === undefined ? undefined : this.site.user(userId);
  }

  mintAuthToken(session: Session): string {
    const token = randomBytes(18).toString('base64url');
    this.#authTokens.set(token, { userId: session.userId, sourceSessionId: session.id, expires: this.clock.now() + 7000 });
    return token;
  }

  consumeAuthToken(token: string, sourceSessionId: string): SiteUser | undefined {
    const entry = this.#authTokens.get(token);
    this.#authTokens.delete(token);
    if (entry === undefined || entry.sourceSessionId !== sourceSessionId || entry.expires < this.clock.now()) {
      return undefined;
    }
    return this.site.user(entry.userId);
  }

  // ---------------------------------------------------------------- sessions

  createSession(user: SiteUser, opts: { language: string; applicationName: string; role: ServerRole }): Session {
    const wasLoggedIn = this.isLoggedIn(user.userId);
    const before = this.liveInfo(user.userId);
    const session = new Session({
      id: String(this.#nextSessionId++),
      userId: user.userId,
      language: opts.language,
      applicationName: opts.applicationName,
      serverName: `${this.site.file.serverName}${opts.role === 'backup' ? '-backup' : ''}`,
      messagingVersion: this.options.messagingVersion,
      clock: this.clock,
      idleTimeoutMs: this.options.idleTimeoutMs,
      pingIntervalMs: this.options.pingIntervalMs,
      onIdle: (s) => this.endSession(s, { reason: 'The session timed out.', shouldReconnect: true }, { notify: true, grace: false }),
      onOverflow: (s) =>
        this.endSession(s, { reason: 'The session stopped reading its messages.', shouldReconnect: true }, { notify: true, grace: false }),
    });
    this.sessions.set(session.id, session);
    this.sessionRoles.set(session.id, opts.role);
    const key = user.userId.toLowerCase();
    const live = this.#liveByUser.get(key) ?? new Set<Session>();
    live.add(session);
    this.#liveByUser.set(key, live);
    this.log(`logon ${user.userId} session ${session.id} on ${opts.role}`);
    this.#afterPresenceChange(user.userId, wasLoggedIn, before);
    return session;
  }

  /**
   * Finds the session a request names and checks its cookie and CSRF token. Ended sessions (and
   * a session of the other server) are a 401.
   */
  authorize(
    role: ServerRole,
    sessionId: string,
    cookieHeader: string | undefined,
    csrfHeader: string | undefined,
    opts: { csrf: boolean; allowDraining: boolean },
  ): Session {
    const session = this.sessions.get(sessionId);
    const cookie = readCookie(cookieHeader, `icws_${sessionId}`);
    const fail = (why: string): never => {
      throw new HttpError(
        401,
        SimErrorId.sessionInvalid,
        why,
        { errorCode: -2147221499 },
        { 'WWW-Authenticate': 'ICWS realm="ICWS" location="/ICWS/connection"' },
      );
    };
    if (session === undefined || this.sessionRoles.get(sessionId) !== role) return fail('The session is not valid.');
    if (session.state !== 'live' && !opts.allowDraining) return fail(session.end?.reason ?? 'The session has ended.');
    if (cookie === undefined || cookie !== session.cookieValue) return fail('The session cookie is missing or does not match.');
    if (opts.csrf && csrfHeader !== session.csrfToken) return fail('The ININ-ICWS-CSRF-Token header is missing or wrong.');
    return session;
  }

  /** The end of a session that is gone, for `GET /icws/{id}/connection` (credentials checked). */
  tombstone(sessionId: string, cookieHeader: string | undefined, csrfHeader: string | undefined): EndInfo | undefined {
    const t = this.#tombstones.get(sessionId);
    if (t === undefined) return undefined;
    if (readCookie(cookieHeader, `icws_${sessionId}`) !== t.cookieValue || csrfHeader !== t.csrfToken) return undefined;
    return t.end;
  }

  /** After a draining session's final messages were fetched. */
  bury(session: Session): void {
    const timer = this.#drainTimers.get(session.id);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.#drainTimers.delete(session.id);
    if (!this.sessions.has(session.id)) return;
    this.sessions.delete(session.id);
    this.sessionRoles.delete(session.id);
    session.dispose();
    this.#tombstones.set(session.id, {
      cookieValue: session.cookieValue,
      csrfToken: session.csrfToken,
      userId: session.userId,
      end: session.end ?? { reason: 'The session has ended.', shouldReconnect: false },
    });
    if (this.#tombstones.size > MAX_TOMBSTONES) {
      const oldest = this.#tombstones.keys().next().value;
      if (oldest !== undefined) this.#tombstones.delete(oldest);
    }
  }

  /**
   * Ends a session. `notify` queues the `connectionStateChangeMessage` (down); `grace` keeps the
   * user's station logged on for `reconnectGraceMs` (a dropped connection or a switchover, where
   * the agent's calls carry on and the client logs on again).
   */
  endSession(session: Session, info: EndInfo, opts: { notify: boolean; grace: boolean }): void {
    if (session.state !== 'live') return;
    const wasLoggedIn = this.isLoggedIn(session.userId);
    const before = this.liveInfo(session.userId);
    const station = session.station;
    const pending = session.terminate(info, opts.notify);
    this.#liveByUser.get(session.userId.toLowerCase())?.delete(session);
    session.station = null;
    if (station?.occupancyKey) {
      if (opts.grace && station.agent) this.#orphan(session.userId, station);
      else this.#stationHolders.delete(station.occupancyKey);
    }
    if (pending) {
      const timer = this.clock.setTimeout(() => this.bury(session), Math.max(this.options.idleTimeoutMs, 60_000));
      this.#drainTimers.set(session.id, timer);
    } else {
      this.bury(session);
    }
    this.log(`session ${session.id} (${session.userId}) ended: ${info.reason}`);
    this.#afterPresenceChange(session.userId, wasLoggedIn, before);
  }

  sessionsOf(userId: string): Session[] {
    return [...(this.#liveByUser.get(userId.toLowerCase()) ?? [])];
  }

  liveSessions(role?: ServerRole): Session[] {
    return [...this.sessions.values()].filter(
      (s) => s.state === 'live' && (role === undefined || this.sessionRoles.get(s.id) === role),
    );
  }

  // ---------------------------------------------------------------- stations

  /** Who holds a station (by occupancy key), if anyone. */
  stationHolder(occupancyKey: string): { userId: string; sessionId: string | null } | undefined {
    return this.#stationHolders.get(occupancyKey);
  }

  /**
   * Connects a session to an already resolved station. Another session of the same user that
   * holds a station is logged off (one station per user); an orphaned station of the user goes.
   */
  applyStation(session: Session, next: StationInfo): void {
    const userId = session.userId;
    const wasLoggedIn = this.isLoggedIn(userId);
    const before = this.liveInfo(userId);
    if (next.agent !== null) {
      for (const other of this.sessionsOf(userId)) {
        if (other !== session && other.station?.agent) {
          this.endSession(
            other,
            { reason: 'You were logged off because you logged on at another station.', shouldReconnect: false },
            { notify: true, grace: false },
          );
        }
      }
    }
    this.#dropOrphan(userId);
    const previous = session.station;
    if (previous?.occupancyKey) this.#stationHolders.delete(previous.occupancyKey);
    if (next.occupancyKey) this.#stationHolders.set(next.occupancyKey, { userId, sessionId: session.id });
    session.station = next;
    this.emit({ kind: 'station', sessionId: session.id, userId, previous, current: next });
    this.log(`station ${userId} session ${session.id}: ${next.agent?.stationId ?? 'stationless'}`);
    this.#afterPresenceChange(userId, wasLoggedIn, before, true);
  }

  /** `DELETE /connection/station`: the session stays, without a station. */
  clearStation(session: Session): void {
    const previous = session.station;
    if (previous === null) return;
    const before = this.liveInfo(session.userId);
    if (previous.occupancyKey) this.#stationHolders.delete(previous.occupancyKey);
    session.station = null;
    this.emit({ kind: 'station', sessionId: session.id, userId: session.userId, previous, current: null });
    this.#afterPresenceChange(session.userId, true, before, true);
  }

  #agentStation(userId: string): StationInfo | null {
    for (const s of this.sessionsOf(userId)) if (s.station?.agent) return s.station;
    return this.#orphans.get(userId.toLowerCase())?.station ?? null;
  }

  #orphan(userId: string, station: StationInfo): void {
    this.#dropOrphan(userId);
    const key = userId.toLowerCase();
    if (station.occupancyKey) this.#stationHolders.set(station.occupancyKey, { userId, sessionId: null });
    const timer = this.clock.setTimeout(() => {
      if (this.#orphans.get(key)?.timer !== timer) return;
      const before = this.liveInfo(userId);
      this.#dropOrphan(userId);
      this.log(`station of ${userId} released: no reconnect within ${this.options.reconnectGraceMs} ms`);
      this.#afterPresenceChange(userId, true, before);
    }, this.options.reconnectGraceMs);
    this.#orphans.set(key, { station, timer });
  }

  #dropOrphan(userId: string): void {
    const key = userId.toLowerCase();
    const orphan = this.#orphans.get(key);
    if (orphan === undefined) return;
    this.clock.clearTimeout(orphan.timer);
    this.#orphans.delete(key);
    const holder = orphan.station.occupancyKey ? this.#stationHolders.get(orphan.station.occupancyKey) : undefined;
    if (holder !== undefined && holder.sessionId === null && orphan.station.occupancyKey) {
      this.#stationHolders.delete(orphan.station.occupancyKey);
    }
  }

  /** Tells subscribers and the engine what a logon, logoff or station change did to presence. */
  #afterPresenceChange(userId: string, wasLoggedIn: boolean, before: LiveInfo, stationChanged = false): void {
    const after = this.liveInfo(userId);
    const changed: UserStatusProperty[] = [];
    if (after.loggedIn !== before.loggedIn) changed.push('loggedIn', 'icServers');
    if (after.stations.join('\n') !== before.stations.join('\n')) changed.push('stations');
    const canonical = this.site.user(userId)?.userId ?? userId;
    if (changed.length > 0) this.emit({ kind: 'userStatus', userId: canonical, changed });
    if (wasLoggedIn && !after.loggedIn) this.engine.agentLoggedOff(canonical);
    else if (changed.length > 0 || stationChanged || wasLoggedIn !== after.loggedIn) this.engine.agentChanged(canonical);
  }

  // ---------------------------------------------------------------- servers and faults

  registerServer(role: ServerRole, hostPort: string): void {
    this.servers.set(role, hostPort);
  }

  isAccepting(role: ServerRole): boolean {
    return this.active === role;
  }

  /** Host:port strings of the other server(s) (the `alternateHostList`). */
  alternateHosts(role: ServerRole): string[] {
    return [...this.servers.entries()].filter(([r]) => r !== role).map(([, hostPort]) => hostPort);
  }

  /** Every session on the active server ends; the other server (if any) becomes active. */
  switchover(): { from: ServerRole; to: ServerRole; droppedSessions: number } {
    const from = this.active;
    const to: ServerRole = this.servers.has(from === 'primary' ? 'backup' : 'primary')
      ? from === 'primary'
        ? 'backup'
        : 'primary'
      : from;
    const sessions = this.liveSessions(from);
    // The new server takes logons first, so a client that reconnects at once is accepted.
    this.active = to;
    for (const session of sessions) {
      this.endSession(
        session,
        { reason: 'The server is switching over to its backup.', shouldReconnect: true },
        { notify: true, grace: true },
      );
    }
    this.log(`switchover ${from} -> ${to}: ${sessions.length} session(s) dropped`);
    return { from, to, droppedSessions: sessions.length };
  }

  /**
   * Starts a network outage of `ms` on the simulator's clock: every open event stream is cut now,
   * and until it ends every `/icws` request loses its connection, on both servers or only on
   * `server` (a dead primary while its backup takes over). Sessions stay live; only their own idle
   * timeout can end them meanwhile. Returns the streams cut.
   */
  startNetworkOutage(ms: number, server: ServerRole | null = null): number {
    this.outageUntil = this.clock.now() + ms;
    this.outageServer = server;
    let cut = 0;
    for (const session of this.liveSessions(server ?? undefined)) if (session.cutStream()) cut++;
    this.log(`network outage for ${ms} ms${server ? ` on the ${server}` : ''}: ${cut} event stream(s) cut`);
    return cut;
  }

  /** True while a network outage cuts `/icws` traffic (to `role`, when given). */
  networkDown(role?: ServerRole): boolean {
    if (this.outageUntil === null) return false;
    if (this.clock.now() >= this.outageUntil) {
      this.outageUntil = null;
      this.outageServer = null;
      this.log('network outage over');
      return false;
    }
    return role === undefined || this.outageServer === null || this.outageServer === role;
  }

  /** Ends a network outage early (`clear` fault). */
  endNetworkOutage(): void {
    if (this.outageUntil !== null) this.log('network outage cleared');
    this.outageUntil = null;
    this.outageServer = null;
  }

  dropSessionsOf(userId: string): number {
    const sessions = this.sessionsOf(userId);
    for (const session of sessions) {
      this.endSession(session, { reason: 'The connection to the server was lost.', shouldReconnect: true }, { notify: true, grace: true });
    }
    return sessions.length;
  }

  /** Back to the site's initial state: sessions end, interactions go, presence and passwords reset. */
  reset(): void {
    for (const session of this.liveSessions()) {
      this.endSession(session, { reason: 'The server was reset.', shouldReconnect: true }, { notify: true, grace: false });
    }
    for (const orphan of this.#orphans.values()) this.clock.clearTimeout(orphan.timer);
    this.#orphans.clear();
    this.#stationHolders.clear();
    this.engine.reset();
    this.active = 'primary';
    this.latencyMs = 0;
    this.outageUntil = null;
    this.#resetPeople();
    this.log('reset');
  }

  #resetPeople(): void {
    const now = this.clock.now();
    this.presence.clear();
    this.history.clear();
    this.#passwords.clear();
    this.#ssoTokens.clear();
    this.#authTokens.clear();
    for (const user of this.site.users) {
      this.presence.set(user.userId.toLowerCase(), initialPresence(this.site, user, now));
      this.#passwords.set(user.userId.toLowerCase(), { current: user.password, history: [] });
    }
  }

  /** Closes every stream and timer (server shutdown). */
  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    for (const timer of this.#drainTimers.values()) this.clock.clearTimeout(timer);
    this.#drainTimers.clear();
    this.#liveByUser.clear();
    for (const orphan of this.#orphans.values()) this.clock.clearTimeout(orphan.timer);
    this.#orphans.clear();
    this.engine.reset();
  }

  connectionState(session: Session): Record<string, unknown> {
    return session.state === 'live'
      ? { connectionState: ConnectionState.Up }
      : {
          connectionState: ConnectionState.Down,
          reason: session.end?.reason ?? '',
          shouldReconnect: session.end?.shouldReconnect ?? false,
        };
  }
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

