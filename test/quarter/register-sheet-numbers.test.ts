// 序号 and 公示期限（月） are number cells in the workbook; the template's flags say which columns of 红名单 and
// 黑名单 they are. 移出名单 and 更正名单 have columns of their own: there only 序号 (column A) is a number. With
// the flags applied by position to every sheet, a template that put 公示期限 at column H turned 移出名单's
// 认定文书号 (column H) into a number whenever it was all digits — 2026001 instead of the text "2026001".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeListFiles } from '../../src/api/quarter/package.js';
import type { RegisterPlan } from '../../src/api/register/register-compile.js';
import { REMOVED_HEADERS } from '../../src/api/register/removed-sheet.js';
import { CORRECTED_HEADERS } from '../../src/api/register/corrected-sheet.js';
import { DEFAULT_MASK_RULE } from '../../src/domain/mask.js';
import { nodePort } from '../../src/io/node-port.js';
import type { RecordSummary } from '../../src/register/stored.js';
import { TemplateSchema } from '../../src/schemas/template.js';
import { loadWorkbook } from '../helpers/workbook.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// 公示期限（月） at column H (index 7): where 移出名单 has 认定文书号.
const template = TemplateSchema.parse({
  name: 't',
  version: 1,
  sheets: { red: '红名单', black: '黑名单', removed: '移出名单' },
  fileName: '名单_{quarter}',
  sharingSuffix: '_共享',
  columns: [
    { header: '序号', value: 'rowNumber' },
    { header: '名单类型', field: 'listType' },
    { header: '领域', field: 'domain' },
    { header: '主体名称', field: 'subjectName' },
    { header: '统一社会信用代码', field: 'creditCode' },
    { header: '认定文书号', field: 'decisionNo' },
    { header: '认定日期', field: 'decisionDate' },
    { header: '公示期限（月）', value: 'periodMonths' },
  ],
});

const removedRecord: RecordSummary = {
  id: 'a1b2c3d4e5f6',
  listType: 'black',
  domain: '劳动保障监察',
  department: '监察支队',
  subjectName: '新乡市测试建筑有限公司',
  subjectType: '法人及非法人组织',
  creditCode: '',
  idType: '',
  idNumber: '',
  decisionNo: '2026001',
  decisionDate: '2023-06-30',
  publishUntil: '2026-06-30',
  severity: '',
} as RecordSummary;

const plan = {
  records: [],
  unchanged: [],
  removals: [{ id: removedRecord.id, type: 'expired', on: '2026-06-30' }],
  removed: new Map([[removedRecord.id, removedRecord]]),
  corrected: [],
} as unknown as RegisterPlan;

describe('number cells of the register sheets', () => {
  it('移出名单: 序号 a number, 认定文书号 "2026001" text, whatever the template says of column H', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrss-register-numbers-'));
    dirs.push(dir);
    const ctx = {
      bureau: { name: '新乡市人力资源和社会保障局', creditCode: '' },
      maskRule: DEFAULT_MASK_RULE,
      quarter: '2026Q3',
      instant: new Date('2026-10-15T00:00:00Z'),
      csvEncoding: 'utf8-bom' as const,
      withCsv: false,
      io: nodePort,
    };
    const written = await writeListFiles(dir, [], template, 'sharing', ctx, plan);
    const wb = await loadWorkbook(readFileSync(join(dir, written[0] as string)));
    const sheet = wb.getWorksheet('移出名单');
    expect(sheet).toBeDefined();
    const header = REMOVED_HEADERS.indexOf('认定文书号') + 1;
    expect(header).toBe(8);
    expect(sheet?.getCell(2, 1).value).toBe(1);
    expect(sheet?.getCell(2, header).value).toBe('2026001');
  });

  // Seen (round 32): 更正名单's 版本 was the text "2" while every other count-like cell is a number.
  it('更正名单: 序号 and 版本 numbers, 认定文书号 "2026001" and 记录编号 text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrss-register-numbers-'));
    dirs.push(dir);
    const ctx = {
      bureau: { name: '新乡市人力资源和社会保障局', creditCode: '' },
      maskRule: DEFAULT_MASK_RULE,
      quarter: '2026Q4',
      instant: new Date('2027-01-15T00:00:00Z'),
      csvEncoding: 'utf8-bom' as const,
      withCsv: false,
      io: nodePort,
    };
    const record = { ...removedRecord, id: '123456789012', correctionOf: '2026001', department: '监察支队' };
    const corrected = { ...plan, removals: [], records: [record], corrected: [{ id: record.id, revision: 2, changed: ['reason'] }] };
    const written = await writeListFiles(dir, [], template, 'public', ctx, corrected as unknown as RegisterPlan);
    const sheet = (await loadWorkbook(readFileSync(join(dir, written[0] as string)))).getWorksheet('更正名单');
    expect(sheet).toBeDefined();
    const col = (h: string): number => CORRECTED_HEADERS.indexOf(h) + 1;
    expect([col('序号'), col('版本')]).toEqual([1, 3]);
    expect(sheet?.getCell(2, col('序号')).value).toBe(1);
    expect(sheet?.getCell(2, col('版本')).value).toBe(2);
    expect(sheet?.getCell(2, col('记录编号')).value).toBe('123456789012');
    expect(sheet?.getCell(2, col('认定文书号')).value).toBe('2026001');
  });
});
