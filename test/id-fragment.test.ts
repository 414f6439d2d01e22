// A 17-digit ID fragment (an 18-digit number whose check digit was lost) in a list: every output a
// finding reaches — the JSON report, the terminal, in Chinese and in English — masks it like an ID.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/id-number.js';
import { ROOT, runCli, tempDir } from './helpers/cases.js';

let tmp = '';
let ws = '';
let file = '';
const CUT = makeIdNumber('410702', '1986-05-04', '019').slice(0, 17);

beforeAll(() => {
  tmp = tempDir('id-fragment');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  mkdirSync(join(ws, 'lists'), { recursive: true });
  // The fragment also in the file's name (a clerk names a file after the person): findings name the file.
  file = join(ws, 'lists', `黑名单_${CUT}.csv`);
  writeFileSync(
    file,
    '\ufeff名单类型,领域,主体类别,主体名称,证件号码,列入事由,认定依据,认定文书号,认定日期,公示截止日期,失信程度,备注\r\n' +
      `黑名单,劳务派遣,自然人,张某,${CUT},违规,《劳务派遣暂行规定》,新人社〔2026〕7号,2026-08-01,2027-07-31,一般,原号码${CUT}\r\n`,
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a 17-digit ID fragment', () => {
  it('never appears whole in validate output (JSON, pretty, zh and en)', async () => {
    const base = ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '-w', ws];
    const json = await runCli([...base, '--format', 'json'], ws);
    // The list is checked (the fragment is a finding of its own), and the output names it masked.
    expect((JSON.parse(json.stdout) as { diagnostics: { code: string }[] }).diagnostics.length).toBeGreaterThan(0);
    for (const out of [json, await runCli(base, ws), await runCli([...base, '--lang', 'en'], ws)]) {
      expect(out.stdout + out.stderr).not.toContain(CUT);
    }
    expect(json.stdout).toContain(`${CUT.slice(0, 6)}*******${CUT.slice(-4)}`);
  });
});
