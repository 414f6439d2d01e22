// --strict and the register's writers (cli.md: "--strict (warnings count as errors)", exit 1): a command that writes
// to the register and is warned refuses before it writes — exit 1, the log's bytes as they were — so a run that
// exits 1 never leaves the register changed (docs/decisions.md "--strict and the register's writers"). publish used to
// exit 0 under --strict with its warning; import, note and the objection writers wrote the event and then exited 1.
// Each case is run twice: under --strict (refused, nothing written) and without it (written, exit 0, the same warning).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MemoryPort } from '../../src/io/memory-port.js';
import { memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';
import { eventsFile, onPort, packageRecords, TODAY, type Rec } from './helpers.js';
import { publishedSuiteOnPort } from './memory-suite.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', HRSS_CREDIT_USER: '测试' };
const { io, files, fresh } = publishedSuiteOnPort('strict-writers', env);
const cli = (port: MemoryPort, ws: string, today: string, args: string[]) =>
  runCliOn(port, [...args, '-w', ws, '--today', today, '--format', 'json'], ws, env);
const logOf = (port: MemoryPort, ws: string): string => Buffer.from(onPort(port).read(eventsFile(ws))).toString('hex');
const codes = (stdout: string): string[] => (JSON.parse(stdout).diagnostics as { code: string }[]).map((d) => d.code);

/**
 * Runs `args` under --strict: exit 1, not valid, `code` among its findings, the log's bytes unchanged; then without
 * --strict: exit 0, the same warning, the log longer by one event. Returns the second run's document.
 */
async function refusedUnderStrict(port: MemoryPort, ws: string, today: string, args: string[], code: string) {
  const before = logOf(port, ws);
  const strict = await cli(port, ws, today, [...args, '--strict']);
  expect(strict.code, strict.stdout + strict.stderr).toBe(1);
  const doc = JSON.parse(strict.stdout);
  expect(doc.valid).toBe(false);
  expect(codes(strict.stdout)).toContain(code);
  expect(logOf(port, ws)).toBe(before);
  // No finding of a refused run says the thing was recorded (OBJECTION_DEADLINE_PENDING's title read 异议已登记).
  for (const d of doc.diagnostics as { message: string }[]) expect(d.message).not.toMatch(/已登记|照原样登记/);
  const lines = (hex: string) => Buffer.from(hex, 'hex').toString('utf8').split('\n').filter(Boolean).length;
  const plain = await cli(port, ws, today, args);
  expect(plain.code, plain.stdout + plain.stderr).toBe(0);
  expect(codes(plain.stdout)).toContain(code);
  expect(lines(logOf(port, ws))).toBe(lines(before) + 1);
  return { strict: doc, plain: JSON.parse(plain.stdout) };
}

describe('--strict: a warned register write writes nothing (exit 1)', () => {
  it('publish --on after today (PUBLISH_DATE_FUTURE)', async () => {
    const port = new MemoryPort();
    const { ws } = memoryWorkspace('strict-publish/ws', 'example-workspace', port);
    expect((await runCliOn(port, ['compile', '2026Q3', '-w', ws, '--today', TODAY], ws)).code).toBe(0);
    // A log to compare: a note first.
    expect((await cli(port, ws, TODAY, ['register', 'note', '开始使用'])).code).toBe(0);
    const r = await refusedUnderStrict(port, ws, TODAY, ['publish', '2026Q3', '--on', '2026-10-16'], 'PUBLISH_DATE_FUTURE');
    expect([r.strict.outcome, r.strict.event, r.strict.head]).toEqual(['refused', null, null]);
    expect(r.plain.outcome).toBe('published');
  });

  it('register import --published-on after today (IMPORT_DATE_FUTURE), and out of order (REGISTER_IMPORT_OUT_OF_ORDER)', async () => {
    const ws = fresh();
    const list = join(ws, 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx');
    const future = ['register', 'import', list, '--batch', '2026Q4', '--published-on', '2026-10-16'];
    const r = await refusedUnderStrict(io, ws, TODAY, future, 'IMPORT_DATE_FUTURE');
    expect(r.strict.outcome).toBe('refused');
    expect(r.plain.outcome).toBe('imported');
    // Found under the lock, against the log: an older batch after 2026Q3 (published 2026-07-15).
    const ws2 = fresh();
    const list2 = join(ws2, 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx');
    const older = ['register', 'import', list2, '--batch', '2026Q2', '--published-on', '2026-09-20'];
    const o = await refusedUnderStrict(io, ws2, TODAY, older, 'REGISTER_IMPORT_OUT_OF_ORDER');
    expect(o.strict.outcome).toBe('refused');
  });

  it('register note with a phone number (TEXT_PERSONAL_INFO): refused, seq and head null', async () => {
    const ws = fresh();
    const r = await refusedUnderStrict(io, ws, TODAY, ['register', 'note', '已电话告知 13812345678'], 'TEXT_PERSONAL_INFO');
    expect([r.strict.seq, r.strict.head]).toEqual([null, null]);
    expect(r.plain.seq).toBe(2);
  });

  it('objection add with a phone number in --summary (TEXT_PERSONAL_INFO)', async () => {
    const ws = fresh();
    const id = (packageRecords(ws, '2026Q3', files)[0] as Rec).id;
    const args = ['objection', 'add', '--received', '2026-09-30', '--from', '甲', '--summary', '请回电 13812345678', '--record', id];
    const r = await refusedUnderStrict(io, ws, '2026-10-09', args, 'TEXT_PERSONAL_INFO');
    expect([r.strict.objection, r.strict.head]).toEqual([null, null]);
    expect(r.plain.objection.number).toBe('O2026-001');
  });

  it('objection resolve after its deadline (OBJECTION_LATE)', async () => {
    const ws = fresh();
    const id = (packageRecords(ws, '2026Q3', files)[0] as Rec).id;
    const add = ['objection', 'add', '--received', '2026-09-30', '--from', '甲', '--summary', '认为有误', '--record', id];
    expect((await cli(io, ws, '2026-10-09', add)).code).toBe(0);
    const resolve = ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '经核查无误', '--on', '2026-10-12'];
    const r = await refusedUnderStrict(io, ws, TODAY, resolve, 'OBJECTION_LATE');
    expect(r.strict.objection).toBeNull();
    expect(r.plain.objection.status).toBe('resolved');
  });

  it('objection add whose deadline year is not in the calendar (OBJECTION_DEADLINE_PENDING): not said to be recorded', async () => {
    const ws = fresh();
    const id = (packageRecords(ws, '2026Q3', files)[0] as Rec).id;
    const args = ['objection', 'add', '--received', '2026-12-30', '--from', '甲', '--summary', '认为有误', '--record', id];
    const r = await refusedUnderStrict(io, ws, '2026-12-31', args, 'OBJECTION_DEADLINE_PENDING');
    expect(r.strict.objection).toBeNull();
    expect(r.plain.objection.deadline).toBeNull();
  });

  it('the screen says nothing was written, zh and en', async () => {
    const ws = fresh();
    const note = ['register', 'note', '已电话告知 13812345678', '-w', ws, '--today', TODAY, '--strict'];
    const zh = await runCliOn(io, note, ws, env);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('本次未写入登记簿');
    const en = await runCliOn(io, [...note, '--lang', 'en'], ws, env);
    expect(en.stdout).toContain('nothing was written');
  });
});
