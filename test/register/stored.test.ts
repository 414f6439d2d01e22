// Records as readers keep them (register/stored.ts) and lines parsed a record at a time
// (register/line-split.ts): the file reader must give the same state as the whole-text model, for
// any record text, and whole records read back must be the records written — or REGISTER_CORRUPT.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine, verifyLog } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent, RegisterRecord } from '../../src/register/events.js';
import { replay, statusesOn } from '../../src/register/state.js';
import { splitRecords } from '../../src/register/line-split.js';
import { SUMMARY_FIELDS } from '../../src/register/stored.js';
import { loadRegister, readLog, wholeRecords } from '../../src/io/register/register-store.js';
import { ToolError } from '../../src/diagnostics/tool-error.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspaceWith(text: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-stored-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), text);
  return ws;
}

// Text that would fool a naive splitter: the marker itself, braces, quotes, backslashes, newlines escaped, CJK.
const nasty = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('},{"authority":"x', '"records":[{', '}],"removals":[', '\\', '"', '{[', '新乡市〔2026〕', '\u2028', '\n'),
);
const recordArb = (i: number): fc.Arbitrary<RegisterRecord> =>
  fc
    .record({
      authority: nasty,
      facts: nasty,
      subjectName: nasty,
      decisionNo: nasty,
      remarks: nasty,
      publishUntil: fc.constantFrom('2027-01-01', '2030-06-30'),
    })
    .map(
      (x) =>
        ({
          ...x,
          id: `b${String(i).padStart(11, '0')}`,
          listType: i % 2 ? 'red' : 'black',
          domain: '劳务派遣',
          department: '就业办',
          subjectType: '法人及非法人组织',
          creditCode: '',
          idType: '',
          idNumber: '',
          decisionDate: '2026-01-01',
          severity: '',
          source: { file: 'x.xlsx', sheet: '名单', row: i + 2 },
        }) as unknown as RegisterRecord,
    );
const publishArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => (n === 0 ? fc.constant([] as RegisterRecord[]) : fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(i)))))
  .map(
    (records): EventBody => ({
      type: 'publish',
      batch: '2026Q1',
      on: '2026-04-15',
      package: 'f'.repeat(64),
      records,
      removals: [],
      unchanged: [],
    }),
  );

describe('records as readers keep them', () => {
  it('the file reader (a record at a time) gives the state and summaries of the whole-text model, for any record text', () => {
    fc.assert(
      fc.property(fc.array(publishArb, { minLength: 1, maxLength: 3 }), (bodies) => {
        const events = chain(bodies.map((b, i) => ({ ...b, batch: `2026Q${i + 1}` }) as EventBody));
        const text = events.map(eventLine).join('');
        const model = verifyLog(text);
        const read = readLog(workspaceWith(text));
        expect(read.result.ok).toBe(true);
        expect(read.result.head).toEqual(model.head);
        const summary = (s: ReturnType<typeof statusesOn>[number]) => Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, s.record[k]]));
        const a = statusesOn(replay(read.result.events), '2026-10-15').map(summary);
        const b = statusesOn(replay(model.events), '2026-10-15').map(summary);
        expect(a).toEqual(b);
        // Whole records read back from their lines are the records written.
        const stored = read.result.events.flatMap((e) => (e.type === 'publish' ? e.records : []));
        const written = events.flatMap((e) => (e.type === 'publish' ? e.records : []));
        expect(wholeRecords(stored)).toEqual(written);
      }),
      { numRuns: 60 },
    );
  });

  it('a line splits into its records and an event without them; a layout it does not know is not split', () => {
    const [e] = chain([
      {
        type: 'publish',
        batch: '2026Q1',
        on: '2026-04-15',
        package: 'f'.repeat(64),
        // Not records on purpose: odd text inside a record is what the splitter must not cut at.
        records: [{ id: 'a', x: '},{"id":' } as never, { id: 'b' } as never],
        removals: [],
        unchanged: [],
      },
    ]);
    const line = Buffer.from(eventLine(e as RegisterEvent).trimEnd());
    const split = splitRecords(line, 0, line.length, (b) => b.toString('utf8'));
    expect(split).not.toBeNull();
    expect(JSON.parse(split!.header).records).toEqual([]);
    expect(split!.pieces.length).toBe(4);
    expect(JSON.parse(line.toString('utf8', split!.pieces[0], split!.pieces[1]))).toEqual({ id: 'a', x: '},{"id":' });
    const spaced = Buffer.from('{"records": [{"id":"a"}]}');
    expect(splitRecords(spaced, 0, spaced.length, (b) => b.toString('utf8'))).toBeNull();
  });

  it('a line changed after it was read is REGISTER_CORRUPT when its records are read back, never another record', () => {
    const records = [0, 1].map(
      (i) =>
        ({
          id: `c${String(i).padStart(11, '0')}`,
          listType: 'black',
          subjectName: `主体${i}`,
          publishUntil: '2030-01-01',
          department: '就业办',
          domain: '劳务派遣',
        }) as unknown as RegisterRecord,
    );
    const events = chain([
      { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records, removals: [], unchanged: [] },
    ]);
    const ws = workspaceWith(events.map(eventLine).join(''));
    const loaded = loadRegister(ws);
    const stored = (loaded.events[0] as Extract<(typeof loaded.events)[number], { type: 'publish' }>).records;
    expect(wholeRecords(stored).map((r) => r.subjectName)).toEqual(['主体0', '主体1']);
    const path = join(ws, 'register', 'events.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('主体1', '主体9'));
    let err: unknown;
    try {
      wholeRecords(stored);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).code).toBe('REGISTER_CORRUPT');
  });
});

describe('register list --format json to a slow reader', () => {
  it('waits for the reader when it is behind, and writes the same bytes as to a fast one', async () => {
    const { run } = await import('../../src/cli/program.js');
    const { runCli, ROOT } = await import('../helpers/cases.js');
    const records = Array.from(
      { length: 2500 },
      (_, i) =>
        ({
          id: `d${String(i).padStart(11, '0')}`,
          listType: 'black',
          domain: '劳务派遣',
          department: '就业办',
          subjectName: `主体${i}`,
          subjectType: '法人及非法人组织',
          creditCode: '',
          idType: '',
          idNumber: '',
          decisionNo: `新人社罚〔2026〕${i}号`,
          decisionDate: '2026-01-01',
          publishUntil: '2030-01-01',
          severity: '严重',
        }) as unknown as RegisterRecord,
    );
    const ws = workspaceWith(
      chain([{ type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records, removals: [], unchanged: [] }])
        .map(eventLine)
        .join(''),
    );
    const args = ['register', 'list', '--format', 'json', '-w', ws, '--today', '2026-10-15'];
    let out = '';
    let behind = false;
    const calls: string[] = [];
    const code = await run(args, {
      stdout: {
        write: (s: string) => {
          if (behind) calls.push('write while behind');
          out += s;
          behind = true;
          return false; // a reader always behind: every part must wait
        },
        drain: async () => {
          calls.push('drain');
          await new Promise((r) => setImmediate(r));
          behind = false;
        },
        isTTY: false,
      },
      stderr: { write: () => true },
      env: {},
      cwd: ROOT,
    });
    expect(code).toBe(0);
    expect(calls).not.toContain('write while behind');
    expect(calls.filter((c) => c === 'drain').length).toBeGreaterThanOrEqual(3);
    expect(out).toBe((await runCli(args, ROOT)).stdout);
    expect(JSON.parse(out).records).toHaveLength(2500);
  });
});
