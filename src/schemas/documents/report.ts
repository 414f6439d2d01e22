/**
 * The JSON report (cli.md "The JSON report"): every command's `--format json` document starts with
 * these keys, and a package's report.json is compile's. Commands add their own keys (their schemas in
 * this folder extend this one); the report is loose for that reason only.
 */
import { z } from 'zod';
import { count } from './primitives.js';

export const LocationSchema = z.strictObject({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
});

export const JsonDiagnosticSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  department: z.string().optional(),
  location: LocationSchema,
  args: z.record(z.string(), z.unknown()),
  message: z.string(),
  hint: z.string(),
});

export const DroppedSchema = z.strictObject({
  department: z.string().optional(),
  file: z.string().optional(),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  kept: count,
  dropped: count,
});

export const StatsSchema = z.strictObject({ files: count, rows: count, errors: count, warnings: count, info: count });

/** The keys every command's document has (schemaVersion 1 since the first release). */
export const reportShape = {
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  command: z.string(),
  quarter: z.string().optional(),
  valid: z.boolean(),
  stats: StatsSchema,
  diagnostics: z.array(JsonDiagnosticSchema),
  /** Always written since findings were capped; report.json of the first packages had none (read as empty). */
  dropped: z.array(DroppedSchema).default([]),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
};

/** The report's keys with `command` fixed to the command's name. */
export function commandShape<C extends string>(command: C) {
  return { ...reportShape, command: z.literal(command) };
}

/**
 * The documents without findings (the first department-side ones, and the lists register.md and
 * objections.md give exactly: `{"schemaVersion":1,"command",…}`): their version and command only.
 */
export function bareShape<C extends string>(command: C) {
  return { schemaVersion: z.literal(1), command: z.literal(command) };
}

/** The report's keys alone: what diagnostics/report-document.ts builds, before a command's own keys. */
export const ReportBaseSchema = z.strictObject(reportShape);
export type ReportBase = z.infer<typeof ReportBaseSchema>;
export type JsonDiagnostic = z.infer<typeof JsonDiagnosticSchema>;

/** A command's JSON document (and report.json): the report's keys, and the command's own. */
export const ReportDocumentSchema = z.looseObject(reportShape);
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;
