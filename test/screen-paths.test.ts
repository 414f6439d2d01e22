// Paths on the screen on Windows (round 30): validate --annotate's 检查结果副本 line and template's 已生成 lines
// showed `/` (检查结果/2026Q3/就业办/…) while compile's lines and 使用手册 use `\`. One helper draws every
// path a terminal view shows (reporters/screen-path.ts); the JSON documents keep `/`. Run in a workspace
// whose path holds spaces and Chinese, as a clerk's 桌面\信用 名单 would.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../dist/reporters/registry.js';
import { compilePrunedLine } from '../dist/reporters/check-views.js';
import { messagesFor } from '../dist/messages/index.js';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';

const tmp = tempDir('screen-paths');
afterAll(() => cleanup(tmp));

async function ctxFor(lang: 'zh-CN' | 'en', platform: string) {
  const { Chalk } = await import('chalk');
  return { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false, platform };
}

describe('paths on the screen use the platform separators; JSON keeps /', () => {
  const ws = join(tmp, '信用 名单', 'ws');
  mkdirSync(join(tmp, '信用 名单'), { recursive: true });
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });

  it("validate --annotate's 检查结果副本 line", async () => {
    const res = await runCli(['validate', 'submissions/2026Q3/就业办', '--annotate', '--today', '2026-10-15', '--format', 'json'], ws);
    const doc = JSON.parse(res.stdout);
    expect(doc.annotated.map((a: { path: string }) => a.path)).toEqual(['检查结果/2026Q3/就业办/劳务派遣红黑名单.检查结果.xlsx']);
    for (const lang of ['zh-CN', 'en'] as const) {
      const win = renderDocument('validate', 'pretty', doc, await ctxFor(lang, 'win32'));
      expect(win).toContain('检查结果\\2026Q3\\就业办\\劳务派遣红黑名单.检查结果.xlsx');
      expect(win).not.toContain('检查结果/2026Q3');
      const posix = renderDocument('validate', 'pretty', doc, await ctxFor(lang, 'linux'));
      expect(posix).toContain('检查结果/2026Q3/就业办/劳务派遣红黑名单.检查结果.xlsx');
    }
  });

  it("a finding's file heading (■ 就业办 · submissions\\2026Q3\\…)", async () => {
    const stray = join(ws, 'submissions', '2026Q3', '就业办', '说明.txt');
    writeFileSync(stray, 'hi');
    try {
      const res = await runCli(['validate', 'submissions/2026Q3', '--today', '2026-10-15', '--format', 'json'], ws);
      const doc = JSON.parse(res.stdout);
      expect(doc.diagnostics.map((d: { location: { file: string } }) => d.location.file)).toEqual(['submissions/2026Q3/就业办/说明.txt']);
      for (const lang of ['zh-CN', 'en'] as const) {
        const win = renderDocument('validate', 'pretty', doc, await ctxFor(lang, 'win32'));
        expect(win).toContain('■ 就业办 · submissions\\2026Q3\\就业办\\说明.txt');
        expect(win).not.toContain('submissions/2026Q3');
        const posix = renderDocument('validate', 'pretty', doc, await ctxFor(lang, 'linux'));
        expect(posix).toContain('■ 就业办 · submissions/2026Q3/就业办/说明.txt');
      }
    } finally {
      rmSync(stray);
    }
  });

  it("template --all's 已生成 lines", async () => {
    const res = await runCli(['template', '--all', '--quarter', '2026Q4', '--today', '2026-10-15', '--format', 'json'], ws);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout);
    const paths = doc.written.map((w: { path: string }) => w.path) as string[];
    expect(paths.length).toBeGreaterThan(1);
    for (const p of paths) expect(p).toMatch(/^submissions\/2026Q4\/[^/\\]+\/[^/\\]+\.xlsx$/);
    const win = renderDocument('template', 'pretty', doc, await ctxFor('zh-CN', 'win32'));
    for (const p of paths) expect(win).toContain(`已生成：${p.split('/').join('\\')}`);
    expect(win).not.toContain('submissions/');
    const en = renderDocument('template', 'pretty', doc, await ctxFor('en', 'win32'));
    expect(en).not.toContain('submissions/');
    const posix = renderDocument('template', 'pretty', doc, await ctxFor('zh-CN', 'linux'));
    for (const p of paths) expect(posix).toContain(`已生成：${p}`);
  });

  it("verify's changed, missing and added files and the manifest's hash file", async () => {
    const ws3 = join(tmp, '信用 名单', 'ws3');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws3, { recursive: true });
    expect((await runCli(['compile', '2026Q3', '--today', '2026-10-15'], ws3)).code).toBe(0);
    const pkg = join(ws3, 'packages', '2026Q3');
    writeFileSync(join(pkg, '公示', '红名单.csv'), 'changed');
    rmSync(join(pkg, '公示', '黑名单.csv'));
    writeFileSync(join(pkg, '公示', '多出来的.txt'), 'added');
    writeFileSync(join(ws3, 'packages', '2026Q3.manifest.sha256'), `${'0'.repeat(64)}  manifest.json\n`);
    const res = await runCli(['verify', 'packages/2026Q3', '--format', 'json'], ws3);
    const doc = JSON.parse(res.stdout);
    expect([doc.changed, doc.missing, doc.added]).toEqual([['公示/红名单.csv'], ['公示/黑名单.csv'], ['公示/多出来的.txt']]);
    expect(doc.manifest.ok).toBe(false);
    for (const lang of ['zh-CN', 'en'] as const) {
      const win = renderDocument('verify', 'pretty', doc, await ctxFor(lang, 'win32'));
      for (const f of ['公示\\红名单.csv', '公示\\黑名单.csv', '公示\\多出来的.txt', 'packages\\2026Q3.manifest.sha256'])
        expect(win).toContain(f);
      expect(win).not.toMatch(/公示\/|packages\//);
      expect(renderDocument('verify', 'pretty', doc, await ctxFor(lang, 'linux'))).toContain('公示/红名单.csv');
    }
  });

  it("compile's line naming the replaced packages it removed (stderr)", async () => {
    const pruned = ['packages/2026Q3.replaced-20261207T202458Z', 'packages/2026Q3.replaced-20261207T202458Z.manifest.sha256'];
    for (const lang of ['zh-CN', 'en'] as const) {
      const win = compilePrunedLine(pruned, await ctxFor(lang, 'win32'));
      expect(win).toContain('packages\\2026Q3.replaced-20261207T202458Z');
      expect(win).not.toContain('packages/');
      expect(compilePrunedLine(pruned, await ctxFor(lang, 'linux'))).toContain(pruned[1]);
    }
  });

  // Round 31 (windows2): the 异议处理意见书, 督查情况表 and 台账 lines still showed `/` under Wine.
  describe('the files written after a publish: objection letter, supervise --xlsx, register list --xlsx', () => {
    const ws2 = join(tmp, '信用 名单', 'ws2');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws2, { recursive: true });
    const json = async (args: string[]) => {
      const res = await runCli([...args, '--format', 'json'], ws2);
      expect(res.code, res.stdout + res.stderr).toBe(0);
      return JSON.parse(res.stdout);
    };
    const both = async (kind: 'objection-letter' | 'register-list' | 'supervise', doc: never, shown: string, view?: never) => {
      const posix = shown.split('\\').join('/');
      for (const lang of ['zh-CN', 'en'] as const) {
        const win = renderDocument(kind, 'pretty', doc, await ctxFor(lang, 'win32'), view);
        expect(win).toContain(shown);
        expect(win).not.toContain(posix);
        expect(renderDocument(kind, 'pretty', doc, await ctxFor(lang, 'linux'), view)).toContain(posix);
      }
    };

    it('each shows its path with \\ on Windows; the JSON keeps /', async () => {
      await json(['compile', '2026Q3', '--today', '2026-10-15']);
      await json(['publish', '2026Q3', '--on', '2026-10-15', '--by', '张三', '--today', '2026-10-15']);
      const today = ['--today', '2026-10-19'];
      const subject = ['--subject', '新乡市卫河人力资源服务有限公司', '--summary', '认定事实有误'];
      await json(['objection', 'add', '--received', '2026-10-16', '--from', '某先生', ...subject, ...today]);
      await json(['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '认定无误', '--by', '李四', ...today]);
      const letter = await json(['objection', 'letter', 'O2026-001', ...today]);
      expect(letter.letter).toBe('objections/O2026-001-异议处理意见书.docx');
      await both('objection-letter', letter as never, 'objections\\O2026-001-异议处理意见书.docx');

      mkdirSync(join(ws2, '督查 2026'));
      const supervise = await json(['supervise', '2026', '--xlsx', '督查 2026/督查情况表.xlsx', '--today', '2026-12-20']);
      const view = { registerKnown: true, xlsx: '督查 2026/督查情况表.xlsx' };
      await both('supervise', supervise as never, '督查 2026\\督查情况表.xlsx', view as never);

      mkdirSync(join(ws2, '台账'));
      const list = await json(['register', 'list', '--xlsx', '台账/台账.xlsx', ...today]);
      expect(list.ledger).toBe('台账/台账.xlsx');
      await both('register-list', list as never, '台账\\台账.xlsx');
    }, 120_000);
  });
});
