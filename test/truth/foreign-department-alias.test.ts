// A register written by another tool that names a department by an alias of the matrix (`监察支队` for
// 市劳动保障监察支队, workspace.md "Departments"; round 33's acceptance trial). Every view of truth.md must see one
// department: compile's totals, the manifest's counts.byDepartment, records.json's 移出名单, the report, supervise's
// objections, diff and register list. Before, records.json listed 2 removals while compile, the manifest and the
// report said 0, and supervise counted no objection. The log is written here as that tool would (JSON.stringify,
// its own ids, objections.md's names); identifiers from the project's generator, names invented.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

type Obj = Record<string, unknown>;
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const DEP = '市劳动保障监察支队';
const ALIAS = '监察支队';

const rec = (name: string, code: string, no: string, date: string, until: string, domain: string): Obj & { id: string } => ({
  listType: 'black',
  domain,
  department: ALIAS,
  subjectType: '法人及非法人组织',
  subjectName: name,
  creditCode: code,
  legalRep: '赵某甲',
  facts: '拖欠劳动者工资',
  basis: '《保障农民工工资支付条例》',
  decisionNo: no,
  decisionDate: date,
  publishUntil: until,
  severity: '一般',
  id: `x${sha(no).slice(0, 11)}`,
});
// A expires on 2026-09-01 (removed as 到期 in 2026Q3); B is revoked by an objection resolved 撤销 on 2026-08-05.
const A = rec(
  '新乡市牧野区甲乙劳务有限公司',
  makeCreditCode('91410702', 'MA9C4001'),
  '新人社监罚〔2026〕7号',
  '2026-03-01',
  '2026-09-01',
  '违法用工',
);
const B = rec(
  '新乡市红旗区丙丁劳务有限公司',
  makeCreditCode('91410703', 'MA9C4002'),
  '新人社监罚〔2026〕15号',
  '2026-06-01',
  '2027-05-31',
  '拖欠工资',
);
const EVENTS: Obj[] = [
  {
    type: 'publish',
    at: '2026-07-15T10:00:00+08:00',
    batch: '2026Q2',
    publishedOn: '2026-07-15',
    package: 'b'.repeat(64),
    records: [A, B],
    removals: [],
  },
  {
    type: 'objection-add',
    at: '2026-08-03T09:00:00+08:00',
    number: 'O2026-002',
    recordId: B.id,
    received: '2026-08-03',
    from: '丙丁公司',
    summary: '认定主体有误',
    channel: '来函',
  },
  {
    type: 'objection-resolve',
    at: '2026-08-05T16:00:00+08:00',
    number: 'O2026-002',
    recordId: B.id,
    outcome: '撤销',
    opinion: '予以撤销',
    on: '2026-08-05',
  },
];

function foreignLog(events: Obj[]): string {
  let prev: string | null = null;
  return events
    .map((e, i) => {
      const o = { seq: i + 1, ...e, by: '张三', host: 'OTHER-PC', prev };
      const hash = sha(JSON.stringify(o));
      prev = hash;
      return `${JSON.stringify({ ...o, hash })}\n`;
    })
    .join('');
}

let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('foreign-department-alias');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // The example's 移出申请 names a record of its own history, which this register does not hold.
  rmSync(join(ws, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), foreignLog(EVENTS));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', HRSS_CREDIT_USER: '审计' };
const json = async (args: string[]): Promise<any> => {
  const r = await runCli([...args, '-w', ws, '--today', '2026-10-15', '--format', 'json', '--lang', 'en'], ROOT, env);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const REMOVED = { violation: 0, early: 0, revoked: 1, corrected: 0, expired: 1 };

describe('a foreign register naming a department by its alias', () => {
  it('register list names the department as the matrix does', async () => {
    const list = await json(['register', 'list', '--status', 'all']);
    expect(list.records.map((r: Obj) => r.department)).toEqual([DEP, DEP]);
  });

  it('compile, the manifest and records.json agree: two removals of 市劳动保障监察支队', async () => {
    const c = await json(['compile', '2026Q3']);
    expect(c.totals.removals).toEqual(REMOVED);
    const pkg = join(ws, 'packages', '2026Q3');
    const records = JSON.parse(readFileSync(join(pkg, 'records.json'), 'utf8'));
    expect(records.removals.map((r: Obj) => [r.type, r.department]).sort()).toEqual([
      ['expired', DEP],
      ['revoked', DEP],
    ]);
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    expect(manifest.counts.byDepartment[DEP].removals).toEqual(REMOVED);
    expect(Object.keys(manifest.counts.byDepartment)).not.toContain(ALIAS);
  });

  it('after publish: the report, supervise and diff see the same department', async () => {
    await json(['publish', '2026Q3']);
    const report = await json(['report', '2026Q3']);
    expect(report.totals.removals).toEqual(REMOVED);
    expect(report.departments.find((d: Obj) => d.department === DEP).removals).toEqual(REMOVED);
    const supervise = await json(['supervise', '2026']);
    const row = supervise.rows.find((r: Obj) => r.department === DEP && r.batch === '2026Q3');
    expect([row.removals, row.objectionsReceived]).toEqual([REMOVED, 1]);
    expect(supervise.rows.map((r: Obj) => r.department)).not.toContain(ALIAS);
    const diff = await json(['diff', '2026Q2', '2026Q3']);
    expect(diff.removed.map((r: Obj) => r.department)).toEqual([DEP, DEP]);
  });
});
