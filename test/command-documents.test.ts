// Every command's JSON typed once (truth.md "Documents, typed once", issue 17 item 1): each command run
// with --format json on the bundled example workspace (a register import, compile, publish, diff,
// objections, supervise, report …), its stdout parsed with the command's one schema from
// src/schemas/documents/ — strict objects all the way down, so a key the schema does not know fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCase, cleanup, loadCases, ROOT, runCli, tempDir, EXAMPLE_2026Q2_IMPORT } from './helpers/cases.js';
import { DOCUMENTS, DOCUMENT_NAMES, documentSchema, type DocumentName } from '../dist/schemas/documents/index.js';
import { hasPretty, renderDocument, type ViewOf } from '../dist/reporters/registry.js';
import { ReportViewDocumentSchema } from '../dist/schemas/documents/report-view.js';
import { renderReportHtml } from '../dist/reporters/html.js';
import { messagesFor } from '../dist/messages/index.js';
import { BatchSummarySchema } from '../dist/schemas/documents/batch-summary.js';
import { DepartmentTallySchema } from '../dist/schemas/documents/supervise.js';
import { VerifyResultSchema } from '../dist/schemas/documents/commands-check.js';
import { RegisterVerifyResultSchema } from '../dist/schemas/documents/commands-register.js';
import { supervise } from '../dist/api/reports/supervise.js';
import { verify } from '../dist/api/quarter/verify.js';
import { registerVerify } from '../dist/api/register/register.js';
import { objectionList } from '../dist/api/objections/objection.js';

/** The documents that are a command's --format json (the others are files a package holds, or their parts). */
const NOT_A_COMMAND = new Set([
  'manifest',
  'records',
  'report',
  'quarter-summary',
  'figures',
  'package-summary',
  'batch-summary',
  'supervise-counts',
  'register-event',
]);

const env = { HRSS_CREDIT_USER: '测试', HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

let dir: string;
let ws: string;
const seen = new Set<string>();
/** The last document each command printed (the layouts below are drawn from them in both languages). */
const printed = new Map<string, Record<string, unknown>>();

async function json(name: string, args: string[], codes: number[] = [0]): Promise<Record<string, unknown>> {
  const res = await runCli([...args, '-w', ws, '--today', '2026-10-15', '--format', 'json'], dir, env);
  expect(codes, `${args.join(' ')}: exit ${res.code}\n${res.stdout}${res.stderr}`).toContain(res.code);
  const schema = documentSchema(name);
  if (!schema) throw new Error(`no schema ${name}`);
  const parsed = schema.safeParse(JSON.parse(res.stdout));
  expect(parsed.success ? [] : parsed.error.issues, `${args.join(' ')} against schema ${name}`).toEqual([]);
  seen.add(name);
  printed.set(name, JSON.parse(res.stdout));
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
    await json('page', ['page', '--out', join(dir, 'page.html')]);
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
    await json('register-import', ['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT]);
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

describe("the api's results are their schemas' types (no hand-written twin)", () => {
  it("verify's and register verify's results, supervise's batch summaries and per-department tallies parse with their schemas", async () => {
    const options = { cwd: dir, workspace: ws, today: '2026-10-15' };
    for (const target of [join(ws, 'packages', '2026Q3'), join(ws, 'packages', '2026Q3.zip')]) {
      const r = await verify(target, dir);
      expect(VerifyResultSchema.parse(r)).toEqual(r);
    }
    const chain = registerVerify(options);
    expect(RegisterVerifyResultSchema.parse(chain)).toEqual(chain);
    const year = await supervise(2026, options);
    expect(year.batches.length).toBeGreaterThan(0);
    for (const b of year.batches) expect(BatchSummarySchema.parse(b)).toEqual(b);
    expect(year.departments.length).toBeGreaterThan(0);
    for (const t of year.departments) expect(DepartmentTallySchema.parse(t)).toEqual(t);
    // Strict: a key the schema does not name fails (so a field added to the api without its schema fails here).
    expect(BatchSummarySchema.safeParse({ ...year.batches[0], extra: 1 }).success).toBe(false);
    expect(VerifyResultSchema.safeParse({ ...(await verify(join(ws, 'packages', '2026Q3'), dir)), extra: 1 }).success).toBe(false);
  });
});

/**
 * One registry of reporters (issue 17 item 2–3): a command builds its document and emits it; its text in
 * either format is the registry's rendering of that document. A command that prints JSON or a layout of
 * its own fails here: its JSON would not be the registry's, its pretty output not the registry's layout of
 * the JSON it prints, or (the source check) it draws a table or writes stdout itself.
 */
describe('every view goes through the reporters registry', () => {
  const LANGS = ['zh-CN', 'en'] as const;
  let bad = '';

  /** The view (what the screen shows beyond the document) that the command passes for these arguments. */
  function viewFor(kind: DocumentName, args: string[]): unknown {
    if (kind === 'compile') return { dryRun: args.includes('--dry-run'), platform: process.platform };
    if (kind === 'matrix') {
      const config = JSON.parse(readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8'));
      return { bureau: config.bureau.name };
    }
    if (kind === 'supervise') return { registerKnown: true };
    if (kind === 'objection-list') {
      const r = objectionList({ cwd: dir, workspace: ws, today: '2026-10-15', ...(args.includes('--all') ? { which: 'all' } : {}) });
      return {
        extras: r.objections.map((o: { subjectKey: string; overdue: boolean; awaitingCorrection: boolean }) => ({
          subjectKey: o.subjectKey,
          overdue: o.overdue,
          awaitingCorrection: o.awaitingCorrection,
        })),
        today: r.today,
        findings: r.report,
      };
    }
    if (kind === 'objection-add' || kind === 'objection-resolve') return { extra: null };
    return undefined;
  }

  // Commands that can be run twice with the same outcome (the json run, then the pretty run), in the state
  // the quarter's life above left the workspace in (compiled, published, an objection resolved).
  const cases = (): [DocumentName, string[]][] => [
    ['rules', ['rules', 'SHEET_HIDDEN']],
    ['matrix', ['matrix']],
    ['measures', ['measures']],
    ['schema', ['schema']],
    ['calendar', ['calendar', '2026']],
    ['calendar', ['calendar', '2099']],
    ['validate', ['validate', join(ws, 'submissions', '2026Q3', '就业办')]],
    ['validate', ['validate', bad]],
    ['template', ['template', '就业办', '--quarter', '2026Q4', '--out', join(dir, 'form.xlsx')]],
    ['page', ['page', '--out', join(dir, 'page-again.html')]],
    ['status', ['status', '2026Q3']],
    ['compile', ['compile', '2026Q3', '--dry-run']],
    ['compile', ['compile', '2026Q3']],
    ['verify', ['verify', join(ws, 'packages', '2026Q3')]],
    ['export', ['export', '2026Q3', '--to', join(dir, 'export-again'), '--force']],
    ['publish', ['publish', '2026Q3', '--on', '2026-10-15']],
    ['diff', ['diff', '2026Q2', '2026Q3']],
    ['register-list', ['register', 'list', '--status', 'all']],
    ['register-show', ['register', 'show', 'nobody-at-all']],
    ['register-verify', ['register', 'verify']],
    ['register-repair', ['register', 'repair']],
    ['objection-list', ['objection', 'list', '--all']],
    [
      'objection-add',
      ['objection', 'add', '--received', '2026-10-12', '--from', '王某', '--summary', '认定事实有误', '--subject', '无此人'],
    ],
    ['objection-letter', ['objection', 'letter', 'O2099-001', '--out', join(dir, 'none.docx')]],
    ['supervise', ['supervise', '2026']],
    ['report-view', ['report', '2026Q3', '--out', join(dir, 'q3-again.html')]],
  ];

  it("every command's stdout is the registry's rendering of its document: JSON the document itself, pretty its layout, in zh-CN and in English", async () => {
    const { Chalk } = await import('chalk');
    const covered = new Set<string>();
    // A department folder with findings (a phone number and an ID number in its cover), for the findings tables.
    const chosen = loadCases().find((c) => c.name === 'personal-info-in-cover');
    if (!chosen) throw new Error('no findings case');
    bad = join(dir, 'bad', await buildCase(chosen, join(dir, 'bad')));
    for (const lang of LANGS) {
      const ctx = { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
      for (const [kind, args] of cases()) {
        expect(hasPretty(kind), kind).toBe(true);
        const run = (format: string) => runCli([...args, '-w', ws, '--today', '2026-10-15', '--lang', lang, '--format', format], dir, env);
        const json = await run('json');
        const doc = JSON.parse(json.stdout);
        expect(documentSchema(kind)?.safeParse(doc).success, `${args.join(' ')} against ${kind}`).toBe(true);
        expect(json.stdout, `${kind} json`).toBe(renderDocument(kind, 'json', doc, ctx));
        const pretty = await run('pretty');
        expect(pretty.code, `${args.join(' ')} (${lang})`).toBe(json.code);
        const view = viewFor(kind, args) as ViewOf<typeof kind>;
        expect(pretty.stdout, `${args.join(' ')} (${lang})`).toBe(renderDocument(kind, 'pretty', doc, ctx, view));
        covered.add(kind);
      }
    }
    // Every command's document has its layout, and every layout was compared with a real run (or, for the
    // writers that cannot be run twice alike, is drawn from the document they printed: next test).
    const commands = DOCUMENT_NAMES.filter((n) => !NOT_A_COMMAND.has(n));
    expect(commands.filter((n) => !hasPretty(n))).toEqual([]);
    expect(commands.filter((n) => !covered.has(n)).sort()).toEqual(['objection-resolve', 'register-import', 'register-note']);
  });

  it('the writers run once (register import, note, objection resolve): their layout of the document they printed, in both languages', async () => {
    const { Chalk } = await import('chalk');
    const words: Record<string, Record<(typeof LANGS)[number], RegExp>> = {
      'register-import': { 'zh-CN': /已导入|导入/, en: /[Ii]mported/ },
      'register-note': { 'zh-CN': /备注/, en: /[Nn]ote/ },
      'objection-resolve': { 'zh-CN': /已办结异议 O2026-001：更正/, en: /O2026-001/ },
    };
    for (const kind of ['register-import', 'register-note', 'objection-resolve'] as const) {
      const doc = printed.get(kind);
      if (!doc) throw new Error(`no ${kind} printed`);
      const texts = LANGS.map((lang) => {
        const ctx = { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 120 };
        const view = (kind === 'objection-resolve' ? { extra: null } : undefined) as ViewOf<typeof kind>;
        // `kind` is a union in this loop: TypeScript cannot tie the document printed to it (the schema did, above).
        const text = renderDocument(kind, 'pretty', doc as never, ctx, view);
        expect(text, `${kind} ${lang}`).toMatch(words[kind]?.[lang] as RegExp);
        expect(text.endsWith('\n'), kind).toBe(true);
        return text;
      });
      expect(texts[0], kind).not.toBe(texts[1]);
    }
  });

  it('no command file draws a table, formats findings or JSON, or writes stdout itself: it runs the api and calls emit()', () => {
    const folder = join(ROOT, 'src', 'cli', 'commands');
    const offences: string[] = [];
    for (const f of readdirSync(folder)) {
      const text = readFileSync(join(folder, f), 'utf8');
      for (const [i, line] of text.split('\n').entries()) {
        const drawn = /reporters\/pretty\.js|makeTable|formatDiagnostics|formatSummary|writeDiagnostics|formatJson\(/.test(line);
        const written = /stdout\.write\(/.test(line);
        if (!drawn && !written) continue;
        // `schema NAME` prints a JSON Schema, which is no document of the tool's.
        if (f === 'schema.ts' && /formatJson\(z\.toJSONSchema/.test(line)) continue;
        offences.push(`${f}:${i + 1}: ${line.trim()}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
