import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

function run(args: string[], until?: RegExp): Promise<{ code: number | null; out: string; err: string; kill: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const kill = () => child.kill('SIGTERM');
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until?.test(out)) resolve({ code: null, out, err, kill });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err, kill }));
  });
}

describe('npm run sim (cli)', () => {
  it('starts a pair, prints the URLs and demo credentials, and serves the control API', async () => {
    const started = await run(['--port', '0', '--backup-port', '0', '--quiet'], /Press Ctrl\+C/);
    try {
      assert.equal(started.code, null, started.err);
      const url = /ICWS server\s+(http:\/\/127\.0\.0\.1:\d+)\/icws/.exec(started.out)?.[1];
      assert.ok(url, started.out);
      assert.match(started.out, /backup server\s+http:\/\/127\.0\.0\.1:\d+\/icws/);
      assert.match(started.out, /agent1\s+password 1234/);
      assert.match(started.out, /supervisor1/);
      const state = (await (await fetch(`${url}/sim/v1/state`)).json()) as { activeServer: string };
      assert.equal(state.activeServer, 'primary');
    } finally {
      started.kill();
    }
  });

  it('explains a bad site file and a bad port, exiting with 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ users: [{ userId: 'a', password: 'p', displayName: 'A', extension: 'x1' }] }));
    const badSite = await run(['--site', file, '--port', '0']);
    assert.equal(badSite.code, 2);
    assert.match(badSite.err, /users\[0\]\.extension: must be 2 to 8 digits/);
    const badPort = await run(['--port', 'eighty']);
    assert.equal(badPort.code, 2);
    assert.match(badPort.err, /--port must be a port number/);
  });
});
