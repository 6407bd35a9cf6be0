/**
 * A small path router: literal segments match case-insensitively, `:name` segments capture (URL
 * decoded). A path that matches with another method is a 405; nothing matching is a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session } from './session.js';
import type { World, ServerRole } from './world.js';

/** The handler wrote the response itself (server-sent events). */
export const HANDLED = Symbol('handled');

export type Reply =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string | string[]> }
  | typeof HANDLED;

export interface ServerRef {
  readonly role: ServerRole;
  readonly hostPort: string;
  readonly url: string;
}

export interface OpenContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly world: World;
  readonly server: ServerRef;
  /** Response headers the router adds (CORS) — handlers that write the response themselves use them. */
  readonly baseHeaders: Readonly<Record<string, string>>;
}

export interface SessionContext extends OpenContext {
  readonly session: Session;
}

/**
 * `none`: no session; `session`: cookie + CSRF header; `cookie`: cookie only (message retrieval,
 * so `EventSource` works); `cookie-draining`: cookie only and also accepted on a session that has
 * ended but still holds final messages.
 */
export type AuthMode = 'none' | 'session' | 'cookie-draining';

export interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly auth: AuthMode;
  readonly handler: (ctx: SessionContext | OpenContext) => Reply | Promise<Reply>;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: string[] }
  | { readonly kind: 'none' };

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export class Router {
  readonly #routes: Route[] = [];

  open(method: string, path: string, handler: (ctx: OpenContext) => Reply | Promise<Reply>): this {
    this.#routes.push({ method, segments: split(path), auth: 'none', handler });
    return this;
  }

  session(method: string, path: string, handler: (ctx: SessionContext) => Reply | Promise<Reply>, auth: AuthMode = 'session'): this {
    this.#routes.push({ method, segments: split(path), auth, handler: handler as Route['handler'] });
    return this;
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = split(pathname);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const part = parts[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (p.toLowerCase() !== part.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}
