// A list published before the tool was used, imported after some batches were published (REGISTER_IMPORT_OUT_OF_ORDER):
// its records were public on those batches' days, and register list --on says so. diff of two batches published
// before and after the import read the earlier one's register "as it stood then" — without the import — so it listed
// a record of that old list as added by the later batch, whose package publishes nothing of it. Found by the
// crossings property's diff-composes (test/truth/crossings/: an import played after batches).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { cleanup, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '测试' };
let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('diff-import-order');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => cleanup(tmp));

const cli = (args: string[], today: string) => runCli([...args, '-w', ws, '--today', today], ROOT, env);
const json = async (args: string[], today: string) => {
  const res = await cli([...args, '--format', 'json'], today);
  expect(res.code, res.stdout + res.stderr).toBe(0);
  return JSON.parse(res.stdout);
};
const HEADER = '序号,名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期';
const OLD = `1,红名单,劳动合同,法人及非法人组织,新乡市旧档示例有限公司,${makeCreditCode('91410700', 'MB7Q2K5D')},王旧,劳动用工规范,《劳动合同法》,新人社表〔2024〕3号,2024-03-01`;
const ids = (records: { id: string }[]): string[] => records.map((r) => r.id).sort();

describe('diff after an older list imported out of order', () => {
  it('lists none of its records: they were public on both days, and neither package published them', async () => {
    const history = join(ws, 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    expect((await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT], '2026-10-10')).code).toBe(0);
    expect((await cli(['compile', '2026Q3'], '2026-10-15')).code).toBe(0);
    expect((await cli(['publish', '2026Q3', '--on', '2026-10-15'], '2026-10-15')).code).toBe(0);

    // Found in a drawer after 2026Q3 went out: 2024Q1's list, published 2024-03-10 (red, three years).
    const old = join(tmp, '2024Q1.csv');
    writeFileSync(old, `\ufeff${HEADER}\n${OLD}\n`);
    const imported = await json(
      ['register', 'import', old, '--batch', '2024Q1', '--published-on', '2024-03-10', '--department', '劳动关系科'],
      '2026-10-20',
    );
    expect(imported.diagnostics.map((d: { code: string }) => d.code)).toContain('REGISTER_IMPORT_OUT_OF_ORDER');
    const id = (await json(['register', 'list', '--find', '新乡市旧档示例有限公司'], '2026-10-20')).records[0].id as string;

    mkdirSync(join(ws, 'submissions', '2026Q4'));
    expect((await cli(['compile', '2026Q4'], '2027-01-12')).code).toBe(0);
    expect((await cli(['publish', '2026Q4', '--on', '2027-01-12'], '2027-01-12')).code).toBe(0);

    // Public on 2026Q3's day and on 2026Q4's, as register list says; 2026Q4's package publishes nothing of it.
    const q3 = ids((await json(['register', 'list', '--on', '2026-10-15'], '2027-01-12')).records);
    const q4 = ids((await json(['register', 'list', '--on', '2027-01-12'], '2027-01-12')).records);
    expect([q3.includes(id), q4.includes(id)]).toEqual([true, true]);
    const d = await json(['diff', '2026Q3', '2026Q4'], '2027-01-12');
    expect(ids([...d.added, ...d.removed, ...d.corrected, ...d.unchanged])).not.toContain(id);
    // The 2026Q3 list with the diff applied is the 2026Q4 list.
    const after = new Set(q3);
    for (const r of d.removed) after.delete(r.id);
    for (const r of d.added) after.add(r.id);
    expect([...after].sort()).toEqual(q4);
  });
});
