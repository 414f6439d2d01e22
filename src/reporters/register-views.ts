/**
 * The terminal layouts of the register's documents (register.md; reporters/registry.ts): publish,
 * register import|note|verify|repair|list|show and diff. Each draws the document its --format json
 * prints.
 */
import type {
  DiffDocument,
  ListedRecordDoc,
  PublishDocument,
  RegisterImportDocument,
  RegisterListDocument,
  RegisterNoteDocument,
  RegisterRepairDocument,
  RegisterShowDocument,
  RegisterVerifyDocument,
} from '../schemas/documents/commands-register.js';
import { registerUi } from '../messages/register-ui.js';
import { shownBreak, type ShownBreak } from '../messages/break-reason.js';
import { makeTable } from './pretty.js';
import { findingTables, findingSummary } from './findings-view.js';
import { strictRefusal } from './strict-refusal.js';
import { findingOptions } from './check-views.js';
import { displayWidth } from './wrap.js';
import type { RenderContext } from './render-context.js';
import { screenPath, viewPlatform } from './screen-path.js';
import type { Hold } from './json-sections.js';
import { alignedRows, HeldRows } from './held-rows.js';

const plain = (ctx: RenderContext) => ({ chalk: ctx.chalk, ascii: ctx.ascii, quiet: false, width: ctx.width });

/** `publish`: the findings that refused it, or what was recorded (or that it was already), by whom, and the new head. */
export function publishView(doc: PublishDocument, ctx: RenderContext): string {
  if (doc.outcome === 'refused') return findingTables(doc, ctx.m, plain(ctx)) + strictRefusal(doc, ctx);
  const u = registerUi(ctx.m.lang);
  // What it was warned about (a publication date after today, PUBLISH_DATE_FUTURE), above what was recorded.
  let out = doc.diagnostics.length ? findingTables(doc, ctx.m, plain(ctx)) : '';
  out +=
    doc.outcome === 'published'
      ? `${ctx.chalk.green(u.published(doc.batch, doc.on, doc.records, doc.removals))}\n`
      : `${u.alreadyPublished(doc.batch, doc.on, doc.event?.seq ?? 0)}\n`;
  if (doc.event && doc.outcome === 'published') out += `${u.by(doc.event.by, doc.event.host, doc.event.at)}\n`;
  if (doc.head) out += `${u.head(doc.head)}\n`;
  return out;
}

/** `register import`: the findings, then the summary of a refusal or what was imported and the new head. */
export function registerImportView(doc: RegisterImportDocument, ctx: RenderContext): string {
  const { maxFindings: _all, ...rest } = ctx;
  const o = findingOptions(rest);
  let out = findingTables(doc, ctx.m, o);
  if (doc.outcome === 'refused') out += findingSummary(doc, ctx.m, o) + strictRefusal(doc, ctx);
  else {
    const u = registerUi(ctx.m.lang);
    out += `${ctx.chalk.green(u.imported(doc.batch, doc.on, doc.records))}\n`;
    if (doc.head) out += `${u.head(doc.head)}\n`;
  }
  return out;
}

/** `register note`: what it was warned about (a note is kept all the same), its place in the log and the new head. */
export function registerNoteView(doc: RegisterNoteDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  const out = doc.diagnostics.length ? findingTables(doc, ctx.m, plain(ctx)) : '';
  if (doc.seq === null || doc.head === null) return out + strictRefusal(doc, ctx);
  return `${out}${u.noted(doc.seq)}\n${u.head(doc.head)}\n`;
}

/** `register verify`: the first line that breaks the chain and how to mend it, or that it holds. */
export function registerVerifyView(doc: RegisterVerifyDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  if (doc.broken)
    return (
      `${ctx.chalk.red(u.verifyBroken(doc.broken.line, u.reasons[shownBreak(doc.broken.reason, doc.broken.line) as ShownBreak]))}\n` +
      `${ctx.m.ui.hintPrefix}${u.verifyHint(shownBreak(doc.broken.reason, doc.broken.line))}\n`
    );
  return `${ctx.chalk.green(u.verifyOk(doc.events, doc.head))}\n`;
}

/** `register repair`: intact, or the torn line cut (and where its copy went) and the head it now ends at. */
export function registerRepairView(doc: RegisterRepairDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  if (doc.action === 'intact') return `${u.repairIntact}\n`;
  const line = doc.line ?? 0;
  const bytes = doc.bytes ?? 0;
  const said =
    doc.reason === 'blank'
      ? u.repairCutBlank(line, bytes, doc.backup ?? '', doc.problem)
      : doc.backup === ''
        ? u.repairCutNoCopy(line, bytes, doc.problem ?? 'ENOSPC')
        : u.repairCut(line, bytes, doc.backup ?? '');
  return `${ctx.chalk.yellow(said)}\n${u.head(doc.head ?? '')}\n`;
}

function statusText(ctx: RenderContext, r: ListedRecordDoc): string {
  const u = registerUi(ctx.m.lang);
  let s = r.removal ? `${u.status[r.status]}（${u.removalTypes[r.removal.type]}）` : u.status[r.status];
  if (ctx.m.lang === 'en' && r.removal) s = `${u.status[r.status]} (${u.removalTypes[r.removal.type]})`;
  return r.objection ? `${s} ${u.objection}` : s;
}

/** Above this many rows a bordered table (whose layout grows faster than its rows) gives way to aligned columns. */
const TABLE_ROWS = 200;

/** Each column's widest cell (the head's too): a loop, as a spread of a province's 600,000 widths overflows the stack. */
function widen(widths: number[], cells: readonly string[]): void {
  for (let i = 0; i < cells.length; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(cells[i] ?? ''));
}

/** One line of aligned columns: each cell but the last padded to its column's width, two spaces between. */
function alignedLine(widths: readonly number[], cells: readonly string[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))).join('  ');
}

function alignedColumns(head: string[], rows: string[][]): string {
  const widths: number[] = [];
  widen(widths, head);
  // A row has the head's cells (recordCells).
  for (const r of rows) widen(widths, r);
  return [alignedLine(widths, head), ...rows.map((r) => alignedLine(widths, r))].join('\n');
}

/** A record's cells in a table of records. */
function recordCells(ctx: RenderContext, r: ListedRecordDoc): string[] {
  const u = registerUi(ctx.m.lang);
  return [
    r.id,
    u.listTypes[r.listType],
    r.domain,
    r.department,
    r.subjectName,
    r.subjectKey,
    r.batch,
    r.publishedOn,
    r.publishUntil,
    statusText(ctx, r),
  ];
}

function recordTable(ctx: RenderContext, records: readonly ListedRecordDoc[]): string {
  return cellTable(
    ctx,
    records.map((r) => recordCells(ctx, r)),
  );
}

/** Records' cells as a table: aligned columns past TABLE_ROWS rows, else bordered. */
function cellTable(ctx: RenderContext, rows: string[][]): string {
  const u = registerUi(ctx.m.lang);
  if (rows.length > TABLE_ROWS) return alignedColumns(u.listColumns, rows);
  const table = makeTable(u.listColumns, plain(ctx));
  for (const r of rows) table.push(r);
  return table.toString();
}

/** `register list`: the records on the day, how many, and the 台账 written with --xlsx. */
export function registerListView(doc: RegisterListDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  return (
    (doc.records.length ? `${recordTable(ctx, doc.records)}\n` : '') +
    `${u.listSummary(doc.records.length, doc.on)}\n` +
    (doc.ledger !== undefined ? registerLedgerLine(doc.ledger, ctx) : '')
  );
}

/** The 台账 written by `register list --xlsx`, its path with the platform's separators (the document keeps `/`). */
export function registerLedgerLine(ledger: string, ctx: RenderContext): string {
  return `${registerUi(ctx.m.lang).ledger(screenPath(ledger, viewPlatform(ctx)))}\n`;
}

/**
 * Characters a piece of registerListPieces (about; a line is never split): a piece of Chinese text is two bytes a
 * character, and one over 128 KiB is made in V8's large-object space, which only a full collection frees.
 */
const PIECE_CHARS = 1 << 14;

/**
 * registerListView's text (without a 台账) a piece at a time, for a list too long to hold as rows or as one string
 * (a province's 600,000 records, ~90 M characters): `records` is iterated twice — the columns' widths, then the
 * lines — and never held. A list of TABLE_ROWS or fewer is drawn by registerListView itself.
 */
export function* registerListPieces(on: string, records: Iterable<ListedRecordDoc>, ctx: RenderContext): Generator<string> {
  const u = registerUi(ctx.m.lang);
  const few: ListedRecordDoc[] = [];
  const widths: number[] = [];
  widen(widths, u.listColumns);
  let count = 0;
  for (const r of records) {
    if (count <= TABLE_ROWS) few.push(r);
    widen(widths, recordCells(ctx, r));
    count++;
  }
  if (count <= TABLE_ROWS) {
    yield registerListView({ schemaVersion: 1, command: 'register list', on, records: few }, ctx);
    return;
  }
  few.length = 0;
  let out = `${alignedLine(widths, u.listColumns)}\n`;
  for (const r of records) {
    out += `${alignedLine(widths, recordCells(ctx, r))}\n`;
    if (out.length >= PIECE_CHARS) {
      yield out;
      out = '';
    }
  }
  yield `${out}${u.listSummary(count, on)}\n`;
}

/**
 * `register list --xlsx` on the terminal: the list as registerListView draws it when it fits a table (TABLE_ROWS
 * rows or fewer); a longer one is in the 台账 the clerk asked for, so only its count, where it is, and how to have
 * it printed (docs/decisions.md "The 台账 on the terminal"). `records` is iterated once, none held past TABLE_ROWS.
 */
export function* registerLedgerPieces(
  on: string,
  records: Iterable<ListedRecordDoc>,
  ledger: string,
  ctx: RenderContext,
): Generator<string> {
  const u = registerUi(ctx.m.lang);
  const few: ListedRecordDoc[] = [];
  let count = 0;
  for (const r of records) {
    if (++count <= TABLE_ROWS) few.push(r);
    else if (count === TABLE_ROWS + 1) few.length = 0;
  }
  if (count <= TABLE_ROWS) {
    yield registerListView({ schemaVersion: 1, command: 'register list', on, records: few, ledger }, ctx);
    return;
  }
  yield `${u.listSummary(count, on)}
${u.ledgerNotPrinted(TABLE_ROWS)}
${registerLedgerLine(ledger, ctx)}`;
}

/** `register show`: the records found, then each one's events (the business date first, the clock time after). */
export function registerShowView(doc: RegisterShowDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  if (!doc.records.length) return `${u.showNone(doc.query)}\n`;
  let out = `${recordTable(ctx, doc.records)}\n`;
  for (const rec of doc.records) {
    out += `\n${rec.id} ${rec.subjectName} — ${u.showEvents}\n`;
    // They differ with --on/--today: the business date, then the time of recording (the audit trail), labelled.
    for (const e of rec.events)
      out +=
        `  #${e.seq} ${u.effects(e.effect)}${e.batch ? ` ${e.batch}` : ''}${e.on ? ` ${u.eventOn(e.on)}` : ''}` +
        `${e.text ? ` ${e.text}` : ''}${u.eventAt(e.at, `${e.by}@${e.host}`)}\n`;
  }
  return out;
}

/** `diff`: each section (added, removed, corrected, unchanged) with its records, then the counts by department and domain. */
export function diffView(doc: DiffDocument, ctx: RenderContext): string {
  const u = registerUi(ctx.m.lang);
  let out = `${ctx.chalk.bold(u.diffHeading(doc.from, doc.to))}\n`;
  for (const key of ['added', 'removed', 'corrected', 'unchanged'] as const) {
    out += `\n${u.diffSections[key]}: ${doc[key].length}\n`;
    if (doc[key].length) out += `${recordTable(ctx, doc[key])}\n`;
  }
  return `${out}\n${diffCountsTable(doc.counts, ctx)}\n`;
}

function diffCountsTable(counts: DiffDocument['counts'], ctx: RenderContext): string {
  const table = makeTable(registerUi(ctx.m.lang).diffCounts, plain(ctx));
  for (const map of [counts.byDepartment, counts.byDomain])
    for (const [name, c] of Object.entries(map))
      table.push([name, String(c.added), String(c.removed), String(c.corrected), String(c.unchanged)]);
  return table.toString();
}

const DIFF_SECTIONS = ['added', 'removed', 'corrected', 'unchanged'] as const;

/** A record `diff` found, tagged with its section (api/register/register.ts DiffItem). */
export type DiffItemDoc = readonly [(typeof DIFF_SECTIONS)[number], ListedRecordDoc];

/** Bytes of a hold read back at a time (a piece of 1 MiB, outside V8's heap until a collection, grew the process). */
const HELD_PIECE = 1 << 15;

/**
 * diffView's text a piece at a time, from one stream of records tagged with their section (in the register's
 * order, as `diffEach` gives them) and the counts it fills: never the whole document. A section's rows are aligned
 * over all of its rows, so each section's rows wait in a hold of their own (the CLI's: a temporary file) until the
 * stream is done, with its columns' widths; a section of TABLE_ROWS or fewer is drawn bordered from memory. A
 * province's diff of 2020Q1 with 2026Q2 (700,000 records, ~115 MB of text) held the document, its rows' cells and
 * the text (~1.1 GB). The aligned rows come as bytes already through the sink (held-rows.ts), the rest as text for
 * it: the terminal's bytes are diffView's text through the sink.
 */
export function* diffPieces(
  from: string,
  to: string,
  items: Iterable<DiffItemDoc>,
  counts: () => DiffDocument['counts'],
  ctx: RenderContext,
  hold: () => Hold,
  between?: () => void,
): Generator<string | Buffer> {
  const u = registerUi(ctx.m.lang);
  interface Section {
    n: number;
    widths: number[];
    few: string[][];
    rows?: HeldRows;
    hold?: Hold;
  }
  const sections = new Map<string, Section>(DIFF_SECTIONS.map((k) => [k, { n: 0, widths: [], few: [] }]));
  const colour = ctx.chalk.level > 0;
  // A row's cells encoded as it comes, handed to its section's hold in pieces (held-rows.ts).
  const put = (s: Section, rows: HeldRows, cells: readonly string[]): void => {
    const w = rows.row(cells);
    for (let i = 0; i < w.length; i++) if ((w[i] as number) > (s.widths[i] ?? 0)) s.widths[i] = w[i] as number;
    if (rows.size >= HELD_PIECE) s.hold?.write(rows.take());
  };
  try {
    for (const [key, record] of items) {
      const s = sections.get(key);
      if (s === undefined) throw new Error(`diffPieces: a record of ${key}, not a section`);
      const cells = recordCells(ctx, record);
      if (s.n === 0) widen(s.widths, u.listColumns);
      s.n++;
      if (s.n <= TABLE_ROWS) {
        widen(s.widths, cells);
        s.few.push(cells);
        continue;
      }
      let rows = s.rows;
      if (rows === undefined) {
        // Past a bordered table's rows: the first ones and every later one wait in the hold.
        rows = new HeldRows(colour);
        s.rows = rows;
        s.hold = hold();
        for (const c of s.few) put(s, rows, c);
        s.few = [];
      }
      put(s, rows, cells);
    }
    // The stream done, every row in its hold, before any is read back (the CLI collects garbage: what making the
    // entries left).
    for (const s of sections.values()) if (s.rows !== undefined && s.rows.size > 0) s.hold?.write(s.rows.take());
    between?.();
    let out = `${ctx.chalk.bold(u.diffHeading(from, to))}\n`;
    for (const key of DIFF_SECTIONS) {
      const s = sections.get(key) as Section;
      out += `\n${u.diffSections[key]}: ${s.n}\n`;
      if (s.n === 0) continue;
      if (s.hold === undefined || s.rows === undefined) {
        out += `${cellTable(ctx, s.few)}\n`;
        continue;
      }
      yield `${out}${alignedLine(s.widths, u.listColumns)}\n`;
      out = '';
      // Each piece copied at once: lent, read into one buffer (io/spool.ts).
      yield* alignedRows(s.hold.read(HELD_PIECE, true), s.widths);
    }
    yield `${out}\n${diffCountsTable(counts(), ctx)}\n`;
  } finally {
    for (const s of sections.values()) s.hold?.close?.();
  }
}
