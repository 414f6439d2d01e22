// Plays a generated history (history.ts) in a workspace through the CLI's run() in-process (no child
// process): writes each batch's submissions as a department would (lists, 报送单, 移出申请 as workbooks or
// as GB18030 / UTF-8 CSV, 附件, the untouched form from `template`), then status, compile, publish,
// objection add/resolve as the clerk would. The workspace is on a file-system port (io/port.ts): a
// MemoryPort for the random histories (nothing on the disk: the commands and the checks read and write
// through the port), Node's for the disk histories (the clerk's year, the real binary's variant).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ROOT, runCli, type CliResult } from '../../helpers/cases.js';
import { makeCreditCode } from '../../../dist/domain/credit-code.js';
import { addDays } from '../../../dist/domain/dates.js';
import type { MemoryPort } from '../../../dist/io/memory-port.js';
import { nodePort } from '../../../dist/io/node-port.js';
import type { IoPort } from '../../../dist/io/port.js';
import { workbookBuffer } from '../../../dist/io/xlsx/xlsx-writer.js';
import { DEPTS, type DeptPlan, type FileFormat, type RowSpec, type Step } from './history.js';

/**
 * Where the histories' workspaces go: a RAM file system when the machine has one (/dev/shm), else the
 * temporary folder. The same code runs (node:fs, fsync, renames); only the wait for the disk is gone.
 */
export const WORKSPACES = process.env.PROPERTY_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A department's file (a title, its header, its rows) in the form it sends it. */
interface Table {
  base: string;
  title: string;
  headers: string[];
  rows: string[][];
}

/** The root of the memory workspaces: a path absent from the disk (a command reaching node:fs there fails). */
export const MEMORY_ROOT = '/hrss-credit-memory-only';

/**
 * A department's file's bytes, made once per distinct content and format (a history resends what another
 * history sent): the workbook with the package's own xlsx writer (exceljs's writeBuffer), the CSV in
 * GB18030 or UTF-8 with its BOM.
 */
const inputs = new Map<string, Uint8Array>();
const INSTANT = new Date('2026-01-01T00:00:00Z');

async function tableBytes(t: Table, format: FileFormat): Promise<Uint8Array> {
  const key = `${format}|${JSON.stringify(t)}`;
  let bytes = inputs.get(key);
  if (!bytes) {
    if (format === 'xlsx')
      bytes = await workbookBuffer([{ name: t.base, title: t.title, headers: t.headers, rows: t.rows }], INSTANT, '王晓敏');
    else {
      const text = `${[t.headers, ...t.rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
      // Excel's "CSV" on a Chinese Windows is GB18030 without a BOM; "CSV UTF-8" has the BOM.
      bytes = format === 'csv-gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(`\uFEFF${text}`, 'utf8');
    }
    inputs.set(key, bytes);
  }
  return bytes;
}

const EVIDENCE_DIR = join(ROOT, 'fixtures', 'example-workspace', 'submissions', '2026Q3', '劳动关系科', '附件');
/** The two attachments a black record's folder carries, read from the fixture once. */
const EVIDENCE = ['执法现场.png', '案例报道-超时加班.docx'].map((f) => [f, readFileSync(join(EVIDENCE_DIR, f))] as const);
const QUARTER_END = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];
const QUARTER_CN = ['第一季度', '第二季度', '第三季度', '第四季度'];

export interface Listed {
  id: string;
  listType: 'red' | 'black';
  department: string;
  subjectName: string;
  subjectKey: string;
  status: string;
}

/** One batch as played: its label, the day it was played, and what the clerk's commands answered. */
export interface PlayedBatch {
  label: string;
  year: number;
  today: string;
  status: CliResult;
  compile: CliResult;
  /** Rows sent as corrections keeping their 认定文书号, and rows changed without any correction marker. */
  sameCorrections: number;
  unmarkedChanges: number;
  /** Rows correcting a public record (either kind). */
  corrections: number;
  written: boolean;
  published: boolean;
}

const BIN = join(ROOT, 'bin', 'hrss-credit.js');

function spawnCli(args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 2) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const parsed = new WeakMap<CliResult, unknown>();
/** A command's JSON document, parsed once however many checks read it (the step's status and compile). */
export function docOf<T>(res: CliResult): T {
  let doc = parsed.get(res);
  if (doc === undefined) {
    doc = JSON.parse(res.stdout) as unknown;
    parsed.set(res, doc);
  }
  return doc as T;
}

const subjectName = (d: number, s: number): string => `新乡市测试${'甲乙'[d]}${'一二三四'[s]}有限公司`;
const creditCode = (d: number, s: number): string => makeCreditCode('91410700', `MA4${d}${s}K7P`.slice(0, 8).padEnd(8, '0'));
const decisionNo = (d: number, s: number, list: 'red' | 'black', suffix = ''): string =>
  `新人社${list === 'red' ? '表' : '罚'}〔2026〕${d + 1}${s + 1}${suffix}号`;

/**
 * A World on the disk folder `ws` (empty) with the example's config and an empty submissions folder, after the
 * steps of `history` were played: for tests that look at the views of one short history.
 */
export async function worldAfter(ws: string, history: readonly Step[]): Promise<World> {
  copyFileSync(join(ROOT, 'fixtures', 'example-workspace', 'hrss-credit.config.json'), join(ws, 'hrss-credit.config.json'));
  mkdirSync(join(ws, 'submissions'));
  const world = new World(ws);
  for (const step of history) await world.play(step);
  return world;
}

export class World {
  readonly played: PlayedBatch[] = [];
  today = '2026-01-05';
  private quarter = -1;
  private supplementary = 1;
  log: string[] = [];
  /** The 认定文书号 each (department, subject, list) is public under, as the batches sent them. */
  private numbers = new Map<string, string>();
  private pendingNumbers = new Map<string, string>();
  private decided = new Map<string, string>();
  private sameCorrections = 0;
  private corrections = 0;
  private unmarkedChanges = 0;

  /** The port the workspace is on: a MemoryPort, or Node's (the disk histories). */
  readonly io: IoPort;
  /** Whether the workspace is on the disk (Node's port; the commands run without CliIo.fs, as bin/ runs them). */
  readonly onDisk: boolean;

  /**
   * `spawn`: each command in a child process of bin/hrss-credit.js (the CLI-level variant, on the disk), else
   * run() in process. `io`: the port the workspace `ws` is on (a MemoryPort; Node's when absent).
   */
  constructor(
    readonly ws: string,
    private readonly spawn = false,
    io?: MemoryPort,
  ) {
    this.io = io ?? nodePort;
    this.onDisk = io === undefined;
  }

  /** The API's options for this workspace today, on its port (checks call the report model directly). */
  options(): { cwd: string; workspace: string; today: string; io?: IoPort } {
    return { cwd: this.ws, workspace: this.ws, today: this.today, ...(this.onDisk ? {} : { io: this.io }) };
  }

  private scratches = 0;
  /** The folders outside the workspace a run used, with the name they go by in a transcript. */
  private readonly aliases: [string, string][] = [];
  /** A new empty folder outside the workspace, on the same port (the caller removes it). */
  scratch(kind: string): string {
    const alias = `<${kind}-${++this.scratches}>`;
    const dir = this.onDisk ? mkdtempSync(join(WORKSPACES, `hrss-prop-${kind}-`)) : `${this.ws}-${kind}-${this.scratches}`;
    if (!this.onDisk) this.io.mkdir(dir);
    this.aliases.push([dir, alias]);
    return dir;
  }

  /**
   * Every command's arguments, exit code and output, when recording (the clerk's year compared on both
   * ports): the workspace and the scratch folders under their names, the system clock's instants masked.
   */
  transcript?: string[];

  private record(args: string[], res: CliResult): void {
    const named = (text: string): string => {
      let out = text;
      // The longest first: a memory scratch folder's name is a prefix of a later one's (…-xlsx-1, …-xlsx-10).
      for (const [dir, alias] of [...this.aliases].sort((a, b) => b[0].length - a[0].length)) out = out.split(dir).join(alias);
      return out
        .split(this.ws)
        .join('<ws>')
        .replace(/replaced-\d{8}T\d{6}Z/g, 'replaced-<stamp>')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<instant>');
    };
    this.transcript?.push(named(`${args.join(' ')} → ${res.code}\n${res.stdout}\n${res.stderr}`));
  }

  /** A department's file put in the workspace (folders made), on whichever port. */
  put(path: string, bytes: Uint8Array): void {
    this.io.writeFile(path, bytes);
  }

  /** Documents read once per step (diff of two batches, the year's report model), shared by the checks. */
  private readonly stepDocs = new Map<string, Promise<unknown>>();
  /** What was public on a published batch's day: later events are later days, so it stays as it was. */
  readonly publicOn = new Map<string, Promise<Set<string>>>();

  /** `key`'s document of this step: made by `make` at its first use, then the same one. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let doc = this.stepDocs.get(key) as Promise<T> | undefined;
    if (!doc) {
      doc = make();
      this.stepDocs.set(key, doc);
    }
    return doc;
  }

  /**
   * Where a history's time goes (PROPERTY_SURVEY prints it): per command and per step of the checks, the
   * calls, the wall time and the process's CPU time (every thread's, zlib's included), in milliseconds,
   * each exclusive of what it measured inside (a check's commands are the commands').
   */
  static readonly spent = new Map<string, { calls: number; wall: number; cpu: number }>();
  private static readonly frames: { wall: number; cpu: number }[] = [];

  /** Runs `f` (nothing else runs meanwhile: the steps are awaited one by one) and adds its time to `name`. */
  static async measure<T>(name: string, f: () => Promise<T> | T): Promise<T> {
    const frame = { wall: 0, cpu: 0 };
    World.frames.push(frame);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return await f();
    } finally {
      const used = process.cpuUsage(c0);
      const cpu = (used.user + used.system) / 1000;
      const wall = performance.now() - t0;
      World.frames.pop();
      const parent = World.frames.at(-1);
      if (parent) {
        parent.wall += wall;
        parent.cpu += cpu;
      }
      const was = World.spent.get(name) ?? { calls: 0, wall: 0, cpu: 0 };
      World.spent.set(name, { calls: was.calls + 1, wall: was.wall + wall - frame.wall, cpu: was.cpu + cpu - frame.cpu });
    }
  }
  static readonly forms = new Map<string, Uint8Array>();

  async cli(args: string[]): Promise<CliResult> {
    const argv = [...args, '-w', this.ws, '--today', this.today];
    // A recorded run fixes the instant the register records (HRSS_CREDIT_NOW), so that both ports' logs hash alike.
    const env = {
      HRSS_CREDIT_USER: '张三',
      SOURCE_DATE_EPOCH: '1790000000',
      ...(this.transcript ? { HRSS_CREDIT_NOW: '2026-12-31T02:00:00Z' } : {}),
    };
    const name = args[0] === 'register' || args[0] === 'objection' ? `${args[0]} ${args[1]}` : (args[0] as string);
    const res = await World.measure(name, () =>
      this.spawn ? spawnCli(argv, this.ws, env) : runCli(argv, this.ws, env, this.onDisk ? undefined : this.io),
    );
    this.log.push(`${args.join(' ')} → ${res.code}`);
    this.record(args, res);
    return res;
  }

  async json<T>(args: string[]): Promise<T> {
    const res = await this.cli([...args, '--format', 'json']);
    try {
      return JSON.parse(res.stdout) as T;
    } catch {
      throw new Error(`${args.join(' ')}: not JSON (exit ${res.code}): ${res.stdout.slice(0, 300)}${res.stderr.slice(0, 300)}`);
    }
  }

  /** What is public today (register list). */
  async active(): Promise<Listed[]> {
    return (await this.json<{ records: Listed[] }>(['register', 'list'])).records;
  }

  async play(step: Step): Promise<PlayedBatch | undefined> {
    this.stepDocs.clear();
    if (step.kind === 'objection') {
      await this.objection(step.pick, step.outcome);
      return undefined;
    }
    return this.batch(step.supplementary, step.plans);
  }

  private async objection(pick: number, outcome: '维持' | '撤销' | '更正' | 'open'): Promise<void> {
    if (this.played.length === 0) return;
    this.today = addDays(this.today, 1);
    const active = await this.active();
    const target = active[pick % Math.max(active.length, 1)];
    if (!target) return;
    const add = await this.json<{ objection?: { number: string } }>([
      'objection',
      'add',
      '--received',
      this.today,
      '--from',
      '王某',
      '--record',
      target.id,
      '--summary',
      '认定事实有误',
    ]);
    const number = add.objection?.number;
    if (!number || outcome === 'open') return;
    await this.cli([
      'objection',
      'resolve',
      number,
      '--outcome',
      outcome,
      '--opinion',
      `经核查，${outcome}`,
      '--on',
      this.today,
      '--by',
      '李四',
    ]);
  }

  private async batch(supplementary: boolean, plans: DeptPlan[]): Promise<PlayedBatch> {
    // A supplementary batch follows its quarter's regular one; else the next quarter.
    const supp = supplementary && this.quarter >= 0 && this.played.some((b) => b.label === `2026Q${this.quarter + 1}` && b.published);
    if (supp) this.supplementary++;
    else {
      this.quarter = Math.min(this.quarter + 1, 3);
      this.supplementary = 1;
    }
    const q = this.quarter;
    const quarterLabel = `2026Q${q + 1}`;
    const label = this.supplementary > 1 ? `${quarterLabel}-${this.supplementary}` : quarterLabel;
    const end = QUARTER_END[q] as string;
    const day = addDays(end, supp ? 20 + this.supplementary : 12);
    this.today = day > this.today ? day : addDays(this.today, 1);
    const active = this.played.length > 0 ? await this.active() : [];
    this.sameCorrections = 0;
    this.unmarkedChanges = 0;
    this.corrections = 0;
    for (const [d, plan] of plans.entries()) {
      await World.measure('inputs', () => this.writeDepartment(label, quarterLabel, q, d, plan, active));
      if ((plan.kind === 'rows' || plan.kind === 'nil') && plan.format === 'form')
        await this.writeForm(join(this.ws, 'submissions', label, DEPTS[d]!.name), DEPTS[d]!.name, label);
    }
    this.io.mkdir(join(this.ws, 'submissions', label));

    const status = await this.cli(['status', label, '--format', 'json']);
    const compile = await this.cli(['compile', label, '--force', '--format', 'json']);
    const written = compile.code === 0;
    let published = false;
    if (written) published = (await this.cli(['publish', label, '--on', this.today])).code === 0;
    if (published) for (const [k, v] of this.pendingNumbers) this.numbers.set(k, v);
    this.pendingNumbers.clear();
    const played = {
      label,
      year: 2026,
      today: this.today,
      status,
      compile,
      written,
      published,
      sameCorrections: this.sameCorrections,
      unmarkedChanges: this.unmarkedChanges,
      corrections: this.corrections,
    };
    this.played.push(played);
    return played;
  }

  private async writeDepartment(
    label: string,
    quarterLabel: string,
    q: number,
    d: number,
    plan: DeptPlan,
    active: Listed[],
  ): Promise<void> {
    const dept = DEPTS[d]!;
    const folder = join(this.ws, 'submissions', label, dept.name);
    if (plan.kind === 'absent') return;
    this.io.mkdir(folder);
    if (plan.kind === 'blank') {
      // The untouched form from `template` (made once per department and quarter: the same bytes each time).
      const target = join(folder, `${dept.name}_${quarterLabel}_信用红黑名单.xlsx`);
      const key = `${dept.name}|${quarterLabel}`;
      let cached = World.forms.get(key);
      if (!cached) {
        await this.cli(['template', dept.name, '--quarter', quarterLabel, '--out', target]);
        cached = this.io.readFileSync(target);
        World.forms.set(key, cached);
      } else this.put(target, cached);
      return;
    }
    const sentOn = addDays(QUARTER_END[q] as string, 5) < this.today ? addDays(QUARTER_END[q] as string, 5) : this.today;
    const format = plan.format ?? 'csv-utf8';
    const cover = [
      ['报送单位', dept.name],
      ['报送季度', `2026年${QUARTER_CN[q]}`],
      ['填报人', '王晓敏'],
      ['联系电话', '0373-3000000'],
      ['审核人', '李建国'],
      ['审核日期', sentOn],
      ['审定人', '赵振华'],
      ['审定日期', sentOn],
      ['报送日期', sentOn],
      ['无信息报告', plan.kind === 'nil' ? '是' : '否'],
    ];
    await this.writeTable(folder, { base: '报送单', title: '信用红黑名单报送单', headers: ['项目', '内容'], rows: cover }, format);
    const mine = active.filter((r) => r.department === dept.name);
    // Removal requests for the department's own public records (a subject with none is left out).
    const removalRows: string[][] = [];
    /** Subjects this batch asks to remove: a correction of one of them is refused (REGISTER_CHANGED, by design). */
    const removing = new Set<number>();
    for (const s of plan.removals) {
      const rec = mine.find((r) => r.subjectName === subjectName(d, s));
      if (!rec) continue;
      const revoke = (s + q) % 3 === 0;
      const type = revoke ? '撤销' : rec.listType === 'red' ? '违法违规移出' : '提前移出';
      const reviewed = addDays(this.today, -2);
      removing.add(s);
      removalRows.push([
        rec.listType === 'red' ? '红名单' : '黑名单',
        rec.subjectName,
        creditCode(d, s),
        '',
        type,
        '经复核移出',
        type === '违法违规移出' ? '新人社罚〔2026〕99号' : '',
        reviewed,
        type === '提前移出' ? reviewed : '',
      ]);
    }
    if (removalRows.length > 0) {
      const headers = [
        '名单类型',
        '主体名称',
        '统一社会信用代码',
        '认定文书号',
        '移出类型',
        '移出原因',
        '违法违规认定文书号',
        '审查日期',
        '报备市信用办日期',
      ];
      await this.writeTable(folder, { base: '移出申请', title: `${dept.name}信用名单移出申请`, headers, rows: removalRows }, format);
    }
    if (plan.kind === 'nil') return;
    const seen = new Set<number>();
    const rows: RowSpec[] = plan.rows.filter((r) => !seen.has(r.subject) && seen.add(r.subject));
    const lines = rows.map((r, i) => {
      const publicRec = mine.find((x) => x.subjectName === subjectName(d, r.subject) && x.listType === r.list);
      const key = `${d}|${r.subject}|${r.list}`;
      const base = this.numbers.get(key) ?? decisionNo(d, r.subject, r.list);
      // A correction names the public record's number: under a new number, or its own.
      const correction = publicRec && r.correction !== 'none' ? r.correction : 'none';
      const number = correction === 'new' ? decisionNo(d, r.subject, r.list, `-${label}`) : base;
      this.pendingNumbers.set(key, number);
      const facts = r.variant === 1 || correction !== 'none' ? `经复查更正的事实（${label}）` : '未按规定履行义务';
      // A record changed and removed in one batch is neither a correction nor publishable (register-compile.ts):
      // such a row is not counted as a correction the batch must accept.
      const counted = !removing.has(r.subject);
      if (correction === 'same' && counted) this.sameCorrections++;
      if (correction !== 'none' && counted) this.corrections++;
      if (publicRec && correction === 'none' && r.variant === 1) this.unmarkedChanges++;
      // A record keeps its 认定日期 however often it is resent.
      const decided = this.decided.get(key) ?? addDays(QUARTER_END[q] as string, -20 + r.subject);
      this.decided.set(key, decided);
      return [
        String(i + 1),
        r.list === 'red' ? '红名单' : '黑名单',
        dept.domain,
        '法人及非法人组织',
        subjectName(d, r.subject),
        creditCode(d, r.subject),
        '张三',
        facts,
        '《劳动保障监察条例》',
        number,
        decided,
        r.list === 'black' ? r.severity : '',
        correction !== 'none' ? base : '',
      ];
    });
    const headers = [
      '序号',
      '名单类型',
      '领域',
      '主体类别',
      '主体名称',
      '统一社会信用代码',
      '法定代表人（负责人）',
      '列入事由',
      '认定依据',
      '认定文书号',
      '认定日期',
      '失信程度',
      '更正原文书号',
    ];
    await this.writeTable(folder, { base: '名单', title: `${dept.name}信用红黑名单`, headers, rows: lines }, format);
    if (rows.some((r) => r.list === 'black')) for (const [f, bytes] of EVIDENCE) this.put(join(folder, '附件', f), bytes);
  }

  /** The tables of a department that sends `template`'s form filled in (format 'form'): written by writeForm. */
  private formTables: Table[] = [];

  /**
   * The form `template` made for the batch (its label: 2026Q3-2 for a supplementary one), filled in as a department
   * does in Excel: 报送单's 内容, the list rows under their headers on 红名单 / 黑名单, 移出申请; dates as dates.
   */
  private async writeForm(folder: string, department: string, label: string): Promise<void> {
    const key = `${department}|${label}`;
    let form = World.forms.get(key);
    if (!form) {
      const dir = this.scratch('form');
      const out = join(dir, 'form.xlsx');
      await this.cli(['template', department, '--quarter', label, '--out', out]);
      form = this.io.readFileSync(out);
      World.forms.set(key, form);
      this.io.remove(dir);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(form) as never);
    const DATES = new Set(['审核日期', '审定日期', '报送日期', '认定日期', '审查日期', '报备市信用办日期']);
    const value = (header: string, v: string): string | Date => (DATES.has(header) && v ? new Date(`${v}T00:00:00Z`) : v);
    const headersOf = (sheet: ExcelJS.Worksheet): string[] => Array.from(sheet.getRow(1).values as unknown[], (x) => String(x ?? ''));
    const next = new Map<string, number>();
    for (const t of this.formTables) {
      if (t.base === '报送单') {
        const sheet = wb.getWorksheet('报送单')!;
        for (const [item, v] of t.rows)
          sheet.eachRow((row) => {
            if (row.getCell(1).value === item) row.getCell(2).value = value(item as string, v as string);
          });
        continue;
      }
      for (const r of t.rows) {
        const name = t.base === '移出申请' ? '移出申请' : r[1] === '红名单' ? '红名单' : '黑名单';
        const sheet = wb.getWorksheet(name)!;
        const headers = headersOf(sheet);
        const at = next.get(name) ?? 2;
        next.set(name, at + 1);
        for (const [i, h] of t.headers.entries()) {
          const col = headers.indexOf(h === '法定代表人（负责人）' ? '法定代表人' : h);
          if (col > 0 && r[i]) sheet.getRow(at).getCell(col).value = value(h, r[i] as string);
        }
      }
    }
    this.formTables = [];
    this.put(join(folder, `${department}_${label}_信用红黑名单.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  private async writeTable(folder: string, t: Table, format: FileFormat): Promise<void> {
    if (format === 'form') {
      this.formTables.push(t);
      return;
    }
    this.put(join(folder, `${t.base}.${format === 'xlsx' ? 'xlsx' : 'csv'}`), await tableBytes(t, format));
  }
}
