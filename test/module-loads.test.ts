// What a command loads (issue 22, docs/decisions.md "A command loads what it uses"): a light command
// must not load the readers, writers and rules of other commands. Counted by name, not timed: each
// command runs as its own process under bench/module-trace.mjs (an ES load hook plus require's cache),
// through bin/ and dist/ as a clerk runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';
import { summarise } from '../bench/module-trace.mjs';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const TRACE = pathToFileURL(join(ROOT, 'bench', 'module-trace.mjs')).href;
const TODAY = ['--today', '2026-10-15'];

interface Loaded {
  code: number | null;
  dist: string[];
  packages: Record<string, number>;
}

let tmp: string;
let ws: string;
/** publish 2026Q3 of the compiled example, traced: it makes the register the other commands read. */
let published: Loaded;

/** The modules `hrss-credit <args>` loads: the tool's dist/ modules and each package's file count. */
function loaded(args: string[]): Loaded {
  const file = join(tmp, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, HRSS_TRACE_FILE: file, NO_COLOR: '1', HRSS_CREDIT_LANG: '' },
  });
  expect(existsSync(file), r.stderr).toBe(true);
  return { code: r.status, ...summarise(readFileSync(file, 'utf8').split('\n')) };
}

/** Packages and dist/ folders that only reading or writing lists, zips and workbooks needs. */
const READERS = ['exceljs', 'csv-parse', 'saxes', 'yauzl', 'yazl', 'docx', 'file-type', 'iconv-lite'];
const READER_DIST = /^(io\/(xlsx|csv|zip)\/|rules\/|api\/department\/|forms\/|io\/annotate\/)/;

function expectLight(l: Loaded, allowed: { zod?: boolean } = {}): void {
  expect(Object.keys(l.packages).filter((p) => READERS.includes(p))).toEqual([]);
  expect(l.dist.filter((d) => READER_DIST.test(d))).toEqual([]);
  if (!allowed.zod) expect(l.packages).not.toHaveProperty('zod');
}

beforeAll(async () => {
  tmp = tempDir('module-loads');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  expect((await runCli(['compile', '2026Q3', '-w', ws, ...TODAY, '--format', 'json'], tmp)).code).toBe(0);
  published = loaded(['publish', '2026Q3', '-w', ws, ...TODAY, '--format', 'json']);
  expect(published.code).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

describe('a light command loads no reader, writer or rule', () => {
  it('--version and --help: not even zod', () => {
    for (const args of [['--version'], ['--help'], ['register', '--help']]) {
      const l = loaded(args);
      expect(l.code, args.join(' ')).toBe(0);
      expectLight(l);
      // The log's early hash is imported only for a command that reads the register (cli/early-log.ts).
      expect(l.dist).not.toContain('io/register/log-hash.js');
      expect(l.dist).toContain('cli/early-log.js');
    }
  });

  it('register show of one record (terminal and JSON)', () => {
    for (const format of ['pretty', 'json']) {
      const l = loaded(['register', 'show', '9141070000000000XX', '-w', ws, ...TODAY, '--format', format]);
      expect(l.code).toBe(1); // no such record: the register was read all the same
      expect(l.dist).toContain('register/chain.js');
      expectLight(l, { zod: true });
    }
  });

  it('register list, register verify and publish (a package folder is verified without yauzl)', () => {
    expectLight(loaded(['register', 'list', '-w', ws, ...TODAY]), { zod: true });
    expectLight(loaded(['register', 'verify', '-w', ws, ...TODAY]), { zod: true });
    expect(published.dist).toContain('api/quarter/verify.js');
    expectLight(published, { zod: true });
  });
});

describe('a register command loads one language, no table it does not draw, no package schema it does not read', () => {
  const CATALOGUE = /^messages\/(zh-CN|en)\/(codes|codes-files|codes-register|tool-errors|ui)\.js$/;
  const catalogues = (l: Loaded): string[] => l.dist.filter((d) => CATALOGUE.test(d));

  it("register show: the chosen language's findings, errors and screen words only (zh-CN by default, en with --lang en)", () => {
    const zh = loaded(['register', 'show', '9141070000000000XX', '-w', ws, ...TODAY, '--format', 'json']);
    expect(zh.code).toBe(1);
    expect(catalogues(zh).sort()).toEqual(
      ['codes-files', 'codes-register', 'codes', 'tool-errors', 'ui'].map((f) => `messages/zh-CN/${f}.js`).sort(),
    );
    const en = loaded(['register', 'show', '9141070000000000XX', '-w', ws, ...TODAY, '--format', 'json', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(catalogues(en).sort()).toEqual(
      ['codes-files', 'codes-register', 'codes', 'tool-errors', 'ui'].map((f) => `messages/en/${f}.js`).sort(),
    );
  });

  it("compile --dry-run: the run's language only (the package's report.json loads its own when written)", () => {
    const c = loaded(['compile', '2026Q3', '--dry-run', '-w', ws, ...TODAY, '--format', 'json']);
    expect(catalogues(c).filter((d) => d.startsWith('messages/en/'))).toEqual([]);
  });

  it('cli-table3 and string-width only when a table is drawn: register show on the terminal, not its JSON, not publish', () => {
    const json = loaded(['register', 'show', '9141070000000000XX', '-w', ws, ...TODAY, '--format', 'json']);
    expect(json.packages).not.toHaveProperty('cli-table3');
    expect(json.packages).not.toHaveProperty('string-width');
    expect(published.packages).not.toHaveProperty('cli-table3');
    const drawn = loaded(['register', 'show', '新乡市凤泉区恒信机械制造有限公司', '-w', ws, ...TODAY]);
    expect(drawn.code).toBe(0);
    expect(drawn.packages).toHaveProperty('cli-table3');
  });

  it("register show reads no package: none of records.json's, the manifest's or the report's schemas; publish reads them", () => {
    const l = loaded(['register', 'show', '9141070000000000XX', '-w', ws, ...TODAY, '--format', 'json']);
    const PACKAGE_SCHEMAS = [
      'schemas/documents/records.js',
      'schemas/record.js',
      'schemas/documents/manifest.js',
      'io/package/package-read.js',
    ];
    expect(l.dist.filter((d) => PACKAGE_SCHEMAS.includes(d))).toEqual([]);
    expect(published.dist).toContain('schemas/documents/records.js');
    expect(published.dist).toContain('schemas/documents/manifest.js');
    // publish verifies the package by its manifest and records.json: not report.json's or summary.json's schemas,
    // nor the reports' package reader (verify names 报告.html from package-file.ts).
    for (const m of ['io/package/package-read.js', 'schemas/documents/report.js', 'schemas/documents/package-summary.js'])
      expect(published.dist).not.toContain(m);
  });
});

describe('a reading command loads its own reader only', () => {
  it('validate of a CSV list: no xlsx reader, no exceljs', () => {
    const l = loaded(['validate', join(ws, 'submissions', '2026Q3', '劳动关系科', '劳动关系科信用红黑名单.csv'), ...TODAY]);
    expect(l.packages).toHaveProperty('csv-parse');
    expect(l.dist.filter((d) => d.startsWith('io/xlsx/'))).toEqual([]);
    expect(l.packages).not.toHaveProperty('exceljs');
    expect(l.packages).not.toHaveProperty('saxes');
    // A list file is never a zip: the zip submission's reader and yauzl stay unloaded.
    expect(l.packages).not.toHaveProperty('yauzl');
    expect(l.dist.filter((d) => d.startsWith('io/zip/'))).toEqual([]);
  });

  it('validate of an xlsx list: yauzl through the xlsx reader only, not the zip submission’s reader', () => {
    const l = loaded(['validate', join(ws, 'submissions', '2026Q3', '就业办', '劳务派遣红黑名单.xlsx'), ...TODAY]);
    expect(l.code).toBe(0);
    expect(l.packages).toHaveProperty('yauzl'); // an xlsx is a zip: its reader opens it (io/xlsx/xlsx.ts)
    expect(l.dist.filter((d) => d.startsWith('io/zip/')).sort()).toEqual(['io/zip/inflate.js', 'io/zip/zip.js']);
  });

  it('validate of an xlsx list and compile --dry-run: no exceljs, no docx', () => {
    const v = loaded(['validate', join(ws, 'submissions', '2026Q3', '就业办', '劳务派遣红黑名单.xlsx'), ...TODAY]);
    expect(v.dist).toContain('io/xlsx/xlsx.js');
    const c = loaded(['compile', '2026Q3', '--dry-run', '-w', ws, ...TODAY]);
    for (const l of [v, c]) {
      expect(l.packages).not.toHaveProperty('exceljs');
      expect(l.packages).not.toHaveProperty('docx');
    }
    // A dry run writes nothing: not the workbook writer, not yazl (api/quarter/package.ts loads them to write).
    expect(c.packages).not.toHaveProperty('yazl');
    expect(c.dist).not.toContain('io/xlsx/xlsx-writer.js');
    expect(c.dist).toContain('api/quarter/package.js');
  });
});

describe('report and supervise of compiled batches load what reading packages needs', () => {
  it('no package writer, submissions check, register rule or zip; nothing of the register without one', async () => {
    // The example compiled, not published: its year is read from the package (manifest, summary.json).
    const compiled = join(tmp, 'compiled-only');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), compiled, { recursive: true });
    expect((await runCli(['compile', '2026Q3', '-w', compiled, ...TODAY, '--format', 'json'], tmp)).code).toBe(0);
    const report = loaded(['report', '2026', '--out', join(tmp, 'year.html'), '-w', compiled, ...TODAY, '--format', 'json']);
    const supervise = loaded(['supervise', '2026', '-w', compiled, ...TODAY, '--format', 'json']);
    for (const l of [report, supervise]) {
      expect(l.code).toBe(0);
      expect(Object.keys(l.packages).filter((p) => READERS.includes(p))).toEqual([]);
      expect(l.dist.filter((d) => READER_DIST.test(d))).toEqual([]);
      expect(l.dist).not.toContain('api/quarter/package.js');
      expect(l.dist).not.toContain('api/register/register-compile.js');
      expect(l.dist.filter((d) => d.startsWith('register/') || d.startsWith('io/register/'))).toEqual([]);
    }
    expect(report.dist).toContain('reporters/html.js');
  });
});
