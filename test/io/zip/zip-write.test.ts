// The zip writer (src/io/zip/zip-write.ts) writes what yazl writes at the same deflate level (package.md "Determinism":
// the same inputs, the same bytes), whether an entry's bytes come whole or a piece at a time.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { DEFLATE_LEVEL, WRITE, Writes, zipParts, zipPartsTo } from '../../../src/io/zip/zip-write.js';
import { dosDate, workbookBuffer, workbookTo, zipBuffer, type SheetSpec } from '../../../src/io/xlsx/xlsx-writer.js';
import { MemoryPort } from '../../../src/io/memory-port.js';

const instant = new Date(Date.UTC(2026, 8, 30, 23, 59, 59));

/** yazl's zip of the same entries, with the options the writer gave it (at `level`). */
function yazlZip(entries: { name: string; data: Buffer }[], when: Date, level = DEFLATE_LEVEL): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const e of entries)
      z.addBuffer(e.data, e.name, { mtime: dosDate(when), forceDosTimestamp: true, compressionLevel: level } as yazl.Options);
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** The entries of a zip zip-write wrote (each one's sizes in its local header), inflated. */
function entriesOf(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const compressed = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    out.push({ name: zip.toString('utf8', at + 30, at + 30 + nameLength), data: inflateRawSync(zip.subarray(start, start + compressed)) });
    at = start + compressed;
  }
  return out;
}

/** Deterministic bytes: `n` of them, text-like (compressible) or not. */
function bytes(n: number, seed: number, text: boolean): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = text ? 0x41 + ((x >>> 0) % 7) : (x >>> 0) & 0xff;
  }
  return b;
}

/** `data` cut into pieces of the sizes given, in turn. */
function* cut(data: Buffer, sizes: number[]): Generator<Uint8Array> {
  for (let at = 0, k = 0; at < data.length; k++) {
    const n = sizes[k % sizes.length] as number;
    yield data.subarray(at, at + n);
    at += n;
  }
}

const entries = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: '公示/移出名单.csv', data: bytes(300_000, 7, true) },
  { name: 'dir\\back slash.bin', data: bytes(200_000, 11, false) },
  { name: 'one', data: Buffer.from('x') },
  { name: 'xl/worksheets/sheet3.xml', data: bytes(3_000_000, 5, true) },
];

describe('zip writer', () => {
  it('writes the bytes yazl writes for the same entries', async () => {
    const expected = await yazlZip(entries, instant);
    expect((await zipParts(entries, dosDate(instant))).equals(expected)).toBe(true);
    expect((await zipBuffer(entries, instant)).equals(expected)).toBe(true);
  });

  it('the same bytes when an entry is given a piece at a time, however cut', async () => {
    const expected = await yazlZip(entries, instant);
    for (const sizes of [[1, 2, 3], [1000], [65_536], [70_001, 3, 1 << 20], [5 << 20]]) {
      // Pieces of a few bytes for the small entries only (3 MB a byte at a time would take the test's time).
      const parts = entries.map((e) => ({
        name: e.name,
        data: () => cut(e.data, e.data.length > 10_000 && sizes[0] === 1 ? [4096, 1, 3] : sizes),
      }));
      expect((await zipParts(parts, dosDate(instant))).equals(expected)).toBe(true);
    }
  });

  it('written to a file as made (each header patched in once its entry is deflated): the same bytes, no entry held whole', async () => {
    // A 12 MB entry: more than the deflater queues (4 MB) before the pieces wait for it.
    const big = { name: 'xl/worksheets/sheet9.xml', data: bytes(12_000_000, 3, true) };
    const all = [...entries, big];
    const expected = await zipParts(all, dosDate(instant));
    const file = Buffer.alloc(expected.length + 1024);
    let size = 0;
    let given = 0;
    // The file's length when the big entry's first piece was given (its header's place already there), and how
    // much of the entry had been given when its first deflated bytes reached the file.
    let base = -1;
    let firstOut = -1;
    const out = {
      write(b: Uint8Array) {
        if (base >= 0 && firstOut < 0 && b.length > 0) firstOut = given;
        file.set(b, size);
        size += b.length;
      },
      patch(b: Uint8Array, at: number) {
        expect(at + b.length).toBeLessThanOrEqual(size);
        file.set(b, at);
      },
    };
    const parts = all.map((e) =>
      e === big
        ? {
            name: e.name,
            data: function* () {
              for (const piece of cut(e.data, [65_536])) {
                if (base < 0) base = size;
                given += piece.length;
                yield piece;
              }
            },
          }
        : e,
    );
    await zipPartsTo(parts, dosDate(instant), out);
    expect(file.subarray(0, size).equals(expected)).toBe(true);
    // Bytes of the entry were in the file before all of it had been given (held whole, none would be).
    expect(firstOut).toBeGreaterThan(0);
    expect(firstOut).toBeLessThan(big.data.length);
  });

  it('a write that fails while an entry is deflated (a full disk) fails the zip, not the process', async () => {
    const big = { name: 'big.xml', data: bytes(12_000_000, 3, true) };
    let writes = 0;
    const out = {
      write() {
        if (++writes > 3) throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
      },
      patch() {},
    };
    const parts = [{ name: big.name, data: () => cut(big.data, [65_536]) }];
    await expect(zipPartsTo(parts, dosDate(instant), out)).rejects.toThrow(/ENOSPC/);
  });

  it('an entry whose maker throws fails the zip, and nothing more reaches its file (closed by then)', async () => {
    const made = bytes(2_000_000, 5, true);
    let closed = false;
    let late = 0;
    const out = {
      write() {
        if (closed) late++;
      },
      patch() {},
    };
    function* rows(): Generator<Uint8Array> {
      // Several 256 KiB writes handed to zlib's thread, then the maker fails (a row it cannot make).
      yield* cut(made, [65_536]);
      throw new Error('row 12 cannot be made');
    }
    await expect(zipPartsTo([{ name: 'sheet.xml', data: rows }], dosDate(instant), out)).rejects.toThrow(/row 12/);
    // writeFileFrom closes the temporary file when its fill rejects: zlib's output still to come must not be written.
    closed = true;
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(late).toBe(0);
  });

  it("at a level given (the 台账's), the bytes yazl writes at that level", async () => {
    const at2 = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      void zipPartsTo(entries, dosDate(instant), { write: (b) => chunks.push(Buffer.from(b)) }, 2).then(() =>
        resolve(Buffer.concat(chunks)),
      );
    });
    expect(at2.equals(await yazlZip(entries, instant, 2))).toBe(true);
    expect(at2.equals(await zipParts(entries, dosDate(instant)))).toBe(false);
  });

  it('an entry that waits for zlib more than ten times leaves no listener behind (no MaxListenersExceededWarning)', async () => {
    // Each piece of 5 MiB is more than the deflater queues before the maker waits for it: twelve waits.
    const zeros = Buffer.alloc(5 << 20);
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    try {
      let size = 0;
      const parts = [{ name: 'sheet.xml', data: () => Array.from({ length: 12 }, () => zeros) }];
      await zipPartsTo(parts, dosDate(instant), { write: (b) => void (size += b.length), patch() {} });
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(size).toBeGreaterThan(0);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a workbook written through a port (writeFileFrom) is the workbook made in memory, byte for byte', async () => {
    const sheet: SheetSpec = {
      name: '台账',
      headers: ['序号', '记录编号'],
      rows: [
        [1, 'a'],
        [2, 'b'],
      ],
      inline: [1],
    };
    const port = new MemoryPort();
    await port.writeFileFrom('/ws/台账.xlsx', (o) => workbookTo([sheet], instant, 'hrss-credit', o));
    const written = Buffer.from(port.readFileSync('/ws/台账.xlsx'));
    expect(written.equals(await workbookBuffer([sheet], instant, 'hrss-credit'))).toBe(true);
  });

  it('dates before 1980 as yazl clamps them; names it refuses refused', async () => {
    const old = new Date(Date.UTC(1970, 0, 1));
    expect((await zipBuffer(entries.slice(0, 2), old)).equals(await yazlZip(entries.slice(0, 2), old))).toBe(true);
    for (const name of ['/abs', 'C:/x', 'a/../b', 'dir/', ''])
      await expect(zipParts([{ name, data: Buffer.from('x') }], dosDate(instant))).rejects.toThrow();
  });

  it("a workbook of many rows: e93424b's parts (the SHA-256 its zip had at level 6), deflated at level 5", async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [
      i + 1,
      `${String(i).padStart(12, '0')}`,
      i % 3 === 0 ? '红名单' : '黑名单',
      `新乡市测试${i % 977}有限公司`,
      `A&B <${i % 13}> "q"`,
      i % 5 === 0 ? ' 前后空格 ' : `文书号${i}`,
    ]);
    const sheets: SheetSpec[] = [
      {
        name: '红名单',
        headers: ['序号', '记录编号'],
        rows: [
          [1, 'a'],
          [2, 'b'],
        ],
      },
      { name: '移出名单', title: '标题', headers: ['序号', '记录编号', '名单类型', '主体名称', '备注', '文书号'], rows },
    ];
    const buf = await workbookBuffer(sheets, instant, 'hrss-credit');
    const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(sha256(buf)).toBe('f42ac17aaf70d5182fab33d9bb139b85e9bb77b05ac1d44d52d099fa56590002');
    // The same parts as before the level changed: zipped again at level 6, the bytes e93424b wrote.
    expect(sha256(await yazlZip(entriesOf(buf), instant, 6))).toBe('683b993efd3afbb88e0b354c35702820250bc9018cb60097e4cf01be00f1eee4');
  });

  it('gives zlib 256 KiB a write: 64 KiB pieces joined four at a time, a larger piece as it is, the rest at the end', () => {
    const piece = (n: number, byte: number): Buffer => Buffer.alloc(n, byte);
    const writes = new Writes();
    const given: Uint8Array[] = [];
    const big = piece(WRITE + 1, 9);
    for (const p of [piece(1 << 16, 1), piece(0, 0), piece(1 << 16, 2), piece(1 << 16, 3), piece(1 << 16, 4), big, piece(5, 5)]) {
      const w = writes.add(p);
      if (w) given.push(w);
    }
    const rest = writes.rest();
    if (rest) given.push(rest);
    expect(WRITE).toBe(1 << 18);
    expect(given.map((w) => w.length)).toEqual([WRITE, WRITE + 1, 5]);
    expect([...new Set(given[0])]).toEqual([1, 2, 3, 4]);
    // Held as it was given, not copied.
    expect(given[1]).toBe(big);
    expect(writes.rest()).toBeUndefined();
  });
});
