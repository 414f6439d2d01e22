// The self-check page's department (selfcheck.md: "chosen from the matrix or read from the file's cover"): its picker
// said "（从报送单或文件名读取）", but a list's file name is never read — a list dropped on the page lies in no folder, and
// its name is no department's; only a zip is named by its name (就业办.zip) or its one folder (api/department/
// department.ts). The picker now says what is read, and MATRIX_DEPARTMENT_UNKNOWN with nothing to go on no longer
// speaks of a folder name the page has none of. Run through the page's own engine (src/page/engine.ts runCheck).
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { join } from 'node:path';
import { pageData } from '../src/api/department/page.js';
import { runCheck } from '../src/page/engine.js';
import type { CheckRequest, CheckView, EngineMessage } from '../src/page/protocol.js';
import { pageText } from '../src/messages/page.js';
import { makeCreditCode } from '../src/domain/credit-code.js';
import { csvBytes } from './helpers/memory-workspace.js';
import { ROOT } from './helpers/cases.js';

const ws = join(ROOT, 'fixtures', 'example-workspace');
const list = csvBytes([
  ['序号', '名单类型', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期'],
  [
    '1',
    '红名单',
    '就业创业',
    '法人及非法人组织',
    '新乡市示例自查有限公司',
    makeCreditCode('91410700', 'MA3X7K2P'),
    '李示例',
    '吸纳就业成效显著',
    '《就业促进法》',
    '新人社〔2026〕9号',
    '2026-08-03',
  ],
]);

function zipOf(name: string, data: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from(data), name, { mtime: new Date(Date.UTC(2026, 9, 1)) });
    z.end();
    const parts: Buffer[] = [];
    z.outputStream.on('data', (b: Buffer) => parts.push(b));
    z.outputStream.on('end', () => {
      const all = Buffer.concat(parts);
      resolve(all.buffer.slice(all.byteOffset, all.byteOffset + all.length) as ArrayBuffer);
    });
    z.outputStream.on('error', reject);
  });
}

async function check(name: string, bytes: ArrayBuffer, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const req: CheckRequest = {
    type: 'check',
    name,
    bytes,
    size: bytes.byteLength,
    lang,
    today: '2026-10-10',
    data: pageData({ cwd: ws, workspace: ws, ignore: [] }, lang, new Date(Date.UTC(2026, 9, 10))),
  };
  let done: (EngineMessage & { type: 'done' }) | undefined;
  await runCheck(req, (m) => {
    if (m.type === 'done') done = m;
  });
  expect(done).toBeDefined();
  const report = JSON.parse(done?.json ?? '{}') as { diagnostics: { code: string; args: Record<string, unknown> }[] };
  const view = done?.view as CheckView;
  const unknown = view.groups.flatMap((g) => g.lines).filter((l) => l.code === 'MATRIX_DEPARTMENT_UNKNOWN');
  return { report, unknown };
}

const text = (s: string): ArrayBuffer => {
  const b = Buffer.from(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
};

describe('the page: where the department comes from, and what its picker says', () => {
  it('a list named after a department is not placed by its name; the message names no folder (zh, en)', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { report, unknown } = await check('就业办.csv', text(list), lang);
      expect(report.diagnostics.filter((d) => d.code === 'MATRIX_DEPARTMENT_UNKNOWN').map((d) => d.args)).toEqual([
        { name: '', source: 'none' },
      ]);
      expect(unknown).toHaveLength(1);
      // The page has no folder: the message does not ask for one; the hint points to the picker.
      expect(unknown[0]?.message).not.toMatch(lang === 'en' ? /folder/ : /文件夹/);
      expect(unknown[0]?.hint).toBe(pageText(lang).pickDepartment);
      // The picker names no file name as a source: the name was not read.
      expect(pageText(lang).departmentFromFile).not.toMatch(lang === 'en' ? /file name/ : /文件名/);
    }
  });

  it('a zip is placed by its name, as the picker says', async () => {
    const { report } = await check('就业办.zip', await zipOf('自查名单.csv', list));
    expect(report.diagnostics.map((d) => d.code)).not.toContain('MATRIX_DEPARTMENT_UNKNOWN');
    expect(pageText('zh-CN').departmentFromFile).toContain('压缩包');
    expect(pageText('en').departmentFromFile).toContain('zip');
  });
});
