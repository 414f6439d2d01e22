/**
 * The figures of truth.md "Figures, named once": per department and batch, the same keys in every
 * view (status, compile, the manifest, 报送情况.xlsx, supervise, the report). Computed by
 * api/quarter/figures.ts only; this is their shape.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { REMOVAL_TYPES } from '../register-event.js';

/** register.md removal types (移出类型), in the order every view lists them (schemas/register-event.ts). */
export { REMOVAL_TYPES };

/** Removals accepted in the batch, one count per type (移出). */
export const RemovalCountsSchema = z.strictObject({
  violation: count,
  early: count,
  revoked: count,
  corrected: count,
  expired: count,
});
export type RemovalCounts = z.infer<typeof RemovalCountsSchema>;

export const FiguresSchema = z.strictObject({
  /** List rows received in the batch (报送条数). */
  rows: count,
  /** Records the batch publishes, new and corrected (本批发布 红名单 / 黑名单). */
  red: count,
  black: count,
  /** Rows resent with identical content, already public (重复报送未变). */
  unchanged: count,
  /** Records of red/black that are corrections of a public record (其中更正). */
  corrected: count,
  removals: RemovalCountsSchema,
});
export type Figures = z.infer<typeof FiguresSchema>;

export function noRemovals(): RemovalCounts {
  return { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 };
}

export function zeroFigures(): Figures {
  return { rows: 0, red: 0, black: 0, unchanged: 0, corrected: 0, removals: noRemovals() };
}

/** Every removal of the batch, whatever its type (the one number a narrow table shows as 移出). */
export function removalTotal(r: RemovalCounts): number {
  return r.violation + r.early + r.revoked + r.corrected + r.expired;
}

/** Just the figures of something that carries them (a department's status, a summary's totals), in the schema's key order. */
export function figuresOf(t: Figures): Figures {
  return { rows: t.rows, red: t.red, black: t.black, unchanged: t.unchanged, corrected: t.corrected, removals: t.removals };
}

/** The sum of several departments' figures (a 汇总 row, a year). */
export function addFigures(list: readonly Figures[]): Figures {
  const out = zeroFigures();
  for (const f of list) {
    out.rows += f.rows;
    out.red += f.red;
    out.black += f.black;
    out.unchanged += f.unchanged;
    out.corrected += f.corrected;
    for (const t of REMOVAL_TYPES) out.removals[t] += f.removals[t];
  }
  return out;
}
