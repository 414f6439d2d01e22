/** 领域, 主体类别, 证件类型 and 失信程度 must be values of their lists (submission.md "Values"). */
import { ID_TYPES, SEVERITY_LEVELS, SUBJECT_TYPES, parseIdType, parseSeverityLevel, parseSubjectType } from '../../schemas/enums.js';
import { defineRowRule, type RowContext } from '../types.js';
import type { FieldKey } from '../../schemas/fields.js';

function readEnum<T>(ctx: RowContext, field: FieldKey, header: string, parse: (v: string) => T | undefined, allowed: () => string): T | undefined {
  const cell = ctx.cells[field];
  if (!cell || !cell.text || ctx.isBad(field)) return undefined;
  const v = parse(cell.text);
  if (v === undefined) {
    ctx.report('SCHEMA_ENUM', { header, value: cell.text, allowed: allowed() }, field);
    ctx.markBad(field);
  }
  return v;
}

export const enumValues = defineRowRule({
  id: 'schema/enum-values',
  emits: ['SCHEMA_ENUM'],
  check(ctx) {
    const { record, env } = ctx;
    const domain = readEnum(ctx, 'domain', '领域', (v) => env.matrix.resolveDomain(v)?.name, () =>
      env.matrix.domains.map((d) => d.name).join('、'),
    );
    if (domain) record.domain = domain;
    const subjectType = readEnum(ctx, 'subjectType', '主体类别', parseSubjectType, () => SUBJECT_TYPES.join('、'));
    if (subjectType) record.subjectType = subjectType;
    const idType = readEnum(ctx, 'idType', '证件类型', parseIdType, () => ID_TYPES.join('、'));
    if (idType) record.idType = idType;
    const legalRepIdType = readEnum(ctx, 'legalRepIdType', '法定代表人证件类型', parseIdType, () => ID_TYPES.join('、'));
    if (legalRepIdType) record.legalRepIdType = legalRepIdType;
    const severity = readEnum(ctx, 'severity', '失信程度', parseSeverityLevel, () => SEVERITY_LEVELS.join('、'));
    if (severity) record.severity = severity;
  },
});
