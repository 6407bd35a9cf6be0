#!/usr/bin/env node
// `npm run build`: generated assets, then the rollup bundle, then a copy into the Salesforce
// static resource (never committed; docs/decisions/0003-bundle-out-of-git.md).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ['scripts/gen-assets.mjs']);
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);

const resources = 'force-app/main/default/staticresources';
mkdirSync(resources, { recursive: true });
copyFileSync('dist/softphone.js', `${resources}/softphone.js`);
if (!existsSync(`${resources}/softphone.resource-meta.xml`)) {
  writeFileSync(
    `${resources}/softphone.resource-meta.xml`,
    `<?xml version="1.0" encoding="UTF-8"?>
<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">
    <cacheControl>Private</cacheControl>
    <contentType>text/javascript</contentType>
    <description>CIC Softphone panel bundle (built by npm run build)</description>
</StaticResource>
`,
  );
}
