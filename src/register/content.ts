/**
 * A record's content (truth.md "Content, corrections and revisions"): every column the 公示 or 共享
 * files show for it, as records.json (the package's canonical form) holds them. Identity (register.md)
 * says which record a row is; content says whether it says the same thing. Two rows of one identity
 * with other content are a correction (or REGISTER_CHANGED), never "unchanged".
 *
 * The columns a department writes are compared; what the tool adds from config (认定部门, 报送科室,
 * 数据来源单位) or derives (公示期限（月） from the dates) is not: it would differ without anything the
 * department said having changed. 名单类型 and 领域 are part of the identity.
 */
import type { CreditRecord } from '../schemas/record.js';
import type { FieldKey } from '../schemas/fields.js';
import { canonicalJson, sha256Hex } from './canonical.js';

/** The content columns, in the order of the department's form (REGISTER_CHANGED names them in this order). */
export const CONTENT_FIELDS = [
  'listName',
  'subjectType',
  'subjectName',
  'creditCode',
  'legalRep',
  'legalRepIdType',
  'legalRepIdNumber',
  'idType',
  'idNumber',
  'facts',
  'basis',
  'decisionNo',
  'decisionDate',
  'publishUntil',
  'severity',
  'measures',
  'remarks',
] as const satisfies readonly (keyof CreditRecord & FieldKey)[];

export type ContentField = (typeof CONTENT_FIELDS)[number];

/** The value a content column holds: text, as the package writes it (absent and null are empty). */
function contentValue(r: Partial<Record<ContentField, unknown>>, k: ContentField): string {
  const v = r[k];
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/**
 * The content hash stored with each publication: SHA-256 of the canonical JSON of the content
 * columns (keys sorted, every column present as text), its first 16 hex digits (64 bits: enough to
 * tell a change, a tenth of the line a full hash would add to a province's publish event).
 */
export function contentHash(r: Partial<Record<ContentField, unknown>>): string {
  const content: Record<string, string> = {};
  for (const k of CONTENT_FIELDS) content[k] = contentValue(r, k);
  return sha256Hex(canonicalJson(content)).slice(0, CONTENT_HASH_LENGTH);
}

export const CONTENT_HASH_LENGTH = 16;

/** The content columns in which `sent` differs from `published` (empty: the same content). */
export function changedColumns(
  published: Partial<Record<ContentField, unknown>>,
  sent: Partial<Record<ContentField, unknown>>,
): ContentField[] {
  return CONTENT_FIELDS.filter((k) => contentValue(published, k) !== contentValue(sent, k));
}

/** A publish event's content hashes: one per record, by id. */
export function contentHashes(records: readonly CreditRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of records) out[r.id] = contentHash(r);
  return out;
}
