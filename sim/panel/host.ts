/**
 * Serves the built panel the way Salesforce would host it, on its own origin: `/` is a standalone
 * page (the panel alone, pointed at a CIC server), `/adapter.html` the page the console emulator
 * frames (as the Visualforce page is framed in Salesforce), `/softphone.js` the entry module and
 * `/chunks/*.js` the chunks it loads, all from `dist/` (with their source maps). Nothing else under
 * `dist/` or outside it is reachable: names are matched against a strict pattern first.
 */
import { readFile } from 'node:fs/promises';
import { adapterPage } from './adapter-page.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve as resolvePath, sep } from 'node:path';

export interface PanelHostOptions {
  readonly host?: string;
  readonly port?: number;
  /** Folder holding `softphone.js`, `chunks/` (and their source maps). */
  readonly distDir: string;
  /** The CIC server the standalone page logs on to. */
  readonly cicUrl: string;
}

export interface PanelHost {
  readonly url: string;
  close(): Promise<void>;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function standalonePage(cicUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CIC Softphone</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f3f3f3}main{width:320px;height:100vh;margin:0 auto;background:#fff;box-shadow:0 0 4px #0003}</style>
</head>
<body>
<main><cic-softphone-app server="${escapeAttribute(cicUrl)}"></cic-softphone-app></main>
<script type="module" src="/softphone.js"></script>
</body>
</html>
`;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The built files a URL path may name: the entry, a chunk, or a source map of either. */
const SERVED = /^\/((?:chunks\/[A-Za-z0-9_-]+|softphone)\.js(?:\.map)?)$/;

/** The file under `distDir` that `path` names, or null when it names none the host serves. */
export function servedFile(distDir: string, path: string): string | null {
  const name = SERVED.exec(path)?.[1];
  if (name === undefined) return null;
  const root = resolvePath(distDir);
  const file = resolvePath(root, ...name.split('/'));
  // The pattern already rules out `..`, `%` and `\\`; this keeps it true if the pattern changes.
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return null;
  return join(root, inside);
}

export async function startPanelHost(options: PanelHostOptions): Promise<PanelHost> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://panel').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/adapter.html') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(adapterPage(new URL(request.url ?? '/', 'http://panel').searchParams.get('lang') ?? 'en-us'));
      return;
    }
    if (path === '/' || path === '/index.html') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(standalonePage(options.cicUrl));
      return;
    }
    const file = servedFile(options.distDir, path);
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) =>
        response.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not built: run npm run build'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
