/**
 * manifest.json of a package (package.md): what verify trusts only after it validates. Version 1 up
 * to the figures of truth.md, version 2 since; readers parse ManifestAnySchema.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { FiguresSchema, zeroFigures, type Figures } from './figures.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const redBlack = z.strictObject({ red: count, black: count });

/** A `/`-separated path inside the package: no absolute path, drive, backslash, `.` or `..` segment. */
export function isInsidePath(p: string): boolean {
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

// Top level, inputs and departments accept keys added by later versions (the stored hash protects
// their content); outputs and counts, which verify acts on, are strict.
const manifestHead = {
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  bureau: z.strictObject({ name: z.string(), creditCode: z.string() }),
  /** The batch: 2026Q3, or a supplementary batch 2026Q3-2 (register.md "Batches"). */
  quarter: z.string().regex(/^\d{4}Q[1-4](?:-\d{1,2})?$/),
  generatedAt: z.string(),
  template: z.strictObject({ name: z.string(), version: z.number(), sha256 }),
  inputs: z.array(z.object({ path: z.string().min(1), sha256, bytes: count, department: z.string() })),
  outputs: z
    .array(
      z.strictObject({
        path: z
          .string()
          .refine(isInsidePath, 'not a path inside the package')
          .refine((p) => p !== 'manifest.json', 'manifest.json cannot list itself'),
        sha256,
        bytes: count,
        audience: z.enum(['public', 'sharing', 'internal']),
      }),
    )
    .refine((list) => new Set(list.map((o) => o.path)).size === list.length, 'a path is listed twice'),
  departments: z.array(
    z.object({
      name: z.string(),
      known: z.literal(false).optional(),
      submitted: z.boolean(),
      nilReport: z.boolean(),
      onTime: z.boolean().nullable(),
      sentOn: z.string().nullable().optional(),
      deadline: z.string().nullable().optional(),
      daysLate: count.nullable().optional(),
      signedOff: z.boolean().optional(),
      reviewer: z.string(),
      reviewedOn: z.string(),
      approver: z.string(),
      approvedOn: z.string(),
    }),
  ),
  diagnostics: z.strictObject({ errors: count, warnings: count, info: count }),
};

/** Version 1: counts per department are red and black only. */
export const ManifestV1Schema = z.object({
  schemaVersion: z.literal(1),
  ...manifestHead,
  counts: z.strictObject({
    red: count,
    black: count,
    byDepartment: z.record(z.string(), redBlack),
    byDomain: z.record(z.string(), redBlack),
  }),
});

/**
 * Version 2 (truth.md "Figures, named once"): counts per department are the batch's figures — rows
 * received, red and black published, unchanged, corrected, removals by type — as every view shows them.
 */
export const ManifestSchema = z.object({
  schemaVersion: z.literal(2),
  ...manifestHead,
  counts: z.strictObject({
    red: count,
    black: count,
    byDepartment: z.record(z.string(), FiguresSchema),
    byDomain: z.record(z.string(), redBlack),
  }),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** Every version a reader accepts (verify, supervise, report). */
export const ManifestAnySchema = z.discriminatedUnion('schemaVersion', [ManifestV1Schema, ManifestSchema]);
export type AnyManifest = z.infer<typeof ManifestAnySchema>;

/** A department's figures from a manifest of any version: version 1 knew only red and black (then rows = red + black). */
export function manifestFigures(m: AnyManifest, department: string): Figures {
  if (!Object.hasOwn(m.counts.byDepartment, department)) return zeroFigures();
  if (m.schemaVersion === 2) return m.counts.byDepartment[department] ?? zeroFigures();
  const c = m.counts.byDepartment[department] ?? { red: 0, black: 0 };
  return { ...zeroFigures(), rows: c.red + c.black, red: c.red, black: c.black };
}
