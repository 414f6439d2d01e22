// supervise and report (reports.md): the quarter summary read from a compiled package and from
// submissions being collected, the 督查 JSON and workbook, and the leaders' HTML page.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { EPOCH, makeTwoQuartersInMemory } from '../helpers/reports-workspace.js';
import { copyWithin, MEM_ROOT, runCliOn } from '../helpers/memory-workspace.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { renderReportHtml } from '../../dist/reporters/html.js';
import { messagesFor } from '../../dist/messages/index.js';
import { makeIdNumber } from '../../dist/domain/id-number.js';
import { registerFactsFromEvents } from '../../dist/api/register/register-facts.js';
import { loadWorkbook } from '../helpers/workbook.js';
import type { RegisterEvent } from '../../dist/register/events.js';
import type { CreditRecord } from '../../dist/schemas/record.js';

// The workspace is held in memory (compile, supervise and report run on the file-system port, issue 20): what is
// tested is the summary and its views, not the disk. Publishing writes the register into a copy of it, in memory too.
let ws: string;
let io: MemoryPort;
const env = { SOURCE_DATE_EPOCH: EPOCH };
const TODAY = ['--today', '2026-10-20'];

interface Row {
  department: string;
  batch: string;
  status: string;
  sentOn: string | null;
  deadline: string | null;
  daysLate: number | null;
  signedOff: boolean;
  red: number;
  black: number;
  warnings: number;
  [k: string]: unknown;
}

beforeAll(async () => {
  ({ io, ws } = await makeTwoQuartersInMemory('reports'));
});

/** The CLI on the memory workspace (cwd: the workspace unless given). */
const runMem = (args: string[], cwd = ws) => runCliOn(io, args, cwd, env);
const bytesOf = (path: string): Buffer => Buffer.from(io.readFileSync(path));
const textOf = (path: string): string => bytesOf(path).toString('utf8');

const manifest = (): {
  counts: {
    red: number;
    black: number;
    byDepartment: Record<string, { red: number; black: number }>;
    byDomain: Record<string, { red: number; black: number }>;
  };
} => JSON.parse(textOf(join(ws, 'packages', '2026Q3', 'manifest.json')));

describe('supervise', () => {
  it('one row per department and batch, 报送日期 against the deadline, the lapses a 通报 names; JSON exactly as reports.md', async () => {
    const res = await runMem(['supervise', '2026', '--format', 'json', ...TODAY]);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { rows: Row[]; lapses: unknown[] };
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'command', 'year', 'rows', 'lapses']);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'supervise', year: 2026 });
    // Q1: before the workspace's first batch; Q4: not due on 2026-10-20.
    expect(new Set(doc.rows.map((r) => r.batch))).toEqual(new Set(['2026Q2', '2026Q3']));
    expect(doc.rows.map((r) => r.department).filter((_, i) => i % 2 === 0)).toEqual([
      '就业办',
      '劳动关系科',
      '监察科',
      '市社保中心',
      '市劳动保障监察支队',
      '就业局',
      '创业担保中心',
      '考试中心',
    ]);
    const q2 = Object.fromEntries(doc.rows.filter((r) => r.batch === '2026Q2').map((r) => [r.department, r]));
    expect(q2['就业办']).toMatchObject({ status: 'nil', sentOn: '2026-07-08', deadline: '2026-07-10', daysLate: 0, signedOff: true });
    expect(q2['劳动关系科']).toMatchObject({ status: 'nil', sentOn: '2026-07-15', daysLate: 5, signedOff: true });
    // No 报送日期: unknown, never "on time".
    expect(q2['监察科']).toMatchObject({ status: 'nil', sentOn: null, daysLate: null, signedOff: true });
    expect(q2['市社保中心']).toMatchObject({ status: 'nil', daysLate: 0, signedOff: false });
    expect(q2['就业局']).toMatchObject({ status: 'missing', sentOn: null, daysLate: null });
    // The register is not there yet: its facts are unknown (null), not 0.
    for (const r of doc.rows) {
      for (const k of [
        'published',
        'resubmittedUnchanged',
        'removalsRequested',
        'removalsAccepted',
        'objectionsReceived',
        'objectionsResolvedLate',
        'objectionsOverdue',
        'correctionsAwaited',
      ])
        expect(r[k]).toBeNull();
    }
    // 2026Q3 comes from the package: its counts are the manifest's.
    const m = manifest();
    for (const r of doc.rows.filter((x) => x.batch === '2026Q3')) {
      // truth.md's figures, the same in the manifest and in supervise.
      const { rows, red, black, unchanged, corrected, removals } = r as unknown as Record<string, unknown>;
      expect({ rows, red, black, unchanged, corrected, removals }).toEqual(m.counts.byDepartment[r.department]);
      expect(r).toMatchObject({
        status: r.department === '监察科' ? 'nil' : 'submitted',
        sentOn: '2026-10-10',
        deadline: '2026-10-10',
        daysLate: 0,
        signedOff: true,
      });
    }
    expect(doc.lapses).toEqual([
      { department: '劳动关系科', batch: '2026Q2', kind: 'late', daysLate: 5 },
      { department: '市社保中心', batch: '2026Q2', kind: 'unsigned' },
      { department: '市劳动保障监察支队', batch: '2026Q2', kind: 'missing' },
      { department: '就业局', batch: '2026Q2', kind: 'missing' },
      { department: '创业担保中心', batch: '2026Q2', kind: 'missing' },
      { department: '考试中心', batch: '2026Q2', kind: 'missing' },
    ]);
  });

  it('a batch not yet due is not a lapse; one past its deadline with nothing submitted is, for every department', async () => {
    const before = JSON.parse((await runMem(['supervise', '2026', '--format', 'json', '--today', '2027-01-10'])).stdout) as {
      rows: Row[];
      lapses: { kind: string; batch: string }[];
    };
    expect(before.rows.some((r) => r.batch === '2026Q4')).toBe(false);
    const after = JSON.parse((await runMem(['supervise', '2026', '--format', 'json', '--today', '2027-01-11'])).stdout) as {
      rows: Row[];
      lapses: { kind: string; batch: string }[];
    };
    expect(after.lapses.filter((l) => l.batch === '2026Q4').map((l) => l.kind)).toEqual(Array(8).fill('missing'));
  });

  it('--xlsx writes the 督查情况表 (rows, lapses, counts per department), the same bytes with SOURCE_DATE_EPOCH', async () => {
    const a = await runMem(['supervise', '2026', '--xlsx', 'a.xlsx', ...TODAY]);
    const b = await runMem(['supervise', '2026', '--xlsx', 'b.xlsx', ...TODAY]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const bytes = bytesOf(join(ws, 'a.xlsx'));
    expect(bytes.equals(bytesOf(join(ws, 'b.xlsx')))).toBe(true);
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['督查明细', '问题清单', '科室统计']);
    const [rows, lapses, counts] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(rows.rowCount).toBe(1 + 16);
    expect(lapses.rowCount).toBe(1 + 6);
    const late = rows.getSheetValues().find((r) => Array.isArray(r) && r[1] === '劳动关系科' && r[2] === '2026Q2') as string[];
    expect(late[6]).toBe('逾期5天');
    const unknown = rows.getSheetValues().find((r) => Array.isArray(r) && r[1] === '监察科' && r[2] === '2026Q2') as string[];
    expect(unknown[6]).toBe('未填报送日期');
    // 科室, 批次数, 已报送, 无信息报告, 未报送, 按时, 逾期, 未填报送日期, 审核审定不全, 红, 黑, 警告, 问题数
    const tally = counts.getSheetValues().find((r) => Array.isArray(r) && r[1] === '劳动关系科') as string[];
    // Counts are numbers in Excel (they can be summed), not text.
    expect(tally.slice(1, 10)).toEqual(['劳动关系科', 2, 1, 1, 0, 1, 1, 0, 0]);
    expect(typeof late[8]).toBe('number');
    expect(typeof late[10]).toBe('number');
    // No register: 已发布 is unknown, "—" in both of its columns.
    expect((rows.getRow(1).values as unknown[]).slice(11, 13)).toEqual(['已发布红名单', '已发布黑名单']);
    expect([late[11], late[12]]).toEqual(['—', '—']);
    // truth.md's other figures, last, as the status and the manifest show them (numbers; 移出 their sum).
    const head = rows.getRow(1).values as unknown[];
    expect(head.slice(-4)).toEqual(['报送条数', '重复报送未变条数', '其中更正条数', '移出条数']);
    const doc = JSON.parse((await runMem(['supervise', '2026', '--format', 'json', ...TODAY])).stdout);
    type Row = { department: string; batch: string; rows: number; unchanged: number; corrected: number; removals: Record<string, number> };
    expect((doc.rows as Row[]).some((r) => r.rows > 0)).toBe(true);
    for (const r of doc.rows as Row[]) {
      const cells = rows.getSheetValues().find((v) => Array.isArray(v) && v[1] === r.department && v[2] === r.batch) as unknown[];
      const removals = Object.values(r.removals).reduce((n, x) => n + x, 0);
      expect(cells.slice(-4), `${r.department} ${r.batch}`).toEqual([r.rows, r.unchanged, r.corrected, removals]);
    }
    const lateLapse = lapses.getSheetValues().find((r) => Array.isArray(r) && r[1] === '劳动关系科' && r[2] === '2026Q2') as unknown[];
    expect(lateLapse[4]).toBe(5);
    io.remove(join(ws, 'a.xlsx'));
    io.remove(join(ws, 'b.xlsx'));
  });

  it('exits 2 only when it cannot run (not a year), never for lapses', async () => {
    expect((await runMem(['supervise', '26', ...TODAY])).code).toBe(2);
    const pretty = await runMem(['supervise', '2026', ...TODAY]);
    expect(pretty.code).toBe(0);
  });

  it('the package records when each department sent and how late: 报送情况.xlsx shows the same N days as supervise', async () => {
    // The bureau let the unsigned cover through this once (--ignore): the lapse stays in the record.
    const res = await runMem(['compile', '2026Q2', '--today', '2026-10-20', '--ignore', 'APPROVAL_SIGNOFF_MISSING']);
    try {
      expect(res.code).toBe(0);
      const m = JSON.parse(textOf(join(ws, 'packages', '2026Q2', 'manifest.json'))) as {
        departments: Row[] & { name: string }[];
      };
      expect(m.departments.find((d) => d.name === '劳动关系科')).toMatchObject({
        sentOn: '2026-07-15',
        deadline: '2026-07-10',
        daysLate: 5,
        signedOff: true,
      });
      const wb = await loadWorkbook(bytesOf(join(ws, 'packages', '2026Q2', '报送情况.xlsx')));
      const row = (wb.worksheets[0] as ExcelJS.Worksheet)
        .getSheetValues()
        .find((r) => Array.isArray(r) && r[2] === '劳动关系科') as string[];
      expect(row[6]).toBe('逾期5天');
      // Read back from the package now, supervise gives the same rows and lapses as from the covers.
      const doc = JSON.parse((await runMem(['supervise', '2026', '--format', 'json', ...TODAY])).stdout) as {
        rows: Row[];
        lapses: unknown[];
      };
      expect(doc.lapses).toHaveLength(6);
      expect(doc.rows.find((r) => r.department === '监察科' && r.batch === '2026Q2')).toMatchObject({ sentOn: null, daysLate: null });
    } finally {
      io.remove(join(ws, 'packages', '2026Q2'));
    }
  });
});

describe('report', () => {
  it('report <batch>: packages/<batch>/报告.html, same bytes with SOURCE_DATE_EPOCH, verify still passes, figures = the package counts', async () => {
    const a = await runMem(['report', '2026Q3', ...TODAY]);
    expect(a.code).toBe(0);
    const path = join(ws, 'packages', '2026Q3', '报告.html');
    const first = bytesOf(path);
    expect((await runMem(['report', '2026Q3', ...TODAY])).code).toBe(0);
    expect(bytesOf(path).equals(first)).toBe(true);
    expect((await runMem(['verify', 'packages/2026Q3', '--format', 'json'])).code).toBe(0);
    const html = first.toString('utf8');
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|@font-face|<link|@import|url\(|<img|<iframe/i);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain('@page{size:A4');
    const m = manifest();
    const value = (id: string): string | undefined => new RegExp(`id="${id}" data-value="([^"]*)"`).exec(html)?.[1];
    expect(value('fig-red')).toBe(String(m.counts.red));
    expect(value('fig-black')).toBe(String(m.counts.black));
    expect(value('fig-on-time')).toBe('8');
    expect(value('fig-missing')).toBe('0');
    // truth.md's figure, known without a register: the package's removals (none here), as the manifest says.
    expect(value('fig-removals')).toBe('0');
    for (const [dept, c] of Object.entries(m.counts.byDepartment))
      expect(html).toContain(`data-department="${dept}" data-red="${c.red}" data-black="${c.black}"`);
    for (const [dom, c] of Object.entries(m.counts.byDomain))
      expect(html).toContain(`data-domain="${dom}" data-red="${c.red}" data-black="${c.black}"`);
    expect(html).toContain('<svg id="chart-department"');
    expect(html).toContain('<svg id="chart-domain"');
  });

  it("report <year>: 信用红黑名单报告_<year>.html in the workspace (not the current folder) with the quarterly trend and each department's timeliness; --lang en", async () => {
    const cwd = join(MEM_ROOT, 'report-cwd');
    io.mkdir(cwd);
    try {
      const res = await runMem(['report', '2026', '-w', ws, ...TODAY], cwd);
      expect(res.code).toBe(0);
      expect(io.exists(join(cwd, '信用红黑名单报告_2026.html'))).toBe(false);
      const html = textOf(join(ws, '信用红黑名单报告_2026.html'));
      io.remove(join(ws, '信用红黑名单报告_2026.html'));
      expect(html).toContain('<svg id="chart-trend"');
      expect(html).toContain('<svg id="chart-timeliness"');
      expect(html).toContain('data-batch="2026Q2" data-red="0" data-black="0"');
      expect(html).toContain(`data-batch="2026Q3" data-red="${manifest().counts.red}" data-black="${manifest().counts.black}"`);
      expect(html).toContain('data-department="劳动关系科" data-days-late="5" data-missing="0"');
      expect(html).toContain('data-department="就业局" data-days-late="0" data-missing="1"');
      expect(html).toMatch(/id="fig-late" data-value="1"/);
      expect(html).toMatch(/id="fig-missing" data-value="4"/);
      expect(html).toMatch(/id="fig-no-date" data-value="1"/);
      const en = await runMem(['report', '2026', '-w', ws, '--lang', 'en', '--out', 'en.html', ...TODAY], cwd);
      expect(en.code).toBe(0);
      const enHtml = textOf(join(cwd, 'en.html'));
      expect(enHtml).toMatch(/<html lang="en">/);
      expect(enHtml).toContain('Credit red/black list report');
      expect(io.exists(join(ws, 'packages', '2026', '报告.html'))).toBe(false);
    } finally {
      io.remove(cwd);
    }
  });

  it('a batch the workspace does not hold cannot be reported on (exit 2)', async () => {
    expect((await runMem(['report', '2025Q1', ...TODAY])).code).toBe(2);
  });

  it('every text on the page is escaped and any ID number in it masked', () => {
    const id = makeIdNumber('410702', '1990-01-01', '001');
    const html = renderReportHtml(
      {
        kind: 'batch',
        target: '2026Q3',
        bureau: '<b>局</b>',
        madeOn: '2026-10-20',
        source: 'package',
        quarters: [],
        totals: {
          rows: 1,
          red: 1,
          black: 0,
          unchanged: 0,
          corrected: 0,
          removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
        },
        departments: [
          {
            department: `科室${id}`,
            rows: 1,
            red: 1,
            black: 0,
            unchanged: 0,
            corrected: 0,
            removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
          },
        ],
        byDomain: [],
        timeliness: { unit: 'department', onTime: 0, late: 0, missing: 0, noDate: 0 },
        rows: [],
        findings: [],
        removals: [{ batch: '2026Q3', department: '就业办', type: 'repaired', subjectName: '张三', identifier: id, on: null }],
        objections: null,
        registerKnown: true,
      },
      messagesFor('zh-CN'),
    );
    expect(html).not.toContain(id);
    expect(html).toContain('410702********');
    expect(html).not.toContain('<b>');
  });
});

describe('with the register', () => {
  it('published, carried over and removed come from the event log; objections and corrections awaited counted (none: 0); removal requests known for a published batch only', async () => {
    // A copy of the workspace, in a port of its own (publish writes the register into it).
    const mem = new MemoryPort();
    copyWithin(io, ws, ws, mem);
    const run = (args: string[]) => runCliOn(mem, args, ws, env);
    {
      expect((await run(['publish', '2026Q3', '--on', '2026-10-15', '--by', '张三', ...TODAY])).code).toBe(0);
      expect(mem.exists(join(ws, 'register', 'events.jsonl'))).toBe(true);
      const doc = JSON.parse((await run(['supervise', '2026', '--format', 'json', ...TODAY])).stdout) as { rows: Row[] };
      const m = manifest();
      for (const r of doc.rows) {
        const c = m.counts.byDepartment[r.department];
        expect(r.published).toEqual(r.batch === '2026Q3' && c ? { red: c.red, black: c.black } : { red: 0, black: 0 });
        expect([r.resubmittedUnchanged, r.removalsAccepted]).toEqual([0, 0]);
        expect([r.removalsRequested, r.objectionsReceived, r.objectionsOverdue, r.correctionsAwaited]).toEqual([
          r.batch === '2026Q3' ? 0 : null,
          0,
          0,
          0,
        ]);
      }
      // 督查情况表: 已发布 as two numeric columns (red, black), not the text "2/1"; "—" while unknown.
      expect((await run(['supervise', '2026', '--xlsx', 'supervise.xlsx', ...TODAY])).code).toBe(0);
      const wb = await loadWorkbook(mem.readFileSync(join(ws, 'supervise.xlsx')));
      const sheet = wb.getWorksheet('督查明细') as ExcelJS.Worksheet;
      const head = sheet.getRow(1).values as unknown[];
      expect(head.slice(11, 14)).toEqual(['已发布红名单', '已发布黑名单', '重复报送']);
      const values = sheet
        .getSheetValues()
        .flatMap((r): unknown[][] => (Array.isArray(r) ? [r] : []))
        .slice(1);
      expect(values).toHaveLength(doc.rows.length);
      for (const v of values) {
        const published = v[2] === '2026Q3' ? m.counts.byDepartment[v[1] as string] : { red: 0, black: 0 };
        expect([v[11], v[12]]).toEqual([published?.red, published?.black]);
        expect(typeof v[11]).toBe('number');
      }
      expect((await run(['report', '2026Q3', ...TODAY])).code).toBe(0);
      const html = Buffer.from(mem.readFileSync(join(ws, 'packages', '2026Q3', '报告.html'))).toString('utf8');
      expect(html).toMatch(/id="fig-removals" data-value="0"/);
      expect(html).toMatch(/id="fig-objections" data-value="0"/);
    }
  });

  it("a later batch's removals and unchanged records are counted for their department, identifiers masked", () => {
    const records = (
      JSON.parse(textOf(join(ws, 'packages', '2026Q3', 'records.json'))) as {
        records: CreditRecord[];
      }
    ).records;
    const person = records.find((r) => r.creditCode === '' && r.idNumber !== '') as (typeof records)[number];
    const firm = records.find((r) => r.department === person.department && r.creditCode !== '') ?? records[0]!;
    const head = { at: '2026-10-15T09:00:00+08:00', by: '张三', host: 'pc', prev: null, hash: 'x' };
    const events: RegisterEvent[] = [
      { ...head, seq: 1, type: 'publish', batch: '2026Q3', on: '2026-10-15', package: 'p', records, removals: [], unchanged: [] },
      {
        ...head,
        seq: 2,
        type: 'publish',
        batch: '2026Q4',
        on: '2027-01-15',
        package: 'q',
        records: [],
        removals: [{ id: person.id, type: 'early' }],
        unchanged: [firm.id],
      },
    ];
    const facts = registerFactsFromEvents(events, { keepStart: 6, keepEnd: 4 });
    expect(facts.forBatch(person.department, '2026Q4')).toMatchObject({
      published: { red: 0, black: 0 },
      removalsAccepted: 1,
      resubmittedUnchanged: firm.department === person.department ? 1 : 0,
      objectionsReceived: 0,
    });
    const removals = facts.removals(['2026Q4']) ?? [];
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ department: person.department, type: 'early', on: '2027-01-15' });
    expect(removals[0]!.identifier).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    expect(facts.objections(['2026Q4'])).toEqual([]);
  });
});
