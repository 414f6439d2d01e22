// A record public on the day of one batch that lapses (its 公示截止日期 passes) before the next batch, which sends it
// again: the package publishes it anew (红/黑, in `records`, not `unchanged`: truth.md's `unchanged` is "already
// public"), and diff between the two batches must say the same — it listed the record unchanged (active on both
// days, the same revision, sent by the second batch). Found by the consistency property's diff-lists-package check
// once it was made to look both ways (test/truth/consistency/checks.ts).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { HEADER, relistedCase, row } from './relisted-case.js';

const { cli, json, ...at } = relistedCase('diff-relisted');

describe('a record that lapses between two batches and is sent again by the second', () => {
  it('is added in diff, as the package counts it, not unchanged', async () => {
    // Published in 2026Q1 as 轻微 until 2026-08-19: public when 2026Q2 is published (2026-07-20), lapsed by 2026Q3.
    const old = join(at.tmp(), '2026Q1.csv');
    writeFileSync(old, `\ufeff${HEADER}\n${row('2026-08-19', '轻微')}\n`);
    const imported = ['register', 'import', old, '--batch', '2026Q1', '--published-on', '2026-04-05', '--department', '劳动关系科'];
    expect((await cli(imported)).code).toBe(0);
    const history = join(at.ws(), 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    expect((await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT])).code).toBe(0);
    const listed = (await json(['register', 'list', '--status', 'all'], '2026-07-20')).records as {
      id: string;
      subjectName: string;
      status: string;
    }[];
    const id = listed.find((r) => r.subjectName === '新乡市示例餐饮管理有限公司')?.id as string;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(listed.find((r) => r.id === id)?.status).toBe('active');

    writeFileSync(join(at.ws(), 'submissions', '2026Q3', '劳动关系科', '补报名单.csv'), `\ufeff${HEADER}\n${row('2027-03-19', '一般')}\n`);
    expect((await cli(['compile', '2026Q3'])).code).toBe(0);
    const records = JSON.parse(readFileSync(join(at.ws(), 'packages', '2026Q3', 'records.json'), 'utf8')) as {
      records: { id: string }[];
      unchanged: string[];
    };
    expect([records.records.some((r) => r.id === id), records.unchanged.includes(id)]).toEqual([true, false]);
    expect((await cli(['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);

    const d = (await json(['diff', '2026Q2', '2026Q3'])) as {
      added: { id: string }[];
      unchanged: { id: string }[];
      counts: { byDepartment: Record<string, { added: number; unchanged: number }> };
    };
    expect([d.added.some((r) => r.id === id), d.unchanged.some((r) => r.id === id)]).toEqual([true, false]);
    // Every id diff lists unchanged, the package counts unchanged.
    expect(d.unchanged.map((r) => r.id).filter((x) => !records.unchanged.includes(x))).toEqual([]);
  });
});
