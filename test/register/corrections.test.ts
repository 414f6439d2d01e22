// Corrections as revisions (truth.md "Content, corrections and revisions"): content compared column by
// column, an objection resolved 更正 answered by the changed row, a correction under the record's own
// 认定文书号 keeping its id at the next revision, published in 公示/共享 and listed in 更正名单.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbook } from '../../src/io/sniff.js';
import { hashOfEvent, eventLine } from '../../src/register/chain.js';
import type { RegisterEvent } from '../../src/register/events.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { scoreRows } from '../../src/table/header.js';
import {
  compiledExample,
  creditRecord,
  copyWorkspace,
  eventsFile,
  packageRecords,
  publishEvent,
  readEvents,
  registerEvents,
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
  tmp = tempDir('corrections');
  template = await compiledExample(tmp);
  q3 = packageRecords(template);
  // The example's own removal request names its 2026Q2 history; these tests build their own registers.
  rmSync(join(template, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  rmSync(join(template, 'packages'), { recursive: true, force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (): string => copyWorkspace(template, join(tmp, `ws-${++n}`));
const cli = (ws: string, args: string[], today = TODAY) => runCli([...args, '-w', ws, '--today', today], ROOT, env);
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const codes = (out: Record<string, any>, code: string) => out.diagnostics.filter((d: any) => d.code === code);
const recordsJson = (ws: string) => JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')) as Record<string, any>;
const pkg = (ws: string, ...p: string[]) => join(ws, 'packages', '2026Q3', ...p);

async function publishQ2(ws: string, records: Rec[], on = '2026-07-10'): Promise<void> {
  writePackage(ws, '2026Q2', records);
  const res = await cli(ws, ['publish', '2026Q2', '--on', on]);
  expect(res.code, res.stdout + res.stderr).toBe(0);
}

async function sheets(file: string): Promise<Record<string, string[][]>> {
  const wb = await openWorkbook(file, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const out: Record<string, string[][]> = {};
  for (const s of wb.sheets) {
    const list: string[][] = [];
    await s.read((r) => {
      list.push(Array.from(r.cells, (c) => String(c ?? '')));
    });
    out[s.name] = list;
  }
  await wb.close();
  return out;
}

/** Every text of the 公示 CSVs and of both audiences' workbooks of the batch. */
async function packageText(ws: string): Promise<string> {
  let text = '';
  for (const f of ['红名单.csv', '黑名单.csv']) text += readFileSync(pkg(ws, '公示', f), 'utf8');
  for (const f of ['公示/新乡市人社局信用红黑名单_2026Q3.xlsx', '共享/新乡市人社局信用红黑名单_2026Q3_共享.xlsx']) {
    for (const rows of Object.values(await sheets(pkg(ws, ...f.split('/'))))) text += rows.map((r) => r.join(',')).join('\n');
  }
  return text;
}

/** A red record of 就业办 in the example (resent by its Q3 list as it is). */
const employment = (): Rec => structuredClone(q3.find((r) => r.department === '就业办' && r.listType === 'red' && r.facts !== '') as Rec);
const OLD_FACTS = '旧事由：2025年度劳务派遣经营情况良好';

describe('content: a resent row whose 列入事由 changed', () => {
  it('without an objection: REGISTER_CHANGED (error) naming 列入事由, at the row; never "unchanged"', async () => {
    const ws = fresh();
    const rec = employment();
    await publishQ2(ws, [{ ...rec, quarter: '2026Q2', facts: OLD_FACTS }]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    const out = json(res.stdout);
    expect(codes(out, 'REGISTER_CHANGED').map((d: any) => [d.severity, d.args, d.location.row])).toEqual([
      ['error', { id: rec.id, fields: ['facts'], department: '就业办' }, creditRecord(rec).source.row],
    ]);
    expect(codes(out, 'REGISTER_ALREADY_ACTIVE').filter((d: any) => d.args.id === rec.id)).toEqual([]);
  });

  it('the same content resent: REGISTER_ALREADY_ACTIVE (info), listed unchanged, also from a publish line written before content hashes', async () => {
    const ws = fresh();
    const rec = employment();
    await publishQ2(ws, [{ ...rec, quarter: '2026Q2' }]);
    // The line as an earlier version wrote it: no `contents`, no `corrected` (re-sealed).
    const line = publishEvent(registerEvents(ws)[0]);
    expect(Object.keys(line.contents ?? {})).toEqual([rec.id]);
    expect(line.contents?.[rec.id]).toMatch(/^[0-9a-f]{16}$/);
    const { contents: _c, corrected: _k, hash: _h, ...old } = line;
    writeFileSync(eventsFile(ws), eventLine({ ...old, hash: hashOfEvent(old) } as RegisterEvent));
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    expect(codes(json(res.stdout), 'REGISTER_ALREADY_ACTIVE').map((d: any) => [d.severity, d.args.id])).toEqual([['info', rec.id]]);
    expect(recordsJson(ws).unchanged).toEqual([rec.id]);
    expect(recordsJson(ws).corrected).toEqual([]);
  });
});

describe('an objection resolved 更正, answered by the changed row', () => {
  it('is that correction: REGISTER_CORRECTION_APPLIED (info) naming the objection; published at revision 2 with the new text only; the objection stops being awaited once published', async () => {
    const ws = fresh();
    const rec = employment();
    await publishQ2(ws, [{ ...rec, quarter: '2026Q2', facts: OLD_FACTS }]);
    expect(
      (
        await cli(
          ws,
          ['objection', 'add', '--record', rec.id, '--received', '2026-09-28', '--from', '申请人甲', '--summary', '列入事由有误'],
          '2026-09-28',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          ws,
          ['objection', 'resolve', 'O2026-001', '--outcome', '更正', '--opinion', '列入事由有误，请科室更正', '--on', '2026-09-29'],
          '2026-09-29',
        )
      ).code,
    ).toBe(0);

    // status: the batch already holds the correction, so 就业办 owes none.
    const st = json((await cli(ws, ['status', '2026Q3', '--format', 'json'])).stdout);
    expect(st.awaiting?.['就业办']?.corrections ?? []).not.toContain(rec.id);

    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const out = json(res.stdout);
    expect(codes(out, 'REGISTER_CORRECTION_APPLIED').map((d: any) => [d.severity, d.department, d.args, d.location.row])).toEqual([
      ['info', '就业办', { id: rec.id, objection: 'O2026-001', fields: ['facts'] }, creditRecord(rec).source.row],
    ]);
    expect(codes(out, 'REGISTER_ALREADY_ACTIVE').filter((d: any) => d.args.id === rec.id)).toEqual([]);
    const file = recordsJson(ws);
    expect(file.corrected).toEqual([{ id: rec.id, revision: 2, changed: ['facts'] }]);
    expect(file.unchanged).not.toContain(rec.id);
    expect(file.removals.map((r: any) => r.id)).not.toContain(rec.id);
    expect(file.records.find((r: Rec) => r.id === rec.id).facts).toBe(rec.facts);
    const text = await packageText(ws);
    expect(text).toContain(rec.facts as string);
    expect(text).not.toContain(OLD_FACTS);

    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const list = json((await cli(ws, ['objection', 'list', '--all', '--format', 'json'])).stdout);
    expect(list.objections.map((o: any) => [o.number, o.outcome, o.correctedIn])).toEqual([['O2026-001', '更正', '2026Q3']]);
    const pretty = (await cli(ws, ['objection', 'list', '--all'])).stdout;
    expect(pretty).not.toContain('待更正');
    const after = json((await cli(ws, ['status', '2026Q3', '--format', 'json'])).stdout);
    expect(after.awaiting?.['就业办']?.corrections ?? []).not.toContain(rec.id);
    rmSync(join(ws, 'packages', '2026Q2'), { recursive: true, force: true });
    const sup = json((await cli(ws, ['supervise', '2026', '--format', 'json'])).stdout);
    expect(sup.lapses.filter((l: any) => l.kind === 'correction-awaited')).toEqual([]);
    expect(sup.rows.filter((r: any) => r.correctionsAwaited)).toEqual([]);
  });

  it('before its batch is published the objection is awaited (correctedIn null, 待更正)', async () => {
    const ws = fresh();
    const rec = employment();
    await publishQ2(ws, [{ ...rec, quarter: '2026Q2', facts: OLD_FACTS }]);
    await cli(
      ws,
      ['objection', 'add', '--record', rec.id, '--received', '2026-09-28', '--from', '申请人甲', '--summary', '列入事由有误'],
      '2026-09-28',
    );
    await cli(
      ws,
      ['objection', 'resolve', 'O2026-001', '--outcome', '更正', '--opinion', '请科室更正', '--on', '2026-09-29'],
      '2026-09-29',
    );
    const list = json((await cli(ws, ['objection', 'list', '--all', '--format', 'json'])).stdout);
    expect(list.objections.map((o: any) => [o.number, o.correctedIn])).toEqual([['O2026-001', null]]);
    // supervise reads the packages it finds: the synthetic 2026Q2 one (records.json only) is not a whole package.
    rmSync(join(ws, 'packages', '2026Q2'), { recursive: true, force: true });
    const sup = json((await cli(ws, ['supervise', '2026', '--format', 'json'])).stdout);
    expect(sup.lapses.filter((l: any) => l.kind === 'correction-awaited').map((l: any) => [l.department, l.count])).toEqual([
      ['就业办', 1],
    ]);
  });
});

describe('a correction under its own 认定文书号 (更正原文书号 = its own number)', () => {
  const LIST =
    '名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,更正原文书号';
  const row = (facts: string, correctionOf: string) =>
    `红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,${facts},《劳务派遣暂行规定》,新人社〔2025〕5号,2025-06-01,2028-06-01,${correctionOf}`;
  const csv = (ws: string, rows: string[]): void =>
    writeFileSync(join(ws, 'submissions', '2026Q3', '就业办', '红名单更正.csv'), `\ufeff${[LIST, ...rows].join('\r\n')}\r\n`);
  const NEW_FACTS = '连续三年经营规范，获评诚信企业';

  /** The row as compile makes it, published in 2026Q2 with its old 列入事由. */
  async function published(ws: string): Promise<Rec> {
    csv(ws, [row(OLD_FACTS, '')]);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    const old = packageRecords(ws).find((r) => r.decisionNo === '新人社〔2025〕5号') as Rec;
    rmSync(join(ws, 'packages'), { recursive: true, force: true });
    await publishQ2(ws, [{ ...old, quarter: '2026Q2' }]);
    return old;
  }

  it('keeps its id at revision 2: published in 公示/共享 with the new text (the old nowhere), listed in records.json corrected and in 更正名单; not removed', async () => {
    const ws = fresh();
    const old = await published(ws);
    csv(ws, [row(NEW_FACTS, '新人社〔2025〕5号')]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    expect(file.corrected).toEqual([{ id: old.id, revision: 2, changed: ['facts'] }]);
    expect(file.removals.map((r: any) => r.id)).not.toContain(old.id);
    expect(file.unchanged).not.toContain(old.id);
    expect(file.records.filter((r: Rec) => r.id === old.id).map((r: Rec) => r.facts)).toEqual([NEW_FACTS]);

    const text = await packageText(ws);
    expect(text).toContain(NEW_FACTS);
    expect(text).not.toContain(OLD_FACTS);
    const expected = [
      '1',
      old.id,
      '2',
      '红名单',
      '劳务派遣',
      '新乡市牧野劳务派遣服务有限公司',
      '91410711MA44Q8W13P',
      '',
      '新人社〔2025〕5号',
      '新人社〔2025〕5号',
      '列入事由',
      '2025-06-01',
      '就业办',
    ];
    for (const f of ['公示/新乡市人社局信用红黑名单_2026Q3.xlsx', '共享/新乡市人社局信用红黑名单_2026Q3_共享.xlsx']) {
      const book = await sheets(pkg(ws, ...f.split('/')));
      expect(Object.keys(book), f).toEqual(['红名单', '黑名单', '移出名单', '更正名单']);
      expect(book['更正名单']?.[0]).toEqual([
        '序号',
        '记录编号',
        '版本',
        '名单类型',
        '领域',
        '主体名称',
        '统一社会信用代码',
        '证件号码',
        '认定文书号',
        '更正原文书号',
        '更正项目',
        '认定日期',
        '报送科室',
      ]);
      expect(book['更正名单']?.slice(1)).toEqual([expected]);
    }
    expect(readFileSync(pkg(ws, '公示', '更正名单.csv'), 'utf8').split('\r\n')[1]).toBe(expected.join(','));

    // diff against the package not yet published (the register with it applied): corrected only, too.
    const pending = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
    expect(pending.corrected.map((x: any) => x.id)).toEqual([old.id]);
    for (const k of ['added', 'removed', 'unchanged'])
      expect(
        pending[k].map((x: any) => x.id),
        k,
      ).not.toContain(old.id);

    // Published: the record stays active at revision 2; the event keeps its content hash and the correction.
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const event = readEvents(ws).at(-1) as Record<string, any>;
    expect(event.corrected).toEqual([{ id: old.id, revision: 2, changed: ['facts'] }]);
    expect(event.contents[old.id]).toMatch(/^[0-9a-f]{16}$/);
    expect(event.contents[old.id]).not.toBe(publishEvent(registerEvents(ws)[0]).contents?.[old.id]);
    expect(event.removals.map((r: any) => r.id)).not.toContain(old.id);

    const show = json((await cli(ws, ['register', 'show', old.id, '--format', 'json'])).stdout).records[0];
    expect([show.status, show.revision, show.removal]).toEqual(['active', 2, null]);
    expect(show.revisions).toEqual([
      { revision: 1, batch: '2026Q2', publishedOn: '2026-07-10', changed: [] },
      { revision: 2, batch: '2026Q3', publishedOn: TODAY, changed: ['facts'] },
    ]);
    expect(show.events.map((e: any) => e.effect)).toEqual(['published', 'corrected:2']);
    const pretty = (await cli(ws, ['register', 'show', old.id])).stdout;
    expect(pretty).toContain('更正（第2版）');
    expect(pretty).not.toContain('移出（更正）');
    const list = json((await cli(ws, ['register', 'list', '--format', 'json'])).stdout);
    expect(list.records.filter((r: any) => r.id === old.id).map((r: any) => r.status)).toEqual(['active']);

    // diff: under corrected only.
    const d = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
    expect(d.corrected.map((x: any) => [x.id, x.status, x.removal])).toEqual([[old.id, 'active', null]]);
    expect(d.counts.byDepartment['就业办'].corrected).toBe(1);
    for (const k of ['added', 'removed', 'unchanged'])
      expect(
        d[k].map((x: any) => x.id),
        k,
      ).not.toContain(old.id);

    // supervise: the correction is a record the batch published, not also a removal.
    rmSync(join(ws, 'packages', '2026Q2'), { recursive: true, force: true });
    const sup = json((await cli(ws, ['supervise', '2026', '--format', 'json'])).stdout);
    expect(sup.rows.filter((r: any) => r.department === '就业办' && r.batch === '2026Q3').map((r: any) => r.removalsAccepted)).toEqual([0]);
  });

  it('the same content with the marker is no correction: REGISTER_ALREADY_ACTIVE, unchanged, no 更正名单', async () => {
    const ws = fresh();
    const old = await published(ws);
    csv(ws, [row(OLD_FACTS, '新人社〔2025〕5号')]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    expect(codes(json(res.stdout), 'REGISTER_ALREADY_ACTIVE').map((d: any) => d.args.id)).toContain(old.id);
    expect(recordsJson(ws)).toMatchObject({ unchanged: [old.id], corrected: [] });
    expect(Object.keys(await sheets(pkg(ws, '公示', '新乡市人社局信用红黑名单_2026Q3.xlsx')))).toEqual(['红名单', '黑名单', '移出名单']);
  });

  it('under a new 认定文书号: the old record removed as corrected, the new one published at revision 1 and listed in corrected with the columns that differ', async () => {
    const ws = fresh();
    const old = await published(ws);
    csv(ws, [row(NEW_FACTS, '新人社〔2025〕5号').replace('新人社〔2025〕5号,2025-06-01', '新人社〔2025〕6号,2025-06-01')]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    const fresh6 = file.records.find((r: Rec) => r.decisionNo === '新人社〔2025〕6号');
    expect(fresh6.id).not.toBe(old.id);
    expect(file.corrected).toEqual([{ id: fresh6.id, revision: 1, changed: ['facts', 'decisionNo'], replaces: old.id }]);
    expect(file.removals.filter((r: any) => r.id === old.id).map((r: any) => r.type)).toEqual(['corrected']);
    expect(readFileSync(pkg(ws, '公示', '更正名单.csv'), 'utf8').split('\r\n')[1]).toBe(
      [
        '1',
        fresh6.id,
        '1',
        '红名单',
        '劳务派遣',
        '新乡市牧野劳务派遣服务有限公司',
        '91410711MA44Q8W13P',
        '',
        '新人社〔2025〕6号',
        '新人社〔2025〕5号',
        '列入事由、认定文书号',
        '2025-06-01',
        '就业办',
      ].join(','),
    );
  });
});

describe('a correction under a new 认定文书号 (the decision re-issued)', () => {
  const LIST =
    '名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,更正原文书号';
  const row = (facts: string, decisionNo: string, decisionDate: string, correctionOf: string) =>
    `红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,${facts},《劳务派遣暂行规定》,${decisionNo},${decisionDate},2028-06-01,${correctionOf}`;
  const csv = (ws: string, rows: string[]): void =>
    writeFileSync(join(ws, 'submissions', '2026Q3', '就业办', '红名单更正.csv'), `\ufeff${[LIST, ...rows].join('\r\n')}\r\n`);

  // Seen: records.json `corrected` named the new record while `diff` named the old one (and listed the new one
  // as added); the old record's 移出名单 row was dated by compile's --today with an empty 移出原因.
  it('every view names the new record, with the one it replaces; 移出名单 dates the old one by the new decision and says why', async () => {
    const ws = fresh();
    csv(ws, [row(OLD_FACTS, '新人社〔2025〕5号', '2025-06-01', '')]);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    const old = packageRecords(ws).find((r) => r.decisionNo === '新人社〔2025〕5号') as Rec;
    rmSync(join(ws, 'packages'), { recursive: true, force: true });
    await publishQ2(ws, [{ ...old, quarter: '2026Q2' }]);

    csv(ws, [row('经复核重新认定', '新人社〔2026〕9号', '2026-08-20', '新人社〔2025〕5号')]);
    // compile's --today (2026-10-15) is not the day the old record was replaced.
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    const now = file.records.find((r: Rec) => r.decisionNo === '新人社〔2026〕9号');
    expect(file.corrected).toEqual([{ id: now.id, revision: 1, changed: ['facts', 'decisionNo', 'decisionDate'], replaces: old.id }]);
    const removal = file.removals.find((r: any) => r.id === old.id);
    expect([removal.type, removal.on]).toEqual(['corrected', '2026-08-20']);
    expect(removal.reason).toContain('新人社〔2026〕9号');
    const removedRow =
      readFileSync(pkg(ws, '公示', '移出名单.csv'), 'utf8')
        .split('\r\n')[1]
        ?.split(',') ?? [];
    expect(removedRow.slice(9, 12)).toEqual(['更正', '2026-08-20', '更正：已按新认定文书号 新人社〔2026〕9号 重新发布']);

    // diff, before and after publication: the new id under corrected (replacing the old), nothing else.
    for (const when of ['pending', 'published']) {
      if (when === 'published') expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
      const d = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
      expect(
        d.corrected.map((x: any) => [x.id, x.replaces]),
        when,
      ).toEqual([[now.id, old.id]]);
      for (const k of ['added', 'removed', 'unchanged']) {
        const ids = d[k].map((x: any) => x.id);
        expect(ids, `${when} ${k}`).not.toContain(old.id);
        expect(ids, `${when} ${k}`).not.toContain(now.id);
      }
      expect(d.counts.byDepartment['就业办'], when).toMatchObject({ corrected: 1, removed: 0 });
    }
  });
});

describe('the department form', () => {
  it('has an optional 更正原文书号 column on both list sheets, and 填报说明 says in one line how to send a correction', async () => {
    const ws = fresh();
    const out = join(ws, '就业办.xlsx');
    expect((await cli(ws, ['template', '就业办', '--quarter', '2026Q4', '--out', out])).code).toBe(0);
    const book = await sheets(out);
    for (const s of ['红名单', '黑名单']) expect(book[s]?.[0]?.at(-1), s).toBe('更正原文书号');
    const guide = (book['填报说明'] ?? []).map((r) => r.join(''));
    expect(guide.filter((l) => l.trim().startsWith('更正已公示的记录：') && l.includes('更正原文书号'))).toHaveLength(1);
  });
});

describe('rules', () => {
  it('lists REGISTER_CORRECTION_APPLIED (info) with a title and a fix, in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const rules = json((await runCli(['rules', '--format', 'json', '--lang', lang], ROOT)).stdout).rules as {
        code: string;
        severity: string;
        title: string;
        hint: string;
      }[];
      const r = rules.find((x) => x.code === 'REGISTER_CORRECTION_APPLIED');
      expect(r?.severity, lang).toBe('info');
      expect(r!.title.length * r!.hint.length, lang).toBeGreaterThan(0);
    }
  });
});
