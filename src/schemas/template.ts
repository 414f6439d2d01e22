/** The credit-office export layout as data (package.md "The export layout is data"). */
import { z } from 'zod';
import { ID_TYPES, LIST_TYPE_LABEL, SEVERITY_LEVELS, SUBJECT_TYPES } from './enums.js';
import { FIELD_KEYS, FIELDS } from './fields.js';

export const DERIVED_VALUES = [
  'rowNumber',
  'periodMonths',
  'department',
  'authority',
  'bureau.name',
  'bureau.creditCode',
  'quarter',
] as const;
export type DerivedValue = (typeof DERIVED_VALUES)[number];

/** The fields whose exported text is one of a fixed set of labels (submission.md "Values"). */
const CLOSED_LABELS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['listType', Object.values(LIST_TYPE_LABEL)],
  ['subjectType', SUBJECT_TYPES],
  ['idType', ID_TYPES],
  ['legalRepIdType', ID_TYPES],
  ['severity', SEVERITY_LEVELS],
]);

/**
 * The columns a `codes` map may stand over: a field whose values are labels (kind `enum`: the fixed sets above and
 * `domain`, whose labels config lists) and the derived `department` (config's names). Over names, numbers, dates or
 * free text a code would replace a whole cell that matched a key by chance (docs/decisions.md "codes over an open
 * field").
 */
const CODED = new Set<string>([...FIELDS.filter((f) => f.kind === 'enum').map((f) => f.key), 'department']);

const columnSchema = z
  .strictObject({
    header: z.string().min(1),
    field: z.enum(FIELD_KEYS).optional(),
    value: z.enum(DERIVED_VALUES).optional(),
    public: z.enum(['show', 'mask', 'omit']).default('show'),
    format: z.enum(['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'YYYY年MM月DD日']).optional(),
    codes: z.record(z.string(), z.string()).optional(),
    width: z.number().int().min(4).max(100).optional(),
  })
  .refine((c) => (c.field === undefined) !== (c.value === undefined), {
    message: 'fieldOrValue',
    params: { problem: 'fieldOrValue' },
  })
  .superRefine((c, ctx) => {
    const over = c.field ?? c.value;
    if (c.codes === undefined || over === undefined || CODED.has(over)) return;
    ctx.addIssue({ code: 'custom', path: ['codes'], message: 'codesOnOpenField', params: { problem: 'codesOnOpenField', value: over } });
  });

export const TemplateSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  version: z.number().int().min(1),
  sheets: z.strictObject({
    red: z.string().min(1).max(31),
    black: z.string().min(1).max(31),
    removed: z.string().min(1).max(31).default('移出名单'),
    /** truth.md: the batch's corrections, written only when it has some. */
    corrected: z.string().min(1).max(31).default('更正名单'),
  }),
  fileName: z
    .string()
    .min(1)
    .regex(/^[^/\\:*?"<>|]+$/),
  sharingSuffix: z.string().default('_共享'),
  columns: z.array(columnSchema).min(1),
});

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateColumn = Template['columns'][number];

/** A `codes` map over a field of fixed labels that leaves labels out: the column (A = 1) and those labels. */
export interface CodesGap {
  column: number;
  header: string;
  labels: string[];
}

/**
 * The columns whose `codes` map gives some of its field's fixed labels no code (docs/decisions.md "A codes map that
 * leaves a label out"): a record with such a label is exported as the label among the codes. package.md's own
 * example leaves out 个体工商户, and the page's examples load as written: a warning where the template is used, not
 * a refusal.
 */
export function codesGaps(template: Template): CodesGap[] {
  const gaps: CodesGap[] = [];
  template.columns.forEach((c, i) => {
    const labels = c.codes && c.field ? CLOSED_LABELS.get(c.field) : undefined;
    const missing = labels?.filter((l) => !Object.hasOwn(c.codes ?? {}, l)) ?? [];
    if (missing.length > 0) gaps.push({ column: i + 1, header: c.header, labels: missing });
  });
  return gaps;
}
