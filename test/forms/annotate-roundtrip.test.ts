// Every per-finding fixture, annotated: the copy, validated again, gives the same findings at the
// same cells as the original (the patch changes styles, notes and one sheet, never the data), and a
// CSV's copy gives them on its one sheet.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, cleanup, loadCases, project, runCli, tempDir, TODAY, type Case, type Expect } from '../helpers/cases.js';

let root: string;
beforeAll(() => {
  root = tempDir('annotate-roundtrip');
});
afterAll(() => cleanup(root));

// Findings that depend on the folder, the other files or the department, not on the copied sheets.
const ACROSS = /^(COVER_|APPROVAL_|EVIDENCE_|PACKAGE_|MATRIX_|FILE_LOOSE|FILE_FEEDBACK_COPY)/;

describe.each(loadCases())('$name', (c: Case) => {
  it('the copy gives the original findings at the same cells', async () => {
    const dir = join(root, c.name);
    const target = await buildCase(c, dir);
    const opts = [
      '--today',
      TODAY,
      '--format',
      'json',
      '--department',
      c.options?.department ?? '就业办',
      '--quarter',
      c.options?.quarter ?? '2026Q3',
    ];
    const doc = JSON.parse(
      (await runCli(['validate', target, ...opts, '--annotate', 'fb'], dir, { SOURCE_DATE_EPOCH: '1790000000' })).stdout,
    );
    expect(doc.error).toBeUndefined();
    for (const a of doc.annotated as { source: string; path: string }[]) {
      const csv = /\.(csv|txt)$/i.test(a.source);
      // A CSV's undecodable bytes and characters XML cannot hold are U+FFFD in a workbook: said in the notes, gone from the cells.
      const own = (d: { code: string }): boolean =>
        !ACROSS.test(d.code) && !(csv && /^(FILE_ENCODING|SCHEMA_CHARACTER_INVALID)$/.test(d.code));
      const want: Expect[] = doc.diagnostics
        .filter((d: { location: { file?: string } }) => d.location.file === a.source)
        .filter(own)
        .map(project);
      copyFileSync(join(dir, a.path), join(dir, 'copy.xlsx'));
      const again = JSON.parse((await runCli(['validate', 'copy.xlsx', ...opts], dir)).stdout);
      // A CSV's findings name no sheet; its copy's name the one sheet.
      const got: Expect[] = again.diagnostics
        .filter(own)
        .map(project)
        .map((e: Expect) => (csv ? (({ sheet: _s, ...rest }) => rest)(e) : e));
      expect(got, a.path).toEqual(want);
    }
  });
});
