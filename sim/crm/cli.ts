/**
 * Starts the Lightning console emulator on its own:
 *   node --import tsx sim/crm/cli.ts --port 8020 --adapter-url http://127.0.0.1:5173/softphone.html \
 *     [--host 127.0.0.1] [--records FILE] [--call-center FILE] [--cic-server-url URL] [--cic-control-url URL]
 */
import { parseArgs } from 'node:util';
import { startConsoleEmulator } from './index.js';
import { loadRecordsFile } from './records.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'adapter-url': { type: 'string' },
    records: { type: 'string' },
    'call-center': { type: 'string' },
    'cic-server-url': { type: 'string' },
    'cic-control-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log('usage: node --import tsx sim/crm/cli.ts --port N --adapter-url URL [--host H] [--records FILE] [--call-center FILE] [--cic-server-url URL] [--cic-control-url URL]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const emulator = await startConsoleEmulator({
  host: values.host,
  port,
  adapterUrl: values['adapter-url'] ?? '/__console/test-adapter.html',
  records: values.records,
  callCenterSettings: values['call-center'],
  cicServerUrl: values['cic-server-url'],
  cicControlUrl: values['cic-control-url'],
  log: (line) => console.log(line),
});

const admin = loadRecordsFile(values.records).users[0];
console.log(`Lightning console emulator: ${emulator.url}/lightning/page/home`);
console.log(`  softphone frame: ${values['adapter-url'] ?? `${emulator.url}/__console/test-adapter.html (demo adapter)`}`);
if (admin) console.log(`  REST/SOAP login: ${admin.Username} / ${admin.Password}`);
console.log(`  control API: ${emulator.url}/__console/v1/state`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
