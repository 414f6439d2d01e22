// CSV as departments' tools write it: line endings mixed within one file (rows pasted from another file, an
// editor that writes LF) and a value cut in two by an unquoted comma — neither may lose data silently.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../../helpers/cases.js';

let tmp = '';
let ws = '';
const HEADER = '名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期';
const row = (n: number, facts = '连续三年经营规范') =>
  `红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,${facts},《劳务派遣暂行规定》,新人社〔2025〕${n}号,2025-06-01,2028-06-01`;

beforeAll(() => {
  tmp = tempDir('csv-lines');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  mkdirSync(join(ws, 'lists'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Doc = {
  stats: { rows: number };
  diagnostics: { code: string; severity: string; args: any; location: { row?: number; column?: string } }[];
};
const validate = async (name: string, text: string): Promise<Doc> => {
  const file = join(ws, 'lists', name);
  writeFileSync(file, `\ufeff${text}`);
  const res = await runCli(
    ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--format', 'json', '--today', '2026-10-15', '-w', ws],
    ws,
  );
  return JSON.parse(res.stdout) as Doc;
};

describe('a CSV whose lines end in CRLF and LF by turns', () => {
  // Seen: csv-parse took the first line's CRLF as the only ending; every LF line was merged into the cell before it.
  it('reads every line as its own row, whichever ending comes first', async () => {
    for (const [name, text] of [
      ['crlf-first.csv', `${HEADER}\r\n${row(1)}\n${row(2)}\r\n${row(3)}\n`],
      ['lf-first.csv', `${HEADER}\n${row(1)}\r\n${row(2)}\n${row(3)}\r\n`],
      ['cr-only.csv', `${HEADER}\r${row(1)}\r${row(2)}\r${row(3)}\r`],
    ] as const) {
      const doc = await validate(name, text);
      expect(doc.stats.rows, name).toBe(3);
      // A merged line would also put "2028-06-01\n红名单" in one cell: no date left unreadable.
      expect(
        doc.diagnostics.filter((d) => d.code === 'SCHEMA_EXTRA_CELL' || d.code === 'SCHEMA_DATE_INVALID'),
        name,
      ).toEqual([]);
    }
  });
});

describe('a CSV row with cells right of the last header', () => {
  // Seen: 列入事由 with an unquoted comma split into two cells; the row's last cell went nowhere, silently.
  it('is SCHEMA_EXTRA_CELL (warning) at the row and the first such cell, with how many there are', async () => {
    const doc = await validate('extra.csv', `${HEADER}\r\n${row(1)}\r\n${row(2, '经营规范,获评诚信企业')}\r\n${row(3)},备注一,,备注二\r\n`);
    expect(
      doc.diagnostics.filter((d) => d.code === 'SCHEMA_EXTRA_CELL').map((d) => [d.severity, d.location.row, d.location.column, d.args]),
    ).toEqual([
      ['warning', 3, 'L', { count: 1, lastHeader: 'K' }],
      ['warning', 4, 'L', { count: 2, lastHeader: 'K' }],
    ]);
  });
});
