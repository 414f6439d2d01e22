// objection add|list|resolve|letter through the CLI, on the compiled example published on 2026-07-15.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ZipArchive } from '../../src/io/zip/zip.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { withRecordId } from '../../src/schemas/documents/records.js';
import { runCliOn } from '../helpers/memory-workspace.js';
import {
  creditRecord,
  eventsFile,
  packageRecords as recordsOf,
  readEvents as eventsOf,
  writePackage as writePackageOn,
  type Rec,
} from './helpers.js';
import { publishedSuiteOnPort } from './memory-suite.js';

// On a memory workspace: the subject is the objection commands' logic, not the disk (memory-suite.ts).
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const { io, files, fresh } = publishedSuiteOnPort('objection', env);
const cli = (ws: string, today: string, args: string[], extra: Record<string, string> = {}) =>
  runCliOn(io, [...args, '-w', ws, '--today', today], ws, { ...env, ...extra });
const packageRecords = (ws: string): Rec[] => recordsOf(ws, '2026Q3', files);
const readEvents = (ws: string) => eventsOf(ws, files);
const writePackage = (ws: string, batch: string, records: Rec[]): string => writePackageOn(ws, batch, records, {}, files);
const bytes = (path: string): Buffer => files.read(path);

/** The natural person of the example (a black-list record with an ID number). */
function person(ws: string): Rec & { idNumber: string; subjectName: string } {
  return packageRecords(ws).find((r) => r.idNumber !== '' && r.subjectType === '自然人') as Rec & { idNumber: string; subjectName: string };
}

const add = (ws: string, today: string, received: string, target: string[], extra: string[] = []) =>
  cli(ws, today, [
    'objection',
    'add',
    '--received',
    received,
    '--from',
    '申请人甲',
    '--summary',
    '认定事实有误',
    ...target,
    ...extra,
    '--format',
    'json',
  ]);

describe('objection add', () => {
  it('records an objection-add event with its number, record and deadline: received 2026-09-30 → 2026-10-10 (国庆, 调休 Saturday)', async () => {
    const ws = fresh();
    const p = person(ws);
    const res = await add(ws, '2026-10-09', '2026-09-30', ['--subject', p.idNumber], ['--channel', '信用中国', '--by', '王五']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.command).toBe('objection add');
    expect(out.objection).toEqual({
      number: 'O2026-001',
      recordId: p.id,
      subjectName: p.subjectName,
      received: '2026-09-30',
      deadline: '2026-10-10',
      workingDays: 3,
      workingDaysLeft: 1,
      status: 'open',
      outcome: null,
      resolvedOn: null,
      late: false,
    });
    const e = readEvents(ws).at(-1) as Record<string, any>;
    expect(e).toMatchObject({
      type: 'objection-add',
      on: '2026-09-30',
      id: p.id,
      objection: 'O2026-001',
      from: '申请人甲',
      summary: '认定事实有误',
      channel: '信用中国',
      providerCheck: false,
      workingDays: 3,
      deadline: '2026-10-10',
      by: '王五',
    });
    // Flagged 异议标注 while open.
    const list = json((await cli(ws, '2026-10-09', ['register', 'list', '--format', 'json'])).stdout);
    expect(list.records.filter((r: { objection: boolean }) => r.objection).map((r: { id: string }) => r.id)).toEqual([p.id]);
    const shown = await cli(ws, '2026-10-09', ['register', 'list', '--find', p.id]);
    expect(shown.stdout).toContain('异议标注');
    expect((await cli(ws, '2026-10-09', ['register', 'verify'])).code).toBe(0);
  });

  it('numbers by year of receipt, in sequence; --provider-check allows 7 working days', async () => {
    const ws = fresh();
    const [a, b] = packageRecords(ws) as [Rec, Rec];
    expect(json((await add(ws, '2026-10-15', '2026-10-12', ['--record', a.id])).stdout).objection.number).toBe('O2026-001');
    const second = json((await add(ws, '2026-10-15', '2026-10-12', ['--record', b.id.slice(0, 8)], ['--provider-check'])).stdout).objection;
    // 10-12 (Mon) + 7 working days: 13, 14, 15, 16, 19, 20, 21.
    expect(second).toMatchObject({ number: 'O2026-002', recordId: b.id, workingDays: 7, deadline: '2026-10-21' });
  });

  it('no record, or several and no --record: OBJECTION_RECORD_NOT_FOUND / OBJECTION_AMBIGUOUS, exit 1, nothing recorded', async () => {
    const ws = fresh();
    const before = bytes(eventsFile(ws));
    const none = await add(ws, '2026-10-15', '2026-10-12', ['--subject', '没有这个主体']);
    expect(none.code).toBe(1);
    expect(json(none.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['OBJECTION_RECORD_NOT_FOUND']);
    expect(bytes(eventsFile(ws)).equals(before)).toBe(true);

    // A workspace with no register yet: not found, and no register/ folder made.
    const bare = fresh();
    io.remove(join(bare, 'register'));
    const noRegister = await add(bare, '2026-10-15', '2026-10-12', ['--subject', '杨文博']);
    expect(noRegister.code).toBe(1);
    expect(json(noRegister.stdout).diagnostics[0].code).toBe('OBJECTION_RECORD_NOT_FOUND');
    expect(io.exists(join(bare, 'register'))).toBe(false);

    // A second decision on the same subject, published in 2026Q4: the name now matches two records.
    const p = person(ws);
    const { id: _id, ...rest } = creditRecord(p);
    const other = withRecordId({ ...rest, decisionNo: '新创担〔2026〕99号', decisionDate: '2026-10-01', quarter: '2026Q4' });
    writePackage(ws, '2026Q4', [other]);
    expect((await cli(ws, '2026-10-15', ['publish', '2026Q4', '--on', '2026-10-15'])).code).toBe(0);
    const mid = bytes(eventsFile(ws));
    const many = await add(ws, '2026-10-15', '2026-10-15', ['--subject', p.subjectName]);
    expect(many.code).toBe(1);
    expect(json(many.stdout).diagnostics[0]).toMatchObject({ code: 'OBJECTION_AMBIGUOUS', args: { count: 2 } });
    expect(bytes(eventsFile(ws)).equals(mid)).toBe(true);
    // --record says which.
    const one = await add(ws, '2026-10-15', '2026-10-15', ['--subject', p.subjectName, '--record', other.id]);
    expect(json(one.stdout).objection.recordId).toBe(other.id);
  });

  // Seen: the pending deadline's hint said "请按 3 个工作日" for an objection given 7 (--provider-check).
  it("a pending deadline names the objection's own working days in its hint (7 with --provider-check), zh and en", async () => {
    const ws = fresh();
    const p = person(ws);
    const base = ['objection', 'add', '--received', '2026-12-30', '--from', '申请人甲', '--summary', '认定事实有误', '--record', p.id];
    const zh = await cli(ws, '2026-12-31', [...base, '--provider-check']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('OBJECTION_DEADLINE_PENDING');
    expect(zh.stdout).toContain('请按 7 个工作日自行掌握办理时限');
    expect(zh.stdout).not.toContain('请按 3 个工作日');
    const en = await cli(ws, '2026-12-31', [...base, '--lang', 'en']);
    expect(en.stdout).toContain('keep to 3 working days by hand');
  });

  // Seen: `objection add` printed 已登记 and exited 1 (CALENDAR_NOT_COVERED, error) — a script took the recorded
  // objection for a failure. Decided: recorded, OBJECTION_DEADLINE_PENDING (warning), exit 0.
  it('around New Year with 2027 not covered: recorded all the same with deadline null, OBJECTION_DEADLINE_PENDING (warning) exit 0; computed once calendar/2027.json is added', async () => {
    const ws = fresh();
    const p = person(ws);
    const res = await add(ws, '2026-12-31', '2026-12-30', ['--record', p.id]);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.diagnostics.map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args])).toEqual([
      ['OBJECTION_DEADLINE_PENDING', 'warning', { number: 'O2026-001', year: 2027, file: 'calendar/2027.json', workingDays: 3 }],
    ]);
    expect(out.objection).toMatchObject({ number: 'O2026-001', deadline: null, workingDaysLeft: null, status: 'open' });
    expect(readEvents(ws).at(-1)).toMatchObject({ type: 'objection-add', deadline: null, workingDays: 3 });

    const pending = json((await cli(ws, '2027-01-04', ['objection', 'list', '--format', 'json'])).stdout);
    expect(pending.objections[0]).toMatchObject({ number: 'O2026-001', deadline: null, workingDaysLeft: null });
    expect((await cli(ws, '2027-01-04', ['objection', 'list'])).stdout).toContain('待定');
    // Seen (round 32): `--overdue` said 共 0 件异议 of it, exit 0, with no word. Past the earliest day its deadline
    // could fall (12-30 + 3 days), it is named, with the calendar file to add; not counted overdue (no exit 1).
    const overdue = await cli(ws, '2027-01-04', ['objection', 'list', '--overdue', '--format', 'json']);
    expect(overdue.code).toBe(0);
    const listed = json(overdue.stdout).objections.map((o: { number: string; deadline: null }) => [o.number, o.deadline]);
    expect(listed).toEqual([['O2026-001', null]]);
    const screen = await cli(ws, '2027-01-04', ['objection', 'list', '--overdue']);
    expect(screen.code).toBe(0);
    expect(screen.stdout).toContain('OBJECTION_DEADLINE_PENDING');
    expect(screen.stdout).toContain('calendar/2027.json');
    expect(screen.stdout).not.toContain('OBJECTION_OVERDUE');
    const early = await cli(ws, '2027-01-02', ['objection', 'list', '--overdue', '--format', 'json']);
    expect(json(early.stdout).objections).toEqual([]);

    io.put(
      join(ws, 'calendar', '2027.json'),
      JSON.stringify({ year: 2027, source: 'test', holidays: [['2027-01-01', '2027-01-03']], workdays: [] }),
    );
    // 12-31 (Thu), then 01-01…01-03 off, 01-04 (Mon), 01-05 (Tue).
    const covered = json((await cli(ws, '2027-01-04', ['objection', 'list', '--format', 'json'])).stdout);
    expect(covered.objections[0]).toMatchObject({ number: 'O2026-001', deadline: '2027-01-05', workingDaysLeft: 1 });
  });
});

describe('objection list', () => {
  it('prints exactly the keys of objections.md; --overdue exits 1 with OBJECTION_OVERDUE only when one is open past its deadline', async () => {
    const ws = fresh();
    const p = person(ws);
    await add(ws, '2026-10-09', '2026-09-30', ['--record', p.id]);
    const onTime = await cli(ws, '2026-10-10', ['objection', 'list', '--overdue', '--format', 'json']);
    expect(onTime.code).toBe(0);
    expect(json(onTime.stdout)).toEqual({ schemaVersion: 1, command: 'objection list', objections: [] });

    const all = json((await cli(ws, '2026-10-13', ['objection', 'list', '--format', 'json'])).stdout);
    expect(Object.keys(all)).toEqual(['schemaVersion', 'command', 'objections']);
    expect(Object.keys(all.objections[0]).sort()).toEqual(
      [
        'deadline',
        'late',
        'number',
        'outcome',
        'received',
        'recordId',
        'resolvedOn',
        'status',
        'subjectName',
        'workingDays',
        'workingDaysLeft',
      ].sort(),
    );
    // 10-10 (Sat, 调休) was the deadline; 10-12 and 10-13 are working days after it.
    expect(all.objections[0]).toMatchObject({ deadline: '2026-10-10', workingDaysLeft: -2, status: 'open' });

    const late = await cli(ws, '2026-10-13', ['objection', 'list', '--overdue']);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('OBJECTION_OVERDUE');
    // Without --overdue, overdue is data: exit 0.
    expect((await cli(ws, '2026-10-13', ['objection', 'list'])).code).toBe(0);
    // --year filters by year of receipt; resolved ones only with --all.
    expect(json((await cli(ws, '2026-10-13', ['objection', 'list', '--year', '2025', '--format', 'json'])).stdout).objections).toEqual([]);
    await cli(ws, '2026-10-13', ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '认定无误']);
    expect(json((await cli(ws, '2026-10-13', ['objection', 'list', '--format', 'json'])).stdout).objections).toEqual([]);
    expect(json((await cli(ws, '2026-10-13', ['objection', 'list', '--all', '--format', 'json'])).stdout).objections[0]).toMatchObject({
      status: 'resolved',
      outcome: '维持',
      late: true,
    });
    expect((await cli(ws, '2026-10-13', ['objection', 'list', '--overdue'])).code).toBe(0);
  });

  it('--all, long after: a resolved objection has no days left — its cell says the day it was resolved (zh-CN, en)', async () => {
    // It showed 剩余工作日 "1", the count frozen on the day it was resolved (round 30).
    const ws = fresh();
    const p = person(ws);
    await add(ws, '2026-10-09', '2026-09-30', ['--subject', p.idNumber]);
    await cli(ws, '2026-10-09', ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '认定无误']);
    const row = (out: string): string => out.split('\n').find((l) => l.includes('O2026-001')) ?? '';
    const zh = await cli(ws, '2026-12-01', ['objection', 'list', '--all']);
    const en = await cli(ws, '2026-12-01', ['objection', 'list', '--all', '--lang', 'en']);
    expect(zh.code).toBe(0);
    expect(row(zh.stdout)).toContain('2026-10-09 已办结');
    expect(row(en.stdout)).toContain('closed 2026-10-09');
    for (const r of [zh, en])
      expect(
        row(r.stdout)
          .split(/[│|]/)
          .map((c) => c.trim()),
      ).not.toContain('1');
    // JSON keeps workingDaysLeft's meaning (as it stood the day it was resolved: 1, on time) beside resolvedOn.
    const doc = json((await cli(ws, '2026-12-01', ['objection', 'list', '--all', '--format', 'json'])).stdout);
    expect(doc.objections[0]).toMatchObject({ status: 'resolved', resolvedOn: '2026-10-09', workingDaysLeft: 1, late: false });
  });
});

describe('objection resolve', () => {
  it('撤销 revokes the record at once (removed, revoked, batch null); on time is not late; the flag is gone', async () => {
    const ws = fresh();
    const p = person(ws);
    await add(ws, '2026-10-09', '2026-09-30', ['--record', p.id]);
    const res = await cli(ws, '2026-10-09', [
      'objection',
      'resolve',
      'O2026-001',
      '--outcome',
      '撤销',
      '--opinion',
      '核查属实，予以撤销',
      '--by',
      '李四',
      '--format',
      'json',
    ]);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.diagnostics).toEqual([]);
    expect(out.objection).toMatchObject({ status: 'resolved', outcome: '撤销', resolvedOn: '2026-10-09', late: false });
    expect(readEvents(ws).at(-1)).toMatchObject({
      type: 'objection-resolve',
      id: p.id,
      objection: 'O2026-001',
      outcome: 'revoked',
      reason: '核查属实，予以撤销',
      late: false,
      by: '李四',
    });
    const removed = json((await cli(ws, '2026-10-09', ['register', 'list', '--status', 'removed', '--format', 'json'])).stdout);
    expect(removed.records).toEqual([
      expect.objectContaining({
        id: p.id,
        status: 'removed',
        objection: false,
        removal: { type: 'revoked', on: '2026-10-09', batch: null, reason: '核查属实，予以撤销' },
      }),
    ]);
  });

  it('after the deadline: OBJECTION_LATE (warning, exit 0), kept in the event; again: OBJECTION_ALREADY_RESOLVED; unknown number: OBJECTION_NOT_FOUND', async () => {
    const ws = fresh();
    const p = person(ws);
    await add(ws, '2026-10-09', '2026-09-30', ['--record', p.id]);
    const res = await cli(ws, '2026-10-15', [
      'objection',
      'resolve',
      'o2026-001',
      '--outcome',
      '更正',
      '--opinion',
      '证件号码有误，请科室更正',
      '--on',
      '2026-10-12',
      '--format',
      'json',
    ]);
    expect(res.code).toBe(0);
    expect(
      json(res.stdout).diagnostics.map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args]),
    ).toEqual([['OBJECTION_LATE', 'warning', { number: 'O2026-001', deadline: '2026-10-10', resolvedOn: '2026-10-12' }]]);
    expect(readEvents(ws).at(-1)).toMatchObject({ type: 'objection-resolve', outcome: 'corrected', late: true, deadline: '2026-10-10' });
    // 更正: still active, no longer flagged as objected, awaiting its corrected row.
    const active = json((await cli(ws, '2026-10-15', ['register', 'list', '--find', p.id, '--format', 'json'])).stdout);
    expect(active.records[0]).toMatchObject({ id: p.id, status: 'active', objection: false });
    expect((await cli(ws, '2026-10-15', ['objection', 'list', '--all'])).stdout).toContain('待更正');

    const before = bytes(eventsFile(ws));
    const again = await cli(ws, '2026-10-15', [
      'objection',
      'resolve',
      'O2026-001',
      '--outcome',
      '维持',
      '--opinion',
      'x',
      '--format',
      'json',
    ]);
    expect(again.code).toBe(1);
    expect(json(again.stdout).diagnostics[0]).toMatchObject({
      code: 'OBJECTION_ALREADY_RESOLVED',
      args: { number: 'O2026-001', resolvedOn: '2026-10-12', outcome: '更正' },
    });
    const unknown = await cli(ws, '2026-10-15', [
      'objection',
      'resolve',
      'O2026-009',
      '--outcome',
      '维持',
      '--opinion',
      'x',
      '--format',
      'json',
    ]);
    expect(unknown.code).toBe(1);
    expect(json(unknown.stdout).diagnostics[0]).toMatchObject({ code: 'OBJECTION_NOT_FOUND', args: { number: 'O2026-009' } });
    expect(bytes(eventsFile(ws)).equals(before)).toBe(true);
    const bad = await cli(ws, '2026-10-15', [
      'objection',
      'resolve',
      'O2026-001',
      '--outcome',
      '同意',
      '--opinion',
      'x',
      '--format',
      'json',
    ]);
    expect(bad.code).toBe(2);
  });
});

async function partOf(path: string, name: string): Promise<string> {
  const zip = await ZipArchive.open(path, DEFAULT_LIMITS, io);
  try {
    return (await zip.read(name)).toString('utf8');
  } finally {
    zip.close();
  }
}

describe('objection letter and masking', () => {
  it('terminal and JSON mask the ID number; the .docx letter carries it in full with every field, the same bytes twice with SOURCE_DATE_EPOCH', async () => {
    const ws = fresh();
    const p = person(ws);
    const outputs: string[] = [];
    const run = async (today: string, args: string[], extra: Record<string, string> = {}) => {
      const r = await cli(ws, today, args, extra);
      outputs.push(r.stdout, r.stderr);
      return r;
    };
    for (const format of [[], ['--format', 'json']]) {
      await run('2026-10-09', [
        'objection',
        'add',
        '--received',
        '2026-09-30',
        '--from',
        '申请人甲',
        '--summary',
        '认定事实有误',
        '--subject',
        p.idNumber,
        '--channel',
        '来函',
        '--by',
        '王五',
        ...format,
      ]);
      await run('2026-10-09', ['objection', 'list', '--all', ...format]);
    }
    await run('2026-10-09', ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '经核查认定无误', '--by', '李四']);
    await run('2026-10-09', ['register', 'show', p.id]);
    const masked = `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`;
    expect(outputs.join('\n')).toContain(masked);
    expect(outputs.join('\n')).not.toContain(p.idNumber);

    const a = join(ws, 'letter-a.docx');
    const b = join(ws, 'letter-b.docx');
    const epoch = { SOURCE_DATE_EPOCH: '1790000000' };
    const first = await run('2026-10-09', ['objection', 'letter', 'O2026-001', '--out', a], epoch);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain(p.idNumber);
    expect((await run('2026-10-09', ['objection', 'letter', 'O2026-001', '--out', b], epoch)).code).toBe(0);
    expect(bytes(a).equals(bytes(b))).toBe(true);
    const doc = await partOf(a, 'word/document.xml');
    for (const field of [
      '异议处理意见书',
      '新乡市人力资源和社会保障局',
      'O2026-001',
      '申请人甲',
      '来函',
      '2026年9月30日',
      '2026年10月10日',
      '黑名单',
      p.domain as string,
      p.subjectName,
      p.idNumber,
      p.decisionNo as string,
      '认定事实有误',
      '核查',
      '维持',
      '经核查认定无误',
      '李四',
      '2026年10月9日',
    ]) {
      expect(doc, field).toContain(field);
    }
    const core = await partOf(a, 'docProps/core.xml');
    expect(core).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date(1790000000 * 1000).toISOString().replace('.000', '')}</dcterms:created>`,
    );
    // Without SOURCE_DATE_EPOCH the letter's own date fixes the timestamps: still the same bytes, written by default under objections/.
    expect((await run('2026-10-09', ['objection', 'letter', 'O2026-001'])).code).toBe(0);
    const dflt = join(ws, 'objections', 'O2026-001-异议处理意见书.docx');
    const once = bytes(dflt);
    expect((await run('2026-10-09', ['objection', 'letter', 'O2026-001'])).code).toBe(0);
    expect(bytes(dflt).equals(once)).toBe(true);
    const missing = await run('2026-10-09', ['objection', 'letter', 'O2026-404', '--format', 'json']);
    expect(missing.code).toBe(1);
    expect(io.exists(join(ws, 'objections', 'O2026-404-异议处理意见书.docx'))).toBe(false);
  });

  it('the letter after GB/T 9704-2012: A4, red 发文机关标志, 发文字号 (--number or config), 主送, Chinese dates, batch as 2026年第三季度, 核查情况 from --finding, 主体类别, room for the seal', async () => {
    const ws = fresh();
    const p = person(ws);
    await cli(ws, '2026-10-09', [
      'objection',
      'add',
      '--received',
      '2026-09-30',
      '--from',
      '申请人甲',
      '--summary',
      '认定事实有误',
      '--subject',
      p.idNumber,
    ]);
    await cli(ws, '2026-10-09', ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '经核查认定无误', '--by', '李四']);
    const given = join(ws, 'given.docx');
    expect(
      (
        await cli(ws, '2026-10-09', [
          'objection',
          'letter',
          'O2026-001',
          '--out',
          given,
          '--number',
          '新人社信〔2026〕12号',
          '--finding',
          '经与认定文书原件核对，主体信息一致',
        ])
      ).code,
    ).toBe(0);
    const doc = await partOf(given, 'word/document.xml');
    const texts = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const paras = [...doc.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const textOf = (para: string) => [...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    // A4, 版心 156 mm × 225 mm: 11907 × 16840 twips, margins 37 / 35 / 28 / 26 mm.
    expect(doc).toMatch(/<w:pgSz w:w="1190[67]" w:h="1684[0]" w:orient="portrait"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    // The head: the bureau in red, then 发文字号 over a red rule, then the title, then 主送.
    const head = paras.slice(0, 4);
    expect(head.map(textOf)).toEqual([
      '新乡市人力资源和社会保障局',
      '新人社信〔2026〕12号',
      '异议处理意见书',
      '新乡市社会信用体系建设领导小组办公室：',
    ]);
    expect(head[0]).toMatch(/<w:jc w:val="center"\/>/);
    expect(head[0]).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(head[1]).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    // Dates as 2026年10月9日, no ISO date anywhere; the batch as 2026年第三季度.
    expect(texts.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(texts).toContain('2026年9月30日');
    expect(texts.some((t) => t?.startsWith('2026年第三季度（'))).toBe(true);
    expect(texts.join('')).not.toMatch(/2026Q\d/);
    // 核查情况 as given (the standard sentence only when none is), 主体类别 as on the form.
    const row = (label: string) => texts[texts.indexOf(label) + 1];
    expect(row('核查情况')).toBe('经与认定文书原件核对，主体信息一致');
    expect(row('主体类别')).toBe('自然人');
    // The sign-off: 署名 and 成文日期 right, four characters in, three lines of room above for the seal.
    const [sign, date] = paras.slice(-2);
    expect([textOf(sign as string), textOf(date as string)]).toEqual(['新乡市人力资源和社会保障局', '2026年10月9日']);
    expect(sign).toMatch(/<w:spacing w:before="1737"\/>/);
    for (const p2 of [sign, date]) {
      expect(p2).toMatch(/<w:jc w:val="right"\/>/);
      expect(p2).toMatch(/<w:ind w:right="1280"\/>/);
    }

    // Without --number and --finding: config's pattern, and the standard 核查情况.
    io.put(join(ws, 'hrss-credit.config.json'), JSON.stringify({ objections: { letterNumber: '新人社监函〔{year}〕{n}号' } }));
    const dflt = join(ws, 'default.docx');
    expect((await cli(ws, '2026-10-09', ['objection', 'letter', 'O2026-001', '--out', dflt])).code).toBe(0);
    const d2 = [...(await partOf(dflt, 'word/document.xml')).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(d2).toContain('新人社监函〔2026〕1号');
    expect(d2[d2.indexOf('核查情况') + 1]).toMatch(/^对照2026年第三季度发布的记录（2026年7月15日发布）/);
  });

  it('a record listed without 认定文书号 is named in 核查情况 by its 认定日期, said as a date (it read "认定文书 2026-08-03")', async () => {
    const ws = fresh();
    // 新乡市卫河人力资源服务有限公司: a red record of the example with no 认定文书号, decided 2026-08-03.
    const add = [
      'objection',
      'add',
      '--received',
      '2026-09-30',
      '--from',
      '卫河公司',
      '--summary',
      '名称有误',
      '--subject',
      '91410700MA3X7K2P20',
    ];
    expect((await cli(ws, '2026-10-09', add)).code).toBe(0);
    const resolve = ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '经核查无误', '--by', '李四'];
    expect((await cli(ws, '2026-10-09', resolve)).code).toBe(0);
    const out = join(ws, 'red.docx');
    expect((await cli(ws, '2026-10-09', ['objection', 'letter', 'O2026-001', '--out', out])).code).toBe(0);
    const t = [...(await partOf(out, 'word/document.xml')).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(t[t.indexOf('核查情况') + 1]).toBe(
      '对照2026年第三季度发布的记录（2026年7月15日发布）与就业办报送的认定（认定日期 2026年8月3日），核查主体信息、认定事实与依据、公示期限',
    );
  });
});
