// A row whose bytes are not valid in the file's encoding (submission.md: FILE_ENCODING at that row, never a
// silent U+FFFD): one finding for that cause. Its garbled cells ('���', and the mojibake around it) get no value
// finding (SCHEMA_ENUM of '���' was shown), while what reads the same in either encoding — a credit code's
// checksum — and the row's structure (an empty required cell) are still checked. docs/decisions.md
// "FILE_ENCODING: one finding per cause".
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cases.js';
import { makeCreditCode } from '../../src/domain/credit-code.js';

const HEADER =
  '序号,名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人（负责人）,法定代表人证件号码,列入事由,认定依据,认定文书号,认定日期';
const CODE = makeCreditCode('91410700', 'MA3X7K20');
const WRONG = `${CODE.slice(0, 17)}${CODE.endsWith('X') ? 'Y' : 'X'}`;

let tmp = '';
let dir = '';
beforeAll(() => {
  tmp = tempDir('encoding-row');
  dir = join(tmp, '新乡 人社', '劳动关系科');
  mkdirSync(dir, { recursive: true });
  const gb = (s: string): Buffer => iconv.encode(s, 'gb18030');
  writeFileSync(
    join(dir, '黑名单.csv'),
    Buffer.concat([
      gb(`${HEADER}\r\n`),
      // Row 2: GB18030 as the file, with a value outside its list: SCHEMA_ENUM as ever.
      gb(`1,黑名单,劳动合同,法人团体,新乡县甲乙食品有限公司,${CODE},吴某,,超时加班,《劳动法》第九十条,新人社劳罚〔2026〕9号,2026/9/2\r\n`),
      // Row 3: pasted as UTF-8 into the GB18030 file: garbled text, a wrong check digit, 列入事由 left empty.
      Buffer.from(
        `2,黑名单,劳动合同,法人及非法人组织,新乡市牧野区鑫达建材有限公司,${WRONG},王立新,,,《劳动合同法》,新人社劳罚〔2026〕11号,2026/9/3\r\n`,
        'utf8',
      ),
    ]),
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Finding = { code: string; location: { row?: number; column?: string }; args: Record<string, unknown> };
const tuples = (ds: Finding[], row: number): string[] =>
  ds
    .filter((d) => d.location.row === row)
    .map((d) => `${d.location.column ?? '-'} ${d.code}`)
    .sort();

describe('FILE_ENCODING: one finding per cause', () => {
  it.each([['zh-CN'], ['en']])(
    'the garbled row: FILE_ENCODING, the checksum and the empty required cell, no value finding on garbled text (%s)',
    async (lang) => {
      const r = await runCli(['validate', join(dir, '黑名单.csv'), '--today', '2026-10-15', '--format', 'json', '--lang', lang], tmp);
      expect(r.code).toBe(1);
      const ds = JSON.parse(r.stdout).diagnostics as Finding[];
      expect(tuples(ds, 3)).toEqual(['- FILE_ENCODING', 'F SCHEMA_CREDIT_CODE_CHECKSUM', 'I SCHEMA_REQUIRED']);
      const enc = ds.find((d) => d.code === 'FILE_ENCODING');
      expect(enc?.args).toMatchObject({ encoding: 'gb18030', row: 3 });
      expect(String(enc?.args.columns)).toMatch(/^[A-L](, [A-L])*$/);
      expect(JSON.stringify(ds)).not.toContain('\uFFFD');
      // The well-decoded row keeps its value finding.
      expect(tuples(ds, 2)).toEqual(['D SCHEMA_ENUM']);
    },
  );
});
