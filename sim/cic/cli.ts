/**
 * `npm run sim -- [--port N] [--site FILE] [--backup-port M] [--host H] [--origin URL]... [--quiet]`
 * Runs the CIC simulator alone and prints its URL(s), the demo credentials and the control API.
 */
import { parseArgs } from 'node:util';
import { SiteError, startSimulator } from './index.js';

const usage = `Usage: npm run sim -- [options]

  --port N          port of the (primary) server (default 8019)
  --backup-port M   also start a backup server on port M (switchover pair)
  --site FILE       site file (default: the built-in demo site)
  --host H          interface to bind (default 127.0.0.1)
  --origin URL      browser origin allowed to call with credentials (repeatable)
  --idle-timeout S  seconds before an idle session ends (default 300)
  --polling-only    report messaging version 1 (no server-sent events)
  --quiet           do not log requests
  --help            this text`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function portOf(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${name} must be a port number (0-65535), got "${value}"`);
  return n;
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'backup-port': { type: 'string' },
        site: { type: 'string' },
        host: { type: 'string' },
        origin: { type: 'string', multiple: true },
        'idle-timeout': { type: 'string' },
        'polling-only': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const values = parse();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const idle = values['idle-timeout'] === undefined ? undefined : Number(values['idle-timeout']);
if (idle !== undefined && !(idle > 0)) fail('--idle-timeout must be a positive number of seconds');

try {
  const sim = await startSimulator({
    host: values.host ?? '127.0.0.1',
    port: portOf(values.port, 'port') ?? 8019,
    ...(values['backup-port'] !== undefined ? { backupPort: portOf(values['backup-port'], 'backup-port') } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
    allowedOrigins: values.origin ?? [],
    ...(idle !== undefined ? { idleTimeoutMs: idle * 1000 } : {}),
    messagingVersion: values['polling-only'] ? 1 : 2,
    log: values.quiet ? () => undefined : (line) => console.log(`[cic] ${line}`),
  });
  const site = sim.site;
  const agents = site.users.filter((u) => !u.supervisor).slice(0, 3);
  const supervisor = site.users.find((u) => u.supervisor);
  const lines = [
    '',
    `CIC simulator (${site.file.name})`,
    `  ICWS server      ${sim.url}/icws`,
    ...(sim.backupUrl ? [`  backup server    ${sim.backupUrl}/icws  (switch over: POST /sim/v1/faults {"kind":"switchover"})`] : []),
    `  control API      ${sim.url}/sim/v1   (GET /sim/v1/state, POST /sim/v1/calls, …)`,
    '',
    'Log on with',
    ...agents.map((u) => `  ${u.userId.padEnd(12)} password ${u.password.padEnd(8)} ${u.displayName}, ext ${u.extension}, station ${u.defaultWorkstation ?? '-'}`),
    ...(site.users.length > agents.length ? [`  … ${site.users.length} users in all (GET /sim/v1/site)`] : []),
    ...(supervisor ? [`  ${supervisor.userId.padEnd(12)} password ${supervisor.password.padEnd(8)} ${supervisor.displayName} (supervisor)`] : []),
    '',
    'Offer a call',
    `  curl -X POST ${sim.url}/sim/v1/calls -H 'Content-Type: application/json' \\`,
    `    -d '{"from":"${site.demoCallers[0]?.number ?? '+13175550101'}","fromName":"${site.demoCallers[0]?.name ?? 'Pat Doe'}","to":{"workgroup":"${site.workgroups[0]?.name ?? 'Support'}"}}'`,
    '',
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof SiteError) {
    console.error(error.message);
    process.exit(2);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`The port is already in use: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
