// compile with a register (register.md "What compile does with a register"): resent, changed,
// red on black, black on red, expiry and 撤销 listed once; records.json removals/unchanged; 移出名单.
import { formatLocation } from '../../src/reporters/pretty.js';
import { messagesFor } from '../../src/messages/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordIdentity } from '../../src/domain/identity.js';
import { appendEvent } from '../../src/io/register/register-store.js';
import { openWorkbook } from '../../src/io/sniff.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { scoreRows } from '../../src/table/header.js';
import {
  compiledExample,
  creditRecord,
  copyWorkspace,
  packageRecords,
  readEvents,
  runCli,
  tempDir,
  TODAY,
  ROOT,
  writePackage,
  type Rec,
} from './helpers.js';

let tmp: string;
let template: string;
let q3: Rec[];
let n = 0;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

beforeAll(async () => {
  tmp = tempDir('regcompile');
  template = await compiledExample(tmp);
  q3 = packageRecords(template);
  // The example's own removal request names its 2026Q2 history (scripts/example.mjs); these tests build their own registers.
  rmSync(join(template, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  rmSync(join(template, 'packages'), { recursive: true, force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (): string => copyWorkspace(template, join(tmp, `ws-${++n}`));
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', TODAY], ROOT, env);
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const byId = (id: string): Rec => structuredClone(q3.find((r) => r.id === id) as Rec);
/** A record changed in some fields, its id recomputed (what an earlier quarter published). */
function variant(id: string, change: Record<string, unknown>): Rec {
  const r = { ...byId(id), ...change, quarter: '2026Q2' };
  return { ...r, id: recordIdentity(creditRecord(r)).id };
}
async function publishQ2(ws: string, records: Rec[], on = '2026-07-10'): Promise<void> {
  writePackage(ws, '2026Q2', records);
  const res = await cli(ws, ['publish', '2026Q2', '--on', on]);
  expect(res.code, res.stdout + res.stderr).toBe(0);
}
const codes = (out: Record<string, any>, code: string) => out.diagnostics.filter((d: any) => d.code === code);
const recordsJson = (ws: string) => JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')) as Record<string, any>;

describe('compile without a register', () => {
  it('behaves as before: no removals, no unchanged, no 移出名单 sheet', async () => {
    const ws = fresh();
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    const file = recordsJson(ws);
    // records.json version 3: every key present, empty without a register (schemas/documents/records.ts).
    expect(Object.keys(file)).toEqual(['schemaVersion', 'quarter', 'audience', 'records', 'removals', 'unchanged', 'corrected']);
    expect(file).toMatchObject({ removals: [], unchanged: [], corrected: [] });
    expect(existsSync(join(ws, 'register'))).toBe(false);
  });
});

describe('compile with a register', () => {
  it('a record resent unchanged: REGISTER_ALREADY_ACTIVE (info) at its row, not published again; an expiry in the quarter listed once', async () => {
    const ws = fresh();
    const expiring = variant('ebc7b60e84c5', { decisionDate: '2023-08-10', publishUntil: '2026-08-15', decisionNo: '新人社〔2023〕1号' });
    await publishQ2(ws, [{ ...byId('ebc7b60e84c5'), quarter: '2026Q2' }, expiring]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const out = json(res.stdout);
    const resent = byId('ebc7b60e84c5').source as { file: string; sheet: string; row: number };
    expect(codes(out, 'REGISTER_ALREADY_ACTIVE')).toEqual([
      expect.objectContaining({
        severity: 'info',
        department: '就业办',
        args: { id: 'ebc7b60e84c5', department: '就业办', quarter: '2026Q2' },
        location: expect.objectContaining({ file: resent.file, row: resent.row }),
      }),
    ]);
    const file = recordsJson(ws);
    expect(file.records.map((r: Rec) => r.id)).toEqual(q3.filter((r) => r.id !== 'ebc7b60e84c5').map((r) => r.id));
    expect(file.unchanged).toEqual(['ebc7b60e84c5']);
    expect(file.removals).toEqual([{ id: expiring.id, type: 'expired', on: '2026-08-15', reason: '', department: '就业办' }]);

    // 移出名单 in 公示 and 共享: one row, 到期.
    for (const dir of ['公示', '共享']) {
      const name = readdirXlsx(join(ws, 'packages', '2026Q3', dir));
      const wb = await openWorkbook(join(ws, 'packages', '2026Q3', dir, name), 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
      expect(
        wb.sheets.map((s) => s.name),
        dir,
      ).toEqual(['红名单', '黑名单', '移出名单']);
    }
    const csv = readFileSync(join(ws, 'packages', '2026Q3', '公示', '移出名单.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toBe(
      `1,${expiring.id},红名单,${expiring.domain},新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2023〕1号,2023-08-10,到期,2026-08-15,,,就业办`,
    );

    // Published, the expiry is listed: the next batch does not list it again.
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const events = readEvents(ws) as Record<string, any>[];
    expect(events[1]).toMatchObject({
      type: 'publish',
      batch: '2026Q3',
      unchanged: ['ebc7b60e84c5'],
      removals: [{ id: expiring.id, type: 'expired' }],
    });
    const list = json((await cli(ws, ['register', 'list', '--status', 'expired', '--format', 'json'])).stdout);
    expect(list.records.map((r: any) => [r.id, r.removal?.type])).toEqual([[expiring.id, 'expired']]);
  });

  it('an expiry already listed by a published batch is not listed again', async () => {
    const ws = fresh();
    const expiring = variant('ebc7b60e84c5', { decisionDate: '2023-05-10', publishUntil: '2026-05-15', decisionNo: '新人社〔2023〕2号' });
    // The Q2 package listed it (as compile would have); a Q3 compile must not.
    rmSync(join(ws, 'register'), { recursive: true, force: true });
    mkdirSync(join(ws, 'register'));
    writePackage(ws, '2026Q1', [expiring]);
    expect((await cli(ws, ['publish', '2026Q1', '--on', '2026-01-10'])).code).toBe(0);
    writePackage(ws, '2026Q2', [], {
      removals: [{ id: expiring.id, type: 'expired', on: '2026-05-15', reason: '', department: '就业办' }],
    });
    expect((await cli(ws, ['publish', '2026Q2', '--on', '2026-07-10'])).code).toBe(0);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect(recordsJson(ws).removals).toEqual([]);
  });

  it('changed values: REGISTER_CHANGED (error, the fields); red on black names the red record and its department; exit 1, nothing written', async () => {
    const ws = fresh();
    const changed = { ...byId('2b8bd5d6967f'), publishUntil: '2028-09-01', quarter: '2026Q2' };
    const red = variant('3a9d103d1c2b', {
      listType: 'red',
      domain: '人力资源服务',
      decisionNo: '新人社〔2025〕8号',
      decisionDate: '2025-06-01',
      publishUntil: '2028-06-01',
      department: '就业办',
      severity: '',
    });
    await publishQ2(ws, [changed, red]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    const out = json(res.stdout);
    const at = (id: string) =>
      expect.objectContaining({ file: creditRecord(byId(id)).source.file, row: creditRecord(byId(id)).source.row });
    expect(codes(out, 'REGISTER_CHANGED')).toEqual([
      expect.objectContaining({
        severity: 'error',
        args: { id: '2b8bd5d6967f', fields: ['publishUntil'], department: '劳动关系科' },
        location: at('2b8bd5d6967f'),
      }),
    ]);
    expect(codes(out, 'REGISTER_RED_ON_BLACK')).toEqual([
      expect.objectContaining({ severity: 'error', args: { id: red.id, department: '就业办' }, location: at('3a9d103d1c2b') }),
    ]);
    expect(existsSync(join(ws, 'packages', '2026Q3'))).toBe(false);
  });

  it('black on red: a red record of a subject public on a black list (REGISTER_BLACK_ON_RED)', async () => {
    const ws = fresh();
    const black = variant('ebc7b60e84c5', {
      listType: 'black',
      decisionNo: '新人社监罚〔2025〕3号',
      decisionDate: '2025-06-01',
      publishUntil: '2028-06-01',
      department: '监察科',
    });
    await publishQ2(ws, [black]);
    const out = json((await cli(ws, ['compile', '2026Q3', '--format', 'json'])).stdout);
    expect(codes(out, 'REGISTER_BLACK_ON_RED').map((d: any) => d.args)).toEqual([{ id: black.id, department: '监察科' }]);
  });

  it('a 撤销 since the last published batch is listed as revoked, once', async () => {
    const ws = fresh();
    const other = variant('ebc7b60e84c5', { decisionNo: '新人社〔2025〕9号', decisionDate: '2025-06-01', publishUntil: '2028-06-01' });
    await publishQ2(ws, [other]);
    const author = { at: '2026-08-01T09:00:00+08:00', by: '张三', host: 'PC' };
    await appendEvent(ws, author, () => ({
      body: { type: 'objection-add', on: '2026-08-01', id: other.id, objection: 'YY-1' },
      value: undefined,
    }));
    await appendEvent(ws, author, () => ({
      body: { type: 'objection-resolve', on: '2026-08-05', id: other.id, objection: 'YY-1', outcome: 'revoked', reason: '认定有误' },
      value: undefined,
    }));
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect(recordsJson(ws).removals).toEqual([
      { id: other.id, type: 'revoked', on: '2026-08-05', reason: '认定有误', department: '就业办' },
    ]);
    // Published, the 撤销 is listed: a later batch does not list it again.
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    // (A published batch is not compiled again: the next batch's plan is asked of the register directly.)
    const { planFromWorkspace } = await import('../../src/api/register/register-compile.js');
    expect(planFromWorkspace(ws, { records: [], today: '2026-10-10', quarterEnd: '2026-12-31' }).plan.removals).toEqual([]);
  });

  it('a record named only by its name: REGISTER_WEAK_IDENTITY (info)', async () => {
    const { planRegister } = await import('../../src/api/register/register-compile.js');
    const { emptyState } = await import('../../src/register/state.js');
    const weak = variant('ebc7b60e84c5', { creditCode: '' });
    const { findings } = planRegister({ state: emptyState(), records: [creditRecord(weak)], today: TODAY, quarterEnd: '2026-09-30' });
    expect(findings.map((f) => [f.diagnostic.code, f.diagnostic.args])).toEqual([
      ['REGISTER_WEAK_IDENTITY', { id: weak.id, subject: '新乡市卫河人力资源服务有限公司' }],
    ]);
  });
});

function readdirXlsx(dir: string): string {
  return readdirSync(dir).find((f) => f.endsWith('.xlsx')) as string;
}

const HEAD = '名单类型,主体名称,统一社会信用代码,证件号码,认定文书号,移出类型,移出原因,审查日期,报备市信用办日期';
function removalCsv(ws: string, dept: string, rows: string[], name = '移出申请.csv'): string {
  const file = join(ws, 'submissions', '2026Q3', dept, name);
  writeFileSync(file, `\ufeff${[HEAD, ...rows].join('\r\n')}\r\n`);
  return `submissions/2026Q3/${dept}/${name}`;
}

describe('removal requests (移出申请)', () => {
  const red = () => variant('ebc7b60e84c5', { decisionNo: '新人社〔2025〕1号', decisionDate: '2025-06-01', publishUntil: '2028-06-01' });
  const black = () =>
    variant('a8d7154e45f6', { decisionNo: '新创担〔2025〕1号', decisionDate: '2025-06-01', publishUntil: '2028-06-01', severity: '一般' });

  it('accepted: a 违法违规移出 and a 提前移出 become removals (with 报备 date) and 移出名单 rows; a nil report may send one; too early is a warning', async () => {
    const ws = fresh();
    const r = red();
    const b = black();
    await publishQ2(ws, [r, b]);
    removalCsv(ws, '就业办', [
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕1号,违法违规移出,被列入严重失信名单,2026-09-20,',
    ]);
    removalCsv(ws, '创业担保中心', ['黑名单,杨文博,,410782198503120510,新创担（2025）1号,提前移出,已完成信用修复,2026-08-01,2026-08-05']);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const out = json(res.stdout);
    const early = codes(out, 'REMOVAL_TOO_EARLY').map((d: any) => [
      d.severity,
      d.department,
      d.args,
      d.location.file,
      d.location.row,
      d.location.column,
    ]);
    expect(early).toEqual([
      [
        'warning',
        '创业担保中心',
        { id: b.id, publishedOn: '2026-07-10', earliest: '2026-10-10', severity: '一般', months: 3, on: '2026-08-01' },
        'submissions/2026Q3/创业担保中心/移出申请.csv',
        2,
        'H',
      ],
    ]);
    // In the order the department folders are read (创业担保中心 before 就业办).
    expect(recordsJson(ws).removals).toEqual([
      { id: b.id, type: 'early', on: '2026-08-01', reason: '已完成信用修复', department: '创业担保中心', filedOn: '2026-08-05' },
      { id: r.id, type: 'violation', on: '2026-09-20', reason: '被列入严重失信名单', department: '就业办' },
    ]);
    const shared = readFileSync(join(ws, 'packages', '2026Q3', '公示', '移出名单.csv'), 'utf8').split('\r\n');
    expect(shared[1]).toBe(
      `1,${b.id},黑名单,${b.domain},杨文博,,410782********0510,新创担〔2025〕1号,2025-06-01,提前移出,2026-08-01,已完成信用修复,2026-08-05,创业担保中心`,
    );
    // Until publish the records stay active; published, they are removed with their type.
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const list = json((await cli(ws, ['register', 'list', '--status', 'removed', '--format', 'json'])).stdout);
    expect(list.records.map((x: any) => [x.id, x.removal.type]).sort()).toEqual(
      [
        [r.id, 'violation'],
        [b.id, 'early'],
      ].sort(),
    );
  });

  it('a 证件号码 typed in groups (410782-19850312-0510) names the record as the 18 digits do', async () => {
    const ws = fresh();
    const b = black();
    await publishQ2(ws, [b]);
    removalCsv(ws, '创业担保中心', ['黑名单,杨文博,,410782-19850312-0510,新创担〔2025〕1号,提前移出,已完成信用修复,2026-08-01,2026-08-05']);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    const out = json(res.stdout);
    expect(codes(out, 'REMOVAL_NOT_FOUND')).toEqual([]);
    expect(recordsJson(ws).removals.map((x: any) => [x.id, x.type])).toEqual([[b.id, 'early']]);
    // The finding that names the row never shows the number whole.
    expect(res.stdout).not.toContain('19850312');
  });

  it('every refusal: not found, ambiguous, not owner, type mismatch, filing missing, date invalid, duplicate, unknown type — exit 1 with row and column', async () => {
    const ws = fresh();
    const r = red();
    const r2 = variant('ebc7b60e84c5', { decisionNo: '新人社〔2025〕2号', decisionDate: '2025-07-01', publishUntil: '2028-07-01' });
    const b = black();
    await publishQ2(ws, [r, r2, b]);
    const file = removalCsv(ws, '就业办', [
      '红名单,不存在的公司,91410700MA3X7K2P20,,新人社〔2020〕9号,违法违规移出,x,2026-09-20,', // 2 not found
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,,违法违规移出,x,2026-09-20,', // 3 ambiguous
      '黑名单,杨文博,,410782198503120510,新创担〔2025〕1号,提前移出,x,2026-09-01,2026-09-02', // 4 not owner
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕1号,提前移出,x,2026-09-20,2026-09-21', // 5 type mismatch
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕2号,违法违规移出,x,2027-01-01,', // 6 future
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕1号,违法违规移出,x,2026-09-20,', // 7 ok
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕1号,违法违规移出,x,2026-09-21,', // 8 duplicate
      '红名单,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,,新人社〔2025〕2号,移出,x,2026-09-20,', // 9 unknown type
    ]);
    const file2 = removalCsv(ws, '创业担保中心', ['黑名单,杨文博,,410782198503120510,新创担〔2025〕1号,提前移出,x,2026-09-01,']); // 2 filing missing
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    const out = json(res.stdout);
    const got = out.diagnostics
      .filter((d: any) => /^REMOVAL_/.test(d.code))
      .map((d: any) => [d.code, d.location.file, d.location.row, d.location.column, d.location.field, d.severity]);
    // Each located at its column with the column's key (round 32: "第 6 行 H 列" without the header's name).
    expect(got).toEqual([
      ['REMOVAL_NOT_FOUND', file, 2, 'E', 'decisionNo', 'error'],
      ['REMOVAL_AMBIGUOUS', file, 3, 'E', 'decisionNo', 'error'],
      ['REMOVAL_NOT_OWNER', file, 4, 'B', 'subjectName', 'error'],
      ['REMOVAL_TYPE_MISMATCH', file, 5, 'F', 'removalType', 'error'],
      ['REMOVAL_DATE_INVALID', file, 6, 'H', 'removalReviewedOn', 'error'],
      ['REMOVAL_DUPLICATE', file, 8, undefined, undefined, 'error'],
      ['REMOVAL_TYPE_INVALID', file, 9, 'F', 'removalType', 'error'],
      ['REMOVAL_FILING_MISSING', file2, 2, 'I', 'filedOn', 'error'],
    ]);
    // As the screen writes them: the header's name beside the letter, as every other finding does.
    const where = (code: string) => formatLocation(codes(out, code)[0], messagesFor('zh-CN'));
    expect(['REMOVAL_DATE_INVALID', 'REMOVAL_TYPE_MISMATCH', 'REMOVAL_FILING_MISSING'].map(where)).toEqual([
      '第 6 行 H 列（审查日期）',
      '第 5 行 F 列（移出类型）',
      '第 2 行 I 列（报备市信用办日期）',
    ]);
    const args = (code: string) => codes(out, code)[0].args;
    expect(args('REMOVAL_NOT_OWNER')).toEqual({ id: b.id, owner: '创业担保中心', department: '就业办' });
    expect(args('REMOVAL_AMBIGUOUS')).toEqual({ subject: '新乡市卫河人力资源服务有限公司', count: 2, ids: [r.id, r2.id] });
    expect(args('REMOVAL_DATE_INVALID')).toEqual({ header: '审查日期', value: '2027-01-01', reason: 'future', limit: TODAY });
    expect(args('REMOVAL_DUPLICATE')).toEqual({ id: r.id, places: [7, 8].map((row) => ({ file, row })) });
    expect(args('REMOVAL_TYPE_INVALID')).toEqual({ value: '移出', allowed: ['违法违规移出', '提前移出', '撤销'] });
    expect(args('REMOVAL_FILING_MISSING')).toEqual({ id: b.id, missing: ['filedOn'] });
    expect(existsSync(join(ws, 'packages', '2026Q3'))).toBe(false);
  });

  it('red on black is not raised when the batch removes that red record (违法违规移出)', async () => {
    const ws = fresh();
    const r = variant('3a9d103d1c2b', {
      listType: 'red',
      domain: '人力资源服务',
      decisionNo: '新人社〔2025〕8号',
      decisionDate: '2025-06-01',
      publishUntil: '2028-06-01',
      department: '就业办',
      severity: '',
    });
    await publishQ2(ws, [r]);
    removalCsv(ws, '就业办', [
      '红名单,新乡市红旗区鑫达劳务服务有限公司,91410702MA9LQ3T4X3,,新人社〔2025〕8号,违法违规移出,受到行政处罚,2026-09-20,',
    ]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    expect(codes(json(res.stdout), 'REGISTER_RED_ON_BLACK')).toEqual([]);
    expect(recordsJson(ws).removals.map((x: any) => [x.id, x.type])).toEqual([[r.id, 'violation']]);
  });

  it('a 移出申请 sheet in a list workbook is read too, and is no list (no FILE_NO_LIST, no list findings)', async () => {
    const { workbookBuffer } = await import('../../src/io/xlsx/xlsx-writer.js');
    const ws = fresh();
    const r = red();
    await publishQ2(ws, [r]);
    const rows = [
      ['红名单', '新乡市卫河人力资源服务有限公司', '91410700MA3X7K2P20', '', '新人社〔2025〕1号', '违法违规移出', 'y', '2026-09-20', ''],
    ];
    writeFileSync(
      join(ws, 'submissions', '2026Q3', '监察科', '名单.xlsx'),
      await workbookBuffer([{ name: '移出申请', headers: HEAD.split(','), rows }], new Date(0), 'x'),
    );
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    const out = json(res.stdout);
    expect(out.diagnostics.map((d: any) => [d.code, d.location.sheet, d.location.row])).toEqual([['REMOVAL_NOT_OWNER', '移出申请', 2]]);
  });
});

describe('corrections (更正原文书号)', () => {
  const LIST =
    '名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,更正原文书号';
  function correctionCsv(ws: string, rows: string[]): string {
    writeFileSync(join(ws, 'submissions', '2026Q3', '就业办', '红名单更正.csv'), `\ufeff${[LIST, ...rows].join('\r\n')}\r\n`);
    return 'submissions/2026Q3/就业办/红名单更正.csv';
  }

  it('the old record is removed as corrected and the row published as new; diff shows it corrected', async () => {
    const ws = fresh();
    const old = variant('0df7e6572c03', { decisionNo: '新人社〔2025〕5号', decisionDate: '2025-06-01', publishUntil: '2028-06-01' });
    await publishQ2(ws, [old]);
    correctionCsv(ws, [
      '红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,连续三年经营规范,《劳务派遣暂行规定》,新人社〔2025〕6号,2025-06-01,2028-06-01,新人社(2025)5号',
    ]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    const fixed = file.records.find((r: Rec) => r.decisionNo === '新人社〔2025〕6号');
    expect(fixed).toMatchObject({ correctionOf: '新人社(2025)5号', subjectName: '新乡市牧野劳务派遣服务有限公司' });
    // Dated by the re-issued decision (2025-06-01), not before the old record's publication (2026-07-10), and saying why.
    expect(file.removals).toEqual([
      {
        id: old.id,
        type: 'corrected',
        on: '2026-07-10',
        reason: '更正：已按新认定文书号 新人社〔2025〕6号 重新发布',
        department: '就业办',
      },
    ]);
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const d = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
    // The correction is named by the record published, with the one it replaces (as records.json `corrected`).
    expect(d.corrected.map((x: any) => [x.id, x.replaces])).toEqual([[fixed.id, old.id]]);
  });

  it('no such active record of that department and subject: CORRECTION_TARGET_NOT_FOUND (error) at the row, exit 1', async () => {
    const ws = fresh();
    await publishQ2(ws, [
      variant('0df7e6572c03', { decisionNo: '新人社〔2025〕5号', decisionDate: '2025-06-01', publishUntil: '2028-06-01' }),
    ]);
    const f = correctionCsv(ws, [
      '红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,连续三年经营规范,《劳务派遣暂行规定》,新人社〔2025〕6号,2025-06-01,2028-06-01,新人社〔2024〕1号',
    ]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    expect(
      codes(json(res.stdout), 'CORRECTION_TARGET_NOT_FOUND').map((x: any) => [x.severity, x.args, x.location.file, x.location.row]),
    ).toEqual([['error', { decisionNo: '新人社〔2024〕1号', department: '就业办' }, f, 2]]);
  });
});

describe('status with a register', () => {
  it('shows per department the removal requests and corrections awaited (JSON and table)', async () => {
    const ws = fresh();
    const red = variant('3a9d103d1c2b', {
      listType: 'red',
      domain: '劳动关系',
      decisionNo: '新人社〔2025〕8号',
      decisionDate: '2025-06-01',
      publishUntil: '2028-06-01',
      department: '劳动关系科',
      severity: '',
    });
    const objected = variant('0df7e6572c03', { decisionNo: '新人社〔2025〕5号', decisionDate: '2025-06-01', publishUntil: '2028-06-01' });
    await publishQ2(ws, [red, objected]);
    const author = { at: '2026-08-01T09:00:00+08:00', by: '张三', host: 'PC' };
    await appendEvent(ws, author, () => ({
      body: { type: 'objection-add', on: '2026-08-01', id: objected.id, objection: 'YY-1' },
      value: undefined,
    }));
    await appendEvent(ws, author, () => ({
      body: { type: 'objection-resolve', on: '2026-08-03', id: objected.id, objection: 'YY-1', outcome: 'corrected' },
      value: undefined,
    }));
    const res = await cli(ws, ['status', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1); // the black row runs into the red record: REGISTER_RED_ON_BLACK
    const depts: { name: string; awaiting?: unknown }[] = json(res.stdout).departments;
    expect(depts.find((d) => d.name === '劳动关系科')?.awaiting).toEqual({ removals: [red.id], corrections: [] });
    expect(depts.find((d) => d.name === '就业办')?.awaiting).toEqual({ removals: [], corrections: [objected.id] });
    expect(depts.find((d) => d.name === '监察科')?.awaiting).toEqual({ removals: [], corrections: [] });
    const text = await cli(ws, ['status', '2026Q3']);
    expect(text.stdout).toContain(`劳动关系科：待报移出申请 1 条（记录编号 ${red.id}）`);
    expect(text.stdout).toContain(`就业办：待报更正 1 条（记录编号 ${objected.id}）`);
  });

  it('without a register: no awaiting field', async () => {
    const ws = fresh();
    const depts: { name: string; awaiting?: unknown }[] = json(
      (await cli(ws, ['status', '2026Q3', '--format', 'json'])).stdout,
    ).departments;
    expect(depts.every((d) => !('awaiting' in d))).toBe(true);
  });
});

describe('rules', () => {
  const NEW = [
    'REGISTER_ALREADY_ACTIVE',
    'REGISTER_CHANGED',
    'REGISTER_RED_ON_BLACK',
    'REGISTER_BLACK_ON_RED',
    'REGISTER_WEAK_IDENTITY',
    'REGISTER_BATCH_ORDER',
    'REMOVAL_NOT_FOUND',
    'REMOVAL_AMBIGUOUS',
    'REMOVAL_NOT_OWNER',
    'REMOVAL_TYPE_MISMATCH',
    'REMOVAL_FILING_MISSING',
    'REMOVAL_TOO_EARLY',
    'REMOVAL_DUPLICATE',
    'REMOVAL_DATE_INVALID',
    'REMOVAL_TYPE_INVALID',
    'CORRECTION_TARGET_NOT_FOUND',
  ];
  it('lists every register, removal and correction code with its severity and a fix, in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const res = await runCli(['rules', '--format', 'json', '--lang', lang], ROOT);
      const rules = json(res.stdout).rules as { code: string; severity: string; title: string; hint: string }[];
      for (const code of NEW) {
        const r = rules.find((x) => x.code === code);
        expect(r, `${lang} ${code}`).toBeDefined();
        expect(r!.title.length, code).toBeGreaterThan(0);
        expect(r!.hint.length, code).toBeGreaterThan(0);
      }
      const sev = Object.fromEntries(rules.filter((r) => NEW.includes(r.code)).map((r) => [r.code, r.severity]));
      expect(sev).toMatchObject({
        REGISTER_ALREADY_ACTIVE: 'info',
        REGISTER_WEAK_IDENTITY: 'info',
        REMOVAL_TOO_EARLY: 'warning',
        REGISTER_CHANGED: 'error',
        CORRECTION_TARGET_NOT_FOUND: 'error',
      });
    }
  });
});
