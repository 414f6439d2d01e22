/** The canonical record (records.json, the sharing audience): what export and the register read. */
import { z } from 'zod';
import { ID_LENGTH } from '../domain/identity.js';
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

// records.json, the file: src/schemas/documents/records.ts.
