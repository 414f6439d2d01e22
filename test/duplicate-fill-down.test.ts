// A list filled down with one record: every copy after the first is a PACKAGE_DUPLICATE naming the copies, so n
// copies made n findings of n places each — 2,000 copies a 140 MB JSON report, 6,000 an internal error (exit 2,
// "Invalid string length"), against README "Hostile files": never a crash. A finding names the first 20 places;
// `count` stays exact and the message says that only the first are listed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('fill-down');
});
afterAll(() => cleanup(tmp));

const COPIES = 2000;

describe('a record copied down a whole list', () => {
  it('is reported with its exact count and the first 20 places, in a report of bounded size', async () => {
    // The example's 劳动关系科 list (GB18030, CRLF): its title and header, then its first row COPIES times.
    const src = readFileSync(join(ROOT, 'fixtures/example-workspace/submissions/2026Q3/劳动关系科/劳动关系科信用红黑名单.csv'));
    const lines: Buffer[] = [];
    let at = 0;
    for (let i = 0; i < 3; i++) {
      const end = src.indexOf('\r\n', at);
      lines.push(src.subarray(at, end + 2));
      at = end + 2;
    }
    const dir = join(tmp, '劳动关系科');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'list.csv');
    writeFileSync(file, Buffer.concat([lines[0]!, lines[1]!, ...Array.from({ length: COPIES }, () => lines[2]!)]));
    const args = ['validate', file, '--department', '劳动关系科', '--quarter', '2026Q3', '--today', '2026-10-10'];
    const res = await runCli([...args, '--format', 'json'], tmp);
    expect(res.code).toBe(1);
    expect(res.stdout.length).toBeLessThan(5_000_000);
    const doc = JSON.parse(res.stdout);
    const dups = doc.diagnostics.filter((d: { code: string }) => d.code === 'PACKAGE_DUPLICATE');
    expect(dups.length).toBeGreaterThan(0);
    expect(dups[0].args.count).toBe(COPIES);
    expect(dups[0].args.places).toHaveLength(20);
    expect(dups[0].args.places[0]).toMatchObject({ row: 3 });
    expect(dups[0].message).toContain('重复出现 2000 次');
    expect(dups[0].message).toContain('只列出前 20 处');
    const en = await runCli([...args, '--format', 'json', '--lang', 'en'], tmp);
    expect(JSON.parse(en.stdout).diagnostics.find((d: { code: string }) => d.code === 'PACKAGE_DUPLICATE').message).toContain(
      'the first 20 shown',
    );
  });
});
