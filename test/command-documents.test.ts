// Every command's JSON typed once (truth.md "Documents, typed once", issue 17 item 1): each command run
// with --format json on the bundled example workspace (a register import, compile, publish, diff,
// objections, supervise, report …), its stdout parsed with the command's one schema from
// src/schemas/documents/ — strict objects all the way down, so a key the schema does not know fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';
import { DOCUMENTS, DOCUMENT_NAMES, documentSchema, type DocumentName } from '../dist/schemas/documents/index.js';
import { hasPretty, renderDocument } from '../dist/reporters/registry.js';
import { ReportViewDocumentSchema } from '../dist/schemas/documents/report-view.js';
import { renderReportHtml } from '../dist/reporters/html.js';
import { messagesFor } from '../dist/messages/index.js';

/** The documents that are a command's --format json (the others are files a package holds, or their parts). */
const NOT_A_COMMAND = new Set(['manifest', 'records', 'report', 'quarter-summary', 'figures']);

const env = { HRSS_CREDIT_USER: '测试', HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

let dir: string;
let ws: string;
const seen = new Set<string>();

async function json(name: string, args: string[], codes: number[] = [0]): Promise<Record<string, unknown>> {
  const res = await runCli([...args, '-w', ws, '--today', '2026-10-15', '--format', 'json'], dir, env);
  expect(codes, `${args.join(' ')}: exit ${res.code}\n${res.stdout}${res.stderr}`).toContain(res.code);
  const schema = documentSchema(name);
  if (!schema) throw new Error(`no schema ${name}`);
  const parsed = schema.safeParse(JSON.parse(res.stdout));
  expect(parsed.success ? [] : parsed.error.issues, `${args.join(' ')} against schema ${name}`).toEqual([]);
  seen.add(name);
  return JSON.parse(res.stdout) as Record<string, unknown>;
}

beforeAll(() => {
  dir = tempDir('command-documents');
  ws = join(dir, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // A measures catalogue, so that `measures` prints entries and not only an empty list.
  cpSync(join(ROOT, 'templates', 'measures.example.json'), join(ws, 'measures.json'));
  const configPath = join(ws, 'hrss-credit.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  writeFileSync(configPath, JSON.stringify({ ...config, measures: 'measures.json' }, null, 2));
});

afterAll(() => cleanup(dir));

describe('every command prints the document its schema describes (strict)', () => {
  it('the reference commands: rules, matrix, measures, schema, calendar, template', async () => {
    expect(((await json('rules', ['rules'])).rules as unknown[]).length).toBeGreaterThan(50);
    await json('rules', ['rules', 'SHEET_HIDDEN']);
    await json('matrix', ['matrix']);
    expect(((await json('measures', ['measures'])).measures as unknown[]).length).toBeGreaterThan(0);
    await json('schema', ['schema']);
    await json('calendar', ['calendar', '2026']);
    await json('calendar', ['calendar', '2099'], [1]);
    await json('template', ['template', '就业办', '--quarter', '2026Q4', '--out', join(dir, 'form.xlsx')]);
  });

  it("a quarter's life: validate, import, status, compile, verify, export, publish, diff, the register, objections, supervise, report", async () => {
    await json('validate', ['validate', join(ws, 'submissions', '2026Q3', '就业办')], [0, 1]);
    const annotated = await json(
      'validate',
      ['validate', join(ws, 'submissions', '2026Q3', '监察支队'), '--annotate', join(dir, 'marked')],
      [0, 1],
    );
    expect(Array.isArray(annotated.annotated)).toBe(true);
    const history = join(ws, 'history', '2026Q2');
    const lists = readdirSync(history).map((f) => join(history, f));
    await json('register-import', [
      'register',
      'import',
      ...lists,
      '--batch',
      '2026Q2',
      '--published-on',
      '2026-07-20',
      '--department',
      '劳动关系科',
    ]);
    await json('status', ['status', '2026Q3'], [0, 1]);
    const compiled = await json('compile', ['compile', '2026Q3', '--zip']);
    expect(compiled.written).toBe(true);
    await json('verify', ['verify', join(ws, 'packages', '2026Q3')]);
    await json('verify', ['verify', join(ws, 'packages', '2026Q3.zip')]);
    await json('export', ['export', '2026Q3', '--to', join(dir, 'export')]);
    await json('publish', ['publish', '2026Q3', '--on', '2026-10-15']);
    await json('publish', ['publish', '2026Q3', '--on', '2026-10-15']);
    const diff = await json('diff', ['diff', '2026Q2', '2026Q3']);
    expect((diff.added as unknown[]).length + (diff.removed as unknown[]).length).toBeGreaterThan(0);
    const list = await json('register-list', ['register', 'list', '--status', 'all']);
    const records = list.records as { id: string; status: string }[];
    expect(records.some((r) => r.status === 'removed')).toBe(true);
    await json('register-list', ['register', 'list', '--xlsx', join(dir, 'ledger.xlsx')]);
    const active = records.find((r) => r.status === 'active');
    if (!active) throw new Error('no active record');
    await json('register-show', ['register', 'show', active.id]);
    await json('register-show', ['register', 'show', 'nobody-at-all'], [1]);
    await json('register-verify', ['register', 'verify']);
    await json('register-repair', ['register', 'repair']);
    await json('register-note', ['register', 'note', '核对完毕', '--id', active.id]);
    const added = await json('objection-add', [
      'objection',
      'add',
      '--received',
      '2026-10-12',
      '--from',
      '王某',
      '--summary',
      '认定事实有误',
      '--record',
      active.id,
    ]);
    const number = (added.objection as { number: string }).number;
    await json('objection-list', ['objection', 'list']);
    await json('objection-resolve', ['objection', 'resolve', number, '--outcome', '更正', '--opinion', '列入事由表述有误，予以更正']);
    await json('objection-list', ['objection', 'list', '--all']);
    await json('objection-letter', ['objection', 'letter', number, '--out', join(dir, '告知书.docx')]);
    await json('supervise', ['supervise', '2026']);
    await json('report-view', ['report', '2026Q3']);
    await json('report-view', ['report', '2026', '--out', join(dir, 'year.html')]);
    // Every command's document was printed and parsed at least once.
    expect(DOCUMENT_NAMES.filter((n) => !NOT_A_COMMAND.has(n) && !seen.has(n))).toEqual([]);
  });

  it('report --format json prints exactly the model the page is drawn from: the page rendered from the JSON is the page written', async () => {
    for (const [target, out] of [
      ['2026Q3', join(dir, 'q3.html')],
      ['2026', join(dir, 'y.html')],
    ] as const) {
      const res = await runCli(['report', target, '--out', out, '-w', ws, '--today', '2026-10-15', '--format', 'json'], dir, {
        ...env,
        SOURCE_DATE_EPOCH: '1790000000',
      });
      expect(res.code).toBe(0);
      const { schemaVersion: _v, command: _c, path: _p, ...model } = ReportViewDocumentSchema.parse(JSON.parse(res.stdout));
      expect(renderReportHtml(model, messagesFor('zh-CN'))).toBe(readFileSync(out, 'utf8'));
    }
  });

  it('the terminal shows the same document: for a kind whose layout is in the registry, pretty output is that layout of the JSON document', async () => {
    const { Chalk } = await import('chalk');
    const ctx = { m: messagesFor('zh-CN'), chalk: new Chalk({ level: 0 }), ascii: false, width: 120 };
    const cases: [DocumentName, string[]][] = [
      ['rules', ['rules', 'SHEET_HIDDEN']],
      ['measures', ['measures']],
      ['schema', ['schema']],
      ['verify', ['verify', join(ws, 'packages', '2026Q3')]],
      ['export', ['export', '2026Q3', '--to', join(dir, 'export-again'), '--force']],
      ['template', ['template', '就业办', '--quarter', '2026Q4', '--out', join(dir, 'form.xlsx')]],
      ['status', ['status', '2026Q3']],
    ];
    for (const [kind, args] of cases) {
      expect(hasPretty(kind), kind).toBe(true);
      const run = (format: string) => runCli([...args, '-w', ws, '--today', '2026-10-15', '--format', format], dir, env);
      const json = await run('json');
      const pretty = await run('pretty');
      expect(pretty.code, kind).toBe(json.code);
      expect(pretty.stdout, kind).toBe(renderDocument(kind, 'pretty', JSON.parse(json.stdout), ctx));
    }
  });

  it('a key a schema does not know fails it, at the top and inside (strict objects)', async () => {
    const doc = await json('diff', ['diff', '2026Q2', '2026Q3']);
    const schema = documentSchema('diff');
    expect(schema?.safeParse({ ...doc, extra: 1 }).success).toBe(false);
    const [first, ...rest] = doc.removed as Record<string, unknown>[];
    expect(schema?.safeParse({ ...doc, removed: [{ ...first, extra: 1 }, ...rest] }).success).toBe(false);
    const verify = await json('verify', ['verify', join(ws, 'packages', '2026Q3')]);
    expect(documentSchema('verify')?.safeParse({ ...verify, manifest: { ...(verify.manifest as object), extra: 1 } }).success).toBe(false);
  });

  it("every command's schema is strict all the way down: its JSON Schema allows no key it does not name", async () => {
    const { z } = await import('zod');
    const loose: string[] = [];
    const walk = (s: unknown, path: string): void => {
      if (s === null || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (o.type === 'object' && o.properties !== undefined && o.additionalProperties !== false) loose.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    for (const d of DOCUMENTS.filter((x) => !NOT_A_COMMAND.has(x.name)))
      walk(z.toJSONSchema(d.schema, { unrepresentable: 'any', io: 'input' }), d.name);
    expect(loose).toEqual([]);
  });
});
