#!/usr/bin/env node
// What a province's 台账 (`register list --xlsx`) cannot go below: given a workbook it wrote,
//
//   node bench/ledger-floors.mjs LEDGER.xlsx [--levels 1,5,6] [--no-make]
//
// inflates its sheet (xl/worksheets/sheet1.xml) and prints its size, then the CPU (user + system of this process,
// all its threads) and the wall time of each floor, one at a time:
// - zlib's deflate of the sheet's bytes held whole (`deflateRawSync`), at each level, and the deflated size;
// - the same streamed (`createDeflateRaw`, written 256 KiB at a time, as io/zip/zip-write.ts writes): on libuv's
//   threads, the main thread only handing the bytes over;
// - zlib's CRC-32 of the bytes (the zip's, on the main thread);
// - the sheet's XML made again as UTF-8 bytes from its rows' cell values (parsed from the sheet beforehand, not
//   timed) with nothing else: no register, no strings map, no escaping, no deflate — the bytes compared with the
//   sheet's (the floor of making them in JavaScript).
// Nothing here is the tool's code: the floors are the libraries' and the language's.
import { createDeflateRaw, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const file = args[0];
if (!file) {
  console.error('usage: node bench/ledger-floors.mjs LEDGER.xlsx [--levels 1,5,6]');
  process.exit(2);
}
const li = args.indexOf('--levels');
const levels = (li >= 0 ? args[li + 1] : '1,5,6').split(',').map(Number);

/** One entry's bytes from a zip written by the tool (no ZIP64, sizes in the central directory). */
function entry(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(start, start + size));
    }
    at += 46 + nameLen + extra;
  }
  throw new Error(`${name} not in ${file}`);
}

async function timed(label, fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const said = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(`${label.padEnd(44)} wall ${wall.toFixed(2)} s  CPU ${cpu.toFixed(2)} s${said ? `  ${said}` : ''}`);
}

const sheet = entry(readFileSync(file), 'xl/worksheets/sheet1.xml');
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`sheet1.xml: ${sheet.length} bytes (${(sheet.length / 2 ** 20).toFixed(1)} MiB)`);

const WRITE = 1 << 18;
for (const level of levels) {
  await timed(`deflateRawSync, level ${level}`, () => `${deflateRawSync(sheet, { level }).length} bytes`);
  await timed(`createDeflateRaw streamed, level ${level}`, async () => {
    const z = createDeflateRaw({ level, chunkSize: 1 << 16 });
    let n = 0;
    z.on('data', (c) => {
      n += c.length;
    });
    const done = new Promise((resolve, reject) => {
      z.on('end', resolve);
      z.on('error', reject);
    });
    for (let at = 0; at < sheet.length; at += WRITE) {
      if (!z.write(sheet.subarray(at, at + WRITE))) await new Promise((resolve) => z.once('drain', resolve));
    }
    z.end();
    await done;
    return `${n} bytes`;
  });
}
await timed('crc32 (zlib), 256 KiB at a time', () => {
  let c = 0;
  for (let at = 0; at < sheet.length; at += WRITE) c = crc32(sheet.subarray(at, at + WRITE), c);
  return (c >>> 0).toString(16);
});

if (args.includes('--no-make')) process.exit(0);

// The rows' cell values, parsed untimed: each row an array of [kind, value] ('n' a number, 's' a shared string's
// number, 'i' an inline string's XML text, as written).
const xml = sheet.toString('utf8');
const head = xml.slice(0, xml.indexOf('<row r="2">'));
const tail = xml.slice(xml.lastIndexOf('</row>') + 6);
const rows = [];
const rowRe = /<row r="\d+">(.*?)<\/row>/g;
const cellRe =
  /<c r="[A-Z]+\d+" s="(\d)"(?: t="(s|inlineStr)")?>(?:<v>([^<]*)<\/v>|<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>)<\/c>/g;
rowRe.lastIndex = head.length;
for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
  const cells = [];
  for (const c of m[1].matchAll(cellRe)) cells.push(c[2] === 'inlineStr' ? c[4] : c[2] === 's' ? Number(c[3]) : Number(c[3]));
  rows.push(cells);
}
const letters = Array.from({ length: 18 }, (_, i) => String.fromCharCode(65 + i));
await timed(`the XML made again (${rows.length} rows)`, () => {
  const out = [Buffer.from(head, 'utf8')];
  let pending = '';
  let r = 1;
  for (const row of rows) {
    r++;
    let cells = '';
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i === 0) cells += `<c r="A${r}" s="4"><v>${v}</v></c>`;
      else if (typeof v === 'string') cells += `<c r="${letters[i]}${r}" s="1" t="inlineStr"><is><t>${v}</t></is></c>`;
      else cells += `<c r="${letters[i]}${r}" s="1" t="s"><v>${v}</v></c>`;
    }
    pending += `<row r="${r}">${cells}</row>`;
    if (pending.length >= 1 << 16) {
      out.push(Buffer.from(pending, 'utf8'));
      pending = '';
    }
  }
  out.push(Buffer.from(pending + tail, 'utf8'));
  const made = Buffer.concat(out);
  return made.equals(sheet) ? 'the same bytes' : `DIFFERENT (${made.length} bytes)`;
});
