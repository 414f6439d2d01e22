// `hrss-credit schema [NAME]` (truth.md "Documents, typed once"): the documents listed, the JSON Schema of
// each printed from its one zod schema, a mistyped name refused with a suggestion (exit 2).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';
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

  it('prints the JSON Schema of a register event line (truth.md lists event lines among the documents), and a log’s lines fit it', async () => {
    const res = await runCli(['schema', 'register-event'], ROOT);
    expect(res.code).toBe(0);
    const schema = JSON.parse(res.stdout);
    type Branch = { properties: Record<string, { const?: string }>; required: string[] };
    const branches: Branch[] = schema.oneOf ?? schema.anyOf;
    const byType = new Map(branches.map((b) => [b.properties.type?.const, b]));
    expect([...byType.keys()].sort()).toEqual(['import', 'note', 'objection-add', 'objection-resolve', 'publish', 'repair']);
    // `prev` may be absent on a log's first line (register/foreign.ts; test/register/event-line-schema.test.ts).
    for (const b of branches) expect(b.required).toEqual(expect.arrayContaining(['seq', 'at', 'by', 'host', 'hash', 'type']));
    for (const b of branches) expect(Object.keys(b.properties)).toContain('prev');
    // Lines this tool writes, read as a script would: each one's keys are its branch's, its required keys present.
    const tmp = tempDir('schema-event');
    try {
      const ws = join(tmp, 'ws');
      cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
      const at = ['-w', ws, '--today', TODAY];
      expect((await runCli(['compile', '2026Q3', ...at], ROOT)).code).toBe(0);
      expect((await runCli(['publish', '2026Q3', '--by', '测试', ...at], ROOT)).code).toBe(0);
      expect((await runCli(['register', 'note', '已报送市信用办', '--by', '测试', ...at], ROOT)).code).toBe(0);
      const lines = readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(lines.map((l) => JSON.parse(l).type)).toEqual(['publish', 'note']);
      for (const line of lines) {
        const event = JSON.parse(line) as Record<string, unknown>;
        const branch = byType.get(String(event.type)) as Branch;
        expect(Object.keys(event).filter((k) => !(k in branch.properties))).toEqual([]);
        expect(branch.required.filter((k) => !(k in event))).toEqual([]);
      }
    } finally {
      cleanup(tmp);
    }
  });
});
