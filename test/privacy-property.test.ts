// Privacy as a property (privacy.md "Tested as a property"): ID numbers and phone numbers (valid
// check digits; with and without separators; full-width digits; inside Chinese text) are planted
// into every string the tool takes — list rows, 移出申请, covers, file names, evidence names,
// objections, notes, --by — then a whole year runs (validate, status, compile, publish, register
// list / show, diff, objections, notes, supervise, report, a supplementary batch listing a 撤销) and
// every byte written or printed for the public audience is scanned: no planted number in full, and
// no ID- or phone-shaped number at all. Runs in-process (runCli: the CLI's own run()), a few times;
// one pass also spawns the real binary. More runs: PRIVACY_RUNS=20 npx vitest run test/privacy-property.test.ts
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/id-number.js';
import { ROOT, runCli, tempDir, EXAMPLE_2026Q2_IMPORT } from './helpers/cases.js';
import { fileText, filesUnder, personalNumbersIn, plantedIn } from './helpers/privacy-scan.js';

const RUNS = Number(process.env.PRIVACY_RUNS ?? 2);
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');

// ---------------------------------------------------------------------------------------------
// What is planted

const FULL_WIDTH = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const SEPARATORS = ['', ' ', '-', '－', '\u3000'] as const;

/** An 18-digit ID (valid check digit), sometimes an old 15-digit one; an adult's, so a list row stays valid. */
const idNumber = fc
  .record({
    area: fc.constantFrom('410702', '410703', '410711', '410782', '110101', '440305', '320102'),
    year: fc.integer({ min: 1950, max: 2004 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    seq: fc.integer({ min: 0, max: 999 }),
    old: fc.boolean(),
  })
  .map(({ area, year, month, day, seq, old }) => {
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const id = makeIdNumber(area, birth, String(seq).padStart(3, '0'));
    return old && year < 2000 ? `${area}${birth.slice(2).replace(/-/g, '')}${String(seq).padStart(3, '0')}` : id;
  });

const mobile = fc
  .tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19'), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([p, n]) => `${p}${String(n).padStart(9, '0')}`);

/** A fixed line with its area code: 010/02X + 8 digits, 4-digit codes + 7 or 8 (the local number starts with 2–9). */
const landline = fc
  .tuple(
    fc.constantFrom('010', '021', '0373', '0371', '0755'),
    fc.integer({ min: 2, max: 9 }),
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.boolean(),
  )
  .map(([area, first, rest, eight]) => ({
    area,
    local: `${first}${String(rest)
      .padStart(area.length === 3 || eight ? 7 : 6, '0')
      .slice(0, area.length === 3 || eight ? 7 : 6)}`,
  }));

/** How a person types it: grouped or not, half- or full-width, inside Chinese text. */
const typedNumber = fc
  .record({
    kind: fc.constantFrom('id', 'mobile', 'landline'),
    id: idNumber,
    mobile,
    landline,
    sep: fc.constantFrom(...SEPARATORS),
    paren: fc.boolean(),
    fullWidth: fc.boolean(),
    before: fc.constantFrom('身份证号', '联系电话：', '当事人', '经核实，', 'ID', '（', '张三', ''),
    after: fc.constantFrom('，', '。', '）', '号', '的情况', ''),
  })
  .map((p) => {
    let typed: string;
    if (p.kind === 'id') typed = p.id.length === 18 ? [p.id.slice(0, 6), p.id.slice(6, 14), p.id.slice(14)].join(p.sep) : p.id;
    else if (p.kind === 'mobile') typed = [p.mobile.slice(0, 3), p.mobile.slice(3, 7), p.mobile.slice(7)].join(p.sep);
    // 12 digits in one run need the separator a person types (docs/decisions.md): so does this generator.
    else
      typed = p.paren
        ? `(${p.landline.area})${p.landline.local}`
        : `${p.landline.area}${p.sep || (p.landline.area.length + p.landline.local.length > 11 ? '-' : '')}${p.landline.local}`;
    if (p.fullWidth) typed = FULL_WIDTH(typed).replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
    return { typed, text: `${p.before}${typed}${p.after}` };
  });

/** The ID numbers given as identifiers (证件号码, --subject): valid 18-digit ones. */
const personId = idNumber.filter((id) => id.length === 18);

const SLOTS = [
  'listName',
  'companyName',
  'legalRep',
  'facts',
  'basis',
  'measures',
  'remarks',
  'personName',
  'personFacts',
  'fileName',
  'evidenceName',
  'removalReason',
  'removalRemarks',
  'violationNo',
  'filler',
  'phone',
  'reviewer',
  'approver',
  'from',
  'summary',
  'opinion',
  'note',
  'by',
  'publishBy',
  'subjectQuery',
] as const;
type Slot = (typeof SLOTS)[number];

const planting = fc.record({
  numbers: fc.record(Object.fromEntries(SLOTS.map((s) => [s, typedNumber])) as Record<Slot, typeof typedNumber>),
  person: personId,
});
type Planting = { numbers: Record<Slot, { typed: string; text: string }>; person: string };

// ---------------------------------------------------------------------------------------------
// The workspace

const csvLine = (cells: string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
const csvFile = (rows: string[][]): string => `\ufeff${rows.map(csvLine).join('\r\n')}\r\n`;

/** Planted numbers are pasted into file names as typed; a name cannot hold `/`, and none is generated. */
function plantWorkspace(ws: string, p: Planting): void {
  const n = (s: Slot): string => p.numbers[s].text;
  cpSync(EXAMPLE, ws, { recursive: true });
  const q3 = join(ws, 'submissions', '2026Q3');
  writeFileSync(
    join(q3, '就业局', `补充名单_${n('fileName')}.csv`),
    csvFile([
      [
        '名单类型',
        '领域',
        '名单名称',
        '主体类别',
        '主体名称',
        '统一社会信用代码',
        '法定代表人',
        '证件类型',
        '证件号码',
        '列入事由',
        '认定依据',
        '认定文书号',
        '认定日期',
        '公示截止日期',
        '失信程度',
        '奖惩措施',
        '备注',
      ],
      [
        '黑名单',
        '就业',
        `就业失信单位${n('listName')}`,
        '法人及非法人组织',
        `新乡市示例劳务有限公司${n('companyName')}`,
        '91410702MA9LQ3T4X3',
        `刘志强${n('legalRep')}`,
        '',
        '',
        `拒不整改${n('facts')}`,
        `《就业促进法》${n('basis')}`,
        '新人社监罚〔2026〕12号',
        '2026-09-20',
        '2027-09-19',
        '一般',
        `限制享受优惠政策${n('measures')}`,
        `备注${n('remarks')}`,
      ],
      [
        '黑名单',
        '就业',
        '就业失信人员',
        '自然人',
        `王某${n('personName')}`,
        '',
        '',
        '居民身份证',
        p.person,
        `骗取就业补贴${n('personFacts')}`,
        '《就业促进法》',
        '新人社监罚〔2026〕13号',
        '2026-09-21',
        '2027-09-20',
        '一般',
        '',
        '',
      ],
    ]),
  );
  copyFileSync(join(q3, '就业局', '附件', '稳岗就业典型事迹.pdf'), join(q3, '就业局', '附件', `典型案例_${n('evidenceName')}.pdf`));
  const cover = readFileSync(join(q3, '就业局', '报送单.csv'), 'utf8')
    .replace('填报人,王晓敏', `填报人,"王晓敏${n('filler')}"`)
    .replace('联系电话,0373-3000000', `联系电话,"${n('phone')}"`)
    .replace('审核人（分管领导）,李建国', `审核人（分管领导）,"李建国${n('reviewer')}"`)
    .replace('审定人（主要领导）,赵振华', `审定人（主要领导）,"赵振华${n('approver')}"`);
  writeFileSync(join(q3, '就业局', '报送单.csv'), cover);
  rmSync(join(q3, '劳动关系科', '移出申请.xlsx'));
  writeFileSync(
    join(q3, '劳动关系科', '移出申请.csv'),
    csvFile([
      [
        '名单类型',
        '主体名称',
        '统一社会信用代码',
        '认定文书号',
        '移出类型',
        '移出原因',
        '违法违规认定文书号',
        '审查日期',
        '报备市信用办日期',
        '备注',
      ],
      [
        '红名单',
        '新乡市牧野区诚信劳务有限公司',
        '91410711MA4B7N2Q06',
        '新人社劳〔2026〕3号',
        '违法违规移出',
        `拖欠劳动者工资${n('removalReason')}`,
        `新人社监罚〔2026〕40号${n('violationNo')}`,
        '2026-09-25',
        '',
        `经办${n('removalRemarks')}`,
      ],
    ]),
  );
  // A supplementary batch after the 撤销: it lists the revoked record (with the opinion as its reason).
  mkdirSync(join(ws, 'submissions', '2026Q3-2', '就业办'), { recursive: true });
  writeFileSync(
    join(ws, 'submissions', '2026Q3-2', '就业办', '报送单.csv'),
    '\ufeff信用红黑名单报送单\r\n项目,内容\r\n报送单位,就业办\r\n报送季度,2026年第三季度\r\n填报人,王晓敏\r\n审核人,李建国\r\n审核日期,2026-10-20\r\n审定人,赵振华\r\n审定日期,2026-10-20\r\n报送日期,2026-10-20\r\n无信息报告,是\r\n',
  );
}

// ---------------------------------------------------------------------------------------------
// The year, and what the public gets

interface Seen {
  /** What each public output showed, by where it came from. */
  outputs: { where: string; text: string }[];
  /** The published documents (公示, report, 督查情况表): where internal fields must not appear at all. */
  documents: { where: string; text: string }[];
}

const ENV = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', SOURCE_DATE_EPOCH: '1790000000', HRSS_CREDIT_LOCK_WAIT_MS: '200' };

async function runYear(ws: string, p: Planting): Promise<Seen> {
  const seen: Seen = { outputs: [], documents: [] };
  const n = (s: Slot): string => p.numbers[s].text;
  const env = { ...ENV, HRSS_CREDIT_USER: `李四${n('by')}` };
  const run = async (args: string[], today: string, expectCode?: number): Promise<string> => {
    const res = await runCli([...args, '-w', ws, '--today', today], ws, env);
    if (expectCode !== undefined) expect(res.code, `${args.join(' ')}\n${res.stdout}${res.stderr}`).toBe(expectCode);
    seen.outputs.push({ where: `$ ${args.join(' ')}`, text: `${res.stdout}\n${res.stderr}` });
    return res.stdout;
  };
  const both = async (args: string[], today: string, expectCode?: number): Promise<Record<string, any>> => {
    await run(args, today, expectCode);
    return JSON.parse(await run([...args, '--format', 'json'], today, expectCode)) as Record<string, any>;
  };
  const file = async (where: string, path: string, document: boolean): Promise<void> => {
    const text = `${where}\n${await fileText(path)}`;
    seen.outputs.push({ where, text });
    if (document) seen.documents.push({ where, text });
  };

  for (const dept of ['就业局', '劳动关系科']) await both(['validate', `submissions/2026Q3/${dept}`], '2026-10-15', 0);
  await run(['register', 'import', 'history/2026Q2/劳动关系科2026年第二季度信用红黑名单.csv', ...EXAMPLE_2026Q2_IMPORT], '2026-10-15', 0);
  await both(['status', '2026Q3'], '2026-10-15');
  await run(['compile', '2026Q3', '--dry-run'], '2026-10-15', 0);
  await run(['compile', '2026Q3', '--format', 'json'], '2026-10-15', 0);
  await run(['verify', 'packages/2026Q3'], '2026-10-15', 0);
  await run(['publish', '2026Q3', '--on', '2026-10-15', '--by', `张三${n('publishBy')}`], '2026-10-15', 0);
  const listed = await both(['register', 'list', '--status', 'all'], '2026-10-16', 0);
  const records: { id: string; subjectName: string }[] = listed.records;
  const person = records.find((r) => r.subjectName.startsWith('王某'));
  if (!person) throw new Error('the planted person is not public');
  await both(['register', 'show', person.id], '2026-10-16', 0);
  await run(['register', 'show', p.person], '2026-10-16');
  await run(['register', 'list', '--find', n('subjectQuery')], '2026-10-16');
  await both(['diff', '2026Q2', '2026Q3'], '2026-10-16', 0);
  const objection = JSON.parse(
    await run(
      [
        'objection',
        'add',
        '--received',
        '2026-10-16',
        '--subject',
        p.person,
        '--from',
        `王某${n('from')}`,
        '--summary',
        `认定事实有误${n('summary')}`,
        '--format',
        'json',
      ],
      '2026-10-16',
      0,
    ),
  ) as Record<string, any>;
  await run(
    ['objection', 'add', '--received', '2026-10-16', '--subject', `不存在${n('subjectQuery')}`, '--from', 'x', '--summary', 'y'],
    '2026-10-16',
    1,
  );
  await both(['objection', 'list', '--all'], '2026-10-16', 0);
  await run(
    ['objection', 'resolve', objection.objection.number, '--outcome', '撤销', '--opinion', `经核查予以撤销${n('opinion')}`],
    '2026-10-19',
    0,
  );
  await run(['objection', 'letter', objection.objection.number], '2026-10-19', 0);
  await run(['register', 'note', `已电话告知${n('note')}`, '--id', person.id], '2026-10-19', 0);
  await both(['register', 'show', person.id], '2026-10-19', 0);
  await both(['register', 'list', '--status', 'all'], '2026-10-19', 0);
  await run(['register', 'list', '--status', 'all', '--xlsx', '台账.xlsx'], '2026-10-19', 0);
  await run(['compile', '2026Q3-2', '--format', 'json'], '2026-10-20', 0);
  await both(['supervise', '2026'], '2026-10-20', 0);
  await run(['supervise', '2026', '--xlsx', '督查情况表.xlsx'], '2026-10-20', 0);
  await run(['report', '2026Q3'], '2026-10-20', 0);
  await run(['report', '2026', '--out', '年度报告.html'], '2026-10-20', 0);
  await both(['objection', 'list', '--all'], '2026-10-20', 0);

  for (const batch of ['2026Q3', '2026Q3-2']) {
    const pkg = join(ws, 'packages', batch);
    for (const f of filesUnder(join(pkg, '公示'))) await file(`${batch}/公示/${f}`, join(pkg, '公示', f), true);
    // 典型案例 is public: its file names are what is published.
    if (existsSync(join(pkg, '典型案例')))
      seen.documents.push({ where: `${batch}/典型案例`, text: filesUnder(join(pkg, '典型案例')).join('\n') });
  }
  await file('报告.html', join(ws, 'packages', '2026Q3', '报告.html'), true);
  await file('年度报告.html', join(ws, '年度报告.html'), true);
  await file('督查情况表.xlsx', join(ws, '督查情况表.xlsx'), true);
  await file('台账.xlsx', join(ws, '台账.xlsx'), false);
  seen.outputs.push(...seen.documents.filter((d) => d.where.endsWith('典型案例')));
  return seen;
}

/** Every planted number and every ID- or phone-shaped number a public output shows, by output. */
function leaks(seen: Seen, p: Planting): { where: string; planted: string[]; shaped: string[] }[] {
  const planted = [...Object.values(p.numbers).map((x) => x.typed), p.person];
  return seen.outputs
    .map((o) => ({ where: o.where, planted: plantedIn(o.text, planted), shaped: personalNumbersIn(o.text) }))
    .filter((l) => l.planted.length > 0 || l.shaped.length > 0);
}

/** Internal fields (cover's 填报人 / 审核人, the objector, the note) in a published document. */
function internalShown(seen: Seen): string[] {
  const markers = ['王晓敏', '李建国', '赵振华', '已电话告知', '认定事实有误'];
  return seen.documents.flatMap((d) => markers.filter((m) => d.text.includes(m)).map((m) => `${d.where}: ${m}`));
}

let tmp: string;
let runs = 0;
beforeAll(() => {
  tmp = tempDir('privacy-property');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('privacy as a property: a planted ID or phone number never reaches the public audience', () => {
  it(
    `over a whole year, in every public byte written or printed (${RUNS} plantings)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(planting, async (p) => {
          const ws = join(tmp, `ws-${++runs}`);
          plantWorkspace(ws, p);
          try {
            const seen = await runYear(ws, p);
            expect(leaks(seen, p)).toEqual([]);
            expect(internalShown(seen)).toEqual([]);
          } finally {
            rmSync(ws, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000 * RUNS,
  );

  it('the real binary (one pass): its stdout and stderr, and --full says so on stderr', async () => {
    const [p] = fc.sample(planting, { numRuns: 1, seed: 18 }) as [Planting];
    const ws = join(tmp, 'ws-bin');
    plantWorkspace(ws, p);
    // Enough of the year to have planted text in the register (in-process, fast); then the binary reads it.
    const n = (slot: Slot): string => p.numbers[slot].text;
    for (const args of [
      ['compile', '2026Q3'],
      ['publish', '2026Q3', '--on', '2026-10-15', '--by', `张三${n('publishBy')}`],
      [
        'objection',
        'add',
        '--received',
        '2026-10-16',
        '--subject',
        p.person,
        '--from',
        `王某${n('from')}`,
        '--summary',
        `认定事实有误${n('summary')}`,
      ],
      ['objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', `经核查予以撤销${n('opinion')}`],
    ]) {
      const res = await runCli([...args, '-w', ws, '--today', '2026-10-19'], ws, ENV);
      expect(res.code, `${args.join(' ')}\n${res.stdout}${res.stderr}`).toBe(0);
    }
    const bin = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'hrss-credit.js'), ...args, '-w', ws, '--today', '2026-10-20'], {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, ...ENV },
      });
    const outputs = [
      ['register', 'list', '--status', 'all'],
      ['objection', 'list', '--all'],
      ['validate', 'submissions/2026Q3/就业局'],
      ['supervise', '2026'],
    ].map((a) => bin(a));
    for (const r of outputs) expect(r.status).toBe(0);
    const seen: Seen = { outputs: outputs.map((r, i) => ({ where: `bin ${i}`, text: `${r.stdout}\n${r.stderr}` })), documents: [] };
    expect(leaks(seen, p)).toEqual([]);
    const full = bin(['register', 'list', '--status', 'all', '--full']);
    expect(full.stdout).toContain(p.person);
    expect(full.stderr).toContain('--full');
  }, 180_000);
});
