// A template's `codes` map over a field of fixed labels must give each label a code (docs/decisions.md "A codes
// map that leaves a label out"): the label left out was written as itself, one column mixing codes and labels.
import { describe, expect, it } from 'vitest';
import { TemplateSchema } from '../src/schemas/template.js';

const template = (column: Record<string, unknown>) => ({
  name: 't',
  version: 1,
  sheets: { red: 'a', black: 'b' },
  fileName: 'f',
  columns: [{ header: '名称', field: 'subjectName' }, column],
});
const issue = (column: Record<string, unknown>) => {
  const r = TemplateSchema.safeParse(template(column));
  return r.success ? null : { path: r.error.issues[0]?.path.join('.'), params: (r.error.issues[0] as { params?: unknown }).params };
};

describe('codes over a field of fixed labels', () => {
  it('names the labels without a code, at the column’s codes', () => {
    expect(issue({ header: '类', field: 'subjectType', codes: { 法人及非法人组织: '1', 自然人: '0' } })).toEqual({
      path: 'columns.1.codes',
      params: { problem: 'codesIncomplete', value: '个体工商户' },
    });
    expect(issue({ header: '型', field: 'listType', codes: { 红名单: 'R' } })?.params).toEqual({
      problem: 'codesIncomplete',
      value: '黑名单',
    });
    expect(issue({ header: '证', field: 'legalRepIdType', codes: { 居民身份证: '111' } })?.params).toMatchObject({
      value: expect.stringContaining('外国人护照'),
    });
  });
  it('accepts a full map, and a map over an open field (a partial list of substitutions there)', () => {
    expect(issue({ header: '类', field: 'subjectType', codes: { 法人及非法人组织: '1', 个体工商户: '2', 自然人: '0' } })).toBeNull();
    expect(issue({ header: '程度', field: 'severity', codes: { 轻微: '1', 一般: '2', 严重: '3' } })).toBeNull();
    expect(issue({ header: '领域', field: 'domain', codes: { 拖欠工资: '01' } })).toBeNull();
  });
});
