import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { servedFile, startPanelHost, type PanelHost } from './host.js';

/** GET with the path sent exactly as written (no client-side normalisation). */
function get(base: string, path: string): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('panel host', () => {
  const root = mkdtempSync(join(tmpdir(), 'panel-host-'));
  const dist = join(root, 'dist');
  let host: PanelHost;

  before(async () => {
    mkdirSync(join(dist, 'chunks'), { recursive: true });
    writeFileSync(join(dist, 'softphone.js'), 'export const entry = 1;\n');
    writeFileSync(join(dist, 'chunks', 'port-Ab_1.js'), 'export const chunk = 1;\n');
    writeFileSync(join(dist, 'chunks', 'port-Ab_1.js.map'), '{"version":3}');
    writeFileSync(join(dist, 'manifest.json'), '{}');
    writeFileSync(join(root, 'secret.js'), 'secret');
    writeFileSync(join(dist, 'secret.js'), 'secret');
    host = await startPanelHost({ distDir: dist, cicUrl: 'http://127.0.0.1:1' });
  });
  after(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the entry, its chunks and their source maps', async () => {
    const entry = await get(host.url, '/softphone.js');
    assert.equal(entry.status, 200);
    assert.equal(entry.body, 'export const entry = 1;\n');
    assert.match(entry.type, /^text\/javascript/);
    const chunk = await get(host.url, '/chunks/port-Ab_1.js');
    assert.equal(chunk.status, 200);
    assert.equal(chunk.body, 'export const chunk = 1;\n');
    const map = await get(host.url, '/chunks/port-Ab_1.js.map');
    assert.equal(map.status, 200);
    assert.match(map.type, /^application\/json/);
    assert.equal((await get(host.url, '/chunks/missing.js')).status, 404);
  });

  it('refuses path traversal and any other file, under dist or outside it', async () => {
    for (const path of [
      '/chunks/../secret.js',
      '/chunks/../../secret.js',
      '/chunks/%2e%2e/secret.js',
      '/chunks/%2E%2E/%2E%2E/secret.js',
      '/chunks/..%2fsecret.js',
      '/chunks/..%5csecret.js',
      '/chunks/..\\secret.js',
      '/chunks/sub/port-Ab_1.js',
      '/secret.js',
      '/manifest.json',
      '/chunks/',
      '/chunks/.js',
    ]) {
      const response = await get(host.url, path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.body, /secret/, path);
    }
  });

  it('maps only allowed names to files inside the dist folder', () => {
    assert.equal(servedFile(dist, '/chunks/port-Ab_1.js'), join(dist, 'chunks', 'port-Ab_1.js'));
    assert.equal(servedFile(dist, '/softphone.js.map'), join(dist, 'softphone.js.map'));
    for (const path of [
      '/chunks/../secret.js',
      '/../secret.js',
      '/chunks/a/../../secret.js',
      '/chunks/a.b.js',
    ])
      assert.equal(servedFile(dist, path), null, path);
  });
});
