// Where validate --annotate writes its copies (truth.md "Small truths"): never a folder inside a
// submissions quarter folder, never a department folder (real paths compared), and compile and
// status ignore the copies wherever they lie.
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const TODAY = '2026-10-20';
let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('annotate-place');
});
afterAll(() => cleanup(tmp));

function workspace(): string {
  const ws = join(tmp, `ws-${++n}`);
  cpSync(EXAMPLE, ws, { recursive: true });
  return ws;
}

const json = (s: string) => JSON.parse(s) as Record<string, any>;
const codes = (doc: Record<string, any>) => (doc.diagnostics as { code: string }[]).map((d) => d.code);

/** Every path below `dir` (relative), to assert that nothing was created there. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe('validate --annotate without DIR, inside a workspace: 检查结果/<batch>/<department>/ beside submissions/', () => {
  it.each([
    ['the quarter folder', 'submissions/2026Q3', '就业办'],
    ['the department folder', 'submissions/2026Q3/就业办', '.'],
    ['the workspace', '.', 'submissions/2026Q3/就业办'],
    ['the submissions folder', 'submissions', '2026Q3/就业办'],
  ])('run from %s: nothing is created in the quarter folder, and compile and status still pass', async (_name, from, target) => {
    const ws = workspace();
    const quarter = join(ws, 'submissions', '2026Q3');
    const before = tree(quarter);
    const r = await runCli(['validate', target, '--annotate', '--today', TODAY, '--format', 'json'], join(ws, from));
    expect(r.code).toBe(0);
    expect(json(r.stdout).annotated.map((a: { path: string }) => a.path.replace(/\\/g, '/').replace(/^(\.\.\/)+/, ''))).toEqual([
      '检查结果/2026Q3/就业办/劳务派遣红黑名单.检查结果.xlsx',
    ]);
    expect(existsSync(join(ws, '检查结果', '2026Q3', '就业办', '劳务派遣红黑名单.检查结果.xlsx'))).toBe(true);
    expect(tree(quarter)).toEqual(before);
    const c = await runCli(['compile', '2026Q3', '--dry-run', '--today', TODAY, '--format', 'json'], ws);
    expect(c.code).toBe(0);
    expect((await runCli(['status', '2026Q3', '--today', TODAY], ws)).code).toBe(0);
  });
  it('a lone file outside a workspace: its copy goes beside it as <name>.检查结果.xlsx', async () => {
    const dir = join(tmp, `lone-${++n}`, '桌面');
    mkdirSync(dir, { recursive: true });
    cpSync(join(EXAMPLE, 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx'), join(dir, '名单.xlsx'));
    const r = await runCli(
      [
        'validate',
        join(dir, '名单.xlsx'),
        '--department',
        '就业办',
        '--quarter',
        '2026Q3',
        '--annotate',
        '--today',
        TODAY,
        '--format',
        'json',
      ],
      tmp,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['名单.xlsx', '名单.检查结果.xlsx']);
  });
  it('a lone file inside a department folder of a workspace: 检查结果/<batch>/<department>/, not beside it', async () => {
    const ws = workspace();
    const dept = join(ws, 'submissions', '2026Q3', '就业办');
    const before = tree(dept);
    const r = await runCli(['validate', '劳务派遣红黑名单.xlsx', '--annotate', '--today', TODAY], dept);
    expect(r.code).toBe(0);
    expect(tree(dept)).toEqual(before);
    expect(existsSync(join(ws, '检查结果', '2026Q3', '就业办', '劳务派遣红黑名单.检查结果.xlsx'))).toBe(true);
  });
});

describe('validate --annotate DIR inside a submissions quarter folder or a department folder is refused (exit 2), by real path', () => {
  it.each([
    ['the quarter folder itself', (ws: string) => join(ws, 'submissions/2026Q3'), '报送季度文件夹'],
    ['a new folder in the quarter folder', (ws: string) => join(ws, 'submissions/2026Q3/检查结果'), '报送季度文件夹'],
    ['a department folder', (ws: string) => join(ws, 'submissions/2026Q3/就业办'), '科室文件夹'],
    ['another department folder', (ws: string) => join(ws, 'submissions/2026Q3/劳动关系科/反馈'), '文件夹'],
    ['a path through ..', (ws: string) => join(ws, 'out/../submissions/2026Q3/新建'), '报送季度文件夹'],
    [
      'a link to the department folder',
      (ws: string) => {
        symlinkSync(join(ws, 'submissions/2026Q3/就业办'), join(ws, '捷径'));
        return join(ws, '捷径');
      },
      '科室文件夹',
    ],
    [
      'a folder below a link to the quarter folder',
      (ws: string) => {
        symlinkSync(join(ws, 'submissions/2026Q3'), join(ws, '本季度'));
        return join(ws, '本季度', '反馈');
      },
      '报送季度文件夹',
    ],
  ] as const)('%s', async (_name, dirOf, says) => {
    const ws = workspace();
    const dir = dirOf(ws);
    const before = tree(join(ws, 'submissions'));
    const r = await runCli(['validate', 'submissions/2026Q3/就业办', '--annotate', dir, '--today', TODAY, '--format', 'json'], ws);
    expect(r.code).toBe(2);
    expect(json(r.stdout).error.code).toBe('ANNOTATE_DIR_UNSAFE');
    expect(json(r.stdout).error.message).toContain(says);
    expect(tree(join(ws, 'submissions'))).toEqual(before);
  });
});

describe('compile and status ignore feedback copies wherever they lie', () => {
  it('a 检查结果/ folder an older version wrote into the quarter folder, and a loose copy there: no MATRIX_DEPARTMENT_UNKNOWN, no FILE_LOOSE', async () => {
    const ws = workspace();
    const quarter = join(ws, 'submissions', '2026Q3');
    mkdirSync(join(quarter, '检查结果'));
    cpSync(join(quarter, '就业办', '劳务派遣红黑名单.xlsx'), join(quarter, '检查结果', '劳务派遣红黑名单.检查结果.xlsx'));
    cpSync(join(quarter, '就业办', '劳务派遣红黑名单.xlsx'), join(quarter, '旧.检查结果.xlsx'));
    const c = await runCli(['compile', '2026Q3', '--dry-run', '--today', TODAY, '--format', 'json'], ws);
    expect(c.code).toBe(0);
    expect(codes(json(c.stdout))).not.toContain('MATRIX_DEPARTMENT_UNKNOWN');
    expect(codes(json(c.stdout))).not.toContain('FILE_LOOSE');
    const s = await runCli(['status', '2026Q3', '--today', TODAY, '--format', 'json'], ws);
    expect(s.code).toBe(0);
    const v = await runCli(['validate', 'submissions/2026Q3', '--today', TODAY, '--format', 'json'], ws);
    expect(codes(json(v.stdout))).not.toContain('MATRIX_DEPARTMENT_UNKNOWN');
  });
  it('a department folder holding only a feedback copy has not submitted', async () => {
    const ws = workspace();
    const dept = join(ws, 'submissions', '2026Q3', '考试中心');
    const submitted = (doc: Record<string, any>) =>
      (doc.departments as { name: string; submitted: boolean }[]).find((d) => d.name === '考试中心')?.submitted;
    expect(submitted(json((await runCli(['status', '2026Q3', '--today', TODAY, '--format', 'json'], ws)).stdout))).toBe(true);
    for (const f of readdirSync(dept)) cleanup(join(dept, f));
    writeFileSync(join(dept, '名单.检查结果.xlsx'), 'x');
    const row = { submitted: submitted(json((await runCli(['status', '2026Q3', '--today', TODAY, '--format', 'json'], ws)).stdout)) };
    expect(row?.submitted).toBe(false);
  });
});
