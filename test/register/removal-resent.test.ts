// A 移出申请 row sent again after its batch was published (a department reusing last quarter's workbook, its
// 移出申请 sheet still filled): REMOVAL_NOT_FOUND said only that no public record matched and to check the name,
// code and 认定文书号 — all right — and `register list --find` (public records by default) did not show it either.
// It now names the record, how and when it was removed and by which batch, and says to delete the row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '测试' };
let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('removal-resent');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => cleanup(tmp));

const cli = (args: string[], today: string) => runCli([...args, '-w', ws, '--today', today], ROOT, env);
type Finding = { code: string; location: { file?: string; row?: number }; args: Record<string, unknown>; message: string; hint: string };

describe('a removal request re-sent after its batch was published', () => {
  it('REMOVAL_NOT_FOUND names the record, its removal and the batch that carried it', async () => {
    const history = join(ws, 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    expect((await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT], '2026-10-15')).code).toBe(0);
    expect((await cli(['compile', '2026Q3'], '2026-10-15')).code).toBe(0);
    expect((await cli(['publish', '2026Q3', '--on', '2026-10-15'], '2026-10-15')).code).toBe(0);
    // 2026Q4: 劳动关系科 sends its 2026Q3 folder again, 移出申请.xlsx (违法违规移出 of 0f792e997252) and all.
    cpSync(join(ws, 'submissions', '2026Q3', '劳动关系科'), join(ws, 'submissions', '2026Q4', '劳动关系科'), { recursive: true });
    for (const lang of ['zh-CN', 'en']) {
      const res = await cli(['compile', '2026Q4', '--dry-run', '--format', 'json', '--lang', lang], '2027-01-12');
      const found = (JSON.parse(res.stdout).diagnostics as Finding[]).filter((d) => d.code === 'REMOVAL_NOT_FOUND');
      expect(found.map((d) => [d.location.file, d.location.row, d.args.removed])).toEqual([
        ['submissions/2026Q4/劳动关系科/移出申请.xlsx', 3, { id: '0f792e997252', type: 'violation', on: '2026-10-15', batch: '2026Q3' }],
      ]);
      if (lang === 'zh-CN') {
        expect(found[0]?.message).toBe(
          '新乡市牧野区诚信劳务有限公司的这条记录（编号 0f792e997252）已于 2026-10-15 随 2026Q3 移出名单（违法违规移出），不在公示中，无需再申请移出',
        );
        expect(found[0]?.hint).toContain('请删去这一行');
      } else
        expect(found[0]?.message).toContain(
          'record 0f792e997252 is no longer public: removed for a violation on 2026-10-15 (batch 2026Q3)',
        );
    }
  });
});
