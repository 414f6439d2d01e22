// The contract's own examples, read as another implementer would copy them (docs/contract/, the
// in-repo copy of the shared pages): what a bureau pastes from a page must load as the page says.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/io/workspace/workspace.js';
import { keepReplacedOf } from '../src/schemas/config.js';
import { ROOT, cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';

const CONTRACT = join(import.meta.dirname, '..', 'docs', 'contract');

/** The first ```json block after `after` on a contract page. */
function jsonBlock(page: string, after: string): unknown {
  const text = readFileSync(join(CONTRACT, page), 'utf8');
  const from = text.indexOf(after);
  expect(from, `${page}: ${after}`).toBeGreaterThanOrEqual(0);
  const block = /```json\n([\s\S]*?)\n```/.exec(text.slice(from));
  return JSON.parse(block?.[1] ?? 'null');
}

describe('workspace.md: hrss-credit.config.json "The shape, by example"', () => {
  it('the example loads as written, every key of it (packages.keepReplaced included)', () => {
    const example = jsonBlock('workspace.md', 'The shape, by example') as Record<string, unknown>;
    expect(Object.keys(example)).toContain('packages');
    const parsed = ConfigSchema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(keepReplacedOf(parsed.data ?? ConfigSchema.parse({}))).toBe(3);
  });

  it('packages.keepReplaced is the setting; the older singular key is still read, and packages wins', () => {
    expect(keepReplacedOf(ConfigSchema.parse({ packages: { keepReplaced: 1 } }))).toBe(1);
    expect(keepReplacedOf(ConfigSchema.parse({ package: { keepReplaced: 2 } }))).toBe(2);
    expect(keepReplacedOf(ConfigSchema.parse({ packages: { keepReplaced: 0 }, package: { keepReplaced: 2 } }))).toBe(0);
    expect(keepReplacedOf(ConfigSchema.parse({}))).toBe(3);
    expect(ConfigSchema.safeParse({ packages: { keep: 1 } }).success).toBe(false);
  });
});

describe('workspace.md: export.template "templates/credit-office.json" is the default', () => {
  const tmp = tempDir('contract-template');
  afterAll(() => cleanup(tmp));

  /** The example workspace compiled with `export` as the config example writes it; the manifest's template. */
  async function compiledWith(name: string, ownTemplate?: string): Promise<{ code: number; template: { name: string; sha256: string } }> {
    const ws = join(tmp, name);
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const config = join(ws, 'hrss-credit.config.json');
    const example = jsonBlock('workspace.md', 'The shape, by example') as { export: unknown };
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), export: example.export }));
    if (ownTemplate !== undefined) {
      mkdirSync(join(ws, 'templates'));
      writeFileSync(join(ws, 'templates', 'credit-office.json'), ownTemplate);
    }
    const r = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    const manifest = r.code === 0 ? JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'), 'utf8')) : {};
    return { code: r.code, template: manifest.template };
  }

  it('a workspace without that file compiles with the built-in template (it was TEMPLATE_INVALID, exit 2)', async () => {
    const builtIn = readFileSync(join(ROOT, 'templates', 'credit-office.json'), 'utf8');
    const r = await compiledWith('default-name');
    expect(r.code).toBe(0);
    expect(r.template.name).toBe(JSON.parse(builtIn).name);
    // The bureau's own file under that name, when it has one, is the template.
    const own = JSON.parse(builtIn);
    own.name = '本局自定模板';
    const mine = await compiledWith('own-file', JSON.stringify(own));
    expect(mine.code).toBe(0);
    expect(mine.template.name).toBe('本局自定模板');
    expect(mine.template.sha256).not.toBe(r.template.sha256);
  });
});

describe('workspace.md: bureau.creditCode "11410700…" is a place for the code, not a code', () => {
  const tmp = tempDir('contract-bureau');
  afterAll(() => cleanup(tmp));

  /** The example workspace with `bureau` as given; the CLI's result and the 公示 red list's bytes. */
  async function compiledWith(name: string, bureau: unknown): Promise<{ code: number; stdout: string; csv: string }> {
    const ws = join(tmp, name);
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const config = join(ws, 'hrss-credit.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), bureau }));
    const r = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json', '--lang', 'en'], ROOT);
    const csv = r.code === 0 ? readFileSync(join(ws, 'packages', '2026Q3', '公示', '红名单.csv'), 'utf8') : '';
    return { code: r.code, stdout: r.stdout, csv };
  }

  it('the pasted example is the default (no code), so "11410700…" is never exported as the bureau\'s code', async () => {
    const example = jsonBlock('workspace.md', 'The shape, by example') as { bureau: { creditCode: string } };
    expect(example.bureau.creditCode).toBe('11410700…');
    expect(ConfigSchema.parse(example).bureau.creditCode).toBe('');
    const r = await compiledWith('pasted', example.bureau);
    expect(r.code).toBe(0);
    expect(r.csv).toContain('数据来源单位统一社会信用代码');
    expect(r.csv).not.toContain('11410700');
  });

  it('any other value is checked as a 统一社会信用代码: a bad one is CONFIG_INVALID (exit 2), a lower-case x folds', async () => {
    const r = await compiledWith('bad', { creditCode: '11410700123' });
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout).error;
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('bureau.creditCode');
    expect(error.message).toContain('"11410700123" is not a valid unified social credit code');
    const checksum = ConfigSchema.safeParse({ bureau: { creditCode: '1141070000605312X3' } });
    expect(checksum.error?.issues.map((i) => i.path.join('.'))).toEqual(['bureau.creditCode']);
    expect(ConfigSchema.parse({ bureau: { creditCode: '1141070000605312x2' } }).bureau.creditCode).toBe('1141070000605312X2');
    const own = await compiledWith('own', { creditCode: '1141070000605312X2' });
    expect(own.code).toBe(0);
    expect(own.csv).toContain(',1141070000605312X2,');
  });
});
