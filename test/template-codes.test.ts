// A template's `codes` map over a field of fixed labels should give each label a code (docs/decisions.md "A codes
// map that leaves a label out"): a label left out is written as itself, one column mixing codes and labels.
// package.md's own example leaves out 个体工商户 and must load as written: codesGaps names the gap for a warning
// (TEMPLATE_CODES_INCOMPLETE where the template is used), the schema accepts it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codesGaps, TemplateSchema } from '../src/schemas/template.js';
import { loadTemplate } from '../src/io/workspace/template.js';
import { ToolError } from '../src/diagnostics/tool-error.js';
import { messagesFor } from '../src/messages/index.js';
import { renderToolError } from '../src/messages/render.js';

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

// A `codes` map over a column of names, numbers, dates or free text (docs/decisions.md "codes over an open field"):
// refused where the template is loaded (TEMPLATE_INVALID, exit 2, at the key), not ignored nor applied to a cell that
// matched a key by chance. Over a field of labels (domain too) and over the department it loads.
describe('codes over an open field', () => {
  const file = (column: Record<string, unknown>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-open-'));
    const path = join(dir, 't.json');
    const t = {
      name: 't',
      version: 1,
      sheets: { red: 'a', black: 'b' },
      fileName: 'f',
      columns: [{ header: '名称', field: 'subjectName' }, column],
    };
    writeFileSync(path, JSON.stringify(t));
    return path;
  };
  const refusal = (column: Record<string, unknown>): ToolError => {
    try {
      loadTemplate(file(column), 't.json');
    } catch (e) {
      if (e instanceof ToolError) return e;
      throw e;
    }
    throw new Error('loaded');
  };
  it('is TEMPLATE_INVALID at the column’s codes, naming the field, in either language', () => {
    for (const column of [
      { header: '事由', field: 'facts', codes: { 拖欠工资: '01' } },
      { header: '名称', field: 'subjectName', codes: { 某公司: 'X' } },
      { header: '截止', field: 'publishUntil', codes: { '2026-09-30': 'X' } },
      { header: '季度', value: 'quarter', codes: { '2026Q3': '3' } },
    ]) {
      const e = refusal(column);
      expect(e.code).toBe('TEMPLATE_INVALID');
      expect(e.args).toMatchObject({ key: 'columns[1].codes', problem: 'codesOnOpenField', value: column.field ?? column.value });
      expect(renderToolError(messagesFor('zh-CN'), e)).toContain('不能写 "codes"');
      expect(renderToolError(messagesFor('en'), e)).toContain('cannot have "codes"');
    }
  });
  it('loads over a field of labels, the domain and the department', () => {
    for (const column of [
      { header: '领域', field: 'domain', codes: { 拖欠工资: '01' } },
      { header: '程度', field: 'severity', codes: { 轻微: '1', 一般: '2', 严重: '3' } },
      { header: '科室', value: 'department', codes: { 劳动保障监察支队: 'J' } },
    ])
      expect(loadTemplate(file(column), 't.json').template.columns[1]?.codes).toEqual(column.codes);
  });
});
