/**
 * The register's commands (register.md): publish, register verify / repair / list / show, and diff.
 * They return data; src/cli/commands/register.ts renders it.
 */
import { echoQuery } from '../../domain/query-echo.js';
import { join, resolve } from 'node:path';
import { isIsoDate, type IsoDate } from '../../domain/dates.js';
import { formatBatch, parseBatch, quarterEnd } from '../../domain/quarter.js';
import { normaliseCreditCode } from '../../domain/credit-code.js';
import { normaliseIdNumber, typedIdNumber } from '../../domain/id-number.js';
import { subjectKeyOf } from '../../domain/identity.js';
import { maskIdentifier, type MaskRule } from '../../domain/mask.js';
import { publicReader, showInternal, showText, type Reader } from '../../domain/privacy.js';
import { foldKey } from '../../domain/text.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { contentHashes } from '../../register/content.js';
import { readPackageFile } from '../../io/package/package-file.js';
import type { IoPort } from '../../io/port.js';
import { HeldStatuses } from './held-statuses.js';
import { replacedPairs } from './replaced-pairs.js';
import type { SheetRows } from '../../io/xlsx/xlsx-writer.js';
import type { AnyRecordsFile } from '../../schemas/documents/records.js';
import { pathExists } from '../../io/workspace/workspace.js';
import {
  appendEvent,
  EVENTS_DISPLAY,
  loadRegister,
  readLog,
  registerExists,
  repairRegister,
  type Loaded,
  type RepairOutcome,
} from '../../io/register/register-store.js';
import { resolveAuthor, beijingInstant } from '../../io/register/who.js';
import { eventBySeq, formatHead, HEAD_MIN_DIGITS, parseHead, reachesHead, type ChainBreak, type Head } from '../../register/chain.js';
import type { CorrectedEntry, EventBody, RegisterEvent, RegisterRecord, RemovalEntry, StoredEvent } from '../../register/events.js';
import type { RecordSummary, StoredRecord } from '../../register/stored.js';
import { LazyRecords, type StreamPart } from '../../register/lazy-state.js';
import { eachEntry, streamRows } from '../../register/each-entry.js';
import { shareForList } from '../../register/checkpoint.js';
import type { PartsShare } from '../../register/checkpoint-parts.js';
import { IdNumbers } from '../../register/id-numbers.js';
import {
  apply,
  candidateEntries,
  cloneState,
  eventsTouching,
  replay,
  statusOn,
  type RecordEntry,
  type RecordStatus,
  type RegisterState,
  type RowFilter,
} from '../../register/state.js';
import { makeContext, type CommonOptions, type Context } from '../context.js';
import type {
  DiffCountsDoc,
  DiffDocument,
  ListedRecordDoc,
  PublishOutcome,
  RegisterVerifyResult,
  ShownEventDoc,
  ShownRecordDoc,
  ShownRevisionDoc,
} from '../../schemas/documents/commands-register.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { parseBatchArg, requireWorkspace } from '../quarter/quarter.js';
import { failsNow, makeReport, type Report } from '../../diagnostics/report.js';
import { textPersonalInfo } from './text-personal-info.js';

export interface WriterOptions extends CommonOptions {
  /** `--by`, else HRSS_CREDIT_USER (the CLI resolves both). */
  by?: string;
  /** The clock (the CLI passes HRSS_CREDIT_NOW when set, for reproducible logs). */
  now?: Date;
  /** How long to wait for another writer (default 3 s). */
  lockWaitMs?: number;
}

function dateOption(value: string | undefined, fallback: IsoDate): IsoDate {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new ToolError('DATE_INVALID', { value });
  return value;
}

/** A batch argument: 2026Q3, or a supplementary batch 2026Q3-2 (register.md "Batches"). */
function batchOf(ctx: Context, raw: string): string {
  return formatBatch(parseBatchArg(ctx, raw));
}

interface PackageContent {
  quarter: string;
  records: RegisterRecord[];
  removals: RemovalEntry[];
  unchanged: string[];
  corrected: CorrectedEntry[];
}

/**
 * records.json of a package, any version, through its one schema (schemas/documents/records.ts), imported
 * here: building it (and the record's) is ~0.02 s that register show, list and verify do without.
 */
/** PACKAGE_INVALID with the file, key and reason (io/package/package-problem.ts), loaded only on that path. */
async function packageProblem(err: unknown, shown: string, file: string, text?: string): Promise<ToolError> {
  return (await import('../../io/package/package-problem.js')).packageProblem(err, shown, file, text);
}

async function readPackage(dir: string, shown: string, bytes?: Buffer, io?: IoPort): Promise<PackageContent> {
  const { parseRecordsFile } = await import('../../schemas/documents/records.js');
  let data: unknown;
  const text = (bytes ?? readPackageFile(dir, 'records.json', io)).toString('utf8');
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw await packageProblem(err, shown, 'records.json', text);
  }
  try {
    const file = parseRecordsFile(data);
    return { quarter: file.quarter, records: file.records, removals: file.removals, unchanged: file.unchanged, corrected: file.corrected };
  } catch (err) {
    // The file, the key and the reason (the id that does not match its content), not the error's text alone.
    throw await packageProblem(err, shown, 'records.json', text);
  }
}

/** readPackage of a records.json verify has read through its schema already: its ids checked, the current version. */
async function currentPackage(shown: string, file: AnyRecordsFile): Promise<PackageContent> {
  const { currentRecordsFile } = await import('../../schemas/documents/records.js');
  try {
    const current = currentRecordsFile(file);
    return {
      quarter: current.quarter,
      records: current.records,
      removals: current.removals,
      unchanged: current.unchanged,
      corrected: current.corrected,
    };
  } catch (err) {
    throw await packageProblem(err, shown, 'records.json');
  }
}

// ---------------------------------------------------------------------------------------------
// publish

export interface PublishOptions extends WriterOptions {
  on?: string;
}

/** publish's result: its outcome as its one schema types it (schemas/documents/commands-register.ts), and the findings. */
export type PublishResult = PublishOutcome & { report: Report };

export async function publish(batchArg: string, options: PublishOptions): Promise<PublishResult> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const batch = batchOf(ctx, batchArg);
  const on = dateOption(options.on, ctx.today);
  // publish records a publication that happened (register.md): a day after today is likely a slip of the keyboard,
  // and the batch is missing from every view of today. Said, not refused: a script may record a known date ahead of
  // the machine's clock (docs/decisions.md "publish --on after today").
  if (on > ctx.today) ctx.collector.add(makeDiagnostic('PUBLISH_DATE_FUTURE', { batch, on, today: ctx.today }));
  const rel = `packages/${batch}`;
  const dir = join(workspace, 'packages', batch);
  if (!pathExists(join(dir, 'manifest.json'), ctx.io)) throw new ToolError('PACKAGE_NOT_FOUND', { path: rel });
  const base = { batch, on, records: 0, removals: 0 };

  // The package's verify, imported by publish alone: show, list and verify of the register do without it.
  const { verifyPackage } = await import('../quarter/verify.js');
  const verified = await verifyPackage(dir, ctx.cwd, ctx.io);
  const checked = verified.result;
  if (!checked.ok) {
    // The manifest itself (edited, invalid, counts that disagree) counts as changed too.
    const manifestBad = checked.manifestInvalid !== undefined || checked.manifest.ok === false || checked.inconsistent.length > 0;
    const files = [...(manifestBad ? ['manifest.json'] : []), ...checked.changed, ...checked.missing, ...checked.added];
    ctx.collector.add(
      makeDiagnostic(
        'REGISTER_PACKAGE_CHANGED',
        { batch, changed: files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : ''), count: files.length },
        { file: `${rel}/manifest.json` },
      ),
    );
    return { ...base, report: makeReport(ctx, 'publish', 1, 0, batch), outcome: 'refused' };
  }
  // What is recorded is what verify hashed: manifest.json and records.json as it read and checked them (its
  // schemas read both), not read again — a file changed since is not what is recorded.
  const packageHash = checked.manifest.sha256;
  const records = verified.records;
  if (!records) {
    ctx.collector.add(
      makeDiagnostic('REGISTER_PACKAGE_CHANGED', { batch, changed: 'records.json', count: 1 }, { file: `${rel}/manifest.json` }),
    );
    return { ...base, report: makeReport(ctx, 'publish', 1, 0, batch), outcome: 'refused' };
  }
  const content = records.file ? await currentPackage(rel, records.file) : await readPackage(dir, rel, records.bytes);
  // --strict: a warning counts as an error, and a writer that fails writes nothing — refused before the lock, the
  // register unchanged (docs/decisions.md "--strict and the register's writers").
  if (failsNow(ctx)) return { ...base, report: makeReport(ctx, 'publish', 1, 0, batch), outcome: 'refused' };
  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);

  const body: EventBody = {
    type: 'publish',
    batch,
    on,
    package: packageHash,
    records: content.records,
    removals: content.removals,
    unchanged: content.unchanged,
    contents: contentHashes(content.records),
    corrected: content.corrected,
  };
  const { event, value } = await appendEvent(
    workspace,
    author,
    (loaded: Loaded) => {
      const prior = loaded.state.batches.get(batch);
      if (!prior) {
        // A supplementary batch is published after the earlier batches of its quarter (REGISTER_BATCH_ORDER).
        const parsed = parseBatch(batch);
        for (let k = 1; parsed && k < parsed.n; k++) {
          const earlier = formatBatch({ quarter: parsed.quarter, n: k });
          if (!loaded.state.batches.has(earlier)) return { body: null, value: { order: earlier } as unknown };
        }
        return { body, value: undefined as unknown };
      }
      const earlier = eventBySeq(loaded.events, prior.seq) as RegisterEvent;
      return { body: null, value: { prior, earlier, head: loaded.head } as unknown };
    },
    { lock: { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) }, io: ctx.io },
  );
  // Who and where are what someone typed (--by, the PC's name): shown through the gate like any text.
  const shown = (t: string): string => showText(t, publicReader(ctx.config.publication.maskRule));
  const summary = (e: RegisterEvent, eventOn: IsoDate) => ({
    seq: e.seq,
    hash: e.hash,
    at: e.at,
    by: shown(e.by),
    host: shown(e.host),
    on: eventOn,
  });
  const counts = { records: content.records.length, removals: content.removals.length };
  if (event) {
    return {
      ...base,
      ...counts,
      report: makeReport(ctx, 'publish', 1, content.records.length, batch),
      outcome: 'published',
      event: summary(event, on),
      head: formatHead(event),
    };
  }
  const order = (value as { order?: string } | undefined)?.order;
  if (order !== undefined) {
    ctx.collector.add(makeDiagnostic('REGISTER_BATCH_ORDER', { batch, earlier: order }, { file: `${rel}/manifest.json` }));
    return { ...base, report: makeReport(ctx, 'publish', 1, 0, batch), outcome: 'refused' };
  }
  const { prior, earlier, head } = value as {
    prior: { seq: number; on: string; package: string | null };
    earlier: RegisterEvent;
    head: Head | null;
  };
  if (prior.package === packageHash) {
    return {
      ...base,
      ...counts,
      on: prior.on,
      report: makeReport(ctx, 'publish', 1, content.records.length, batch),
      outcome: 'unchanged',
      event: summary(earlier, prior.on),
      ...(head ? { head: formatHead(head) } : {}),
    };
  }
  ctx.collector.add(
    makeDiagnostic(
      'REGISTER_ALREADY_PUBLISHED',
      { batch, seq: prior.seq, publishedOn: prior.on, package: (prior.package ?? 'import').slice(0, 12) },
      { file: `${rel}/manifest.json` },
    ),
  );
  return { ...base, report: makeReport(ctx, 'publish', 1, 0, batch), outcome: 'refused', ...(head ? { head: formatHead(head) } : {}) };
}

// ---------------------------------------------------------------------------------------------
// register verify / repair

/** register verify's result, as its one schema types it (schemas/documents/commands-register.ts). */
export type { RegisterVerifyResult };

export function registerVerify(options: CommonOptions & { head?: string }): RegisterVerifyResult {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  let expected: { seq: number; hash: string } | undefined;
  if (options.head !== undefined) {
    const parsed = parseHead(options.head);
    if (parsed === 'short') throw new ToolError('REGISTER_HEAD_SHORT', { head: options.head.trim(), min: HEAD_MIN_DIGITS });
    if (!parsed) throw new ToolError('REGISTER_HEAD_INVALID', { head: options.head.trim(), min: HEAD_MIN_DIGITS });
    expected = parsed;
  }
  if (!registerExists(workspace, ctx.io)) throw new ToolError('PATH_NOT_FOUND', { path: EVENTS_DISPLAY });
  // Never through the checkpoint: verify reads and checks every line (and writes a fresh checkpoint, built as
  // the lines are read: only the chain is kept of the events).
  const read = readLog(workspace, { checkpoint: false, chainOnly: true, io: ctx.io });
  const r = read.result;
  const head = r.head ? formatHead(r.head) : null;
  let broken: ChainBreak | null = r.ok ? null : r.broken;
  if (!broken && expected && !reachesHead(r.events, expected))
    broken = { line: Math.min(expected.seq, r.events.length + 1), reason: 'head' };
  return { exists: read.exists, valid: broken === null, events: r.events.length, head, broken, expectedHead: options.head ?? null };
}

export async function registerRepair(options: WriterOptions): Promise<RepairOutcome> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const stamp = beijingInstant(ctx.now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);
  return repairRegister(workspace, stamp, author, {
    lock: { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) },
    io: ctx.io,
  });
}

/** `register note <text> [--id ID…]`: a clerk's remark in the history, about some records or none. */
export async function registerNote(
  text: string,
  ids: readonly string[],
  options: WriterOptions,
): Promise<{ report: Report; seq: number | null; hash: string | null; head: string | null; ids: string[] }> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  if (text.trim() === '') throw new ToolError('USAGE', { kind: 'emptyNote' });
  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);
  const wanted = ids.map((id) => id.trim().toLowerCase());
  // Stored as typed (the register is internal); an ID or phone number in it is reported, and masked wherever it is
  // shown — said before the line is written, so that under --strict nothing is (the note refused, seq and head null).
  for (const d of textPersonalInfo(text, 'note', ctx.config.publication.maskRule)) ctx.collector.add(d);
  if (failsNow(ctx)) return { report: makeReport(ctx, 'register note', 0, 0), seq: null, hash: null, head: null, ids: wanted };
  const { event } = await appendEvent(
    workspace,
    author,
    (loaded) => {
      const unknown = wanted.find((id) => !loaded.state.records.has(id));
      // Named as an echoed query is (part of an ID number typed there is masked: domain/query-echo.ts).
      if (unknown !== undefined)
        throw new ToolError('USAGE', { kind: 'unknownRecordId', name: '--id', value: echoQuery(unknown, ctx.config.publication.maskRule) });
      return { body: { type: 'note', text: text.trim(), ids: wanted }, value: undefined };
    },
    { lock: { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) }, io: ctx.io },
  );
  const e = event as RegisterEvent;
  return { report: makeReport(ctx, 'register note', 0, 1), seq: e.seq, hash: e.hash, head: formatHead(e), ids: wanted };
}

// ---------------------------------------------------------------------------------------------
// register list / show

/** A record as `register list`, `show` and `diff` print it: its one schema is schemas/documents/commands-register.ts. */
export type ListedRecord = ListedRecordDoc;

/** The subject key, masked unless --full: a natural person's 证件号码 by the mask rule; credit codes and names are public. */
function shownSubjectKey(record: RecordSummary, full: boolean, rule: MaskRule, gate: Reader = publicReader(rule)): string {
  const key = subjectKeyOf(record);
  if (full) return key.key;
  // A weak key (a name) or a credit code is public, but it is what someone typed: through the gate.
  if (key.weak || key.key === normaliseCreditCode(record.creditCode)) return showText(key.key, gate);
  return maskIdentifier(key.key, rule);
}

export function listedRecord(s: RecordStatus, full: boolean, rule: MaskRule, readers?: ListReaders): ListedRecord {
  const r = s.record;
  // Free text through the gate (privacy.md): a name or a 移出原因 may hold an ID or phone number.
  const reader = readers?.reader ?? publicReader(rule, full);
  return {
    id: s.id,
    listType: r.listType,
    domain: showText(r.domain, reader),
    department: showText(r.department, reader),
    subjectName: showText(r.subjectName, reader),
    subjectKey: shownSubjectKey(r, full, rule, readers?.key),
    batch: s.batch,
    publishedOn: s.publishedOn,
    publishUntil: s.publishUntil,
    status: s.status,
    removal: s.removal ? { ...s.removal, reason: showText(s.removal.reason, reader) } : null,
    objection: s.objection,
  };
}

/** A list's two readers, made once for all its records: the gate's (`--full` or not) and the subject key's. */
interface ListReaders {
  reader: Reader;
  key: Reader;
}

/**
 * What register list's JSON writer (reporters/listed-bytes.ts writeStatus) asks of a status: listedRecord itself, and
 * the parts of it that it makes as listedRecord does — the gate's reader, the subject key shown.
 */
export interface Lister {
  reader: Reader;
  listed(s: RecordStatus): ListedRecord;
  subjectKey(r: RecordSummary): string;
}

export function listerOf(full: boolean, rule: MaskRule): Lister {
  const readers: ListReaders = { reader: publicReader(rule, full), key: publicReader(rule) };
  return {
    reader: readers.reader,
    listed: (s) => listedRecord(s, full, rule, readers),
    subjectKey: (r) => shownSubjectKey(r, full, rule, readers.key),
  };
}

export interface ListOptions extends CommonOptions {
  status?: 'active' | 'expired' | 'removed' | 'all';
  on?: string;
  department?: string;
  list?: 'red' | 'black';
  expiringBefore?: string;
  find?: string;
  full?: boolean;
}

/** Whether a record answers a search: its name (contains), id (prefix), credit code or 证件号码 (whole). */
function matches(s: RecordStatus, text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  const r = s.record;
  if (/^[0-9a-f]{6,12}$/i.test(t) && s.id.startsWith(t.toLowerCase())) return true;
  const code = normaliseCreditCode(t);
  if (code !== '' && (code === normaliseCreditCode(r.creditCode) || code === normaliseIdNumber(r.idNumber))) return true;
  return foldKey(r.subjectName).includes(foldKey(t));
}

/** The bureau's ledger (台账) of `register list --xlsx`: one row per record, in Chinese whatever --lang says. */
const LEDGER_HEADERS = [
  '序号',
  '记录编号',
  '名单类型',
  '领域',
  '报送科室',
  '主体名称',
  '统一社会信用代码/证件号码',
  '认定文书号',
  '认定日期',
  '批次',
  '发布日期',
  '公示截止日期',
  '状态',
  '移出类型',
  // The day the removal took effect (its batch's publication: `removal.on`), not the package's 移出日期 (the removal's
  // own date, in its 移出名单): one name per fact (docs/decisions.md "Two dates of a removal, two names").
  '移出生效日期',
  '移出批次',
  '移出原因',
  '异议标注',
];
/**
 * zlib's level for the 台账 (docs/decisions.md "The 台账 deflated at level 2"): a province's is 475 MiB of XML, whose
 * deflate at the package's level 5 took as much CPU as making it; level 2 takes ~0.4 of it for a file ~18 % larger.
 */
export const LEDGER_DEFLATE_LEVEL = 2;
const LEDGER_STATUS = { active: '公示中', expired: '已到期', removed: '已移出' } as const;
const LEDGER_REMOVAL = { violation: '违法违规移出', early: '提前移出', revoked: '撤销', corrected: '更正', expired: '到期' } as const;

/**
 * The 台账 is a file: it leaves the screen, so it is written for the public audience whatever
 * `--full` says (privacy.md: "--full shows identifiers in the terminal only").
 */
async function writeLedger(
  path: string,
  statuses: HeldStatuses,
  rule: MaskRule,
  instant: Date,
  io: IoPort,
  threadEnv: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const { workbookTo } = await import('../../io/xlsx/xlsx-writer.js');
  const { ledgerPieces } = await import('../../io/xlsx/sheet-thread.js');
  const reader: Reader = publicReader(rule);
  const text = (v: string): string => showText(v, reader);
  // The gate's answer for a text of few spellings (a 领域, a 科室, a 移出原因) kept by the text: it is a function of
  // the text and the reader alone, and a province's 575,000 rows asked it again of the same ~40 texts.
  const kept = new Map<string, string>();
  const few = (v: string): string => {
    let shown = kept.get(v);
    if (shown === undefined) {
      shown = text(v);
      if (kept.size < 4096) kept.set(v, shown);
    }
    return shown;
  };
  // Made as the sheet is written: a province's 600,000 rows of 18 cells were ~220 MiB held at once.
  const row = (s: RecordStatus, i: number): (string | number)[] => {
    const r = s.record;
    return [
      // A number cell, as the leaders' workbooks' counts (Excel sorts and sums it; text it flagged).
      i + 1,
      s.id,
      r.listType === 'red' ? '红名单' : '黑名单',
      few(r.domain),
      few(r.department),
      text(r.subjectName),
      shownSubjectKey(r, false, rule),
      text(r.decisionNo),
      r.decisionDate,
      s.batch,
      s.publishedOn,
      s.publishUntil,
      LEDGER_STATUS[s.status],
      s.removal ? LEDGER_REMOVAL[s.removal.type] : '',
      s.removal?.on ?? '',
      s.removal?.batch ?? '',
      few(s.removal?.reason ?? ''),
      s.objection ? '是' : '',
    ];
  };
  const rows: SheetRows = {
    length: statuses.length,
    width: LEDGER_HEADERS.length,
    *[Symbol.iterator]() {
      for (let i = 0; i < statuses.length; i++) yield row(statuses.at(i), i);
    },
  };
  const sheet = {
    name: '台账',
    headers: LEDGER_HEADERS,
    widths: [6, 14, 8, 16, 18, 32, 22, 26, 12, 10, 12, 12, 8, 12, 12, 10, 20, 8],
    rows,
    // 记录编号, 主体名称, the subject's key and 认定文书号: a value per record, inline (docs/decisions.md "The 台账's
    // unique columns as inline strings"); the columns of few values stay shared.
    inline: [1, 5, 6, 7],
  };
  try {
    // Written as it is made, to a temporary name renamed once whole: the zip made whole first was ~180 MiB.
    // A province's on two cores: its rows' XML made and deflated as pieces on a second thread (sheet-thread.ts).
    const maker = ledgerPieces(statuses.length, threadEnv);
    const pieces = maker ? { pieces: maker } : {};
    await io.writeFileFrom(path, (out) => workbookTo([sheet], instant, 'hrss-credit', out, LEDGER_DEFLATE_LEVEL, pieces));
  } catch (err) {
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'write', path });
  }
}

/**
 * Writes the 台账, then gives the records listed as `register list` lists them, each made as it is read (the CLI
 * streams them twice, as the list without --xlsx: a province's 600,000 were ~200 MiB made at once, and its table
 * ~600 MiB more).
 */
export async function registerLedger(
  options: ListOptions & {
    xlsx: string;
    now?: Date;
    /** The command's environment (CliIo.env) for the second thread's switch, HRSS_CREDIT_LEDGER_THREAD; the api reads no env. */
    threadEnv?: Readonly<Record<string, string | undefined>>;
  },
): Promise<{ on: IsoDate; records: Iterable<ListedRecord>; ledger: string }> {
  const ctx = makeContext(options);
  const { on, statuses } = listStatuses(ctx, options);
  // Held at a few bytes each (held-statuses.ts): read by the 台账's rows, then by the records listed.
  const all = new HeldStatuses();
  for (const s of statuses()) all.push(s);
  const path = resolve(ctx.cwd, options.xlsx);
  const rule = ctx.config.publication.maskRule;
  await writeLedger(path, all, rule, ctx.now, ctx.io, options.threadEnv ?? {});
  const full = options.full ?? false;
  const records: Iterable<ListedRecord> = {
    *[Symbol.iterator]() {
      for (const s of all) yield listedRecord(s, full, rule);
    },
  };
  return { on, records, ledger: options.xlsx };
}

export function registerList(options: ListOptions): { on: IsoDate; records: ListedRecord[] } {
  const listed = registerListEach(options);
  return { on: listed.on, records: [...listed.records] };
}

/**
 * `register list` one record at a time (the CLI's JSON and table stream them): a province's list is 600,000
 * records, whose statuses and listed rows held at once would double the memory the register takes. `records`
 * may be iterated more than once, each time from the register as read.
 */
export function registerListEach(options: ListOptions): {
  on: IsoDate;
  records: Iterable<ListedRecord>;
  statuses: Iterable<RecordStatus>;
  lister: Lister;
  /** The rows the statuses can be cut into parts by (the checkpoint's), or undefined: streamed whole only. */
  rows: number | undefined;
  /** The statuses of a part (each-entry.ts, StreamPart): what `statuses` gives, a chunk of rows at a time. */
  statusesOf: (part: StreamPart) => Iterable<RecordStatus>;
  /** The day the list was made on (the context's today: a second thread's list is made on the same). */
  today: IsoDate;
  /** The checkpoint's parts the list reads, read now and shared with a second thread (checkpoint.ts shareForList). */
  shareParts: () => PartsShare | undefined;
} {
  const ctx = makeContext(options);
  const { on, statuses, rows, state } = listStatuses(ctx, options);
  const lister = listerOf(options.full ?? false, ctx.config.publication.maskRule);
  function* listed(): Generator<ListedRecord> {
    for (const s of statuses()) yield lister.listed(s);
  }
  // Each iteration streams the register again (the terminal's table: its widths, then its lines). `statuses`, with
  // `lister`: the same records before listedRecord, for a writer that makes their bytes from the statuses.
  return {
    on,
    records: { [Symbol.iterator]: listed },
    statuses: { [Symbol.iterator]: () => statuses() },
    lister,
    rows,
    statusesOf: (part) => ({ [Symbol.iterator]: () => statuses(part) }),
    today: ctx.today,
    shareParts: () => (state.records instanceof LazyRecords && !state.records.built ? shareForList(state.records.checkpoint) : undefined),
  };
}

function listStatuses(
  ctx: Context,
  options: ListOptions,
): { on: IsoDate; statuses: (part?: StreamPart) => Generator<RecordStatus>; rows: number | undefined; state: RegisterState } {
  const workspace = requireWorkspace(ctx);
  const on = dateOption(options.on, ctx.today);
  const before = options.expiringBefore === undefined ? undefined : dateOption(options.expiringBefore, ctx.today);
  const wanted = options.status ?? 'active';
  const department =
    options.department === undefined ? undefined : (ctx.matrix.resolveDepartment(options.department)?.name ?? options.department);
  const { state } = loadRegister(workspace, ctx.io);
  function* statuses(part?: StreamPart): Generator<RecordStatus> {
    // One entry at a time: read through a checkpoint, a province's million are never all made (each-entry.ts).
    // Entries surely not listed are not made (a province's removed records, by default; its active ones for
    // --status removed): their status that day, 科室, list and 公示截止日期 are told from the checkpoint's rows.
    const only = { on, status: wanted, department, list: options.list, expiringBefore: before };
    for (const entry of eachEntry(state, only, part)) {
      const s = statusOn(entry, on);
      if (!s) continue;
      if (wanted !== 'all' && s.status !== wanted) continue;
      if (department !== undefined && s.record.department !== department) continue;
      if (options.list !== undefined && s.record.listType !== options.list) continue;
      if (before !== undefined && !(s.publishUntil < before)) continue;
      if (options.find !== undefined && !matches(s, options.find)) continue;
      yield s;
    }
  }
  return { on, statuses, rows: streamRows(state), state };
}

/** An event under a record (register show), as its schema types it. */
export type ShownEvent = ShownEventDoc;

function effectOn(e: RegisterEvent, id: string): string {
  switch (e.type) {
    case 'publish': {
      const removal = e.removals.find((r) => r.id === id);
      if (removal) return `removed:${removal.type}`;
      // A correction under the record's own 认定文书号: its next revision (truth.md).
      const revision = e.corrected?.find((c) => c.id === id)?.revision ?? 1;
      if (e.records.some((r) => r.id === id)) return revision > 1 ? `corrected:${revision}` : 'published';
      return 'unchanged';
    }
    case 'import':
      return 'imported';
    case 'note':
      return 'note';
    case 'objection-add':
      return 'objected';
    case 'objection-resolve':
      return `resolved:${e.outcome}`;
    case 'repair':
      return 'repair';
  }
}

/** One revision of a record (register show), as its schema types it. */
export type ShownRevision = ShownRevisionDoc;

/** A record as `register show` gives it: as listed, with the revision public and every revision (truth.md), and its events. */
export type ShownRecord = ShownRecordDoc;

export function registerShow(
  query: string,
  options: CommonOptions & { full?: boolean; on?: string },
): { query: string; records: ShownRecord[] } {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const on = dateOption(options.on, ctx.today);
  const { state, events } = loadRegister(workspace, ctx.io);
  const q = query.trim();
  const rule = ctx.config.publication.maskRule;
  const out: ShownRecord[] = [];
  // The query's forms, once (a city's register is 10⁵ records to test).
  const lower = q.toLowerCase();
  const prefix = /^[0-9a-f]{6,11}$/i.test(q);
  const code = normaliseCreditCode(q);
  // An ID number typed in groups (410702-19850312-0156) is the number, as in a list (domain/id-number.ts).
  const idNumber = typedIdNumber(q);
  const folded = foldKey(q);
  const hits = (r: RecordSummary): boolean =>
    r.id === lower ||
    (prefix && r.id.startsWith(lower)) ||
    (code !== '' && code === normaliseCreditCode(r.creditCode)) ||
    (idNumber !== '' && idNumber === normaliseIdNumber(r.idNumber)) ||
    folded === foldKey(r.subjectName);
  // Read through a checkpoint, only the entries of records that answer are made (register/lazy-state.ts), and
  // only the rows whose id or keys' hashes answer are tested (register/key-columns.ts).
  const rows: RowFilter = {
    ids: [lower],
    ...(prefix ? { idPrefix: lower } : {}),
    ...(code !== '' ? { creditCode: [code] } : {}),
    ...(idNumber !== '' ? { idNumber: [idNumber] } : {}),
    name: [folded],
  };
  for (const entry of candidateEntries(state, hits, { rows })) {
    // The record shown is one of its publications: none that answers the query, no status to compute.
    if (!entry.publications.some(hits)) continue;
    // Shown as of the day asked; a record published later than that is shown as first published.
    const s = statusOn(entry, on) ?? statusOn(entry, '9999-12-31');
    if (!s || !hits(s.record)) continue;
    const reader = publicReader(rule, options.full ?? false);
    const shown = eventsTouching(events, entry).map((seq): ShownEvent => {
      const e = eventBySeq(events, seq) as RegisterEvent;
      return {
        seq: e.seq,
        type: e.type,
        at: e.at,
        by: showText(e.by, reader),
        host: showText(e.host, reader),
        ...('batch' in e ? { batch: e.batch } : {}),
        ...('on' in e ? { on: e.on } : {}),
        effect: effectOn(e, entry.id),
        // A note is internal: shown to the clerk on the terminal, through the gate; never published.
        ...(e.type === 'note' ? { text: showInternal(e.text, reader) ?? '' } : {}),
      };
    });
    const revisions = entry.publications.map((p): ShownRevision => {
      const e = eventBySeq(events, p.seq);
      const changed = e?.type === 'publish' ? (e.corrected?.find((c) => c.id === entry.id)?.changed ?? []) : [];
      return { revision: p.revision, batch: p.batch, publishedOn: p.on, changed: p.revision > 1 ? changed : [] };
    });
    out.push({ ...listedRecord(s, options.full ?? false, rule), revision: s.revision, revisions, events: shown });
  }
  // The query is echoed back (JSON, "not found"): an ID number in it, or part of one, is masked (privacy.md);
  // a record's own id that found it is no ID number, echoed as typed.
  const byId = out.find((r) => r.id === lower)?.id;
  return { query: echoQuery(q, rule, byId), records: out };
}

// ---------------------------------------------------------------------------------------------
// diff

export type DiffRecord = ListedRecord;
export type DiffCounts = DiffCountsDoc;
/** What `diff` finds: the diff document of schemas/documents/commands-register.ts without its version and command. */
export type DiffResult = Omit<DiffDocument, 'schemaVersion' | 'command'>;

interface Side {
  label: string;
  state: RegisterState;
  on: IsoDate;
  /** The records this side's batch sent (published or resubmitted unchanged). */
  sent: Set<string>;
  /** Of those, the ones it resubmitted unchanged (already public when it was made: records.json `unchanged`). */
  unchanged: ReadonlySet<string>;
  /** Corrections under a new 认定文书号 this side's batch published: the new record's id → the id it replaces. */
  replaces: Map<string, string>;
  /** A package's side: the publish it would be, applied to `state` (the loaded state, or a copy: diffEach). */
  pending?: RegisterEvent;
}

/**
 * One side of a diff: a published batch is the register as it stood once that batch was published;
 * a package folder (or an unpublished batch with a package) is the whole register with that package
 * published on top of it today, as publish would record it.
 */
async function sideOf(
  ctx: Context,
  arg: string,
  loaded: { events: readonly StoredEvent[]; state: RegisterState },
  today: IsoDate,
): Promise<Side> {
  const asPath = resolve(ctx.cwd, arg);
  let dir: string | undefined;
  let batch: string | undefined;
  const inWorkspace = ctx.workspace ? resolve(ctx.workspace, arg) : asPath;
  if (pathExists(join(asPath, 'records.json'), ctx.io)) dir = asPath;
  else if (pathExists(join(inWorkspace, 'records.json'), ctx.io)) dir = inWorkspace;
  else {
    batch = batchOf(ctx, arg);
    const published = loaded.state.batches.get(batch);
    if (published) {
      const upto = loaded.events.slice(0, published.seq);
      const e = upto[upto.length - 1] as StoredEvent;
      const sent = new Set<string>();
      if (e.type === 'publish' || e.type === 'import') for (const r of e.records) sent.add(r.id);
      if (e.type === 'publish') for (const id of e.unchanged) sent.add(id);
      // The register as it stood then: the whole state read on that day is the same when no later event
      // took effect on or before it (statuses count what had taken effect by the day); else replay up to it. A
      // later `import` is history recorded out of order (its lists were public then, as register list --on says):
      // kept on that side too, else diff would list its records as added by the later batch.
      const after = loaded.events.slice(published.seq);
      const later = after.some((x) => x.type !== 'import' && 'on' in x && x.on <= published.on);
      const state = later ? replay([...upto, ...after.filter((x) => x.type === 'import')]) : loaded.state;
      const replaces =
        e.type === 'publish' ? replacedPairs(e.corrected, e.removals, (id) => latestRecord(state, id)) : new Map<string, string>();
      const unchanged = new Set(e.type === 'publish' ? e.unchanged : []);
      return { label: batch, state, on: published.on, sent, unchanged, replaces };
    }
    const pkg = ctx.workspace ? join(ctx.workspace, 'packages', batch) : undefined;
    if (pkg && pathExists(join(pkg, 'records.json'), ctx.io)) dir = pkg;
  }
  // A batch the register has not published and the workspace has not compiled: the message says where it was looked for.
  if (!dir) throw new ToolError('PACKAGE_NOT_FOUND', batch === undefined ? { path: arg } : { path: arg, batch, use: 'diff' });
  const content = await readPackage(dir, arg, undefined, ctx.io);
  const state = loaded.state;
  const last = loaded.events[loaded.events.length - 1];
  const on = last && 'on' in last && last.on > today ? last.on : today;
  const hypothetical = {
    type: 'publish',
    batch: batch ?? content.quarter,
    on,
    package: '',
    records: content.records,
    removals: content.removals,
    unchanged: content.unchanged,
    contents: contentHashes(content.records),
    corrected: content.corrected,
    seq: state.seq + 1,
    at: '',
    by: '',
    host: '',
    prev: state.head,
    hash: '',
  } as RegisterEvent;
  return {
    label: batch ?? content.quarter,
    state,
    on,
    sent: new Set([...content.records.map((r) => r.id), ...content.unchanged]),
    unchanged: new Set(content.unchanged),
    replaces: new Map(),
    pending: hypothetical,
  };
}

/**
 * A package's side made: its publish applied to the loaded state itself when the other side reads that state on an
 * earlier day (a publish dated after that day changes nothing it reads: statusOn counts what took effect by then),
 * so that both sides are one state (diffItems reads each entry once); else to a copy, as before.
 */
function settle(side: Side, other: Side, loaded: { state: RegisterState }, corrected: Parameters<typeof replacedPairs>[0]): void {
  const pending = side.pending as RegisterEvent & { type: 'publish' };
  const shared = other.pending === undefined && other.state === loaded.state && pending.on > other.on;
  const state = shared ? loaded.state : cloneState(loaded.state);
  apply(state, pending);
  side.state = state;
  side.replaces = replacedPairs(corrected, pending.removals, (id) => latestRecord(state, id));
}

function latestRecord(state: RegisterState, id: string): RecordSummary | undefined {
  const e = state.records.get(id);
  return e?.publications[e.publications.length - 1]?.record;
}

export async function diff(a: string, b: string, options: CommonOptions & { full?: boolean }): Promise<DiffResult> {
  const run = await diffEach(a, b, options);
  const result: DiffResult = { from: run.from, to: run.to, added: [], removed: [], corrected: [], unchanged: [], counts: run.counts };
  for (const item of run.items) {
    if (item[0] === 'corrected') result.corrected.push(item[1]);
    else result[item[0]].push(item[1]);
  }
  return result;
}

/** A record `diff` found, with the section of the document it goes in. */
export type DiffItem = ['added' | 'removed' | 'unchanged', DiffRecord] | ['corrected', DiffResult['corrected'][number]];

/**
 * A record `diff` found as its status, with its section and, for a correction under a new 认定文书号, the id it
 * replaces: the DiffItem is `listed` of it (`diffEach`'s lister). The CLI's JSON writes it from the status and the
 * checkpoint's columns (reporters/listed-bytes.ts writeStatus), with no listed record made.
 */
export type DiffStatusItem = readonly ['added' | 'removed' | 'corrected' | 'unchanged', RecordStatus, string | undefined];

/**
 * `diff` one record at a time (the CLI's JSON streams them): `items` gives each record found with its section,
 * in the order of the register's entries, and fills `counts` as it goes (complete once `items` is done). A
 * province's diff is ~42,000 records: held as objects until the end they were most of its heap. `statuses` gives
 * the same records as their statuses (`items` is `lister.listed` of each): one of the two is read, once.
 */
export async function diffEach(
  a: string,
  b: string,
  options: CommonOptions & { full?: boolean },
): Promise<{
  from: string;
  to: string;
  items: Iterable<DiffItem>;
  statuses: Iterable<DiffStatusItem>;
  lister: Lister;
  counts: DiffResult['counts'];
}> {
  const ctx = makeContext(options);
  const loaded =
    ctx.workspace && registerExists(ctx.workspace, ctx.io) ? loadRegister(ctx.workspace, ctx.io) : { events: [], state: replay([]) };
  const from = await sideOf(ctx, a, loaded, ctx.today);
  const to = await sideOf(ctx, b, loaded, ctx.today);
  // diff says how the public list changed from a to b: a published after b is the two the wrong way round. Its
  // mirror would call the later batch's additions "removed" with no removal type (register.md); refused, naming the
  // order to write (docs/decisions.md "diff of two batches the wrong way round").
  // Published the same day: the quarters' order (2025Q4 before 2026Q1, whichever was imported first), then the log's.
  const rank = (s: Side): number => (s.pending ? Number.POSITIVE_INFINITY : (loaded.state.batches.get(s.label)?.seq ?? 0));
  const sameDayLater = (): boolean =>
    !from.pending && !to.pending && from.label !== to.label ? from.label > to.label : rank(from) > rank(to);
  if (from.on > to.on || (from.on === to.on && sameDayLater())) {
    throw new ToolError('DIFF_ORDER_REVERSED', { from: from.label, to: to.label, fromOn: from.pending ? 'package' : from.on, toOn: to.on });
  }
  // A package's side last, after the other side has read the loaded state (replacedPairs of a published side).
  if (from.pending) settle(from, to, loaded, (from.pending as RegisterEvent & { type: 'publish' }).corrected);
  if (to.pending) settle(to, from, loaded, (to.pending as RegisterEvent & { type: 'publish' }).corrected);
  // Keyed by names from the files: null-prototype maps (a department called __proto__ is just a name).
  const counts = {
    byDepartment: Object.create(null) as Record<string, DiffCounts>,
    byDomain: Object.create(null) as Record<string, DiffCounts>,
  };
  const matrix = ctx.matrix;
  const rule = ctx.config.publication.maskRule;
  const lister = listerOf(options.full ?? false, rule);
  function* statuses(): Generator<DiffStatusItem> {
    yield* diffItems(loaded, from, to, counts);
    // The counts in the matrix's order (the order status, compile and the report use), not the log's: the same
    // two batches give the same JSON whichever record the log met first. Names outside the matrix come last, by name.
    const ordered = <T>(map: Record<string, T>, rank: (name: string) => number): Record<string, T> =>
      Object.assign(
        Object.create(null) as Record<string, T>,
        Object.fromEntries(Object.entries(map).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))),
      );
    counts.byDepartment = ordered(counts.byDepartment, (n) => matrix.departmentRank(n));
    counts.byDomain = ordered(counts.byDomain, (n) => matrix.domainRank(n));
  }
  const found = statuses();
  function* items(): Generator<DiffItem> {
    for (const [key, s, replaces] of found) {
      if (replaces !== undefined) yield ['corrected', { ...lister.listed(s), replaces }];
      else yield [key, lister.listed(s)];
    }
  }
  return { from: from.label, to: to.label, items: items(), statuses: found, lister, counts };
}

/** Whether every batch published between two published sides' days is one of the two (quarters next to each other). */
function nextTo(from: Side, to: Side, events: readonly StoredEvent[]): boolean {
  const lo = from.on < to.on ? from.on : to.on;
  const hi = from.on < to.on ? to.on : from.on;
  return events.every(
    (e) => (e.type !== 'publish' && e.type !== 'import') || e.on <= lo || e.on > hi || e.batch === from.label || e.batch === to.label,
  );
}

/**
 * Of one state read on two days, the entries whose part in a diff can be anything but nothing (a superset, in the
 * map's order; each is still read on both days): those published between the two days, those whose 公示截止日期
 * falls between them (expired on the later day only), those a batch published between them removes (a removal
 * takes effect the day its batch is published), those `sent` names, and those an objection names (candidateEntries
 * gives them whatever the test: a 撤销 takes effect the day it is resolved). Any other entry has the same status and
 * revision on both days. A province's diff of two quarters makes the ~42,000 entries it lists of its million.
 */
function mayDiffer(
  state: RegisterState,
  a: IsoDate,
  b: IsoDate,
  events: readonly StoredEvent[],
  sent: ReadonlySet<string>,
  fromEnd: IsoDate | undefined,
): Iterable<RecordEntry> {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  const named = new Set(sent);
  if (lo < hi) for (const e of events) if (e.type === 'publish' && e.on > lo && e.on <= hi) for (const r of e.removals) named.add(r.id);
  // An expiry after the earlier batch's quarter end and before its day leaves the list with the later batch
  // (ExpiryBatches), whether or not that batch's event names it: its 公示截止日期 from the quarter's end is a candidate.
  const since = fromEnd !== undefined && fromEnd < lo ? fromEnd : lo;
  // A record of the earlier batch itself (published on its day) past its 公示截止日期 before the later day: no batch
  // before the later one lists that expiry (its own does not: "the first batch published after the record").
  const byDate = (r: StoredRecord): boolean =>
    (r.on > lo && r.on <= hi) || (r.publishUntil >= since && r.publishUntil < hi) || (r.on === lo && r.publishUntil < hi);
  const records = state.records;
  if (!(records instanceof LazyRecords) || records.built) return candidateEntries(state, (r) => byDate(r) || named.has(r.id));
  // The named ids by their first row, not by the id of each of the checkpoint's rows (a million ids decoded to test
  // ~50,000): merged with the rows the dates answer, in the map's order. An id published after the checkpoint is a
  // candidate whatever the test (candidateEntries), after the checkpoint's.
  const chosen = new Set<string>();
  const first: [number, RecordEntry][] = [];
  const after: RecordEntry[] = [];
  for (const e of candidateEntries(state, byDate)) {
    chosen.add(e.id);
    const row = records.rowOf(e.id);
    if (row >= 0) first.push([row, e]);
    else after.push(e);
  }
  for (const id of named) {
    if (chosen.has(id)) continue;
    const row = records.rowOf(id);
    const e = row >= 0 ? records.get(id) : undefined;
    if (e) first.push([row, e]);
  }
  first.sort((x, y) => x[0] - y[0]);
  return [...first.map(([, e]) => e), ...after];
}

/**
 * Whether a record is on the list on a side of a diff (docs/decisions.md "An expiry belongs to the batch that lists
 * it"). register.md: a removal takes effect on its batch's publication; an expiry is one of a package's removals (移出名单,
 * 到期), listed by the first batch published after the record's publication whose quarter ends on or after its
 * 公示截止日期. So a record past that date is on the list until that batch is published — whether its event lists the
 * expiry (ours does) or not (another tool's may not) — and diff names the expiry with the batch whose package lists it,
 * as compile, status, supervise and the report count it; not with the first batch published after the date (a period
 * ending between a quarter's end and its batch's day; a batch skipped). register list keeps the status that day.
 */
class ExpiryBatches {
  private readonly pubs: { seq: number; on: IsoDate; end: IsoDate }[] = [];

  constructor(events: readonly StoredEvent[]) {
    for (const e of events) {
      const b = e.type === 'publish' ? parseBatch(e.batch) : undefined;
      if (b && e.type === 'publish') this.pubs.push({ seq: e.seq, on: e.on, end: quarterEnd(b.quarter) });
    }
  }

  /** Of a record statusOn gave on `date`, whether it is on the list that day. */
  onList(e: RecordEntry, s: RecordStatus, date: IsoDate): boolean {
    if (s.status === 'active') return true;
    if (s.status !== 'expired' || s.removal !== null) return false;
    const pub = e.publications.findLast((p) => p.on <= date);
    if (!pub) return false;
    for (const p of this.pubs) if (p.seq > pub.seq && p.end >= s.publishUntil) return p.on > date;
    return true;
  }

  /** The last day of the quarter of a batch (undefined: not a batch's label): diff's candidates (mayDiffer). */
  static endOf(label: string): IsoDate | undefined {
    const b = parseBatch(label);
    return b ? quarterEnd(b.quarter) : undefined;
  }
}

function* diffItems(
  loaded: { events: readonly StoredEvent[]; state: RegisterState },
  from: Side,
  to: Side,
  counts: DiffResult['counts'],
): Generator<DiffStatusItem> {
  const count = (s: RecordStatus, key: keyof DiffCounts): void => {
    for (const [map, name] of [
      [counts.byDepartment, s.record.department],
      [counts.byDomain, s.record.domain],
    ] as const) {
      const c = map[name] ?? (map[name] = { added: 0, removed: 0, corrected: 0, unchanged: 0 });
      c[key]++;
    }
  };
  // Both sides the same state (two published batches, nothing later taking effect before the second): each
  // entry is made once and read on both days — a province's million entries, made twice before. Else the ids
  // active on the first side (a province's: 600,000; their statuses are not kept), with their revision: by the
  // checkpoint's rows, not a map of 600,000 strings (id-numbers.ts).
  const one = from.state === to.state;
  // A package's publish, applied to the state (settle), is one of its events.
  const pending = from.pending ?? to.pending;
  const events = pending ? [...loaded.events, pending as StoredEvent] : loaded.events;
  const expiries = new ExpiryBatches(events);
  const before = one ? undefined : new IdNumbers(loaded.state);
  if (before) {
    for (const e of eachEntry(from.state)) {
      const s = statusOn(e, from.on);
      if (s && expiries.onList(e, s, from.on)) before.set(e.id, s.revision);
    }
  }
  /** The revision on the list on the first side, or undefined: of an entry of that side's state, when `one`. */
  const wasActive = (id: string, e: RecordEntry | undefined): number | undefined => {
    if (before) return before.get(id);
    const s = e ? statusOn(e, from.on) : undefined;
    return s && e && expiries.onList(e, s, from.on) ? s.revision : undefined;
  };
  // A correction under a new 认定文书号 is one change, named by the record published (as records.json
  // `corrected` and 更正名单 name it), with the id it replaces: never also the old one, nor an addition.
  const replacedBy = new Map(
    [...to.replaces]
      .filter(([, old]) => wasActive(old, one ? from.state.records.get(old) : undefined) !== undefined)
      .map(([now, old]) => [old, now]),
  );
  const replacing = new Map([...replacedBy].map(([old, now]) => [now, old]));
  // Of two batches next to each other, only the entries that can differ (a province's quarter: ~42,000 of 10⁶); over
  // batches between them every entry, streamed: a candidate is kept until the end (2020Q1 with 2026Q2: 700,000).
  const few = one && nextTo(from, to, events);
  // Over many batches, an entry surely active on neither day (told from the checkpoint's rows, as register list tells
  // it) is not made: it adds, removes, corrects and resends nothing (2020Q1 with 2026Q2: ~300,000 of a million).
  const entries = few
    ? mayDiffer(to.state, from.on, to.on, events, to.sent, ExpiryBatches.endOf(from.label))
    : eachEntry(to.state, one ? { on: to.on, orOn: from.on, status: 'listed' } : undefined);
  for (const e of entries) {
    const s = statusOn(e, to.on);
    if (!s) continue;
    const revision = wasActive(s.id, e);
    const was = revision !== undefined;
    const on = expiries.onList(e, s, to.on);
    if (on && replacing.has(s.id) && !was) {
      count(s, 'corrected');
      yield ['corrected', s, replacing.get(s.id) as string];
    } else if (!on && was && s.removal?.type === 'corrected' && replacedBy.has(s.id)) {
      // Listed under the record that replaces it.
    } else if (on) {
      if (!was) {
        count(s, 'added');
        yield ['added', s, undefined];
      } else if (s.revision > revision) {
        // Corrected under its own 认定文书号: the same record at a later revision, listed as corrected only.
        count(s, 'corrected');
        yield ['corrected', s, undefined];
      } else if (to.sent.has(s.id)) {
        // Resubmitted unchanged (records.json `unchanged`: already public when the batch was made); else published
        // again after it lapsed between the two days, which the package counts 红/黑 like any publication: added,
        // as it counts it (truth.md: `unchanged` is "already public"; one figure, every view).
        const key = to.unchanged.has(s.id) ? 'unchanged' : 'added';
        count(s, key);
        yield [key, s, undefined];
      }
    } else if (was) {
      const removal = s.removal ?? { type: 'expired' as const, on: s.publishUntil, batch: null, reason: '' };
      const item: RecordStatus = s.removal ? s : { ...s, removal };
      if (removal.type === 'corrected') {
        count(s, 'corrected');
        yield ['corrected', item, undefined];
      } else {
        count(s, 'removed');
        yield ['removed', item, undefined];
      }
    }
  }
}

export type { RepairOutcome, Head };
