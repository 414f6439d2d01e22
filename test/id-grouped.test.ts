// A 居民身份证 number typed in groups (410702-19850312-0156) was SCHEMA_ID_FORMAT while a credit code typed so had
// its hyphens removed (submission.md folds identifiers; docs/decisions.md "An ID number typed with hyphens"): the
// hyphens go and the number is checked, with SCHEMA_NORMALISED (info, masked); any other stray character is still
// SCHEMA_ID_FORMAT, and its hint says what to write.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIdNumber, ungroupIdNumber } from '../src/domain/id-number.js';
import { cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';

const tmp = tempDir('id-grouped');
afterAll(() => cleanup(tmp));

const ID = makeIdNumber('410702', '1985-03-12', '015');
const grouped = (id: string): string => `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`;
const HEADER = '序号,名单类型,领域,主体类别,主体名称,证件类型,证件号码,列入事由,认定依据,认定文书号,认定日期';

async function check(ids: string[], lang = 'zh-CN') {
  const rows = ids.map((id, i) => `${i + 1},黑名单,工时及休息休假,自然人,张某${i},居民身份证,${id},事由,依据,文号${i},2026/9/2`);
  writeFileSync(join(tmp, 'ids.csv'), `${[HEADER, ...rows].join('\n')}\n`);
  const args = ['validate', 'ids.csv', '--department', '劳动关系科', '--quarter', '2026Q3', '--today', TODAY, '--lang', lang];
  const json = await runCli([...args, '--format', 'json'], tmp);
  const pretty = await runCli(args, tmp);
  const found = (
    JSON.parse(json.stdout).diagnostics as { code: string; location: { row: number; field?: string }; args: Record<string, unknown> }[]
  )
    .filter((d) => d.location.field === 'idNumber')
    .map((d) => ({ code: d.code, row: d.location.row, args: d.args }));
  return { found, text: json.stdout + pretty.stdout + pretty.stderr, pretty: pretty.stdout };
}

describe('ungroupIdNumber', () => {
  it('removes hyphens when what is left is an ID’s length and characters, else keeps the value', () => {
    expect(ungroupIdNumber(grouped(ID))).toBe(ID);
    expect(ungroupIdNumber('410702-850312-015')).toBe('410702850312015');
    expect(ungroupIdNumber(`${ID.slice(0, 17)}-`)).toBe(`${ID.slice(0, 17)}-`);
    expect(ungroupIdNumber(`${ID.slice(0, 6)}--${ID.slice(6)}`)).toBe(`${ID.slice(0, 6)}--${ID.slice(6)}`);
    expect(ungroupIdNumber(`${ID}-1`)).toBe(`${ID}-1`);
    expect(ungroupIdNumber('AB-1234567')).toBe('AB-1234567');
  });
});

describe('an ID number typed with hyphens', () => {
  it('is read as the number, SCHEMA_NORMALISED (masked); a wrong check digit so typed is SCHEMA_ID_CHECKSUM', async () => {
    const wrong = `${ID.slice(0, 17)}${ID.endsWith('1') ? '2' : '1'}`;
    const { found, text } = await check([grouped(ID), grouped(wrong)]);
    expect(found).toEqual([
      { code: 'SCHEMA_NORMALISED', row: 2, args: expect.objectContaining({ to: '410702********0156' }) },
      { code: 'SCHEMA_ID_CHECKSUM', row: 3, args: expect.objectContaining({ expected: ID.slice(17) }) },
    ]);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(grouped(ID));
  });

  it('another separator is still SCHEMA_ID_FORMAT, and the hint says to write the digits alone', async () => {
    const dotted = `${ID.slice(0, 6)}.${ID.slice(6)}`;
    const { found, pretty } = await check([dotted], 'en');
    expect(found.map((d) => [d.code, d.args.reason])).toEqual([['SCHEMA_ID_FORMAT', 'chars']]);
    expect(pretty).toContain('Write it as 18 digits');
    const zh = await check([dotted]);
    expect(zh.pretty).toContain('请只填写 18 位号码');
  });
});
