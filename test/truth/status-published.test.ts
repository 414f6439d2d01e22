// truth.md "Small truths": `status` of a published batch says it is published (with its date) and
// re-checks nothing against the register it already changed — exit 0, no REMOVAL_* or REGISTER_*.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

let tmp = '';
let ws = '';
const TODAY = ['--today', '2026-10-20'];

beforeAll(async () => {
  tmp = tempDir('status-published');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // The example's 劳动关系科 sends a removal request: once published, its record is removed.
  expect((await runCli(['compile', '2026Q3', '-w', ws, ...TODAY], ws)).code).toBe(0);
  expect((await runCli(['publish', '2026Q3', '--on', '2026-10-15', '-w', ws, ...TODAY], ws)).code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('status of a published batch', () => {
  it('JSON: published with its date and event, no finding about its own effects, exit 0, nothing awaited', async () => {
    const res = await runCli(['status', '2026Q3', '-w', ws, '--format', 'json', ...TODAY], ws);
    const doc = JSON.parse(res.stdout) as {
      published: unknown;
      valid: boolean;
      diagnostics: { code: string }[];
      departments: { submitted: boolean }[];
    };
    expect(res.code).toBe(0);
    expect(doc.published).toEqual({ batch: '2026Q3', on: '2026-10-15', seq: 1 });
    expect(doc.diagnostics.map((d) => d.code).filter((c) => /^(REGISTER|REMOVAL)_/.test(c))).toEqual([]);
    expect(doc.departments.every((d) => d.submitted)).toBe(true);
    expect(doc.departments.every((d) => !('awaiting' in d))).toBe(true);
  });

  it('pretty: says so, in Chinese and in English', async () => {
    const zh = await runCli(['status', '2026Q3', '-w', ws, ...TODAY], ws);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('2026Q3 已于 2026-10-15 发布');
    const en = await runCli(['status', '2026Q3', '-w', ws, '--lang', 'en', ...TODAY], ws);
    expect(en.stdout).toContain('2026Q3 was published on 2026-10-15');
  });

  it('a later published batch is checked as compile checked it: against the register before its publication', async () => {
    // 2026Q3-2 resends all of 2026Q3: compile found every row already public (REGISTER_ALREADY_ACTIVE, info).
    const ws2 = join(tmp, 'ws2');
    cpSync(ws, ws2, { recursive: true });
    cpSync(join(ws2, 'submissions', '2026Q3'), join(ws2, 'submissions', '2026Q3-2'), { recursive: true });
    rmSync(join(ws2, 'submissions', '2026Q3-2', '劳动关系科', '移出申请.xlsx'));
    const compiled = await runCli(['compile', '2026Q3-2', '-w', ws2, '--format', 'json', ...TODAY], ws2);
    expect(compiled.code, compiled.stdout).toBe(0);
    expect((await runCli(['publish', '2026Q3-2', '--on', '2026-10-20', '-w', ws2, ...TODAY], ws2)).code).toBe(0);
    const res = await runCli(['status', '2026Q3-2', '-w', ws2, '--format', 'json', ...TODAY], ws2);
    const codes = (doc: string): string[] => (JSON.parse(doc) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort();
    expect(res.code).toBe(0);
    expect(codes(res.stdout)).toEqual(codes(compiled.stdout));
    expect(codes(res.stdout)).toContain('REGISTER_ALREADY_ACTIVE');
  });

  it('a batch not yet published is still checked against the register', async () => {
    cpSync(join(ws, 'submissions', '2026Q3'), join(ws, 'submissions', '2026Q3-2'), { recursive: true });
    const res = await runCli(['status', '2026Q3-2', '-w', ws, '--format', 'json', ...TODAY], ws);
    const doc = JSON.parse(res.stdout) as { published: unknown; diagnostics: { code: string }[] };
    expect(doc.published).toBeNull();
    expect(doc.diagnostics.map((d) => d.code)).toContain('REGISTER_ALREADY_ACTIVE');
  });
});

describe('compile --dry-run of a published batch', () => {
  // Seen: with the 2026Q2 history imported, `compile 2026Q3 --dry-run` after `publish 2026Q3` reported
  // REMOVAL_NOT_FOUND for 劳动关系科's own removal request (its record already removed by that publication).
  it('is checked against the register before its publication: no finding about its own effects', async () => {
    const ws3 = join(tmp, 'ws3');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws3, { recursive: true });
    const history = join(ws3, 'history', '2026Q2', '劳动关系科2026年第二季度信用红黑名单.csv');
    const args = ['--batch', '2026Q2', '--published-on', '2026-07-20', '--department', '劳动关系科', '-w', ws3, ...TODAY];
    expect((await runCli(['register', 'import', history, ...args], ws3)).code).toBe(0);
    const compiled = await runCli(['compile', '2026Q3', '-w', ws3, '--format', 'json', ...TODAY], ws3);
    expect(compiled.code, compiled.stdout).toBe(0);
    expect((await runCli(['publish', '2026Q3', '--on', '2026-10-15', '-w', ws3, ...TODAY], ws3)).code).toBe(0);
    const dry = await runCli(['compile', '2026Q3', '--dry-run', '-w', ws3, '--format', 'json', ...TODAY], ws3);
    const codes = (doc: string): string[] => (JSON.parse(doc) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort();
    expect(codes(dry.stdout)).not.toContain('REMOVAL_NOT_FOUND');
    expect(codes(dry.stdout)).toEqual(codes(compiled.stdout));
    expect(dry.code).toBe(0);
  });
});
