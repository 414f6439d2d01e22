// A package the credit office unzipped and zipped again with its own tool still verifies (package.md
// "verify … reports any file added, missing or changed"): Info-ZIP on Linux and macOS's Archive Utility
// write UTF-8 names without the UTF-8 flag, Windows Explorer and 360压缩 on Chinese Windows GBK names
// without it. verify read such names as yauzl's CP437 and called every Chinese path missing.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/io/zip/zip-entry.js';
import { listFiles } from '../../src/io/package/package-fs.js';
import { ROOT, cleanup, runCli, tempDir, TODAY } from '../helpers/cases.js';

let tmp: string;
let pkg: string;

beforeAll(async () => {
  tmp = tempDir('verify-rezipped');
  const ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  expect((await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT)).code).toBe(0);
  pkg = join(ws, 'packages', '2026Q3');
});
afterAll(() => cleanup(tmp));

/** A stored zip whose names are the given bytes, general purpose flags 0 (no UTF-8 flag), as another zipper writes. */
function rawZip(entries: { name: Buffer; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x5000, 10); // 10:00
    local.writeUInt16LE(((2026 - 1980) << 9) | (10 << 5) | 16, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 30, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 10, 8, 28); // method, time, date, crc, sizes, name length
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function rezip(
  encoding: 'utf8' | 'cp936',
  file: string,
  change?: string,
  folder = '2026Q3/',
  extra: { name: string; data: Buffer }[] = [],
): string {
  const entries = listFiles(pkg, '').map((rel) => {
    const data = readFileSync(join(pkg, rel));
    return { name: iconv.encode(`${folder}${rel}`, encoding), data: rel === change ? Buffer.concat([data, Buffer.from(' ')]) : data };
  });
  const out = join(tmp, file);
  writeFileSync(out, rawZip([...entries, ...extra.map((e) => ({ name: iconv.encode(e.name, encoding), data: e.data }))]));
  return out;
}

describe('verify of a package zipped again by another tool', () => {
  it('names without the UTF-8 flag: UTF-8 (Info-ZIP, macOS) and GBK (Explorer, 360压缩) read as the package’s paths', async () => {
    expect(listFiles(pkg, '').some((rel) => /[\u4e00-\u9fff]/.test(rel))).toBe(true);
    for (const encoding of ['utf8', 'cp936'] as const) {
      const r = await runCli(['verify', rezip(encoding, `re-${encoding}.zip`), '--format', 'json'], tmp);
      const doc = JSON.parse(r.stdout);
      expect(doc.differences ?? [], encoding).toEqual([]);
      expect(r.code, encoding).toBe(0);
      expect(doc).toMatchObject({ kind: 'zip', valid: true });
    }
  });

  it('a file changed inside such a zip is still found, under its Chinese path (exit 1)', async () => {
    const changed = listFiles(pkg, '').find((rel) => rel.startsWith('公示/') && rel.endsWith('.csv')) ?? '';
    expect(changed).not.toBe('');
    const r = await runCli(['verify', rezip('cp936', 'changed.zip', changed), '--format', 'json'], tmp);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ changed: [changed], missing: [], added: [] });
  });

  it('the package at the zip’s root, or its folder inside another (下载/2026Q3/), is found where its manifest lies', async () => {
    for (const [file, folder] of [
      ['at-root.zip', ''],
      ['nested.zip', '下载/2026Q3/'],
    ] as const) {
      const r = await runCli(['verify', rezip('cp936', file, undefined, folder), '--format', 'json'], tmp);
      expect(r.code, file).toBe(0);
      expect(JSON.parse(r.stdout), file).toMatchObject({ kind: 'zip', valid: true, missing: [], added: [] });
    }
  });

  it('compile’s hash file zipped beside the folder (2026Q3.manifest.sha256) checks the manifest and is not “added”', async () => {
    const sidecar = readFileSync(join(pkg, '..', '2026Q3.manifest.sha256'));
    const r = await runCli(
      ['verify', rezip('utf8', 'with-hash.zip', undefined, '2026Q3/', [{ name: '2026Q3.manifest.sha256', data: sidecar }])],
      tmp,
    );
    expect(r.code).toBe(0);
    const json = await runCli(['verify', join(tmp, 'with-hash.zip'), '--format', 'json'], tmp);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      added: [],
      manifest: { ok: true, hashFile: 'with-hash.zip!/2026Q3.manifest.sha256' },
    });
    // A hash in it that is not the manifest's: the manifest was changed (exit 1), as with the file beside a folder.
    const wrong = Buffer.from(`${'0'.repeat(64)}  manifest.json\n`);
    const bad = await runCli(
      [
        'verify',
        rezip('cp936', 'wrong-hash.zip', undefined, '下载/2026Q3/', [{ name: '下载/2026Q3.manifest.sha256', data: wrong }]),
        '--format',
        'json',
      ],
      tmp,
    );
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ added: [], manifest: { ok: false, expected: '0'.repeat(64) } });
    // The hash file beside the zip, when there is one, is the one read.
    writeFileSync(join(tmp, 'wrong-hash.manifest.sha256'), sidecar);
    expect((await runCli(['verify', join(tmp, 'wrong-hash.zip')], tmp)).code).toBe(0);
  });

  it('macOS’s __MACOSX/ and ._ entries in such a zip are not “added”', async () => {
    const litter = [
      { name: '__MACOSX/2026Q3/._manifest.json', data: Buffer.from('x') },
      { name: '2026Q3/._manifest.json', data: Buffer.from('x') },
      { name: '2026Q3/公示/.DS_Store', data: Buffer.from('x') },
    ];
    const r = await runCli(['verify', rezip('utf8', 'mac.zip', undefined, '2026Q3/', litter), '--format', 'json'], tmp);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, added: [] });
    expect(r.code).toBe(0);
  });
});
