/** `objection add|list|resolve|letter`: flags → src/api/objections/objection.ts → a document → the reporters' registry (objections.md). */
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
import { toCommandDocument } from '../../reporters/json.js';
import { emit } from '../render.js';
import type { ObjectionExtra } from '../../reporters/objection-views.js';
import type {
  ObjectionAddDocument,
  ObjectionLetterDocument,
  ObjectionListDocument,
  ObjectionResolveDocument,
} from '../../schemas/documents/commands-register.js';

/** What the clerk's screen shows of an objection beyond objections.md's JSON (reporters/objection-views.ts). */
function extraOf(o: ObjectionRow): ObjectionExtra {
  return { subjectKey: o.subjectKey, overdue: o.overdue, awaitingCorrection: o.awaitingCorrection };
}

async function written(env: CommandEnv, r: AddResult, resolved: boolean): Promise<number> {
  const exit = r.outcome === 'refused' ? 1 : r.report.exitCode;
  const keys = { objection: r.objection ? publicView(r.objection) : null, head: r.head };
  const view = { extra: r.objection ? extraOf(r.objection) : null };
  if (resolved) {
    const doc: ObjectionResolveDocument = toCommandDocument(r.report, env.m, 'objection resolve', keys, exit === 0);
    emit(env, 'objection-resolve', doc, view);
  } else {
    const doc: ObjectionAddDocument = toCommandDocument(r.report, env.m, 'objection add', keys, exit === 0);
    emit(env, 'objection-add', doc, view);
  }
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
  if (chosen.length > 1) throw new ToolError('USAGE', { kind: 'exclusive', names: '--open, --overdue, --all' });
  let year: number | undefined;
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new ToolError('USAGE', { kind: 'invalidYear', name: '--year', value: opts.year });
    year = Number(opts.year);
  }
  const r = objectionList({
    ...writer(env, undefined),
    ...(chosen[0] ? { which: chosen[0] } : {}),
    ...(year !== undefined ? { year } : {}),
  });
  const exit = r.report.exitCode;
  const doc: ObjectionListDocument = { schemaVersion: 1, command: 'objection list', objections: r.objections.map(publicView) };
  emit(env, 'objection-list', doc, { extras: r.objections.map(extraOf), today: r.today, findings: r.report });
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
  const doc: ObjectionLetterDocument = toCommandDocument(
    r.report,
    env.m,
    'objection letter',
    { number: number.trim().toUpperCase(), letter: r.shown, bytes: r.bytes },
    exit === 0,
  );
  emit(env, 'objection-letter', doc);
  return exit;
}
