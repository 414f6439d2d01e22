/** 领域, 主体类别, 证件类型 and 失信程度 must be values of their lists (submission.md "Values"). */
import { ID_TYPES, SEVERITY_LEVELS, SUBJECT_TYPES, parseIdType, parseSeverityLevel, parseSubjectType } from '../../schemas/enums.js';
import { defineRowRule, type RowContext } from '../types.js';
import type { FieldKey } from '../../schemas/fields.js';

function readEnum<T>(
  ctx: RowContext<'SCHEMA_ENUM'>,
  field: FieldKey,
  parse: (v: string) => T | undefined,
  allowed: () => string[],
): T | undefined {
  const cell = ctx.cells[field];
  if (!cell?.text || ctx.isBad(field)) return undefined;
  const v = parse(cell.text);
  if (v === undefined) {
    ctx.report('SCHEMA_ENUM', { field, value: cell.text, allowed: allowed() }, field);
    ctx.markBad(field);
  }
  return v;
}

export const enumValues = defineRowRule({
  id: 'schema/enum-values',
  emits: ['SCHEMA_ENUM'],
  check(ctx) {
    const { record, env } = ctx;
    const domain = readEnum(
      ctx,
      'domain',
      (v) => env.matrix.resolveDomain(v)?.name,
      () => env.matrix.domains.map((d) => d.name),
    );
    if (domain) record.domain = domain;
    const subjectType = readEnum(ctx, 'subjectType', parseSubjectType, () => [...SUBJECT_TYPES]);
    if (subjectType) record.subjectType = subjectType;
    const idType = readEnum(ctx, 'idType', parseIdType, () => [...ID_TYPES]);
    if (idType) record.idType = idType;
    const legalRepIdType = readEnum(ctx, 'legalRepIdType', parseIdType, () => [...ID_TYPES]);
    if (legalRepIdType) record.legalRepIdType = legalRepIdType;
    const severity = readEnum(ctx, 'severity', parseSeverityLevel, () => [...SEVERITY_LEVELS]);
    if (severity) record.severity = severity;
  },
});
