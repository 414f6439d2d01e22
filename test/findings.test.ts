// Every per-finding fixture gives exactly its finding at the right cell, in Chinese and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildCase, cleanup, loadCases, project, runCli, tempDir, TODAY, type Case } from './helpers/cases.js';

const cases = loadCases();
let root: string;

beforeAll(() => {
  root = tempDir('findings');
});
afterAll(() => cleanup(root));

const CJK = /[\u4e00-\u9fff]/;
// An 18-digit citizen ID number with a birth date: never printed in full.
const FULL_ID = /\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dX]/;

describe.each(cases)('$name', (c: Case) => {
  it(`gives exactly ${c.expect.map((e) => e.code).join(', ') || 'no finding'}`, async () => {
    const dir = join(root, c.name);
    const target = await buildCase(c, dir);
    const args = ['validate', target, '--today', TODAY, '--format', 'json'];
    if (c.options?.department) args.push('--department', c.options.department);
    if (c.options?.quarter) args.push('--quarter', c.options.quarter);
    const zh = await runCli(args, dir);
    const zhDoc = JSON.parse(zh.stdout);
    expect(zhDoc.diagnostics.map(project)).toEqual(c.expect);
    const hasError = zhDoc.diagnostics.some((d: { severity: string }) => d.severity === 'error');
    expect(zh.code).toBe(hasError ? 1 : 0);
    for (const d of zhDoc.diagnostics) expect(d.message).toMatch(CJK);
    expect(zh.stdout).not.toMatch(FULL_ID);

    const en = await runCli([...args, '--lang', 'en'], dir);
    const enDoc = JSON.parse(en.stdout);
    expect(enDoc.diagnostics.map(project)).toEqual(c.expect);
    expect(en.code).toBe(zh.code);
    enDoc.diagnostics.forEach((d: { code: string; message: string; args: Record<string, unknown> }, i: number) => {
      expect(d.message).not.toBe(zhDoc.diagnostics[i].message);
      expect(d.message).toMatch(/[a-z]{3,}/);
      // Args are data, not the tool's Chinese prose: a column or cover entry by its key (the
      // catalogue names it), lists as arrays; only SHEET_COLUMN_UNKNOWN carries the user's own header.
      if (d.code !== 'SHEET_COLUMN_UNKNOWN') expect(d.args).not.toHaveProperty('header');
      for (const v of Object.values(d.args)) if (typeof v === 'string') expect(v).not.toMatch(/、/);
    });
  });
});
