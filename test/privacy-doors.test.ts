// The doors personal data came in by and leaked through (issue 18, privacy.md "The gate"): a
// 移出申请's 移出原因 and 备注, a cover's free fields, an objection's summary and opinion, a register
// note. Each is warned about where it was typed, stored as typed, and masked in every public output
// (公示, register list / show / diff and their JSON, the 台账); 共享 keeps it. Identifiers synthetic.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/id-number.js';
import { ROOT, runCli, tempDir } from './helpers/cases.js';
import { fileText, filesUnder, plantedIn } from './helpers/privacy-scan.js';

const IN_REASON = makeIdNumber('410703', '1979-11-23', '052');
const MOBILE_IN_REASON = '139 1234 5678';
const LANDLINE_IN_REMARKS = '０３７３－５０１２３４５';
const IN_FILLER = '13712345678';
const IN_REVIEWER = makeIdNumber('410711', '1992-02-29', '031');
const IN_PHONE_FIELD = makeIdNumber('410782', '1968-07-15', '044');
const IN_SUMMARY = '138-0373-1234';
const IN_OPINION = makeIdNumber('410702', '1986-05-04', '019');
const IN_NOTE = '(0373)6012345';
const IN_FROM = '13512345678';
const IN_BY = '１５９ ０３７３ ０００１';
let publishOut = '';
const PLANTED = [
  IN_REASON,
  MOBILE_IN_REASON,
  LANDLINE_IN_REMARKS,
  IN_FILLER,
  IN_REVIEWER,
  IN_PHONE_FIELD,
  IN_SUMMARY,
  IN_OPINION,
  IN_NOTE,
  IN_FROM,
  IN_BY,
];
const masked = (id: string): string => `${id.slice(0, 6)}********${id.slice(-4)}`;

const REASON = `拖欠劳动者工资，受到行政处罚（当事人身份证${IN_REASON}，电话${MOBILE_IN_REASON}）`;
const env = { HRSS_CREDIT_USER: '张三', HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', SOURCE_DATE_EPOCH: '1790000000' };

let tmp: string;
let ws: string;
const cli = (args: string[], today = '2026-10-15') => runCli([...args, '-w', ws, '--today', today], ws, env);
const json = (s: string) => JSON.parse(s) as Record<string, any>;

beforeAll(async () => {
  tmp = tempDir('privacy-doors');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const q3 = join(ws, 'submissions', '2026Q3');
  // The example's own removal request, as a CSV whose free text carries numbers.
  rmSync(join(q3, '劳动关系科', '移出申请.xlsx'));
  writeFileSync(
    join(q3, '劳动关系科', '移出申请.csv'),
    `\ufeff${[
      '名单类型,主体名称,统一社会信用代码,认定文书号,移出类型,移出原因,违法违规认定文书号,审查日期,报备市信用办日期,备注',
      `红名单,新乡市牧野区诚信劳务有限公司,91410711MA4B7N2Q06,新人社劳〔2026〕3号,违法违规移出,${REASON},新人社监罚〔2026〕40号,2026-09-25,,经办人座机${LANDLINE_IN_REMARKS}`,
    ].join('\r\n')}\r\n`,
  );
  const cover = readFileSync(join(q3, '就业局', '报送单.csv'), 'utf8')
    .replace('填报人,王晓敏', `填报人,王晓敏 ${IN_FILLER}`)
    .replace('联系电话,0373-3000000', `联系电话,0373-3000000（身份证${IN_PHONE_FIELD}）`)
    .replace('审核人（分管领导）,李建国', `审核人（分管领导）,李建国${IN_REVIEWER}`);
  writeFileSync(join(q3, '就业局', '报送单.csv'), cover);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate warns SCHEMA_PERSONAL_INFO for numbers typed into a 移出申请 or a cover (with the cell)', () => {
  it('移出原因 (ID and mobile), 备注 (fixed line, full-width): file, row, column, masked value', async () => {
    const res = await cli(['validate', 'submissions/2026Q3/劳动关系科', '--format', 'json']);
    const found = json(res.stdout).diagnostics.filter((d: any) => d.code === 'SCHEMA_PERSONAL_INFO');
    expect(found.map((d: any) => [d.location.file, d.location.row, d.location.column, d.args.field, d.args.kind, d.args.value])).toEqual([
      ['submissions/2026Q3/劳动关系科/移出申请.csv', 2, 'F', 'reason', 'idNumber', masked(IN_REASON)],
      ['submissions/2026Q3/劳动关系科/移出申请.csv', 2, 'F', 'reason', 'mobile', '139****5678'],
      ['submissions/2026Q3/劳动关系科/移出申请.csv', 2, 'J', 'remarks', 'landline', '0373***2345'],
    ]);
    expect(found.every((d: any) => d.severity === 'warning')).toBe(true);
    expect(plantedIn(res.stdout, PLANTED)).toEqual([]);
    const pretty = await cli(['validate', 'submissions/2026Q3/劳动关系科']);
    expect(pretty.stdout).toContain('移出原因');
    expect(plantedIn(pretty.stdout, PLANTED)).toEqual([]);
  });

  it('cover: 填报人 (mobile), 审核人 (ID), 联系电话 (an ID; the phone that belongs there is not reported)', async () => {
    const res = await cli(['validate', 'submissions/2026Q3/就业局', '--format', 'json']);
    const found = json(res.stdout).diagnostics.filter((d: any) => d.code === 'SCHEMA_PERSONAL_INFO');
    expect(found.map((d: any) => [d.location.file, d.location.row, d.location.column, d.args.field, d.args.kind, d.args.value])).toEqual([
      ['submissions/2026Q3/就业局/报送单.csv', 5, 'B', 'filler', 'mobile', '137****5678'],
      ['submissions/2026Q3/就业局/报送单.csv', 6, 'B', 'phone', 'idNumber', masked(IN_PHONE_FIELD)],
      ['submissions/2026Q3/就业局/报送单.csv', 7, 'B', 'reviewer', 'idNumber', masked(IN_REVIEWER)],
    ]);
    expect(plantedIn(res.stdout, PLANTED)).toEqual([]);
  });
});

describe('a finding whose args are a list of names (found by the property test)', () => {
  it('EVIDENCE_REPORT_MISSING names the case files a cover lists, masked (pretty and JSON)', async () => {
    const ws2 = join(tmp, 'ws-cases');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws2, { recursive: true });
    const file = join(ws2, 'submissions', '2026Q3', '就业局', '报送单.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('报送日期,', `典型案例,案例_${IN_FILLER}.pdf；报道${IN_REVIEWER}.pdf\r\n报送日期,`),
    );
    // A black list: its case report is required, so a named one that is missing is an error naming it.
    writeFileSync(
      join(ws2, 'submissions', '2026Q3', '就业局', '补充黑名单.csv'),
      '\ufeff名单类型,领域,名单名称,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期,公示截止日期,失信程度\r\n黑名单,就业,就业失信单位,法人及非法人组织,新乡市示例劳务有限公司,91410702MA9LQ3T4X3,刘志强,拒不整改,《就业促进法》,新人社监罚〔2026〕12号,2026-09-20,2027-09-19,一般\r\n',
    );
    const res = await runCli(['validate', 'submissions/2026Q3/就业局', '--format', 'json', '-w', ws2, '--today', '2026-10-15'], ws2, env);
    const missing = json(res.stdout).diagnostics.find((d: any) => d.code === 'EVIDENCE_REPORT_MISSING');
    expect(missing.args.named).toEqual(['案例_137****5678.pdf', `报道${masked(IN_REVIEWER)}.pdf`]);
    expect(plantedIn(res.stdout, PLANTED)).toEqual([]);
    const pretty = await runCli(['validate', 'submissions/2026Q3/就业局', '-w', ws2, '--today', '2026-10-15'], ws2, env);
    expect(pretty.stdout).toContain('案例_137****5678.pdf');
    expect(plantedIn(pretty.stdout, PLANTED)).toEqual([]);
  });
});

describe('a year of the register: public outputs mask what 共享 and the register keep', () => {
  beforeAll(async () => {
    const history = join('history', '2026Q2', '劳动关系科2026年第二季度信用红黑名单.csv');
    const steps: [string[], string?][] = [
      [['register', 'import', history, '--batch', '2026Q2', '--published-on', '2026-07-20', '--department', '劳动关系科']],
      [['compile', '2026Q3', '--format', 'json']],
      [['publish', '2026Q3', '--on', '2026-10-15', '--by', `张三${IN_BY}`]],
    ];
    for (const [args, today] of steps) {
      const res = await cli(args, today);
      expect(res.code, `${args.join(' ')}: ${res.stdout}${res.stderr}`).toBe(0);
      if (args[0] === 'publish') publishOut = res.stdout;
    }
  });

  it('publish prints who published (--by) through the gate; register show too', async () => {
    expect(publishOut).toContain('张三159****0001');
    expect(plantedIn(publishOut, PLANTED)).toEqual([]);
  });

  it('公示/移出名单 (CSV and the 公示 workbook) mask the 移出原因; 共享 keeps it', async () => {
    const pkg = join(ws, 'packages', '2026Q3');
    const publicCsv = readFileSync(join(pkg, '公示', '移出名单.csv'), 'utf8');
    expect(publicCsv).toContain(`当事人身份证${masked(IN_REASON)}，电话139****5678`);
    for (const f of filesUnder(join(pkg, '公示'))) expect(plantedIn(await fileText(join(pkg, '公示', f)), PLANTED), f).toEqual([]);
    expect(await fileText(join(pkg, '共享', '新乡市人社局信用红黑名单_2026Q3_共享.xlsx'))).toContain(REASON);
  });

  it('register list / show / diff (pretty and JSON) and the 台账 mask the reason; --full shows it on the screen only, and says so', async () => {
    const list = await cli(['register', 'list', '--status', 'all', '--format', 'json']);
    const removed = json(list.stdout).records.find((r: any) => r.removal?.type === 'violation');
    expect(removed.removal.reason).toBe(`拖欠劳动者工资，受到行政处罚（当事人身份证${masked(IN_REASON)}，电话139****5678）`);
    const outputs = [
      list.stdout,
      (await cli(['register', 'list', '--status', 'all'])).stdout,
      (await cli(['register', 'show', removed.id, '--format', 'json'])).stdout,
      (await cli(['register', 'show', removed.id])).stdout,
      (await cli(['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout,
    ];
    for (const out of outputs) expect(plantedIn(out, PLANTED)).toEqual([]);
    const ledger = join(tmp, '台账.xlsx');
    const full = await cli(['register', 'list', '--status', 'all', '--xlsx', ledger, '--full', '--format', 'json']);
    expect(json(full.stdout).records.find((r: any) => r.id === removed.id).removal.reason).toBe(REASON);
    expect(full.stderr).toMatch(/--full.*台账/);
    expect(plantedIn(await fileText(ledger), PLANTED)).toEqual([]);
    expect(await fileText(ledger)).toContain(masked(IN_REASON));
  });

  it('objection add / resolve and register note: TEXT_PERSONAL_INFO (warning, exit 0), stored as typed, masked in every output', async () => {
    const add = await cli(
      [
        'objection',
        'add',
        '--received',
        '2026-10-16',
        '--from',
        `杨文博 ${IN_FROM}`,
        '--subject',
        '杨文博',
        '--summary',
        `认定事实有误，请回电${IN_SUMMARY}`,
        '--format',
        'json',
      ],
      '2026-10-16',
    );
    expect(add.code, add.stdout).toBe(0);
    const added = json(add.stdout);
    expect(added.diagnostics.map((d: any) => [d.code, d.severity, d.args])).toEqual([
      ['TEXT_PERSONAL_INFO', 'warning', { option: '--summary', kind: 'mobile', value: '138****1234' }],
    ]);
    const number = added.objection.number as string;
    const resolve = await cli(
      ['objection', 'resolve', number, '--outcome', '撤销', '--opinion', `经核查，当事人（身份证${IN_OPINION}）认定有误，予以撤销`],
      '2026-10-19',
    );
    expect(resolve.code, resolve.stdout).toBe(0);
    expect(resolve.stdout).toContain('TEXT_PERSONAL_INFO');
    const note = await cli(
      ['register', 'note', `已电话告知 ${IN_NOTE}`, '--id', added.objection.recordId, '--format', 'json'],
      '2026-10-19',
    );
    expect(note.code).toBe(0);
    expect(json(note.stdout).diagnostics.map((d: any) => [d.code, d.args.option, d.args.kind, d.args.value])).toEqual([
      ['TEXT_PERSONAL_INFO', 'note', 'landline', '0373***2345'],
    ]);
    // Stored as typed: the register is the internal record.
    const events = readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8');
    for (const typed of [IN_SUMMARY, IN_OPINION, IN_NOTE]) expect(events).toContain(typed);
    const outputs = [
      add.stdout,
      resolve.stdout,
      note.stdout,
      (await cli(['objection', 'list', '--all'], '2026-10-19')).stdout,
      (await cli(['objection', 'list', '--all', '--format', 'json'], '2026-10-19')).stdout,
      (await cli(['register', 'list', '--status', 'removed', '--format', 'json'], '2026-10-19')).stdout,
      (await cli(['register', 'show', added.objection.recordId], '2026-10-19')).stdout,
      (await cli(['register', 'show', added.objection.recordId, '--format', 'json'], '2026-10-19')).stdout,
    ];
    for (const out of outputs) expect(plantedIn(out, PLANTED)).toEqual([]);
    const shown = json(outputs[7] as string).records[0];
    expect(shown.removal.reason).toContain(masked(IN_OPINION));
    expect(shown.events.find((e: any) => e.effect === 'note').text).toBe('已电话告知 0373***2345');
    const full = await cli(['register', 'show', added.objection.recordId, '--full'], '2026-10-19');
    expect(full.stdout).toContain(IN_NOTE);
    expect(full.stderr).toContain('--full');
  });
});
