// A template's `codes` map over a field of fixed labels should give each label a code (docs/decisions.md "A codes
// map that leaves a label out"): a label left out is written as itself, one column mixing codes and labels.
// package.md's own example leaves out 个体工商户 and must load as written: codesGaps names the gap for a warning
// (TEMPLATE_CODES_INCOMPLETE where the template is used), the schema accepts it.
import { describe, expect, it } from 'vitest';
import { codesGaps, TemplateSchema } from '../src/schemas/template.js';

const template = (column: Record<string, unknown>) =>
  TemplateSchema.parse({
    name: 't',
    version: 1,
    sheets: { red: 'a', black: 'b' },
    fileName: 'f',
    columns: [{ header: '名称', field: 'subjectName' }, column],
  });

describe('codes over a field of fixed labels', () => {
  it('names the labels without a code, at the column (package.md’s example loads)', () => {
    expect(codesGaps(template({ header: '类', field: 'subjectType', codes: { 法人及非法人组织: '1', 自然人: '0' } }))).toEqual([
      { column: 2, header: '类', labels: ['个体工商户'] },
    ]);
    expect(codesGaps(template({ header: '型', field: 'listType', codes: { 红名单: 'R' } }))[0]?.labels).toEqual(['黑名单']);
    expect(codesGaps(template({ header: '证', field: 'legalRepIdType', codes: { 居民身份证: '111' } }))[0]?.labels).toContain('外国人护照');
  });
  it('no gap for a full map, nor for a map over an open field (a partial list of substitutions there)', () => {
    expect(
      codesGaps(template({ header: '类', field: 'subjectType', codes: { 法人及非法人组织: '1', 个体工商户: '2', 自然人: '0' } })),
    ).toEqual([]);
    expect(codesGaps(template({ header: '程度', field: 'severity', codes: { 轻微: '1', 一般: '2', 严重: '3' } }))).toEqual([]);
    expect(codesGaps(template({ header: '领域', field: 'domain', codes: { 拖欠工资: '01' } }))).toEqual([]);
  });
});
