/**
 * Browser-facing extras: the demo single sign-on identity provider (a popup page that hands a
 * single-use token back to the opener with `postMessage({key: 'icwsSsoComplete', data})`) and the
 * status icons that `iconUri` points at.
 */
import type { ServerResponse } from 'node:http';
import { HANDLED, type OpenContext, type Router } from '../router.js';

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendHtml(ctx: OpenContext, status: number, body: string): typeof HANDLED {
  const res: ServerResponse = ctx.res;
  res.writeHead(status, { ...ctx.baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CIC simulator sign-on</title></head><body>${body}</body></html>`);
  return HANDLED;
}

const iconColours: Record<string, string> = {
  available: '#2e844a',
  followup: '#dd7a01',
  unavailable: '#ba0517',
};

export function webRoutes(router: Router): void {
  router.open('GET', '/icws/connection/single-sign-on/identity-providers/:id', (ctx) => {
    const provider = ctx.world.site.file.identityProviders.find((p) => p.id === ctx.params['id']);
    if (provider === undefined) return sendHtml(ctx, 404, '<p>Unknown identity provider.</p>');
    const origin = ctx.url.searchParams.get('webBrowserApplicationOrigin') ?? '';
    const links = ctx.world.site.users
      .map((u) => {
        const href = `/icws/connection/single-sign-on/return?identityProviderId=${encodeURIComponent(provider.id)}&userId=${encodeURIComponent(u.userId)}&webBrowserApplicationOrigin=${encodeURIComponent(origin)}`;
        return `<li><a href="${html(href)}">${html(u.displayName)} (${html(u.userId)})</a></li>`;
      })
      .join('');
    return sendHtml(ctx, 200, `<h1>${html(provider.displayName)}</h1><p>Sign on as:</p><ul>${links}</ul>`);
  });

  router.open('GET', '/icws/connection/single-sign-on/return', (ctx) => {
    const origin = ctx.url.searchParams.get('webBrowserApplicationOrigin') ?? '';
    const userId = ctx.url.searchParams.get('userId') ?? '';
    const user = ctx.world.site.user(userId);
    const data = user
      ? { token: ctx.world.mintSsoToken(user.userId), errorId: '', errorMessage: '' }
      : { token: '', errorId: 'error.request.connection.singleSignOnFailed', errorMessage: `Unknown user "${userId}".` };
    const payload = JSON.stringify({ key: 'icwsSsoComplete', data }).replace(/</g, '\\u003c');
    const target = JSON.stringify(/^https?:\/\/[^/]+$/.test(origin) ? origin : '/').replace(/</g, '\\u003c');
    return sendHtml(
      ctx,
      200,
      `<p>Signed on. You can close this window.</p><script>if (window.opener) { window.opener.postMessage(${payload}, ${target}); window.close(); }</script>`,
    );
  });

  router.open('GET', '/icws/status-icons/:name', (ctx) => {
    const name = (ctx.params['name'] ?? '').replace(/\.svg$/, '');
    const colour = iconColours[name.replace(/-/g, '')] ?? '#747474';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${colour}"/></svg>`;
    ctx.res.writeHead(200, { ...ctx.baseHeaders, 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' });
    ctx.res.end(svg);
    return HANDLED;
  });
}
