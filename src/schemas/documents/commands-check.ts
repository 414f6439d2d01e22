/**
 * The JSON documents of the checking and reference commands (cli.md, truth.md "Documents, typed once"):
 * validate, verify, export, calendar, rules, matrix, measures, template and schema's list. Each is the
 * report's keys (report.ts) and the command's own, strict: a key the schema does not know is a defect
 * (test/command-documents.test.ts). The commands build the inferred types; `hrss-credit schema NAME`
 * prints them.
 */
import { z } from 'zod';
import { count, isoDate } from './primitives.js';
import { bareShape, commandShape } from './report.js';
import { MeasureEntrySchema } from '../measures.js';

/**
 * `validate --format json`: the findings; with --annotate, the marked-up copies written (paths relative to the current folder)
 * and the inputs that get none by rule (`notAnnotated`: a zip's lists, department.md; `reason` is a stable word).
 */
export const ValidateDocumentSchema = z.strictObject({
  ...commandShape('validate'),
  annotated: z.array(z.strictObject({ source: z.string(), path: z.string(), marked: count, omitted: count })).optional(),
  notAnnotated: z.array(z.strictObject({ source: z.string(), reason: z.literal('zip') })).optional(),
});
export type ValidateDocument = z.infer<typeof ValidateDocumentSchema>;

/** The manifest's own check: its SHA-256, the one stored beside the package (null when there is none), and whether they agree. */
const ManifestCheckSchema = z.strictObject({
  sha256: z.string(),
  expected: z.string().nullable(),
  hashFile: z.string(),
  ok: z.boolean().nullable(),
});

/**
 * What `verify()` (api/quarter/verify.ts) finds — its result type is this schema's, no second interface —
 * and, below, the document `verify --format json` prints from it (the same keys, picked: they cannot drift).
 */
export const VerifyResultSchema = z.strictObject({
  dir: z.string(),
  /** A package folder or its zip. */
  kind: z.enum(['folder', 'zip']),
  checked: count,
  changed: z.array(z.string()),
  missing: z.array(z.string()),
  added: z.array(z.string()),
  manifest: ManifestCheckSchema,
  /** manifest.json does not validate: the key at fault and the problem (then nothing else is checked). */
  manifestInvalid: z.strictObject({ key: z.string(), problem: z.string() }).optional(),
  /** Counts of the manifest that disagree with one another or with records.json (keys). */
  inconsistent: z.array(z.string()),
  ok: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

const verified = VerifyResultSchema.shape;

/** `verify --format json`: what the recomputed hashes found (README "verify"), the finding's message rendered. */
export const VerifyDocumentSchema = z.strictObject({
  ...commandShape('verify'),
  kind: verified.kind,
  checked: verified.checked,
  changed: verified.changed,
  missing: verified.missing,
  added: verified.added,
  inconsistent: verified.inconsistent,
  manifest: verified.manifest,
  manifestInvalid: z.strictObject({ ...verified.manifestInvalid.unwrap().shape, message: z.string() }).optional(),
});
export type VerifyDocument = z.infer<typeof VerifyDocumentSchema>;

/** `export --format json`: the folder written, its files and how many records they hold. */
export const ExportDocumentSchema = z.strictObject({
  ...commandShape('export'),
  dir: z.string(),
  files: z.array(z.string()),
  records: count,
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

const DayNameSchema = z.string().nullable();

/** `calendar [YEAR] --format json`: the year's holidays, 调休 days and where they come from. */
export const CalendarDocumentSchema = z.strictObject({
  ...commandShape('calendar'),
  calendar: z.strictObject({
    year: z.number().int(),
    covered: z.boolean(),
    source: z
      .union([
        z.strictObject({ kind: z.literal('builtin'), package: z.string(), version: z.string() }),
        z.strictObject({ kind: z.literal('file'), path: z.string(), source: z.string().optional() }),
      ])
      .nullable(),
    holidays: z.array(z.strictObject({ from: isoDate, to: isoDate, days: count, name: DayNameSchema, nameEn: DayNameSchema })),
    workdays: z.array(
      z.strictObject({ date: isoDate, weekday: z.number().int().min(0).max(6), name: DayNameSchema, nameEn: DayNameSchema }),
    ),
    workingDays: count.nullable(),
    coverage: z.strictObject({
      builtin: z.strictObject({ package: z.string(), version: z.string(), years: z.array(z.number().int()) }),
      local: z.array(z.number().int()),
    }),
  }),
});
export type CalendarDocument = z.infer<typeof CalendarDocumentSchema>;

/** `rules [CODE] --format json`: every code (or one), its default severity and how to fix it. */
export const RulesDocumentSchema = z.strictObject({
  ...commandShape('rules'),
  rules: z.array(
    z.strictObject({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      /** The severity cannot be changed by config. */
      fixed: z.boolean(),
      group: z.string(),
      title: z.string(),
      hint: z.string(),
    }),
  ),
});
export type RulesDocument = z.infer<typeof RulesDocumentSchema>;

/** `matrix --format json`: the responsibility matrix in force. */
export const MatrixDocumentSchema = z.strictObject({
  ...commandShape('matrix'),
  departments: z.array(
    z.strictObject({ name: z.string(), aliases: z.array(z.string()), authority: z.string(), domains: z.array(z.string()) }),
  ),
  domains: z.array(z.strictObject({ name: z.string(), aliases: z.array(z.string()) })),
});
export type MatrixDocument = z.infer<typeof MatrixDocumentSchema>;

/** `measures [--department D] --format json`: the 联合奖惩措施清单 entries in force. */
export const MeasuresDocumentSchema = z.strictObject({
  ...bareShape('measures'),
  measures: z.array(MeasureEntrySchema),
});
export type MeasuresDocument = z.infer<typeof MeasuresDocumentSchema>;

const WrittenFormSchema = z.strictObject({ department: z.string(), path: z.string() });

/** `template --format json`: the forms written and those skipped because the file exists (paths relative to the current folder). */
export const TemplateDocumentSchema = z.strictObject({
  ...bareShape('template'),
  quarter: z.string(),
  written: z.array(WrittenFormSchema),
  skipped: z.array(WrittenFormSchema),
});
export type TemplateDocument = z.infer<typeof TemplateDocumentSchema>;

/** `schema --format json` (no NAME): the documents, each with what it is. */
export const SchemaListDocumentSchema = z.strictObject({
  ...commandShape('schema'),
  documents: z.array(z.strictObject({ name: z.string(), description: z.string() })),
});
export type SchemaListDocument = z.infer<typeof SchemaListDocumentSchema>;

/** `page --format json`: the self-check page written (its path as shown), its size, the tool's version, when, and for which workspace. */
export const PageDocumentSchema = z.strictObject({
  ...bareShape('page'),
  path: z.string(),
  bytes: count,
  version: z.string(),
  writtenAt: z.string(),
  /** The workspace's folder name, or empty when the page was written outside one. */
  workspace: z.string(),
});
export type PageDocument = z.infer<typeof PageDocumentSchema>;
