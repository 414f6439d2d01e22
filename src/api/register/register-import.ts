/**
 * `register import <file…> --batch B --published-on DATE [--department D]` (register.md): lists
 * published before the tool was used, brought into the register so that their expiry and removals
 * are tracked. The files are read and checked as lists are (submission.md), except the quarter check
 * (the batch may be any earlier quarter) and with "today" the day they were published, so that a
 * record is judged expired or dated in the future as it stood then. Any error: nothing is imported.
 */
import { pathExists } from '../../io/workspace/workspace.js';
import { basename, dirname, resolve } from 'node:path';
import { isIsoDate } from '../../domain/dates.js';
import { formatBatch, parseBatch } from '../../domain/quarter.js';
import { publicReader, showText } from '../../domain/privacy.js';
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import { appendEvent } from '../../io/register/register-store.js';
import { resolveAuthor } from '../../io/register/who.js';
import { displayPath } from '../../io/paths.js';
import { formatHead } from '../../register/chain.js';
import type { RegisterRecord } from '../../register/events.js';
import type { RuleEnv } from '../../rules/types.js';
import { RecordIndex } from '../../table/record-index.js';
import { baseEnv, makeContext } from '../context.js';
import { resolveDepartment } from '../department/department.js';
import { runQuarterRules } from '../../rules/quarter/index.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { checkListSheets, openListFile } from '../department/list-file.js';
import { parseBatchArg, requireWorkspace } from '../quarter/quarter.js';
import { toCreditRecord } from '../quarter/records.js';
import type { WriterOptions } from './register.js';
import { failsNow, makeReport, type Report } from '../../diagnostics/report.js';
import type { ImportOutcome } from '../../schemas/documents/commands-register.js';
import { contentHashes } from '../../register/content.js';

export interface ImportOptions extends WriterOptions {
  batch: string;
  publishedOn: string;
  department?: string;
}

/** register import's result: its outcome as its one schema types it (schemas/documents/commands-register.ts), and the findings. */
export type ImportResult = ImportOutcome & { report: Report };

export async function registerImport(files: readonly string[], options: ImportOptions): Promise<ImportResult> {
  if (files.length === 0) throw new ToolError('USAGE', { kind: 'missingArgument', name: 'file' });
  const ctx = makeContext(options, files[0]);
  const workspace = requireWorkspace(ctx);
  const batch = formatBatch(parseBatchArg(ctx, options.batch));
  if (!isIsoDate(options.publishedOn)) throw new ToolError('DATE_INVALID', { value: options.publishedOn });
  const on = options.publishedOn;
  // A list brought in was published already: a day after today is a slip, recorded as given and said, as publish's --on
  // (docs/decisions.md "register import --published-on after today").
  if (on > ctx.today) ctx.collector.add(makeDiagnostic('IMPORT_DATE_FUTURE', { batch, on, today: ctx.today }));
  const records: RegisterRecord[] = [];
  const stored: string[] = [];
  const index = new RecordIndex();
  let rows = 0;
  for (const file of files) {
    const abs = resolve(ctx.cwd, file);
    if (!pathExists(abs, ctx.io)) throw new ToolError('PATH_NOT_FOUND', { path: file });
    const display = displayPath(ctx.cwd, abs);
    // What the register keeps: the path inside the workspace, else the file's name (never an absolute path).
    const inside = displayPath(workspace, abs);
    const keep =
      inside.startsWith('../') || inside === '..' || /^[A-Za-z]:/.test(inside) || inside.startsWith('/') ? basename(abs) : inside;
    stored.push(keep);
    const resolved = resolveDepartment(ctx, options.department, basename(dirname(abs)), []);
    const dept = resolved.dept;
    const rank = dept ? ctx.matrix.departmentRank(dept.name) : Number.MAX_SAFE_INTEGER;
    const report = (d: RawDiagnostic): void => ctx.collector.add(d, dept?.name, rank);
    if (resolved.unknown)
      report(makeDiagnostic('MATRIX_DEPARTMENT_UNKNOWN', resolved.unknown, { file: display }, { departmentRank: rank }));
    const wb = await openListFile(abs, display, ctx.config.limits, { report, departmentRank: rank }, ctx.io);
    if (!wb) continue;
    // No quarter: a batch published before the tool has none to be checked against; today is its publication day.
    const env: RuleEnv = { ...baseEnv(ctx), today: on, ...(dept ? { department: dept } : {}) };
    try {
      const res = await checkListSheets(wb, display, env, {
        ...(dept ? { department: dept.name } : {}),
        departmentRank: rank,
        report,
        index,
        onRecord: (_file, sheet, r) => {
          if (!dept) return;
          const rec = toCreditRecord(r, dept, ctx.config.bureau.name, batch, keep, sheet);
          if (rec) records.push(rec);
        },
      });
      rows += res.rows;
    } finally {
      await wb.close();
    }
  }
  runQuarterRules({ records: index.findings() }, (d) => ctx.collector.add(d, undefined, d.sort?.departmentRank));
  const checked = makeReport(ctx, 'register import', files.length, rows, batch);
  const base = { batch, on, records: records.length };
  if (checked.stats.errors > 0 || checked.exitCode !== 0) return { ...base, report: checked, outcome: 'refused' };

  const author = resolveAuthor(options.by, ctx.config.clerk, ctx.now);
  type Found = { kind: 'published'; prior: { seq: number; on: string; package: string | null } } | { kind: 'strict' } | null;
  const { event, value } = await appendEvent<Found>(
    workspace,
    author,
    (loaded) => {
      const prior = loaded.state.batches.get(batch);
      if (prior) return { body: null, value: { kind: 'published', prior } };
      // Imported after a later batch: recorded all the same (the list was published), but the clerk is told — before
      // the line is written, so that under --strict (or a severity that makes it an error) nothing is.
      const later = laterBatch(loaded.state.batches, batch, on);
      if (later)
        ctx.collector.add(
          makeDiagnostic('REGISTER_IMPORT_OUT_OF_ORDER', { batch, publishedOn: on, later: later.batch, laterOn: later.on }, {}),
        );
      if (failsNow(ctx)) return { body: null, value: { kind: 'strict' } };
      return {
        value: null,
        body: {
          type: 'import',
          batch,
          on,
          ...(options.department !== undefined && records[0] ? { department: records[0].department } : {}),
          files: stored,
          records,
          contents: contentHashes(records),
        },
      };
    },
    { lock: { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) }, io: ctx.io },
  );
  if (!event) {
    if (value?.kind === 'published') {
      const prior = value.prior;
      ctx.collector.add(
        makeDiagnostic(
          'REGISTER_ALREADY_PUBLISHED',
          { batch, seq: prior.seq, publishedOn: prior.on, package: (prior.package ?? 'import').slice(0, 12) },
          {},
        ),
      );
    }
    return { ...base, report: makeReport(ctx, 'register import', files.length, rows, batch), outcome: 'refused' };
  }
  return {
    ...base,
    report: makeReport(ctx, 'register import', files.length, rows, batch),
    outcome: 'imported',
    event: {
      seq: event.seq,
      hash: event.hash,
      at: event.at,
      by: showText(event.by, publicReader(ctx.config.publication.maskRule)),
      host: showText(event.host, publicReader(ctx.config.publication.maskRule)),
    },
    head: formatHead(event),
  };
}

/**
 * The latest batch already in the register that comes after the one imported — a later quarter (or a later
 * batch of its quarter), or published after its publication day — if any: importing history out of order
 * is allowed (REGISTER_IMPORT_OUT_OF_ORDER, warning).
 */
function laterBatch(batches: ReadonlyMap<string, { on: string }>, batch: string, on: string): { batch: string; on: string } | undefined {
  const key = (b: string): number => {
    const p = parseBatch(b);
    return p ? (p.quarter.year * 4 + p.quarter.q) * 100 + p.n : 0;
  };
  const mine = key(batch);
  let found: { batch: string; on: string } | undefined;
  for (const [name, fact] of batches) {
    if (key(name) <= mine && fact.on <= on) continue;
    if (!found || key(name) > key(found.batch) || (key(name) === key(found.batch) && fact.on > found.on))
      found = { batch: name, on: fact.on };
  }
  return found;
}
