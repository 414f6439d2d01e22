// Record identity end to end (register.md "Record identity", checks.md "Across records"): the record
// index keys come from src/domain/identity.ts, PACKAGE_DUPLICATE names the id, records.json carries
// schemaVersion 2 and an id on every record, and export reads version 1 files too.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordIdentity } from '../src/domain/identity.js';
import { buildCase, cleanup, ROOT, runCli, tempDir, TODAY } from './helpers/cases.js';

const sha12 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 12);
let tmp: string;

beforeAll(() => {
  tmp = tempDir('identity');
});
afterAll(() => cleanup(tmp));

interface Diag {
  code: string;
  location: { sheet?: string; row?: number };
  args: Record<string, unknown>;
}

async function validateWith(name: string, change: Record<string, unknown>, from = 3): Promise<Diag[]> {
  const dir = join(tmp, name);
  const target = await buildCase(
    {
      name,
      about: '',
      expect: [],
      patches: [{ copyRow: { file: '2026Q3/就业办/劳务派遣红黑名单.xlsx', sheet: '黑名单', from, to: 5, change: { 0: 3, ...change } } }],
    },
    dir,
  );
  const res = await runCli(['validate', target, '--today', TODAY, '--format', 'json'], dir);
  return JSON.parse(res.stdout).diagnostics as Diag[];
}

describe('cross-record checks use the identity keys', () => {
  it('PACKAGE_DUPLICATE names the id of the identity the rows share', async () => {
    const diags = await validateWith('dup', {});
    const dup = diags.find((d) => d.code === 'PACKAGE_DUPLICATE');
    expect(dup?.location).toMatchObject({ sheet: '黑名单', row: 5 });
    expect(dup?.args.id).toBe(sha12('black|劳务派遣|91410702MA46B2QK4T|新人社监罚〔2026〕101号'));
  });

  it('a 文书号 written with other brackets, full-width digits and spaces is the same decision', async () => {
    const diags = await validateWith('dup-brackets', { 10: ' 新人社监罚（２０２６） 101 号' });
    expect(diags.map((d) => d.code)).toContain('PACKAGE_DUPLICATE');
    expect(diags.map((d) => d.code)).not.toContain('PACKAGE_SAME_SUBJECT');
  });

  it('a natural person is known by the ID number even when a credit code is also filled in', async () => {
    // Row 4 is 钱小芳 (ID number); the copy also carries row 3's company's credit code.
    const diags = await validateWith('person-with-code', { 5: '91410702MA46B2QK4T' }, 4);
    const dup = diags.find((d) => d.code === 'PACKAGE_DUPLICATE');
    expect(dup?.location).toMatchObject({ sheet: '黑名单', row: 5 });
    expect(dup?.args.id).toBe(sha12('black|劳务派遣|41070219860504019X|新人社监罚〔2026〕102号'));
    expect(diags.map((d) => d.code)).not.toContain('PACKAGE_SAME_SUBJECT');
  });
});

describe('records.json', () => {
  let pkg: string;
  let file: { schemaVersion: number; records: Record<string, unknown>[] };

  beforeAll(async () => {
    const ws = join(tmp, 'ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', '2026-10-15', '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    pkg = join(ws, 'packages', '2026Q3');
    file = JSON.parse(readFileSync(join(pkg, 'records.json'), 'utf8'));
  });

  it("is schemaVersion 3 with the identity's id first on every record, all different", () => {
    expect(file.schemaVersion).toBe(3);
    expect(file.records.length).toBeGreaterThan(5);
    for (const r of file.records) {
      expect(Object.keys(r)[0]).toBe('id');
      expect(r.id).toMatch(/^[0-9a-f]{12}$/);
      expect(r.id).toBe(recordIdentity(r as unknown as Parameters<typeof recordIdentity>[0]).id);
    }
    expect(new Set(file.records.map((r) => r.id)).size).toBe(file.records.length);
    const person = file.records.find((r) => r.idNumber === '410782198503120510') as Record<string, string>;
    expect(person.id).toBe(sha12(`${person.listType}|${person.domain}|410782198503120510|${person.decisionNo || person.decisionDate}`));
  });

  function exportTo(name: string): Promise<{ code: number; stdout: string }> {
    return runCli(['export', pkg, '--to', join(tmp, name), '--audience', 'sharing', '--format', 'json'], ROOT);
  }
  function filesOf(dir: string): Record<string, string> {
    return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('hex')]));
  }

  it('export reads a version 1 file (no ids) and writes the same files', async () => {
    expect((await exportTo('v2')).code).toBe(0);
    const v1 = {
      schemaVersion: 1,
      quarter: (file as unknown as { quarter: string }).quarter,
      audience: 'sharing',
      records: file.records.map(({ id: _id, ...rest }) => rest),
    };
    writeFileSync(join(pkg, 'records.json'), `${JSON.stringify(v1, null, 2)}\n`);
    expect((await exportTo('v1')).code).toBe(0);
    expect(filesOf(join(tmp, 'v1'))).toEqual(filesOf(join(tmp, 'v2')));
  });

  it("export refuses an id that is not its record's identity, and an unknown version", async () => {
    const edited = { ...file, records: file.records.map((r, i) => (i === 2 ? { ...r, id: '000000000000' } : r)) };
    writeFileSync(join(pkg, 'records.json'), JSON.stringify(edited));
    const res = await exportTo('edited');
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).error.code).toBe('PACKAGE_INVALID');
    writeFileSync(join(pkg, 'records.json'), JSON.stringify({ ...file, schemaVersion: 4 }));
    const res3 = await exportTo('v4');
    expect(res3.code).toBe(2);
    expect(JSON.parse(res3.stdout).error.code).toBe('PACKAGE_INVALID');
  });
});
