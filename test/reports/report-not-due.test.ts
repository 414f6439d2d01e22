// `report 2026` before a quarter's deadline: a department that has not sent it yet is not 未报送 — supervise
// names no lapse for it (lapsesOf) and the year report counts it nowhere, until the deadline has passed.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { supervise } from '../../dist/api/reports/supervise.js';

let tmp = '';
let ws = '';

beforeAll(() => {
  tmp = tempDir('not-due');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // 监察科 has not sent 2026Q3 (deadline 2026-10-10).
  rmSync(join(ws, 'submissions', '2026Q3', '监察科'), { recursive: true, force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const timeliness = async (today: string) => {
  const res = await runCli(['report', '2026', '-w', ws, '--format', 'json', '--today', today], ws);
  expect(res.code, res.stdout).toBe(0);
  return (JSON.parse(res.stdout) as { timeliness: { missing: number } }).timeliness;
};
const missingLapses = async (today: string) => {
  const res = await runCli(['supervise', '2026', '-w', ws, '--format', 'json', '--today', today], ws);
  return (JSON.parse(res.stdout) as { lapses: { department: string; kind: string }[] }).lapses.filter((l) => l.kind === 'missing');
};

/** The 督查情况表's tally of 监察科 (supervise --xlsx and the terminal draw it). */
const tally = async (today: string) => {
  const sup = await supervise(2026, { cwd: ws, workspace: ws, today });
  return sup.departments.find((d) => d.department === '监察科');
};

describe('a quarter not yet due', () => {
  it('before the deadline: not counted as 未报送 by report, as supervise names no lapse', async () => {
    expect((await timeliness('2026-10-05')).missing).toBe(0);
    expect(await missingLapses('2026-10-05')).toEqual([]);
    // The per-department tally agrees (it counted the quarter 未报送 while naming no lapse).
    expect((await tally('2026-10-05'))?.missing).toBe(0);
  });

  it('after it: 未报送 in both', async () => {
    expect((await timeliness('2026-10-20')).missing).toBe(1);
    expect((await missingLapses('2026-10-20')).map((l) => l.department)).toEqual(['监察科']);
    expect((await tally('2026-10-20'))?.missing).toBe(1);
  });
});
