/**
 * `npm start`: builds the panel, then runs the CIC simulator (demo site), serves the panel on its
 * own origin and runs the Lightning console emulator framing it like the utility bar does, and
 * prints where to go and how to log on. Every server binds to 127.0.0.1.
 *
 *   npm start -- [--cic-port 8019] [--console-port 8030] [--panel-port 8020] [--backup-port N] [--site FILE]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSimulator } from './cic/index.js';
import { startConsoleEmulator } from './crm/index.js';
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
    'console-port': { type: 'string' },
    'backup-port': { type: 'string' },
    site: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const cicPort = port(values['cic-port'], 8019, 'cic-port');
const panelPort = port(values['panel-port'], 8020, 'panel-port');
const consolePort = port(values['console-port'], 8030, 'console-port');
const backupPort = values['backup-port'] === undefined ? undefined : port(values['backup-port'], 0, 'backup-port');

if (!values['skip-build']) {
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
const panel = await startPanelHost({ port: panelPort, distDir: `${root}dist`, cicUrl: cic.url });
const crm = await startConsoleEmulator({
  port: consolePort,
  adapterUrl: `${panel.url}/adapter.html`,
  callCenterSettings: `${root}docs/call-center/CIC_Softphone_import.xml`,
  cicServerUrl: cic.url,
  cicControlUrl: cic.url,
  log: (line) => console.log(`[console] ${line}`),
});

const agents = site.users.filter((u) => u.userId.startsWith('agent')).map((u) => u.userId);
const first = site.users.find((u) => u.userId === agents[0]);
console.log(`
CIC Softphone demo — open ${crm.url}/lightning/page/home

  Log on in the Phone utility as ${first?.userId ?? 'agent1'} / ${first?.password ?? '1234'} (also ${agents.slice(1).join(', ')}; same password).
  "Ring agent" in the console calls the agent from a demo customer; "Hang up as customer" ends the call.

  Lightning console    ${crm.url}/lightning/page/home   (emulator, docs/console-emulator.md)
  Panel on its own     ${panel.url}/   (standalone page, no Salesforce)
  CIC simulator        ${cic.url}${cic.backupUrl ? `  (backup ${cic.backupUrl})` : ''}   control: ${cic.url}/sim/v1/state (docs/simulator.md)
Press Ctrl+C to stop.`);

const stop = async (): Promise<void> => {
  await Promise.allSettled([crm.close(), panel.close(), cic.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
