// A register another tool wrote from register.md's event format alone (round 32, conform3): its own key
// order and Python's json.dumps spacing, every event type, a record with every optional field absent,
// an expiry at the three-year limit on a leap day, a correction as a revision, a correction under a new
// 认定文书号, an early removal, an older batch imported after a later one, objections by objections.md's
// names. Identifiers come from the project's generators (credit-code.ts, id-number.ts); names are invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import iconv from 'iconv-lite';
import { eventsFile, ROOT, runCli, tempDir } from './helpers.js';
import { schemaProblems } from '../helpers/json-schema-check.js';

type Obj = Record<string, unknown>;
type Rec = Obj & { id: string };

/** Python's json.dumps(o, ensure_ascii=False): `, ` and `: `, keys in the order written. */
function pyDumps(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyDumps).join(', ')}]`;
  return `{${Object.entries(v as Obj)
    .map(([k, x]) => `${JSON.stringify(k)}: ${pyDumps(x)}`)
    .join(', ')}}`;
}
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
/** register.md "Record identity", as the other tool computes it. */
const idOf = (list: string, domain: string, subject: string, decision: string): string =>
  sha(`${list}|${domain}|${subject}|${decision}`).slice(0, 12);

/** The log: seq first, prev and hash last, hash = SHA-256 of the line without hash (as that tool wrote it). */
function log(bodies: Obj[]): Buffer {
  const lines: string[] = [];
  let prev: string | null = null;
  bodies.forEach((b, i) => {
    const ev: Obj = { seq: i + 1, ...b, by: '王五', host: 'OTHER-PC', prev };
    const hash = sha(pyDumps(ev));
    lines.push(`${pyDumps({ ...ev, hash })}\n`);
    prev = hash;
  });
  return Buffer.from(lines.join(''), 'utf8');
}

const DEP = '劳动关系科';
const DOMAIN = '劳动保障';
const org = (name: string, code: string, no: string, date: string, until: string, extra: Obj = {}): Rec => ({
  listType: 'black',
  domain: DOMAIN,
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
  department: DEP,
  id: idOf('black', DOMAIN, code, no),
  ...extra,
});

const CODE_A = makeCreditCode('91410702', 'MA9C3001');
const CODE_C = makeCreditCode('91410703', 'MA9C3002');
const CODE_D = makeCreditCode('91410711', 'MA9C3003');
const ID_B = makeIdNumber('410702', '1985-03-14', '031');
// A: decided 2021-03-01, 严重, public three years to the day before: 2024-02-29, a leap day.
const A = org('新乡市牧野区甲乙建筑劳务有限公司', CODE_A, '新人社监罚〔2021〕3号', '2021-03-01', '2024-02-29', { severity: '严重' });
// B: a natural person on a red list with every optional field absent (no 公示截止日期: red lists 3 years).
const B: Rec = {
  listType: 'red',
  domain: '就业创业',
  subjectType: '自然人',
  subjectName: '孙某丙',
  idNumber: ID_B,
  facts: '自主创业带动就业',
  basis: '《中华人民共和国就业促进法》',
  decisionDate: '2021-06-01',
  department: DEP,
  id: idOf('red', '就业创业', ID_B, '2021-06-01'),
};
const B_UNTIL = '2024-05-31';
// C: decided on a leap day; corrected in 2026Q1 under its own 认定文书号 (a revision).
const C = org('新乡市红旗区丙丁劳务有限公司', CODE_C, '新人社监罚〔2024〕29号', '2024-02-29', '2027-02-28');
const C2 = { ...C, facts: '拖欠劳动者工资（更正：金额12万元）' };
// D: imported as 2023Q4 after 2024Q1 was published; replaced in 2026Q1 under a new 认定文书号.
const D = org('新乡市卫滨区戊己人力资源有限公司', CODE_D, '新人社监罚〔2023〕40号', '2023-11-20', '2026-11-19');
const D2 = {
  ...org('新乡市卫滨区戊己人力资源有限公司', CODE_D, '新人社监罚〔2026〕2号', '2023-11-20', '2026-11-19'),
  correctionOf: '新人社监罚〔2023〕40号',
};

const HISTORY: Obj[] = [
  { type: 'import', at: '2021-07-05T09:00:00+08:00', batch: '2021Q2', on: '2021-07-05', files: ['old/2021Q2.xlsx'], records: [A, B] },
  {
    type: 'publish',
    at: '2024-04-12T10:00:00+08:00',
    batch: '2024Q1',
    on: '2024-04-12',
    package: 'b'.repeat(64),
    records: [C],
    removals: [{ id: A.id, type: 'expired', on: '2024-02-29', reason: '公示期满', department: DEP }],
  },
  { type: 'import', at: '2024-04-20T09:00:00+08:00', batch: '2023Q4', on: '2024-01-10', files: ['old/2023Q4.xlsx'], records: [D] },
  {
    type: 'publish',
    at: '2026-04-15T10:00:00+08:00',
    batch: '2026Q1',
    on: '2026-04-15',
    package: 'c'.repeat(64),
    records: [C2, D2],
    removals: [{ id: D.id, type: 'corrected', on: '2026-04-15', department: DEP }],
  },
  { type: 'note', at: '2026-05-01T08:00:00+08:00', text: '核对完毕', ids: [C.id] },
  {
    type: 'objection-add',
    at: '2026-09-30T15:00:00+08:00',
    number: 'O2026-001',
    recordId: C.id,
    received: '2026-09-30',
    from: '丙丁公司',
    summary: '金额有误',
    channel: '来函',
  },
  {
    type: 'objection-resolve',
    at: '2026-10-10T16:00:00+08:00',
    number: 'O2026-001',
    recordId: C.id,
    resolvedOn: '2026-10-10',
    outcome: '维持',
    opinion: '经核实无误',
  },
];

const env = { HRSS_CREDIT_NOW: '2026-10-16T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', HRSS_CREDIT_USER: '审计' };
let tmp: string;
let ws: string;
beforeAll(() => {
  tmp = tempDir('foreign-history');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // The example's 移出申请 names a record of its own history, which this register does not hold.
  rmSync(join(ws, 'submissions', '2026Q3', DEP, '移出申请.xlsx'));
  mkdirSync(join(ws, 'register'));
  writeFileSync(eventsFile(ws), log(HISTORY));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], today = '2026-10-15') => runCli([...args, '-w', ws, '--today', today, '--lang', 'en'], ROOT, env);
const json = async (args: string[]): Promise<Record<string, any>> => {
  const r = await cli([...args, '--format', 'json']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, any>;
};
const listed = async (on: string): Promise<[string, string, string][]> =>
  (await json(['register', 'list', '--status', 'all', '--on', on])).records
    .map((r: any) => [r.id, r.status, r.publishUntil])
    .sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!));

describe('a register written from register.md alone', () => {
  it('verify reads the chain whole, ids as our identity gives them', async () => {
    const v = await json(['register', 'verify']);
    expect(v.valid).toBe(true);
    const ids = (await json(['register', 'list', '--status', 'all'])).records.map((r: any) => r.id).sort();
    expect(ids).toEqual([A.id, B.id, C.id, D.id, D2.id].sort());
  });

  it('a record without 公示截止日期 is public until the default (decision + 3 years − 1 day), then expired', async () => {
    expect((await listed('2021-07-05')).find((r) => r[0] === B.id)).toEqual([B.id, 'active', B_UNTIL]);
    expect((await listed(B_UNTIL)).find((r) => r[0] === B.id)).toEqual([B.id, 'active', B_UNTIL]);
    expect((await listed('2024-06-01')).find((r) => r[0] === B.id)).toEqual([B.id, 'expired', B_UNTIL]);
  });

  it('the three-year limit on a leap day: active on 2024-02-29, expired (到期) the day after', async () => {
    expect((await listed('2024-02-29')).find((r) => r[0] === A.id)).toEqual([A.id, 'active', '2024-02-29']);
    expect((await listed('2024-03-01')).find((r) => r[0] === A.id)).toEqual([A.id, 'expired', '2024-02-29']);
  });

  it('a record published again with other content under its own 认定文书号 is a correction (revision 2), not added', async () => {
    const d = await json(['diff', '2024Q1', '2026Q1']);
    expect(d.added.map((r: any) => r.id)).toEqual([D2.id]);
    expect(d.corrected.map((r: any) => [r.id, r.status]).sort()).toEqual(
      [
        [C.id, 'active'],
        [D.id, 'removed'],
      ].sort(),
    );
    expect(d.removed.map((r: any) => [r.id, r.removal.type])).toEqual([[B.id, 'expired']]);
    const show = await json(['register', 'show', C.id]);
    expect(show.records[0].revision).toBe(2);
    expect(show.records[0].revisions.map((v: any) => [v.revision, v.batch, v.changed])).toEqual([
      [1, '2024Q1', []],
      [2, '2026Q1', ['facts']],
    ]);
  });

  it("compile lists the default-dated record's expiry with its 移出日期, publish continues the chain", async () => {
    const c = await cli(['compile', '2026Q3']);
    expect(c.code, c.stdout + c.stderr).toBe(0);
    const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8'));
    expect(records.removals).toEqual([{ id: B.id, type: 'expired', on: B_UNTIL, reason: '', department: DEP }]);
    const before = readFileSync(eventsFile(ws));
    expect((await cli(['publish', '2026Q3'])).code).toBe(0);
    expect(readFileSync(eventsFile(ws)).subarray(0, before.length).equals(before)).toBe(true);
    expect((await json(['register', 'verify'])).valid).toBe(true);
    expect((await listed('2026-10-15')).find((r) => r[0] === B.id)).toEqual([B.id, 'expired', B_UNTIL]);
  });
});

describe('an objection to a record no longer public on the day received', () => {
  // After the history above: A expired on 2024-02-29 (a leap day), D replaced by D2 on 2026-04-15.
  const add = (record: string) =>
    cli([
      'objection',
      'add',
      '--received',
      '2026-10-14',
      '--from',
      '甲乙公司',
      '--summary',
      '有误',
      '--record',
      record,
      '--format',
      'json',
    ]);
  it('is refused, and the finding says why (expired on its last day / removed, how and when) with the record id', async () => {
    const before = readFileSync(eventsFile(ws));
    const expired = await add(A.id);
    expect(expired.code).toBe(1);
    const e = JSON.parse(expired.stdout).diagnostics[0];
    expect([e.code, e.args.notPublic]).toEqual([
      'OBJECTION_RECORD_NOT_FOUND',
      { id: A.id, received: '2026-10-14', status: 'expired', on: '2024-02-29', type: null },
    ]);
    expect(e.message).toContain('2024-02-29');
    // Named once when what was typed is the id (it said "“<id>”对应的记录（编号 <id>）"), both when a prefix was typed.
    expect(e.message.split(A.id).length - 1).toBe(1);
    const prefix = JSON.parse((await add(A.id.slice(0, 8))).stdout).diagnostics[0];
    expect(prefix.message).toContain(`"${A.id.slice(0, 8)}"`);
    expect(prefix.message).toContain(A.id);
    const removed = JSON.parse((await add(D.id)).stdout).diagnostics[0];
    expect(removed.args.notPublic).toEqual({ id: D.id, received: '2026-10-14', status: 'removed', on: '2026-04-15', type: 'corrected' });
    expect(removed.message).toContain('replaced by a correction');
    // An id that names nothing keeps the finding as it was.
    expect(JSON.parse((await add('abcdefabcdef')).stdout).diagnostics[0].args).toEqual({ query: 'abcdefabcdef' });
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
  });
});

describe('ID numbers another tool stored as typed', () => {
  // 周某丁 with hyphens, 孙某丙 in the old 15 digits: register.md's identity is of the 18-digit number.
  const ID_P = makeIdNumber('410703', '1990-11-02', '052');
  const grouped = `${ID_P.slice(0, 6)}-${ID_P.slice(6, 14)}-${ID_P.slice(14)}`;
  const old15 = ID_B.slice(0, 6) + ID_B.slice(8, 17);
  const P = {
    listType: 'black',
    domain: '工时及休息休假',
    subjectType: '自然人',
    subjectName: '周某丁',
    idNumber: grouped,
    facts: '拖欠工资逃匿',
    basis: '《保障农民工工资支付条例》',
    decisionNo: '新人社监罚〔2025〕5号',
    decisionDate: '2025-05-06',
    publishUntil: '2028-05-05',
    severity: '严重',
    department: DEP,
    id: idOf('black', '工时及休息休假', ID_P, '新人社监罚〔2025〕5号'),
  };
  let ws2: string;
  beforeAll(() => {
    ws2 = join(tmp, 'ws-ids');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws2, { recursive: true });
    mkdirSync(join(ws2, 'register'));
    const B15 = {
      ...B,
      idNumber: old15,
      decisionDate: '2025-06-01',
      publishUntil: '2028-05-31',
      id: idOf('red', '就业创业', ID_B, '2025-06-01'),
    };
    writeFileSync(
      eventsFile(ws2),
      log([{ type: 'import', at: '2025-07-05T09:00:00+08:00', batch: '2025Q2', on: '2025-07-05', files: [], records: [P, B15] }]),
    );
  });
  const cli2 = (args: string[]) => runCli([...args, '-w', ws2, '--today', '2026-10-15', '--lang', 'en'], ROOT, env);

  it('are the subject key: the id register.md gives, masked in the list', async () => {
    const r = await cli2(['register', 'list', '--format', 'json']);
    const rows = JSON.parse(r.stdout)
      .records.map((x: any) => [x.id, x.subjectKey])
      .sort();
    expect(rows).toEqual(
      [
        [P.id, `${ID_P.slice(0, 6)}********${ID_P.slice(14)}`],
        [idOf('red', '就业创业', ID_B, '2025-06-01'), `${ID_B.slice(0, 6)}********${ID_B.slice(14)}`],
      ].sort(),
    );
  });

  it('register show and objection add --subject find them by the number, however typed', async () => {
    for (const q of [ID_P, grouped]) {
      const r = await cli2(['register', 'show', q, '--format', 'json']);
      expect(r.code, q).toBe(0);
      expect(JSON.parse(r.stdout).records.map((x: any) => x.id)).toEqual([P.id]);
    }
    for (const q of [ID_B, old15]) expect((await cli2(['register', 'show', q])).code, q).toBe(0);
    const add = await cli2([
      'objection',
      'add',
      '--received',
      '2026-10-14',
      '--from',
      '周某丁',
      '--summary',
      '已结清',
      '--subject',
      ID_P,
      '--format',
      'json',
    ]);
    expect(add.code, add.stdout).toBe(0);
    expect(JSON.parse(add.stdout).objection.recordId).toBe(P.id);
    expect(add.stdout).not.toContain(ID_P);
  });

  it('resent by its department with the number as a list row holds it, the record is the same content (not REGISTER_CHANGED)', async () => {
    // 劳动关系科's example list (GB18030 CSV) gains 证件号码 and 失信程度 columns and 周某丁's row, as first published.
    const csv = join(ws2, 'submissions', '2026Q3', DEP, '劳动关系科信用红黑名单.csv');
    const lines = iconv.decode(readFileSync(csv), 'gb18030').split(/\r?\n/);
    const out = lines.map((l, i) => (i === 1 ? `${l},证件号码,失信程度` : i > 1 && l.trim() ? `${l},,` : l));
    const row = ['9', '黑名单', '工时及休息休假', '自然人', '周某丁', '', '', '', '拖欠工资逃匿', '《保障农民工工资支付条例》'];
    out.splice(out.length - 1, 0, [...row, '新人社监罚〔2025〕5号', '2025-05-06', ID_P, '严重'].join(','));
    writeFileSync(csv, iconv.encode(out.join('\r\n'), 'gb18030'));
    rmSync(join(ws2, 'submissions', '2026Q3', DEP, '移出申请.xlsx'));
    // publishUntil absent in the row: 严重 defaults to 3 years − 1 day, as the other tool's record says.
    const r = await cli2(['compile', '2026Q3', '--dry-run', '--format', 'json']);
    const codes = JSON.parse(r.stdout)
      .diagnostics.filter((d: any) => d.code.startsWith('REGISTER_'))
      .map((d: any) => [d.code, d.args.id]);
    expect(codes).toEqual([['REGISTER_ALREADY_ACTIVE', P.id]]);
  });
});

describe("a batch in register.md's other spelling", () => {
  it('2024年第一季度第2批 is the batch 2024Q1-2: listed so, and diff finds it by either name', async () => {
    const ws3 = join(tmp, 'ws-batch');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws3, { recursive: true });
    mkdirSync(join(ws3, 'register'));
    const events = [
      { type: 'import', at: '2024-04-12T10:00:00+08:00', batch: '2024年第一季度', on: '2024-04-12', files: [], records: [C] },
      {
        type: 'publish',
        at: '2024-04-20T10:00:00+08:00',
        batch: '2024年第一季度第2批',
        on: '2024-04-20',
        package: 'd'.repeat(64),
        records: [D],
        removals: [],
      },
    ];
    writeFileSync(eventsFile(ws3), log(events));
    const run = async (args: string[]) => {
      const r = await runCli([...args, '-w', ws3, '--today', '2026-10-15', '--format', 'json'], ROOT, env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, any>;
    };
    const list = (await run(['register', 'list'])).records.map((r: any) => [r.id, r.batch]).sort();
    expect(list).toEqual(
      [
        [C.id, '2024Q1'],
        [D.id, '2024Q1-2'],
      ].sort(),
    );
    for (const to of ['2024Q1-2', '2024年第一季度第2批']) {
      const d = await run(['diff', '2024Q1', to]);
      expect([d.from, d.to, d.added.map((r: any) => r.id)]).toEqual(['2024Q1', '2024Q1-2', [D.id]]);
    }
  });
});

describe('an objection resolved 更正, answered by the other tool publishing the record again', () => {
  it('is answered in that batch (correctedIn), no longer awaited', async () => {
    const ws4 = join(tmp, 'ws-answered');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws4, { recursive: true });
    mkdirSync(join(ws4, 'register'));
    const objection = { number: 'O2026-001', recordId: C.id };
    const events = [
      {
        type: 'publish',
        at: '2024-04-12T10:00:00+08:00',
        batch: '2024Q1',
        on: '2024-04-12',
        package: 'b'.repeat(64),
        records: [C],
        removals: [],
      },
      {
        type: 'objection-add',
        at: '2026-04-01T15:00:00+08:00',
        ...objection,
        received: '2026-04-01',
        from: '丙丁公司',
        summary: '金额有误',
      },
      {
        type: 'objection-resolve',
        at: '2026-04-03T16:00:00+08:00',
        ...objection,
        resolvedOn: '2026-04-03',
        outcome: '更正',
        opinion: '需更正',
      },
      {
        type: 'publish',
        at: '2026-04-15T10:00:00+08:00',
        batch: '2026Q1',
        on: '2026-04-15',
        package: 'c'.repeat(64),
        records: [C2],
        removals: [],
      },
    ];
    writeFileSync(eventsFile(ws4), log(events));
    const r = await runCli(['objection', 'list', '--all', '-w', ws4, '--today', '2026-10-15', '--format', 'json'], ROOT, env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).objections.map((o: any) => [o.number, o.outcome, o.correctedIn])).toEqual([
      ['O2026-001', '更正', '2026Q1'],
    ]);
  });
});

describe('a correction another tool lists in `corrected` under its own id for the record', () => {
  it('is found under our id: register show gives revision 2, changed facts (as with our id)', async () => {
    const ws5 = join(tmp, 'ws-corrected-alias');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws5, { recursive: true });
    mkdirSync(join(ws5, 'register'));
    // The other tool's id for C: not the one our identity gives (records[].id and corrected[].id both say it).
    const theirs = 'f0e1d2c3b4a5';
    expect(theirs).not.toBe(C.id);
    const events = [
      { type: 'publish', at: '2024-04-12T10:00:00+08:00', batch: '2024Q1', on: '2024-04-12', package: 'b'.repeat(64) },
      { type: 'publish', at: '2026-04-15T10:00:00+08:00', batch: '2026Q1', on: '2026-04-15', package: 'c'.repeat(64) },
    ];
    writeFileSync(
      eventsFile(ws5),
      log([
        { ...events[0], records: [{ ...C, id: theirs }], removals: [] },
        { ...events[1], records: [{ ...C2, id: theirs }], removals: [], corrected: [{ id: theirs, revision: 2, changed: ['facts'] }] },
      ]),
    );
    const r = await runCli(['register', 'show', C.id, '-w', ws5, '--today', '2026-10-15', '--format', 'json'], ROOT, env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const show = JSON.parse(r.stdout) as Record<string, any>;
    expect(show.records[0].revision).toBe(2);
    expect(show.records[0].revisions.map((v: any) => [v.revision, v.batch, v.changed])).toEqual([
      [1, '2024Q1', []],
      [2, '2026Q1', ['facts']],
    ]);
  });
});

describe('an objection-resolve line naming the objection by number only (no recordId)', () => {
  it('fits the printed schema and is read: the objection is resolved on its record', async () => {
    const ws6 = join(tmp, 'ws-resolve-number-only');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws6, { recursive: true });
    mkdirSync(join(ws6, 'register'));
    const publish = { type: 'publish', at: '2024-04-12T10:00:00+08:00', batch: '2024Q1', package: 'b'.repeat(64) };
    const add = { type: 'objection-add', at: '2026-04-01T15:00:00+08:00', number: 'O2026-001', recordId: C.id, received: '2026-04-01' };
    // objections.md: `objection resolve <number> --outcome … --opinion …` — the objection, not the record.
    const resolve = { type: 'objection-resolve', at: '2026-04-03T16:00:00+08:00', number: 'O2026-001', outcome: '维持', opinion: '无误' };
    const bytes = log([{ ...publish, on: '2024-04-12', records: [C], removals: [] }, add, { ...resolve, on: '2026-04-03' }]);
    writeFileSync(eventsFile(ws6), bytes);
    const printed = await runCli(['schema', 'register-event'], ROOT);
    const schema = JSON.parse(printed.stdout) as Record<string, unknown>;
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    for (const line of lines) expect(schemaProblems(schema, JSON.parse(line)), line).toEqual([]);
    const run = (args: string[]) => runCli([...args, '-w', ws6, '--today', '2026-10-15', '--format', 'json'], ROOT, env);
    const v = await run(['register', 'verify']);
    expect(JSON.parse(v.stdout).valid, v.stdout).toBe(true);
    const r = await run(['objection', 'list', '--all']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).objections.map((o: any) => [o.number, o.recordId, o.outcome, o.resolvedOn])).toEqual([
      ['O2026-001', C.id, '维持', '2026-04-03'],
    ]);
  });
});

describe("another tool's resolve of an objection a 撤销 of the same record had closed", () => {
  it('is the answer: its outcome, day and opinion, not the 撤销 it was closed with (closedBy gone)', async () => {
    const ws7 = join(tmp, 'ws-resolve-after-moot');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws7, { recursive: true });
    mkdirSync(join(ws7, 'register'));
    const add = (n: string, day: string) => ({
      type: 'objection-add',
      at: `${day}T15:00:00+08:00`,
      number: n,
      recordId: C.id,
      received: day,
      on: day,
    });
    const resolve = (n: string, outcome: string, opinion: string, day: string) => ({
      type: 'objection-resolve',
      at: `${day}T16:00:00+08:00`,
      number: n,
      outcome,
      opinion,
      on: day,
    });
    writeFileSync(
      eventsFile(ws7),
      log([
        {
          type: 'publish',
          at: '2026-04-12T10:00:00+08:00',
          batch: '2026Q1',
          on: '2026-04-12',
          package: 'b'.repeat(64),
          records: [C],
          removals: [],
        },
        add('O2026-001', '2026-05-01'),
        add('O2026-002', '2026-05-02'),
        resolve('O2026-001', '撤销', '决定已撤销', '2026-05-06'),
        resolve('O2026-002', '维持', '另一工具：维持原意见', '2026-05-20'),
      ]),
    );
    const r = await runCli(['objection', 'list', '--all', '-w', ws7, '--today', '2026-06-01', '--format', 'json'], ROOT, env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout).objections.map((o: any) => [o.number, o.outcome, o.resolvedOn, o.closedBy ?? null]);
    expect(listed).toEqual([
      ['O2026-001', '撤销', '2026-05-06', null],
      ['O2026-002', '维持', '2026-05-20', null],
    ]);
  });
});

describe('the letter of an objection resolved 更正, after the correction is published', () => {
  it('is the same bytes: it speaks of the record as published when the objection was decided', async () => {
    const objection = { number: 'O2026-001', recordId: C.id };
    const decided = [
      { type: 'publish', at: '2024-04-12T10:00:00+08:00', batch: '2024Q1', on: '2024-04-12', package: 'b'.repeat(64), records: [C] },
      {
        type: 'objection-add',
        at: '2026-04-01T15:00:00+08:00',
        ...objection,
        received: '2026-04-01',
        from: '丙丁公司',
        summary: '金额有误',
      },
      {
        type: 'objection-resolve',
        at: '2026-04-03T16:00:00+08:00',
        ...objection,
        resolvedOn: '2026-04-03',
        outcome: '更正',
        opinion: '需更正',
      },
    ];
    const later = {
      type: 'publish',
      at: '2026-04-15T10:00:00+08:00',
      batch: '2026Q1',
      on: '2026-04-15',
      package: 'c'.repeat(64),
      records: [C2],
    };
    const letter = async (events: Obj[], name: string): Promise<Buffer> => {
      const ws7 = join(tmp, `ws-letter-${name}`);
      cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws7, { recursive: true });
      mkdirSync(join(ws7, 'register'));
      writeFileSync(eventsFile(ws7), log(events.map((e) => (e.type === 'publish' ? { ...e, removals: [] } : e))));
      const out = join(ws7, 'letter.docx');
      const r = await runCli(['objection', 'letter', 'O2026-001', '--out', out, '-w', ws7, '--today', '2026-10-15'], ROOT, env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return readFileSync(out);
    };
    const before = await letter(decided, 'before');
    const after = await letter([...decided, later], 'after');
    expect(after.equals(before)).toBe(true);
  });
});
