#!/usr/bin/env node
// Validates the Salesforce DX package offline (no org): well-formed XML, Salesforce's metadata
// resolver, -meta.xml files, package.xml types, call-center rules, the import-format call-center
// file in docs/call-center. The logic lives in test/metadata/validate-force-app.ts.
//   node scripts/validate-force-app.mjs [--project DIR] [--require-bundle] [--json]
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../test/metadata/validate-force-app.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2));
