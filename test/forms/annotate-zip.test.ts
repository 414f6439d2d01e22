// validate --annotate on a zip (department.md "Submissions that arrive as zip files"; decisions.md "validate
// --annotate"): its lists get no marked-up copy, and the clerk is told so, with the way to get one — in the
// terminal (zh and en) and in JSON as `notAnnotated` — as the self-check page tells a department.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';

const TODAY = ['--today', '2026-10-20'];
let tmp = '';
let ws = '';

/** A zip of `folder` whose entries sit in one top folder (as Explorer's 发送到 → 压缩文件 writes it). */
function zipFolder(folder: string, top: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const d of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (!d.isFile()) continue;
      const path = join(d.parentPath, d.name);
      z.addBuffer(readFileSync(path), `${top}/${relative(folder, path).replace(/\\/g, '/')}`, { mtime: new Date(Date.UTC(2026, 9, 1)) });
    }
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

beforeAll(async () => {
  tmp = tempDir('annotate-zip');
  // A clerk's folder: spaces and Chinese in the path.
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  writeFileSync(join(ws, '就业办.zip'), await zipFolder(join(ws, 'submissions', '2026Q3', '就业办'), '就业办'));
});
afterAll(() => cleanup(tmp));

describe('validate --annotate on a zip', () => {
  it('JSON: no copy written, notAnnotated names the zip with reason "zip"; nothing is created', async () => {
    const r = await runCli(['validate', '就业办.zip', '--annotate', ...TODAY, '--format', 'json'], ws);
    expect(r.code, r.stdout).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.annotated).toEqual([]);
    expect(doc.notAnnotated).toEqual([{ source: '就业办.zip', reason: 'zip' }]);
    expect(existsSync(join(ws, '检查结果'))).toBe(false);
  });

  it.each([['zh-CN'], ['en']])(
    'the terminal (%s) says it on a line of its own, naming the zip and the command that gives a copy',
    async (lang) => {
      const r = await runCli(['validate', '就业办.zip', '--annotate', ...TODAY, '--lang', lang], ws);
      expect(r.code, r.stdout).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.includes('就业办.zip'));
      expect(line).toBeDefined();
      expect(line).toContain('validate');
      expect(line).toContain('--annotate');
    },
  );

  it('a zip and a folder together: the folder’s lists get their copies, the zip is named apart', async () => {
    const r = await runCli(['validate', '就业办.zip', 'submissions/2026Q3/劳动关系科', '--annotate', ...TODAY, '--format', 'json'], ws);
    const doc = JSON.parse(r.stdout);
    expect(doc.notAnnotated).toEqual([{ source: '就业办.zip', reason: 'zip' }]);
    expect(doc.annotated.map((a: { source: string }) => a.source)).toContain('submissions/2026Q3/劳动关系科/劳动关系科信用红黑名单.csv');
  });

  it('without a zip there is no notAnnotated key; without --annotate neither', async () => {
    const folder = JSON.parse(
      (await runCli(['validate', 'submissions/2026Q3/劳动关系科', '--annotate', ...TODAY, '--format', 'json'], ws)).stdout,
    );
    expect(folder).not.toHaveProperty('notAnnotated');
    const plain = JSON.parse((await runCli(['validate', '就业办.zip', ...TODAY, '--format', 'json'], ws)).stdout);
    expect(plain).not.toHaveProperty('notAnnotated');
  });
});
