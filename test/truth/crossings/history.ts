// Histories where two features meet (round 31): the consistency property's steps (consistency/history.ts) with
// what they were thin on — lists published before the tool was used (register import) whose three-year period
// ends one day before, on, or one day after a quarter's last day; objections left open while the department
// resends, removes or corrects the record, then resolved (some past their deadline of 3 working days).
import fc from 'fast-check';
import { history as consistencyHistory, type Step } from '../consistency/history.js';

/** An older record: a red one (3 years) or a black 严重 one (3 years), its period ending at `edge` of quarter `q`'s end. */
export interface ImportRow {
  subject: number;
  list: 'red' | 'black';
  /** 2026's quarter whose last day the period ends beside. */
  q: 0 | 1 | 2 | 3;
  /** −1: the day before the quarter's last day; 0: on it; 1: the day after. */
  edge: -1 | 0 | 1;
}

export type CrossStep =
  | Step
  /** Lists published before the tool was used, imported for one department (its batch 2023Q…). */
  | { kind: 'import'; dept: 0 | 1; rows: ImportRow[] }
  /** An objection received on a public record and left open. */
  | { kind: 'open'; pick: number }
  /** The oldest open objection resolved, `after` days after it was received (past 3 working days is late). */
  | { kind: 'resolve'; outcome: '维持' | '撤销' | '更正'; after: number };

const importRow: fc.Arbitrary<ImportRow> = fc.record({
  subject: fc.integer({ min: 0, max: 2 }),
  list: fc.constantFrom('red' as const, 'black' as const),
  q: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  edge: fc.constantFrom(-1 as const, 0 as const, 1 as const),
});

const importStep: fc.Arbitrary<CrossStep> = fc.record({
  kind: fc.constant('import' as const),
  dept: fc.constantFrom(0 as const, 1 as const),
  rows: fc.array(importRow, { minLength: 1, maxLength: 3 }),
});

const extra: fc.Arbitrary<CrossStep> = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('resolve' as const),
    outcome: fc.constantFrom('维持' as const, '撤销' as const, '更正' as const),
    after: fc.integer({ min: 0, max: 8 }),
  }),
);

/**
 * A history: an import or none first, then the consistency property's history with open objections and
 * their resolutions put between its steps.
 */
export const crossHistory: fc.Arbitrary<CrossStep[]> = fc
  .tuple(
    fc.option(importStep, { nil: undefined }),
    consistencyHistory,
    fc.array(fc.tuple(fc.nat(), extra), { maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    fc.nat(),
  )
  .map(([imp, steps, extras, forms, importAt]) => {
    // A department sends the batch's form from `template` filled in (about one in four that send a list or 无信息报告).
    let k = 0;
    const out: CrossStep[] = steps.map((s) =>
      s.kind !== 'batch'
        ? s
        : {
            ...s,
            plans: s.plans.map((p) =>
              (p.kind === 'rows' || p.kind === 'nil') && forms[k++ % 8] && forms[(k * 3) % 8] ? { ...p, format: 'form' as const } : p,
            ),
          },
    );
    // Never before the first batch (nothing is public before it, unless imported).
    for (const [at, s] of extras) out.splice(1 + (at % out.length), 0, s);
    if (!imp) return out;
    // Mostly first (the tool taken up with the old lists at hand); sometimes later, out of order
    // (REGISTER_IMPORT_OUT_OF_ORDER: a list found after some batches were published).
    const at = importAt % 3 === 0 ? 1 + (importAt % out.length) : 0;
    return [...out.slice(0, at), imp, ...out.slice(at)];
  });

const red0 = { subject: 0, list: 'red' as const, variant: 0 as const, severity: '一般' as const, correction: 'none' as const };

/**
 * Played first on every run (round 31's finding, "A 撤销 of a record no longer public"): an objection left open on a
 * red record while its department corrects it under a new 认定文书号, then resolved 撤销; a nil report next quarter.
 * The next package listed the replaced record again, as revoked (`removed-once`).
 */
export const REVOKED_AFTER_CORRECTION: CrossStep[] = [
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [red0], removals: [] }, { kind: 'absent' }] },
  { kind: 'open', pick: 0 },
  {
    kind: 'batch',
    supplementary: false,
    plans: [{ kind: 'rows', rows: [{ ...red0, correction: 'new' }], removals: [] }, { kind: 'absent' }],
  },
  { kind: 'resolve', outcome: '撤销', after: 1 },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'nil', removals: [] }, { kind: 'absent' }] },
];

/**
 * Also played first (round 31, "Importing history out of order"): an older list imported after 2026Q1 was published,
 * its red record public on 2026Q1's day and expired before 2026Q2's. diff 2026Q1 2026Q2 left it out of the earlier
 * side, so the 2026Q1 list with the diff applied was not 2026Q2's (`diff-composes`).
 */
export const IMPORTED_AFTER_A_BATCH: CrossStep[] = [
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [red0], removals: [] }, { kind: 'absent' }] },
  { kind: 'import', dept: 1, rows: [{ subject: 0, list: 'red', q: 1, edge: -1 }] },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'nil', removals: [] }, { kind: 'absent' }] },
];

const nil: CrossStep = { kind: 'batch', supplementary: false, plans: [{ kind: 'nil', removals: [] }, { kind: 'absent' }] };

/**
 * Also played first (round 33, "An expiry belongs to the batch that lists it"): an older red record whose period ends
 * on 2026-04-01, after 2026Q1's last day and before its batch's day (2026-04-12). 2026Q1's package cannot list it
 * (register.md: on or before the quarter's last day), 2026Q2's does; diff 2026Q1 2026Q2 listed nothing while diff
 * of the batch before and 2026Q1 removed it: one expiry in two batches' views (`diff-removes-package`).
 */
export const EXPIRY_IN_THE_WINDOW: CrossStep[] = [
  { kind: 'import', dept: 1, rows: [{ subject: 1, list: 'red', q: 0, edge: 1 }] },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [red0], removals: [] }, { kind: 'absent' }] },
  nil,
];

/**
 * Also played first (round 33): 2026Q1 published, 2026Q2 not (its department changed a public record without a
 * correction: REGISTER_CHANGED, nothing written), 2026Q3 published, an older record's period ending on 2026-10-01 —
 * after 2026Q3's last day, before its day. diff 2026Q1 2026Q3 removed it, 2026Q3's package did not; 2026Q4's package
 * listed it and diff 2026Q3 2026Q4 did not.
 */
export const EXPIRY_OVER_A_SKIPPED_BATCH: CrossStep[] = [
  { kind: 'import', dept: 1, rows: [{ subject: 1, list: 'red', q: 2, edge: 1 }] },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [red0], removals: [] }, { kind: 'absent' }] },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [{ ...red0, variant: 1 }], removals: [] }, { kind: 'absent' }] },
  nil,
  nil,
];
