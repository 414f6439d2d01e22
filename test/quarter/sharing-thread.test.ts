// compile's 共享 workbook made on a second thread (io/xlsx/workbook-thread.ts; decisions.md "The 共享 workbook on a
// second thread"): the package is the same, byte for byte, whether the thread made it, failed, or was not asked — the
// built CLI run in its own process, as a clerk runs it (in process, from src/, the thread has no built file to run).
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compiledExample,
  copyWorkspace,
  creditRecord,
  packageRecords,
  runCli,
  spawnBin,
  tempDir,
  TODAY,
  ROOT,
  writePackage,
  type Rec,
} from '../register/helpers.js';
import { recordIdentity } from '../../src/domain/identity.js';

let tmp: string;
let template: string;
let n = 0;
const base = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', SOURCE_DATE_EPOCH: '1790000000' };

beforeAll(async () => {
  tmp = tempDir('sharing-thread');
  template = await compiledExample(tmp);
  const q3 = packageRecords(template);
  rmSync(join(template, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  rmSync(join(template, 'packages'), { recursive: true, force: true });
  // A published 2026Q2 whose records expire in 2026Q3: the package has a 移出名单 in both workbooks.
  const expiring = q3.slice(0, 3).map((r, i): Rec => {
    const old = {
      ...r,
      decisionDate: '2023-08-10',
      publishUntil: `2026-08-1${i}`,
      decisionNo: `新人社〔2023〕${i + 1}号`,
      quarter: '2026Q2',
    };
    return { ...old, id: recordIdentity(creditRecord(old)).id };
  });
  writePackage(template, '2026Q2', expiring);
  const res = await runCli(['publish', '2026Q2', '--on', '2026-07-10', '-w', template, '--today', TODAY], ROOT, base);
  expect(res.code, res.stdout + res.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of the package folder, by its path below it. */
function files(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, r)).isDirectory()) for (const [k, v] of files(dir, r)) out.set(k, v);
    else out.set(r, readFileSync(join(dir, r)));
  }
  return out;
}

/** The package compiled by the built CLI in its own process (dist/: the thread runs the built workbook-worker.js). */
async function compiled(env: Record<string, string>): Promise<Map<string, Buffer>> {
  const ws = copyWorkspace(template, join(tmp, `ws-${++n}`));
  const res = await spawnBin(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { ...base, ...env }).done;
  expect(res.code, res.stdout + res.stderr).toBe(0);
  const out = files(join(ws, 'packages', '2026Q3'));
  out.set('../2026Q3.manifest.sha256', readFileSync(join(ws, 'packages', '2026Q3.manifest.sha256')));
  return out;
}

describe('compile: 共享 on a second thread', () => {
  it('writes the same package, every byte, with the thread, with its failure, and without it', async () => {
    const without = await compiled({ HRSS_CREDIT_WORKBOOK_THREAD: 'off' });
    expect([...without.keys()].some((k) => k.startsWith('共享/') && k.endsWith('_共享.xlsx'))).toBe(true);
    expect(readFileSync(join(tmp, 'ws-1', 'packages', '2026Q3', '公示', '移出名单.csv'), 'utf8').split('\r\n').length).toBe(5);
    const envs: Record<string, string>[] = [
      { HRSS_CREDIT_WORKBOOK_THREAD: 'on' },
      { HRSS_CREDIT_WORKBOOK_THREAD: 'on', HRSS_CREDIT_FAULT: 'workbook-thread-fail' },
      // Alive and silent: given up after WORKBOOK_STALL_MS of waiting (THREAD_STALLED), made on the main thread.
      { HRSS_CREDIT_WORKBOOK_THREAD: 'on', HRSS_CREDIT_FAULT: 'workbook-thread-stall' },
    ];
    for (const env of envs) {
      const withThread = await compiled(env);
      expect([...withThread.keys()]).toEqual([...without.keys()]);
      for (const [k, v] of without) expect(Buffer.compare(withThread.get(k) as Buffer, v), `${k} (${JSON.stringify(env)})`).toBe(0);
    }
  }, 120_000);

  it("asks the command's environment, not the process's (an in-process run gives its own)", async () => {
    const { workbookThreadRuns } = await import('../../dist/io/xlsx/workbook-thread.js');
    const inProcess = async (env: Record<string, string>): Promise<number> => {
      const ws = copyWorkspace(template, join(tmp, `ws-${++n}`));
      const before = workbookThreadRuns();
      const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { ...base, ...env });
      expect(res.code, res.stdout + res.stderr).toBe(0);
      return workbookThreadRuns() - before;
    };
    const was = process.env.HRSS_CREDIT_WORKBOOK_THREAD;
    try {
      delete process.env.HRSS_CREDIT_WORKBOOK_THREAD;
      // The example is below WORKBOOK_THREAD_ROWS: only the command's `on` begins the thread.
      expect(await inProcess({ HRSS_CREDIT_WORKBOOK_THREAD: 'on' })).toBe(1);
      process.env.HRSS_CREDIT_WORKBOOK_THREAD = 'on';
      expect(await inProcess({ HRSS_CREDIT_WORKBOOK_THREAD: 'off' })).toBe(0);
    } finally {
      if (was === undefined) delete process.env.HRSS_CREDIT_WORKBOOK_THREAD;
      else process.env.HRSS_CREDIT_WORKBOOK_THREAD = was;
    }
  }, 60_000);
});
