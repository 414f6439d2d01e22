// The register through the command line when its files are hostile or the disk is full (issue 18):
// every command ends (exit 2, a catalogued message) instead of hanging on a FIFO or looping on a
// link, and a full disk during an append leaves a log every later command still reads.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsFile, ROOT, spawnBin, tempDir, TODAY } from './helpers.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('register-hostile');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '300', HRSS_CREDIT_FAULT: '' };

/** A copy of the example workspace (no compile needed: notes need no package). */
function workspace(): string {
  const ws = join(tmp, `ws-${++n}`);
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  mkdirSync(join(ws, 'register'), { recursive: true });
  return ws;
}

/** Runs the CLI in its own process; 'hung' when it has not ended after 20 s (then killed). */
async function cli(
  ws: string,
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ code: number | null | 'hung'; stdout: string; stderr: string }> {
  const p = spawnBin([...args, '-w', ws, '--today', TODAY], ROOT, { ...env, ...extra });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    p.kill('SIGKILL');
  }, 20_000);
  const r = await p.done;
  clearTimeout(timer);
  return { code: hung ? 'hung' : r.code, stdout: r.stdout, stderr: r.stderr };
}

const errorCode = (stdout: string): string => (JSON.parse(stdout) as { error: { code: string } }).error.code;

// No mkfifo on Windows, and links there need rights a clerk's PC does not give.
describe.skipIf(process.platform === 'win32')('hostile register files', () => {
  it('events.jsonl a FIFO: list, verify, show and note end at once with REGISTER_UNREADABLE or WRITE_FAILED (exit 2)', async () => {
    const ws = workspace();
    execFileSync('mkfifo', [eventsFile(ws)]);
    for (const args of [
      ['register', 'list'],
      ['register', 'verify'],
      ['register', 'show', 'x'],
      ['register', 'note', '备注'],
    ]) {
      const r = await cli(ws, [...args, '--format', 'json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(['REGISTER_UNREADABLE', 'WRITE_FAILED'], args.join(' ')).toContain(errorCode(r.stdout));
    }
  });

  for (const [what, make] of [
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p])],
    ['a dangling link', (p: string) => symlinkSync(join(tmp, 'nowhere'), p)],
  ] as const) {
    it(`register/.lock ${what}: a writer ends at once with LOCK_NOT_FILE (exit 2), saying what to do`, async () => {
      const ws = workspace();
      make(join(ws, 'register', '.lock'));
      const r = await cli(ws, ['register', 'note', '备注', '--format', 'json']);
      expect(r.code).toBe(2);
      expect(errorCode(r.stdout)).toBe('LOCK_NOT_FILE');
      const pretty = await cli(ws, ['register', 'note', '备注']);
      expect(pretty.code).toBe(2);
      expect(pretty.stderr).toContain('.lock');
    });
  }
});

describe('a full disk', () => {
  it('during register note: exit 2 WRITE_FAILED, the log as it was; verify passes and the next note is recorded', async () => {
    const ws = workspace();
    expect((await cli(ws, ['register', 'note', '第一条'])).code).toBe(0);
    const before = readFileSync(eventsFile(ws));
    const r = await cli(ws, ['register', 'note', '很长的备注'.repeat(2000), '--format', 'json'], {
      HRSS_CREDIT_FAULT: 'register-enospc:4096',
    });
    expect(r.code).toBe(2);
    expect(errorCode(r.stdout)).toBe('WRITE_FAILED');
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    expect((await cli(ws, ['register', 'note', '第二条'])).code).toBe(0);
  });

  it('register repair with no room for its copy: cuts the torn line anyway and says no copy was kept', async () => {
    const ws = workspace();
    expect((await cli(ws, ['register', 'note', '第一条'])).code).toBe(0);
    writeFileSync(eventsFile(ws), Buffer.concat([readFileSync(eventsFile(ws)), Buffer.from('{"at":"2026-10-15T09:3', 'utf8')]));
    const r = await cli(ws, ['register', 'repair'], { HRSS_CREDIT_FAULT: 'io:ENOSPC@events.jsonl.bak' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('磁盘空间不足');
    expect(r.stdout).toMatch(/[0-9]+:[0-9a-f]{64}/);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });
});
