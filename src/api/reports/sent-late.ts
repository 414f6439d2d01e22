/**
 * 补报 (docs/decisions.md "A regular batch's list sent in a supplementary batch (补报)"): a department that
 * missed a quarter's regular batch and sent its list (or 无信息报告) to a supplementary batch of the quarter.
 * One function says which supplementary batch answered a department's regular row, for supervise, the
 * report and status alike (truth.md: one fact, one name in every view).
 */
import type { CodeArgs } from '../../diagnostics/codes.js';
import type { Report } from '../../diagnostics/report.js';
import type { Quarter } from '../../domain/quarter.js';
import { heldSupplementary } from '../../io/package/package-read.js';
import { makeContext, type CommonOptions } from '../context.js';
import { requireWorkspace } from '../quarter/quarter.js';
import { NO_REGISTER } from '../register/register-facts-none.js';
import { summarizeBatch, type BatchSummary } from './summary.js';

/** The supplementary batch a department's list came in, and the day it was sent there. */
export interface SentLate {
  batch: string;
  sentOn: string | null;
}

/**
 * The first submission of each department to a supplementary batch of each quarter, keyed
 * `<quarter>|<department>` (batches in their order: 2026Q3-2 before 2026Q3-3). Regular batches are skipped.
 */
export function firstSentIn(batches: readonly Pick<BatchSummary, 'batch' | 'departments'>[]): Map<string, SentLate> {
  const supplied = new Map<string, SentLate>();
  for (const b of batches) {
    const [quarter, n] = b.batch.split('-');
    if (n === undefined) continue;
    for (const d of b.departments)
      if (d.status !== 'missing' && !supplied.has(`${quarter}|${d.department}`))
        supplied.set(`${quarter}|${d.department}`, { batch: b.batch, sentOn: d.sentOn });
  }
  return supplied;
}

/**
 * For one regular batch: the departments whose list came in a supplementary batch of its quarter that the
 * workspace holds (compiled or being collected), by department name. Read as supervise reads those batches.
 */
export async function sentLateIn(options: CommonOptions, quarter: Quarter): Promise<Map<string, SentLate>> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const held = heldSupplementary(workspace, ctx.io).filter((b) => b.quarter.year === quarter.year && b.quarter.q === quarter.q);
  const summaries: BatchSummary[] = [];
  for (const b of held) summaries.push((await summarizeBatch(options, quarter, NO_REGISTER, b.n)).summary);
  const out = new Map<string, SentLate>();
  for (const [key, sent] of firstSentIn(summaries)) out.set(key.slice(key.indexOf('|') + 1), sent);
  return out;
}

/**
 * A regular batch's PACKAGE_SUBMISSION_MISSING for a department whose list came in a supplementary batch names
 * that batch (`sentIn`), so the finding says 补报（<batch>） as the status line, supervise and the report do, not
 * "本季度没有报送" beside them (docs/decisions.md "The finding of a 补报"). Code and severity are unchanged.
 */
export function nameSentLate(report: Report, sentLate: ReadonlyMap<string, SentLate> | undefined): Report {
  if (!sentLate || sentLate.size === 0) return report;
  const diagnostics = report.diagnostics.map((d) => {
    const sent = d.code === 'PACKAGE_SUBMISSION_MISSING' && d.department !== undefined ? sentLate.get(d.department) : undefined;
    if (!sent) return d;
    const args: CodeArgs['PACKAGE_SUBMISSION_MISSING'] = { department: d.department ?? '', sentIn: sent.batch };
    return { ...d, args };
  });
  return { ...report, diagnostics };
}
