// Windows PCs as they are (people.md "Double-click and drag-and-drop", "Commands a person can paste"):
// a path with no command, a start from Explorer, cmd.exe's swallowed options, a closed pipe, next steps
// that paste, and nothing written into the tool's own folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLaunch, swallowedByQuote } from '../src/cli/launch.js';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const TODAY = ['--today', '2026-10-15'];
const EXPLORER = { HRSS_CREDIT_LAUNCH: 'explorer' };

let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('launch');
  ws = join(tmp, '信用 报送');
  cpSync(EXAMPLE, ws, { recursive: true });
});
afterAll(() => cleanup(tmp));

function spawnBin(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', HRSS_CREDIT_LANG: '', HRSS_CREDIT_LAUNCH: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a path with no command', () => {
  it('is validate of that path (typed): the same report as `validate <path>`', async () => {
    const dept = join(ws, 'submissions', '2026Q3', '就业办');
    const a = await runCli([dept, ...TODAY, '--format', 'json'], tmp);
    const b = await runCli(['validate', dept, ...TODAY, '--format', 'json'], tmp);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).command).toBe('validate');
    expect(a).toEqual(b);
    expect(existsSync(join(ws, '检查结果'))).toBe(false); // typed, not dropped: no marked-up copy
  });

  it("dropped (started from Explorer): validate --annotate, the copies in the workspace's 检查结果/ (beside submissions/)", async () => {
    const dept = join(ws, 'submissions', '2026Q3', '就业办');
    const r = await runCli([dept, ...TODAY, '--format', 'json'], tmp, EXPLORER);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.annotated.map((a: { source: string }) => a.source)).toEqual([expect.stringMatching(/劳务派遣红黑名单\.xlsx$/)]);
    expect(readdirSync(join(ws, '检查结果'))).toEqual(['劳务派遣红黑名单.检查结果.xlsx']);
    expect(readdirSync(join(ws, 'submissions', '2026Q3'))).not.toContain('检查结果');
  });

  it('dropped from outside a workspace: the copies go beside the dropped folder; several paths are all checked', async () => {
    const here = join(tmp, '科室 自查');
    mkdirSync(here);
    cpSync(join(ws, 'submissions', '2026Q3', '就业办'), join(here, '就业办'), { recursive: true });
    cpSync(join(ws, 'submissions', '2026Q3', '劳动关系科'), join(here, '劳动关系科'), { recursive: true });
    const r = await runCli([join(here, '就业办'), join(here, '劳动关系科'), ...TODAY, '--format', 'json'], join(tmp), EXPLORER);
    expect(r.code, r.stdout).toBe(0);
    expect(readdirSync(join(here, '检查结果'))).toEqual(
      expect.arrayContaining(['劳务派遣红黑名单.检查结果.xlsx', '劳动关系科信用红黑名单.检查结果.xlsx']),
    );
  });

  it('a word that is no command and no path is still a mistyped command, with a suggestion', async () => {
    const r = await runCli(['valdate'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的命令 valdate');
    expect(r.stderr).toContain('validate');
    // A path that does not exist is a missing path, not an unknown command.
    const p = await runCli([join(tmp, '没有这个文件夹', '就业办.xlsx')], tmp);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('找不到路径');
  });
});

describe('started from Explorer', () => {
  it('double-clicked with no argument: the three things a person can do, in Chinese, instead of the help', async () => {
    const r = await runCli([], tmp, EXPLORER);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('拖到 hrss-credit.cmd');
    expect(r.stdout).toContain('地址栏输入 cmd');
    expect(r.stdout).toContain('使用手册.html');
    expect(r.stdout).not.toContain('用法：');
    expect((await runCli([], tmp, { ...EXPLORER, HRSS_CREDIT_LANG: 'en' })).stdout).toContain('Drop a list file');
    // From a prompt, no argument is the help, as before.
    expect((await runCli([], tmp)).stdout).toContain('用法：');
  });

  it("the window's last line is 按任意键关闭窗口…; from a prompt or a script nothing says it (the launcher waits only then)", () => {
    const e = spawnBin(['--version'], tmp, EXPLORER);
    expect(e.code).toBe(0);
    expect(e.stderr).toBe('\n按任意键关闭窗口…\n');
    expect(spawnBin(['--version', '--lang', 'en'], tmp, EXPLORER).stderr).toBe('\nPress any key to close this window…\n');
    expect(spawnBin(['--version'], tmp)).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});

describe('cmd.exe\'s "D:\\工作区\\" rule', () => {
  it('an argument that swallowed the options after it is refused with the fix (exit 2), in both languages and in JSON', async () => {
    const swallowed = 'D:\\工作区" --today 2026-10-15';
    const r = await runCli(['status', '2026Q3', '-w', swallowed], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请去掉路径末尾的 \\（写成 "D:\\工作区"）');
    const en = await runCli(['status', '2026Q3', '-w', 'D:\\工作区"', '--lang', 'en'], tmp);
    expect(en.stderr).toContain('drop the trailing \\ (write "D:\\工作区")');
    const j = await runCli(['compile', '2026Q3', '--format', 'json', '-w', swallowed], tmp);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error.code).toBe('USAGE');
  });

  it('only such arguments: quotes in a text (an opinion citing a decision) are left alone', () => {
    expect(swallowedByQuote('D:\\工作区"')).toBe('D:\\工作区');
    expect(swallowedByQuote('C:\\a b\\c" --zip --today 2026-10-15')).toBe('C:\\a b\\c');
    expect(swallowedByQuote('经核查，“认定有误”')).toBeUndefined();
    expect(swallowedByQuote('依据"新人社〔2026〕3号"')).toBeUndefined();
    expect(swallowedByQuote('a/b "quoted" c')).toBeUndefined();
    expect(planLaunch(['objection', 'resolve', 'O2026-001', '--opinion', '依据"第3号"'], new Set(['objection']), tmp, {})).toEqual({
      kind: 'run',
      argv: ['objection', 'resolve', 'O2026-001', '--opinion', '依据"第3号"'],
    });
  });
});

describe('output to a pipe that closes early', () => {
  it("ends quietly with the command's own exit code, no EPIPE stack", async () => {
    // More than a pipe's 64 KB buffer, so the writer is still writing when the reader goes away.
    const dir = join(tmp, 'many-findings', '2026Q3', '就业办');
    mkdirSync(dir, { recursive: true });
    const rows = Array.from({ length: 300 }, (_, i) => `就业,法人,公司${i},,张三${i},事由,依据,2026-13-01`);
    writeFileSync(
      join(dir, '红名单.csv'),
      ['领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定日期', ...rows].join('\r\n'),
    );
    for (let i = 0; i < 3; i++) {
      const child = spawn(process.execPath, [BIN, 'validate', dir, '--format', 'json', '--today', '2026-10-15'], {
        cwd: tmp,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let bytes = 0;
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', (d: Buffer) => {
        bytes = d.length;
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(bytes).toBeGreaterThan(0);
      expect(stderr).toBe('');
      expect(code).toBe(1); // the findings' exit code, not a crash's
    }
  });
});

describe('next steps that paste', () => {
  it("compile's 下一步 names verify with the path quoted for this shell; pasted into sh, it runs and passes", async () => {
    const w = join(tmp, '汇总 工作区');
    cpSync(EXAMPLE, w, { recursive: true });
    const r = await runCli(['compile', '2026Q3', '-w', w, ...TODAY], tmp);
    expect(r.code, r.stdout).toBe(0);
    const line = /可运行 (.+?) 确认包未被改动/.exec(r.stdout)?.[1] ?? '';
    expect(line).toBe("hrss-credit verify '汇总 工作区/packages/2026Q3'");
    expect(r.stdout).toContain('核对 汇总 工作区/packages/2026Q3/报送情况.xlsx 后');
    // `hrss-credit` on the PATH, as after `npm link` or the release's launcher.
    const bin = join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'hrss-credit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const sh = spawnSync('sh', ['-c', line], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(sh.status, sh.stderr).toBe(0);
  });
});

describe("nothing is written into the tool's own folder", () => {
  it('template with no --out, run in the tool folder: refused (exit 2) with the fix; with -w it goes into the workspace', () => {
    const before = readdirSync(ROOT).sort();
    const r = spawnBin(['template', '就业办', '--quarter', '2026Q3'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不会把文件写进工具自己的文件夹');
    expect(readdirSync(ROOT).sort()).toEqual(before);
    const w = spawnBin(['template', '就业办', '--quarter', '2026Q3', '-w', ws], ROOT);
    expect(w.code, w.stderr).toBe(0);
    expect(existsSync(join(ws, '就业办_2026Q3_信用红黑名单.xlsx'))).toBe(true);
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });

  it("validate --annotate run in the tool folder: the copies go to the workspace's 检查结果/, and a DIR in the tool folder is refused", () => {
    const before = readdirSync(ROOT).sort();
    const r = spawnBin(['validate', join(ws, 'submissions', '2026Q3', '就业办'), '--annotate', ...TODAY], ROOT);
    expect(r.code, r.stderr).not.toBe(2);
    expect(readdirSync(join(ws, '检查结果', '2026Q3', '就业办')).some((f) => f.endsWith('.检查结果.xlsx'))).toBe(true);
    expect(readdirSync(ROOT).sort()).toEqual(before);
    const inTool = spawnBin(['validate', join(ws, 'submissions', '2026Q3', '就业办'), '--annotate', '检查结果', ...TODAY], ROOT);
    expect(inTool.code).toBe(2);
    expect(inTool.stderr).toContain('不会把文件写进工具自己的文件夹');
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });

  it('report <year> with no --out: into the workspace; run in the tool folder without one, refused', () => {
    const before = readdirSync(ROOT).sort();
    const r = spawnBin(['report', '2026', '-w', ws, ...TODAY], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(ws, '信用红黑名单报告_2026.html'))).toBe(true);
    expect(readdirSync(ROOT).sort()).toEqual(before);
    const inTool = spawnBin(['report', '2026', '-w', ROOT, ...TODAY], ROOT);
    expect(inTool.code).toBe(2);
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });
});
