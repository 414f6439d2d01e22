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
import { mulberry32 } from './helpers/random.js';

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

/**
 * Hostile generators: each class of input that once crashed, hung or exhausted memory, in random
 * members (values, depths, counts), kept so that the class stays closed.
 */
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)] as T;
const HOSTILE_SERIALS = [
  '1E+20',
  '-1E+20',
  '-1',
  '2958466',
  '1.7976931348623157E+308',
  '401769',
  'Infinity',
  'NaN',
  '1e400',
  '0',
  '-0.5',
  '2958465.99',
];
const sheetEntry = <E extends { name: string }>(e: E[]) => e.find((x) => /worksheets\/sheet\d*\.xml$/i.test(x.name));
const XLSX_HOSTILE: Mutation[] = [
  // A number cell becomes a hostile serial, with the first date style the workbook has (s="1" often is one).
  async (b, r) => {
    const e = await unzipAll(b);
    const s = sheetEntry(e);
    if (!s) return { bytes: b, what: 'no sheet' };
    const v = pick(r, HOSTILE_SERIALS);
    const style = int(r, 4);
    let n = 0;
    s.data = Buffer.from(
      s.data
        .toString('utf8')
        .replace(/<c r="([A-Z]+\d+)"([^>]*?)(\/?)>(?:<v>[^<]*<\/v><\/c>)?/g, (m, ref: string, _a: string, selfClose: string) =>
          selfClose === '' && r() < 0.3 && ++n ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : m,
        ),
    );
    return { bytes: await zipAll(e), what: `${n} cells set to serial ${v} style ${style}` };
  },
  // A t="d" cell or a typed date far outside 1900–2999.
  async (b, r) => {
    const e = await unzipAll(b);
    const s = sheetEntry(e);
    if (!s) return { bytes: b, what: 'no sheet' };
    const d = pick(r, ['9999-12-31', '0001-01-01', '1899-12-31', '3000-01-01', '10000-01-01', '0000-00-00']);
    s.data = Buffer.from(
      s.data
        .toString('utf8')
        .replace(/<c r="([A-Z]+\d+)"[^>]*><v>4\d{4}<\/v><\/c>/g, (m, ref: string) =>
          r() < 0.5 ? `<c r="${ref}" t="d"><v>${d}</v></c>` : m,
        ),
    );
    return { bytes: await zipAll(e), what: `t="d" ${d}` };
  },
  // Formulas without a cached value, in the spellings exporters use.
  async (b, r) => {
    const e = await unzipAll(b);
    const s = sheetEntry(e);
    if (!s) return { bytes: b, what: 'no sheet' };
    const tail = pick(r, ['<v></v>', '<v/>', '', '<v></v>']);
    s.data = Buffer.from(s.data.toString('utf8').replace(/<v>([^<]*)<\/v>/g, (m) => (r() < 0.2 ? `<f>A1</f>${tail}` : m)));
    return { bytes: await zipAll(e), what: `formulas ending ${tail || 'with no <v>'}` };
  },
  // Deep nesting in a random part.
  async (b, r) => {
    const e = await unzipAll(b);
    const victim = pick(
      r,
      e.filter((x) => /\.(xml|rels)$/i.test(x.name)),
    );
    const depth = pick(r, [63, 65, 200, 5000, 100000]);
    const text = victim.data.toString('utf8');
    const at = text.lastIndexOf('</');
    victim.data = Buffer.from(at > 0 ? text.slice(0, at) + '<q>'.repeat(depth) + text.slice(at) : text);
    return { bytes: await zipAll(e), what: `nest ${depth} in ${victim.name}` };
  },
  // The sheet entries repeated, all over the same parts.
  async (b, r) => {
    const e = await unzipAll(b);
    const wb = e.find((x) => /workbook\.xml$/i.test(x.name));
    if (!wb) return { bytes: b, what: 'no workbook' };
    const times = pick(r, [2, 50, 254, 256, 3000]);
    let k = 0;
    wb.data = Buffer.from(
      wb.data
        .toString('utf8')
        .replace(/<sheet\b[^>]*\/>/g, (m) =>
          Array.from({ length: times }, () => m.replace(/name="([^"]*)"/, (_x, n: string) => `name="${n}${k++ || ''}"`)).join(''),
        ),
    );
    return { bytes: await zipAll(e), what: `${times}× every sheet` };
  },
  // Long text, long attribute values, many attributes.
  async (b, r) => {
    const e = await unzipAll(b);
    const s = sheetEntry(e);
    if (!s) return { bytes: b, what: 'no sheet' };
    const n = pick(r, [32767, 32768, 100000]);
    const how = pick(r, ['text', 'attr', 'attrs'] as const);
    const text = s.data.toString('utf8');
    s.data = Buffer.from(
      how === 'text'
        ? text.replace(/<v>([^<]*)<\/v>/, `<v>${'9'.repeat(n)}</v>`)
        : how === 'attr'
          ? text.replace(/<row /, `<row x="${'a'.repeat(n)}" `)
          : text.replace(/<row /, `<row ${Array.from({ length: Math.min(n, 20000) }, (_, i) => `a${i}="1"`).join(' ')} `),
    );
    return { bytes: await zipAll(e), what: `${how} ${n}` };
  },
  // Every row numbered 1.
  async (b) => {
    const e = await unzipAll(b);
    const s = sheetEntry(e);
    if (!s) return { bytes: b, what: 'no sheet' };
    s.data = Buffer.from(
      s.data
        .toString('utf8')
        .replace(/<row r="\d+"/g, '<row r="1"')
        .replace(/ r="([A-Z]+)\d+"/g, ' r="$11"'),
    );
    return { bytes: await zipAll(e), what: 'every row r="1"' };
  },
];
const CSV_HOSTILE: Mutation[] = [
  // A record of separators only, or with content past them.
  async (b, r) => {
    const n = pick(r, [199, 201, 16383, 16385, 40000]);
    const line = Buffer.from(`${pick(r, [',', ';', '\t']).repeat(n)}${r() < 0.5 ? 'x' : ''}\r\n`);
    const at = b.indexOf(0x0a) + 1;
    return { bytes: Buffer.concat([b.subarray(0, at), line, b.subarray(at)]), what: `${n} separators` };
  },
  // CR-only line ends.
  async (b) => ({ bytes: Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1'), what: 'CR-only' }),
  // A date column holding dates outside 1900–2999.
  async (b, r) => {
    const d = pick(r, ['3000-01-01', '1899-12-31', '0999-01-01', '99999999', '2958466', '1e20']);
    return {
      bytes: Buffer.from(
        b.toString('latin1').replace(/20\d\d-\d\d-\d\d/g, (m) => (r() < 0.3 ? d : m)),
        'latin1',
      ),
      what: `dates ${d}`,
    };
  },
];

let tmp: string;
beforeAll(() => {
  tmp = tempDir('fuzz');
});
afterAll(() => cleanup(tmp));

describe('mutation fuzzing', () => {
  it(
    `${RUNS} mutated files end in findings or a pass (seed ${SEED}${SECONDS ? `, ${SECONDS} s at most` : ''})`,
    async () => {
      const rnd = mulberry32(SEED);
      const seeds = SEEDS.map((p) => ({ path: p, bytes: readFileSync(p) }));
      const deadline = SECONDS ? Date.now() + SECONDS * 1000 : Number.POSITIVE_INFINITY;
      let done = 0;
      mkdirSync(join(tmp, 'cases'), { recursive: true });
      for (let i = 0; i < RUNS && Date.now() < deadline; i++) {
        const seed = seeds[int(rnd, seeds.length)] as { path: string; bytes: Buffer };
        const ext = extname(seed.path);
        const pool =
          ext === '.xlsx' ? [...BYTE_MUTATIONS, ...ZIP_MUTATIONS, ...ZIP_MUTATIONS, ...XLSX_HOSTILE] : [...BYTE_MUTATIONS, ...CSV_HOSTILE];
        const { bytes, what } = await (pool[int(rnd, pool.length)] as Mutation)(seed.bytes, rnd);
        const file = join(tmp, 'cases', `黑名单-${i}${ext}`);
        writeFileSync(file, bytes);
        const res = await runCli(
          ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
          tmp,
        );
        const context = `case ${i}: ${what} of ${seed.path.slice(ROOT.length + 1)} (${file}); stderr: ${res.stderr.slice(0, 300)}`;
        expect([0, 1], context).toContain(res.code);
        const doc = JSON.parse(res.stdout);
        expect(doc.command, context).toBe('validate');
        // No date arithmetic on an invalid date (a serial of 1e20 once became 0NaN-NaN-NaN).
        expect(res.stdout, context).not.toMatch(/NaN-NaN/);
        done++;
      }
      if (SECONDS) expect(done).toBeGreaterThan(Math.min(RUNS, 20));
      else expect(done).toBe(RUNS);
    },
    ((SECONDS ?? 120) + 60) * 1000,
  );
});
