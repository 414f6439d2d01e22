/**
 * records.json (package.md, register.md, truth.md): the package's canonical records, what it removes,
 * what was resent unchanged and what it corrects. One schema per version the tool has written; every
 * reader goes through parseRecordsFile, which returns the current version.
 *
 * - 1: records without ids (before record identity);
 * - 2: records with ids; `removals` and `unchanged` (later `corrected`) only when the workspace had a register;
 * - 3: `removals`, `unchanged` and `corrected` always present (empty without a register).
 */
import { z } from 'zod';
import { recordIdentity } from '../../domain/identity.js';
import { RecordSchema, type CreditRecord } from '../record.js';
import { CorrectedEntrySchema, RemovalEntrySchema } from '../register-event.js';

/** `removals` and `corrected` entries: the register event's own schemas (schemas/register-event.ts), one place. */
export { CorrectedEntrySchema, RemovalEntrySchema };
export type CorrectedEntry = z.infer<typeof CorrectedEntrySchema>;

const head = { quarter: z.string(), audience: z.literal('sharing') };

export const RecordsFileV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  ...head,
  records: z.array(RecordSchema.omit({ id: true })),
});

export const RecordsFileV2Schema = z.strictObject({
  schemaVersion: z.literal(2),
  ...head,
  records: z.array(RecordSchema),
  removals: z.array(RemovalEntrySchema).optional(),
  unchanged: z.array(z.string()).optional(),
  /** Written by version 2 packages once corrections became revisions, before version 3. */
  corrected: z.array(CorrectedEntrySchema).optional(),
});

/** records.json as compile writes it now. */
export const RecordsFileSchema = z.strictObject({
  schemaVersion: z.literal(3),
  ...head,
  records: z.array(RecordSchema),
  removals: z.array(RemovalEntrySchema),
  /** Ids resent unchanged (already public): not published again. */
  unchanged: z.array(z.string()),
  /** Records corrected under their own id (a new revision), filled by compile with a register. */
  corrected: z.array(CorrectedEntrySchema),
});

export type RecordsFile = z.infer<typeof RecordsFileSchema>;

/** Every version a reader accepts, by schemaVersion (`hrss-credit schema records` prints the newest). */
export const RecordsFileAnySchema = z.discriminatedUnion('schemaVersion', [RecordsFileV1Schema, RecordsFileV2Schema, RecordsFileSchema]);

/** records.json of any version, as its schema reads it. */
export type AnyRecordsFile = z.infer<typeof RecordsFileAnySchema>;

/** The record with its id first (the order records.json keeps). */
export function withRecordId(r: Omit<CreditRecord, 'id'>): CreditRecord {
  return { id: recordIdentity(r).id, ...r };
}

/**
 * Reads a parsed records.json of any version into the current one. Version 1 (no ids): ids are
 * computed as compile would. From version 2 on, an id that is not its record's identity (hand-edited,
 * or written by a tool whose identity differs) is refused: ids must be the same in every output.
 * Throws a ZodError (the key at fault) or an Error with the reason.
 */
export function parseRecordsFile(data: unknown): RecordsFile {
  return currentRecordsFile(RecordsFileAnySchema.parse(data));
}

/**
 * parseRecordsFile of a file its schema has read already (publish takes what the package's verify parsed): the
 * current version, ids as parseRecordsFile makes and checks them. Throws an Error with the reason.
 */
export function currentRecordsFile(file: AnyRecordsFile): RecordsFile {
  if (file.schemaVersion === 1)
    return {
      schemaVersion: 3,
      quarter: file.quarter,
      audience: file.audience,
      records: file.records.map(withRecordId),
      removals: [],
      unchanged: [],
      corrected: [],
    };
  file.records.forEach((r, i) => {
    const expected = recordIdentity(r).id;
    if (r.id !== expected) throw new Error(`records[${i}].id is ${r.id}, its identity gives ${expected}`);
  });
  if (file.schemaVersion === 2)
    return {
      schemaVersion: 3,
      quarter: file.quarter,
      audience: file.audience,
      records: file.records,
      removals: file.removals ?? [],
      unchanged: file.unchanged ?? [],
      corrected: file.corrected ?? [],
    };
  return file;
}
