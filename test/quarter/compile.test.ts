// compile, verify, export: the package read back by a reader independent of the writer (our own
// streaming OOXML reader, not exceljs), determinism, refusals, the lock, interrupted writes.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { openWorkbook } from '../../src/io/sniff.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { scoreRows } from '../../src/table/header.js';
import type { CellValue } from '../../src/table/cells.js';
import { listFiles } from '../../src/io/package/package-fs.js';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';
import { copyWithin, csvBytes, memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';
import type { MemoryPort } from '../../src/io/memory-port.js';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const TODAY = '2026-10-15';
const BIN = join(ROOT, 'bin', 'hrss-credit.js');
let tmp: string;

beforeAll(() => {
  tmp = tempDir('compile');
});
afterAll(() => cleanup(tmp));

function copyExample(name: string): string {
  const dir = join(tmp, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

async function readSheets(file: string): Promise<Record<string, string[][]>> {
  const wb = await openWorkbook(file, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const out: Record<string, string[][]> = {};
  for (const s of wb.sheets) {
    const rows: string[][] = [];
    await s.read((r) => {
      rows.push(r.cells.map((c: CellValue) => (c === null || c === undefined ? '' : String(c))));
    });
    out[s.name] = rows;
  }
  await wb.close();
  return out;
}

const FULL_ID = /\b\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dX]\b/;

interface Spawned {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Resolves when the compile holds the lock and its package is whole in the temporary folder (HRSS_CREDIT_FAULT=pause-before-swap). */
  paused: Promise<void>;
  resume(): void;
  kill(sig: NodeJS.Signals): void;
}

/** Runs bin/ with an IPC channel: the fault hook reports the event the test waits for, no timer. */
function spawnBin(args: string[], cwd: string, env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const paused = new Promise<void>((resolve, reject) => {
    child.on('message', (m) => (m === 'paused-before-swap' ? resolve() : undefined));
    void done.then((r) => reject(new Error(`exited (${r.code}) before the pause: ${r.stderr}`)));
  });
  paused.catch(() => undefined);
  return { done, paused, resume: () => child.send('go on'), kill: (sig) => child.kill(sig) };
}

describe('compile the example workspace', () => {
  let ws: string;
  let pkg: string;
  let json: { valid: boolean; written: boolean; counts: { red: number; black: number }; diagnostics: unknown[] };

  beforeAll(async () => {
    ws = copyExample('example');
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json', '--zip'], ROOT);
    expect(res.code).toBe(0);
    json = JSON.parse(res.stdout);
    pkg = join(ws, 'packages', '2026Q3');
  });

  it('writes the package laid out as package.md says', () => {
    expect(json.valid).toBe(true);
    expect(json.written).toBe(true);
    const files = listFiles(pkg);
    expect(files).toEqual(
      expect.arrayContaining([
        '公示/新乡市人社局信用红黑名单_2026Q3.xlsx',
        '公示/红名单.csv',
        '公示/黑名单.csv',
        '共享/新乡市人社局信用红黑名单_2026Q3_共享.xlsx',
        '报送情况.xlsx',
        'records.json',
        'manifest.json',
        'report.json',
        '典型案例/就业办/典型案例报道.pdf',
        '典型案例/考试中心/报送单.pdf',
      ]),
    );
  });

  it('the 公示 workbook has the template headers and one row per record, IDs masked', async () => {
    const sheets = await readSheets(join(pkg, '公示', '新乡市人社局信用红黑名单_2026Q3.xlsx'));
    expect(Object.keys(sheets)).toEqual(['红名单', '黑名单']);
    const header = sheets['红名单']?.[0];
    expect(header?.[0]).toBe('序号');
    expect(header).toContain('证件号码');
    expect(header).not.toContain('法定代表人证件号码');
    expect((sheets['红名单']?.length ?? 0) - 1).toBe(json.counts.red);
    expect((sheets['黑名单']?.length ?? 0) - 1).toBe(json.counts.black);
    const idCol = header?.indexOf('证件号码') as number;
    const ids = sheets['黑名单']
      ?.slice(1)
      .map((r) => r[idCol])
      .filter(Boolean);
    expect(ids).toEqual(['410782********0510', '410711********0138', '410783********0265']);
  });

  it('no full natural-person ID number in 公示/, report.json or manifest.json; 共享/ has them', async () => {
    for (const f of listFiles(join(pkg, '公示'))) {
      if (f.endsWith('.csv')) expect(readFileSync(join(pkg, '公示', f), 'utf8')).not.toMatch(FULL_ID);
      else expect(JSON.stringify(await readSheets(join(pkg, '公示', f)))).not.toMatch(FULL_ID);
    }
    expect(readFileSync(join(pkg, 'report.json'), 'utf8')).not.toMatch(FULL_ID);
    expect(readFileSync(join(pkg, 'manifest.json'), 'utf8')).not.toMatch(FULL_ID);
    const shared = JSON.stringify(await readSheets(join(pkg, '共享', '新乡市人社局信用红黑名单_2026Q3_共享.xlsx')));
    expect(shared).toContain('410782198503120510');
    expect(shared).toContain('法定代表人证件号码');
  });

  it('copies the evidence byte for byte', () => {
    const a = readFileSync(join(ws, 'submissions/2026Q3/监察支队/附件/欠薪案件典型案例.txt'));
    expect(readFileSync(join(pkg, '典型案例/市劳动保障监察支队/欠薪案件典型案例.txt')).equals(a)).toBe(true);
  });

  it('the manifest hashes every input and output, and verify passes', async () => {
    const m = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    expect(m.outputs.map((o: { path: string }) => o.path).sort()).toEqual(listFiles(pkg).filter((f) => f !== 'manifest.json'));
    // Every file of the quarter's department folders is an input, and nothing else.
    expect(m.inputs.map((i: { path: string }) => i.path).sort()).toEqual(
      listFiles(join(ws, 'submissions', '2026Q3'))
        .map((f) => `submissions/2026Q3/${f}`)
        .sort(),
    );
    expect(m.inputs.every((i: { path: string }) => i.path.startsWith('submissions/2026Q3/'))).toBe(true);
    expect(JSON.stringify(m)).not.toContain(ROOT);
    const v = await runCli(['verify', pkg], ROOT);
    expect(v.code).toBe(0);
  });

  it('the CSV is UTF-8 with a BOM and CRLF', () => {
    const csv = readFileSync(join(pkg, '公示', '黑名单.csv'));
    expect(csv.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.toString('utf8')).toContain('\r\n');
  });

  it('the zip carries the UTF-8 name flag on every entry', async () => {
    const entries = await new Promise<{ name: string; flag: number }[]>((resolve, reject) => {
      yauzl.open(join(ws, 'packages', '2026Q3.zip'), { lazyEntries: true }, (err, z) => {
        if (err || !z) return reject(err);
        const out: { name: string; flag: number }[] = [];
        z.on('entry', (e: yauzl.Entry) => {
          out.push({ name: e.fileName, flag: e.generalPurposeBitFlag });
          z.readEntry();
        });
        z.on('end', () => resolve(out));
        z.readEntry();
      });
    });
    expect(entries.length).toBe(listFiles(pkg).length);
    expect(entries.every((e) => (e.flag & 0x800) !== 0)).toBe(true);
    expect(entries.map((e) => e.name)).toContain('2026Q3/公示/红名单.csv');
  });

  it('verify fails after a byte changes, a file is added or removed', async () => {
    const copy = join(tmp, 'tampered');
    cpSync(pkg, copy, { recursive: true });
    appendFileSync(join(copy, '公示', '红名单.csv'), ' ');
    const v1 = await runCli(['verify', copy, '--format', 'json'], ROOT);
    expect(v1.code).toBe(1);
    expect(JSON.parse(v1.stdout).changed).toEqual(['公示/红名单.csv']);
    writeFileSync(join(copy, 'extra.txt'), 'x');
    rmSync(join(copy, 'records.json'));
    const v2 = JSON.parse((await runCli(['verify', copy, '--format', 'json'], ROOT)).stdout);
    expect(v2.added).toEqual(['extra.txt']);
    expect(v2.missing).toEqual(['records.json']);
  });

  it('refuses to overwrite without --force, and keeps the old package with it', async () => {
    const again = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['PACKAGE_EXISTS']);
    const forced = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json', '--force'], ROOT);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).replaced).toMatch(/packages\/2026Q3\.replaced-\d{8}T\d{6}Z$/);
    // The old package goes away whole: its folder, its zip and its manifest hash.
    const stampName = JSON.parse(forced.stdout).replaced.split('/').pop();
    expect(
      readdirSync(join(ws, 'packages'))
        .filter((n) => n.startsWith('2026Q3.replaced-'))
        .sort(),
    ).toEqual([stampName, `${stampName}.manifest.sha256`, `${stampName}.zip`]);
  });

  it('export writes the files again for an audience and a template', async () => {
    const to = join(tmp, 'export');
    const res = await runCli(['export', pkg, '--to', to, '--audience', 'sharing', '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    const sheets = await readSheets(join(to, '新乡市人社局信用红黑名单_2026Q3_共享.xlsx'));
    expect(JSON.stringify(sheets)).toContain('410782198503120510');
    const tpl = join(tmp, 'tpl.json');
    writeFileSync(
      tpl,
      JSON.stringify({
        name: '自定义',
        version: 2,
        sheets: { red: '守信', black: '失信' },
        fileName: '导出_{quarter}',
        columns: [
          { header: '名称', field: 'subjectName' },
          { header: '类别', field: 'subjectType', codes: { 法人及非法人组织: '1', 个体工商户: '2', 自然人: '0' } },
          { header: '号码', field: 'idNumber', public: 'mask' },
        ],
      }),
    );
    const res2 = await runCli(['export', pkg, '--to', join(tmp, 'export2'), '--template', tpl], ROOT);
    expect(res2.code).toBe(0);
    const s2 = await readSheets(join(tmp, 'export2', '导出_2026Q3.xlsx'));
    expect(s2['失信']?.[0]).toEqual(['名称', '类别', '号码']);
    expect(s2['失信']?.some((r) => r[1] === '0' && r[2] === '410782********0510')).toBe(true);
    // package.md's example map leaves out 个体工商户: such a record was written as the label among the codes with
    // no word. The spec's example loads as written; the export says which labels have no code (a warning).
    const partial = join(tmp, 'partial-tpl.json');
    const columns = [
      { header: '名称', field: 'subjectName' },
      { header: '类别', field: 'subjectType', codes: { 法人及非法人组织: '1', 自然人: '0' } },
    ];
    writeFileSync(partial, JSON.stringify({ name: 'p', version: 1, sheets: { red: 'a', black: 'b' }, fileName: 'f', columns }));
    const resP = await runCli(['export', pkg, '--to', join(tmp, 'export4'), '--template', partial, '--format', 'json'], ROOT);
    expect(resP.code).toBe(0);
    const gaps = JSON.parse(resP.stdout).diagnostics.filter((d: { code: string }) => d.code === 'TEMPLATE_CODES_INCOMPLETE');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: 'warning', args: { column: '类别', labels: '个体工商户' } });
    expect(gaps[0].message).toMatch(/“类别”列的 codes 代码表中没有“个体工商户”的代码/);
    expect(existsSync(join(tmp, 'export4', 'f.xlsx'))).toBe(true);
    // --strict makes the warning fail the export, as every warning.
    const resS = await runCli(['export', pkg, '--to', join(tmp, 'export5'), '--template', partial, '--strict'], ROOT);
    expect(resS.code).toBe(1);
    const bad = join(tmp, 'bad-tpl.json');
    writeFileSync(
      bad,
      JSON.stringify({ name: 'x', version: 1, sheets: { red: 'a', black: 'b' }, fileName: 'f', columns: [{ header: 'h', field: 'nope' }] }),
    );
    const res3 = await runCli(['export', pkg, '--to', join(tmp, 'export3'), '--template', bad, '--format', 'json'], ROOT);
    expect(res3.code).toBe(2);
    expect(JSON.parse(res3.stdout).error.message).toContain('columns[0].field');
  });
});

describe('determinism', () => {
  it('with SOURCE_DATE_EPOCH two compiles are identical in every byte, xlsx and zip included', async () => {
    const ws = copyExample('det');
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const a = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'det-a'), '--zip'], ROOT, env);
    const b = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'det-b'), '--zip'], ROOT, env);
    expect([a.code, b.code]).toEqual([0, 0]);
    const files = listFiles(join(tmp, 'det-a'));
    expect(files).toEqual(listFiles(join(tmp, 'det-b')));
    for (const f of files) expect(readFileSync(join(tmp, 'det-a', f)).equals(readFileSync(join(tmp, 'det-b', f))), f).toBe(true);
  });
  it('without it, only manifest.json differs (its generatedAt)', async () => {
    const ws = copyExample('det2');
    // No wait for the clock to tick: the two runs may fall in the same second or not; every file but
    // the manifest is equal either way, and the manifests are equal but for generatedAt.
    const before = Math.floor(Date.now() / 1000) * 1000;
    await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'det-c')], ROOT);
    await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'det-d')], ROOT);
    const files = listFiles(join(tmp, 'det-c'));
    expect(files).toEqual(listFiles(join(tmp, 'det-d')));
    const differ = files.filter((f) => !readFileSync(join(tmp, 'det-c', f)).equals(readFileSync(join(tmp, 'det-d', f))));
    // The manifest's hash beside the package follows the manifest.
    expect(differ.filter((f) => f !== '2026Q3/manifest.json' && f !== '2026Q3.manifest.sha256')).toEqual([]);
    const manifest = (dir: string): unknown => ({
      ...JSON.parse(readFileSync(join(tmp, dir, '2026Q3', 'manifest.json'), 'utf8')),
      generatedAt: 'x',
    });
    expect(manifest('det-c')).toEqual(manifest('det-d'));
    expect(Date.parse(JSON.parse(readFileSync(join(tmp, 'det-c', '2026Q3', 'manifest.json'), 'utf8')).generatedAt)).toBeGreaterThanOrEqual(
      before,
    );
  });
});

// The checks below are about what compile finds, not about the disk: they run on a workspace held in memory
// (test/helpers/memory-workspace.ts; compile on the file-system port, issue 20).
describe('a department that has not submitted', () => {
  it('PACKAGE_SUBMISSION_MISSING names it (a warning: the package is written)', async () => {
    const { io, ws } = memoryWorkspace('missing-dept');
    io.remove(join(ws, 'submissions', '2026Q3', '考试中心'));
    const res = await runCliOn(io, ['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.written).toBe(true);
    const found = doc.diagnostics.filter((d: { code: string }) => d.code === 'PACKAGE_SUBMISSION_MISSING');
    expect(
      found.map((d: { args: unknown; location: unknown; severity: string }) => ({
        args: d.args,
        location: d.location,
        severity: d.severity,
      })),
    ).toEqual([{ args: { department: '考试中心' }, location: {}, severity: 'warning' }]);
    const all = memoryWorkspace('all-depts');
    const full = await runCliOn(all.io, ['compile', '2026Q3', '-w', all.ws, '--today', TODAY, '--format', 'json'], all.ws);
    expect(JSON.parse(full.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('PACKAGE_SUBMISSION_MISSING');
  });
});

describe('refusals: exit 1 and nothing written', () => {
  async function expectRefused(io: MemoryPort, ws: string, code: string): Promise<void> {
    const res = await runCliOn(io, ['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout);
    expect(doc.written).toBe(false);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toContain(code);
    expect(io.exists(join(ws, 'packages', '2026Q3'))).toBe(false);
  }

  it('a folder that is no department of the matrix', async () => {
    const { io, ws } = memoryWorkspace('wrong-dept');
    io.put(
      join(ws, 'submissions', '2026Q3', '宣传科', '报送单.csv'),
      csvBytes([
        ['报送单位', '宣传科'],
        ['报送季度', '2026Q3'],
        ['填报人', '甲'],
        ['审核人', '乙'],
        ['审核日期', '2026-10-08'],
        ['审定人', '丙'],
        ['审定日期', '2026-10-09'],
        ['无信息报告', '是'],
      ]),
    );
    await expectRefused(io, ws, 'MATRIX_DEPARTMENT_UNKNOWN');
  });

  it("a subject on one department's red list and another's black list", async () => {
    const { io, ws } = memoryWorkspace('conflict');
    io.put(
      join(ws, 'submissions', '2026Q3', '就业局', '补充红名单.csv'),
      csvBytes([
        ['领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定日期'],
        [
          '就业',
          '法人及非法人组织',
          '新乡市红旗区鑫达劳务服务有限公司',
          '91410702MA9LQ3T4X3',
          '刘志强',
          '吸纳就业',
          '《就业促进法》',
          '2026-09-20',
        ],
      ]),
    );
    await expectRefused(io, ws, 'PACKAGE_RED_BLACK_CONFLICT');
  });

  it('two folders for one department (a name and its alias): PACKAGE_DEPARTMENT_DUPLICATE on the second', async () => {
    const { io, ws } = memoryWorkspace('dept-twice');
    const q = join(ws, 'submissions', '2026Q3');
    copyWithin(io, join(q, '监察科'), join(q, '劳动保障监察科'));
    await expectRefused(io, ws, 'PACKAGE_DEPARTMENT_DUPLICATE');
    const res = await runCliOn(io, ['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    const found = JSON.parse(res.stdout).diagnostics.filter((d: { code: string }) => d.code === 'PACKAGE_DEPARTMENT_DUPLICATE');
    expect(
      found.map((d: { args: unknown; location: unknown; severity: string }) => ({
        args: d.args,
        location: d.location,
        severity: d.severity,
      })),
    ).toEqual([
      {
        args: { department: '监察科', folders: ['submissions/2026Q3/劳动保障监察科', 'submissions/2026Q3/监察科'] },
        location: { file: 'submissions/2026Q3/监察科' },
        severity: 'error',
      },
    ]);
  });

  it('one record submitted by two departments', async () => {
    const { io, ws } = memoryWorkspace('dup');
    const q = join(ws, 'submissions', '2026Q3');
    io.put(join(q, '监察科', '名单.csv'), io.readFileSync(join(q, '劳动关系科', '劳动关系科信用红黑名单.csv')));
    const res = await runCliOn(io, ['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    expect(res.code).toBe(1);
    const dup = JSON.parse(res.stdout).diagnostics.find((d: { code: string }) => d.code === 'PACKAGE_DUPLICATE');
    // Places are data (file, sheet, row), written out by the catalogue.
    const files = dup.args.places.map((p: { file: string }) => p.file).join('|');
    expect(files).toContain('劳动关系科');
    expect(files).toContain('监察科');
    expect(io.exists(join(ws, 'packages', '2026Q3'))).toBe(false);
  });

  it('two folders naming the same quarter', async () => {
    const { io, ws } = memoryWorkspace('quarter-twice');
    io.mkdir(join(ws, 'submissions', '2026年第三季度', '就业局'));
    await expectRefused(io, ws, 'PACKAGE_QUARTER_DUPLICATE');
  });

  it('--dry-run checks and writes nothing', async () => {
    const { io, ws } = memoryWorkspace('dry');
    const res = await runCliOn(io, ['compile', 'Q3', '-w', ws, '--today', TODAY, '--dry-run'], ws);
    expect(res.code).toBe(0);
    expect(io.exists(join(ws, 'packages'))).toBe(false);
    expect(io.written).toEqual([]);
  });
});

describe('quarter folders in any spelling', () => {
  it('compiles submissions/2026年第三季度 as 2026Q3', async () => {
    const { io, ws } = memoryWorkspace('spelling');
    io.rename(join(ws, 'submissions', '2026Q3'), join(ws, 'submissions', '2026年第三季度'));
    const res = await runCliOn(io, ['compile', '2026-Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    expect(res.code).toBe(0);
    const m = JSON.parse(new TextDecoder().decode(io.readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'))));
    expect(m.quarter).toBe('2026Q3');
    expect(m.inputs[0].path.startsWith('submissions/2026年第三季度/')).toBe(true);
  });
});

describe('safety of the output', () => {
  it('a second compile while one holds the lock fails clearly with exit 2', async () => {
    const ws = copyExample('lock');
    mkdirSync(join(ws, 'packages'), { recursive: true });
    writeFileSync(join(ws, 'packages', '.hrss-credit.lock'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).error.code).toBe('LOCK_HELD');
    expect(existsSync(join(ws, 'packages', '2026Q3'))).toBe(false);
  });

  it('two compiles at once: the second fails with exit 2, the first writes a whole package', async () => {
    const ws = copyExample('concurrent');
    const first = spawnBin(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_FAULT: 'pause-before-swap' });
    await first.paused;
    expect(existsSync(join(ws, 'packages', '.hrss-credit.lock'))).toBe(true);
    const second = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--force', '--format', 'json'], ROOT);
    expect(second.code).toBe(2);
    expect(JSON.parse(second.stdout).error.code).toBe('LOCK_HELD');
    first.resume();
    expect((await first.done).code).toBe(0);
    expect((await runCli(['verify', join(ws, 'packages', '2026Q3')], ROOT)).code).toBe(0);
    expect(readdirSync(join(ws, 'packages')).sort()).toEqual(['2026Q3', '2026Q3.manifest.sha256']);
  });

  it('a stale lock of a dead process is taken over', async () => {
    const ws = copyExample('stale-lock');
    mkdirSync(join(ws, 'packages'), { recursive: true });
    writeFileSync(join(ws, 'packages', '.hrss-credit.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, since: '2026-10-15T08:00:00Z' }));
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    expect(res.code).toBe(0);
    expect(existsSync(join(ws, 'packages', '.hrss-credit.lock'))).toBe(false);
  });

  it('a compile killed mid-write leaves no half package, and the next run cleans up', async () => {
    const ws = copyExample('killed');
    const p = spawnBin(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_FAULT: 'pause-before-swap' });
    const packages = join(ws, 'packages');
    await p.paused;
    expect(readdirSync(packages).some((n) => n.startsWith('.2026Q3.tmp-') && existsSync(join(packages, n, 'manifest.json')))).toBe(true);
    p.kill('SIGKILL');
    const r = await p.done;
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(join(packages, '2026Q3'))).toBe(false);
    const next = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    expect(next.code).toBe(0);
    expect(readdirSync(packages).sort()).toEqual(['2026Q3', '2026Q3.manifest.sha256']);
  });

  it('Ctrl-C mid-write removes the temporary folder at once', async () => {
    const ws = copyExample('interrupted');
    const p = spawnBin(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_FAULT: 'pause-before-swap' });
    const packages = join(ws, 'packages');
    await p.paused;
    expect(readdirSync(packages).some((n) => n.startsWith('.2026Q3.tmp-'))).toBe(true);
    p.kill('SIGINT');
    const r = await p.done;
    expect(r.code).toBe(130);
    expect(readdirSync(packages)).toEqual([]);
  });

  it('a full disk while replacing keeps the previous package intact (exit 2)', async () => {
    const ws = copyExample('enospc');
    expect((await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT)).code).toBe(0);
    const pkg = join(ws, 'packages', '2026Q3');
    const before = listFiles(pkg).map((f) => [f, readFileSync(join(pkg, f)).toString('base64')]);
    const p = spawnBin(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--force', '--format', 'json'], ROOT, {
      HRSS_CREDIT_FAULT: 'enospc-after:3',
    });
    const r = await p.done;
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('WRITE_FAILED');
    expect(listFiles(pkg).map((f) => [f, readFileSync(join(pkg, f)).toString('base64')])).toEqual(before);
    expect(readdirSync(join(ws, 'packages')).sort()).toEqual(['2026Q3', '2026Q3.manifest.sha256']);
  });
});
