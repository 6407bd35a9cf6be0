/**
 * The CIC (ICWS) simulator: `startSimulator(options)` loads a site, creates the shared world and
 * telephony engine, and starts one HTTP server (or a switchover pair with `backupPort`).
 */
import { systemClock, type Clock } from './clock.js';
import { loadSite } from './site/load.js';
import type { Site } from './site/site.js';
import { simState } from './server/control.js';
import { IcwsServer, buildRouter } from './server/icws-server.js';
import { World } from './server/world.js';
import { createTelephonyEngine } from './telephony/engine.js';

export { ManualClock, systemClock, type Clock } from './clock.js';
export { SiteError, loadSite, demoSitePath } from './site/load.js';
export type { Site } from './site/site.js';
export type { SiteInput } from './site/schema.js';
export type { World } from './server/world.js';

export interface SimulatorOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port of the (primary) server; 0 picks a free one. */
  port?: number;
  /** When set, a backup server starts on this port and the pair can switch over. */
  backupPort?: number;
  /** Site file path or parsed site object (default: the built-in demo site). */
  site?: string | object;
  /** Browser origins allowed to call with credentials (CORS). */
  allowedOrigins?: string[];
  clock?: Clock;
  /** A session with no request (and no open event stream) for this long ends (default 5 minutes). */
  idleTimeoutMs?: number;
  /** How long a disconnected interaction stays before it is deallocated (default 2 minutes). */
  deallocateAfterMs?: number;
  /** Interval of `:ping` comments on event streams (default 15 s). */
  pingIntervalMs?: number;
  /** How long a dropped session's station stays logged on awaiting a reconnect (default 150 s). */
  reconnectGraceMs?: number;
  log?: (line: string) => void;
  /** 2: server-sent events available (default); 1: short polling only. */
  messagingVersion?: 1 | 2;
}

export interface RunningSimulator {
  /** Base URL of the primary server (`http://host:port`). */
  readonly url: string;
  /** Base URL of the backup server, when a pair was started. */
  readonly backupUrl?: string;
  readonly site: Site;
  readonly world: World;
  readonly clock: Clock;
  /** What `GET /sim/v1/state` returns. */
  state(): Record<string, unknown>;
  /** What `POST /sim/v1/reset` does. */
  reset(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock();
  const site = loadSite(options.site);
  const world = new World({
    site,
    clock,
    engineFactory: createTelephonyEngine,
    idleTimeoutMs: options.idleTimeoutMs ?? 5 * 60_000,
    deallocateAfterMs: options.deallocateAfterMs ?? 120_000,
    pingIntervalMs: options.pingIntervalMs ?? 15_000,
    messagingVersion: options.messagingVersion ?? 2,
    reconnectGraceMs: options.reconnectGraceMs ?? 150_000,
    log: options.log ?? (() => undefined),
  });
  const router = buildRouter();
  const allowedOrigins = options.allowedOrigins ?? [];
  const primary = new IcwsServer(world, 'primary', router, { host, port: options.port ?? 0, allowedOrigins });
  const servers = [primary];
  const primaryRef = await primary.listen();
  world.registerServer('primary', primaryRef.hostPort);
  let backupUrl: string | undefined;
  if (options.backupPort !== undefined) {
    const backup = new IcwsServer(world, 'backup', router, { host, port: options.backupPort, allowedOrigins });
    try {
      const backupRef = await backup.listen();
      world.registerServer('backup', backupRef.hostPort);
      backupUrl = backupRef.url;
      servers.push(backup);
    } catch (error) {
      await primary.close();
      world.dispose();
      throw error;
    }
  }
  let closed = false;
  return {
    url: primaryRef.url,
    ...(backupUrl !== undefined ? { backupUrl } : {}),
    site,
    world,
    clock,
    state: () => simState(world),
    reset: () => world.reset(),
    async close() {
      if (closed) return;
      closed = true;
      world.dispose();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
