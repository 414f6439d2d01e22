/**
 * Canonical records (records.json) and the rows the export template makes of them. Pure: no disk.
 */
import { monthsBetweenCeil } from '../../domain/dates.js';
import { maskIdentifier, type MaskRule } from '../../domain/mask.js';
import { showText } from '../../domain/privacy.js';
import { detach, toXmlSafe } from '../../domain/text.js';
import { LIST_TYPE_LABEL } from '../../schemas/enums.js';
import type { Matrix, DepartmentDef } from '../../schemas/matrix.js';
import type { CreditRecord } from '../../schemas/record.js';
import { withRecordId } from '../../schemas/documents/records.js';
import type { Template, TemplateColumn } from '../../schemas/template.js';
import type { CheckedRecord } from '../../table/list-sheet.js';
import { subjectKeyOf } from '../../domain/identity.js';

export function toCreditRecord(
  r: CheckedRecord,
  dept: DepartmentDef,
  bureauName: string,
  quarter: string,
  file: string,
  sheet: string | undefined,
): CreditRecord | undefined {
  const d = r.draft;
  if (!d.subjectType || !d.decisionDate || !d.publishUntil) return undefined;
  const isPerson = d.subjectType === '自然人';
  return withRecordId(
    detachRecord({
      listType: r.listType,
      domain: r.domain,
      listName: d.listName,
      subjectType: d.subjectType,
      subjectName: d.subjectName,
      creditCode: d.creditCode,
      legalRep: d.legalRep,
      legalRepIdType: d.legalRepIdType ?? (d.legalRepIdNumber ? '居民身份证' : ''),
      legalRepIdNumber: d.legalRepIdNumber,
      idType: d.idType ?? (isPerson && d.idNumber ? '居民身份证' : ''),
      idNumber: d.idNumber,
      facts: d.facts,
      basis: d.basis,
      decisionNo: d.decisionNo,
      decisionDate: d.decisionDate,
      publishUntil: d.publishUntil,
      publishUntilDefaulted: d.publishUntilDefaulted,
      severity: d.severity ?? '',
      measures: d.measures,
      remarks: d.remarks,
      department: dept.name,
      authority: dept.authority ?? bureauName,
      quarter,
      periodMonths: monthsBetweenCeil(d.decisionDate, d.publishUntil),
      source: { file, ...(sheet !== undefined ? { sheet } : {}), row: r.row },
      ...(d.correctionOf ? { correctionOf: d.correctionOf } : {}),
    }),
  );
}

/** Kept records must not hold the batch strings they were split from. */
function detachRecord(r: Omit<CreditRecord, 'id'>): Omit<CreditRecord, 'id'> {
  const out = { ...r } as Record<string, unknown>;
  // toXmlSafe: what XML 1.0 forbids is U+FFFD in records.json too, as in the workbooks.
  for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = detach(toXmlSafe(v));
  return out as unknown as Omit<CreditRecord, 'id'>;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** package.md "Determinism": 红 before 黑, domain and department in matrix order, subject key, name. */
export function sortRecords(records: CreditRecord[], matrix: Matrix): CreditRecord[] {
  const keys = new Map(records.map((r) => [r, subjectKeyOf(r).key]));
  const key = (r: CreditRecord): string => keys.get(r) as string;
  return [...records].sort(
    (a, b) =>
      (a.listType === b.listType ? 0 : a.listType === 'red' ? -1 : 1) ||
      matrix.domainRank(a.domain) - matrix.domainRank(b.domain) ||
      matrix.departmentRank(a.department) - matrix.departmentRank(b.department) ||
      byCodePoint(key(a), key(b)) ||
      byCodePoint(a.subjectName, b.subjectName) ||
      byCodePoint(a.decisionDate, b.decisionDate) ||
      byCodePoint(a.decisionNo, b.decisionNo) ||
      byCodePoint(a.source.file, b.source.file) ||
      a.source.row - b.source.row,
  );
}

export type Audience = 'public' | 'sharing';

export interface ExportContext {
  bureau: { name: string; creditCode: string };
  maskRule: MaskRule;
}

function formatDate(iso: string, format: TemplateColumn['format']): string {
  if (!iso || !format || format === 'YYYY-MM-DD') return iso;
  const [y, m, d] = iso.split('-');
  if (format === 'YYYY/MM/DD') return `${y}/${m}/${d}`;
  if (format === 'YYYYMMDD') return `${y}${m}${d}`;
  return `${y}年${m}月${d}日`;
}

/** The columns an audience sees: 公示 leaves out `omit` columns. */
export function columnsFor(template: Template, audience: Audience): TemplateColumn[] {
  return template.columns.filter((c) => audience === 'sharing' || c.public !== 'omit');
}

/** One exported row: text values in the template's column order. */
export function exportRow(rec: CreditRecord, index: number, columns: TemplateColumn[], audience: Audience, ctx: ExportContext): string[] {
  return columns.map((c) => {
    let v: string;
    if (c.field) {
      const raw =
        c.field === 'listType' ? LIST_TYPE_LABEL[rec.listType] : String((rec as unknown as Record<string, unknown>)[c.field] ?? '');
      v = c.format ? formatDate(raw, c.format) : raw;
      if (audience === 'public' && v) {
        // An ID column is masked whole; any other text has its ID- and mobile-shaped numbers
        // masked (SCHEMA_PERSONAL_INFO, package.md "Personal information"). 共享 keeps them.
        v = c.public === 'mask' ? maskIdentifier(v, ctx.maskRule) : showText(v, { audience, maskRule: ctx.maskRule });
      }
    } else {
      switch (c.value) {
        case 'rowNumber':
          v = String(index + 1);
          break;
        case 'periodMonths':
          v = String(rec.periodMonths);
          break;
        case 'department':
          v = rec.department;
          break;
        case 'authority':
          v = rec.authority;
          break;
        case 'bureau.name':
          v = ctx.bureau.name;
          break;
        case 'bureau.creditCode':
          v = ctx.bureau.creditCode;
          break;
        case 'quarter':
          v = rec.quarter;
          break;
        default:
          v = '';
      }
    }
    // Own keys only: a cell reading `toString` or `__proto__` is a value, not a key of Object.prototype.
    return c.codes && Object.hasOwn(c.codes, v) ? (c.codes[v] as string) : v;
  });
}

/** Records per list and per domain (the compile summary and the manifest). */
export function countRecords(records: readonly CreditRecord[]): {
  red: number;
  black: number;
  byDomain: Record<string, { red: number; black: number }>;
} {
  const out = { red: 0, black: 0, byDomain: Object.create(null) as Record<string, { red: number; black: number }> };
  for (const r of records) {
    out[r.listType]++;
    (out.byDomain[r.domain] ??= { red: 0, black: 0 })[r.listType]++;
  }
  return out;
}
