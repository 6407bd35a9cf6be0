/**
 * One HTTP server of the simulator (the primary, or the backup of a switchover pair): CORS with
 * credentials for the configured origins (preflight included), the latency fault, routing,
 * session authentication, body parsing and error replies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimRequestError } from '../telephony/host.js';
import { controlRoutes } from './control.js';
import { ErrorId, HttpError, readJsonBody, sendEmpty, sendJson } from './http-util.js';
import { HANDLED, Router, type OpenContext, type ServerRef, type SessionContext } from './router.js';
import { connectionRoutes } from './routes/connection.js';
import { interactionRoutes } from './routes/interactions.js';
import { messagingRoutes } from './routes/messaging.js';
import { resourceRoutes } from './routes/resources.js';
import { stationRoutes } from './routes/station.js';
import { statusRoutes } from './routes/status.js';
import { webRoutes } from './routes/web.js';
import type { ServerRole, World } from './world.js';

export interface IcwsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly allowedOrigins: readonly string[];
}

const EXPOSED_HEADERS = 'ININ-ICWS-Session-ID, ININ-ICWS-CSRF-Token, Location, Content-Range, WWW-Authenticate';
const ALLOWED_HEADERS = 'Content-Type, Accept, Accept-Language, ININ-ICWS-CSRF-Token, ININ-ICWS-Original-URL, Range, Last-Event-ID, Cache-Control';

/** Every route, registered once (open routes before session routes with the same shape). */
export function buildRouter(): Router {
  const router = new Router();
  connectionRoutes(router);
  webRoutes(router);
  controlRoutes(router);
  stationRoutes(router);
  messagingRoutes(router);
  statusRoutes(router);
  interactionRoutes(router);
  resourceRoutes(router);
  return router;
}

/** Requests that are too frequent to log. */
function quiet(method: string, path: string): boolean {
  return /\/messaging\/(messages|heartbeat)$/.test(path) || (method === 'GET' && path.startsWith('/icws/status-icons/'));
}

export class IcwsServer {
  readonly #server: Server;
  readonly #origins: ReadonlySet<string>;
  #ref: ServerRef | undefined;

  constructor(
    private readonly world: World,
    readonly role: ServerRole,
    private readonly router: Router,
    private readonly options: IcwsServerOptions,
  ) {
    this.#origins = new Set(options.allowedOrigins);
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  async listen(): Promise<ServerRef> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, this.options.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.#server.address() as AddressInfo;
    const hostPort = `${this.options.host}:${port}`;
    this.#ref = { role: this.role, hostPort, url: `http://${hostPort}` };
    return this.#ref;
  }

  get ref(): ServerRef {
    if (this.#ref === undefined) throw new Error('server not listening');
    return this.#ref;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #cors(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.#origins.has(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      Vary: 'Origin',
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const origin = req.headers.origin;
    const cors = this.#cors(origin);
    let status = 0;
    const icws = path.toLowerCase().startsWith('/icws');
    if (icws && this.world.networkDown(this.role)) {
      this.#cut(req, method, path);
      return;
    }
    try {
      if (method === 'OPTIONS') {
        status = this.#preflight(req, res, cors);
        return;
      }
      if (this.world.latencyMs > 0 && icws) {
        await new Promise<void>((resolve) => this.world.clock.setTimeout(resolve, this.world.latencyMs));
        if (this.world.networkDown(this.role)) {
          status = -1;
          this.#cut(req, method, path);
          return;
        }
      }
      const match = this.router.match(method, path);
      if (match.kind === 'none') throw new HttpError(404, ErrorId.notFound, `There is no resource at ${method} ${path}.`);
      if (match.kind === 'wrong-method') {
        throw new HttpError(405, ErrorId.methodNotAllowed, `${method} is not allowed on ${path}.`, {}, { Allow: match.allowed.join(', ') });
      }
      const { route, params } = match;
      const base = { req, res, url, params, world: this.world, server: this.ref, baseHeaders: cors };
      let ctx: OpenContext | SessionContext;
      if (route.auth === 'none') {
        ctx = { ...base, body: method === 'GET' ? undefined : await readJsonBody(req) };
      } else {
        const session = this.world.authorize(
          this.role,
          params['sessionId'] ?? '',
          req.headers.cookie,
          req.headers['inin-icws-csrf-token'] as string | undefined,
          { csrf: route.auth === 'session', allowDraining: route.auth === 'cookie-draining' },
        );
        session.touch();
        ctx = { ...base, session, body: method === 'GET' ? undefined : await readJsonBody(req) };
      }
      const reply = await route.handler(ctx);
      if (reply === HANDLED) {
        status = res.statusCode;
        return;
      }
      status = reply.status;
      const headers = { ...cors, ...(reply.headers ?? {}) };
      if (reply.body === undefined) sendEmpty(res, reply.status, headers);
      else sendJson(req, res, reply.status, reply.body, headers);
    } catch (error) {
      status = this.#fail(req, res, cors, error);
    } finally {
      if (status >= 0 && (!quiet(method, path) || status >= 400)) this.world.log(`${this.role} ${method} ${path} -> ${status}`);
    }
  }

  /** A request lost to the `network-outage` fault: the connection drops without an answer. */
  #cut(req: IncomingMessage, method: string, path: string): void {
    if (!quiet(method, path)) this.world.log(`${this.role} ${method} ${path} -> cut (network outage)`);
    req.socket.destroy();
  }

  #preflight(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): number {
    const origin = req.headers.origin;
    if (origin !== undefined && Object.keys(cors).length === 0) {
      sendJson(req, res, 403, { errorId: ErrorId.accessDenied, message: `The origin ${origin} is not allowed.` });
      return 403;
    }
    sendEmpty(res, 204, {
      ...cors,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      Allow: 'GET, POST, PUT, DELETE, OPTIONS',
    });
    return 204;
  }

  #fail(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>, error: unknown): number {
    if (res.headersSent) {
      res.end();
      return res.statusCode;
    }
    if (error instanceof HttpError) {
      sendJson(req, res, error.status, error.body, { ...cors, ...error.headers });
      return error.status;
    }
    if (error instanceof SimRequestError) {
      sendJson(req, res, error.status, { errorId: error.errorId, message: error.message }, cors);
      return error.status;
    }
    this.world.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendJson(req, res, 500, { errorId: ErrorId.internal, message: 'The simulator failed to handle the request.' }, cors);
    return 500;
  }
}
