// 报送情况.xlsx is the credit office's, in Chinese whatever --lang (package.md): its status words (报送状态,
// 是否按时, 无信息报告's 是/否) come from the zh-CN catalogue, the words supervise and the report use, not
// from literals of their own in api/quarter/package.ts. The bytes the office receives are the same in either
// language of the clerk's screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhReportsUi } from '../../src/messages/zh-CN/reports.js';
import { ROOT } from '../helpers/cases.js';
import { loadWorkbook } from '../helpers/workbook.js';
import { memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';

const ENV = { SOURCE_DATE_EPOCH: '1790000000' };

async function compiled(lang: string): Promise<Uint8Array> {
  const { io, ws } = memoryWorkspace(`package-words-${lang}`);
  const res = await runCliOn(io, ['compile', '2026Q3', '--lang', lang, '--today', '2026-11-01'], ws, ENV);
  expect(res.code).toBe(0);
  return io.readFileSync(join(ws, 'packages', '2026Q3', '报送情况.xlsx'));
}

describe('报送情况.xlsx speaks the catalogue’s Chinese', () => {
  it('the same bytes with --lang en as in Chinese; every status word is the zh-CN catalogue’s', async () => {
    const zh = await compiled('zh-CN');
    const en = await compiled('en');
    expect(Buffer.from(en).equals(Buffer.from(zh))).toBe(true);
    const sheet = (await loadWorkbook(zh)).getWorksheet('报送情况');
    if (!sheet) throw new Error('no sheet 报送情况');
    const header = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const col = (h: string): number => header.indexOf(h);
    const states = new Set<string>();
    const nil = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      const v = row.values as unknown[];
      states.add(String(v[col('报送状态')]));
      nil.add(String(v[col('无信息报告')]));
    });
    const r = zhReportsUi;
    expect([...states].every((s) => [r.state.submitted, r.state.missing, r.removalsOnly].includes(s))).toBe(true);
    expect(states.has(r.state.submitted)).toBe(true);
    expect([...nil].every((s) => [r.yes, r.no].includes(s))).toBe(true);
  });

  it('its header row is the zh-CN catalogue’s column words, in order, in either language', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const sheet = (await loadWorkbook(await compiled(lang))).getWorksheet('报送情况');
      if (!sheet) throw new Error('no sheet 报送情况');
      const header = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? ''));
      expect(header, lang).toEqual(zhReportsUi.packageStatusColumns);
    }
    expect(zhReportsUi.packageStatusColumns).toContain('无信息报告');
    expect(zhReportsUi.packageStatusColumns).toContain('是否按时');
  });

  it('package.ts writes no status word of its own (one catalogue entry per word)', () => {
    const source = readFileSync(join(ROOT, 'src', 'api', 'quarter', 'package.ts'), 'utf8');
    for (const word of ['已报送', '未报送', '仅移出', '按时', '逾期', '无截止日期', '未填报送日期'])
      expect(source, word).not.toMatch(new RegExp(`['\`]${word}`));
    expect(source).not.toMatch(/'是'|'否'/);
    // Nor a column header: 报送情况.xlsx's header row is the catalogue's too.
    for (const word of ['序号', '报送状态', '无信息报告', '是否按时', '本批发布红名单条数', '典型案例材料', '警告数'])
      expect(source, word).not.toMatch(new RegExp(`['\`]${word}['\`]`));
  });
});
