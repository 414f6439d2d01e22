// The properties checked after each step of a history (truth.md "Figures, named once"; issue 17 item 4).
// Each returns the problems it finds (empty: holds), named, so that pending ones can be told apart.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadRegister } from '../../../dist/io/register/register-store.js';
import { continueReplay, replay, statusOn, type RegisterState } from '../../../dist/register/state.js';
import { makeContext } from '../../../dist/api/context.js';
import { workspaceRegisterFacts } from '../../../dist/api/register/register-facts-load.js';
import type { RegisterFacts } from '../../../dist/api/register/register-facts.js';
import { parseReportTarget, reportModel } from '../../../dist/api/reports/report-page.js';
import { renderReportHtml } from '../../../dist/reporters/html.js';
import { messagesFor } from '../../../dist/messages/index.js';
import type { RegisterEvent } from '../../../dist/register/events.js';
import { RegisterEventSchema } from '../../../dist/schemas/register-event.js';
import { docOf, type PlayedBatch, World } from './world.js';
import { checkObjectionCounts } from './objection-counts.js';
import { membersAgree, ownedRowsOfSheet, publishedAgrees, type PublishedRow, removalsOwned } from './batch-rows.js';

export type CheckName =
  | 'corrections-accepted'
  | 'batch-accepted'
  | 'submitted-agrees'
  | 'figures-agree'
  | 'report-removals'
  | 'status-of-published'
  | 'register-replay'
  | 'diff-composes'
  | 'package-verifies'
  | 'package-exports'
  | 'summaries-agree'
  | 'members-agree'
  | 'removals-owned'
  | 'published-agrees'
  | 'register-lists-package'
  | 'diff-lists-package'
  | 'sent-late-agrees'
  | 'year-totals-agree'
  | 'objections-agree';

export interface Problem {
  check: CheckName;
  detail: string;
}

/** truth.md "Figures, named once": the six figures under their names, and whether the department submitted. */
type Removals = { violation: number; early: number; revoked: number; corrected: number; expired: number };
type Figs = { rows: number; red: number; black: number; unchanged: number; corrected: number; removals: Removals };
type Fig = { submitted: boolean; figures: string };
type Views = Record<string, Map<string, Fig>>;

const REMOVAL_KEYS = ['violation', 'early', 'revoked', 'corrected', 'expired'] as const;
/** One comparable text of the figures: rows, red, black, unchanged, corrected and the removals by type. */
const figText = (f: Figs): string =>
  `rows ${f.rows} red ${f.red} black ${f.black} unchanged ${f.unchanged} corrected ${f.corrected} removals ${REMOVAL_KEYS.map((k) => f.removals[k]).join('/')}`;
const fig = (submitted: boolean, f: Figs): Fig => ({ submitted, figures: figText(f) });

/** The report page's 移出 key figures (data-value; "—" while unknown is a problem too) against the figures' sum by type. */
function pageRemovals(target: string, html: string, figures: readonly Figs[]): Problem[] {
  const shown = (id: string): string => new RegExp(`id="${id}" data-value="([^"]*)"`).exec(html)?.[1] ?? '0';
  const page = REMOVAL_KEYS.map((k) => shown(`fig-removals-${k}`));
  const expected = REMOVAL_KEYS.map((k) => String(figures.reduce((n, f) => n + f.removals[k], 0)));
  const total = String(expected.reduce((n, x) => n + Number(x), 0));
  return page.join('/') === expected.join('/') && shown('fig-removals') === total
    ? []
    : [
        {
          check: 'report-removals',
          detail: `report ${target}: the page shows 移出 ${shown('fig-removals') || '—'} (${page.join('/')}), the figures ${total} (${expected.join('/')})`,
        },
      ];
}

/** 报送情况.xlsx read back: a title row, then the header, then one row per department. */
async function submittedSheet(world: World, pkg: string): Promise<Map<string, Fig>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await world.io.readFile(join(pkg, '报送情况.xlsx'))) as never);
  const sheet = wb.worksheets[0]!;
  const header = Array.from(sheet.getRow(2).values as unknown[], (v) => String(v ?? ''));
  const col = (name: string): number => {
    const i = header.findIndex((h) => h === name || h.startsWith(name));
    if (i < 0) throw new Error(`报送情况.xlsx: no column ${name} in ${header.join(',')}`);
    return i;
  };
  const c = {
    name: col('科室'),
    sub: col('报送状态'),
    rows: col('报送条数'),
    red: col('本批发布红名单'),
    black: col('本批发布黑名单'),
    unchanged: col('重复报送未变'),
    corrected: col('其中更正'),
    removals: col('移出条数'),
  };
  const rows = new Map<string, Fig>();
  sheet.eachRow((row, n) => {
    if (n <= 2) return;
    const v = Array.from(row.values as unknown[]);
    const name = String(v[c.name] ?? '');
    if (!name || /合计|汇总/.test(name)) return;
    const num = (i: number): number => Number(v[i] ?? 0);
    // The workbook shows the removals as one count: compared as the sum of the types.
    const removals = num(c.removals);
    rows.set(name, {
      submitted: String(v[c.sub]).includes('已报送') || String(v[c.sub]) === '是',
      figures: `rows ${num(c.rows)} red ${num(c.red)} black ${num(c.black)} unchanged ${num(c.unchanged)} corrected ${num(c.corrected)} removals Σ${removals}`,
    });
  });
  return rows;
}

/**
 * The register's facts the report models read (workspaceRegisterFacts, as `report` loads them), once per
 * step: the batch's model, the year's and the year's from records.json share them.
 */
export function registerFacts(world: World): Promise<RegisterFacts> {
  return world.once('register facts', async () => workspaceRegisterFacts(makeContext(world.options()), world.ws));
}

/** The year's report model as the report page draws it, read once per step (figures and summaries share it). */
export function yearModel(world: World, year: number): Promise<Awaited<ReturnType<typeof reportModel>>> {
  return world.once(`report ${year}`, async () => {
    const options = world.options();
    return reportModel(options, parseReportTarget(options, String(year)), 1790000000, await registerFacts(world));
  });
}

/** diff of two batches as its JSON, read once per step (corrections and composition share it). */
export function diffOf(world: World, a: string, b: string): Promise<DiffDoc> {
  return world.once(`diff ${a} ${b}`, () => world.json<DiffDoc>(['diff', a, b]));
}

/**
 * Every view's per-department figures of one batch. `xlsx`: also the workbooks read back (报送情况.xlsx,
 * the 督查情况表 supervise writes); without it the same figures come from the documents and JSON only.
 */
async function views(world: World, b: PlayedBatch, problems: Problem[], xlsx: boolean): Promise<Views> {
  const out: Views = {};
  type Dept = Figs & { name: string; submitted: boolean };
  const statusDoc = docOf<{ departments?: Dept[] }>(b.status);
  out.status = new Map((statusDoc.departments ?? []).map((d) => [d.name, fig(d.submitted, d)]));
  const compileDoc = docOf<{ departments?: Dept[] }>(b.compile);
  out.compile = new Map((compileDoc.departments ?? []).map((d) => [d.name, fig(d.submitted, d)]));
  const pkg = join(world.ws, 'packages', b.label);
  if (b.written && world.io.exists(join(pkg, 'manifest.json'))) {
    const m = JSON.parse(Buffer.from(await world.io.readFile(join(pkg, 'manifest.json'))).toString('utf8')) as {
      departments: { name: string; submitted: boolean }[];
      counts: { byDepartment: Record<string, Figs> };
    };
    const none: Figs = {
      rows: 0,
      red: 0,
      black: 0,
      unchanged: 0,
      corrected: 0,
      removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
    };
    out.manifest = new Map(m.departments.map((d) => [d.name, fig(d.submitted, m.counts.byDepartment[d.name] ?? none)]));
    if (xlsx) out['报送情况.xlsx'] = await World.measure('check xlsx read', () => submittedSheet(world, pkg));
    try {
      const options = world.options();
      const facts = await registerFacts(world);
      const model = await World.measure('check batch model', () =>
        reportModel(options, parseReportTarget(options, b.label), 1790000000, facts),
      );
      const submitted = new Map(model.rows.map((r) => [r.department, r.status !== 'missing']));
      out.report = new Map(model.departments.map((d) => [d.department, fig(submitted.get(d.department) ?? false, d)]));
      // The page drawn from that model: its 移出 key figures (the total and one per type) equal the
      // departments' removals summed, as status shows them (truth.md: removals by type, from the figures).
      const statusFigs = docOf<{ departments?: Figs[] }>(b.status).departments ?? [];
      problems.push(
        ...pageRemovals(b.label, await World.measure('check render', () => renderReportHtml(model, messagesFor('zh-CN'))), statusFigs),
      );
    } catch (err) {
      problems.push({ check: 'batch-accepted', detail: `report ${b.label}: ${(err as { code?: string }).code ?? (err as Error).message}` });
    }
  }
  // supervise's JSON, and (xlsx) its 督查情况表 written by the same run (one command, not two), in a folder
  // of the port outside the workspace.
  const xlsxDir = xlsx ? world.scratch('xlsx') : '';
  try {
    const file = join(xlsxDir, '督查情况表.xlsx');
    const sup = await world.json<{ rows: (Figs & PublishedRow & { status: string })[] }>([
      'supervise',
      String(b.year),
      ...(xlsx ? ['--xlsx', file] : []),
    ]);
    out.supervise = new Map(sup.rows.filter((r) => r.batch === b.label).map((r) => [r.department, fig(r.status !== 'missing', r)]));
    // Every published batch's rows so far: a removal its row counts is 已移出 there (JSON, and 督查明细 below).
    const published = new Set(world.played.filter((x) => x.published).map((x) => x.label));
    problems.push(...removalsOwned(sup.rows, published, 'supervise'), ...publishedAgrees(sup.rows, published));
    // The year's page: its 移出 figures are the year's 督查 rows summed (every batch of the year so far),
    // also when this batch was not written (a 撤销 resolved since counts once a package lists it).
    const year = await World.measure('check year model', () => yearModel(world, b.year));
    problems.push(
      ...pageRemovals(String(b.year), await World.measure('check render', () => renderReportHtml(year, messagesFor('zh-CN'))), sup.rows),
    );
    problems.push(...yearTotalsInPage(String(b.year), year, renderReportHtml(year, messagesFor('zh-CN'))));
    // Overdue and pending objections: objection list, status, supervise (JSON, 督查明细) and the year's report agree.
    problems.push(
      ...(await World.measure('check objections', () =>
        checkObjectionCounts(world, b, sup as unknown as Parameters<typeof checkObjectionCounts>[2], year, xlsx ? file : undefined),
      )),
    );
    if (xlsx) problems.push(...(await yearTotalsInWorkbook(world, file, String(b.year), year)));
    if (xlsx) out['督查明细'] = await World.measure('check xlsx read', () => superviseSheet(world, file, b.label));
    if (xlsx) problems.push(...removalsOwned(await ownedRowsOfSheet(world, file), published, '督查明细'));
  } finally {
    if (xlsx) world.io.remove(xlsxDir);
  }
  return out;
}

type YearModel = Awaited<ReturnType<typeof yearModel>>;

/**
 * The year's red and black, one figure under one name (truth.md): the report's JSON (the model) per department
 * and in total; the page's department table and its 合计 row the same; the trend table's last row labelled as a sum
 * of quarters (各季度之和, never 合计) and equal to the quarters added up.
 */
export function yearTotalsInPage(year: string, model: YearModel, html: string): Problem[] {
  const problems: Problem[] = [];
  const say = (detail: string): void => void problems.push({ check: 'year-totals-agree', detail: `report ${year}: ${detail}` });
  const section = (id: string): string => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  const rowsOf = (part: string): string[][] =>
    [...part.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...(m[1] as string).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => (c[1] as string).replace(/,/g, '')),
    );
  const dept = rowsOf(section('by-department')).filter((r) => r.length > 0);
  const want = [
    ...model.departments.map((d) => [d.department, String(d.red), String(d.black)]),
    ['合计', String(model.totals.red), String(model.totals.black)],
  ];
  const got = dept.map((r) => r.slice(0, 3));
  if (JSON.stringify(got) !== JSON.stringify(want)) say(`by department ${JSON.stringify(got)}, JSON ${JSON.stringify(want)}`);
  if (model.quarters.length > 0) {
    const trend = rowsOf(section('trend')).filter((r) => r.length > 0);
    const last = trend.at(-1) ?? [];
    const sum = (k: 'red' | 'black'): number => model.quarters.reduce((n, q) => n + q[k], 0);
    if (last[0] !== '各季度之和' || last[1] !== String(sum('red')) || last[2] !== String(sum('black')))
      say(`trend's last row ${JSON.stringify(last)}: not 各季度之和 ${sum('red')} ${sum('black')}`);
    if (trend.some((r) => r[0] === '合计')) say('the trend table has a 合计 row (a sum of quarters named as the year)');
  }
  return problems;
}

/** The 督查情况表's 科室统计: each department's 红名单 and 黑名单 for the year equal the report's (each record once). */
async function yearTotalsInWorkbook(world: World, file: string, year: string, model: YearModel): Promise<Problem[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await world.io.readFile(file)) as never);
  const sheet = wb.getWorksheet('科室统计');
  if (!sheet) return [{ check: 'year-totals-agree', detail: '督查情况表: no sheet 科室统计' }];
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const [name, red, black] = ['科室', '红名单', '黑名单'].map((h) => header.indexOf(h)) as [number, number, number];
  const problems: Problem[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = Array.from(row.values as unknown[]);
    const d = model.departments.find((x) => x.department === String(v[name] ?? ''));
    const got = `${Number(v[red] ?? 0)}/${Number(v[black] ?? 0)}`;
    const want = d ? `${d.red}/${d.black}` : '0/0';
    if (got !== want) problems.push({ check: 'year-totals-agree', detail: `${year} 科室统计 ${String(v[name])}: ${got}, report ${want}` });
  });
  return problems;
}

/** The 督查明细 sheet read back: the batch's rows, truth.md's figures in their columns (移出 as a sum). */
async function superviseSheet(world: World, file: string, label: string): Promise<Map<string, Fig>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await world.io.readFile(file)) as never);
  const sheet = wb.getWorksheet('督查明细');
  if (!sheet) throw new Error('督查情况表: no sheet 督查明细');
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`督查明细: no column ${name} in ${header.join(',')}`);
    return i;
  };
  const c = {
    name: col('科室'),
    batch: col('批次'),
    state: col('报送状态'),
    rows: col('报送条数'),
    red: col('红名单'),
    black: col('黑名单'),
    unchanged: col('重复报送未变条数'),
    corrected: col('其中更正条数'),
    removals: col('移出条数'),
  };
  const rows = new Map<string, Fig>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = Array.from(row.values as unknown[]);
    if (String(v[c.batch] ?? '') !== label) return;
    const num = (i: number): number => Number(v[i] ?? 0);
    rows.set(String(v[c.name] ?? ''), {
      // Not sent: 未报送, 未到截止日期 (not yet due) or 仅移出 (a supplementary batch's removals only).
      submitted: ['已报送', '无信息报告'].includes(String(v[c.state])),
      figures: `rows ${num(c.rows)} red ${num(c.red)} black ${num(c.black)} unchanged ${num(c.unchanged)} corrected ${num(c.corrected)} removals Σ${num(c.removals)}`,
    });
  });
  return rows;
}

/** The workbooks show the removals as one count (移出条数). */
const SUM_ONLY = new Set(['报送情况.xlsx', '督查明细']);

/** The removals by type as a sum, for comparing a view that shows only the sum (报送情况.xlsx, 督查明细). */
const summed = (figures: string): string =>
  figures.replace(/removals ([\d/]+)$/, (_, t: string) => `removals Σ${t.split('/').reduce((n, x) => n + Number(x), 0)}`);

/** Figures: the same department's submitted flag and six figures equal in every view of the batch. */
export async function checkFigures(world: World, b: PlayedBatch, xlsx = true): Promise<Problem[]> {
  const problems: Problem[] = [];
  const v = await views(world, b, problems, xlsx);
  // Who is in the batch: one set of departments in every view (status may add those something is awaited from).
  type Awaits = { name: string; awaiting?: { removals: string[]; corrections: string[] } };
  const awaited = new Set(
    (docOf<{ departments?: Awaits[] }>(b.status).departments ?? [])
      .filter((d) => d.awaiting !== undefined && d.awaiting.removals.length + d.awaiting.corrections.length > 0)
      .map((d) => d.name),
  );
  problems.push(...membersAgree(b.label, v, awaited));
  const names = new Set<string>();
  for (const m of Object.values(v)) for (const k of m.keys()) names.add(k);
  for (const name of names) {
    const each = Object.entries(v).map(([view, m]) => [view, m.get(name)] as const);
    const missingIn = each.filter(([, f]) => f === undefined).map(([view]) => view);
    const present = each.filter((e): e is readonly [string, Fig] => e[1] !== undefined);
    if (missingIn.length > 0 && present.some(([, f]) => f.submitted))
      problems.push({ check: 'figures-agree', detail: `${b.label} ${name}: absent from ${missingIn.join(', ')}` });
    const sub = new Set(present.map(([, f]) => f.submitted));
    if (sub.size > 1)
      problems.push({
        check: 'submitted-agrees',
        detail: `${b.label} ${name}: submitted ${present.map(([view, f]) => `${view}=${f.submitted}`).join(' ')}`,
      });
    // Views with removals by type agree to the letter; every view agrees on the removals' sum.
    const full = new Set(present.filter(([view]) => !SUM_ONLY.has(view)).map(([, f]) => f.figures));
    const sums = new Set(present.map(([view, f]) => (SUM_ONLY.has(view) ? f.figures : summed(f.figures))));
    if (full.size > 1 || sums.size > 1)
      problems.push({
        check: 'figures-agree',
        detail: `${b.label} ${name}: ${present.map(([view, f]) => `${view}=${f.figures}`).join(' | ')}`,
      });
  }
  return problems;
}

/** status of a published batch: exit 0, and the findings its compile had (nothing about its own effects). */
export async function checkStatusOfPublished(world: World, b: PlayedBatch): Promise<Problem[]> {
  if (!b.published) return [];
  const res = await world.cli(['status', b.label, '--format', 'json']);
  // status also names today's overdue and pending objections (data, at info): today's facts, not the batch's effects.
  const today = new Set(['OBJECTION_OVERDUE', 'OBJECTION_DEADLINE_PENDING']);
  const codes = (r: typeof res): string =>
    docOf<{ diagnostics: { code: string }[] }>(r)
      .diagnostics.map((d) => d.code)
      .filter((c) => !today.has(c))
      .sort()
      .join(',');
  const now = codes(res);
  const then = codes(b.compile);
  return res.code === 0 && now === then
    ? []
    : [{ check: 'status-of-published', detail: `${b.label}: exit ${res.code}, findings ${now} where compile had ${then}` }];
}

/** A projection of the register's state that two equal histories share. */
function canon(state: RegisterState, on: string): string {
  const recs = [...state.records.values()]
    .map((e) => ({
      id: e.id,
      publications: e.publications.map((p) => ({ seq: p.seq, batch: p.batch, on: p.on })),
      removals: e.removals.map((r) => ({ seq: r.seq, type: r.type, on: r.on, batch: r.batch })),
      objections: e.objections.map((o) => ({ objection: o.objection, outcome: o.outcome, resolvedOn: o.resolvedOn })),
      status: statusOn(e, on)?.status ?? null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify({ seq: state.seq, head: state.head, batches: [...state.batches.entries()].sort(), recs });
}

/** A line of the log as the tool types it, checked by its schema (a type guard, not a cast). */
function isRegisterEvent(v: unknown): v is RegisterEvent {
  return RegisterEventSchema.safeParse(v).success;
}

/** The register: the state kept step by step equals a replay from scratch, and one of the lines parsed anew. */
export class ReplayCheck {
  private inc: RegisterState = replay([]);
  private seen = 0;

  check(world: World): Problem[] {
    const path = join(world.ws, 'register', 'events.jsonl');
    if (!world.io.exists(path)) return [];
    const loaded = loadRegister(world.ws, world.io);
    continueReplay(this.inc, loaded.events.slice(this.seen));
    this.seen = loaded.events.length;
    const lines = Buffer.from(world.io.readFileSync(path))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l, i) => {
        const e: unknown = JSON.parse(l);
        if (!isRegisterEvent(e)) throw new Error(`register line ${i + 1} is no register event`);
        return e;
      });
    const fresh = replay(lines);
    const a = canon(loaded.state, world.today);
    const problems: Problem[] = [];
    if (canon(this.inc, world.today) !== a)
      problems.push({ check: 'register-replay', detail: 'step-by-step state differs from a replay from scratch' });
    if (canon(fresh, world.today) !== a)
      problems.push({ check: 'register-replay', detail: 'the lines parsed anew replay to another state' });
    return problems;
  }
}

type DiffDoc = {
  added: { id: string }[];
  removed: { id: string }[];
  corrected: { id: string; status: string; replaces?: string }[];
  unchanged: { id: string }[];
};
/**
 * A set of public ids with a diff applied: a correction under a new number is the new record, which `replaces`
 * the old one; one under its own number stays (a revision). (A corrected item no longer active: an older diff.)
 */
const applyDiff = (s: Set<string>, d: DiffDoc): Set<string> => {
  const out = new Set(s);
  for (const r of [...d.removed, ...d.corrected.filter((c) => c.status !== 'active')]) out.delete(r.id);
  for (const r of d.corrected) {
    if (r.replaces === undefined) continue;
    out.delete(r.replaces);
    out.add(r.id);
  }
  for (const r of d.added) out.add(r.id);
  return out;
};
const same = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** diff of consecutive published batches composes: A→B then B→C is A→C, and A with A→B applied is B. */
export async function checkDiff(world: World): Promise<Problem[]> {
  const pub = world.played.filter((b) => b.published);
  if (pub.length < 2) return [];
  const problems: Problem[] = [];
  // What was on the list on a batch's day is read once (every later event is on a later day); diffs once per step.
  // On the list: active, or past its 公示截止日期 with no published batch yet listing the expiry (docs/decisions.md
  // "An expiry belongs to the batch that lists it": diff removes it with the batch whose package lists it).
  type Listed = { id: string; status: string; removal: unknown };
  const publicAt = (b: PlayedBatch): Promise<Set<string>> => {
    let ids = world.publicOn.get(b.label);
    if (!ids) {
      const onList = (r: Listed): boolean => r.status === 'active' || (r.status === 'expired' && r.removal === null);
      ids = world
        .json<{ records: Listed[] }>(['register', 'list', '--status', 'all', '--on', b.today])
        .then((doc) => new Set(doc.records.filter(onList).map((r) => r.id)));
      world.publicOn.set(b.label, ids);
    }
    return ids;
  };
  const diff = (a: PlayedBatch, b: PlayedBatch): Promise<DiffDoc> => diffOf(world, a.label, b.label);
  const [a, b] = pub.slice(-2) as [PlayedBatch, PlayedBatch];
  const sa = await publicAt(a);
  const dab = await diff(a, b);
  if (!same(applyDiff(sa, dab), await publicAt(b)))
    problems.push({ check: 'diff-composes', detail: `${a.label} + diff(${a.label},${b.label}) is not ${b.label}` });
  if (pub.length >= 3) {
    const first = pub[0] as PlayedBatch;
    const s0 = await publicAt(first);
    const d0a = await diff(first, a);
    const d0b = await diff(first, b);
    if (!same(applyDiff(applyDiff(s0, d0a), dab), applyDiff(s0, d0b)))
      problems.push({
        check: 'diff-composes',
        detail: `diff(${first.label},${a.label}) then diff(${a.label},${b.label}) is not diff(${first.label},${b.label})`,
      });
  }
  return problems;
}

/** Every package written verifies, and exports for both audiences. */
export async function checkPackage(world: World, b: PlayedBatch, exports = true): Promise<Problem[]> {
  if (!b.written) return [];
  const problems: Problem[] = [];
  const v = await world.cli(['verify', join(world.ws, 'packages', b.label)]);
  if (v.code !== 0) problems.push({ check: 'package-verifies', detail: `${b.label}: verify exit ${v.code}` });
  for (const audience of exports ? ['public', 'sharing'] : []) {
    const to = world.scratch('export');
    try {
      const e = await world.cli(['export', b.label, '--to', join(to, 'out'), '--audience', audience, '--format', 'json']);
      if (e.code !== 0)
        problems.push({
          check: 'package-exports',
          detail: `${b.label} ${audience}: export exit ${e.code} ${e.stdout.match(/"message":\s*"([^"]*)"/)?.[1] ?? ''}`,
        });
      // The export holds every CSV of the package's 公示 (移出名单 and 更正名单 included) byte for byte.
      const pub = join(world.ws, 'packages', b.label, '公示');
      if (e.code === 0 && audience === 'public')
        for (const f of world.io.readdirSync(pub).filter((x) => x.name.endsWith('.csv'))) {
          const got = join(to, 'out', f.name);
          if (!world.io.exists(got) || !Buffer.from(world.io.readFileSync(got)).equals(world.io.readFileSync(join(pub, f.name))))
            problems.push({ check: 'package-exports', detail: `${b.label}: exported ${f.name} is not the package's` });
        }
    } finally {
      world.io.remove(to);
    }
  }
  return problems;
}

/**
 * Corrections (truth.md "Content, corrections and revisions"): a row correcting a public record — under a
 * new 认定文书号 or keeping its own — is accepted (never REGISTER_CHANGED) and `diff` lists it under corrected.
 */
export async function checkCorrections(world: World, b: PlayedBatch): Promise<Problem[]> {
  const problems: Problem[] = [];
  const codes = (docOf<{ diagnostics?: { code: string }[] }>(b.compile).diagnostics ?? []).map((d) => d.code);
  if (b.sameCorrections > 0 && b.unmarkedChanges === 0 && codes.includes('REGISTER_CHANGED')) {
    problems.push({
      check: 'corrections-accepted',
      detail: `${b.label}: ${b.sameCorrections} same-number correction(s) refused as REGISTER_CHANGED`,
    });
  }
  const pub = world.played.filter((x) => x.published);
  const prev = pub[pub.length - 2];
  if (b.published && b.corrections > 0 && prev && pub[pub.length - 1] === b) {
    const d = await diffOf(world, prev.label, b.label);
    if (d.corrected.length < b.corrections)
      problems.push({
        check: 'corrections-accepted',
        detail: `${b.label}: ${b.corrections} correction(s) sent, diff lists ${d.corrected.length} under corrected`,
      });
  }
  return problems;
}

/**
 * A published package as `register list --status all` shows it on the day it was published: every record it
 * publishes is listed and not removed; every record it removes is listed removed (expired, for an expiry); every
 * record it counts `unchanged` (resent, already public) is listed active — a row resent beside its own 移出申请
 * was counted unchanged and removed at once (round 30). And `diff` from the batch published before it says the
 * same (`diff-lists-package`): what the package counts unchanged, diff lists unchanged, never removed, and what diff
 * lists unchanged the package counts unchanged (a record published again after it lapsed is added in both).
 */
export async function checkRegisterLists(world: World, b: PlayedBatch): Promise<Problem[]> {
  const file = join(world.ws, 'packages', b.label, 'records.json');
  if (!b.published || !world.io.exists(file)) return [];
  const pkg = JSON.parse(Buffer.from(await world.io.readFile(file)).toString('utf8')) as {
    records: { id: string }[];
    removals?: { id: string; type: string }[];
    unchanged?: string[];
  };
  const listed = await world.json<{ records: { id: string; status: string }[] }>(['register', 'list', '--status', 'all', '--on', b.today]);
  const status = new Map(listed.records.map((r) => [r.id, r.status]));
  const problems: Problem[] = [];
  const wrong = (id: string, want: string): void => {
    problems.push({
      check: 'register-lists-package',
      detail: `${b.label}: ${id} is ${status.get(id) ?? 'not listed'}, the package says ${want}`,
    });
  };
  for (const r of pkg.records) if (!status.has(r.id) || status.get(r.id) === 'removed') wrong(r.id, 'published');
  for (const r of pkg.removals ?? []) {
    const want = r.type === 'expired' ? 'expired' : 'removed';
    if (status.get(r.id) !== want) wrong(r.id, `${r.type}`);
  }
  for (const id of pkg.unchanged ?? []) if (status.get(id) !== 'active') wrong(id, 'unchanged (still public)');
  const published = world.played.filter((x) => x.published);
  const before = published[published.length - 2];
  if (before && published[published.length - 1] === b) {
    const d = await diffOf(world, before.label, b.label);
    const inDiff = new Set(d.unchanged.map((r) => r.id));
    const removed = new Set(d.removed.map((r) => r.id));
    for (const id of pkg.unchanged ?? [])
      if (!inDiff.has(id) || removed.has(id))
        problems.push({
          check: 'diff-lists-package',
          detail: `${b.label}: the package counts ${id} unchanged, diff ${before.label} ${b.label} lists it ${removed.has(id) ? 'removed' : 'not unchanged'}`,
        });
    // And the other way: what diff lists unchanged the package counts unchanged (a record published again after it
    // lapsed is 红/黑 in the package, so diff lists it added).
    const counted = new Set(pkg.unchanged ?? []);
    for (const id of inDiff)
      if (!counted.has(id))
        problems.push({
          check: 'diff-lists-package',
          detail: `${b.label}: diff ${before.label} ${b.label} lists ${id} unchanged, the package does not count it unchanged`,
        });
  }
  return problems;
}
