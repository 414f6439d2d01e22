// Random histories for the consistency property (truth.md, issue 17 item 4): what a clerk's year can hold —
// quarters, supplementary batches, resends, corrections of both kinds, removals of every type, objections of
// every outcome, blank forms, nil reports, expiry — as plain data, so a failing seed prints a readable case.
import fc from 'fast-check';

/** Two departments of the built-in matrix and one of their domains each. */
export const DEPTS = [
  { name: '劳动关系科', domain: '劳动合同' },
  { name: '就业办', domain: '劳务派遣' },
] as const;

export type Severity = '轻微' | '一般' | '严重';

export interface RowSpec {
  /** One of four subjects of the department: resending one is what departments do. */
  subject: number;
  list: 'red' | 'black';
  /** 0: as first sent; 1: another 列入事由 (content changed). */
  variant: 0 | 1;
  severity: Severity;
  /** none; 'new': 更正原文书号 names the public record's number, the row a new one; 'same': its own number. */
  correction: 'none' | 'new' | 'same';
}

/**
 * How a department sends its files (list, 报送单, 移出申请): all three kinds reach the bureau — a workbook,
 * a CSV saved by Excel in Chinese Windows (GB18030, no BOM), or a UTF-8 CSV with a BOM. Absent: UTF-8 CSV. 'form':
 * the batch's form from `template` filled in, all three in it (the crossings property, test/truth/crossings/).
 */
export type FileFormat = 'xlsx' | 'csv-gb18030' | 'csv-utf8' | 'form';

export type DeptPlan =
  | { kind: 'absent' }
  | { kind: 'blank' }
  | { kind: 'nil'; removals: number[]; format?: FileFormat }
  | { kind: 'rows'; rows: RowSpec[]; removals: number[]; format?: FileFormat };

export type Step =
  | { kind: 'batch'; supplementary: boolean; plans: DeptPlan[] }
  /** Received and resolved the same day; `open`: left open (overdue at a later batch, or its deadline pending in 2027). */
  | { kind: 'objection'; pick: number; outcome: '维持' | '撤销' | '更正' | 'open' };

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  subject: fc.integer({ min: 0, max: 3 }),
  list: fc.constantFrom('red' as const, 'black' as const),
  variant: fc.oneof({ weight: 4, arbitrary: fc.constant(0 as const) }, { weight: 1, arbitrary: fc.constant(1 as const) }),
  severity: fc.constantFrom<Severity>('轻微', '一般', '严重'),
  correction: fc.oneof(
    { weight: 6, arbitrary: fc.constant('none' as const) },
    { weight: 1, arbitrary: fc.constant('new' as const) },
    { weight: 1, arbitrary: fc.constant('same' as const) },
  ),
});

const removals = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 1 });
const format = fc.constantFrom<FileFormat>('xlsx', 'csv-gb18030', 'csv-utf8');

const deptPlan: fc.Arbitrary<DeptPlan> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nil' as const), removals, format }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('rows' as const),
      rows: fc.array(rowSpec, { minLength: 1, maxLength: 3 }),
      removals,
      format,
    }),
  },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      supplementary: fc.boolean(),
      plans: fc.tuple(deptPlan, deptPlan).map((t) => [...t]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('objection' as const),
      pick: fc.nat(),
      outcome: fc.constantFrom('维持' as const, '撤销' as const, '更正' as const, 'open' as const),
    }),
  },
);

/** A history: a few steps (the first a batch); at most four regular batches (2026Q1…Q4). */
export const history: fc.Arbitrary<Step[]> = fc
  .tuple(
    step.filter((s) => s.kind === 'batch'),
    fc.array(step, { maxLength: 3 }),
  )
  .map(([first, rest]) => [{ ...first, supplementary: false } as Step, ...rest]);

const row = (subject: number, list: 'red' | 'black', extra: Partial<RowSpec> = {}): RowSpec => ({
  subject,
  list,
  variant: 0,
  severity: '一般',
  correction: 'none',
  ...extra,
});

/**
 * The clerk's year of issue 17, played first on every run: blank forms, a resend, corrections of both
 * kinds, a supplementary batch, objections of every outcome, removals of every type, an expiry.
 */
export const CLERKS_YEAR: Step[] = [
  {
    kind: 'batch',
    supplementary: false,
    plans: [
      { kind: 'rows', rows: [row(0, 'red'), row(1, 'black'), row(2, 'black', { severity: '轻微' })], removals: [] },
      { kind: 'blank' },
    ],
  },
  { kind: 'objection', pick: 0, outcome: '更正' },
  {
    kind: 'batch',
    supplementary: false,
    plans: [
      {
        kind: 'rows',
        rows: [row(0, 'red'), row(1, 'black', { correction: 'same', variant: 1 }), row(3, 'red')],
        removals: [2],
        format: 'xlsx',
      },
      { kind: 'rows', rows: [row(0, 'red')], removals: [], format: 'csv-gb18030' },
    ],
  },
  {
    kind: 'batch',
    supplementary: true,
    plans: [{ kind: 'absent' }, { kind: 'rows', rows: [row(1, 'black', { severity: '严重' })], removals: [] }],
  },
  { kind: 'objection', pick: 1, outcome: '撤销' },
  { kind: 'objection', pick: 2, outcome: '维持' },
  {
    kind: 'batch',
    supplementary: false,
    plans: [
      { kind: 'rows', rows: [row(1, 'black', { correction: 'new' })], removals: [3], format: 'csv-gb18030' },
      { kind: 'nil', removals: [0], format: 'xlsx' },
    ],
  },
];

/**
 * A regular batch of two red rows (the other department absent), two objections resolved as 撤销, then a
 * supplementary batch in which the department sends nothing but carries the removals: what the supplementary-batch
 * tests share (supplementary-members, revocation-owner, removals-only-views, supplementary-removals).
 */
export const REVOKED_THEN_SUPPLEMENTARY: Step[] = [
  {
    kind: 'batch',
    supplementary: false,
    plans: [
      {
        kind: 'rows',
        rows: [
          { subject: 3, list: 'red', variant: 0, severity: '一般', correction: 'none' },
          { subject: 0, list: 'red', variant: 0, severity: '一般', correction: 'none' },
        ],
        removals: [],
      },
      { kind: 'absent' },
    ],
  },
  { kind: 'objection', pick: 0, outcome: '撤销' },
  { kind: 'objection', pick: 0, outcome: '撤销' },
  { kind: 'batch', supplementary: true, plans: [{ kind: 'blank' }, { kind: 'absent' }] },
];

/**
 * A red record published, then resent unchanged beside its own 移出申请 in the next batch: the package counted it
 * `unchanged` 1 and a removal, while diff listed it removed only (round 30). Played first by the property's
 * first part, beside the clerk's year; the random histories reach it too (a subject resent and removed at once).
 */
export const RESENT_AND_REMOVED: Step[] = [
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [row(0, 'red')], removals: [] }, { kind: 'absent' }] },
  {
    kind: 'batch',
    supplementary: false,
    plans: [{ kind: 'rows', rows: [row(0, 'red'), row(1, 'black')], removals: [0] }, { kind: 'absent' }],
  },
];

/**
 * Objections left open: one received after 2026Q3's batch (overdue by 2026Q4's), one after 2026Q4's in January 2027
 * (its deadline pending: the built-in calendar does not cover 2027) before a supplementary batch of 2026Q4. Every view
 * counts the two apart (objection-counts.ts).
 */
export const OPEN_OBJECTIONS: Step[] = [
  {
    kind: 'batch',
    supplementary: false,
    plans: [{ kind: 'rows', rows: [row(0, 'red'), row(1, 'black')], removals: [] }, { kind: 'absent' }],
  },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'absent' }, { kind: 'rows', rows: [row(2, 'red')], removals: [] }] },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'nil', removals: [] }, { kind: 'absent' }] },
  { kind: 'objection', pick: 0, outcome: 'open' },
  { kind: 'batch', supplementary: false, plans: [{ kind: 'absent' }, { kind: 'nil', removals: [] }] },
  { kind: 'objection', pick: 1, outcome: 'open' },
  { kind: 'batch', supplementary: true, plans: [{ kind: 'absent' }, { kind: 'rows', rows: [row(3, 'red')], removals: [] }] },
];
