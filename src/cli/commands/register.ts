/** `publish`, `register verify|repair|list|show|import|note` and `diff`: flags → src/api/register/ → a document → the registry. */
import { writer, type CommandEnv } from '../env.js';
import {
  diffEach,
  publish,
  registerLedger,
  registerListEach,
  registerNote,
  registerRepair,
  registerShow,
  registerVerify,
  type ListedRecord,
  type ListOptions,
} from '../../api/register/register.js';
import { toCommandDocument } from '../../reporters/json.js';
import { type JsonBytes, jsonBytesParts } from '../../reporters/json-bytes.js';
import { ListedBytes } from '../../reporters/listed-bytes.js';
import type { RecordStatus } from '../../register/state.js';
import { emit, emitPieces } from '../render.js';
import { diffPieces, registerLedgerPieces, registerListPieces } from '../../reporters/register-views.js';
import { fileSpool } from '../../io/spool.js';
import { collectGarbage } from '../../io/memory.js';
import { writeStreamedDocument } from '../write-bytes.js';
import { splitRecords, wantListThread } from '../list-split.js';
import { jsonSectionsParts } from '../../reporters/json-sections.js';
import type {
  DiffDocument,
  PublishDocument,
  RegisterImportDocument,
  RegisterListDocument,
  RegisterNoteDocument,
  RegisterRepairDocument,
  RegisterShowDocument,
  RegisterVerifyDocument,
} from '../../schemas/documents/commands-register.js';
import { registerUi } from '../../messages/register-ui.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';

const tool = { name: TOOL_NAME, version: TOOL_VERSION };

export async function publishCommand(env: CommandEnv, batch: string, opts: { on?: string; by?: string }): Promise<number> {
  const r = await publish(batch, { ...writer(env, opts.by), ...(opts.on !== undefined ? { on: opts.on } : {}) });
  const exit = r.outcome === 'refused' ? Math.max(1, r.report.exitCode) : 0;
  const doc: PublishDocument = toCommandDocument(
    r.report,
    env.m,
    'publish',
    {
      batch: r.batch,
      outcome: r.outcome,
      on: r.on,
      records: r.records,
      removals: r.removals,
      event: r.event ?? null,
      head: r.head ?? null,
    },
    exit === 0,
  );
  emit(env, 'publish', doc);
  return exit;
}

export async function registerVerifyCommand(env: CommandEnv, opts: { head?: string }): Promise<number> {
  const r = registerVerify({ ...env.common, ...(opts.head !== undefined ? { head: opts.head } : {}) });
  const doc: RegisterVerifyDocument = {
    schemaVersion: 1,
    tool,
    command: 'register verify',
    valid: r.valid,
    events: r.events,
    head: r.head,
    expectedHead: r.expectedHead,
    broken: r.broken,
  };
  emit(env, 'register-verify', doc);
  return r.valid ? 0 : 1;
}

export async function registerRepairCommand(env: CommandEnv, opts: { by?: string }): Promise<number> {
  const r = await registerRepair(writer(env, opts.by));
  const doc: RegisterRepairDocument = {
    schemaVersion: 1,
    tool,
    command: 'register repair',
    ...r,
    head: r.head ? `${r.head.seq}:${r.head.hash}` : null,
  };
  emit(env, 'register-repair', doc);
  return 0;
}

function pick<T extends object>(opts: Record<string, unknown>, keys: readonly (keyof T & string)[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (opts[k] !== undefined) out[k] = opts[k];
  return out as Partial<T>;
}

/** `--full` says so (privacy.md), on stderr: stdout's JSON stays one document. */
function sayFull(env: CommandEnv, full: unknown, ledger = false): void {
  if (full === true) env.io.stderr.write(`${env.chalk.yellow(registerUi(env.m.lang).fullShown(ledger))}\n`);
}

export async function registerListCommand(env: CommandEnv, opts: Record<string, unknown>): Promise<number> {
  const listOptions = {
    ...env.common,
    ...pick<ListOptions>(opts, ['status', 'on', 'department', 'list', 'expiringBefore', 'find', 'full']),
  };
  const now = writer(env, undefined).now;
  const xlsx = typeof opts.xlsx === 'string' ? opts.xlsx : undefined;
  sayFull(env, opts.full, xlsx !== undefined);
  if (env.flags.format === 'json' && xlsx === undefined) {
    // A record at a time: a province's list does not fit in one string.
    // Waiting for a slow pipe when it is behind, so that what is not yet read is never all in memory.
    const each = registerListEach(listOptions);
    // The document's head as its schema types it (records streamed in after).
    const head: Omit<RegisterListDocument, 'records'> = { schemaVersion: 1, command: 'register list', on: each.on };
    // Each record written by its schema's members (listed-bytes.ts), the bytes of the generic writer, made from its
    // status: a record read from the checkpoint's columns without its listed record, most names as they lie there.
    const listed = new ListedBytes(2);
    const write = (out: JsonBytes, item: unknown): void => listed.writeStatus(out, item as RecordStatus, each.lister);
    // A large register on two threads when a processor is free (list-split.ts): runs of records' bytes, in order.
    const split =
      listOptions.io === undefined && wantListThread(env.io.env, each.rows) ? splitRecords(each, listed, { ...listOptions }) : undefined;
    const streamed = split
      ? { key: 'records', items: split, write: (_: JsonBytes, run: unknown) => run as readonly Uint8Array[] }
      : { key: 'records', items: each.statuses, write };
    // A read that fails half-way ends the document with its error (write-bytes.ts): one JSON document, exit 2.
    return writeStreamedDocument(env, 'register list', jsonBytesParts(head, streamed));
  }
  if (xlsx === undefined) {
    // As a table, streamed twice (its columns' widths, then its lines): a province's list is never held.
    const each = registerListEach(listOptions);
    await emitPieces(env, (ctx) => registerListPieces(each.on, each.records, ctx));
    return 0;
  }
  const r = await registerLedger({ ...listOptions, xlsx, ...(now ? { now } : {}), threadEnv: env.io.env });
  // Streamed as the list without --xlsx, the 台账's path after the records: a province's list made whole (its
  // records, then its table as one string) took ~0.8 GB over the ledger's own.
  if (env.flags.format === 'json') {
    const head: Omit<RegisterListDocument, 'records'> & { records: [] } = {
      schemaVersion: 1,
      command: 'register list',
      on: r.on,
      records: [],
      ledger: r.ledger,
    };
    const listed = new ListedBytes(2);
    const write = (out: JsonBytes, item: unknown): void => listed.write(out, item as ListedRecord);
    return writeStreamedDocument(env, 'register list', jsonBytesParts(head, { key: 'records', items: r.records, write }));
  }
  await emitPieces(env, (ctx) => registerLedgerPieces(r.on, r.records, r.ledger, ctx));
  return 0;
}

export async function registerShowCommand(env: CommandEnv, query: string, opts: { full?: boolean; on?: string }): Promise<number> {
  const r = registerShow(query, { ...env.common, ...(opts.full ? { full: true } : {}), ...(opts.on !== undefined ? { on: opts.on } : {}) });
  sayFull(env, opts.full);
  const doc: RegisterShowDocument = { schemaVersion: 1, command: 'register show', query: r.query, records: r.records };
  emit(env, 'register-show', doc);
  return r.records.length ? 0 : 1;
}

export async function diffCommand(env: CommandEnv, a: string, b: string, opts: { full?: boolean }): Promise<number> {
  const options = { ...env.common, ...(opts.full ? { full: true } : {}) };
  if (env.flags.format === 'json') {
    // A province's diff is ~42,000 records (19 MB of JSON): each written as bytes as it is found (a later
    // section's held as bytes until its turn), never all held as objects nor made one string.
    const run = await diffEach(a, b, options);
    sayFull(env, opts.full);
    const head: Pick<DiffDocument, 'schemaVersion' | 'command' | 'from' | 'to'> = {
      schemaVersion: 1,
      command: 'diff',
      from: run.from,
      to: run.to,
    };
    const sections = ['added', 'removed', 'corrected', 'unchanged'] as const;
    const tail = (): Pick<DiffDocument, 'counts'> => ({ counts: run.counts });
    // The later sections wait in a temporary file: 2020Q1 with 2026Q2 held ~100 MB of them in memory. A record
    // written from its status and the checkpoint's columns, as register list writes it (listed-bytes.ts
    // writeStatus: no listed record made); a correction with `replaces` as listed, by value().
    const listed = new ListedBytes(2);
    const lister = run.lister;
    const items = (function* (): Generator<readonly [(typeof sections)[number], unknown]> {
      for (const [key, s, replaces] of run.statuses) yield [key, replaces === undefined ? s : { ...lister.listed(s), replaces }];
    })();
    const write = (out: JsonBytes, item: unknown): boolean => {
      if ((item as { replaces?: string }).replaces !== undefined) return false;
      listed.writeStatus(out, item as RecordStatus, lister);
      return true;
    };
    // A read that fails half-way ends the document with its error (write-bytes.ts): one JSON document, exit 2.
    return writeStreamedDocument(
      env,
      'diff',
      jsonSectionsParts(head, sections, items, tail, () => fileSpool(), write),
    );
  }
  // The table a piece at a time, each section's rows waiting in a temporary file until the stream is done: a
  // province's diff over many batches (700,000 records) was drawn from the whole document (~1.1 GB).
  const run = await diffEach(a, b, options);
  sayFull(env, opts.full);
  await emitPieces(env, (ctx) =>
    diffPieces(
      run.from,
      run.to,
      run.items,
      () => run.counts,
      ctx,
      () => fileSpool(),
      // Between the stream and the rows read back: the old generation the stream filled with the entries it made
      // (~60–90 MiB under load, collected later) and the buffers the read-back makes added up to over 300 MB.
      collectGarbage,
    ),
  );
  return 0;
}

export async function registerImportCommand(
  env: CommandEnv,
  files: string[],
  opts: { batch: string; publishedOn: string; department?: string; by?: string },
): Promise<number> {
  // Imported here: it reads list files (the xlsx and CSV readers, the rules), which no other register command needs.
  const { registerImport } = await import('../../api/register/register-import.js');
  const r = await registerImport(files, {
    ...writer(env, opts.by),
    batch: opts.batch,
    publishedOn: opts.publishedOn,
    ...(opts.department !== undefined ? { department: opts.department } : {}),
  });
  const exit = r.outcome === 'refused' ? Math.max(1, r.report.exitCode) : 0;
  const doc: RegisterImportDocument = toCommandDocument(
    r.report,
    env.m,
    'register import',
    { batch: r.batch, outcome: r.outcome, on: r.on, records: r.records, event: r.event ?? null, head: r.head ?? null },
    exit === 0,
  );
  emit(env, 'register-import', doc);
  return exit;
}

export async function registerNoteCommand(env: CommandEnv, text: string, opts: { id?: string[]; by?: string }): Promise<number> {
  const r = await registerNote(text, opts.id ?? [], writer(env, opts.by));
  // Recorded whatever the findings say (a note with a phone number in it is kept, and warned about).
  const exit = r.report.exitCode;
  const doc: RegisterNoteDocument = toCommandDocument(r.report, env.m, 'register note', { seq: r.seq, ids: r.ids, head: r.head });
  emit(env, 'register-note', doc);
  return exit;
}
