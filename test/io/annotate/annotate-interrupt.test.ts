// Ctrl-C while validate --annotate writes its marked-up copy: the copy's temporary file (and, for a CSV, the
// temporary workbook it is made from) goes with the process, as compile's temporary folder does.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../../helpers/cases.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');
let tmp = '';
beforeAll(() => {
  tmp = tempDir('annotate-interrupt');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder, relative, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('Ctrl-C during validate --annotate', () => {
  // 劳动关系科 sends a CSV (made into a workbook first), 就业办 an xlsx.
  for (const dept of ['劳动关系科', '就业办']) {
    it(`${dept}: exit 130, no temporary file left beside the copies`, async () => {
      const ws = join(tmp, dept);
      cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
      const out = join(tmp, `${dept}-out`);
      const child = spawn(
        process.execPath,
        [BIN, 'validate', join(ws, 'submissions', '2026Q3', dept), '--annotate', out, '--today', '2026-10-20'],
        { cwd: ws, env: { ...process.env, HRSS_CREDIT_FAULT: 'pause-before-annotate-rename' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr += d));
      const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m) => (m === 'paused-before-annotate-rename' ? resolve() : undefined));
        void done.then((code) => reject(new Error(`exited (${code}) before the pause: ${stderr}`)));
      });
      expect(files(out).some((f) => f.endsWith('.tmp'))).toBe(true);
      child.kill('SIGINT');
      expect(await done).toBe(130);
      expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
});
