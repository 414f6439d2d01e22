/** `publish`, `register verify|repair|list|show` and `diff`: flags → src/api/register/register.ts → text or JSON. */
import { writer, type CommandEnv } from '../env.js';
import {
  diff,
  publish,
  registerLedger,
  registerList,
  registerListEach,
  registerNote,
  registerRepair,
  registerShow,
  registerVerify,
  type ListedRecord,
  type ListOptions,
} from '../../api/register/register.js';
import { formatJson, jsonWithItemsParts, toJsonReport } from '../../reporters/json.js';
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
import { registerImport } from '../../api/register/register-import.js';
import { displayWidth } from '../../reporters/wrap.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';

const tool = { name: TOOL_NAME, version: TOOL_VERSION };

export async function publishCommand(env: CommandEnv, batch: string, opts: { on?: string; by?: string }): Promise<number> {
  const r = await publish(batch, { ...writer(env, opts.by), ...(opts.on !== undefined ? { on: opts.on } : {}) });
  const exit = r.outcome === 'refused' ? Math.max(1, r.report.exitCode) : 0;
  if (env.flags.format === 'json') {
    const doc: PublishDocument = {
      ...toJsonReport(r.report, env.m, {
        batch: r.batch,
        outcome: r.outcome,
        on: r.on,
        records: r.records,
        removals: r.removals,
        event: r.event ?? null,
        head: r.head ?? null,
      }),
      command: 'publish',
      valid: exit === 0,
    };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = registerUi(env.m.lang);
  if (r.outcome === 'refused') {
    const { formatDiagnostics } = await import('../../reporters/pretty.js');
    env.io.stdout.write(
      formatDiagnostics(r.report, env.m, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width }),
    );
    return exit;
  }
  let out =
    r.outcome === 'published'
      ? `${env.chalk.green(u.published(r.batch, r.on, r.records, r.removals))}\n`
      : `${u.alreadyPublished(r.batch, r.on, r.event?.seq ?? 0)}\n`;
  if (r.event && r.outcome === 'published') out += `${u.by(r.event.by, r.event.host, r.event.at)}\n`;
  if (r.head) out += `${u.head(r.head)}\n`;
  env.io.stdout.write(out);
  return exit;
}

export async function registerVerifyCommand(env: CommandEnv, opts: { head?: string }): Promise<number> {
  const r = registerVerify({ ...env.common, ...(opts.head !== undefined ? { head: opts.head } : {}) });
  const exit = r.valid ? 0 : 1;
  if (env.flags.format === 'json') {
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
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = registerUi(env.m.lang);
  if (r.broken)
    env.io.stdout.write(
      `${env.chalk.red(u.verifyBroken(r.broken.line, u.reasons[r.broken.reason]))}\n` +
        `${env.m.ui.hintPrefix}${u.verifyHint(r.broken.reason)}\n`,
    );
  else env.io.stdout.write(`${env.chalk.green(u.verifyOk(r.events, r.head))}\n`);
  return exit;
}

export async function registerRepairCommand(env: CommandEnv, opts: { by?: string }): Promise<number> {
  const r = await registerRepair(writer(env, opts.by));
  if (env.flags.format === 'json') {
    const doc: RegisterRepairDocument = {
      schemaVersion: 1,
      tool,
      command: 'register repair',
      ...r,
      head: r.head ? `${r.head.seq}:${r.head.hash}` : null,
    };
    env.io.stdout.write(formatJson(doc));
    return 0;
  }
  const u = registerUi(env.m.lang);
  if (r.action === 'intact') env.io.stdout.write(`${u.repairIntact}\n`);
  else {
    const said = r.backup === '' ? u.repairCutNoCopy(r.line, r.bytes, r.problem ?? 'ENOSPC') : u.repairCut(r.line, r.bytes, r.backup);
    env.io.stdout.write(`${env.chalk.yellow(said)}\n${u.head(`${r.head.seq}:${r.head.hash}`)}\n`);
  }
  return 0;
}

function statusText(env: CommandEnv, r: ListedRecord): string {
  const u = registerUi(env.m.lang);
  let s = r.removal ? `${u.status[r.status]}（${u.removalTypes[r.removal.type]}）` : u.status[r.status];
  if (env.m.lang === 'en' && r.removal) s = `${u.status[r.status]} (${u.removalTypes[r.removal.type]})`;
  return r.objection ? `${s} ${u.objection}` : s;
}

/** Above this many rows a bordered table (whose layout grows faster than its rows) gives way to aligned columns. */
const TABLE_ROWS = 200;

function alignedColumns(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

async function recordTable(env: CommandEnv, records: ListedRecord[]): Promise<string> {
  const u = registerUi(env.m.lang);
  const rows = records.map((r) => [
    r.id,
    u.listTypes[r.listType],
    r.domain,
    r.department,
    r.subjectName,
    r.subjectKey,
    r.batch,
    r.publishedOn,
    r.publishUntil,
    statusText(env, r),
  ]);
  if (rows.length > TABLE_ROWS) return alignedColumns(u.listColumns, rows);
  const { makeTable } = await import('../../reporters/pretty.js');
  const table = makeTable(u.listColumns, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
  for (const r of rows) table.push(r);
  return table.toString();
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
    for (const part of jsonWithItemsParts(head, 'records', each.records)) {
      if (env.io.stdout.write(part) === false && env.io.stdout.drain) await env.io.stdout.drain();
    }
    return 0;
  }
  const r: { on: string; records: ListedRecord[]; ledger?: string } =
    xlsx !== undefined ? await registerLedger({ ...listOptions, xlsx, ...(now ? { now } : {}) }) : registerList(listOptions);
  if (env.flags.format === 'json') {
    const doc: RegisterListDocument = {
      schemaVersion: 1,
      command: 'register list',
      on: r.on,
      records: r.records,
      ...(r.ledger !== undefined ? { ledger: r.ledger } : {}),
    };
    env.io.stdout.write(formatJson(doc));
    return 0;
  }
  const u = registerUi(env.m.lang);
  env.io.stdout.write(
    (r.records.length ? `${await recordTable(env, r.records)}\n` : '') +
      `${u.listSummary(r.records.length, r.on)}\n` +
      (r.ledger !== undefined ? `${u.ledger(r.ledger)}\n` : ''),
  );
  return 0;
}

export async function registerShowCommand(env: CommandEnv, query: string, opts: { full?: boolean; on?: string }): Promise<number> {
  const r = registerShow(query, { ...env.common, ...(opts.full ? { full: true } : {}), ...(opts.on !== undefined ? { on: opts.on } : {}) });
  sayFull(env, opts.full);
  if (env.flags.format === 'json') {
    const doc: RegisterShowDocument = { schemaVersion: 1, command: 'register show', query: r.query, records: r.records };
    env.io.stdout.write(formatJson(doc));
    return r.records.length ? 0 : 1;
  }
  const u = registerUi(env.m.lang);
  if (!r.records.length) {
    env.io.stdout.write(`${u.showNone(r.query)}\n`);
    return 1;
  }
  let out = `${await recordTable(env, r.records)}\n`;
  for (const rec of r.records) {
    out += `\n${rec.id} ${rec.subjectName} — ${u.showEvents}\n`;
    // The business date first; the clock time of recording (the audit trail) after, labelled: they differ with --on/--today.
    for (const e of rec.events)
      out +=
        `  #${e.seq} ${u.effects(e.effect)}${e.batch ? ` ${e.batch}` : ''}${e.on ? ` ${u.eventOn(e.on)}` : ''}` +
        `${e.text ? ` ${e.text}` : ''}${u.eventAt(e.at, `${e.by}@${e.host}`)}\n`;
  }
  env.io.stdout.write(out);
  return 0;
}

export async function diffCommand(env: CommandEnv, a: string, b: string, opts: { full?: boolean }): Promise<number> {
  const r = diff(a, b, { ...env.common, ...(opts.full ? { full: true } : {}) });
  sayFull(env, opts.full);
  if (env.flags.format === 'json') {
    const doc: DiffDocument = { schemaVersion: 1, command: 'diff', ...r };
    env.io.stdout.write(formatJson(doc));
    return 0;
  }
  const u = registerUi(env.m.lang);
  let out = `${env.chalk.bold(u.diffHeading(r.from, r.to))}\n`;
  for (const key of ['added', 'removed', 'corrected', 'unchanged'] as const) {
    out += `\n${u.diffSections[key]}: ${r[key].length}\n`;
    if (r[key].length) out += `${await recordTable(env, r[key])}\n`;
  }
  const { makeTable } = await import('../../reporters/pretty.js');
  const table = makeTable(u.diffCounts, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
  for (const map of [r.counts.byDepartment, r.counts.byDomain])
    for (const [name, c] of Object.entries(map))
      table.push([name, String(c.added), String(c.removed), String(c.corrected), String(c.unchanged)]);
  out += `\n${table.toString()}\n`;
  env.io.stdout.write(out);
  return 0;
}

export async function registerImportCommand(
  env: CommandEnv,
  files: string[],
  opts: { batch: string; publishedOn: string; department?: string; by?: string },
): Promise<number> {
  const r = await registerImport(files, {
    ...writer(env, opts.by),
    batch: opts.batch,
    publishedOn: opts.publishedOn,
    ...(opts.department !== undefined ? { department: opts.department } : {}),
  });
  const exit = r.outcome === 'refused' ? Math.max(1, r.report.exitCode) : 0;
  if (env.flags.format === 'json') {
    const doc: RegisterImportDocument = {
      ...toJsonReport(r.report, env.m, {
        batch: r.batch,
        outcome: r.outcome,
        on: r.on,
        records: r.records,
        event: r.event ?? null,
        head: r.head ?? null,
      }),
      command: 'register import',
      valid: exit === 0,
    };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const { formatDiagnostics, formatSummary } = await import('../../reporters/pretty.js');
  const o = {
    chalk: env.chalk,
    ascii: env.flags.ascii ?? false,
    quiet: env.flags.quiet ?? false,
    strict: env.flags.strict ?? false,
    width: env.width,
  };
  let out = formatDiagnostics(r.report, env.m, o);
  if (r.outcome === 'refused') out += formatSummary(r.report, env.m, o);
  else {
    const u = registerUi(env.m.lang);
    out += `${env.chalk.green(u.imported(r.batch, r.on, r.records))}\n`;
    if (r.head) out += `${u.head(r.head)}\n`;
  }
  env.io.stdout.write(out);
  return exit;
}

export async function registerNoteCommand(env: CommandEnv, text: string, opts: { id?: string[]; by?: string }): Promise<number> {
  const r = await registerNote(text, opts.id ?? [], writer(env, opts.by));
  // Recorded whatever the findings say (a note with a phone number in it is kept, and warned about).
  const exit = r.report.exitCode;
  if (env.flags.format === 'json') {
    const doc: RegisterNoteDocument = {
      ...toJsonReport(r.report, env.m, { seq: r.seq, ids: r.ids, head: r.head }),
      command: 'register note',
    };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = registerUi(env.m.lang);
  let out = '';
  if (r.report.diagnostics.length) {
    const { formatDiagnostics } = await import('../../reporters/pretty.js');
    out += formatDiagnostics(r.report, env.m, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
  }
  env.io.stdout.write(`${out}${u.noted(r.seq)}\n${u.head(r.head)}\n`);
  return exit;
}
