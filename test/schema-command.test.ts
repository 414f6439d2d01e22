// `hrss-credit schema [NAME]` (truth.md "Documents, typed once"): the documents listed, the JSON Schema of
// each printed from its one zod schema, a mistyped name refused with a suggestion (exit 2).
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cases.js';
import { DOCUMENT_NAMES } from '../dist/schemas/documents/index.js';

describe('schema', () => {
  it('lists every document with what it is, in both languages', async () => {
    const zh = await runCli(['schema'], ROOT);
    expect(zh.code).toBe(0);
    for (const n of DOCUMENT_NAMES) expect(zh.stdout).toContain(n);
    expect(zh.stdout).toContain('records.json');
    const en = JSON.parse((await runCli(['schema', '--format', 'json', '--lang', 'en'], ROOT)).stdout);
    expect(en).toMatchObject({ schemaVersion: 1, command: 'schema', valid: true });
    expect(en.documents.map((d: { name: string }) => d.name)).toEqual(DOCUMENT_NAMES);
    expect(
      en.documents.every((d: { description: string }) => /^[\x20-\x7e’'…/]+$/.test(d.description.replace(/报送情况\.xlsx|督查/g, ''))),
    ).toBe(true);
  });

  it('prints the JSON Schema of each document: records.json has room for corrected, the manifest its figures', async () => {
    for (const n of DOCUMENT_NAMES) {
      const res = await runCli(['schema', n], ROOT);
      expect(res.code, n).toBe(0);
      const s = JSON.parse(res.stdout);
      expect(s.$schema, n).toMatch(/json-schema\.org/);
    }
    const records = JSON.parse((await runCli(['schema', 'records'], ROOT)).stdout);
    expect(records.required).toEqual(expect.arrayContaining(['schemaVersion', 'records', 'removals', 'unchanged', 'corrected']));
    // `replaces` (a correction under a new 认定文书号: the id it replaces) is optional, so older packages still read.
    expect(Object.keys(records.properties.corrected.items.properties)).toEqual(['id', 'revision', 'changed', 'replaces']);
    expect(records.properties.corrected.items.required).toEqual(['id', 'revision', 'changed']);
    const manifest = JSON.parse((await runCli(['schema', 'manifest'], ROOT)).stdout);
    expect(Object.keys(manifest.properties.counts.properties.byDepartment.additionalProperties.properties)).toEqual([
      'rows',
      'red',
      'black',
      'unchanged',
      'corrected',
      'removals',
    ]);
  });

  it('a name it does not know: exit 2, did you mean, in the chosen language', async () => {
    const zh = await runCli(['schema', 'recrds', '--format', 'json'], ROOT);
    expect(zh.code).toBe(2);
    expect(JSON.parse(zh.stdout).error).toMatchObject({ code: 'USAGE' });
    expect(JSON.parse(zh.stdout).error.message).toContain('records');
    const en = await runCli(['schema', 'manifests', '--lang', 'en'], ROOT);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('did you mean manifest?');
  });
});
