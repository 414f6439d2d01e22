// Mutation fuzzing: valid xlsx and CSV files with flipped bytes, truncation, inserted bytes and
// shuffled, dropped or damaged zip entries. Every run must end in findings or a pass (exit 0 or 1)
// with one JSON document: no uncaught error, no exit 2, no hang. Fixed seed and number of runs in CI;
// longer, with a time budget, with `npm run fuzz` (FUZZ_RUNS, FUZZ_SECONDS, FUZZ_SEED).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 160);
// A time budget only for the long run (`npm run fuzz`); the test suite runs every one of its cases.
const SECONDS = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) : undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const Q = join(ROOT, 'fixtures', 'example-workspace', 'submissions', '2026Q3');
const SEEDS = [
  join(Q, '就业办', '劳务派遣红黑名单.xlsx'),
  join(Q, '社保中心', '社会保险领域信用红黑名单.xlsx'),
  join(Q, '监察支队', '拖欠工资等失信黑名单.xlsx'),
  join(Q, '劳动关系科', '劳动关系科信用红黑名单.csv'),
  join(Q, '就业局', '就业领域红名单.txt'),
  join(ROOT, 'fixtures', 'real', 'libreoffice-id-typed-as-number', '黑名单.xlsx'),
  join(ROOT, 'fixtures', 'real', 'gnumeric-id-typed-as-number', '黑名单.xlsx'),
  join(ROOT, 'fixtures', 'real', 'openpyxl-absolute-paths', '名单.xlsx'),
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function unzipAll(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      z.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) return z.readEntry();
        z.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks) });
            z.readEntry();
          });
        });
      });
      z.on('end', () => resolve(out));
      z.readEntry();
    });
  });
}

function zipAll(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const z = new yazl.ZipFile();
    for (const e of entries) z.addBuffer(e.data, e.name);
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

type Mutation = (buf: Buffer, rnd: () => number) => Promise<{ bytes: Buffer; what: string }>;
const int = (rnd: () => number, n: number): number => Math.floor(rnd() * n);

const BYTE_MUTATIONS: Mutation[] = [
  async (b, r) => {
    const out = Buffer.from(b);
    const n = 1 + int(r, 16);
    for (let i = 0; i < n; i++) out[int(r, out.length)] = int(r, 256);
    return { bytes: out, what: `flip ${n} bytes` };
  },
  async (b, r) => {
    const at = int(r, b.length);
    return { bytes: b.subarray(0, at), what: `truncate at ${at}` };
  },
  async (b, r) => {
    const at = int(r, b.length);
    const junk = Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)));
    return { bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]), what: `insert ${junk.length} bytes at ${at}` };
  },
];

const ZIP_MUTATIONS: Mutation[] = [
  async (b, r) => {
    const e = await unzipAll(b);
    for (let i = e.length - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [e[i], e[j]] = [e[j] as (typeof e)[number], e[i] as (typeof e)[number]];
    }
    return { bytes: await zipAll(e), what: 'shuffle entries' };
  },
  async (b, r) => {
    const e = await unzipAll(b);
    const gone = e.splice(int(r, e.length), 1)[0];
    return { bytes: await zipAll(e), what: `drop ${gone?.name}` };
  },
  async (b, r) => {
    const e = await unzipAll(b);
    const victim = e[int(r, e.length)] as { name: string; data: Buffer };
    const d = Buffer.from(victim.data);
    const n = 1 + int(r, 8);
    for (let i = 0; i < n && d.length > 0; i++) d[int(r, d.length)] = '<>&"/= x\u0000'.charCodeAt(int(r, 10));
    victim.data = d;
    return { bytes: await zipAll(e), what: `damage ${n} bytes of ${victim.name}` };
  },
  async (b, r) => {
    const e = await unzipAll(b);
    const victim = e[int(r, e.length)] as { name: string; data: Buffer };
    victim.data = victim.data.subarray(0, int(r, victim.data.length));
    return { bytes: await zipAll(e), what: `cut ${victim.name}` };
  },
];

let tmp: string;
beforeAll(() => {
  tmp = tempDir('fuzz');
});
afterAll(() => cleanup(tmp));

describe('mutation fuzzing', () => {
  it(`${RUNS} mutated files end in findings or a pass (seed ${SEED}${SECONDS ? `, ${SECONDS} s at most` : ''})`, async () => {
    const rnd = mulberry32(SEED);
    const seeds = SEEDS.map((p) => ({ path: p, bytes: readFileSync(p) }));
    const deadline = SECONDS ? Date.now() + SECONDS * 1000 : Number.POSITIVE_INFINITY;
    let done = 0;
    mkdirSync(join(tmp, 'cases'), { recursive: true });
    for (let i = 0; i < RUNS && Date.now() < deadline; i++) {
      const seed = seeds[int(rnd, seeds.length)] as { path: string; bytes: Buffer };
      const ext = extname(seed.path);
      const pool = ext === '.xlsx' ? [...BYTE_MUTATIONS, ...ZIP_MUTATIONS, ...ZIP_MUTATIONS] : BYTE_MUTATIONS;
      const { bytes, what } = await (pool[int(rnd, pool.length)] as Mutation)(seed.bytes, rnd);
      const file = join(tmp, 'cases', `黑名单-${i}${ext}`);
      writeFileSync(file, bytes);
      const res = await runCli(['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'], tmp);
      const context = `case ${i}: ${what} of ${seed.path.slice(ROOT.length + 1)} (${file}); stderr: ${res.stderr.slice(0, 300)}`;
      expect([0, 1], context).toContain(res.code);
      const doc = JSON.parse(res.stdout);
      expect(doc.command, context).toBe('validate');
      done++;
    }
    if (SECONDS) expect(done).toBeGreaterThan(Math.min(RUNS, 20));
    else expect(done).toBe(RUNS);
  }, ((SECONDS ?? 120) + 60) * 1000);
});
