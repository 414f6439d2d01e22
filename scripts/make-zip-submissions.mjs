#!/usr/bin/env node
// Writes fixtures/zip-submissions/: 就业办's folder of the example workspace mailed as a zip, the
// ways departments and their software make one, each with the findings it must give (expect.json,
// locations as `validate` run in the quarter folder shows them). Made by this script, never by hand:
//   node scripts/make-zip-submissions.mjs
// The zips are committed, so the tests need neither Python nor Info-ZIP. test/io/zip/zip-submissions.test.ts
// checks every one.
//
// How each is made:
// - explorer-gbk: what Windows Explorer ("发送到 → 压缩(zipped)文件夹") and 360压缩 write on a zh-CN
//   Windows, byte by byte (a small writer below): names in code page 936 (GBK) with general purpose
//   bit 11 clear, "version made by" 2.0 on host 0 (MS-DOS/FAT), DOS attributes (0x10 folder, 0x20
//   archive), a directory entry for 附件/, DOS timestamps, deflate, sizes in the local header.
// - python-cp936: Python's zipfile with the names stored as cp936 (scripts/make-zip-cp936.py): the
//   same bytes for the names, written by another program.
// - utf8-flag: yazl, which writes UTF-8 names with bit 11 set (as 7-Zip and Bandizip do).
// - top-folder: Explorer-style, the folder itself zipped (every entry under 就业办/), the zip named
//   otherwise; its other-than-evidence file shows where locations point.
// - zip-slip: Explorer-style plus entries that would land outside: ../, ..\, an absolute path, a
//   drive letter, and a backslash name.
// - encrypted: Info-ZIP's zip (zip -P, real ZipCrypto) adding one password-protected PDF; Info-ZIP on
//   Linux writes UTF-8 names without the flag, the other case the reader recognises.
// - nested: a zip inside the zip (附件/原始材料.zip), which is never opened.
// - crc-damaged: a stored entry with one byte changed after its CRC-32 was computed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import yazl from 'yazl';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'zip-submissions');
const SOURCE = join(ROOT, 'fixtures', 'example-workspace', 'submissions', '2026Q3', '就业办');

function filesOf(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesOf(dir, r));
    else out.push([r, readFileSync(join(dir, r))]);
  }
  return out;
}
const SOURCE_FILES = filesOf(SOURCE);

const MTIME = { y: 2026, m: 10, d: 9, h: 9, min: 30, s: 0 };
const dosTime = ({ h, min, s }) => (h << 11) | (min << 5) | (s >> 1);
const dosDate = ({ y, m, d }) => ((y - 1980) << 9) | (m << 5) | d;

/**
 * A zip as Explorer writes it. entries: { name (string or raw Buffer), data?, dir?, utf8?, stored?, corrupt? }.
 */
function explorerZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : e.utf8 ? Buffer.from(e.name, 'utf8') : iconv.encode(e.name, 'cp936');
    const data = e.dir ? Buffer.alloc(0) : e.data;
    const crc = crc32(data) >>> 0;
    const method = e.dir || e.stored ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data) : Buffer.from(data);
    if (e.corrupt) body[Math.floor(body.length / 2)] ^= 0xff;
    const flags = e.utf8 ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime(MTIME), 10);
    local.writeUInt16LE(dosDate(MTIME), 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: spec 2.0, host 0 (MS-DOS)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime(MTIME), 12);
    central.writeUInt16LE(dosDate(MTIME), 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.dir ? 0x10 : 0x20, 38); // FILE_ATTRIBUTE_DIRECTORY / _ARCHIVE
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
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

/** The example folder as Explorer entries: a directory entry before each folder's files. */
function folderEntries(prefix = '', files = SOURCE_FILES) {
  const out = [];
  const dirs = new Set();
  if (prefix) out.push({ name: `${prefix}/`, dir: true });
  for (const [rel, data] of files) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (!dirs.has(d)) {
        dirs.add(d);
        out.push({ name: `${prefix ? `${prefix}/` : ''}${d}/`, dir: true });
      }
    }
    out.push({ name: `${prefix ? `${prefix}/` : ''}${rel}`, data });
  }
  return out;
}

function yazlZip(files) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of files) z.addBuffer(data, name, { mtime: new Date(2026, 9, 9, 9, 30) });
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const PDF = SOURCE_FILES.find(([n]) => n.endsWith('.pdf'))[1];
const expects = {};
const put = (folder, name, bytes, about, expect) => {
  mkdirSync(join(OUT, folder), { recursive: true });
  writeFileSync(join(OUT, folder, name), bytes);
  expects[`${folder}/${name}`] = { about, expect };
};

mkdirSync(OUT, { recursive: true });
const previous = existsSync(join(OUT, 'expect.json')) ? JSON.parse(readFileSync(join(OUT, 'expect.json'), 'utf8')) : {};

put(
  'explorer-gbk',
  '就业办.zip',
  explorerZip(folderEntries()),
  'Windows Explorer / 360压缩 on zh-CN Windows: GBK names, no UTF-8 flag',
  [],
);

{
  const tmp = mkdtempSync(join(tmpdir(), 'zipfix-'));
  try {
    const out = join(tmp, 'out.zip');
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'make-zip-cp936.py'), SOURCE, out]);
    put('python-cp936', '就业办.zip', readFileSync(out), "Python's zipfile writing cp936 names without the flag", []);
  } catch (err) {
    console.warn(`python-cp936 kept as it was: ${err.message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

put('utf8-flag', '就业办.zip', await yazlZip(SOURCE_FILES), 'UTF-8 names with the flag set (yazl, like 7-Zip)', []);

put(
  'top-folder',
  '信用报送材料.zip',
  explorerZip([...folderEntries('就业办'), { name: '就业办/附件/备注.rar', data: Buffer.from('Rar!\x1a\x07\x00', 'latin1') }]),
  'the folder itself zipped: every entry under 就业办/, the zip named otherwise',
  [{ code: 'EVIDENCE_FILE_IGNORED', file: '信用报送材料.zip!/就业办/附件/备注.rar' }],
);

put(
  'zip-slip',
  '就业办.zip',
  explorerZip([
    ...folderEntries(),
    { name: '../evil.txt', data: Buffer.from('escaped\r\n') },
    { name: '..\\..\\evil.bat', data: Buffer.from('echo escaped\r\n') },
    { name: '/tmp/hrss-credit-evil.txt', data: Buffer.from('absolute\r\n') },
    { name: 'C:/Windows/evil.txt', data: Buffer.from('drive\r\n') },
    { name: '附件\\说明.txt', data: Buffer.from('backslash\r\n') },
  ]),
  'entries that would be extracted outside the folder',
  [
    { code: 'EVIDENCE_PATH_UNSAFE', file: '就业办.zip!/../evil.txt', args: { reason: 'outside' } },
    { code: 'EVIDENCE_PATH_UNSAFE', file: '就业办.zip!/..\\..\\evil.bat', args: { reason: 'outside' } },
    { code: 'EVIDENCE_PATH_UNSAFE', file: '就业办.zip!//tmp/hrss-credit-evil.txt', args: { reason: 'absolute' } },
    { code: 'EVIDENCE_PATH_UNSAFE', file: '就业办.zip!/C:/Windows/evil.txt', args: { reason: 'absolute' } },
    { code: 'EVIDENCE_PATH_UNSAFE', file: '就业办.zip!/附件\\说明.txt', args: { reason: 'name', problem: 'character' } },
  ],
);

{
  const tmp = mkdtempSync(join(tmpdir(), 'zipfix-'));
  try {
    const dir = join(tmp, 'src');
    cpSync(SOURCE, dir, { recursive: true });
    writeFileSync(join(dir, '附件', '加密材料.pdf'), PDF);
    const when = new Date(2026, 9, 9, 9, 30);
    for (const [rel] of [...SOURCE_FILES, ['附件/加密材料.pdf']]) utimesSync(join(dir, rel), when, when);
    utimesSync(join(dir, '附件'), when, when);
    const out = join(tmp, 'out.zip');
    const plain = SOURCE_FILES.map(([rel]) => rel);
    execFileSync('zip', ['-q', '-X', '-D', out, ...plain], { cwd: dir });
    execFileSync('zip', ['-q', '-X', '-D', '-P', 'secret', out, '附件/加密材料.pdf'], { cwd: dir });
    put('encrypted', '就业办.zip', readFileSync(out), "Info-ZIP's zip -P: one password-protected PDF; UTF-8 names without the flag", [
      { code: 'FILE_UNSUPPORTED', file: '就业办.zip!/附件/加密材料.pdf', args: { encrypted: true, inZip: true } },
    ]);
  } catch (err) {
    console.warn(`encrypted kept as it was: ${err.message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

put(
  'nested',
  '就业办.zip',
  explorerZip([...folderEntries(), { name: '附件/原始材料.zip', data: await yazlZip([['原始报告.pdf', PDF]]) }]),
  'a zip inside the zip is never opened',
  [{ code: 'EVIDENCE_FILE_IGNORED', file: '就业办.zip!/附件/原始材料.zip', args: { ext: '.zip' } }],
);

put(
  'crc-damaged',
  '就业办.zip',
  explorerZip(folderEntries().map((e) => (e.name === '附件/典型案例报道.pdf' ? { ...e, stored: true, corrupt: true } : e))),
  'an entry whose bytes no longer match their CRC-32',
  [
    { code: 'EVIDENCE_REPORT_MISSING', file: '就业办.zip!/附件' },
    { code: 'FILE_UNREADABLE', file: '就业办.zip!/附件/典型案例报道.pdf', args: { reason: 'damaged', detail: 'CRC-32 mismatch' } },
  ],
);

// A generator that could not run (no python3, no zip) keeps the committed file and its expectation.
for (const [k, v] of Object.entries(previous)) {
  if (!(k in expects) && existsSync(join(OUT, k))) expects[k] = v;
}
const sorted = Object.fromEntries(Object.entries(expects).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(join(OUT, 'expect.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(expects).length} zips in ${relative(process.cwd(), OUT) || '.'}`);
