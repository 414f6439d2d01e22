// An empty register/ folder (made by hand, or left after events.jsonl was moved away) is one thing in every
// view: register.md's "When register/ exists" — a register with no event yet. status and compile check the
// batch against it (the example's removal request finds no record: REMOVAL_NOT_FOUND), and supervise and
// the report show its facts as known zeros, not null / "no register yet". Without the folder, every view
// says there is no register. (Before: status said REMOVAL_NOT_FOUND while supervise and report showed null.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

let tmp: string;
let withFolder: string;
let without: string;
const TODAY = ['--today', '2026-10-09'];
const json = async (ws: string, args: string[]) => {
  const r = await runCli([...args, '-w', ws, ...TODAY, '--format', 'json'], ROOT);
  return { code: r.code, doc: JSON.parse(r.stdout) };
};
const codes = (doc: { diagnostics: Array<{ code: string }> }) => doc.diagnostics.map((d) => d.code);

beforeAll(() => {
  tmp = tempDir('empty-register-folder');
  without = join(tmp, 'without');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), without, { recursive: true });
  withFolder = join(tmp, 'with');
  cpSync(without, withFolder, { recursive: true });
  mkdirSync(join(withFolder, 'register'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an empty register/ folder is a register with no event, in every view', () => {
  it('status and compile check against it', async () => {
    expect(codes((await json(withFolder, ['status', '2026Q3'])).doc)).toContain('REMOVAL_NOT_FOUND');
    expect(codes((await json(withFolder, ['compile', '2026Q3', '--dry-run'])).doc)).toContain('REMOVAL_NOT_FOUND');
    expect(codes((await json(without, ['status', '2026Q3'])).doc)).not.toContain('REMOVAL_NOT_FOUND');
  });

  it('supervise shows its facts as zero, not null (null without the folder)', async () => {
    const rows = (await json(withFolder, ['supervise', '2026'])).doc.rows as Array<Record<string, unknown>>;
    const row = rows.find((r) => r.department === '就业办' && r.batch === '2026Q3');
    expect(row?.published).toEqual({ red: 0, black: 0 });
    const none = (await json(without, ['supervise', '2026'])).doc.rows as Array<Record<string, unknown>>;
    expect(none.find((r) => r.department === '就业办' && r.batch === '2026Q3')?.published).toBeNull();
    const pretty = await runCli(['supervise', '2026', '-w', withFolder, ...TODAY], ROOT);
    expect(pretty.stdout).not.toContain('尚未建立发布台账');
    expect((await runCli(['supervise', '2026', '-w', without, ...TODAY], ROOT)).stdout).toContain('尚未建立发布台账');
  });

  it('the report knows the register (registerKnown), for a batch and a year', async () => {
    for (const target of ['2026Q3', '2026']) {
      expect((await json(withFolder, ['report', target, '--out', join(tmp, `r-${target}.html`)])).doc.registerKnown).toBe(true);
      expect((await json(without, ['report', target, '--out', join(tmp, `n-${target}.html`)])).doc.registerKnown).toBe(false);
    }
  });
});
