/** `objection add|list|resolve|letter`: flags → src/api/objections/objection.ts → text or JSON (objections.md). */
import { sourceDateEpoch, writer, type CommandEnv } from '../env.js';
import {
  objectionAdd,
  objectionLetter,
  objectionList,
  objectionResolve,
  publicView,
  type AddResult,
  type ObjectionRow,
} from '../../api/objections/objection.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';
import type {
  ObjectionAddDocument,
  ObjectionLetterDocument,
  ObjectionListDocument,
  ObjectionResolveDocument,
} from '../../schemas/documents/commands-register.js';
import { objectionUi } from '../../messages/objection-ui.js';

async function diagnostics(env: CommandEnv, r: AddResult['report']): Promise<string> {
  if (!r.diagnostics.length) return '';
  const { formatDiagnostics } = await import('../../reporters/pretty.js');
  return formatDiagnostics(r, env.m, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
}

function subjectOf(o: ObjectionRow): string {
  return o.subjectKey && o.subjectKey !== o.subjectName ? `${o.subjectName} ${o.subjectKey}` : o.subjectName;
}

async function written(env: CommandEnv, r: AddResult, resolved: boolean): Promise<number> {
  const exit = r.outcome === 'refused' ? 1 : r.report.exitCode;
  if (env.flags.format === 'json') {
    const doc: ObjectionAddDocument | ObjectionResolveDocument = {
      ...toJsonReport(r.report, env.m, { objection: r.objection ? publicView(r.objection) : null, head: r.head }),
      command: resolved ? 'objection resolve' : 'objection add',
      valid: exit === 0,
    };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = objectionUi(env.m.lang);
  let out = await diagnostics(env, r.report);
  const o = r.objection;
  if (o) {
    if (!resolved)
      out += `${env.chalk.green(u.recorded(o.number, o.recordId, subjectOf(o), o.received))}\n${u.deadline(o.deadline, o.workingDays)}\n`;
    else {
      out += `${env.chalk.green(u.resolved(o.number, o.outcome ? u.outcomes[o.outcome] : '', o.resolvedOn ?? ''))}\n`;
      if (o.outcome === '撤销') out += `${u.revoked(o.recordId)}\n`;
      if (o.awaitingCorrection) out += `${u.awaitingCorrection(o.recordId)}\n`;
    }
  }
  env.io.stdout.write(out);
  return exit;
}

export async function objectionAddCommand(
  env: CommandEnv,
  opts: {
    received: string;
    from: string;
    summary: string;
    record?: string;
    subject?: string;
    channel?: string;
    providerCheck?: boolean;
    by?: string;
  },
): Promise<number> {
  const r = await objectionAdd({
    ...writer(env, opts.by),
    received: opts.received,
    from: opts.from,
    summary: opts.summary,
    ...(opts.record !== undefined ? { record: opts.record } : {}),
    ...(opts.subject !== undefined ? { subject: opts.subject } : {}),
    ...(opts.channel !== undefined ? { channel: opts.channel } : {}),
    ...(opts.providerCheck ? { providerCheck: true } : {}),
  });
  return written(env, r, false);
}

export async function objectionResolveCommand(
  env: CommandEnv,
  number: string,
  opts: { outcome: string; opinion: string; on?: string; by?: string },
): Promise<number> {
  const r = await objectionResolve(number, {
    ...writer(env, opts.by),
    outcome: opts.outcome,
    opinion: opts.opinion,
    ...(opts.on !== undefined ? { on: opts.on } : {}),
  });
  return written(env, r, true);
}

export async function objectionListCommand(
  env: CommandEnv,
  opts: { open?: boolean; overdue?: boolean; all?: boolean; year?: string },
): Promise<number> {
  const chosen = (['open', 'overdue', 'all'] as const).filter((k) => opts[k]);
  if (chosen.length > 1) throw new ToolError('USAGE', { detail: '--open | --overdue | --all' });
  let year: number | undefined;
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new ToolError('USAGE', { detail: `--year ${opts.year}` });
    year = Number(opts.year);
  }
  const r = objectionList({
    ...writer(env, undefined),
    ...(chosen[0] ? { which: chosen[0] } : {}),
    ...(year !== undefined ? { year } : {}),
  });
  const exit = r.report.exitCode;
  if (env.flags.format === 'json') {
    const doc: ObjectionListDocument = { schemaVersion: 1, command: 'objection list', objections: r.objections.map(publicView) };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = objectionUi(env.m.lang);
  let out = '';
  if (r.objections.length) {
    const { makeTable } = await import('../../reporters/pretty.js');
    const table = makeTable(u.listColumns, { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
    for (const o of r.objections) {
      let status = u.status[o.status];
      if (o.overdue) status = env.chalk.red(`${status} ${u.overdue}`);
      else if (o.late) status = `${status} ${u.late}`;
      if (o.awaitingCorrection) status = `${status} ${u.awaiting}`;
      table.push([
        o.number,
        o.subjectName,
        o.subjectKey === o.subjectName ? '' : o.subjectKey,
        o.recordId,
        o.received,
        o.deadline ?? u.pending,
        o.workingDaysLeft === null ? u.pending : String(o.workingDaysLeft),
        status,
        o.outcome ? u.outcomes[o.outcome] : '',
      ]);
    }
    out += `${table.toString()}\n`;
  }
  out += await diagnostics(env, r.report);
  out += `${u.listSummary(r.objections.length, r.today)}\n`;
  env.io.stdout.write(out);
  return exit;
}

export async function objectionLetterCommand(
  env: CommandEnv,
  number: string,
  opts: { out?: string; number?: string; finding?: string },
): Promise<number> {
  const epoch = sourceDateEpoch(env.io.env);
  const r = await objectionLetter(number, {
    ...writer(env, undefined),
    ...(opts.out !== undefined ? { out: opts.out } : {}),
    ...(epoch !== undefined ? { epoch } : {}),
    ...(opts.number !== undefined ? { docNumber: opts.number } : {}),
    ...(opts.finding !== undefined ? { finding: opts.finding } : {}),
  });
  const exit = r.path === null ? 1 : r.report.exitCode;
  if (env.flags.format === 'json') {
    const doc: ObjectionLetterDocument = {
      ...toJsonReport(r.report, env.m, { number: number.trim().toUpperCase(), letter: r.shown, bytes: r.bytes }),
      command: 'objection letter',
      valid: exit === 0,
    };
    env.io.stdout.write(formatJson(doc));
    return exit;
  }
  const u = objectionUi(env.m.lang);
  env.io.stdout.write(r.shown === null ? await diagnostics(env, r.report) : `${env.chalk.green(u.letter(r.shown, r.bytes))}\n`);
  return exit;
}
