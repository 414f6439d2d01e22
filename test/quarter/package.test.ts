// The package beside its neighbours (zip, manifest hash, replaced packages), what verify trusts,
// what export writes, what status counts, and the crash windows of a --force swap (simulated on disk).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { openWorkbook } from '../../src/io/sniff.js';
import { zipBuffer } from '../../src/io/xlsx/xlsx-writer.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { scoreRows } from '../../src/table/header.js';
import { zhUi } from '../../src/messages/zh-CN/ui.js';
import { listFiles } from '../../src/io/package/package-fs.js';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';
import { writeFiles } from '../../scripts/lib/fixture-kit.mjs';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const TODAY = '2026-10-15';
let tmp: string;
/** One compiled example workspace (with --zip), copied by the tests that change it. */
let base: string;

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  tmp = tempDir('package');
  base = join(tmp, 'base');
  cpSync(EXAMPLE, base, { recursive: true });
  const res = await runCli(['compile', '2026Q3', '-w', base, '--today', TODAY, '--zip', '--format', 'json'], ROOT);
  expect(res.code).toBe(0);
});
afterAll(() => cleanup(tmp));

function copyBase(name: string): string {
  const dir = join(tmp, name);
  cpSync(base, dir, { recursive: true });
  return dir;
}

function copyExample(name: string): string {
  const dir = join(tmp, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

async function compileJson(ws: string, ...args: string[]): Promise<{ code: number; doc: Record<string, unknown>; stderr: string }> {
  const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json', ...args], ROOT);
  return { code: res.code, doc: JSON.parse(res.stdout), stderr: res.stderr };
}

async function verifyJson(target: string): Promise<{ code: number; doc: Record<string, any> }> {
  const res = await runCli(['verify', target, '--format', 'json'], ROOT);
  return { code: res.code, doc: JSON.parse(res.stdout) };
}

async function rows(file: string): Promise<Record<string, unknown[][]>> {
  const wb = await openWorkbook(file, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const out: Record<string, unknown[][]> = {};
  for (const s of wb.sheets) {
    const list: unknown[][] = [];
    await s.read((r) => {
      list.push([...r.cells]);
    });
    out[s.name] = list;
  }
  await wb.close();
  return out;
}

function zipEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`no ${name}`)));
      zip.readEntry();
    });
  });
}

describe('7.1 the old zip and hash go with the old package; replaced packages are pruned', () => {
  it('compile --force without --zip leaves no stale zip beside the new package', async () => {
    const ws = copyBase('stale-zip');
    const packages = join(ws, 'packages');
    const oldZip = readFileSync(join(packages, '2026Q3.zip'));
    const r = await compileJson(ws, '--force');
    expect(r.code).toBe(0);
    const replaced = String(r.doc.replaced).split('/').pop() as string;
    expect(existsSync(join(packages, '2026Q3.zip'))).toBe(false);
    expect(readFileSync(join(packages, `${replaced}.zip`)).equals(oldZip)).toBe(true);
    expect(readdirSync(packages).sort()).toEqual(
      ['2026Q3', '2026Q3.manifest.sha256', replaced, `${replaced}.manifest.sha256`, `${replaced}.zip`].sort(),
    );
    expect((await verifyJson(join(packages, replaced))).code).toBe(0);
    expect((await verifyJson(join(packages, `${replaced}.zip`))).code).toBe(0);
  });

  it('keeps the newest packages.keepReplaced replaced packages, and says which it removed', async () => {
    const ws = copyBase('prune');
    const cfgPath = join(ws, 'hrss-credit.config.json');
    writeFileSync(cfgPath, JSON.stringify({ ...JSON.parse(readFileSync(cfgPath, 'utf8')), packages: { keepReplaced: 1 } }));
    const first = await compileJson(ws, '--force');
    expect(first.doc.pruned).toEqual([]);
    const second = await compileJson(ws, '--force', '--zip');
    const gone = String(first.doc.replaced).split('/').pop() as string;
    expect(second.doc.pruned).toEqual(
      [`${gone}`, `${gone}.zip`, `${gone}.manifest.sha256`].map((n) =>
        expect.stringMatching(new RegExp(`packages/${n.replace(/\./g, '\\.')}$`)),
      ),
    );
    const kept = String(second.doc.replaced).split('/').pop() as string;
    expect(
      readdirSync(join(ws, 'packages'))
        .filter((n) => n.includes('.replaced-'))
        .sort(),
    ).toEqual([kept, `${kept}.manifest.sha256`]);
    const pretty = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--force'], ROOT);
    expect(pretty.code).toBe(0);
    expect(pretty.stderr).toContain(zhUi.compile.pruned([]).split('：')[0]);
  });
});

describe('7.4 sharing files say 共享; the cover scan is internal', () => {
  it('export --audience sharing names every file _共享', async () => {
    const to = join(tmp, 'sharing-out');
    const res = await runCli(['export', join(base, 'packages', '2026Q3'), '--to', to, '--audience', 'sharing', '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).files).toEqual(['新乡市人社局信用红黑名单_2026Q3_共享.xlsx', '红名单_共享.csv', '黑名单_共享.csv']);
    expect(readdirSync(to).every((n) => n.includes('共享'))).toBe(true);
  });

  it('the signed cover scan is internal in the manifest', () => {
    const m = JSON.parse(readFileSync(join(base, 'packages', '2026Q3', 'manifest.json'), 'utf8'));
    const scan = m.outputs.find((o: { path: string }) => o.path === '典型案例/考试中心/报送单.pdf');
    expect(scan.audience).toBe('internal');
    expect(m.outputs.find((o: { path: string }) => o.path.startsWith('典型案例/考试中心/') && o.path !== scan.path).audience).toBe(
      'public',
    );
  });
});

describe('7.5 status counts what validate counts', () => {
  it('cross-record findings count on their department, unknown folders are listed, and the lines add up', async () => {
    const ws = copyExample('status');
    const q = join(ws, 'submissions', '2026Q3');
    cpSync(join(q, '劳动关系科', '劳动关系科信用红黑名单.csv'), join(q, '监察科', '名单.csv'));
    await writeFiles(q, {
      '宣传科/报送单.csv': {
        csv: {
          rows: [
            ['报送单位', '宣传科'],
            ['报送季度', '2026Q3'],
            ['填报人', '甲'],
            ['审核人', '乙'],
            ['审核日期', '2026-10-08'],
            ['审定人', '丙'],
            ['审定日期', '2026-10-09'],
            ['无信息报告', '是'],
          ],
        },
      },
    });
    writeFileSync(join(q, '散落.txt'), 'x');
    const res = await runCli(['status', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout);
    type Line = { name: string; known: boolean; errors: number; warnings: number };
    const lines: Line[] = doc.departments;
    const sum = (k: 'errors' | 'warnings'): number => lines.reduce((n, l) => n + l[k], 0) + doc.quarterLevel[k];
    expect(sum('errors')).toBe(doc.stats.errors);
    expect(sum('warnings')).toBe(doc.stats.warnings);
    expect(doc.totals.errors).toBe(doc.stats.errors);
    const dupDept = doc.diagnostics.find((d: { code: string }) => d.code === 'PACKAGE_DUPLICATE').department;
    expect(lines.find((l) => l.name === dupDept)?.errors).toBeGreaterThan(0);
    const unknown = lines.find((l) => l.name === '宣传科');
    expect(unknown).toMatchObject({ known: false });
    expect(unknown?.errors).toBeGreaterThan(0);
    expect(doc.quarterLevel.warnings + doc.quarterLevel.errors).toBeGreaterThan(0);
  });
});

describe('7.11 smaller fixes', () => {
  it('a compile refused only by PACKAGE_EXISTS advises --force, not a new submission', async () => {
    const res = await runCli(['compile', '2026Q3', '-w', copyBase('exists'), '--today', TODAY], ROOT);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(zhUi.compile.notWrittenExists);
    expect(res.stdout).not.toContain(zhUi.compile.notWritten);
  });

  it('verify accepts the zip, and finds a changed entry in it', async () => {
    const packages = join(base, 'packages');
    const ok = await verifyJson(join(packages, '2026Q3.zip'));
    expect(ok.code).toBe(0);
    expect(ok.doc.kind).toBe('zip');
    expect(ok.doc.manifest.ok).toBe(true);
    const dir = join(tmp, 'zip-tampered');
    mkdirSync(dir);
    const entries = listFiles(join(packages, '2026Q3')).map((f) => ({
      name: `2026Q3/${f}`,
      data: f === '公示/红名单.csv' ? Buffer.from('x') : readFileSync(join(packages, '2026Q3', f)),
    }));
    writeFileSync(join(dir, '2026Q3.zip'), await zipBuffer(entries, new Date(0)));
    cpSync(join(packages, '2026Q3.manifest.sha256'), join(dir, '2026Q3.manifest.sha256'));
    const bad = await verifyJson(join(dir, '2026Q3.zip'));
    expect(bad.code).toBe(1);
    expect(bad.doc.changed).toEqual(['公示/红名单.csv']);
  });

  it('export into a folder that is not empty needs --force', async () => {
    const to = join(tmp, 'export-full');
    mkdirSync(to);
    writeFileSync(join(to, '别人的文件.txt'), 'x');
    const pkg = join(base, 'packages', '2026Q3');
    const refused = await runCli(['export', pkg, '--to', to, '--format', 'json'], ROOT);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('EXPORT_TARGET_NOT_EMPTY');
    expect(readdirSync(to)).toEqual(['别人的文件.txt']);
    expect((await runCli(['export', pkg, '--to', to, '--force'], ROOT)).code).toBe(0);
  });

  it('the list workbooks keep 序号 and 公示期限（月） as numbers, with a filter on the header row', async () => {
    const file = join(base, 'packages', '2026Q3', '公示', '新乡市人社局信用红黑名单_2026Q3.xlsx');
    const sheets = await rows(file);
    const red = sheets['红名单'] as unknown[][];
    const header = red[0] as string[];
    expect(red[1]?.[header.indexOf('序号')]).toBe(1);
    expect(typeof red[1]?.[header.indexOf('公示期限（月）')]).toBe('number');
    expect(typeof red[1]?.[header.indexOf('统一社会信用代码')]).toBe('string');
    const xml = await zipEntry(file, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+1"\/>/);
  });

  it('报送情况.xlsx has a title row naming the quarter above its header row', async () => {
    const sheets = await rows(join(base, 'packages', '2026Q3', '报送情况.xlsx'));
    const s = sheets['报送情况'] as unknown[][];
    expect(s[0]?.[0]).toBe('新乡市人社局信用红黑名单报送情况（2026年第三季度）');
    expect(s[1]?.slice(0, 3)).toEqual(['序号', '科室', '报送状态']);
    expect(s[2]?.[0]).toBe(1);
  });
});

describe('8.17 verify reads only regular files inside the package, and the manifest is protected', () => {
  it('compile prints the manifest hash and stores it beside the package', async () => {
    const ws = copyExample('hash');
    const r = await compileJson(ws);
    const manifest = readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'));
    expect(r.doc.manifestSha256).toBe(sha(manifest));
    expect(readFileSync(join(ws, 'packages', '2026Q3.manifest.sha256'), 'utf8')).toBe(`${sha(manifest)}  2026Q3/manifest.json\n`);
    const pretty = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--force'], ROOT);
    expect(pretty.stdout).toContain(sha(readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'))));
  });

  it.skipIf(process.platform === 'win32')(
    'an output replaced by a FIFO is changed (exit 1), and verify does not hang',
    async () => {
      const ws = copyBase('fifo');
      const target = join(ws, 'packages', '2026Q3', '公示', '红名单.csv');
      rmSync(target);
      execFileSync('mkfifo', [target]);
      // In a child process: a verify that blocks on the FIFO fails this test by its timeout instead of hanging the run.
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin', 'hrss-credit.js'), 'verify', join(ws, 'packages', '2026Q3'), '--format', 'json'],
        { cwd: ROOT },
      );
      try {
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expect(code).toBe(1);
        expect(JSON.parse(stdout).changed).toEqual(['公示/红名单.csv']);
      } finally {
        child.kill('SIGKILL');
      }
    },
    30000,
  );

  it('an output replaced by a folder or a link is changed (exit 1, not 2)', async () => {
    const ws = copyBase('folder');
    const pkg = join(ws, 'packages', '2026Q3');
    const csv = join(pkg, '公示', '红名单.csv');
    const copy = join(ws, 'copy.csv');
    cpSync(csv, copy);
    rmSync(csv);
    mkdirSync(csv);
    const black = join(pkg, '公示', '黑名单.csv');
    cpSync(black, join(ws, 'black.csv'));
    rmSync(black);
    symlinkSync(join(ws, 'black.csv'), black);
    const r = await verifyJson(pkg);
    expect(r.code).toBe(1);
    expect(r.doc.changed).toEqual(['公示/红名单.csv', '公示/黑名单.csv']);
  });

  it('a manifest entry outside the package is refused even with its right hash (exit 1)', async () => {
    const ws = copyBase('outside');
    const pkg = join(ws, 'packages', '2026Q3');
    writeFileSync(join(ws, 'secret.txt'), 'secret');
    const m = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    m.outputs.push({ path: '../../secret.txt', sha256: sha('secret'), bytes: 6, audience: 'internal' });
    const text = `${JSON.stringify(m, null, 2)}\n`;
    writeFileSync(join(pkg, 'manifest.json'), text);
    writeFileSync(join(ws, 'packages', '2026Q3.manifest.sha256'), `${sha(text)}  2026Q3/manifest.json\n`);
    const r = await verifyJson(pkg);
    expect(r.code).toBe(1);
    expect(r.doc.manifestInvalid.key).toBe(`outputs[${m.outputs.length - 1}].path`);
  });

  it('an edit of the manifest counts is caught by its stored hash, and by the counts themselves without it', async () => {
    const ws = copyBase('counts');
    const pkg = join(ws, 'packages', '2026Q3');
    const m = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    m.counts.red += 1;
    writeFileSync(join(pkg, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
    const r = await verifyJson(pkg);
    expect(r.code).toBe(1);
    expect(r.doc.manifest.ok).toBe(false);
    expect(r.doc.changed).toEqual([]);
    rmSync(join(ws, 'packages', '2026Q3.manifest.sha256'));
    const r2 = await verifyJson(pkg);
    expect(r2.code).toBe(1);
    expect(r2.doc.manifest.ok).toBe(null);
    expect(r2.doc.inconsistent).toContain('counts.red');
  });

  it('manifest counts that agree among themselves but not with records.json are named, red and black each (no stored hash)', async () => {
    const ws = copyBase('counts-records');
    const pkg = join(ws, 'packages', '2026Q3');
    rmSync(join(ws, 'packages', '2026Q3.manifest.sha256'));
    const original = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    for (const list of ['red', 'black'] as const) {
      const m = structuredClone(original);
      // One more in the total, in a department and in a domain: the manifest is consistent in itself.
      m.counts[list] += 1;
      m.counts.byDepartment[Object.keys(m.counts.byDepartment)[0] as string][list] += 1;
      m.counts.byDomain[Object.keys(m.counts.byDomain)[0] as string][list] += 1;
      writeFileSync(join(pkg, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
      const r = await verifyJson(pkg);
      expect(r.code).toBe(1);
      expect(r.doc.inconsistent).toEqual([`counts.${list}`]);
    }
  });

  it('an edit of the inputs or departments is caught by the stored hash', async () => {
    const ws = copyBase('inputs');
    const pkg = join(ws, 'packages', '2026Q3');
    const m = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    m.inputs.pop();
    m.departments[0].approver = '某某';
    writeFileSync(join(pkg, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
    const r = await verifyJson(pkg);
    expect(r.code).toBe(1);
    expect(r.doc.manifest.ok).toBe(false);
  });

  it('a manifest that does not parse or validate is exit 1 with the key at fault', async () => {
    const ws = copyBase('broken-manifest');
    const pkg = join(ws, 'packages', '2026Q3');
    writeFileSync(join(pkg, 'manifest.json'), '{"schemaVersion": 1');
    const r = await verifyJson(pkg);
    expect(r.code).toBe(1);
    expect(r.doc.manifestInvalid.key).toBe('manifest.json');
    writeFileSync(join(pkg, 'manifest.json'), JSON.stringify({ schemaVersion: 1, outputs: 'x' }));
    const r2 = await verifyJson(pkg);
    expect(r2.code).toBe(1);
    expect(r2.doc.manifestInvalid.key).toBeTypeOf('string');
  });
});

describe('8.19 an interrupted swap is finished by whichever command reads the package next', () => {
  const DEAD = 2 ** 22 + 4321;

  /** packages/ as a kill -9 of `compile --force` (without --zip) leaves it after `step` renames. */
  async function crashed(
    name: string,
    step: 1 | 2,
  ): Promise<{ ws: string; packages: string; replaced: string; oldZip: Buffer; newManifest: Buffer }> {
    const ws = copyBase(name);
    const packages = join(ws, 'packages');
    const fresh = join(tmp, `${name}-fresh`);
    expect((await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', fresh], ROOT)).code).toBe(0);
    const temp = `.2026Q3.tmp-${DEAD}-abcd`;
    const replaced = '2026Q3.replaced-20261015T080000Z';
    const oldZip = readFileSync(join(packages, '2026Q3.zip'));
    writeFileSync(
      join(packages, '.2026Q3.swap.json'),
      JSON.stringify({
        final: '2026Q3',
        temp,
        replaced,
        moves: [
          { temp, to: '2026Q3' },
          { temp: `${temp}.manifest.sha256`, to: '2026Q3.manifest.sha256' },
        ],
        pid: DEAD,
      }),
    );
    // First rename: the old folder moved away.
    renameSync(join(packages, '2026Q3'), join(packages, replaced));
    renameSync(join(fresh, '2026Q3'), join(packages, temp));
    renameSync(join(fresh, '2026Q3.manifest.sha256'), join(packages, `${temp}.manifest.sha256`));
    if (step === 2) renameSync(join(packages, temp), join(packages, '2026Q3')); // the new folder in, beside the old zip
    return { ws, packages, replaced, oldZip, newManifest: readFileSync(join(packages, step === 2 ? '2026Q3' : temp, 'manifest.json')) };
  }

  function expectFinished(c: { packages: string; replaced: string; oldZip: Buffer; newManifest: Buffer }): void {
    expect(readdirSync(c.packages).sort()).toEqual(
      ['2026Q3', '2026Q3.manifest.sha256', c.replaced, `${c.replaced}.manifest.sha256`, `${c.replaced}.zip`].sort(),
    );
    expect(readFileSync(join(c.packages, '2026Q3', 'manifest.json')).equals(c.newManifest)).toBe(true);
    expect(readFileSync(join(c.packages, `${c.replaced}.zip`)).equals(c.oldZip)).toBe(true);
  }

  it('killed between the two renames: verify finds the package (exit 0)', async () => {
    const c = await crashed('crash-verify', 1);
    expect(existsSync(join(c.packages, '2026Q3'))).toBe(false);
    const r = await verifyJson(join(c.packages, '2026Q3'));
    expect(r.code).toBe(0);
    expect(r.doc.manifest.ok).toBe(true);
    expectFinished(c);
  });

  it('killed between the two renames: export of the quarter finds it', async () => {
    const c = await crashed('crash-export', 1);
    const res = await runCli(
      ['export', '2026Q3', '-w', c.ws, '--today', TODAY, '--to', join(tmp, 'crash-export-out'), '--format', 'json'],
      ROOT,
    );
    expect(res.code).toBe(0);
    expectFinished(c);
  });

  it('killed after the second rename: status moves the old zip away from the new folder', async () => {
    const c = await crashed('crash-status', 2);
    expect(existsSync(join(c.packages, '2026Q3.zip'))).toBe(true);
    await runCli(['status', '2026Q3', '-w', c.ws, '--today', TODAY, '--format', 'json'], ROOT);
    expectFinished(c);
    expect(existsSync(join(c.packages, '2026Q3.zip'))).toBe(false);
  });

  it('killed after the second rename: the next compile finishes the swap first', async () => {
    const c = await crashed('crash-compile', 2);
    const r = await compileJson(c.ws);
    expect(r.code).toBe(1);
    expect((r.doc.diagnostics as { code: string }[]).map((d) => d.code)).toEqual(['PACKAGE_EXISTS']);
    expectFinished(c);
  });
});
