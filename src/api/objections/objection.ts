/**
 * The objection commands (objections.md): add, list, resolve, letter. They return data; the CLI
 * (src/cli/commands/objection.ts) renders it. An objection lives in the register as an
 * `objection-add` event and, once handled, an `objection-resolve` event (src/register/events.ts).
 *
 * The deadline is computed when it is read, from the day of receipt and N stored in the event, with
 * the calendar in force then: an objection received while its deadline's year was not covered shows
 * it pending and gets it once calendar/<year>.json is added. The event also keeps the deadline as
 * computed on receipt (null when not covered), for the record.
 */
import { resolve as resolvePath, join } from 'node:path';
import { addDays, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { normaliseCreditCode } from '../../domain/credit-code.js';
import { normaliseIdNumber, typedIdNumber } from '../../domain/id-number.js';
import { showText, type Reader } from '../../domain/privacy.js';
import { echoQuery } from '../../domain/query-echo.js';

const ADDRESSEE: Reader = { audience: 'addressee' };
import { foldKey } from '../../domain/text.js';
import { isOverdue, workingDaysLeft, yearOf } from '../../domain/working-days.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { appendEvent, loadRegister, registerExists, wholeRecord, type Loaded } from '../../io/register/register-store.js';
import type { LoadedCalendar } from '../../io/workspace/calendar.js';
import { resolveAuthor } from '../../io/register/who.js';
import { formatHead } from '../../register/chain.js';
import type { LetterData } from '../../io/documents/objection-letter.js';
export type { LetterData };
import {
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  type EventBody,
  type ObjectionChannel,
  type ObjectionResolveBody,
} from '../../register/events.js';
import { statusesOn, statusOn, type ObjectionFact, type RecordStatus, type RegisterState } from '../../register/state.js';
import { deadlinePendingDiagnostic, objectionDeadline, objectionWorkingDays, workspaceCalendar } from './calendar.js';
import { makeContext, type Context } from '../context.js';
import type { ObjectionViewDoc } from '../../schemas/documents/commands-register.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { requireWorkspace } from '../quarter/quarter.js';
import { listedRecord, type WriterOptions } from '../register/register.js';
import { failsNow, makeReport, type Report } from '../../diagnostics/report.js';
import { textPersonalInfo } from '../register/text-personal-info.js';
import { deadline as deadlineOf } from '../../domain/working-days.js';

export const OUTCOMES = OBJECTION_OUTCOMES;
export type OutcomeZh = keyof typeof OUTCOMES;
type OutcomeKey = ObjectionResolveBody['outcome'];
const OUTCOME_ZH: Record<OutcomeKey, OutcomeZh> = { upheld: '维持', corrected: '更正', revoked: '撤销' };

/** An objection as `objection list` and the reports give it: its one schema is schemas/documents/commands-register.ts. */
export type ObjectionView = ObjectionViewDoc;

/** What the terminal shows besides: the subject's identifier, masked (a natural person's ID number). */
export interface ObjectionRow extends ObjectionView {
  subjectKey: string;
  overdue: boolean;
  awaitingCorrection: boolean;
}

function dateOption(value: string | undefined, fallback: IsoDate): IsoDate {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new ToolError('DATE_INVALID', { value });
  return value;
}

function nOf(ctx: Context, o: ObjectionFact): number {
  return o.workingDays ?? objectionWorkingDays(ctx.config, o.providerCheck);
}

/** The deadline with the calendar in force now, or null (with the year it needs) when not covered. */
function deadlineNow(o: ObjectionFact, n: number, cal: LoadedCalendar): { deadline: IsoDate | null; notCovered: number | null } {
  const r = deadlineOf(o.on, n, cal);
  return 'deadline' in r ? { deadline: r.deadline, notCovered: null } : { deadline: null, notCovered: r.notCovered };
}

/** The record an objection concerns, as published (its latest publication). */
function recordOf(state: RegisterState, id: string): RecordStatus | undefined {
  const e = state.records.get(id);
  return e ? statusOn(e, '9999-12-31') : undefined;
}

/** The record an objection concerns as published before the event `seq` (its latest publication then). */
function recordBefore(state: RegisterState, id: string, seq: number): RecordStatus | undefined {
  const e = state.records.get(id);
  return e ? statusOn({ ...e, publications: e.publications.filter((p) => p.seq < seq) }, '9999-12-31') : undefined;
}

function viewOf(ctx: Context, state: RegisterState, o: ObjectionFact, cal: LoadedCalendar): ObjectionRow {
  const n = nOf(ctx, o);
  const { deadline } = deadlineNow(o, n, cal);
  const open = o.resolvedOn === null;
  const s = recordOf(state, o.id);
  const listed = s ? listedRecord(s, false, ctx.config.publication.maskRule) : undefined;
  const outcome = o.outcome && o.outcome in OUTCOME_ZH ? OUTCOME_ZH[o.outcome as OutcomeKey] : null;
  const current = s ? statusOn(state.records.get(o.id)!, ctx.today) : undefined;
  return {
    number: o.objection,
    recordId: o.id,
    subjectName: listed?.subjectName ?? '',
    received: o.on,
    deadline,
    workingDays: n,
    // Left counts to today while open; once resolved, as it stood on the day it was resolved.
    workingDaysLeft: workingDaysLeft(open ? ctx.today : (o.resolvedOn as IsoDate), deadline, cal),
    status: open ? 'open' : 'resolved',
    outcome,
    resolvedOn: o.resolvedOn,
    late: o.late,
    ...(o.outcome === 'corrected' ? { correctedIn: o.correctedIn } : {}),
    ...(o.closedBy !== null ? { closedBy: o.closedBy } : {}),
    subjectKey: listed?.subjectKey ?? '',
    overdue: open && deadline !== null && isOverdue(ctx.today, deadline),
    awaitingCorrection: current?.awaitingCorrection ?? false,
  };
}

/** Only the keys objections.md gives (JSON output). */
export function publicView(r: ObjectionRow): ObjectionView {
  const { subjectKey: _k, overdue: _o, awaitingCorrection: _a, ...view } = r;
  return view;
}

function writerCtx(options: WriterOptions): { ctx: Context; workspace: string } {
  const ctx = makeContext(options);
  return { ctx, workspace: requireWorkspace(ctx) };
}

const lockOf = (options: WriterOptions) => ({ lock: { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) } });

// ---------------------------------------------------------------------------------------------
// objection add

export interface AddOptions extends WriterOptions {
  received: string;
  from: string;
  summary: string;
  record?: string;
  subject?: string;
  channel?: string;
  providerCheck?: boolean;
}

export interface AddResult {
  report: Report;
  outcome: 'recorded' | 'refused';
  objection: ObjectionRow | null;
  head: string | null;
}

/** Records that answer --record (id or its first 6+ hex digits) and --subject (credit code, ID number, name). */
function candidates(
  state: RegisterState,
  days: IsoDate[],
  record: string | undefined,
  subject: string | undefined,
  active = true,
): RecordStatus[] {
  const seen = new Map<string, RecordStatus>();
  for (const day of days)
    for (const s of statusesOn(state, day)) if ((s.status === 'active') === active && !seen.has(s.id)) seen.set(s.id, s);
  let out = [...seen.values()];
  if (record !== undefined) {
    const id = record.trim().toLowerCase();
    out = out.filter((s) => s.id === id || (/^[0-9a-f]{6,11}$/.test(id) && s.id.startsWith(id)));
  }
  if (subject !== undefined) {
    const q = subject.trim();
    const code = normaliseCreditCode(q);
    const idNo = typedIdNumber(q);
    out = out.filter(
      (s) =>
        (code !== '' && code === normaliseCreditCode(s.record.creditCode)) ||
        (idNo !== '' && idNo === normaliseIdNumber(s.record.idNumber)) ||
        foldKey(q) === foldKey(s.record.subjectName),
    );
  }
  return out;
}

function nextNumber(state: RegisterState, year: number): string {
  let max = 0;
  const prefix = `O${year}-`;
  for (const n of state.objections.keys()) if (n.startsWith(prefix)) max = Math.max(max, Number(n.slice(prefix.length)) || 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export async function objectionAdd(options: AddOptions): Promise<AddResult> {
  const { ctx, workspace } = writerCtx(options);
  const received = dateOption(options.received, ctx.today);
  if (received > ctx.today)
    throw new ToolError('DATE_OUT_OF_RANGE', { option: '--received', value: received, limit: ctx.today, reason: 'future' });
  if (options.record === undefined && options.subject === undefined)
    throw new ToolError('USAGE', { kind: 'missingOneOf', names: '--record, --subject', what: 'record' });
  if (options.from.trim() === '') throw new ToolError('USAGE', { kind: 'emptyValue', name: '--from' });
  if (options.summary.trim() === '') throw new ToolError('USAGE', { kind: 'emptyValue', name: '--summary' });
  let channel: ObjectionChannel | null = null;
  if (options.channel !== undefined) {
    if (!(OBJECTION_CHANNELS as readonly string[]).includes(options.channel))
      throw new ToolError('USAGE', {
        kind: 'invalidChoice',
        name: '--channel',
        value: options.channel,
        allowed: OBJECTION_CHANNELS.join(', '),
      });
    channel = options.channel as ObjectionChannel;
  }
  const providerCheck = options.providerCheck ?? false;
  const n = objectionWorkingDays(ctx.config, providerCheck);
  const cal = workspaceCalendar(ctx);
  const due = objectionDeadline(received, providerCheck, ctx.config, cal);
  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);
  // What the clerk typed, echoed in the findings and JSON: every ID number or part of one masked (privacy.md).
  const query = [options.record, options.subject]
    .filter((x) => x !== undefined)
    .map((x) => echoQuery(x, ctx.config.publication.maskRule))
    .join(' / ');
  // No register yet: no record to object to, and no register/ folder made for nothing (compile reads its presence).
  if (!registerExists(workspace, ctx.io)) {
    ctx.collector.add(makeDiagnostic('OBJECTION_RECORD_NOT_FOUND', { query }));
    return { report: makeReport(ctx, 'objection add', 0, 0), outcome: 'refused', objection: null, head: null };
  }

  const { event, value } = await appendEvent(
    workspace,
    author,
    (loaded: Loaded) => {
      const found = candidates(loaded.state, [received, ctx.today], options.record, options.subject);
      if (found.length === 0) {
        // One record that answers but was not public when received (expired, removed): say so, with its id.
        const gone = candidates(loaded.state, [received], options.record, options.subject, false);
        const s = gone.length === 1 ? (gone[0] as RecordStatus) : undefined;
        const notPublic = s && {
          id: s.id,
          received,
          status: s.status as 'expired' | 'removed',
          on: s.status === 'removed' && s.removal ? s.removal.on : s.publishUntil,
          type: s.status === 'removed' ? (s.removal?.type ?? null) : null,
        };
        return { body: null, value: makeDiagnostic('OBJECTION_RECORD_NOT_FOUND', { query, ...(notPublic ? { notPublic } : {}) }) };
      }
      if (found.length > 1)
        return {
          body: null,
          value: makeDiagnostic('OBJECTION_AMBIGUOUS', { query, count: found.length, ids: found.map((s) => s.id).join(', ') }),
        };
      const target = found[0] as RecordStatus;
      // The record's own id typed as --record is no ID number: echoed as typed (domain/query-echo.ts).
      const named = [options.record, options.subject]
        .filter((x) => x !== undefined)
        .map((x) => echoQuery(x, ctx.config.publication.maskRule, target.id))
        .join(' / ');
      // An objection concerns published information (objections.md): received before the record was published, it is refused.
      if (target.publishedOn > received)
        return {
          body: null,
          value: makeDiagnostic('OBJECTION_BEFORE_PUBLICATION', {
            query: named,
            received,
            publishedOn: target.publishedOn,
            batch: target.batch,
          }),
        };
      const number = nextNumber(loaded.state, yearOf(received));
      // What it is warned about, said before the line is written: under --strict a warning refuses it, nothing written
      // (docs/decisions.md "--strict and the register's writers"). Without --strict a received objection is never
      // lost: recorded (exit 0), its deadline pending until the calendar covers the year.
      if ('notCovered' in due) ctx.collector.add(deadlinePendingDiagnostic(number, due.notCovered, n));
      for (const d of textPersonalInfo(options.summary, '--summary', ctx.config.publication.maskRule)) ctx.collector.add(d);
      if (failsNow(ctx)) return { body: null, value: null };
      const body: EventBody = {
        type: 'objection-add',
        on: received,
        id: target.id,
        objection: number,
        from: options.from.trim(),
        summary: options.summary.trim(),
        channel,
        providerCheck,
        workingDays: n,
        deadline: 'deadline' in due ? due.deadline : null,
      };
      return { body, value: null };
    },
    { ...lockOf(options), io: ctx.io },
  );
  if (!event) {
    if (value) ctx.collector.add(value);
    return { report: makeReport(ctx, 'objection add', 0, 0), outcome: 'refused', objection: null, head: null };
  }
  const number = (event as { objection: string }).objection;
  const { state } = loadRegister(workspace, ctx.io);
  const fact = state.objections.get(number) as ObjectionFact;
  return {
    report: makeReport(ctx, 'objection add', 0, 1),
    outcome: 'recorded',
    objection: viewOf(ctx, state, fact, cal),
    head: formatHead(event),
  };
}

// ---------------------------------------------------------------------------------------------
// objection list

export interface ListObjectionsOptions extends WriterOptions {
  which?: 'open' | 'overdue' | 'all';
  year?: number;
}

export function objectionList(options: ListObjectionsOptions): { report: Report; today: IsoDate; objections: ObjectionRow[] } {
  const { ctx, workspace } = writerCtx(options);
  const which = options.which ?? 'open';
  const { state } = loadRegister(workspace, ctx.io);
  const cal = workspaceCalendar(ctx);
  const rows: ObjectionRow[] = [];
  const pending: ReturnType<typeof deadlinePendingDiagnostic>[] = [];
  for (const o of state.objections.values()) {
    if (options.year !== undefined && yearOf(o.on) !== options.year) continue;
    const v = viewOf(ctx, state, o, cal);
    if (which === 'open' && v.status !== 'open') continue;
    if (which === 'overdue' && !v.overdue) {
      // Open with a deadline the calendar cannot give (待定), and today past the earliest day it could fall (N days
      // after receipt, were every day a working day): it may be overdue, so --overdue names it and the file to add
      // instead of saying nothing (docs/decisions.md "An objection whose deadline is pending").
      const year = v.status === 'open' && v.deadline === null ? deadlineNow(o, v.workingDays, cal).notCovered : null;
      if (year === null || ctx.today <= addDays(o.on, v.workingDays)) continue;
      pending.push(deadlinePendingDiagnostic(v.number, year, v.workingDays));
    }
    rows.push(v);
  }
  for (const d of pending) ctx.collector.add(d);
  // Overdue is data in every listing; only --overdue makes it the command's finding (exit 1).
  if (which === 'overdue')
    for (const v of rows.filter((x) => x.overdue))
      ctx.collector.add(
        makeDiagnostic('OBJECTION_OVERDUE', {
          number: v.number,
          deadline: v.deadline as string,
          today: ctx.today,
          workingDaysLeft: v.workingDaysLeft,
        }),
      );
  return { report: makeReport(ctx, 'objection list', 0, rows.length), today: ctx.today, objections: rows };
}

// ---------------------------------------------------------------------------------------------
// objection resolve

export interface ResolveOptions extends WriterOptions {
  outcome: string;
  opinion: string;
  on?: string;
}

export async function objectionResolve(number: string, options: ResolveOptions): Promise<AddResult> {
  const { ctx, workspace } = writerCtx(options);
  if (!Object.hasOwn(OUTCOMES, options.outcome))
    throw new ToolError('USAGE', { kind: 'invalidChoice', name: '--outcome', value: options.outcome, allowed: '维持, 更正, 撤销' });
  if (options.opinion.trim() === '') throw new ToolError('USAGE', { kind: 'emptyValue', name: '--opinion' });
  const outcome = OUTCOMES[options.outcome as OutcomeZh];
  const on = dateOption(options.on, ctx.today);
  if (on > ctx.today) throw new ToolError('DATE_OUT_OF_RANGE', { option: '--on', value: on, limit: ctx.today, reason: 'future' });
  const wanted = number.trim().toUpperCase();
  const cal = workspaceCalendar(ctx);
  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);
  let notPublic: ReturnType<typeof makeDiagnostic> | null = null;
  if (!registerExists(workspace, ctx.io)) {
    ctx.collector.add(makeDiagnostic('OBJECTION_NOT_FOUND', { number: wanted }));
    return { report: makeReport(ctx, 'objection resolve', 0, 0), outcome: 'refused', objection: null, head: null };
  }
  const { event, value } = await appendEvent(
    workspace,
    author,
    (loaded: Loaded) => {
      const o = loaded.state.objections.get(wanted);
      if (!o) return { body: null, value: makeDiagnostic('OBJECTION_NOT_FOUND', { number: wanted }) };
      if (o.resolvedOn !== null)
        return {
          body: null,
          value: makeDiagnostic('OBJECTION_ALREADY_RESOLVED', {
            number: wanted,
            resolvedOn: o.resolvedOn,
            outcome: OUTCOME_ZH[o.outcome as OutcomeKey] ?? String(o.outcome),
          }),
        };
      if (on < o.on) throw new ToolError('DATE_OUT_OF_RANGE', { option: '--on', value: on, limit: o.on, reason: 'beforeReceipt' });
      // Objections recorded before receipt was checked against publication: a resolution still cannot precede it.
      const firstPublished = loaded.state.records.get(o.id)?.publications[0]?.on;
      if (firstPublished !== undefined && on < firstPublished)
        throw new ToolError('DATE_OUT_OF_RANGE', { option: '--on', value: on, limit: firstPublished, reason: 'beforePublication' });
      // A 撤销 of a record already off the list removes nothing (state.ts apply): recorded, and said.
      const entry = outcome === 'revoked' ? loaded.state.records.get(o.id) : undefined;
      const then = entry ? statusOn(entry, on) : undefined;
      if (then && then.status !== 'active')
        notPublic = makeDiagnostic('OBJECTION_NOT_PUBLIC', {
          number: wanted,
          id: o.id,
          on,
          type: then.removal?.type ?? 'expired',
          removedOn: then.removal?.on ?? then.publishUntil,
          batch: then.removal?.batch ?? null,
        });
      const n = nOf(ctx, o);
      const due = deadlineNow(o, n, cal);
      const late = due.deadline !== null && isOverdue(on, due.deadline);
      // What it is warned about, said before the line is written: under --strict a warning refuses it, nothing written.
      if (late) ctx.collector.add(makeDiagnostic('OBJECTION_LATE', { number: wanted, deadline: due.deadline as string, resolvedOn: on }));
      if (notPublic) ctx.collector.add(notPublic);
      if (due.notCovered !== null) ctx.collector.add(deadlinePendingDiagnostic(wanted, due.notCovered, n));
      for (const d of textPersonalInfo(options.opinion, '--opinion', ctx.config.publication.maskRule)) ctx.collector.add(d);
      if (failsNow(ctx)) return { body: null, value: null };
      const body: EventBody = {
        type: 'objection-resolve',
        on,
        id: o.id,
        objection: wanted,
        outcome,
        reason: options.opinion.trim(),
        late,
        deadline: due.deadline,
      };
      return { body, value: null };
    },
    { ...lockOf(options), io: ctx.io },
  );
  if (value) ctx.collector.add(value);
  if (!event) return { report: makeReport(ctx, 'objection resolve', 0, 0), outcome: 'refused', objection: null, head: null };
  const { state } = loadRegister(workspace, ctx.io);
  return {
    report: makeReport(ctx, 'objection resolve', 0, 1),
    outcome: 'recorded',
    objection: viewOf(ctx, state, state.objections.get(wanted) as ObjectionFact, cal),
    head: formatHead(event),
  };
}

// ---------------------------------------------------------------------------------------------
// objection letter

/** Everything the 异议处理意见书 says (identifiers in full: it goes to the city credit office). */
export interface LetterOptions extends WriterOptions {
  out?: string;
  /** SOURCE_DATE_EPOCH (seconds): the instant in the document's properties and zip entries. */
  epoch?: number;
  /** 发文字号 (`--number`); else config objections.letterNumber. */
  docNumber?: string;
  /** 核查情况 (`--finding`); else the standard sentence. */
  finding?: string;
}

/** The 发文字号 of config's pattern: {year} and {n} from O2026-007 (2026, 7). */
export function letterNumberFor(pattern: string, objection: string): string {
  const m = /^O(\d{4})-0*(\d+)$/.exec(objection);
  return pattern.replace(/\{year\}/g, m?.[1] ?? '').replace(/\{n\}/g, m?.[2] ?? objection);
}

export function letterData(
  ctx: Context,
  state: RegisterState,
  number: string,
  wording: { docNumber?: string; finding?: string } = {},
): LetterData | undefined {
  const o = state.objections.get(number);
  if (!o) return undefined;
  // The record as it stood when the objection was decided (objections.md: the letter answers that decision): a
  // later publication of it (the correction it asked for, batch 2026Q4) does not change a letter dated before it.
  const s = (recordBefore(state, o.id, o.resolvedSeq ?? o.seq) ?? recordOf(state, o.id)) as RecordStatus;
  const n = nOf(ctx, o);
  // The letter's reader is the addressee (privacy.md): the gate gives them the text as recorded.
  const text = (t: string): string => showText(t, ADDRESSEE);
  return {
    bureau: ctx.config.bureau.name,
    number: o.objection,
    docNumber: wording.docNumber?.trim() || letterNumberFor(ctx.config.objections.letterNumber, o.objection),
    finding: wording.finding?.trim() || null,
    from: text(o.from),
    channel: o.channel,
    received: o.on,
    deadline: deadlineNow(o, n, workspaceCalendar(ctx)).deadline,
    workingDays: n,
    providerCheck: o.providerCheck,
    summary: text(o.summary),
    record: wholeRecord(s.record),
    batch: s.batch,
    publishedOn: s.publishedOn,
    outcome: o.outcome && o.outcome in OUTCOME_ZH ? OUTCOME_ZH[o.outcome as OutcomeKey] : null,
    opinion: o.opinion === null ? null : text(o.opinion),
    handler: o.resolvedBy ?? o.by,
    date: o.resolvedOn,
    late: o.late,
  };
}

export async function objectionLetter(
  number: string,
  options: LetterOptions,
): Promise<{ report: Report; path: string | null; shown: string | null; bytes: number }> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const wanted = number.trim().toUpperCase();
  const { state } = loadRegister(workspace, ctx.io);
  const data = letterData(ctx, state, wanted, {
    ...(options.docNumber !== undefined ? { docNumber: options.docNumber } : {}),
    ...(options.finding !== undefined ? { finding: options.finding } : {}),
  });
  if (!data) {
    ctx.collector.add(makeDiagnostic('OBJECTION_NOT_FOUND', { number: wanted }));
    return { report: makeReport(ctx, 'objection letter', 0, 0), path: null, shown: null, bytes: 0 };
  }
  // The letter states a resolution (outcome, handler, opinion): none for an open objection (docs/decisions.md).
  if (data.outcome === null || data.date === null) {
    ctx.collector.add(makeDiagnostic('OBJECTION_OPEN', { number: wanted, received: data.received, deadline: data.deadline }));
    return { report: makeReport(ctx, 'objection letter', 0, 0), path: null, shown: null, bytes: 0 };
  }
  const shown = options.out ?? `objections/${wanted}-异议处理意见书.docx`;
  const path = options.out !== undefined ? resolvePath(ctx.cwd, options.out) : join(workspace, shown);
  // The letter's own date fixes its timestamps unless SOURCE_DATE_EPOCH says otherwise: the same objection, the same bytes.
  const instant = options.epoch !== undefined ? new Date(options.epoch * 1000) : new Date(`${data.date ?? data.received}T00:00:00Z`);
  const { letterBuffer, writeLetter } = await import('../../io/documents/objection-letter.js');
  const buf = await letterBuffer(data, instant);
  try {
    writeLetter(path, buf, ctx.io);
  } catch (err) {
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'write', path: shown });
  }
  return { report: makeReport(ctx, 'objection letter', 1, 1), path, shown, bytes: buf.length };
}
