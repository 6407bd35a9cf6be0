/**
 * Single sign-on through the CIC server's identity-provider page (reference §1.5): open it in a
 * popup, wait for the page to post `{key: 'icwsSsoComplete', data: {token, errorId, errorMessage}}`
 * back, and accept that message only from the CIC server's own origin and from our popup.
 */
import * as z from 'zod/mini';

const completion = z.object({
  key: z.literal('icwsSsoComplete'),
  data: z.object({
    token: z.optional(z.string()),
    errorId: z.optional(z.string()),
    errorMessage: z.optional(z.string()),
  }),
});

export class SsoError extends Error {
  readonly errorId: string | null;
  constructor(message: string, errorId: string | null = null) {
    super(message);
    this.name = 'SsoError';
    this.errorId = errorId;
  }
}

/** Returns the `singleSignOn` function the ICWS port takes. */
export function popupSingleSignOn(win: Window = window, closedPollMs = 500) {
  return (server: string, identityProviderId: string): Promise<string> => {
    const base = new URL(server);
    const url = new URL(
      `icws/connection/single-sign-on/identity-providers/${encodeURIComponent(identityProviderId)}`,
      base.href.endsWith('/') ? base.href : `${base.href}/`,
    );
    url.searchParams.set('singleSignOnCapabilities', 'saml2Post,saml2Redirect');
    url.searchParams.set('webBrowserApplicationOrigin', win.location.origin);
    const popup = win.open(url.href, 'cic-sso', 'popup,width=480,height=640');
    if (popup === null) return Promise.reject(new SsoError('The sign-on window was blocked.'));
    return new Promise<string>((resolve, reject) => {
      const done = (): void => {
        win.removeEventListener('message', onMessage);
        win.clearInterval(watch);
      };
      const onMessage = (event: MessageEvent): void => {
        if (event.origin !== base.origin || event.source !== popup) return;
        const parsed = completion.safeParse(event.data);
        if (!parsed.success) return;
        done();
        const { token, errorId, errorMessage } = parsed.data.data;
        if (token) resolve(token);
        else reject(new SsoError(errorMessage || 'Single sign-on failed.', errorId || null));
      };
      const watch = win.setInterval(() => {
        if (!popup.closed) return;
        done();
        reject(new SsoError('The sign-on window was closed.'));
      }, closedPollMs);
      win.addEventListener('message', onMessage);
    });
  };
}
