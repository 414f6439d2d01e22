// The command line's contract (cli.md): common options anywhere, usage and settings errors in the
// chosen language, bad values refused with a suggestion, one JSON shape, safe settings files.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, tempDir } from './helpers/cases.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const DEPT = join(EXAMPLE, 'submissions/2026Q3/就业办');
const TODAY = '2026-10-15';
let tmp: string;
beforeAll(() => {
  tmp = tempDir('cli-options');
});
afterAll(() => cleanup(tmp));

// A generous timeout only so that a hang (the bug) fails the test instead of stalling the suite.
function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', HRSS_CREDIT_LANG: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], cwd = ROOT): { code: number; doc: Record<string, any> } {
  const r = cli([...args, '--format', 'json'], cwd);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

function workspace(name: string, config?: unknown): string {
  const ws = join(tmp, name);
  cpSync(EXAMPLE, ws, { recursive: true });
  if (config !== undefined)
    writeFileSync(join(ws, 'hrss-credit.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return ws;
}

/** Text a library wrote in English: commander, zod, JSON.parse. */
const LIBRARY_ENGLISH =
  /required option|not specified|Allowed choices|' is invalid\.|Invalid input|Unrecognized key|Expected property|Unexpected token|in JSON at|\(Did you mean|too many arguments for/;

describe('common options before or after the command (7.7)', () => {
  it('-w, --format, --lang, --today before the command', () => {
    const r = json(['-w', EXAMPLE, '--today', TODAY, '--lang', 'en', 'status', '2026Q3']);
    expect(r.code).toBe(0);
    expect(r.doc.command).toBe('status');
    const v = cli(['--format', 'json', 'validate', DEPT, '--today', TODAY]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).command).toBe('validate');
  });
  it('--strict and --ignore before the command apply, and --ignore adds up from both sides', () => {
    const ws = workspace('ignore-before');
    const dept = join(ws, 'submissions/2026Q3/就业办');
    writeFileSync(join(dept, '说明.docx'), 'x');
    expect(cli(['--strict', 'validate', dept, '--today', TODAY]).code).toBe(1);
    const r = cli(['--strict', '--ignore', 'EVIDENCE_FILE_IGNORED', 'validate', dept, '--today', TODAY, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    writeFileSync(join(dept, '附件', '空白.pdf'), '');
    const before = cli(['--ignore', 'EVIDENCE_FILE_IGNORED', 'validate', dept, '--today', TODAY, '--format', 'json']);
    expect(JSON.parse(before.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['EVIDENCE_FILE_INVALID']);
    const both = cli([
      '--ignore',
      'EVIDENCE_FILE_IGNORED',
      'validate',
      dept,
      '--today',
      TODAY,
      '--ignore',
      'EVIDENCE_FILE_INVALID',
      '--format',
      'json',
    ]);
    expect(JSON.parse(both.stdout).diagnostics).toEqual([]);
    expect(both.code).toBe(0);
  });
});

describe('usage errors in the chosen language (7.8, 7.9)', () => {
  const cases: [string, string[]][] = [
    ['missing --to', ['export', '2026Q3']],
    ['a bad choice', ['status', '2026Q3', '--format', 'xml']],
    ['an unknown option', ['validate', '.', '--formt', 'json']],
    ['an unknown option before the command', ['--formt', 'json', 'validate', '.']],
    ['an unknown command', ['valdate', 'x']],
    ['too many arguments', ['status', '2026Q3', 'extra']],
    ['a missing argument', ['compile']],
    ['a bad number', ['validate', '.', '--max-findings', '0']],
  ];
  it.each(cases)('%s: exit 2, no library English, in Chinese and in English', (_name, args) => {
    const zh = cli(args);
    expect(zh.code).toBe(2);
    expect(zh.stderr).not.toMatch(LIBRARY_ENGLISH);
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    const en = cli([...args, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).not.toMatch(LIBRARY_ENGLISH);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('a mistyped command or option names the right one', () => {
    expect(cli(['valdate', 'x']).stderr).toMatch(/\bvalidate\b/);
    expect(cli(['validate', '.', '--formt', 'json']).stderr).toMatch(/--format\b/);
    expect(cli(['--formt', 'json', 'validate', '.']).stderr).toMatch(/--format\b/);
  });
  it('--lang fr, --ignore NOT_A_CODE and a lower-case code exit 2 with the right code named', () => {
    const fr = json(['validate', DEPT, '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.doc.error.code).toBe('USAGE');
    expect(fr.doc.error.message).toContain('zh-CN');
    const bad = json(['validate', DEPT, '--ignore', 'NOT_A_CODE']);
    expect(bad.code).toBe(2);
    expect(bad.doc.error.message).toContain('NOT_A_CODE');
    const lower = json(['--ignore', 'sheet_hidden', 'validate', DEPT]);
    expect(lower.code).toBe(2);
    expect(lower.doc.error.message).toContain('SHEET_HIDDEN');
    expect(json(['validate', DEPT, '--ignore', 'SHEET_HIDEN']).doc.error.message).toContain('SHEET_HIDDEN');
  });
  it('an unknown severity key in config exits 2 naming the key and the code meant', () => {
    const ws = workspace('severity-typo', { severity: { SHEET_HIDEN: 'off' } });
    const r = json(['status', '2026Q3', '-w', ws]);
    expect(r.code).toBe(2);
    expect(r.doc.error.code).toBe('CONFIG_INVALID');
    expect(r.doc.error.message).toContain('severity.SHEET_HIDEN');
    expect(r.doc.error.message).toContain('SHEET_HIDDEN');
  });
  it('config, template and JSON syntax errors: key, value, file, line and column, no library English', () => {
    const ws = workspace('config-errors', { limits: { maxRows: 'many' } });
    const type = json(['status', '2026Q3', '-w', ws, '--lang', 'en']);
    expect(type.code).toBe(2);
    expect(type.doc.error.message).toMatch(/hrss-credit\.config\.json.*limits\.maxRows.*"many"/);
    expect(type.doc.error.message).not.toMatch(LIBRARY_ENGLISH);
    writeFileSync(join(ws, 'hrss-credit.config.json'), '{\n  "lang": "zh-CN",\n  bureau: {}\n}');
    const syntax = json(['status', '2026Q3', '-w', ws]);
    expect(syntax.code).toBe(2);
    expect(syntax.doc.error.message).toMatch(/第 3 行第 3 列/);
    expect(syntax.doc.error.message).not.toMatch(LIBRARY_ENGLISH);
    writeFileSync(join(ws, 'hrss-credit.config.json'), JSON.stringify({ colour: 'red' }));
    const unknown = json(['status', '2026Q3', '-w', ws]);
    expect(unknown.doc.error.message).toContain('colour');
    expect(unknown.doc.error.message).not.toMatch(LIBRARY_ENGLISH);
  });
});

describe('one JSON shape for every command (7.10)', () => {
  const SHAPE = ['schemaVersion', 'tool', 'command', 'valid', 'stats', 'diagnostics'];
  it('verify, export, rules and matrix print the cli.md document', () => {
    const ws = workspace('json-shape');
    const out = join(tmp, 'json-shape-pkg');
    expect(cli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', out]).code).toBe(0);
    const docs = {
      verify: json(['verify', join(out, '2026Q3')]),
      export: json(['export', join(out, '2026Q3'), '--to', join(tmp, 'json-shape-export'), '-w', ws]),
      rules: json(['rules']),
      matrix: json(['matrix', '-w', ws]),
    };
    for (const [command, r] of Object.entries(docs)) {
      expect(r.code, command).toBe(0);
      for (const key of SHAPE) expect(r.doc, `${command} ${key}`).toHaveProperty(key);
      expect(r.doc.command).toBe(command);
      expect(r.doc.valid).toBe(true);
    }
  });
  it('an exit-2 error is one document with valid false and error {code, message}', () => {
    const r = json(['verify', join(tmp, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.doc).toMatchObject({ schemaVersion: 1, command: 'verify', valid: false, error: { code: 'PACKAGE_NOT_FOUND' } });
    const u = json(['export', '2026Q3']);
    expect(u.doc).toMatchObject({ command: 'export', valid: false, error: { code: 'USAGE' } });
    // A subcommand's usage error names it as its exit-0 document does ("register list", not "register").
    const l = json(['register', 'list', '--status', 'bogus']);
    expect(l.code).toBe(2);
    expect(l.doc).toMatchObject({ command: 'register list', valid: false, error: { code: 'USAGE' } });
    expect(json(['objection', 'list', '--status', 'x']).doc).toMatchObject({ command: 'objection list', error: { code: 'USAGE' } });
  });
});

describe('names from config are safe path segments and plain keys (8.14, 8.15)', () => {
  it('a department name that climbs out of the package exits 2 naming the key, and nothing is written', () => {
    const target = join(tmp, 'escaped');
    const ws = workspace('traversal', {
      matrix: { departments: [{ name: `../../../../../../../..${target}`, aliases: ['就业办公室甲'], domains: ['劳务派遣'] }] },
    });
    cpSync(join(ws, 'submissions/2026Q3/就业办'), join(ws, 'submissions/2026Q3/就业办公室甲'), { recursive: true });
    const r = json(['compile', '2026Q3', '-w', ws, '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(r.doc.error.code).toBe('CONFIG_INVALID');
    expect(r.doc.error.message).toContain('matrix.departments[0].name');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(ws, 'packages'))).toBe(false);
  });
  it.each([
    ['a/b', 'matrix.departments[0].name'],
    ['..', 'matrix.departments[0].name'],
    ['CON', 'matrix.departments[0].name'],
    ['com1.txt', 'matrix.departments[0].name'],
    ['科室.', 'matrix.departments[0].name'],
    ['a\u0007b', 'matrix.departments[0].name'],
    ['constructor', 'matrix.departments[0].name'],
  ])('department name %j is refused', (name, key) => {
    const ws = workspace(`name-${Buffer.from(name).toString('hex')}`, { matrix: { departments: [{ name, domains: ['劳务派遣'] }] } });
    const r = json(['matrix', '-w', ws]);
    expect(r.code).toBe(2);
    expect(r.doc.error.message).toContain(key);
  });
  it('an alias and a domain are checked too', () => {
    const alias = json(['matrix', '-w', workspace('alias', { matrix: { departments: [{ name: '新科室', aliases: ['x:y'] }] } })]);
    expect(alias.doc.error.message).toContain('matrix.departments[0].aliases[0]');
    const domain = json(['matrix', '-w', workspace('domain-proto', { matrix: { domains: [{ name: '__proto__' }] } })]);
    expect(domain.code).toBe(2);
    expect(domain.doc.error.message).toContain('matrix.domains[0].name');
  });
  it('a __proto__ key anywhere in config is refused instead of reaching Object.prototype', () => {
    const ws = workspace('proto-key', '{"severity": {"__proto__": {"polluted": "yes"}}}');
    const r = json(['status', '2026Q3', '-w', ws]);
    expect(r.code).toBe(2);
    expect(r.doc.error.message).toContain('severity.__proto__');
    const ws2 = workspace('proto-domain-years', '{"publication": {"domainMaxYears": {"constructor": {"years": 5}}}}');
    expect(json(['status', '2026Q3', '-w', ws2]).doc.error.message).toContain('publication.domainMaxYears.constructor');
  });
});

describe('settings files are read safely (8.16)', () => {
  it('--config or --template naming a FIFO or /dev/zero exits 2 instead of hanging', () => {
    const fifo = join(tmp, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    const a = json(['validate', DEPT, '--config', fifo]);
    expect(a.code).toBe(2);
    expect(a.doc.error.code).toBe('CONFIG_INVALID');
    const b = json(['validate', DEPT, '--config', '/dev/zero']);
    expect(b.code).toBe(2);
    expect(b.doc.error.code).toBe('CONFIG_INVALID');
    const ws = workspace('template-fifo');
    const c = json(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--dry-run', '--template', fifo]);
    expect(c.code).toBe(2);
    expect(c.doc.error.code).toBe('TEMPLATE_INVALID');
  });
  it('a workspace config that is a FIFO does not hang the start either', () => {
    const ws = join(tmp, 'ws-fifo');
    mkdirSync(join(ws, 'submissions'), { recursive: true });
    execFileSync('mkfifo', [join(ws, 'hrss-credit.config.json')]);
    const r = json(['status', '2026Q3', '-w', ws]);
    expect(r.code).toBe(2);
    expect(r.doc.error.code).toBe('CONFIG_INVALID');
  });
  it('a config over 1 MB exits 2', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, `{"$schema": "${'x'.repeat(1_100_000)}"}`);
    expect(json(['validate', DEPT, '--config', big]).doc.error.code).toBe('CONFIG_INVALID');
  });
});

describe('the mask rule hides the birth date; report.json does not depend on --lang (8.8, 9.2)', () => {
  it.each([
    [{ keepStart: 6, keepEnd: 5 }, 'publication.maskRule.keepEnd'],
    [{ keepStart: 7, keepEnd: 0 }, 'publication.maskRule.keepStart'],
    [{ keepStart: 0, keepEnd: 10 }, 'publication.maskRule.keepEnd'],
  ])('maskRule %j exits 2 naming %s', (maskRule, key) => {
    const ws = workspace(`mask-${maskRule.keepStart}-${maskRule.keepEnd}`, { publication: { maskRule } });
    const r = json(['status', '2026Q3', '-w', ws]);
    expect(r.code).toBe(2);
    expect(r.doc.error.message).toContain(key);
  });
  it('compiling with --lang en and --lang zh-CN writes the same report.json', () => {
    const ws = workspace('report-lang');
    writeFileSync(join(ws, 'submissions/2026Q3/就业办/说明.docx'), 'x');
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const a = cli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'rl-zh'), '--lang', 'zh-CN'], ROOT, env);
    const b = cli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--out', join(tmp, 'rl-en'), '--lang', 'en'], ROOT, env);
    expect([a.code, b.code]).toEqual([0, 0]);
    const zh = readFileSync(join(tmp, 'rl-zh', '2026Q3', 'report.json'));
    expect(JSON.parse(zh.toString()).diagnostics.length).toBeGreaterThan(0);
    expect(zh.equals(readFileSync(join(tmp, 'rl-en', '2026Q3', 'report.json')))).toBe(true);
  });
});
