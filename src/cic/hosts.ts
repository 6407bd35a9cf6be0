/**
 * Alternate hosts (reference §1.3): `alternateHostList` entries are `host` or `host:port`; they
 * keep the scheme, the port (unless given) and the base path of the server that named them.
 */

/** Normalises a configured server into a base URL without a trailing slash. */
export function baseUrlOf(server: string | URL): URL {
  const url = new URL(String(server));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`ICWS server must be an http(s) URL, got ${url.protocol}`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Resolves one `alternateHostList` entry against the server that sent it; null if unusable. */
export function resolveAlternate(entry: string, from: URL): URL | null {
  const text = entry.trim();
  if (text === '') return null;
  try {
    if (/^https?:\/\//i.test(text)) return baseUrlOf(text);
    const parsed = new URL(`${from.protocol}//${text}`);
    if (parsed.pathname !== '/' || parsed.search !== '' || parsed.username !== '') return null;
    const url = new URL(from.href);
    url.hostname = parsed.hostname;
    url.port = parsed.port !== '' ? parsed.port : from.port;
    return url;
  } catch {
    return null;
  }
}

/** `{base}/{path}` without doubled slashes (a root base URL's href ends in `/`). */
export function endpoint(base: URL, path: string): URL {
  return new URL(`${base.href.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
}

/** A stable key for "already tried". */
export function hostKey(url: URL): string {
  return url.href.replace(/\/+$/, '');
}
