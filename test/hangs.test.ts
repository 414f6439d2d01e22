// Issue 18 "Hangs and half-written files": a FIFO or a device where a package's file should be is
// refused (exit 2, PACKAGE_INVALID), never waited on. Each run is a child process with a timeout and
// SIGKILL: a hang fails the test (status null) instead of stalling the suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, tempDir } from './helpers/cases.js';
import { makeExampleCompiled } from './helpers/reports-workspace.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
let base: string;
let tmp: string;
beforeAll(async () => {
  base = await makeExampleCompiled('hangs-base');
  tmp = tempDir('hangs');
});
afterAll(() => {
  cleanup(base);
  cleanup(tmp);
});

/** Runs the CLI as a child; `hung` when it had to be killed. */
function cli(args: string[], cwd: string): { code: number | null; hung: boolean; doc: Record<string, any> | undefined } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', HRSS_CREDIT_FAULT: '' },
  });
  let doc: Record<string, any> | undefined;
  try {
    doc = JSON.parse(r.stdout) as Record<string, any>;
  } catch {
    doc = undefined;
  }
  return { code: r.status, hung: r.status === null, doc };
}

let n = 0;
function workspaceWith(file: string, kind: 'fifo' | 'devzero'): string {
  const ws = join(tmp, `ws-${++n}`);
  cpSync(base, ws, { recursive: true });
  const target = join(ws, file);
  rmSync(target, { force: true });
  if (kind === 'fifo') execFileSync('mkfifo', [target]);
  else symlinkSync('/dev/zero', target);
  return ws;
}

const COMMANDS: [string, string[]][] = [
  ['report', ['report', '2026Q3']],
  ['supervise', ['supervise', '2026']],
  ['diff', ['diff', '2026Q3', '2026Q3']],
];

describe('a FIFO or a device as a package file is refused, never waited on', () => {
  for (const file of ['manifest.json', 'records.json', 'report.json', 'summary.json']) {
    for (const kind of ['fifo', 'devzero'] as const) {
      it.each(COMMANDS)(`${file} as a ${kind}: %s exits 2 naming the file`, (_name, args) => {
        const ws = workspaceWith(join('packages', '2026Q3', file), kind);
        const r = cli(args, ws);
        expect(r.hung).toBe(false);
        if (args[0] === 'diff' && file !== 'records.json') return; // diff reads only records.json
        // report and supervise read the manifest and summary.json, not records.json and report.json (issue 22).
        if (args[0] !== 'diff' && (file === 'records.json' || file === 'report.json')) return expect(r.code).toBe(0);
        expect(r.code).toBe(2);
        expect(r.doc?.error?.code).toBe('PACKAGE_INVALID');
        expect(r.doc?.error?.message).toContain(file);
      });
    }
  }
  it.each(['fifo', 'devzero'] as const)('records.json as a %s: export exits 2 naming it', (kind) => {
    const ws = workspaceWith('packages/2026Q3/records.json', kind);
    const r = cli(['export', '2026Q3', '--to', join(ws, 'out')], ws);
    expect(r.hung).toBe(false);
    expect(r.code).toBe(2);
    expect(r.doc?.error?.code).toBe('PACKAGE_INVALID');
    expect(r.doc?.error?.message).toContain('records.json');
  });
  it('a FIFO as a swap marker does not hang status, verify or export', () => {
    const ws = join(tmp, 'swap-fifo');
    cpSync(base, ws, { recursive: true });
    execFileSync('mkfifo', [join(ws, 'packages', '.2026Q3.swap.json')]);
    for (const args of [
      ['status', '2026Q3'],
      ['verify', 'packages/2026Q3'],
      ['export', '2026Q3', '--to', join(ws, 'out')],
    ]) {
      const r = cli(args, ws);
      expect(r.hung).toBe(false);
      expect(r.code).toBe(0);
    }
  });
});

/** Inputs the tool reads from a workspace: each as a FIFO must not hang validate, status or compile. */
const DEPT = ['validate', 'submissions/2026Q3/就业办'];
const QUARTER = ['compile', '2026Q3', '--dry-run'];
const INPUTS: [string, string, string[][]][] = [
  ['a list workbook', 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx', [DEPT, QUARTER]],
  ['a CSV list', 'submissions/2026Q3/就业办/名单.csv', [DEPT]],
  ['a cover', 'submissions/2026Q3/就业办/报送单.xlsx', [DEPT]],
  ['evidence', 'submissions/2026Q3/就业办/附件/现场检查照片.jpg', [DEPT, QUARTER]],
  ['a zip submission', 'submissions/2026Q3/监察科.zip', [QUARTER]],
  ['the config', 'hrss-credit.config.json', [['status', '2026Q3']]],
  ['a calendar file', 'calendar/2026.json', [['calendar', '2026']]],
];

describe('a FIFO as any input file is refused or skipped, never waited on', () => {
  it.each(INPUTS)('%s', (_name, file, commands) => {
    const ws = join(tmp, `in-${++n}`);
    cpSync(base, ws, { recursive: true });
    mkdirSync(join(ws, file, '..'), { recursive: true });
    rmSync(join(ws, file), { force: true });
    execFileSync('mkfifo', [join(ws, file)]);
    for (const args of commands) {
      const r = cli([...args, '--today', '2026-10-20'], ws);
      expect(r.hung).toBe(false);
      expect(r.doc).toBeDefined();
    }
  });
});
