// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; no
// ZIP64, no encryption) for the Salesforce static resource. Each file is deflated with node:zlib
// when that is smaller, else stored. Timestamps are fixed (1980-01-01 00:00), so the same files
// always give the same bytes.
import { crc32, deflateRawSync } from 'node:zlib';

const STORE = 0;
const DEFLATE = 8;
/** MS-DOS date 1980-01-01 (the format's epoch) and time 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** General purpose flag bit 11: file names are UTF-8. */
const UTF8 = 1 << 11;

/**
 * @param {readonly { name: string; data: Uint8Array }[]} files names use `/`, relative, no `..`
 * @returns {Buffer} the archive
 */
export function zip(files) {
  /** @type {Buffer[]} */
  const parts = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  const seen = new Set();
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    if (
      file.name === '' ||
      file.name.startsWith('/') ||
      file.name.split('/').includes('..') ||
      file.name.includes('\\')
    )
      throw new Error(`zip: bad entry name ${JSON.stringify(file.name)}`);
    if (seen.has(file.name)) throw new Error(`zip: duplicate entry ${file.name}`);
    seen.add(file.name);
    if (file.data.length >= 0xffffffff || offset >= 0xffffffff)
      throw new Error('zip: archive too large (no ZIP64)');
    const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    parts.push(local, name, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);

    offset += local.length + name.length + body.length;
  }
  if (files.length > 0xffff) throw new Error('zip: too many entries (no ZIP64)');
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
