// Issue 18: evidence names compile cannot write, and evidence nested too deep. validate and compile
// run the same check, so they agree: a name too long for a file system is EVIDENCE_PATH_UNSAFE
// (tooLong) in both, never ENAMETOOLONG at compile; a folder more than four folders below 附件 is
// EVIDENCE_FILE_IGNORED (deep), never dropped silently — on disk and in a zip alike.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const SOURCE = join(EXAMPLE, 'submissions', '2026Q3', '就业办');
const TODAY = '2026-10-15';
let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('evidence-paths');
});
afterAll(() => cleanup(tmp));

function zipOf(files: [string, Buffer][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of files) z.addBuffer(data, name, { mtime: new Date(2026, 9, 9) });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const PDF = readFileSync(join(SOURCE, '附件', '典型案例报道.pdf'));
const BASE: [string, Buffer][] = [
  ['劳务派遣红黑名单.xlsx', readFileSync(join(SOURCE, '劳务派遣红黑名单.xlsx'))],
  ['附件/典型案例报道.pdf', PDF],
  ['附件/现场检查照片.jpg', readFileSync(join(SOURCE, '附件', '现场检查照片.jpg'))],
];

/** The example with 就业办 sent as a zip holding the base files and `extra`. */
async function zipWorkspace(extra: [string, Buffer][]): Promise<string> {
  const ws = join(tmp, `ws${++n}`);
  cpSync(EXAMPLE, ws, { recursive: true });
  rmSync(join(ws, 'submissions/2026Q3/就业办'), { recursive: true });
  writeFileSync(join(ws, 'submissions/2026Q3/就业办.zip'), await zipOf([...BASE, ...extra]));
  return ws;
}

function folderWorkspace(extra: string): string {
  const ws = join(tmp, `ws${++n}`);
  cpSync(EXAMPLE, ws, { recursive: true });
  const path = join(ws, 'submissions/2026Q3/就业办', extra);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, PDF);
  return ws;
}

type Diag = { code: string; location: { file?: string }; args: Record<string, unknown> };
async function run(args: string[], ws: string): Promise<{ code: number; diags: Diag[]; error?: { code: string } }> {
  const r = await runCli([...args, '--today', TODAY, '--format', 'json'], ws);
  const doc = JSON.parse(r.stdout) as { diagnostics?: Diag[]; error?: { code: string } };
  return { code: r.code, diags: doc.diagnostics ?? [], ...(doc.error ? { error: doc.error } : {}) };
}

const LONG_100 = `${'典型案例现场检查情况说明'.repeat(9)}材料.pdf`; // 100 characters + .pdf
const LONG_PATH = `附件/${'二〇二六年第三季度劳务派遣专项检查'.repeat(3)}/${'二〇二六年第三季度劳务派遣专项检查'.repeat(3)}/${'现场检查笔录及整改通知书'.repeat(5)}.pdf`;

describe('an evidence name compile could not write: validate and compile agree (EVIDENCE_PATH_UNSAFE tooLong)', () => {
  it.each([
    ['a 100-character Chinese file name', `附件/${LONG_100}`],
    ['a 100-character Chinese folder name', `附件/${LONG_100.replace(/\.pdf$/, '')}/报道.pdf`],
    ['a whole path over 140 characters, each name short enough', LONG_PATH],
  ])('in a zip: %s', async (_name, entry) => {
    const ws = await zipWorkspace([[entry, PDF]]);
    const v = await run(['validate', 'submissions/2026Q3/就业办.zip'], ws);
    const flagged = (d: Diag) =>
      d.code === 'EVIDENCE_PATH_UNSAFE' && d.args.problem === 'tooLong' && String(d.location.file).includes('就业办.zip!/');
    expect(v.diags.filter(flagged).length).toBe(1);
    expect(v.code).toBe(1);
    const c = await run(['compile', '2026Q3'], ws);
    expect(c.error).toBeUndefined();
    expect(c.code).toBe(1);
    expect(c.diags.filter(flagged).length).toBe(1);
  });
  it('a name of 60 Chinese characters is fine: validate passes it and compile packages it', async () => {
    const name = `附件/${'典型案例现场检查情况说明'.repeat(5)}.pdf`;
    const ws = await zipWorkspace([[name, PDF]]);
    const v = await run(['validate', 'submissions/2026Q3/就业办.zip'], ws);
    expect(v.diags.map((d) => d.code)).not.toContain('EVIDENCE_PATH_UNSAFE');
    const c = await run(['compile', '2026Q3'], ws);
    expect(c.code).toBe(0);
  });
});

describe('evidence more than four folders below 附件 is reported, not dropped silently', () => {
  const DEEP = '附件/2026/三季度/案例一/现场/照片说明.pdf';
  const SHALLOW = '附件/2026/三季度/案例一/照片说明.pdf';
  it.each([
    ['a folder', () => folderWorkspace(DEEP), 'submissions/2026Q3/就业办'],
    ['a zip', () => zipWorkspace([[DEEP, PDF]]), 'submissions/2026Q3/就业办.zip'],
  ] as const)('in %s: EVIDENCE_FILE_IGNORED names the deep folder, in validate and compile', async (_kind, make, target) => {
    const ws = await make();
    for (const args of [
      ['validate', target],
      ['compile', '2026Q3', '--dry-run'],
    ]) {
      const r = await run(args, ws);
      const deep = r.diags.filter((d) => d.code === 'EVIDENCE_FILE_IGNORED' && d.args.deep === 4);
      expect(deep.map((d) => d.location.file?.replace(/\\/g, '/').replace(/^.*就业办(\.zip!)?\//, ''))).toEqual([
        '附件/2026/三季度/案例一/现场',
      ]);
    }
  });
  it.each([
    ['a folder', () => folderWorkspace(SHALLOW)],
    ['a zip', () => zipWorkspace([[SHALLOW, PDF]])],
  ] as const)('four folders deep in %s is still found and packaged', async (_kind, make) => {
    const ws = await make();
    const c = await run(['compile', '2026Q3'], ws);
    expect(c.code).toBe(0);
    expect(c.diags.filter((d) => d.code === 'EVIDENCE_FILE_IGNORED')).toEqual([]);
    expect(readFileSync(join(ws, 'packages/2026Q3/典型案例/就业办', SHALLOW.slice('附件/'.length))).equals(PDF)).toBe(true);
  });
});
