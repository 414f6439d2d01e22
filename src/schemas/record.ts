/** The canonical record (records.json, the sharing audience): what export and the register read. */
import { z } from 'zod';
import { ID_LENGTH, recordIdentity } from '../domain/identity.js';
import { ID_TYPES, SEVERITY_LEVELS, SUBJECT_TYPES } from './enums.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RecordSchema = z.strictObject({
  /** register.md "Record identity": computed by src/domain/identity.ts, never by hand. */
  id: z.string().regex(new RegExp(`^[0-9a-f]{${ID_LENGTH}}$`)),
  listType: z.enum(['red', 'black']),
  domain: z.string().min(1),
  listName: z.string(),
  subjectType: z.enum(SUBJECT_TYPES as unknown as [string, ...string[]]),
  subjectName: z.string().min(1),
  creditCode: z.string(),
  legalRep: z.string(),
  legalRepIdType: z.union([z.enum(ID_TYPES), z.literal('')]),
  legalRepIdNumber: z.string(),
  idType: z.union([z.enum(ID_TYPES), z.literal('')]),
  idNumber: z.string(),
  facts: z.string(),
  basis: z.string(),
  decisionNo: z.string(),
  decisionDate: isoDate,
  publishUntil: isoDate,
  publishUntilDefaulted: z.boolean(),
  severity: z.union([z.enum(SEVERITY_LEVELS as unknown as [string, ...string[]]), z.literal('')]),
  measures: z.string(),
  remarks: z.string(),
  department: z.string().min(1),
  authority: z.string(),
  quarter: z.string().regex(/^\d{4}Q[1-4]$/),
  periodMonths: z.number().int().min(0),
  /** 更正原文书号: the decision of the public record this one corrects (register.md); absent when none. */
  correctionOf: z.string().optional(),
  source: z.strictObject({ file: z.string(), sheet: z.string().optional(), row: z.number().int().positive() }),
});

export type CreditRecord = z.infer<typeof RecordSchema>;

/** records.json as compile writes it: schemaVersion 2, an `id` on every record (register.md). */
export const RecordsFileSchema = z.strictObject({
  schemaVersion: z.literal(2),
  quarter: z.string(),
  audience: z.literal('sharing'),
  records: z.array(RecordSchema),
});

export type RecordsFile = z.infer<typeof RecordsFileSchema>;

/** records.json of packages compiled before records had ids. */
const RecordsFileV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  quarter: z.string(),
  audience: z.literal('sharing'),
  records: z.array(RecordSchema.omit({ id: true })),
});

/** The record with its id first (the order records.json keeps). */
export function withRecordId(r: Omit<CreditRecord, 'id'>): CreditRecord {
  return { id: recordIdentity(r).id, ...r };
}

/**
 * Reads a parsed records.json. Version 1 (no ids) is read too: every field identity is made of is in
 * it, so ids are computed as compile would. In version 2 an id that is not its record's identity
 * (hand-edited, or written by a tool whose identity differs) is refused: ids must be the same in every
 * output. Throws with the reason.
 */
export function parseRecordsFile(data: unknown): RecordsFile {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === 1) {
    const v1 = RecordsFileV1Schema.parse(data);
    return { ...v1, schemaVersion: 2, records: v1.records.map(withRecordId) };
  }
  const file = RecordsFileSchema.parse(data);
  file.records.forEach((r, i) => {
    const expected = recordIdentity(r).id;
    if (r.id !== expected) throw new Error(`records[${i}].id is ${r.id}, its identity gives ${expected}`);
  });
  return file;
}
