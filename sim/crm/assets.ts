/**
 * What the emulator serves to browsers: the console page, the test adapter page, the browser code
 * under `client/` (bundled on first request with esbuild's JS API and cached), and SLDS assets
 * (styles, the utility icon sprite) straight from the installed design-system package.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));
const SLDS_DIR = dirname(createRequire(import.meta.url).resolve('@salesforce-ux/design-system/package.json'));

const bundles = new Map<string, Promise<string>>();

/** Bundles one client entry point (cached per entry + defines). */
export function bundle(entry: 'opencti' | 'console' | 'test-adapter', options: { apiVersion?: string; minify?: boolean } = {}): Promise<string> {
  const key = `${entry}|${options.apiVersion ?? ''}|${options.minify ? 'min' : ''}`;
  let result = bundles.get(key);
  if (!result) {
    result = build({
      entryPoints: [join(CLIENT_DIR, `${entry}.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      minify: options.minify ?? false,
      legalComments: 'none',
      define: { __OPENCTI_API_VERSION__: JSON.stringify(options.apiVersion ?? '62.0') },
      logLevel: 'silent',
    }).then((r) => (r.outputFiles[0] as { text: string }).text);
    result.catch(() => bundles.delete(key));
    bundles.set(key, result);
  }
  return result;
}

let iconNames: Set<string> | undefined;

/** Names of the SLDS utility icons (what `setSoftphoneItemIcon` accepts). */
export function utilityIconNames(): ReadonlySet<string> {
  if (!iconNames) {
    const sprite = readFileSync(join(SLDS_DIR, 'assets/icons/utility-sprite/svg/symbols.svg'), 'utf8');
    iconNames = new Set([...sprite.matchAll(/<symbol\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1] as string));
  }
  return iconNames;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

/** A file from the SLDS package's `assets/` folder (path below `assets/`), or null. */
export async function sldsAsset(path: string): Promise<{ body: Buffer; type: string } | null> {
  const root = join(SLDS_DIR, 'assets');
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) return null;
  const type = TYPES[extname(file)];
  if (!type) return null;
  try {
    return { body: await readFile(file), type };
  } catch {
    return null;
  }
}

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lightning Console (emulator)</title>
<link rel="stylesheet" href="/__console/slds/assets/styles/salesforce-lightning-design-system.min.css">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; background: #f3f3f3; font-family: system-ui, sans-serif; }
  #global-header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #fff; border-bottom: 1px solid #ddd; }
  #global-header .app { font-weight: 700; color: #032d60; }
  #search-form { flex: 1; max-width: 28rem; }
  #search-form { min-width: 12rem; }
  #search-input { width: 100%; }
  #customer { max-width: 16rem; }
  #demo-customer button { white-space: nowrap; }
  #demo-customer { display: flex; gap: .5rem; align-items: center; margin-left: auto; }
  #user-name { color: #666; font-size: .75rem; }
  #tabs { display: flex; gap: 2px; list-style: none; margin: 0; padding: .25rem 1rem 0; background: #e5e5e5; }
  .tab { display: flex; background: #d8dde6; border-radius: 4px 4px 0 0; }
  .tab.active { background: #fff; }
  .tab button { border: 0; background: none; padding: .35rem .6rem; cursor: pointer; }
  #workspace { flex: 1; overflow: auto; padding: 1rem; background: #fff; margin: 0 1rem; }
  .record-layout { display: grid; grid-template-columns: 2fr 1fr; gap: 1.5rem; }
  dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
  dl.details dt { color: #555; }
  .activity li { border-left: 3px solid #4bca81; padding: .25rem .5rem; margin-bottom: .5rem; list-style: none; }
  .meta { color: #555; font-size: .8rem; }
  .empty { color: #777; }
  #utility-bar { display: flex; gap: .25rem; padding: .25rem 1rem; background: #fff; border-top: 1px solid #ddd; }
  #utility-bar button { display: flex; gap: .35rem; align-items: center; border: 1px solid transparent; background: none; padding: .25rem .5rem; cursor: pointer; }
  #utility-bar button[aria-pressed="true"] { border-color: #0176d3; }
  .utility-panel { position: fixed; bottom: 2.5rem; left: 1rem; background: #fff; border: 1px solid #ccc; box-shadow: 0 2px 8px rgba(0,0,0,.2); display: flex; flex-direction: column; }
  .utility-panel.minimized { display: none; }
  .utility-panel header { display: flex; align-items: center; gap: .5rem; padding: .35rem .5rem; background: #f3f3f3; border-bottom: 1px solid #ddd; }
  .utility-panel header .title { display: flex; gap: .35rem; flex: 1; align-items: center; }
  #softphone-frame { flex: 1; border: 0; width: 100%; }
  #omni-panel { left: auto; right: 1rem; width: 18rem; padding-bottom: .5rem; }
  #omni-body { padding: .5rem; display: flex; flex-direction: column; gap: .5rem; }
  .modal-backdrop { position: fixed; inset: 0; background: rgba(8,7,7,.5); display: flex; align-items: center; justify-content: center; }
  .modal { background: #fff; padding: 1rem 1.5rem; border-radius: 4px; min-width: 28rem; max-height: 80vh; overflow: auto; }
  .modal-form { display: flex; flex-direction: column; gap: .5rem; margin-top: .5rem; }
  .modal-buttons { display: flex; justify-content: flex-end; gap: .5rem; }
  .modal-error { color: #ba0517; }
  a.click-to-dial { white-space: nowrap; }
</style>
</head>
<body class="slds-scope">
<header id="global-header">
  <span class="app">Service Console</span>
  <form id="search-form" role="search"><input id="search-input" class="slds-input" type="search" placeholder="Search…" aria-label="Search"></form>
  <div id="demo-customer">
    <label>Demo customer <select id="customer" class="slds-select" aria-label="Demo customer"></select></label>
    <button id="ring" class="slds-button slds-button_brand" type="button">Ring agent</button>
    <button id="hangup" class="slds-button slds-button_destructive" type="button">Hang up as customer</button>
    <span id="customer-status" role="status"></span>
  </div>
  <span id="user-name"></span>
</header>
<ul id="tabs" role="tablist"></ul>
<main id="workspace"></main>
<div id="modal-root"></div>
<section id="softphone-panel" class="utility-panel minimized" aria-label="Softphone">
  <header><span id="panel-title" class="title"></span><span id="c2d-state" class="meta"></span>
    <button id="panel-minimize" class="slds-button" type="button" title="Minimize">_</button></header>
  <iframe id="softphone-frame" title="Softphone" allow="microphone; autoplay; clipboard-write"></iframe>
</section>
<section id="omni-panel" class="utility-panel minimized" aria-label="Omni-Channel">
  <header><span class="title">Omni-Channel</span></header>
  <div id="omni-body"></div>
</section>
<footer id="utility-bar">
  <button id="utility-softphone" type="button" aria-pressed="false"></button>
  <button id="utility-omni" type="button"></button>
</footer>
<script src="/__console/assets/console.js"></script>
</body>
</html>
`;

export const TEST_ADAPTER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Open CTI test adapter</title>
<style>body{font:13px system-ui,sans-serif;margin:.5rem} textarea{width:100%;height:6rem} pre{white-space:pre-wrap;font-size:11px}</style>
</head>
<body>
<div id="controls">
  <select id="method" aria-label="Method"></select>
  <textarea id="args" aria-label="Arguments (JSON)">{}</textarea>
  <button id="call" type="button">Call</button>
</div>
<pre id="log"></pre>
<script src="/__console/assets/test-adapter.js"></script>
</body>
</html>
`;
