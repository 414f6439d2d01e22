// A record that expired by its date and is sent again in the next batch with a later 公示截止日期 (a 轻微 record
// whose department re-sends it as 一般, same 认定文书号: the same id) is published anew. The package listed it twice —
// in 黑名单 and, as 到期, in 移出名单 (records.json: in `records` and in `removals`) — while the register, replaying
// that publication, showed it active; compile, status and the reports counted the expiry as one of the batch's
// removals. Found by the consistency property's register-lists-package check (test/truth/consistency/checks.ts).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { HEADER, relistedCase, row } from './relisted-case.js';

const { cli, json, ...at } = relistedCase('relisted');

describe('a record re-sent after it expired, with a later 公示截止日期', () => {
  it('is published anew and not also listed as expired: the package, the figures and the register agree', async () => {
    const history = join(at.ws(), 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    expect((await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT])).code).toBe(0);
    // Published in 2026Q1 as 轻微: three months, expired on 2026-06-20.
    const old = join(at.tmp(), '2026Q1.csv');
    writeFileSync(old, `\ufeff${HEADER}\n${row('2026-06-19', '轻微')}\n`);
    const imported = ['register', 'import', old, '--batch', '2026Q1', '--published-on', '2026-04-05', '--department', '劳动关系科'];
    expect((await cli(imported)).code).toBe(0);
    const before = (await json(['register', 'list', '--status', 'all'])).records as { id: string; subjectName: string; status: string }[];
    const id = before.find((r) => r.subjectName === '新乡市示例餐饮管理有限公司')?.id as string;
    expect(before.find((r) => r.id === id)?.status).toBe('expired');

    // 2026Q3: the department sends it again as 一般 (one year), the same decision: the same id.
    writeFileSync(join(at.ws(), 'submissions', '2026Q3', '劳动关系科', '补报名单.csv'), `\ufeff${HEADER}\n${row('2027-03-19', '一般')}\n`);
    const compiled = await json(['compile', '2026Q3']);
    const pkg = join(at.ws(), 'packages', '2026Q3');
    const records = JSON.parse(readFileSync(join(pkg, 'records.json'), 'utf8')) as {
      records: { id: string; publishUntil: string }[];
      removals: { id: string; type: string }[];
    };
    expect(records.records.filter((r) => r.id === id).map((r) => r.publishUntil)).toEqual(['2027-03-19']);
    expect(records.removals.filter((r) => r.id === id)).toEqual([]);
    const csv = (name: string): string => readFileSync(join(pkg, '公示', name), 'utf8');
    expect(csv('黑名单.csv')).toContain('新乡市示例餐饮管理有限公司');
    expect(csv('移出名单.csv')).not.toContain('新乡市示例餐饮管理有限公司');
    // The batch's removals: the example's two (违法违规移出 and 顺达's expiry), not this record.
    const dept = (compiled.departments as { name: string; removals: Record<string, number>; black: number }[]).find(
      (d) => d.name === '劳动关系科',
    );
    expect([dept?.black, dept?.removals.expired, dept?.removals.violation]).toEqual([2, 1, 1]);

    expect((await cli(['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const after = (await json(['register', 'list', '--status', 'all'])).records as { id: string; status: string; publishUntil: string }[];
    expect(after.filter((r) => r.id === id).map((r) => [r.status, r.publishUntil])).toEqual([['active', '2027-03-19']]);
  });
});
