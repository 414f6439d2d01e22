// Defects found living a clerk's year with the register (corrections, removals and resends meeting in
// one batch): each test names what a clerk saw and what the contract (register.md, truth.md) says.
// Their subject is the logic, not the disk: they run on a memory workspace (test/helpers/memory-workspace.ts),
// the example compiled there once and copied within the port for each test.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MemoryPort } from '../../src/io/memory-port.js';
import { copyWithin, MEM_ROOT, memoryWorkspace, runCliOn } from '../helpers/memory-workspace.js';
import { onPort, packageRecords as recordsOf, TODAY, writePackage as writePackageOn, type Rec } from './helpers.js';

const io = new MemoryPort();
const files = onPort(io);
const template = join(MEM_ROOT, 'trial-year', 'template');
let n = 0;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

beforeAll(async () => {
  memoryWorkspace('trial-year/template', 'example-workspace', io);
  const res = await runCliOn(io, ['compile', '2026Q3', '-w', template, '--today', TODAY], template);
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  // The example's own removal request names its 2026Q2 history; these tests build their own registers.
  io.remove(join(template, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  io.remove(join(template, 'packages'));
});

const fresh = (): string => {
  const ws = join(MEM_ROOT, 'trial-year', `ws-${++n}`);
  copyWithin(io, template, ws);
  return ws;
};
const cli = (ws: string, args: string[], today = '2026-10-15') => runCliOn(io, [...args, '-w', ws, '--today', today], ws, env);
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const codes = (out: Record<string, any>, code: string) => out.diagnostics.filter((d: any) => d.code === code);
const text = (path: string): string => files.read(path).toString('utf8');
const recordsJson = (ws: string, batch = '2026Q3') => JSON.parse(text(join(ws, 'packages', batch, 'records.json'))) as Record<string, any>;
const packageRecords = (ws: string): Rec[] => recordsOf(ws, '2026Q3', files);
const writePackage = (ws: string, batch: string, records: Rec[]): string => writePackageOn(ws, batch, records, {}, files);

const LIST = '名单类型,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,更正原文书号';
const NO = '新人社〔2025〕5号';
const row = (facts: string, decisionNo = NO, correctionOf = '') =>
  `红名单,劳务派遣,法人及非法人组织,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,王强,${facts},《劳务派遣暂行规定》,${decisionNo},2025-06-01,2028-06-01,${correctionOf}`;
const csv = (ws: string, quarter: string, rows: string[]): void => {
  io.put(join(ws, 'submissions', quarter, '就业办', '红名单更正.csv'), `\ufeff${[LIST, ...rows].join('\r\n')}\r\n`);
};
const REMOVAL = '名单类型,主体名称,统一社会信用代码,认定文书号,移出类型,移出原因,审查日期,违法违规认定文书号';
const removal = (ws: string, quarter: string, reviewedOn: string): void => {
  io.put(
    join(ws, 'submissions', quarter, '就业办', '移出申请.csv'),
    `\ufeff${REMOVAL}\r\n红名单,新乡市牧野劳务派遣服务有限公司,91410711MA44Q8W13P,${NO},违法违规移出,拖欠劳动者工资受到行政处罚,${reviewedOn},新人社监罚〔2026〕40号\r\n`,
  );
};
const OLD_FACTS = '旧事由：2025年度劳务派遣经营情况良好';
const NEW_FACTS = '连续三年经营规范，获评诚信企业';

/** The row published in 2026Q2 (on 2026-07-10) with its old 列入事由, as compile makes it. */
async function publishedQ2(ws: string): Promise<Rec> {
  csv(ws, '2026Q3', [row(OLD_FACTS)]);
  expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
  const old = packageRecords(ws).find((r) => r.decisionNo === NO) as Rec;
  io.remove(join(ws, 'packages'));
  writePackage(ws, '2026Q2', [{ ...old, quarter: '2026Q2' }]);
  const res = await cli(ws, ['publish', '2026Q2', '--on', '2026-07-10'], '2026-07-10');
  expect(res.code, res.stdout + res.stderr).toBe(0);
  return old;
}

describe('a record corrected under its own 认定文书号 is the same record: it was published at its first revision', () => {
  // Seen: `compile 2027Q1` with a 提前移出 reviewed on 2027-01-10 of a record published 2026-10-15 and
  // corrected (revision 2) on 2027-01-15: REMOVAL_DATE_INVALID “早于该记录的发布日期（2027-01-15）”.
  // truth.md: a same-number correction keeps the record (its id) and adds a revision; register.md:
  // REMOVAL_DATE_INVALID is a date that precedes the record's publication — not its latest revision's.
  it('a removal reviewed between its first publication and its correction is no REMOVAL_DATE_INVALID', async () => {
    const ws = fresh();
    const old = await publishedQ2(ws);
    csv(ws, '2026Q3', [row(NEW_FACTS, NO, NO)]);
    const compiled = await cli(ws, ['compile', '2026Q3']);
    expect(compiled.code, compiled.stdout).toBe(0);
    expect(recordsJson(ws).corrected).toEqual([{ id: old.id, revision: 2, changed: ['facts'] }]);
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);

    // 2026Q4: 就业办 asks for the 违法违规移出 it reviewed on 2026-09-20 (after 2026-07-10, before 2026-10-15).
    csv(ws, '2026Q4', [row(NEW_FACTS)]);
    removal(ws, '2026Q4', '2026-09-20');
    const res = await cli(ws, ['compile', '2026Q4', '--dry-run', '--format', 'json'], '2027-01-08');
    const out = json(res.stdout);
    expect(codes(out, 'REMOVAL_DATE_INVALID').map((d: any) => [d.args.value, d.args.limit])).toEqual([]);
    expect(codes(out, 'REMOVAL_NOT_FOUND')).toEqual([]);
    // Before its first publication it still is one.
    removal(ws, '2026Q4', '2026-07-01');
    const early = json((await cli(ws, ['compile', '2026Q4', '--dry-run', '--format', 'json'], '2027-01-08')).stdout);
    expect(codes(early, 'REMOVAL_DATE_INVALID').map((d: any) => [d.args.value, d.args.limit])).toEqual([['2026-07-01', '2026-07-10']]);
  });
});

describe('a row resent in the batch that removes its record', () => {
  // Seen: 劳动关系科 resends its whole list (金穗 unchanged) and asks for 金穗's 提前移出 in the same batch;
  // 市劳动保障监察支队 sends a correction under a new 认定文书号 and still resends the old row. The package
  // lists each record in 黑名单 *and* in 移出名单, and once published the register keeps both 公示中
  // (`register show` ends with 移出（提前移出）/移出（更正） while the status says 公示中; `diff` lists them
  // unchanged, not removed). register.md: a record already active with the same values is not published
  // again (REGISTER_ALREADY_ACTIVE); a removal takes effect on its batch's publication.
  it('resent unchanged with its own 违法违规移出: not published again, removed once published', async () => {
    const ws = fresh();
    const old = await publishedQ2(ws);
    csv(ws, '2026Q3', [row(OLD_FACTS)]);
    removal(ws, '2026Q3', '2026-09-20');
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    expect(file.removals.filter((r: any) => r.id === old.id).map((r: any) => r.type)).toEqual(['violation']);
    expect(file.records.map((r: Rec) => r.id)).not.toContain(old.id);
    expect(text(join(ws, 'packages', '2026Q3', '公示', '红名单.csv'))).not.toContain(NO);
    // Removed by this batch, it is not also `unchanged` (one fact, one figure: diff says removed only; round 30).
    expect(file.unchanged).not.toContain(old.id);
    const compiled = json(res.stdout).departments.find((x: any) => x.name === '劳动关系科' || x.department === '劳动关系科');
    expect(compiled).toMatchObject({ unchanged: 0 });

    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const show = json((await cli(ws, ['register', 'show', old.id, '--format', 'json'])).stdout).records[0];
    expect([show.status, show.removal?.type]).toEqual(['removed', 'violation']);
    const d = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
    expect(d.removed.map((x: any) => x.id)).toEqual([old.id]);
    expect(d.unchanged.map((x: any) => x.id)).not.toContain(old.id);
    expect(Object.values(d.counts.byDepartment).map((c: any) => c.unchanged)).toEqual(Object.values(d.counts.byDepartment).map(() => 0));
    const status = json((await cli(ws, ['status', '2026Q3', '--format', 'json'])).stdout);
    expect(JSON.stringify(status)).not.toMatch(/"unchanged":\s*[1-9]/);
  });

  it('the old row resent beside its correction under a new 认定文书号: only the new one is published; the old one is removed as corrected', async () => {
    const ws = fresh();
    const old = await publishedQ2(ws);
    csv(ws, '2026Q3', [row(OLD_FACTS), row(NEW_FACTS, '新人社〔2025〕6号', NO)]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const file = recordsJson(ws);
    expect(file.removals.filter((r: any) => r.id === old.id).map((r: any) => r.type)).toEqual(['corrected']);
    expect(file.records.filter((r: Rec) => String(r.decisionNo).startsWith('新人社〔2025〕')).map((r: Rec) => r.decisionNo)).toEqual([
      '新人社〔2025〕6号',
    ]);

    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const list = json((await cli(ws, ['register', 'list', '--format', 'json'])).stdout);
    expect(list.records.map((r: any) => r.id)).not.toContain(old.id);
    const show = json((await cli(ws, ['register', 'show', old.id, '--format', 'json'])).stdout).records[0];
    expect([show.status, show.removal?.type]).toEqual(['removed', 'corrected']);
  });
});

describe('a record revoked by an objection (撤销)', () => {
  async function revoked(ws: string): Promise<Rec> {
    const old = await publishedQ2(ws);
    expect(
      (
        await cli(
          ws,
          ['objection', 'add', '--record', old.id, '--received', '2026-07-20', '--from', '申请人甲', '--summary', '认定有误'],
          '2026-07-20',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          ws,
          ['objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', '经核实认定有误，予以撤销', '--on', '2026-07-22'],
          '2026-07-22',
        )
      ).code,
    ).toBe(0);
    return old;
  }

  // Seen: after `publish 2026Q4` the 撤销 resolved on 2026-10-23 reads `"removal": {"type": "revoked", "on":
  // "2027-01-15", "batch": "2026Q4"}` in register list/show and diff, while the package's 移出名单 says
  // 移出日期 2026-10-23. register.md: a 撤销 takes effect when it is resolved (not on its batch's publication).
  it('keeps the day it was resolved once the batch listing it is published', async () => {
    const ws = fresh();
    const old = await revoked(ws);
    csv(ws, '2026Q3', []);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect(
      recordsJson(ws)
        .removals.filter((r: any) => r.id === old.id)
        .map((r: any) => [r.type, r.on]),
    ).toEqual([['revoked', '2026-07-22']]);
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const list = json((await cli(ws, ['register', 'list', '--status', 'removed', '--format', 'json'])).stdout);
    expect(list.records.filter((r: any) => r.id === old.id).map((r: any) => [r.removal.type, r.removal.on, r.removal.batch])).toEqual([
      ['revoked', '2026-07-22', '2026Q3'],
    ]);
    // As it stood before that publication: revoked, not yet listed by a batch.
    const before = json((await cli(ws, ['register', 'list', '--status', 'removed', '--on', '2026-08-01', '--format', 'json'])).stdout);
    expect(before.records.filter((r: any) => r.id === old.id).map((r: any) => [r.removal.type, r.removal.on, r.removal.batch])).toEqual([
      ['revoked', '2026-07-22', null],
    ]);
  });

  // Seen: a department resending its whole list after a 撤销: the revoked row is published again (same id)
  // in 公示/共享 while 移出名单 lists it as 撤销; once published the register has it 公示中 again. The
  // bureau revoked it (objections.md: the record is revoked at once); only a new decision may list it again.
  // Decided (docs/decisions.md): the row is dropped with REGISTER_REMOVED_RESENT (warning, at the row), the
  // package still compiles; REGISTER_ALREADY_ACTIVE would say 仍在公示期内 of a record no longer public.
  it('resent unchanged in a later batch is not published again', async () => {
    const ws = fresh();
    const old = await revoked(ws);
    csv(ws, '2026Q3', [row(OLD_FACTS)]);
    const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    expect(
      codes(json(res.stdout), 'REGISTER_REMOVED_RESENT').map((d: any) => [d.severity, d.args.id, d.args.type, d.args.on, d.location.row]),
    ).toEqual([['warning', old.id, 'revoked', '2026-07-22', 2]]);
    expect(codes(json(res.stdout), 'REGISTER_ALREADY_ACTIVE')).toEqual([]);
    const file = recordsJson(ws);
    expect(file.removals.filter((r: any) => r.id === old.id).map((r: any) => r.type)).toEqual(['revoked']);
    expect(file.records.map((r: Rec) => r.id)).not.toContain(old.id);
    expect(text(join(ws, 'packages', '2026Q3', '公示', '红名单.csv'))).not.toContain(NO);
    // Removed by this batch, it is not also `unchanged` (one fact, one figure: diff says removed only; round 30).
    expect(file.unchanged).not.toContain(old.id);
    const compiled = json(res.stdout).departments.find((x: any) => x.name === '劳动关系科' || x.department === '劳动关系科');
    expect(compiled).toMatchObject({ unchanged: 0 });

    // Published, and resent once more in the next quarter: still removed, still not published.
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    csv(ws, '2026Q4', [row(OLD_FACTS)]);
    // (The other departments have not sent 2026Q4: a dry run, its figures say what would be published.)
    const next = json((await cli(ws, ['compile', '2026Q4', '--dry-run', '--format', 'json'], '2027-01-08')).stdout);
    expect(codes(next, 'REGISTER_REMOVED_RESENT').map((d: any) => d.args.id)).toEqual([old.id]);
    expect(next.departments.filter((d: any) => d.name === '就业办').map((d: any) => [d.rows, d.red, d.unchanged])).toEqual([[1, 0, 0]]);
    const show = json((await cli(ws, ['register', 'show', old.id, '--format', 'json'], '2027-01-08')).stdout).records[0];
    expect([show.status, show.removal?.type]).toEqual(['removed', 'revoked']);
  });

  it('a row of a record removed for a violation, resent in a later batch, is not published again', async () => {
    const ws = fresh();
    const old = await publishedQ2(ws);
    csv(ws, '2026Q3', []);
    removal(ws, '2026Q3', '2026-09-20');
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    csv(ws, '2026Q4', [row(OLD_FACTS)]);
    const next = json((await cli(ws, ['compile', '2026Q4', '--dry-run', '--format', 'json'], '2027-01-08')).stdout);
    expect(codes(next, 'REGISTER_REMOVED_RESENT').map((d: any) => [d.severity, d.args.id, d.args.type, d.args.on])).toEqual([
      ['warning', old.id, 'violation', '2026-10-15'],
    ]);
    expect(next.departments.filter((d: any) => d.name === '就业办').map((d: any) => [d.rows, d.red, d.unchanged])).toEqual([[1, 0, 0]]);
  });
});

describe('a correction of a record listed without 认定文书号', () => {
  // Seen: 劳动关系科's red record 恒信 (no 认定文书号; its decision key is its 认定日期 2026/7/15) resent with
  // a corrected 列入事由: REGISTER_CHANGED says to fill 更正原文书号 with the original number, which does not
  // exist; 更正原文书号 = 2026/7/15 (its date as the department wrote it) was CORRECTION_TARGET_NOT_FOUND, and
  // only the undocumented 2026-07-15 worked. register.md: a record without 认定文书号 is identified by its
  // 认定日期; the date is read as every date of the list is (submission.md "Values").
  it('is named in 更正原文书号 by its 认定日期, written as any date of the list', async () => {
    const ws = fresh();
    const undated = (facts: string, correctionOf = '') => row(facts, '', correctionOf);
    csv(ws, '2026Q3', [undated(OLD_FACTS)]);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    const old = packageRecords(ws).find((r) => r.facts === OLD_FACTS) as Rec;
    io.remove(join(ws, 'packages'));
    writePackage(ws, '2026Q2', [{ ...old, quarter: '2026Q2' }]);
    expect((await cli(ws, ['publish', '2026Q2', '--on', '2026-07-10'], '2026-07-10')).code).toBe(0);
    for (const marker of ['2025/6/1', '2025年6月1日', '2025-06-01']) {
      csv(ws, '2026Q3', [undated(NEW_FACTS, marker)]);
      const res = await cli(ws, ['compile', '2026Q3', '--force', '--format', 'json']);
      expect(codes(json(res.stdout), 'CORRECTION_TARGET_NOT_FOUND'), marker).toEqual([]);
      expect(res.code, marker).toBe(0);
      expect(recordsJson(ws).corrected, marker).toEqual([{ id: old.id, revision: 2, changed: ['facts'] }]);
    }
  });
});

describe('an objection still open when its record is corrected', () => {
  // Seen in the model (state.ts statusOn): an objection counts only if recorded after the record's latest
  // publication, so a same-number correction published while an objection is open drops its 异议标注 although
  // `objection list` still shows it open. register.md: an active record with an open objection is flagged.
  it('keeps the record flagged 异议标注 until it is resolved', async () => {
    const ws = fresh();
    const old = await publishedQ2(ws);
    expect(
      (
        await cli(
          ws,
          ['objection', 'add', '--record', old.id, '--received', '2026-09-28', '--from', '申请人甲', '--summary', '列入事由有误'],
          '2026-09-28',
        )
      ).code,
    ).toBe(0);
    csv(ws, '2026Q3', [row(NEW_FACTS, NO, NO)]);
    expect((await cli(ws, ['compile', '2026Q3'])).code).toBe(0);
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const open = json((await cli(ws, ['objection', 'list', '--format', 'json'])).stdout).objections.map((o: any) => [o.number, o.status]);
    expect(open).toEqual([['O2026-001', 'open']]);
    const show = json((await cli(ws, ['register', 'show', old.id, '--format', 'json'])).stdout).records[0];
    expect([show.status, show.revision, show.objection]).toEqual(['active', 2, true]);
  });
});
