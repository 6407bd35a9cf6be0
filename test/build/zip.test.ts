import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { crc32, inflateRawSync } from 'node:zlib';
import { zip } from '../../scripts/zip.mjs';

interface Entry {
  name: string;
  method: number;
  data: Buffer;
}

/** Reads an archive the way unzip does: from the end record, through the central directory. */
function unzip(archive: Buffer): Entry[] {
  const end = archive.length - 22;
  assert.equal(archive.readUInt32LE(end), 0x06054b50, 'end of central directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  assert.equal(at + archive.readUInt32LE(end + 12), end, 'directory ends where the end record starts');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    assert.equal(archive.readUInt32LE(at), 0x02014b50, 'central directory header');
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const rawSize = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(archive.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    assert.equal(archive.toString('utf8', local + 30, local + 30 + nameLength), name);
    const start = local + 30 + nameLength + archive.readUInt16LE(local + 28);
    const body = archive.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    assert.equal(data.length, rawSize, `size of ${name}`);
    assert.equal(crc32(data), crc, `crc of ${name}`);
    entries.push({ name, method, data });
    at += 46 + nameLength;
  }
  return entries;
}

describe('scripts/zip.mjs', () => {
  it('round-trips names and contents, deflating text and storing what does not shrink', () => {
    const text = Buffer.from('export const a = 1;\n'.repeat(200));
    const noise = randomBytes(4096);
    const entries = unzip(
      zip([
        { name: 'softphone.js', data: text },
        { name: 'chunks/port-abc.js', data: noise },
        { name: 'chunks/empty.js', data: new Uint8Array(0) },
      ]),
    );
    assert.deepEqual(
      entries.map((e) => [e.name, e.method]),
      [
        ['softphone.js', 8],
        ['chunks/port-abc.js', 0],
        ['chunks/empty.js', 0],
      ],
    );
    assert.deepEqual(entries[0]?.data, text);
    assert.deepEqual(entries[1]?.data, noise);
    assert.equal(entries[2]?.data.length, 0);
  });

  it('gives the same bytes for the same files', () => {
    const files = [{ name: 'softphone.js', data: Buffer.from('x'.repeat(1000)) }];
    assert.deepEqual(zip(files), zip(files));
  });

  it('refuses names that would escape the archive folder, and duplicates', () => {
    const data = Buffer.from('x');
    for (const name of ['../softphone.js', '/softphone.js', 'chunks/../../x.js', 'chunks\\x.js', ''])
      assert.throws(() => zip([{ name, data }]), /bad entry name/, name);
    assert.throws(
      () =>
        zip([
          { name: 'a.js', data },
          { name: 'a.js', data },
        ]),
      /duplicate/,
    );
  });
});
