/**
 * The terminal layouts of the objections' documents (objections.md; reporters/registry.ts): objection
 * add|resolve|list|letter. The JSON gives objections.md's keys exactly; the clerk's screen also shows
 * the subject's identifier (masked), whether an objection is overdue and whether its correction is
 * awaited: those come as the view (`ObjectionExtra`), one per objection, from the same rows.
 */
import type {
  ObjectionAddDocument,
  ObjectionLetterDocument,
  ObjectionListDocument,
  ObjectionResolveDocument,
  ObjectionViewDoc,
} from '../schemas/documents/commands-register.js';
import type { Report } from '../diagnostics/report.js';
import { objectionUi } from '../messages/objection-ui.js';
import { formatDiagnostics, makeTable } from './pretty.js';
import { findingTables } from './findings-view.js';
import { strictRefusal } from './strict-refusal.js';
import type { RenderContext } from './render-context.js';
import { screenPath, viewPlatform } from './screen-path.js';

/** An objection's facts on the clerk's screen that objections.md's JSON does not carry. */
export interface ObjectionExtra {
  subjectKey: string;
  overdue: boolean;
  awaitingCorrection: boolean;
}

/** `objection add|resolve`: the objection's screen facts (null when refused). */
export interface ObjectionWriteView {
  extra: ObjectionExtra | null;
}

/** `objection list`: each objection's screen facts (in the document's order), the day, and the findings of the listing. */
export interface ObjectionListView {
  extras: readonly ObjectionExtra[];
  today: string;
  findings: Report;
}

const plain = (ctx: RenderContext) => ({ chalk: ctx.chalk, ascii: ctx.ascii, quiet: false, width: ctx.width });

function subjectOf(o: ObjectionViewDoc, subjectKey: string): string {
  return subjectKey && subjectKey !== o.subjectName ? `${o.subjectName} ${subjectKey}` : o.subjectName;
}

function writtenView(doc: ObjectionAddDocument | ObjectionResolveDocument, ctx: RenderContext, view: ObjectionWriteView): string {
  const u = objectionUi(ctx.m.lang);
  let out = doc.diagnostics.length ? findingTables(doc, ctx.m, plain(ctx)) : '';
  const o = doc.objection;
  if (!o) out += strictRefusal(doc, ctx);
  if (o) {
    if (doc.command === 'objection add') {
      const subject = subjectOf(o, view.extra?.subjectKey ?? '');
      out += `${ctx.chalk.green(u.recorded(o.number, o.recordId, subject, o.received))}\n${u.deadline(o.deadline, o.workingDays)}\n`;
    } else {
      out += `${ctx.chalk.green(u.resolved(o.number, o.outcome ? u.outcomes[o.outcome] : '', o.resolvedOn ?? ''))}\n`;
      if (o.outcome === '撤销') out += `${u.revoked(o.recordId)}\n`;
      if (view.extra?.awaitingCorrection) out += `${u.awaitingCorrection(o.recordId)}\n`;
    }
  }
  return out;
}

/** `objection add`: the findings, the objection recorded and its deadline in working days. */
export const objectionAddView = (doc: ObjectionAddDocument, ctx: RenderContext, view: ObjectionWriteView): string =>
  writtenView(doc, ctx, view);

/** `objection resolve`: the findings, the outcome, and what follows from it (revoked, correction awaited). */
export const objectionResolveView = (doc: ObjectionResolveDocument, ctx: RenderContext, view: ObjectionWriteView): string =>
  writtenView(doc, ctx, view);

/** `objection list`: one line per objection (status, overdue or late, correction awaited), the findings, how many on the day. */
export function objectionListView(doc: ObjectionListDocument, ctx: RenderContext, view: ObjectionListView): string {
  const u = objectionUi(ctx.m.lang);
  let out = '';
  if (doc.objections.length) {
    const table = makeTable(u.listColumns, plain(ctx));
    doc.objections.forEach((o, i) => {
      const extra = view.extras[i];
      let status = u.status[o.status];
      if (extra?.overdue) status = ctx.chalk.red(`${status} ${u.overdue}`);
      else if (o.late) status = `${status} ${u.late}`;
      if (extra?.awaitingCorrection) status = `${status} ${u.awaiting}`;
      const subjectKey = extra?.subjectKey ?? '';
      table.push([
        o.number,
        o.subjectName,
        subjectKey === o.subjectName ? '' : subjectKey,
        o.recordId,
        o.received,
        o.deadline ?? u.pending,
        // A resolved objection has no days left: the day it was resolved (its JSON workingDaysLeft keeps its meaning).
        o.resolvedOn !== null ? u.closedOn(o.resolvedOn) : o.workingDaysLeft === null ? u.pending : String(o.workingDaysLeft),
        status,
        o.closedBy !== undefined ? u.closedBy(o.closedBy) : o.outcome ? u.outcomes[o.outcome] : '',
      ]);
    });
    out += `${table.toString()}\n`;
  }
  if (view.findings.diagnostics.length) out += formatDiagnostics(view.findings, ctx.m, plain(ctx));
  // Overdue and pending are two facts (a pending deadline is not known to be missed): said apart, never one 共 N.
  const split = {
    overdue: view.extras.filter((x) => x?.overdue === true).length,
    pending: doc.objections.filter((o) => o.status === 'open' && o.deadline === null).length,
  };
  return `${out}${u.listSummary(doc.objections.length, view.today, split)}\n`;
}

/** `objection letter`: the 告知书 written and its size, or the findings that refused it. */
export function objectionLetterView(doc: ObjectionLetterDocument, ctx: RenderContext): string {
  const u = objectionUi(ctx.m.lang);
  if (doc.letter === null) return doc.diagnostics.length ? findingTables(doc, ctx.m, plain(ctx)) : '';
  return `${ctx.chalk.green(u.letter(screenPath(doc.letter, viewPlatform(ctx)), doc.bytes))}\n`;
}
