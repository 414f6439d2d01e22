// The hash file beside a package (`2026Q3.manifest.sha256`, package.md) as a clerk's Windows PC writes it:
// PowerShell `Get-FileHash` (upper case, its table saved by `>` as UTF-16), `certutil -hashfile … SHA256` (a
// header and a footer line, the hash spaced in pairs on Windows 7, the header in GBK on a Chinese system).
// verify read only a lower-case hash at the start of the file and called all of these unreadable (exit 1).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHashFile } from '../../src/domain/hash-file.js';
import { ROOT, cleanup, runCli, tempDir, TODAY } from '../helpers/cases.js';

let tmp: string;
let hashFile: string;
let hash: string;

beforeAll(async () => {
  tmp = tempDir('verify-hash-file');
  const ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  expect((await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT)).code).toBe(0);
  hashFile = join(ws, 'packages', '2026Q3.manifest.sha256');
  hash = /^[0-9a-f]{64}/.exec(readFileSync(hashFile, 'utf8'))?.[0] ?? '';
  expect(hash).toHaveLength(64);
});
afterAll(() => cleanup(tmp));

const upper = (h: string): string => h.toUpperCase();
const pairs = (h: string): string => (h.match(/../g) ?? []).join(' ');
const table = (h: string): string =>
  `\r\nAlgorithm       Hash                                                                   Path\r\n` +
  `---------       ----                                                                   ----\r\n` +
  `SHA256          ${upper(h)}       D:\\报送\\packages\\2026Q3\\manifest.json\r\n\r\n\r\n`;
const certutil = (h: string): Buffer =>
  iconv.encode(`SHA256 的 2026Q3\\manifest.json 哈希:\r\n${h}\r\nCertUtil: -hashfile 命令成功完成。\r\n`, 'gbk');

/** What each tool writes, as bytes. */
function written(h: string): [string, Buffer][] {
  return [
    ['(Get-FileHash …).Hash > file, PowerShell 7', Buffer.from(`${upper(h)}\r\n`)],
    [
      'Get-FileHash … > file, Windows PowerShell 5 (UTF-16, BOM)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table(h), 'utf16le')]),
    ],
    [
      'Get-FileHash … | Format-List',
      Buffer.from(`\r\nAlgorithm : SHA256\r\nHash      : ${upper(h)}\r\nPath      : D:\\2026Q3\\manifest.json\r\n`),
    ],
    ['certutil -hashfile … SHA256 (GBK header and footer)', certutil(h)],
    ['certutil on Windows 7 (pairs spaced)', certutil(pairs(h))],
    ['sha256sum -b (`*name`)', Buffer.from(`${h} *manifest.json\n`)],
    ['a UTF-8 BOM before the hash (Notepad)', Buffer.from(`\uFEFF${h}`)],
  ];
}

describe('readHashFile', () => {
  it('reads the one hash each tool writes, case folded', () => {
    for (const [, bytes] of written('ab'.repeat(32))) expect(readHashFile(bytes)).toBe('ab'.repeat(32));
  });
  it('is unreadable (null) with no 64-digit hash, a 63- or 65-digit run, or two hashes that differ', () => {
    expect(readHashFile(Buffer.from(''))).toBeNull();
    expect(readHashFile(Buffer.from(`${'a'.repeat(40)}  manifest.json`))).toBeNull(); // certutil's default, SHA-1
    expect(readHashFile(Buffer.from('a'.repeat(63)))).toBeNull();
    expect(readHashFile(Buffer.from('a'.repeat(65)))).toBeNull();
    expect(readHashFile(Buffer.from(`${'a'.repeat(64)}\n${'b'.repeat(64)}\n`))).toBeNull();
    // The same hash twice (certutil's output pasted below compile's) is still one hash.
    expect(readHashFile(Buffer.from(`${'a'.repeat(64)}\n${'A'.repeat(64)}\n`))).toBe('a'.repeat(64));
  });
});

describe('verify with a hash file written on Windows', () => {
  it('checks the manifest against it (exit 0), and a wrong hash in the same layout still fails (exit 1)', async () => {
    const wrong = `0${hash.slice(1)}` === hash ? `1${hash.slice(1)}` : `0${hash.slice(1)}`;
    for (const [tool, bytes] of written(hash)) {
      writeFileSync(hashFile, bytes);
      const r = await runCli(['verify', 'packages/2026Q3', '--format', 'json'], join(tmp, 'ws'));
      expect([tool, r.code, JSON.parse(r.stdout).manifest]).toMatchObject([tool, 0, { ok: true, expected: hash }]);
    }
    for (const [tool, bytes] of written(wrong)) {
      writeFileSync(hashFile, bytes);
      const r = await runCli(['verify', 'packages/2026Q3', '--format', 'json'], join(tmp, 'ws'));
      expect([tool, r.code, JSON.parse(r.stdout).manifest]).toMatchObject([tool, 1, { ok: false, expected: wrong }]);
    }
  });
  it('a file with no hash in it says so and how to fix it, not that the manifest was changed', async () => {
    writeFileSync(hashFile, `SHA1 hash of manifest.json:\r\n${'a'.repeat(40)}\r\n`);
    const r = await runCli(['verify', 'packages/2026Q3', '--lang', 'en'], join(tmp, 'ws'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('holds no single SHA-256');
    expect(r.stdout).not.toContain('was changed');
  });
});
