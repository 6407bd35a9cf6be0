#!/usr/bin/env node
// `npm run build`: generated assets, then the rollup bundle (dist/softphone.js, dist/chunks/*,
// dist/manifest.json; docs/decisions/0008-code-splitting.md), then the Salesforce static resource
// `softphone` as one ZIP holding softphone.js and chunks/* (never committed;
// docs/decisions/0003-bundle-out-of-git.md). The Visualforce page loads
// {!URLFOR($Resource.softphone, 'softphone.js')}, and the chunks resolve next to it.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { zip } from './zip.mjs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ['scripts/gen-assets.mjs']);
// Chunk names carry content hashes: start empty so no stale chunk is shipped.
rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);

// Source maps stay in dist/ (npm start serves them); the org gets only the code.
const files = [
  'softphone.js',
  ...readdirSync('dist/chunks')
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => `chunks/${name}`),
].map((name) => ({ name, data: readFileSync(`dist/${name}`) }));

const resources = 'force-app/main/default/staticresources';
mkdirSync(resources, { recursive: true });
// The single-file resource of earlier builds.
rmSync(`${resources}/softphone.js`, { force: true });
writeFileSync(`${resources}/softphone.resource`, zip(files));
writeFileSync(
  `${resources}/softphone.resource-meta.xml`,
  `<?xml version="1.0" encoding="UTF-8"?>
<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">
    <cacheControl>Private</cacheControl>
    <contentType>application/zip</contentType>
    <description>CIC Softphone panel: softphone.js and its chunks (built by npm run build)</description>
</StaticResource>
`,
);
console.log(`build: ${resources}/softphone.resource (${files.length} files)`);
