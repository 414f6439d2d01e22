// compile's 移出名单 (removed-sheet.ts) takes its columns from the register's summary of each removed record,
// as the register was read through its checkpoint: no line of the log is read back for it (a province's quarter
// expires ~25,000 records spread over most of its lines: 0.7 GB read and hashed a second time). The rows are the
// same as from the whole records read back from their lines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, RegisterRecord } from '../../src/register/events.js';
import type { StoredRecord } from '../../src/register/stored.js';
import { loadRegister, readLog, wholeRecords } from '../../src/io/register/register-store.js';
import { planRegister } from '../../src/api/register/register-compile.js';
import { removedSheet } from '../../src/api/register/removed-sheet.js';
import { prefixOf } from '../../src/register/lazy-state.js';
import { logOf, logText, registerWorkspace } from './register-files.js';
import { TextColumn } from '../../src/register/stored-columns.js';
import { DEFAULT_MASK_RULE } from '../../src/domain/mask.js';
import { exportPlan } from '../../src/api/quarter/export-plan.js';
import { nodePort } from '../../src/io/node-port.js';
import { collectGarbage } from '../../src/io/memory.js';
import type { RecordsFile } from '../../src/schemas/documents/records.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const idOf = (i: number): string => `r${String(i).padStart(11, '0')}`;
/** Records of three batches; every fifth expires in 2026Q3, with identifiers and a non-ASCII name. */
const record = (i: number): RegisterRecord =>
  ({
    id: idOf(i),
    listType: i % 3 === 0 ? 'black' : 'red',
    domain: i % 2 === 0 ? '劳务派遣' : '社会保险',
    department: i % 2 === 0 ? '就业办' : '市社保中心',
    subjectName: i % 4 === 0 ? `张${i}` : `新乡市测试${i}有限公司`,
    subjectType: i % 4 === 0 ? '自然人' : '法人及非法人组织',
    creditCode: i % 4 === 0 ? '' : `91410700MA${String(i).padStart(7, '0')}X`,
    idType: i % 4 === 0 ? '身份证' : '',
    idNumber: i % 4 === 0 ? `41070219800101${String(i % 10000).padStart(4, '0')}` : '',
    decisionNo: `新人社罚〔2023〕${i}号`,
    decisionDate: '2023-06-30',
    publishUntil: i % 5 === 0 ? '2026-08-31' : '2029-03-30',
    severity: '',
    facts: '事实',
  }) as unknown as RegisterRecord;

function workspace(): string {
  const bodies: EventBody[] = [0, 1, 2].map(
    (b) =>
      ({
        type: 'publish',
        batch: `2023Q${b + 1}`,
        on: `2023-0${4 + 3 * b}-15`,
        package: '0'.repeat(64),
        records: Array.from({ length: 1500 }, (_, k) => record(b * 1500 + k)),
        removals: [],
        unchanged: [],
      }) as unknown as EventBody,
  );
  const ws = registerWorkspace(dirs, 'hrss-removed-columns-');
  writeFileSync(logOf(ws), logText(chain(bodies)));
  // The first read writes the checkpoint; the next reads through it, as every command on a province does.
  readLog(ws, { checkpoint: false });
  return ws;
}

describe('the 移出名单 of a compile from the register', () => {
  it("takes the removed records' columns from the register's summary, not from their lines, with the same rows", () => {
    const ws = workspace();
    const loaded = loadRegister(ws);
    expect(prefixOf(loaded.events)).toBeDefined();
    const asked: StoredRecord[][] = [];
    const { plan } = planRegister({
      state: loaded.state,
      records: [],
      today: '2026-10-15',
      quarterEnd: '2026-09-30',
      load: (rs) => {
        asked.push([...rs]);
        return wholeRecords(rs);
      },
    });
    expect(plan.removals).toHaveLength(900);
    expect(plan.removals.every((r) => r.type === 'expired')).toBe(true);
    for (const audience of ['public', 'sharing'] as const) {
      const rows = removedSheet('移出名单', plan, audience, DEFAULT_MASK_RULE).rows;
      // The same rows as from the whole records, read back from their lines (what compile did before).
      const ids = plan.removals.map((r) => r.id);
      const whole = wholeRecords(ids.map((id) => loaded.state.records.get(id)?.publications.at(-1) as StoredRecord));
      const fromLines = removedSheet(
        '移出名单',
        { ...plan, removed: new Map(ids.map((id, i) => [id, whole[i]!])) },
        audience,
        DEFAULT_MASK_RULE,
      ).rows;
      expect(rows).toEqual(fromLines);
      expect(rows[0]).toEqual(fromLines[0]);
    }
    // No line was read back for the sheet: `load` (whole records from their lines) was never asked.
    expect(asked.flat()).toEqual([]);
    // Nor was any event asked for all its records (every record of each event made and kept for the run: a
    // province's 10⁶): the expiries' entries are made from the checkpoint's columns (lazy-state.ts make).
    const prefix = prefixOf(loaded.events);
    expect(prefix?.events.map((e) => Object.getOwnPropertyDescriptor(e, 'records')?.get !== undefined)).toEqual([true, true, true]);
    const first = removedSheet('移出名单', plan, 'public', DEFAULT_MASK_RULE).rows[0] as string[];
    expect(first.slice(0, 5)).toEqual(['1', idOf(0), '黑名单', '劳务派遣', '张0']);
  });
});

describe("export's 移出名单 of a published batch", () => {
  it('shows each removed record as published before the batch, not as a later batch published it again', () => {
    const first = { ...record(0), publishUntil: '2026-08-31' } as RegisterRecord;
    const again = { ...first, domain: '社会保险', publishUntil: '2029-12-31' } as RegisterRecord;
    const bodies = [
      {
        type: 'publish',
        batch: '2023Q1',
        on: '2023-04-15',
        package: '0'.repeat(64),
        records: [first, record(1)],
        removals: [],
        unchanged: [],
      },
      {
        type: 'publish',
        batch: '2026Q3',
        on: '2026-10-15',
        package: '1'.repeat(64),
        records: [],
        removals: [{ id: first.id, type: 'expired', on: '2026-08-31', reason: '', department: '就业办' }],
        unchanged: [],
      },
      // The same decision listed anew after its expiry (a new publication of the same id).
      { type: 'publish', batch: '2026Q4', on: '2027-01-15', package: '2'.repeat(64), records: [again], removals: [], unchanged: [] },
    ] as unknown as EventBody[];
    const ws = mkdtempSync(join(tmpdir(), 'hrss-removed-export-'));
    dirs.push(ws);
    mkdirSync(join(ws, 'register'));
    mkdirSync(join(ws, 'packages', '2026Q3'), { recursive: true });
    writeFileSync(join(ws, 'register', 'events.jsonl'), chain(bodies).map(eventLine).join(''));
    const data = {
      quarter: '2026Q3',
      records: [],
      removals: [{ id: first.id, type: 'expired', on: '2026-08-31', reason: '', department: '就业办' }],
      unchanged: [],
      corrected: [],
    } as unknown as RecordsFile;
    for (const pass of ['without a checkpoint', 'through the checkpoint']) {
      const { plan, missing } = exportPlan(join(ws, 'packages', '2026Q3'), data, ws, nodePort);
      expect(missing, pass).toEqual([]);
      expect(plan?.removed.get(first.id), pass).toMatchObject({ id: first.id, domain: '劳务派遣', publishUntil: '2026-08-31' });
      if (pass === 'without a checkpoint') readLog(ws, { checkpoint: false });
    }
  });
});

describe('a compile plan once its 移出名单 rows are made', () => {
  // compile makes the rows, then lets the register go before it writes the workbooks (api/quarter/compile.ts): the
  // plan must hold neither the state nor the checkpoint's columns (a province's ~70 MB of parts read).
  it('holds neither the register state nor the checkpoint columns it was planned from', async () => {
    const ws = workspace();
    const planned = (() => {
      const loaded = loadRegister(ws);
      const { plan } = planRegister({
        state: loaded.state,
        records: [],
        today: '2026-10-15',
        quarterEnd: '2026-09-30',
        load: wholeRecords,
      });
      return { plan, state: new WeakRef(loaded.state), columns: new WeakRef(prefixOf(loaded.events)?.columns as object) };
    })();
    expect(planned.plan.removed.size).toBe(900);
    // (Asked as a boolean: an expect of the object itself may keep it.)
    expect(planned.columns.deref() !== undefined).toBe(true);
    // A WeakRef's target is kept to the end of the job that made it, and what a finalizer holds to its task: collected
    // after them (a few rounds).
    for (let round = 0; round < 5 && (planned.state.deref() ?? planned.columns.deref()) !== undefined; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    expect(planned.state.deref() === undefined).toBe(true);
    expect(planned.columns.deref() === undefined).toBe(true);
    expect(planned.plan.removed.get(idOf(0))).toMatchObject({ id: idOf(0), subjectName: '张0', department: '就业办' });
  });
});

describe('TextColumn.valuesAt', () => {
  it('reads the bytes once for all the values asked, a piece at a time, and keeps nothing; a column held answers from what it holds', () => {
    const values = ['张三', 'abc', '', '新乡市测试有限公司', '𠀀x', ''];
    const bytes = Buffer.from(values.join(''), 'utf8');
    const at = new Uint32Array(values.length + 1);
    values.forEach((v, i) => {
      at[i + 1] = (at[i] as number) + Buffer.byteLength(v, 'utf8');
    });
    const calls = { kept: 0, passing: 0 };
    // Pieces of 4 bytes through the buffer lent (reused), so that values start, end and lie across pieces.
    const column = new TextColumn(
      () => {
        calls.kept++;
        return bytes;
      },
      at,
      false,
      undefined,
      function* (buf) {
        calls.passing++;
        for (let p = 0; p < bytes.length; p += 4) {
          const piece = buf.subarray(0, Math.min(4, bytes.length - p));
          piece.set(bytes.subarray(p, p + piece.length));
          yield piece;
          piece.fill(0x3f);
        }
      },
    );
    expect(column.valuesAt([4, 0, 3, 2, 5, 3])).toEqual(['𠀀x', '张三', '新乡市测试有限公司', '', '', '新乡市测试有限公司']);
    expect(calls).toEqual({ kept: 0, passing: 1 });
    expect(column.valuesAt([1])).toEqual(['abc']);
    expect(column.valuesAt([])).toEqual([]);
    expect(calls).toEqual({ kept: 0, passing: 2 });
    // Asked value by value, the column reads and keeps its bytes; valuesAt then reads nothing more.
    expect(column.value(1)).toBe('abc');
    expect(column.valuesAt([1, 3])).toEqual(['abc', '新乡市测试有限公司']);
    expect(calls).toEqual({ kept: 1, passing: 2 });
  });
});
