// What a checkpoint's decoder leaves reachable once the register read through it is let go (checkpoint.ts lazy()):
// an accessor made for each lazy member, closing over the decoder's scope, was kept by the hidden classes the events
// passed through, and with it every part read (a province's ~67 MiB through compile's writing). Forty batches, as a
// province's register has: with three the accessors happened to be freed.
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import type { EventBody, RegisterRecord } from '../../src/register/events.js';
import { loadRegister, readLog, wholeRecords } from '../../src/io/register/register-store.js';
import { planRegister } from '../../src/api/register/register-compile.js';
import { prefixOf } from '../../src/register/lazy-state.js';
import { logOf, logText, registerWorkspace } from './register-files.js';
import { collectGarbage } from '../../src/io/memory.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const idOf = (i: number): string => `r${String(i).padStart(11, '0')}`;
const record = (i: number): RegisterRecord =>
  ({
    id: idOf(i),
    listType: i % 3 === 0 ? 'black' : 'red',
    domain: '劳务派遣',
    department: '就业办',
    subjectName: `新乡市测试${i}有限公司`,
    subjectType: '法人及非法人组织',
    creditCode: `91410700MA${String(i).padStart(7, '0')}X`,
    idType: '',
    idNumber: '',
    decisionNo: `新人社罚〔2023〕${i}号`,
    decisionDate: '2023-06-30',
    publishUntil: i % 5 === 0 ? '2026-08-31' : '2029-03-30',
    severity: '',
    facts: '事实',
  }) as unknown as RegisterRecord;

function workspace(): string {
  const bodies = Array.from({ length: 40 }, (_, b) => b).map(
    (b) =>
      ({
        type: 'publish',
        batch: `${2016 + Math.floor(b / 4)}Q${(b % 4) + 1}`,
        on: `${2016 + Math.floor(b / 4)}-${['04', '07', '10', '12'][b % 4]}-15`,
        package: '0'.repeat(64),
        records: Array.from({ length: 200 }, (_, k) => record(b * 200 + k)),
        removals: [],
        unchanged: [],
      }) as unknown as EventBody,
  );
  const ws = registerWorkspace(dirs, 'hrss-checkpoint-retain-');
  writeFileSync(logOf(ws), logText(chain(bodies)));
  readLog(ws, { checkpoint: false });
  return ws;
}

describe('a register read through its checkpoint, let go', () => {
  it('keeps nothing of the checkpoint reachable once the job that read it has ended: one collection frees it', async () => {
    const ws = workspace();
    const held = (() => {
      const loaded = loadRegister(ws);
      const { plan } = planRegister({
        state: loaded.state,
        records: [],
        today: '2026-10-15',
        quarterEnd: '2026-09-30',
        load: wholeRecords,
      });
      void plan.removed;
      return { plan, columns: new WeakRef(prefixOf(loaded.events)?.columns as object) };
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    collectGarbage();
    // (Asked as a boolean: an expect of the object itself may keep it.)
    expect(held.columns.deref() === undefined).toBe(true);
    expect(held.plan.removed.size).toBe(1600);
  });
});
