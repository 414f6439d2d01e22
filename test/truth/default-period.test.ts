// truth.md "Small truths": an empty 公示截止日期 defaults to the longest period the 失信程度 allows
// (轻微 3 months, 一般 1 year, 严重 3 years; red lists 3 years), never beyond — in every view that
// shows or uses it: records.json, the 公示 and 共享 files, and the register's expiry.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { readXlsxText } from './xlsx-text.js';

let tmp = '';
let ws = '';
const TODAY = ['--today', '2026-10-20'];

// 劳动关系科's list with a 失信程度 column: its black row 一般, its red row none; 公示截止日期 empty on both.
const LIST = [
  '劳动关系科2026年第三季度信用红黑名单,,,,,,,,,,,,',
  '序号,名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人（负责人）,法定代表人证件号码,列入事由,认定依据,认定文书号,认定日期,失信程度',
  '1,红名单,劳动合同,法人及非法人组织,新乡市凤泉区恒信机械制造有限公司,91410704MA47KD2X8H,周建军,,劳动合同签订率100%，连续两年无劳动争议,《中华人民共和国劳动合同法》,,2026/7/15,',
  '2,黑名单,工时及休息休假,法人及非法人组织,新乡县金穗食品加工有限公司,91410721MA3YH6P87N,吴国庆,410721197204180313,强迫劳动者超时加班，经责令改正拒不改正,《中华人民共和国劳动法》第九十条,新人社劳罚〔2026〕9号,2026/9/2,一般',
];

type Rec = { listType: string; department: string; publishUntil: string; publishUntilDefaulted: boolean; periodMonths: number };

beforeAll(async () => {
  tmp = tempDir('default-period');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  writeFileSync(join(ws, 'submissions', '2026Q3', '劳动关系科', '劳动关系科信用红黑名单.csv'), `\uFEFF${LIST.join('\r\n')}\r\n`);
  const res = await runCli(['compile', '2026Q3', '-w', ws, ...TODAY], ws);
  expect(res.code, res.stdout).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an empty 公示截止日期', () => {
  it('records.json: a 一般 black record ends after one year, a red one after three', () => {
    const recs = (JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')) as { records: Rec[] }).records.filter(
      (r) => r.department === '劳动关系科',
    );
    expect(recs.map((r) => [r.listType, r.publishUntil, r.publishUntilDefaulted, r.periodMonths])).toEqual([
      ['red', '2029-07-14', true, 36],
      ['black', '2027-09-01', true, 12],
    ]);
  });

  it('the 公示 CSV and both workbooks show the same end date', async () => {
    const csv = readFileSync(join(ws, 'packages', '2026Q3', '公示', '黑名单.csv'), 'utf8');
    const line = csv.split(/\r?\n/).find((l) => l.includes('新乡县金穗食品加工有限公司')) ?? '';
    expect(line).toContain('2027-09-01');
    expect(line).not.toContain('2029-09-01');
    for (const file of ['公示/新乡市人社局信用红黑名单_2026Q3.xlsx', '共享/新乡市人社局信用红黑名单_2026Q3_共享.xlsx']) {
      const text = await readXlsxText(join(ws, 'packages', '2026Q3', file));
      expect(text, file).toContain('2027-09-01');
      expect(text, file).not.toContain('2029-09-01');
    }
  });

  it('the register: public until 2027-09-01, expired the day after', async () => {
    const pub = await runCli(['publish', '2026Q3', '--on', '2026-10-15', '-w', ws, ...TODAY], ws);
    expect(pub.code, pub.stdout).toBe(0);
    type Listed = { subjectName: string; publishUntil: string; status: string };
    const list = async (on: string): Promise<Listed | undefined> => {
      const res = await runCli(['register', 'list', '--on', on, '--status', 'all', '--format', 'json', '-w', ws, ...TODAY], ws);
      return (JSON.parse(res.stdout) as { records: Listed[] }).records.find((r) => r.subjectName === '新乡县金穗食品加工有限公司');
    };
    expect(await list('2027-09-01')).toMatchObject({ publishUntil: '2027-09-01', status: 'active' });
    expect(await list('2027-09-02')).toMatchObject({ status: 'expired' });
  });
});
