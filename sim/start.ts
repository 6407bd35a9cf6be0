/**
 * `npm start`: builds the panel, then runs the CIC simulator (demo site) and serves the panel on
 * its own origin, and prints where to go and how to log on. Every server binds to 127.0.0.1.
 *
 *   npm start -- [--cic-port 8019] [--panel-port 8020] [--backup-port N] [--site FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSimulator } from './cic/index.js';
import { loadSite } from './cic/site/load.js';
import { startPanelHost } from './panel/host.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`--${name} must be a port number (0–65535), got "${value}"`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    'cic-port': { type: 'string' },
    'panel-port': { type: 'string' },
    'backup-port': { type: 'string' },
    site: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const cicPort = port(values['cic-port'], 8019, 'cic-port');
const panelPort = port(values['panel-port'], 8020, 'panel-port');
const backupPort = values['backup-port'] === undefined ? undefined : port(values['backup-port'], 0, 'backup-port');

// The panel's composition root (src/main.ts) lands with issue 3; until then only the simulator runs.
const hasPanel = existsSync(`${root}src/main.ts`);
if (hasPanel && !values['skip-build']) {
  console.log('Building the panel…');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const site = loadSite(values.site);
const panelOrigin = `http://127.0.0.1:${panelPort}`;
const cic = await startSimulator({
  port: cicPort,
  backupPort,
  site: values.site,
  allowedOrigins: [panelOrigin],
  log: (line) => console.log(`[cic] ${line}`),
});
const panel = hasPanel ? await startPanelHost({ port: panelPort, distDir: `${root}dist`, cicUrl: cic.url }) : null;

const agents = site.users.filter((u) => u.userId.startsWith('agent')).map((u) => u.userId);
const first = site.users.find((u) => u.userId === agents[0]);
console.log(`
CIC Softphone demo
  Softphone panel      ${panel ? `${panel.url}/` : 'not built yet (src/main.ts arrives with the panel issue)'}
  CIC simulator        ${cic.url}${cic.backupUrl ? `  (backup ${cic.backupUrl})` : ''}
  Simulator control    ${cic.url}/sim/v1/state   (see docs/simulator.md)

Log on as ${first?.userId ?? 'agent1'} / ${first?.password ?? '1234'} (also ${agents.slice(1).join(', ')}; same password).
Ring the agent:  curl -X POST ${cic.url}/sim/v1/calls -H 'content-type: application/json' \\
                   -d '{"from":"+13175550101","fromName":"Pat Doe","to":{"workgroup":"Support"}}'
Press Ctrl+C to stop.`);

const stop = async (): Promise<void> => {
  await Promise.allSettled([panel?.close(), cic.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
