// truth.md "Small truths": an untouched form from `template` is not a submission — the department is
// `submitted: false` in status, compile (JSON and manifest), supervise and its 通报 lapses.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

const TODAY = ['--today', '2026-10-20'];
let tmp = '';
let ws = '';

type Dept = { name: string; submitted: boolean };
type Diag = { code: string; department?: string };

beforeAll(async () => {
  tmp = tempDir('untouched');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // 考试中心 has only received its form: nothing filled in.
  const folder = join(ws, 'submissions', '2026Q3', '考试中心');
  rmSync(folder, { recursive: true, force: true });
  const made = await runCli(
    ['template', '考试中心', '--quarter', '2026Q3', '--out', join(folder, '考试中心_2026Q3_信用红黑名单.xlsx'), '-w', ws, ...TODAY],
    ws,
  );
  expect(made.code, made.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an untouched form from template', () => {
  it('status: not submitted, and only PACKAGE_SUBMISSION_MISSING for it', async () => {
    const res = await runCli(['status', '2026Q3', '-w', ws, '--format', 'json', ...TODAY], ws);
    const doc = JSON.parse(res.stdout) as { departments: Dept[]; diagnostics: Diag[] };
    expect(doc.departments.find((d) => d.name === '考试中心')?.submitted).toBe(false);
    expect(doc.diagnostics.filter((d) => d.department === '考试中心').map((d) => d.code)).toEqual(['PACKAGE_SUBMISSION_MISSING']);
    // The others are as they were.
    expect(doc.departments.filter((d) => d.name !== '考试中心').every((d) => d.submitted)).toBe(true);
  });

  it('PACKAGE_SUBMISSION_MISSING says the folder holds an unfilled form, not that there is no folder', async () => {
    const res = await runCli(['status', '2026Q3', '-w', ws, '--format', 'json', ...TODAY], ws);
    const doc = JSON.parse(res.stdout) as { diagnostics: (Diag & { args: Record<string, string>; message: string })[] };
    const d = doc.diagnostics.find((x) => x.code === 'PACKAGE_SUBMISSION_MISSING' && x.department === '考试中心');
    expect(d?.args.form).toBe('submissions/2026Q3/考试中心');
    expect(d?.message).toContain('空白填报表');
    expect(d?.message).not.toContain('没有科室文件夹');
    // The same in English.
    const en = await runCli(['status', '2026Q3', '-w', ws, '--lang', 'en', ...TODAY], ws);
    expect(en.stdout).toContain('holds only the blank form hrss-credit template wrote');
  });

  it('compile: not submitted in its JSON and in the manifest', async () => {
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--format', 'json', ...TODAY], ws);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout) as { departments: Dept[]; diagnostics: Diag[] };
    expect(doc.departments.find((d) => d.name === '考试中心')?.submitted).toBe(false);
    expect(doc.diagnostics.filter((d) => d.department === '考试中心').map((d) => d.code)).toEqual(['PACKAGE_SUBMISSION_MISSING']);
    const manifest = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'), 'utf8')) as {
      departments: Dept[];
      inputs: { path: string }[];
    };
    expect(manifest.departments.find((d) => d.name === '考试中心')?.submitted).toBe(false);
    // The blank form went into nothing: it is no input of the package.
    expect(manifest.inputs.filter((i) => i.path.includes('考试中心'))).toEqual([]);
  });

  it('supervise: missing, and the 通报 names it 未报送, not for unsigned sign-offs', async () => {
    const res = await runCli(['supervise', '2026', '-w', ws, '--format', 'json', ...TODAY], ws);
    const doc = JSON.parse(res.stdout) as {
      rows: { department: string; batch: string; status: string }[];
      lapses: { department: string; batch: string; kind: string }[];
    };
    expect(doc.rows.find((r) => r.department === '考试中心' && r.batch === '2026Q3')?.status).toBe('missing');
    expect(doc.lapses.filter((l) => l.department === '考试中心' && l.batch === '2026Q3').map((l) => l.kind)).toEqual(['missing']);
  });

  it('validate of the folder alone still says what is left to fill in', async () => {
    const res = await runCli(['validate', join(ws, 'submissions', '2026Q3', '考试中心'), '--format', 'json', ...TODAY], ws);
    const codes = (JSON.parse(res.stdout) as { diagnostics: Diag[] }).diagnostics.map((d) => d.code);
    expect(codes).toContain('APPROVAL_SIGNOFF_MISSING');
  });
});

describe('an untouched form left beside the filled file (template --all after the department sent its list)', () => {
  let ws2 = '';
  const blank = '就业办_2026Q3_信用红黑名单.xlsx';
  beforeAll(async () => {
    ws2 = join(tmp, 'beside');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws2, { recursive: true });
    const out = join(ws2, 'submissions', '2026Q3', '就业办', blank);
    const made = await runCli(['template', '就业办', '--quarter', '2026Q3', '--out', out, '-w', ws2, ...TODAY], ws2);
    expect(made.code, made.stderr).toBe(0);
  });

  it('status: the blank form is not read (an info finding names it), the filled file supplies the cover', async () => {
    const res = await runCli(['status', '2026Q3', '-w', ws2, '--format', 'json', ...TODAY], ws2);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout) as {
      departments: (Dept & { reviewer?: string; signedOff?: boolean; rows: number })[];
      diagnostics: (Diag & { severity: string; location: { file: string } })[];
    };
    const mine = doc.diagnostics.filter((d) => d.department === '就业办');
    expect(mine.map((d) => [d.code, d.severity, d.location.file])).toEqual([
      ['FILE_UNTOUCHED_FORM', 'info', `submissions/2026Q3/就业办/${blank}`],
    ]);
    const dept = doc.departments.find((d) => d.name === '就业办');
    expect([dept?.submitted, dept?.signedOff, dept?.reviewer, dept?.rows]).toEqual([true, true, '李建国', 3]);
  });

  it('compile: no COVER_DUPLICATE, and the blank form is no input of the package', async () => {
    const res = await runCli(['compile', '2026Q3', '-w', ws2, '--format', 'json', ...TODAY], ws2);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout) as { diagnostics: Diag[] };
    expect(doc.diagnostics.filter((d) => d.code === 'COVER_DUPLICATE')).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ws2, 'packages', '2026Q3', 'manifest.json'), 'utf8')) as { inputs: { path: string }[] };
    expect(manifest.inputs.filter((i) => i.path.includes(blank))).toEqual([]);
    expect(manifest.inputs.filter((i) => i.path.includes('劳务派遣红黑名单.xlsx')).length).toBe(1);
  });

  it('validate of the folder says the same', async () => {
    const res = await runCli(['validate', join(ws2, 'submissions', '2026Q3', '就业办'), '--format', 'json', ...TODAY], ws2);
    const codes = (JSON.parse(res.stdout) as { diagnostics: Diag[] }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['FILE_UNTOUCHED_FORM']);
    expect(res.code).toBe(0);
  });
});
