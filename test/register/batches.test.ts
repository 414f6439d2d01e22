// Supplementary batches (register.md "Batches"): 2026Q3-2 with its own folder and package, the
// quarter's dates, no missing departments or timeliness, published after the earlier batches.
// On a memory workspace (their subject is the logic, not the disk: test/helpers/memory-workspace.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatBatch, parseBatch, resolveBatch } from '../../src/domain/quarter.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { copyWithin, MEM_ROOT, memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';
import { onPort, readEvents as eventsOn, TODAY } from './helpers.js';

const io = new MemoryPort();
const files = onPort(io);
const template = join(MEM_ROOT, 'batches', 'template');
let n = 0;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

beforeAll(() => {
  memoryWorkspace('batches/template', 'example-workspace', io);
  // A supplementary batch from one department: 就业办 sends again.
  // The example's own removal request names its 2026Q2 history (scripts/example.mjs); these tests build their own registers.
  io.remove(join(template, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  copyWithin(io, join(template, 'submissions', '2026Q3', '就业办'), join(template, 'submissions', '2026年第三季度第2批', '就业办'));
});

const fresh = (): string => {
  const ws = join(MEM_ROOT, 'batches', `ws-${++n}`);
  copyWithin(io, template, ws);
  return ws;
};
const cli = (ws: string, args: string[]) => runCliOn(io, [...args, '-w', ws, '--today', TODAY], ws, env);
const readEvents = (ws: string) => eventsOn(ws, files);
const text = (path: string): string => files.read(path).toString('utf8');
const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('batch names', () => {
  it('2026Q3-2 and 2026年第三季度第2批 name the second batch of 2026Q3; -1 and 第1批 the regular one', () => {
    for (const raw of ['2026Q3-2', '2026q3-2', '2026Q3 - 2', '2026年第三季度第2批', '2026年第三季度第二批', '2026年第3季度第2批']) {
      expect(parseBatch(raw), raw).toEqual({ quarter: { year: 2026, q: 3 }, n: 2 });
    }
    expect(parseBatch('2026Q3')).toEqual({ quarter: { year: 2026, q: 3 }, n: 1 });
    expect(formatBatch(parseBatch('2026Q3-1')!)).toBe('2026Q3');
    expect(formatBatch(parseBatch('2026年第四季度第3批')!)).toBe('2026Q4-3');
    expect(resolveBatch('Q3-2', '2026-10-09')).toEqual({ quarter: { year: 2026, q: 3 }, n: 2 });
    for (const raw of ['2026Q3-0', '2026Q5-2', '2026-2', 'Q3-x']) expect(parseBatch(raw), raw).toBeUndefined();
  });
});

describe('a supplementary batch', () => {
  it('compiles from its own folder into its own package: dates of its quarter, no PACKAGE_SUBMISSION_MISSING, no timeliness', async () => {
    const ws = fresh();
    const res = await cli(ws, ['compile', '2026Q3-2', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const out = json(res.stdout);
    expect(out.quarter).toBe('2026Q3-2');
    expect(out.diagnostics.map((d: any) => d.code)).toEqual([]);
    const records = JSON.parse(text(join(ws, 'packages', '2026Q3-2', 'records.json')));
    expect(records.quarter).toBe('2026Q3-2');
    expect(records.records.map((r: any) => r.quarter)).toEqual(['2026Q3', '2026Q3', '2026Q3']);
    const manifest = JSON.parse(text(join(ws, 'packages', '2026Q3-2', 'manifest.json')));
    const jyb = manifest.departments.find((d: any) => d.name === '就业办');
    expect(jyb).toMatchObject({ submitted: true, onTime: null, deadline: null, daysLate: null });
    expect(io.exists(join(ws, 'packages', '2026Q3'))).toBe(false);
    // The regular batch still sees only its own folder.
    const regular = json((await cli(ws, ['status', '2026Q3', '--format', 'json'])).stdout);
    expect(regular.diagnostics.filter((d: any) => d.code === 'PACKAGE_QUARTER_DUPLICATE')).toEqual([]);
  });

  it('is published after the earlier batches of its quarter: REGISTER_BATCH_ORDER (exit 1, nothing recorded), then in order', async () => {
    const ws = fresh();
    expect((await cli(ws, ['compile', '2026Q3-2'])).code).toBe(0);
    const early = await cli(ws, ['publish', '2026Q3-2', '--format', 'json']);
    expect(early.code).toBe(1);
    expect(json(early.stdout).diagnostics.map((d: any) => [d.code, d.args, d.location.file])).toEqual([
      ['REGISTER_BATCH_ORDER', { batch: '2026Q3-2', earlier: '2026Q3' }, 'packages/2026Q3-2/manifest.json'],
    ]);
    expect(readEvents(ws)).toEqual([]);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    // Compiled again against the register: 就业办's rows are public already.
    const again = await cli(ws, ['compile', '2026Q3-2', '--force', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(json(again.stdout).diagnostics.map((d: any) => d.code)).toEqual([
      'REGISTER_ALREADY_ACTIVE',
      'REGISTER_ALREADY_ACTIVE',
      'REGISTER_ALREADY_ACTIVE',
    ]);
    expect((await cli(ws, ['publish', '年第三季度第2批'.replace(/^/, '2026')])).code).toBe(0);
    expect(readEvents(ws).map((e) => e.batch)).toEqual(['2026Q3', '2026Q3-2']);
  });
});

describe('a supplementary batch’s cover', () => {
  it('may name its batch (2026年第三季度第2批): its quarter is what the cover is compared with', async () => {
    const { coverMismatch } = await import('../../src/rules/submission/cover-mismatch.js');
    const found: unknown[] = [];
    const cover = { file: 'x', values: { quarter: { text: '2026年第三季度第2批', row: 4, column: 'B' } }, keyRows: {} };
    const env = { today: TODAY, quarter: { year: 2026, q: 3 }, matrix: { resolveDepartment: () => undefined } };
    // A stub of the facts (the covers and env the rule reads, not a whole submission): the type is not met on purpose.
    coverMismatch.check({ covers: [cover], env } as never, (...finding) => {
      found.push(finding.slice(0, 2));
    });
    expect(found).toEqual([]);
    cover.values.quarter.text = '2026年第二季度第2批';
    coverMismatch.check({ covers: [cover], env } as never, (...finding) => {
      found.push(finding.slice(0, 2));
    });
    expect(found).toEqual([['COVER_MISMATCH', { key: 'quarter', cover: '2026年第二季度第2批', expected: '2026Q3' }]]);
  });
});

// An empty supplementary batch folder (submissions/2026Q3-3/ made and nothing put in, or only a department
// folder with desktop.ini) compiled to a package publishing nothing: it is PACKAGE_BATCH_EMPTY (at the
// folder; a note, since a batch may rightly carry only the register's expiries or a 撤销: export-removed.test), saying
// what to do; even --strict compiles it (a 撤销-only batch must stay publishable). The regular quarter's empty folder is not it.
describe('an empty supplementary batch', () => {
  it('compile says so (PACKAGE_BATCH_EMPTY at the folder, a note: --strict still compiles), zh-CN and en', async () => {
    const ws = fresh();
    io.mkdir(join(ws, 'submissions', '2026Q3-3'));
    const res = await cli(ws, ['compile', '2026Q3-3', '--strict', '--dry-run', '--format', 'json']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.diagnostics.map((d: any) => [d.code, d.severity, d.args, d.location.file])).toEqual([
      ['PACKAGE_BATCH_EMPTY', 'info', { batch: '2026Q3-3', folder: 'submissions/2026Q3-3' }, 'submissions/2026Q3-3'],
    ]);
    expect(io.exists(join(ws, 'packages', '2026Q3-3'))).toBe(false);
    const zh = await cli(ws, ['compile', '2026Q3-3', '--dry-run']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('PACKAGE_BATCH_EMPTY');
    const en = await cli(ws, ['compile', '2026Q3-3', '--lang', 'en', '--format', 'json']);
    expect(json(en.stdout).diagnostics[0].message).toContain("the supplementary batch 2026Q3-3 holds no department's submission");
    // A department folder holding only desktop.ini sends nothing either.
    io.mkdir(join(ws, 'submissions', '2026Q3-3', '就业办'));
    io.writeFile(join(ws, 'submissions', '2026Q3-3', '就业办', 'desktop.ini'), '[.ShellClassInfo]\r\n');
    const still = await cli(ws, ['compile', '2026Q3-3', '--dry-run', '--format', 'json']);
    expect(json(still.stdout).diagnostics.map((d: any) => d.code)).toEqual(['PACKAGE_BATCH_EMPTY']);
    // The batch with a department's submission in it compiles (2026Q3-2 of the template).
    expect((await cli(ws, ['compile', '2026Q3-2', '--dry-run', '--format', 'json'])).code).toBe(0);
    expect(json((await cli(ws, ['rules', 'PACKAGE_BATCH_EMPTY', '--format', 'json'])).stdout).rules).toEqual([
      expect.objectContaining({ code: 'PACKAGE_BATCH_EMPTY', severity: 'info' }),
    ]);
  });
});
